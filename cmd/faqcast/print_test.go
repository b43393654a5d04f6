package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/faqcast/faqcast/generator"
)

// pdfPage matches a page object of a PDF, not the /Pages tree.
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// TestThisWeekPrints prints the workspace's list of this week's posts to
// PDF in headless Chromium, on US Letter and on A4, and checks that it
// takes two sheets at most: for the example practice and for a practice
// that posts on every platform every day, 49 posts in the week.
func TestThisWeekPrints(t *testing.T) {
	exe := chromium(t)
	ctx := newBrowser(t, exe)

	dense := t.TempDir()
	if err := os.CopyFS(filepath.Join(dense, "content"), os.DirFS("../../content")); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile("../../faqcast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	slots := regexp.MustCompile(`(?s)  slots:\n.*?\n  blackout:`)
	daily := `["mon 09:00", "tue 09:00", "wed 09:00", "thu 09:00", "fri 09:00", "sat 09:00", "sun 09:00"]`
	cfg = slots.ReplaceAll(cfg, []byte("  slots:\n"+
		"    facebook: "+daily+"\n    instagram: "+daily+"\n    x: "+daily+"\n    linkedin: "+daily+"\n"+
		"    threads: "+daily+"\n    bluesky: "+daily+"\n    mastodon: "+daily+"\n  blackout:"))
	if err := os.WriteFile(filepath.Join(dense, "faqcast.yaml"), cfg, 0o644); err != nil {
		t.Fatal(err)
	}

	monday := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)
	for name, source := range map[string]string{"example": "../..", "dense": dense} {
		dest := t.TempDir()
		g := &generator.Generator{Source: source, Dest: dest}
		if _, err := g.Build(context.Background(), generator.Change{Now: monday}); err != nil {
			t.Fatalf("building %s: %v", name, err)
		}
		html, err := os.ReadFile(filepath.Join(dest, "social", "this-week", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		posts := strings.Count(string(html), `<td class="done">`)
		if name == "dense" && posts != 49 {
			t.Fatalf("dense: this week lists %d posts, want 49", posts)
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
		for _, size := range []struct {
			name          string
			width, height float64 // inches
		}{{"Letter", 8.5, 11}, {"A4", 8.27, 11.69}} {
			if _, err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+"/social/this-week/")); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: size.width, PaperHeight: size.height})
			if err != nil {
				t.Fatalf("%s: printing: %v", name, err)
			}
			pdf := res.Data
			if !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("%s: printing gave no PDF", name)
			}
			n := len(pdfPage.FindAll(pdf, -1))
			t.Logf("%s: this week's %d posts print on %d %s sheets", name, posts, n, size.name)
			if n > 2 || n == 0 {
				t.Errorf("%s: this week's %d posts print on %d %s sheets, want 1 or 2", name, posts, n, size.name)
			}
		}
		srv.Close()
	}
}
