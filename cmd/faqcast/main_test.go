package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the scripts' expected output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"faqcast": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
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
			// Pin the reference time so scripts do not depend on the clock.
			env.Setenv("SOURCE_DATE_EPOCH", "1795000000") // 2026-11-18
			return nil
		},
	})
}
