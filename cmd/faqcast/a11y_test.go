package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/faqcast/faqcast/generator"
)

// tools is where .ci/install-browser-tools puts axe-core and vnu-jar.
const tools = "../../.ci/tools/node_modules"

// builtSites builds the example practice and the second test site (which
// takes every template path and has no schedule) and returns their output
// folders by name. The example is built as of the Wednesday of its
// schedule's first week, so that its workspace's current week and its link
// page show posts.
func builtSites(t *testing.T) map[string]string {
	t.Helper()
	second := t.TempDir()
	if err := os.CopyFS(second, os.DirFS("testdata/a11y-site")); err != nil {
		t.Fatal(err)
	}
	img := image.NewNRGBA(image.Rect(0, 0, 64, 40))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(3, 3, color.NRGBA{10, 90, 170, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(second, "content", "pharmacy.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for name, source := range map[string]string{"example": "../..", "second": second} {
		dest := t.TempDir()
		g := &generator.Generator{Source: source, Dest: dest}
		if _, err := g.Build(context.Background(), generator.Change{Now: time.Date(2026, 12, 9, 15, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatalf("building %s: %v", name, err)
		}
		out[name] = dest
	}
	return out
}

// htmlPages returns the HTML files below dir, relative, sorted.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

var refRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// TestSiteLinksAndData checks both sites' output without a browser: every
// internal link and asset resolves to a generated file; every JSON-LD block
// parses with the required properties; sitemap.xml and feed.xml parse and
// list exactly the public pages.
func TestSiteLinksAndData(t *testing.T) {
	for name, dir := range builtSites(t) {
		t.Run(name, func(t *testing.T) {
			base := map[string]string{"example": "https://riverbend.example/", "second": "https://health.example.org/clinic/"}[name]
			var public []string
			for _, page := range htmlPages(t, dir) {
				data, _ := os.ReadFile(filepath.Join(dir, page))
				for _, m := range refRE.FindAllStringSubmatch(string(data), -1) {
					ref := strings.ReplaceAll(m[1], "&amp;", "&")
					if strings.Contains(ref, "://") || strings.HasPrefix(ref, "mailto:") || strings.HasPrefix(ref, "tel:") || strings.HasPrefix(ref, "#") {
						continue
					}
					ref, _, _ = strings.Cut(ref, "#")
					ref, _, _ = strings.Cut(ref, "?")
					var target string
					if strings.HasPrefix(ref, "/") { // the 404 page's links, from the base path
						target = strings.TrimPrefix(ref, strings.TrimPrefix(base, strings.SplitN(base, "/", 4)[0]+"//"+strings.SplitN(base, "/", 4)[2]))
					} else {
						target = path.Join(path.Dir(page), ref)
						if strings.HasSuffix(ref, "/") || ref == "./" {
							target += "/"
						}
					}
					target = strings.TrimPrefix(target, "/")
					if target == "" || strings.HasSuffix(target, "/") || target == "." {
						target = path.Join(target, "index.html")
					}
					if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(target))); err != nil {
						t.Errorf("%s links to %q, which is not a generated file (%s)", page, m[1], target)
					}
				}
				for _, m := range regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindAllStringSubmatch(string(data), -1) {
					var ld map[string]any
					if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
						t.Errorf("%s: JSON-LD does not parse: %v", page, err)
						continue
					}
					if ld["@context"] != "https://schema.org" || ld["@type"] == nil {
						t.Errorf("%s: JSON-LD lacks @context or @type", page)
					}
					if strings.HasPrefix(page, "faq/") {
						for _, key := range []string{"lastReviewed", "reviewedBy", "medicalAudience", "mainEntity", "url", "name"} {
							if ld[key] == nil {
								t.Errorf("%s: JSON-LD lacks %s", page, key)
							}
						}
					}
				}
				if page != "404.html" && !strings.HasPrefix(page, "social/") {
					public = append(public, base+strings.TrimSuffix(page, "index.html"))
				}
			}
			slices.Sort(public)

			var sitemap struct {
				URLs []struct {
					Loc string `xml:"loc"`
				} `xml:"url"`
			}
			data, _ := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
			if err := xml.Unmarshal(data, &sitemap); err != nil {
				t.Fatalf("sitemap.xml: %v", err)
			}
			var locs []string
			for _, u := range sitemap.URLs {
				locs = append(locs, u.Loc)
			}
			slices.Sort(locs)
			if !slices.Equal(locs, public) {
				t.Errorf("sitemap.xml lists\n%q\nthe public pages are\n%q", locs, public)
			}
			var feed struct {
				Entries []struct {
					ID string `xml:"id"`
				} `xml:"entry"`
			}
			data, _ = os.ReadFile(filepath.Join(dir, "feed.xml"))
			if err := xml.Unmarshal(data, &feed); err != nil {
				t.Fatalf("feed.xml: %v", err)
			}
			var ids, faqs []string
			for _, e := range feed.Entries {
				ids = append(ids, e.ID)
			}
			entryPage := regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `(?:[a-z]{2,3}(?:-[a-z0-9]+)*/)?faq/[^/]+/$`)
			for _, p := range public {
				if entryPage.MatchString(p) {
					faqs = append(faqs, p)
				}
			}
			slices.Sort(ids)
			if !slices.Equal(ids, faqs) {
				t.Errorf("feed.xml lists\n%q\nthe entry pages are\n%q", ids, faqs)
			}
		})
	}
}

