// Package markdown renders entry bodies to HTML with goldmark.
//
// Bodies are GitHub-flavoured Markdown (tables, task lists, strikethrough,
// autolinks) plus footnotes. Raw HTML is never passed through: goldmark's
// safe default replaces it with a comment. Headings get ids, and body
// headings move one level down when the body uses a level-1 heading, because
// the page's only h1 is the question. Relative links are handed to a
// [Resolver], which maps them to page URLs or reports them as broken.
package markdown

import (
	"bytes"
	"errors"
	"net/url"
	"strings"

	"github.com/faqcast/faqcast/generator/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ReservedIDs are element ids the page templates use; body headings never
// get them.
var ReservedIDs = []string{"main", "top", "answer", "details", "reviewed", "sources", "related", "contact", "disclaimer", "topics", "top-questions", "all-questions"}

// A Renderer renders Markdown. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer with faqcast's goldmark setup.
func New() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// A Resolver maps the destination of a relative link in a body (such as
// "other.md#part" or "../other-slug/") to the URL the page should use, or
// returns an error that says why the link is broken.
type Resolver func(dest string) (string, error)

// A Result is a rendered body.
type Result struct {
	HTML []byte
	// Links maps each relative destination in the body to what the Resolver
	// made of it. A cached Result stays valid while every link still
	// resolves the same way.
	Links map[string]string
}

// Render renders src, the body of the entry file at path, which starts on
// line firstLine of the file. Each broken link is reported at its position.
func (r *Renderer) Render(path string, src []byte, firstLine int, resolve Resolver) (*Result, error) {
	pc := parser.NewContext()
	for _, id := range ReservedIDs {
		pc.IDs().Put([]byte(id))
	}
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	res := &Result{Links: map[string]string{}}
	var errs []error
	shift := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				shift = 1
			}
		case *ast.Link:
			dest := string(n.Destination)
			if !IsRelative(dest) {
				break
			}
			to, err := resolve(dest)
			if err != nil {
				pos := diag.PosAt(src, offset(n), firstLine)
				errs = append(errs, &diag.Error{Path: path, Pos: pos, Err: err, Hint: hintOf(err)})
				break
			}
			res.Links[dest] = to
			n.Destination = []byte(to)
		}
		return ast.WalkContinue, nil
	})
	if shift > 0 {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				h.Level = min(h.Level+shift, 6)
			}
			return ast.WalkContinue, nil
		})
	}
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, diag.Errorf(path, diag.Pos{Line: firstLine, Col: 1}, "cannot render the body: %w", err)
	}
	res.HTML = buf.Bytes()
	return res, nil
}

// A Hinter is an error that knows how to fix itself. Resolvers may return
// one, or an error that wraps one; its hint is shown with the broken link.
type Hinter interface {
	Hint() string
}

func hintOf(err error) string {
	var h Hinter
	if errors.As(err, &h) {
		return h.Hint()
	}
	return ""
}

// IsRelative reports whether a link destination is relative to the page: it
// has no scheme and does not start with "/" or "#".
func IsRelative(dest string) bool {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "?") {
		return false
	}
	u, err := url.Parse(dest)
	if err != nil {
		// Not a URL: treat it as a relative path, so the resolver reports it.
		return true
	}
	return u.Scheme == "" && u.Host == ""
}

// offset returns the byte offset in src of the "[" that opens link n, which
// goldmark records as the node's position. Should it not, the start of the
// enclosing block's first line is the best guess.
func offset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
