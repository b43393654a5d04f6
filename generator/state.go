package generator

import (
	"sync"

	"github.com/faqcast/faqcast/generator/card"
	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/markdown"
	"github.com/faqcast/faqcast/generator/output"
	"github.com/faqcast/faqcast/generator/schedule"
	"github.com/faqcast/faqcast/generator/site"
	"github.com/faqcast/faqcast/internal/cachekey"
	"github.com/faqcast/faqcast/internal/diskcache"
	"github.com/faqcast/faqcast/internal/memo"
	"github.com/faqcast/faqcast/internal/pack"
)

// state is what a Generator keeps from one build to the next, in one
// place: the engine's memory of each stage's values (see [memo]), by the
// keys of what they were made of, and what the stages reuse to be quick.
// The stages themselves keep nothing.
type state struct {
	// What loading keeps: the files parsed, and the last index.
	loader entry.Loader
	index  *entry.Index

	// The engine's memory, stage by stage: each Table by entry (or page),
	// with what is gathered from all its values by its Gen.
	topics     memo.Cell[map[string]bool] // the topic pages' slugs, by the front key
	bodies     memo.Table[bodyVersion, *body]
	posts      memo.Table[postVersion, *entryPosts]
	postSet    memo.Cell[*postSet]
	checks     memo.Table[checkVersion, *entryCheck]
	checkSum   memo.Gathered[*checkSummary]
	pageChecks memo.Table[string, []check.Finding] // by page, its key
	pageSum    memo.Cell[[]check.Finding]
	cards      memo.Table[string, [2]cardFile] // by entry, its front matter's hash
	schedule   memo.Cell[*schedule.Queue]      // by the posts' Gen and the front key
	queue      memo.Cell[*queued]              // by the schedule's key and its posts passed
	related    memo.Cell[[][]int]              // by the entries' order, tags and ranks
	plan       memo.Cell[*site.Plan]           // by the front key, the images, the posts' Gen and the shell
	// By page, only that it was made, at which version: its bytes go to
	// the writer and are not kept.
	pages memo.Table[pageVersion, struct{}]

	// What the stages reuse: keys of this process, the Markdown renderer,
	// prepared images, the card painter and its glyphs, the packer's
	// buffers, the buffers entries of the cache are read into (see
	// [keeper] and [maker]), and the writer's record of what it wrote.
	keys     *cachekey.Maker
	markdown *markdown.Renderer
	images   imageCache
	painter  *card.Painter
	packer   pack.Packer
	// spilling names the build while it spills (see
	// [Generator.SpillDir]), and is "" while it does not: it is in the
	// scope of the tables whose values hold what it spills, so that the
	// next build asks of each whether it is still held.
	spilling string
	records  sync.Pool // of *[]byte
	out      *output.Writer
	// disk is the cache kept between processes (cards, answers, posts,
	// findings and pages), opened at the start of the first build with
	// a CacheDir, and of a build with another; diskDir is the folder it
	// was opened in, or last tried in, and program returns the digest of
	// the running program (see [diskcache.Program]), or "" when it cannot
	// be read and only cards are kept: worked out once, while the first
	// build reads its input (reading the program takes a few
	// milliseconds).
	disk    *diskcache.Cache
	diskDir string
	// diskErr is why the cache in diskDir could not be opened, if it
	// could not.
	diskErr error
	program func() string

	builds uint64 // started
}

// queued is a build's posting schedule and its files.
type queued struct {
	queue   *schedule.Queue // its Build set once wait returns
	passed  int             // the queue's items before the build's time, which the exports leave out
	exports []site.Export   // the files for schedulers, as the workspace lists them
	// files and json, queue.json packed with the state's packer, which
	// the maker unpacks when it is written, are set once wait returns;
	// done is closed then, and err says what stopped them.
	files []output.File
	json  pack.Packed
	done  chan struct{}
	err   error
}

// newState returns the state of a Generator that has not built yet.
func newState() (*state, error) {
	painter, err := card.New()
	if err != nil {
		return nil, err
	}
	program := sync.OnceValue(func() string {
		p, _ := diskcache.Program()
		return p
	})
	return &state{keys: cachekey.New(), markdown: markdown.New(), painter: painter, program: program}, nil
}
