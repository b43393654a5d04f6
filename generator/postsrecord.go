package generator

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"slices"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
	"github.com/faqcast/faqcast/internal/diskcache"
	"github.com/faqcast/faqcast/internal/pack"
	"github.com/klauspost/compress/s2"
)

// A postsRecord is an entry's posts and replies as a build holds them
// packed and the cache keeps them: first what the pages and the queue
// ask of them before they need the posts themselves (the posts'
// platforms and how many replies there are), then the posts' part of
// posts.json as it is written (see [post.JSONPart]) and the replies' part
// of replies.json (see [reply.EntryPart]), then the posts and the replies
// in a binary form that reads about eight times faster than their JSON
// (BenchmarkReadPosts). These four sections are held packed, each an S2
// block (see [pack.Encode]), as a build holds them until it needs them:
// a build that reads the record from the cache packs none of them again,
// and the cache holds about a quarter of their bytes. Encoded, the record
// begins with two digests, made once when it is made so that a build
// that reads it from the cache hashes none of it: the SHA-256 of the
// posts' part of posts.json (32 bytes, of the part as written) and the
// first 16 bytes of the SHA-256 of the rest; in the rest, each count and
// length is a uvarint:
//
//	platforms, then each platform's length and name; replies; the
//	review file's seal (see [diskcache.Seal.Append]; zeros when the
//	record was made without it); the posts' part's block's length, the
//	block; the replies' part's block's length, the block; the binary
//	posts' block's length, the block; the binary replies' block
//
// In the binary form, a post is its strings (each its length and bytes:
// entry, platform, account, text, link, link text, the call to action's
// type and URL), its length and limit as varints, a byte for override,
// its hashtags, notes and warnings, and its media (each a Src and an Alt).
// A list is its length plus one, or 0 for none (nil).
type postsRecord struct {
	partSum   [sha256.Size]byte // of part
	digest    string            // of the record after the digests
	platforms []string
	replied   int
	// reviewSeal is the seal of the posts' review file, which a build with
	// a cache keeps as a file of its own.
	reviewSeal diskcache.Seal
	// The sections, each an S2 block.
	part       []byte // of posts.json
	replyPart  []byte // of replies.json
	binPosts   []byte
	binReplies []byte
}

// errRecord reports bytes that are not a posts record.
var errRecord = errors.New("not a posts record")

// newRecord returns the encoded record of e's posts, variants, and its
// replies, and of their review file, review, if not nil, appended to
// dst[:0].
func newRecord(dst []byte, e *entry.Entry, variants, replies []post.Variant, review []byte) ([]byte, error) {
	part, err := post.JSONPart(variants)
	if err != nil {
		return nil, err
	}
	replyPart, err := reply.EntryPart(entryReplies(e, replies))
	if err != nil {
		return nil, err
	}
	// The binary posts, then the binary replies, are made in one buffer,
	// and each section is packed in another, before it is appended.
	bin := appendVariants(nil, variants)
	var z []byte
	const head = sha256.Size + digestLen // the digests, written last
	b := slices.Grow(dst[:0], head+64+len(part)+len(replyPart)+2*len(bin))[:head]
	b = binary.AppendUvarint(b, uint64(len(variants)))
	for _, v := range variants {
		b = appendString(b, v.Platform)
	}
	b = binary.AppendUvarint(b, uint64(len(replies)))
	var seal diskcache.Seal
	if review != nil {
		seal = diskcache.SealOf(review)
	}
	b = seal.Append(b)
	for _, section := range [...][]byte{part, replyPart, bin} {
		z = pack.Encode(z[:0], section)
		b = append(binary.AppendUvarint(b, uint64(len(z))), z...)
	}
	b = pack.Encode(b, appendVariants(bin[:0], replies))
	partSum, digest := sha256.Sum256(part), sha256.Sum256(b[head:])
	copy(b, partSum[:])
	copy(b[sha256.Size:], digest[:digestLen])
	return b, nil
}

// digestLen is the length of a record's digest, in bytes.
const digestLen = 16

// readRecord returns the record that b encodes, whose parts and posts
// are slices of b.
func readRecord(b []byte) (postsRecord, error) {
	var r postsRecord
	if len(b) < sha256.Size+digestLen {
		return postsRecord{}, errRecord
	}
	copy(r.partSum[:], b)
	r.digest = string(b[sha256.Size : sha256.Size+digestLen])
	rd := &reader{b: b[sha256.Size+digestLen:]}
	n := rd.count()
	r.platforms = make([]string, 0, n)
	for range n {
		r.platforms = append(r.platforms, rd.string())
	}
	r.replied = rd.count()
	r.reviewSeal = rd.seal()
	r.part, r.replyPart, r.binPosts = rd.bytes(), rd.bytes(), rd.bytes()
	r.binReplies = rd.b
	if rd.bad {
		return postsRecord{}, errRecord
	}
	for _, z := range [...][]byte{r.part, r.replyPart, r.binPosts, r.binReplies} {
		if n, err := s2.DecodedLen(z); err != nil || n > maxSection {
			return postsRecord{}, errRecord
		}
	}
	return r, nil
}

