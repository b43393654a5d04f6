package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
)

// benchNow is the reference time of the benchmark builds.
var benchNow = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkBuild builds synthetic sites of 1000 and 10000 entries, written
// by cmd/faqcast-corpus once per size (and per run of BenchmarkBuild, into
// its temporary folder). Pick a size with -bench 'Build/1000/' or
// -bench 'Build/10000/': a cold build of 10000 entries takes minutes.
//
//	go test ./generator/ -run XXX -bench 'Build/1000/' -benchtime 3x
func BenchmarkBuild(b *testing.B) {
	root := b.TempDir()
	for _, n := range []int{1000, 10000} {
		var once sync.Once
		var src string
		corpus := func(b *testing.B) string {
			once.Do(func() {
				src = filepath.Join(root, "corpus-"+strconv.Itoa(n))
				cmd := exec.Command("go", "run", "../cmd/faqcast-corpus", "-n", strconv.Itoa(n), "-o", src)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("generating the corpus: %v\n%s", err, out)
				}
			})
			if _, err := os.Stat(filepath.Join(src, "faqcast.yaml")); err != nil {
				b.Fatalf("no corpus: %v", err)
			}
			return src
		}
		var cacheOnce sync.Once
		var cacheDir string
		cache := func(b *testing.B) string {
			cacheOnce.Do(func() { cacheDir = warmCache(b, root, corpus(b)) })
			return cacheDir
		}
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.Run("cold", func(b *testing.B) { benchCold(b, corpus(b), "") })
			b.Run("cached", func(b *testing.B) { benchCold(b, corpus(b), cache(b)) })
			b.Run("again", func(b *testing.B) { benchAgain(b, corpus(b)) })
			b.Run("nochange", func(b *testing.B) { benchNoChange(b, corpus(b)) })
			b.Run("edit", func(b *testing.B) { benchEdit(b, corpus(b), false) })
			b.Run("editfront", func(b *testing.B) { benchEdit(b, corpus(b), true) })
			b.Run("check", func(b *testing.B) { benchCheck(b, corpus(b)) })
		})
	}
}

// benchCold builds with a fresh Generator into an empty folder each time,
// keeping share cards in cache when it is not empty.
func benchCold(b *testing.B, src, cache string) {
	ctx := context.Background()
	tmp := b.TempDir()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		dest := filepath.Join(tmp, strconv.Itoa(i))
		if i > 0 {
			if err := os.RemoveAll(filepath.Join(tmp, strconv.Itoa(i-1))); err != nil {
				b.Fatal(err)
			}
		}
		i++
		b.StartTimer()
		g := &generator.Generator{Source: src, Dest: dest, CacheDir: cache}
		res, err := g.Build(ctx, generator.Change{Now: benchNow})
		if err != nil {
			b.Fatal(err)
		}
		if cache != "" && res.Cached == 0 {
			b.Fatal("no card came from the cache")
		}
	}
}

// warmCache returns a card cache in root that a build of src has filled.
func warmCache(b *testing.B, root, src string) string {
	cache := filepath.Join(root, "cache-"+filepath.Base(src))
	g := &generator.Generator{Source: src, Dest: b.TempDir(), CacheDir: cache}
	if _, err := g.Build(context.Background(), generator.Change{Now: benchNow}); err != nil {
		b.Fatal(err)
	}
	return cache
}

// warm returns a Generator that has built src once into a fresh folder.
func warm(b *testing.B, src string) *generator.Generator {
	g := &generator.Generator{Source: src, Dest: b.TempDir()}
	if _, err := g.Build(context.Background(), generator.Change{Now: benchNow}); err != nil {
		b.Fatal(err)
	}
	return g
}

// benchAgain builds with a fresh Generator into the folder an earlier
// build filled, as `faqcast build` run again does.
func benchAgain(b *testing.B, src string) {
	dest := warm(b, src).Dest
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		g := &generator.Generator{Source: src, Dest: dest}
		if _, err := g.Build(ctx, generator.Change{Now: benchNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchNoChange rebuilds with a warm Generator and nothing changed.
func benchNoChange(b *testing.B, src string) {
	g := warm(b, src)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := g.Build(ctx, generator.Change{Now: benchNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchEdit rewrites one entry's body, or with front its summary, before
// each rebuild by a warm Generator, as a writer's save in `faqcast serve`
// does. The entry is restored afterwards.
func benchEdit(b *testing.B, src string, front bool) {
	path := filepath.Join(src, "content", "q00001.md")
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			b.Error(err)
		}
	})
	g := warm(b, src)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		edited := fmt.Appendf(append([]byte(nil), orig...), "\nThis is edit number %d of this page.\n", i)
		if front {
			edited = bytes.Replace(orig, []byte("summary: \""), fmt.Appendf(nil, "summary: \"Edit number %d. ", i), 1)
		}
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		if _, err := g.Build(ctx, generator.Change{Now: benchNow}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchCheck runs the whole pipeline without writing, as `faqcast check`
// does: a fresh Generator with NoWrite each time.
func benchCheck(b *testing.B, src string) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		g := &generator.Generator{Source: src, NoWrite: true}
		if _, err := g.Build(ctx, generator.Change{Now: benchNow}); err != nil {
			b.Fatal(err)
		}
	}
}
