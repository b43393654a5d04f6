package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the scripts' expected output")

func TestMain(m *testing.M) {
	testscript.Main(ownCache{m}, map[string]func(){
		// As main does, so scripts can stop 'faqcast serve' with kill -INT.
		"faqcast": func() {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
			stop()
			os.Exit(code)
		},
		// exits N faqcast ARGS... runs faqcast and succeeds only if it
		// exits with status N, so scripts can pin exit codes.
		"exits": func() {
			if len(os.Args) < 3 || os.Args[2] != "faqcast" {
				fmt.Fprintln(os.Stderr, "usage: exits N faqcast [args...]")
				os.Exit(99)
			}
			want, err := strconv.Atoi(os.Args[1])
			if err != nil {
				fmt.Fprintln(os.Stderr, "exits: bad status:", os.Args[1])
				os.Exit(99)
			}
			if got := run(context.Background(), os.Args[3:], os.Stdout, os.Stderr); got != want {
				fmt.Fprintf(os.Stderr, "exits: faqcast exited %d, want %d\n", got, want)
				os.Exit(1)
			}
			os.Exit(0)
		},
	})
}

// countEntries returns how many cards the cache dir holds: files ending in
// .entry whose keys have no kind.
func countEntries(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".entry") && !strings.Contains(filepath.Base(p), "-") {
			n++ // a card: findings' entries have a kind
		}
		return nil
	})
	return n
}

// filesIn returns the bytes of the files below dir, by path relative to
// dir.
func filesIn(ts *testscript.TestScript, dir string) map[string][]byte {
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, rerr := os.ReadFile(p)
			ts.Check(rerr)
			rel, _ := filepath.Rel(dir, p)
			out[rel] = data
		}
		return nil
	})
	return out
}

// samesite A B succeeds if the folders A and B hold the same files, byte
// for byte, and some.
func samesite(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: samesite A B")
	}
	a, b := filesIn(ts, ts.MkAbs(args[0])), filesIn(ts, ts.MkAbs(args[1]))
	if len(a) == 0 || len(a) != len(b) {
		ts.Fatalf("%d files in %s, %d in %s", len(a), args[0], len(b), args[1])
	}
	for _, name := range slices.Sorted(maps.Keys(a)) {
		if !bytes.Equal(a[name], b[name]) {
			ts.Fatalf("%s differs", name)
		}
	}
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// httpwait URL STATUS [PATTERN] fetches URL until it answers
			// STATUS with a body matching PATTERN, for up to 20 s, and
			// prints the body.
			"httpwait": httpwait,
			// waitfile FILE PATTERN waits up to 20 s for FILE to match PATTERN.
			"waitfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: waitfile FILE PATTERN")
				}
				re := regexp.MustCompile(args[1])
				deadline := time.Now().Add(20 * time.Second)
				for time.Now().Before(deadline) {
					if data, err := os.ReadFile(ts.MkAbs(args[0])); err == nil && re.Match(data) {
						return
					}
					time.Sleep(50 * time.Millisecond)
				}
				ts.Fatalf("%s never matched %s within 20 s", args[0], args[1])
			},
			// manyentries DIR N writes N short entries into DIR.
			"manyentries": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: manyentries DIR N")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				dir := ts.MkAbs(args[0])
				ts.Check(os.MkdirAll(dir, 0o755))
				for i := range n {
					data := fmt.Sprintf("---\ntitle: Can I ask question number %d about my visit?\nsummary: Yes, our front desk answers question %d.\n---\n\nCall the front desk.\n", i, i)
					ts.Check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("q%04d.md", i)), []byte(data), 0o644))
				}
			},
			// waitcount DIR N waits up to 20 s for DIR, a cache, to hold
			// N cards, at any depth.
			"waitcount": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: waitcount DIR N")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				deadline := time.Now().Add(20 * time.Second)
				for time.Now().Before(deadline) {
					if countEntries(ts.MkAbs(args[0])) >= n {
						return
					}
					time.Sleep(20 * time.Millisecond)
				}
				ts.Fatalf("%s never held %d entries within 20 s", args[0], n)
			},
			"samesite": samesite,
			// truncate FILE N cuts every cache entry under FILE (a folder)
			// to N bytes, as a crash mid-write could without renaming.
			"truncentries": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: truncentries DIR N")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				filepath.WalkDir(ts.MkAbs(args[0]), func(p string, d fs.DirEntry, err error) error {
					if err == nil && strings.HasSuffix(p, ".entry") {
						ts.Check(os.Truncate(p, int64(n)))
					}
					return nil
				})
			},
			// bigfile NAME SIZE writes a Markdown file of SIZE bytes.
			"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: bigfile NAME SIZE")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				data := []byte("---\ntitle: Huge?\nsummary: Huge.\n---\n" + strings.Repeat("word ", n/5))
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
			},
		},
		Setup: func(env *testscript.Env) error {
			// A free port for scripts that serve.
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			env.Setenv("PORT", strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
			ln.Close()
			// Pin the reference time so scripts do not depend on the clock.
			env.Setenv("SOURCE_DATE_EPOCH", "1795000000") // 2026-11-18
			// A cache of the script's own, not one in $HOME (which is
			// /no-home, and which only root may make): no script finds
			// what an earlier one, or an earlier run, kept.
			env.Setenv(generator.CacheEnv, filepath.Join(env.WorkDir, ".faqcast-cache"))
			return nil
		},
	})
}

// ownCache runs the tests with $FAQCAST_CACHE set to a folder of their
// own, removed after, so that those that run faqcast in this process
// keep nothing in the user's cache.
type ownCache struct{ m *testing.M }

func (c ownCache) Run() int {
	dir, err := os.MkdirTemp("", "faqcast-cache")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	os.Setenv(generator.CacheEnv, dir)
	return c.m.Run()
}

func httpwait(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 || len(args) > 3 {
		ts.Fatalf("usage: httpwait URL STATUS [PATTERN]")
	}
	status, err := strconv.Atoi(args[1])
	ts.Check(err)
	var re *regexp.Regexp
	if len(args) == 3 {
		re = regexp.MustCompile(args[2])
	}
	var last string
	// An event stream never ends: read what comes within a second.
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		resp, err := client.Get(args[0])
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			last = fmt.Sprintf("%d %s", resp.StatusCode, body)
			if resp.StatusCode == status && (re == nil || re.Match(body)) {
				fmt.Fprintf(ts.Stdout(), "%s", body)
				return
			}
		} else {
			last = err.Error()
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("%s never answered %d matching %v within 20 s; last: %.300s", args[0], status, re, last)
}