// maxSection bounds the length of a record's section: an entry's posts
// and replies take some kilobytes.
const maxSection = 64 << 20

// appendVariants appends the binary form of vs to b.
func appendVariants(b []byte, vs []post.Variant) []byte {
	for i := range vs {
		v := &vs[i]
		for _, s := range [...]string{v.Entry, v.Platform, v.Account, v.Text, v.Link, v.LinkText, v.CTA.Type, v.CTA.URL} {
			b = appendString(b, s)
		}
		b = binary.AppendVarint(b, int64(v.Length))
		b = binary.AppendVarint(b, int64(v.Limit))
		if v.Override {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		for _, list := range [...][]string{v.Hashtags, v.Notes, v.Warnings} {
			b = appendList(b, len(list), list == nil)
			for _, s := range list {
				b = appendString(b, s)
			}
		}
		b = appendList(b, len(v.Media), v.Media == nil)
		for _, m := range v.Media {
			b = appendString(appendString(b, m.Src), m.Alt)
		}
	}
	return b
}

// readVariants returns the n posts whose binary form is b, all of it.
func readVariants(b []byte, n int) ([]post.Variant, error) {
	rd := &reader{b: b}
	vs := make([]post.Variant, 0, min(n, len(b)/minVariantLen))
	for range n {
		var v post.Variant
		for _, s := range [...]*string{&v.Entry, &v.Platform, &v.Account, &v.Text, &v.Link, &v.LinkText, &v.CTA.Type, &v.CTA.URL} {
			*s = rd.string()
		}
		v.Length, v.Limit = rd.int(), rd.int()
		v.Override = rd.byte() == 1
		for _, list := range [...]*[]string{&v.Hashtags, &v.Notes, &v.Warnings} {
			if k, ok := rd.list(); ok {
				*list = make([]string, k)
				for i := range k {
					(*list)[i] = rd.string()
				}
			}
		}
		if k, ok := rd.list(); ok {
			v.Media = make([]post.Media, k)
			for i := range k {
				v.Media[i] = post.Media{Src: rd.string(), Alt: rd.string()}
			}
		}
		if rd.bad {
			return nil, errRecord
		}
		vs = append(vs, v)
	}
	if len(rd.b) > 0 {
		return nil, errRecord
	}
	return vs, nil
}

// minVariantLen is the fewest bytes a post's binary form takes: a byte
// for each of its eight strings' lengths, its two numbers, its override
// and its four lists'.
const minVariantLen = 15

// appendString appends s, its length first, to b.
func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendList appends the count of a list of n elements, or of none.
func appendList(b []byte, n int, none bool) []byte {
	if none {
		return append(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n)+1)
}

// A reader reads a record's numbers and strings from b, setting bad at
// the first that b does not hold.
type reader struct {
	b   []byte
	bad bool
}

// seal returns a seal (see [diskcache.Seal.Append]).
func (r *reader) seal() diskcache.Seal {
	s, ok := diskcache.ReadSeal(r.b)
	if !ok {
		r.bad = true
		return diskcache.Seal{}
	}
	r.b = r.b[diskcache.SealLen:]
	return s
}

// count returns a count or length, which must not exceed the bytes left.
func (r *reader) count() int {
	n, w := binary.Uvarint(r.b)
	if w <= 0 || n > uint64(len(r.b)-w) {
		r.bad = true
		return 0
	}
	r.b = r.b[w:]
	return int(n)
}

// list returns the count of a list, which must not exceed the bytes
// left, and false for none.
func (r *reader) list() (int, bool) {
	n, w := binary.Uvarint(r.b)
	if w <= 0 || n > uint64(len(r.b)-w)+1 {
		r.bad = true
		return 0, false
	}
	r.b = r.b[w:]
	if n == 0 {
		return 0, false
	}
	return int(n - 1), true
}

// bytes returns a length and that many bytes.
func (r *reader) bytes() []byte {
	n := r.count()
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

// string returns a length and that many bytes, as a string.
func (r *reader) string() string { return string(r.bytes()) }

// int returns a varint.
func (r *reader) int() int {
	n, w := binary.Varint(r.b)
	if w <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[w:]
	return int(n)
}

// byte returns a byte.
func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}
