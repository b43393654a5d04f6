package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the scripts' expected output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
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
			return nil
		},
	})
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
