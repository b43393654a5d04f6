package generator

import (
	"encoding/binary"
	"encoding/json"
	"errors"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
)

// A postsRecord is an entry's posts and replies as a build holds them
// packed and the cache keeps them: first what the pages and the queue
// ask of them before they need the posts themselves (the posts'
// platforms and how many replies there are), then the posts' part of
// posts.json as it is written (see [post.JSONPart]), the replies' part of
// replies.json (see [reply.EntryPart]), and the replies as JSON. Encoded,
// each count and length is a uvarint:
//
//	platforms, then each platform's length and name; replies;
//	the posts' part's length, the part; the replies' part's length, the
//	part; the replies' JSON
type postsRecord struct {
	platforms []string
	replied   int
	part      []byte // of posts.json
	replyPart []byte // of replies.json
	rest      []byte // the replies' JSON
}

// errRecord reports bytes that are not a posts record.
var errRecord = errors.New("not a posts record")

// newRecord returns the encoded record of e's posts, variants, and its
// replies.
func newRecord(e *entry.Entry, variants, replies []post.Variant) ([]byte, error) {
	part, err := post.JSONPart(variants)
	if err != nil {
		return nil, err
	}
	replyPart, err := reply.EntryPart(entryReplies(e, replies))
	if err != nil {
		return nil, err
	}
	rest, err := json.Marshal(replies)
	if err != nil {
		return nil, err
	}
	b := binary.AppendUvarint(nil, uint64(len(variants)))
	for _, v := range variants {
		b = binary.AppendUvarint(b, uint64(len(v.Platform)))
		b = append(b, v.Platform...)
	}
	b = binary.AppendUvarint(b, uint64(len(replies)))
	b = binary.AppendUvarint(b, uint64(len(part)))
	b = append(b, part...)
	b = binary.AppendUvarint(b, uint64(len(replyPart)))
	b = append(b, replyPart...)
	return append(b, rest...), nil
}

// readRecord returns the record that b encodes, whose parts and replies
// are slices of b.
func readRecord(b []byte) (postsRecord, error) {
	var r postsRecord
	num := func() (int, bool) {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return 0, false
		}
		b = b[w:]
		return int(n), true
	}
	n, ok := num()
	if !ok {
		return r, errRecord
	}
	r.platforms = make([]string, n)
	for i := range n {
		k, ok := num()
		if !ok {
			return r, errRecord
		}
		r.platforms[i], b = string(b[:k]), b[k:]
	}
	if r.replied, ok = num(); !ok {
		return r, errRecord
	}
	for _, part := range []*[]byte{&r.part, &r.replyPart} {
		k, ok := num()
		if !ok {
			return r, errRecord
		}
		*part, b = b[:k], b[k:]
	}
	r.rest = b
	return r, nil
}

// variants returns the posts of r.
func (r postsRecord) variants() ([]post.Variant, error) {
	list := make([]byte, 0, len(r.part)+2)
	list = append(append(append(list, '['), r.part...), ']')
	var vs []post.Variant
	if err := json.Unmarshal(list, &vs); err != nil {
		return nil, err
	}
	if len(vs) != len(r.platforms) {
		return nil, errRecord
	}
	return vs, nil
}

// replies returns the replies of r.
func (r postsRecord) replies() ([]post.Variant, error) {
	var rs []post.Variant
	if err := json.Unmarshal(r.rest, &rs); err != nil {
		return nil, err
	}
	if len(rs) != r.replied {
		return nil, errRecord
	}
	return rs, nil
}
