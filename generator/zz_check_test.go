package generator_test

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
)

func TestZZCheck(t *testing.T) {
	src := os.Getenv("ZZSRC")
	if src == "" {
		t.Skip()
	}
	g := &generator.Generator{Source: src, NoWrite: true, Drafts: true, Now: benchNow}
	f, _ := os.Create("/tmp/b/check.out")
	pprof.StartCPUProfile(f)
	t0 := time.Now()
	if _, err := g.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	fmt.Println("check", time.Since(t0))
	pprof.StopCPUProfile()
}
