package generator

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
	"github.com/faqcast/faqcast/internal/diskcache"
	"github.com/faqcast/faqcast/internal/pack"
)

// maker makes what a build hands the writer without its bytes, when the
// writer needs them: the pages the site left unrendered or packed, the
// share cards (drawn only then), the posts' review files, queue.json
// (packed until then), and posts.json and replies.json (streamed). It
// counts the cards it draws.
type maker struct {
	pages *pageSet
	queue *queued
	cards [][2]cardFile
	// homes are the share cards of the languages' home pages.
	homes []cardFile
	posts []*entryPosts
	build string // the build id posts.json names
	// situations are the practice's replies by situation, for
	// replies.json.
	situations []reply.SituationText
	// words are the site's language's messages, for the review files.
	words   *locale.Locale
	packer  *pack.Packer
	painter *card.Painter
	drawn   atomic.Int64
	// disk keeps cards between processes, or is nil; cached counts the
	// cards taken from it.
	disk   *diskcache.Cache
	cached atomic.Int64

	once    sync.Once
	cardAt  map[string]*cardFile   // by path
	reviews map[string]*entryPosts // by path
	// records holds the memory of cards and pages the writer has written
	// (see [maker.Release]), to read the next ones from the cache into;
	// nil when disk is.
	records *sync.Pool // of *[]byte
}

// queueJSONPath is the path of queue.json.
const queueJSONPath = publishDir + "queue.json"

// reviewFile returns the path of the review file of an entry's posts.
func reviewFile(slug string) string { return socialDir + "posts/" + slug + ".md" }

// publishDir holds the publisher's files, written together (see
// [output.Writer.Together]); postsJSON is the path of posts.json.
const (
	publishDir = socialDir + "publish/"
	postsJSON  = publishDir + "posts.json"
)

// index finds the cards and the review files by path, once.
func (m *maker) index() {
	m.once.Do(func() {
		m.cardAt = make(map[string]*cardFile, 2*len(m.cards)+len(m.homes))
		for i := range m.cards {
			for k := range m.cards[i] {
				m.cardAt[m.cards[i][k].file.Path] = &m.cards[i][k]
			}
		}
		for i := range m.homes {
			m.cardAt[m.homes[i].file.Path] = &m.homes[i]
		}
		m.reviews = make(map[string]*entryPosts, len(m.posts))
		for _, p := range m.posts {
			m.reviews[reviewFile(p.entry.Slug)] = p
		}
	})
}

// Make returns the bytes of f.
func (m *maker) Make(f *output.File) ([]byte, error) {
	if c := m.card(f); c != nil {
		_, data, err := m.cardBytes(f, c)
		return data, err
	}
	if p := m.reviews[f.Path]; p != nil {
		return m.review(p)
	}
	if f.Path == queueJSONPath {
		return m.packer.Unpack(m.queue.json)
	}
	return m.pages.Make(f)
}

// Link returns the bytes of f, as Make does, and for a share card, a
// review file or a page the file in the cache that holds them, for the
// writer to link into the destination: a card drawn now, or a review file
// not found there, is stored there first; a page, when it was kept there,
// without its bytes.
func (m *maker) Link(f *output.File) (string, []byte, error) {
	if c := m.card(f); c != nil {
		return m.cardBytes(f, c)
	}
	if p := m.reviews[f.Path]; p != nil {
		return m.reviewFile(p)
	}
	if f.Path == queueJSONPath {
		data, err := m.Make(f)
		return "", data, err
	}
	return m.pages.Link(f)
}

// review returns the review file of p's posts.
func (m *maker) review(p *entryPosts) ([]byte, error) {
	vs, err := p.variants()
	if err != nil {
		return nil, fmt.Errorf("%s: posts: %w", p.entry.Path, err)
	}
	return post.Markdown(p.entry, vs, m.words), nil
}

// reviewFile returns the review file of p's posts, and the path of the
// file in the cache that holds it, if the build keeps one: found there,
// held as the posts' record seals it, or else made and stored.
func (m *maker) reviewFile(p *entryPosts) (string, []byte, error) {
	if p.review != "" {
		src, data, ok := m.disk.File(p.review, buffer(m.records), p.reviewSeal.Holds)
		if ok && src != "" {
			return src, data, nil
		}
		if ok {
			recycle(m.records, data)
		}
	}
	data, err := m.review(p)
	if err != nil || p.review == "" {
		return "", data, err
	}
	src, err := m.disk.PutFile(p.review, data)
	if err != nil {
		src = "" // made again next time
	}
	return src, data, nil
}

// card returns the share card whose file is f, or nil.
func (m *maker) card(f *output.File) *cardFile {
	m.index()
	return m.cardAt[f.Path]
}

// cardBytes returns the bytes of c, whose file is f: read from the cache,
// where they were checked against the card's recipe, f's Key, or else
// drawn and stored there. It returns the path of the cache's file too,
// when it has one that holds them.
func (m *maker) cardBytes(f *output.File, c *cardFile) (string, []byte, error) {
	recipe := f.Key
	if src, data, ok := m.disk.File(recipe, buffer(m.records), func(b []byte) bool { return card.Drawn(b, recipe) }); ok {
		m.cached.Add(1)
		return src, data, nil
	}
	m.drawn.Add(1)
	data, err := m.painter.Draw(c.question, c.practice, c.theme, c.size)
	if err != nil {
		return "", nil, fmt.Errorf("%s: share card: %w", c.source, err)
	}
	src, err := m.disk.PutFile(recipe, data)
	if err != nil {
		src = "" // a card not kept is drawn again next time
	}
	return src, data, nil
}

// Release takes back the bytes of f, a share card, a review file or a
// page read from the cache that the writer has written, to read another
// into.
func (m *maker) Release(f *output.File, data []byte) {
	m.index()
	if m.cardAt[f.Path] != nil || m.reviews[f.Path] != nil {
		recycle(m.records, data)
		return
	}
	m.pages.release(f, data)
}

// Stream writes posts.json to w, from each entry's packed part, or
// replies.json, from each entry's replies: never held whole (80 and 46 MB
// at 10,000 entries), each part unpacked into the memory of the last.
func (m *maker) Stream(f *output.File, w io.Writer) error {
	var buf []byte
	each := func(get func(*entryPosts, []byte) ([]byte, error)) func(int) ([]byte, error) {
		return func(i int) ([]byte, error) {
			b, err := get(m.posts[i], buf)
			buf = b[:0]
			return b, err
		}
	}
	switch f.Path {
	case postsJSON:
		return post.WriteJSON(w, m.build, len(m.posts), each((*entryPosts).part))
	case repliesJSON:
		return reply.WriteJSON(w, m.situations, len(m.posts), each((*entryPosts).replyPart))
	}
	return fmt.Errorf("%s is not streamed", f.Path)
}

// Same reports whether found, the bytes of a share card's file, were drawn
// from the card's recipe, its Key: then the card need not be drawn again,
// even when an earlier process drew it.
func (m *maker) Same(f *output.File, found []byte) bool {
	m.index()
	return m.cardAt[f.Path] != nil && card.Drawn(found, f.Key)
}