// TestHTMLValid runs the Nu HTML Checker over every generated page.
func TestHTMLValid(t *testing.T) {
	jar := filepath.Join(tools, "vnu-jar", "build", "dist", "vnu.jar")
	java, err := exec.LookPath("java")
	if _, jarErr := os.Stat(jar); jarErr != nil || err != nil {
		t.Skip("no Nu HTML Checker: run .ci/install-browser-tools (vnu-jar from npm, Java from Debian)")
	}
	for name, dir := range builtSites(t) {
		out, err := exec.Command(java, "-jar", jar, "--errors-only", "--skip-non-html", dir).CombinedOutput()
		if err != nil || len(bytes.TrimSpace(out)) > 0 {
			t.Errorf("%s: the Nu HTML Checker found errors:\n%s", name, out)
		}
	}
}

// axeRun runs axe-core's WCAG 2.0 and 2.1 A and AA rules on the page and
// returns the violations as "rule: target" lines.
const axeRun = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
  .then(r => r.violations.flatMap(v => v.nodes.map(n => v.id + ": " + n.target.join(" "))))`

// layoutChecks are the WCAG checks axe does not make, run in the page; each
// returns the offending elements as text. Text spacing (1.4.12): with the
// spacing users may set, no clipped box cuts text off. Focus visible
// (2.4.7): every link shows an outline or a shadow when focused. Target
// size (2.5.8): links that stand on their own (navigation, lists of
// questions, buttons) are at least 24×24 CSS pixels.
const layoutChecks = `(() => {
  const out = [];
  const name = e => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : "") + " " + (e.textContent || "").trim().slice(0, 30);
  const style = document.createElement("style");
  style.textContent = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
  document.head.appendChild(style);
  for (const e of document.querySelectorAll("body *")) {
    const cs = getComputedStyle(e);
    const clips = ["hidden", "clip"];
    if ((clips.includes(cs.overflowY) && e.scrollHeight > e.clientHeight + 1) || (clips.includes(cs.overflowX) && e.scrollWidth > e.clientWidth + 1)) {
      out.push("text spacing clips " + name(e));
    }
  }
  style.remove();
  // Headless pages never hold the window's focus, so :focus styles do not
  // show there: check instead that a focus rule with an outline covers
  // every link.
  const focusRules = [];
  for (const sheet of document.styleSheets) {
    for (const r of sheet.cssRules) {
      // The shorthand, since longhands stay empty when it uses var().
      const outline = r.style && (r.style.getPropertyValue("outline") || r.style.outlineStyle);
      if (r.selectorText && /:focus/.test(r.selectorText) && outline && !/^(none|0)/.test(outline)) {
        focusRules.push(...r.selectorText.split(",").filter(s => /:focus/.test(s)).map(s => s.replace(/:focus(-visible)?/g, "").trim() || "*"));
      }
    }
  }
  for (const a of document.querySelectorAll("a[href]")) {
    if (!focusRules.some(sel => { try { return a.matches(sel); } catch (e) { return false; } })) {
      out.push("no visible focus on " + name(a));
    }
  }
  for (const a of document.querySelectorAll("nav a, .actions a, .questions a, .brand a, .topics a, .pager a")) {
    const r = a.getBoundingClientRect();
    if (r.height < 24 || r.width < 24) out.push("target smaller than 24×24 px: " + name(a) + " " + Math.round(r.width) + "×" + Math.round(r.height));
  }
  return out;
})()`

// a11yBrowser starts headless Chromium, or skips.
func a11yBrowser(t *testing.T) (context.Context, string) {
	t.Helper()
	exe := chromium(t)
	axe, err := os.ReadFile(filepath.Join(tools, "axe-core", "axe.min.js"))
	if err != nil {
		t.Skip("no axe-core: run .ci/install-browser-tools (axe-core from npm)")
	}
	ctx := newBrowser(t, exe)
	if _, err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	return ctx, string(axe)
}

// audit opens url at the given width and returns axe's violations and
// whether the page scrolls sideways.
func audit(t *testing.T, ctx context.Context, axe, url string, width int64) (violations []string, overflow bool) {
	t.Helper()
	step, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.Run(step, chromedp.EmulateViewport(width, 900)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(step, chromedp.Navigate(url)); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	if _, err := chromedp.Run(step, chromedp.Evaluate[any](axe+";0")); err != nil {
		t.Fatalf("loading axe: %v", err)
	}
	v, err := chromedp.Run(step, chromedp.Evaluate[[]string](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe on %s: %v", url, err)
	}
	wide, err := chromedp.Run(step, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	layout, err := chromedp.Run(step, chromedp.Evaluate[[]string](layoutChecks))
	if err != nil {
		t.Fatalf("layout checks on %s: %v", url, err)
	}
	return append(v, layout...), wide
}

// TestAccessibility runs axe-core (WCAG 2.1 A and AA) on every page of
// both sites in headless Chromium, at a phone's width and a desktop's, and
// checks that no page scrolls sideways at 320 CSS pixels.
func TestAccessibility(t *testing.T) {
	ctx, axe := a11yBrowser(t)
	for name, dir := range builtSites(t) {
		prefix := map[string]string{"example": "/", "second": "/clinic/"}[name]
		srv := httptest.NewServer(http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.FileServer(http.Dir(dir))))
		defer srv.Close()
		for _, page := range htmlPages(t, dir) {
			url := srv.URL + prefix + strings.TrimSuffix(page, "index.html")
			for _, width := range []int64{375, 1280} {
				v, _ := audit(t, ctx, axe, url, width)
				for _, line := range v {
					t.Errorf("%s %s at %dpx: %s", name, page, width, line)
				}
			}
			if _, wide := audit(t, ctx, axe, url, 320); wide {
				t.Errorf("%s %s scrolls sideways at 320px", name, page)
			}
		}
	}
}

// TestAccessibilityHarnessCatches proves the harness fails on a planted
// fault: an image without alt text and text without enough contrast.
func TestAccessibilityHarnessCatches(t *testing.T) {
	ctx, axe := a11yBrowser(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!DOCTYPE html><html lang="en"><head><title>Planted</title></head><body><main>
<h1>Planted faults</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#bbb;background:#fff">Too light to read.</p>
<div style="width:1200px">Too wide for a phone.</div>
<p style="height:1.2em;overflow:hidden">A box of fixed height that clips its text when the spacing grows, as some users set it.</p>
<nav><a href="/" style="outline:none;font-size:8px;line-height:8px">x</a></nav></main></body></html>`)
	}))
	defer srv.Close()
	v, wide := audit(t, ctx, axe, srv.URL, 320)
	joined := strings.Join(v, "\n")
	for _, rule := range []string{"image-alt:", "color-contrast:", "text spacing clips p", "no visible focus on a", "target smaller than 24×24 px: a"} {
		if !strings.Contains(joined, rule) {
			t.Errorf("the harness missed %q; it found:\n%s", rule, joined)
		}
	}
	if !wide {
		t.Error("the reflow check missed a page wider than the screen")
	}
}
