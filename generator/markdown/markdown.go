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
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/internal/diag"
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
		// GFM without task lists: their checkboxes are form controls with
		// no label, which a static page cannot use.
		goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.Footnote),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// A Resolver maps the destination of a relative link in a body (such as
// "other.md#part" or "../other-slug/") to the URL the page should use, or
// returns an error that says why the link is broken.
type Resolver func(dest string) (string, error)

// Refs holds the resolvers for a body's relative references.
type Refs struct {
	// Link resolves relative link destinations.
	Link Resolver
	// Image resolves relative image sources: files in the content folder.
	// When it is nil, every image is an error.
	Image Resolver
}

// A Result is a rendered body.
type Result struct {
	HTML []byte
	// Links and Images map each relative link destination and image source
	// in the body to what its resolver made of it. A cached Result stays
	// valid while every reference still resolves the same way.
	Links, Images map[string]string
}

// unsafeSchemes are link schemes a page never links to: browsers would run
// or open something instead of following a link. goldmark drops them, which
// leaves a link to the page itself; faqcast reports them instead.
var unsafeSchemes = []string{"javascript", "vbscript", "data", "file"}

// Render renders src, the body of the entry file at path, which starts on
// line firstLine of the file. Every broken link and image is reported at its
// position: relative references that refs cannot resolve, links with an
// unsafe scheme, images without alt text, and images from anywhere but the
// content folder (the page would load them from another site).
func (r *Renderer) Render(path string, src []byte, firstLine int, refs Refs) (*Result, error) {
	pc := parser.NewContext(parser.WithIDs(newIDs(ReservedIDs)))
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))

	res := &Result{Links: map[string]string{}, Images: map[string]string{}}
	var errs []error
	report := func(n ast.Node, err error, hint string) {
		if hint == "" {
			hint = HintOf(err)
		}
		pos := diag.PosAt(src, offset(n), firstLine)
		errs = append(errs, &diag.Error{Path: path, Pos: pos, Err: err, Hint: hint})
	}
	shift := 0
	// comments are the writers' notes to each other and to faqcast
	// ("<!-- faqcast:allow … -->"): a page shows no trace of them.
	var comments []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.HTMLBlockType == ast.HTMLBlockType2 {
				comments = append(comments, n)
			}
		case *ast.RawHTML:
			if seg := n.Segments; seg.Len() > 0 && bytes.HasPrefix(src[seg.At(0).Start:], []byte("<!--")) {
				comments = append(comments, n)
			}
		case *ast.Heading:
			if n.Level == 1 {
				shift = 1
			}
		case *ast.Link:
			dest := string(n.Destination)
			if scheme := unsafeScheme(dest); scheme != "" {
				report(n, fmt.Errorf("link uses the %s: scheme", scheme), "link to a page with an https:// address, or to another entry")
				break
			}
			if !IsRelative(dest) {
				break
			}
			to, err := refs.Link(dest)
			if err != nil {
				report(n, err, "")
				break
			}
			res.Links[dest] = to
			n.Destination = []byte(to)
		case *ast.Image:
			dest := string(n.Destination)
			if strings.TrimSpace(plainText(n, src)) == "" {
				report(n, fmt.Errorf("image %q has no alt text", dest), "describe what the image shows inside the brackets: ![A nurse checking blood pressure](bp.jpg)")
			}
			if !IsRelative(dest) || refs.Image == nil {
				report(n, fmt.Errorf("image %q is not a file in the content folder", dest),
					"put the image file beside the entry and name it relative to the entry; pages load nothing from other sites")
				break
			}
			to, err := refs.Image(dest)
			if err != nil {
				report(n, err, "")
				break
			}
			res.Images[dest] = to
			n.Destination = []byte(to)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range comments {
		n.Parent().RemoveChild(n.Parent(), n)
	}
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
	res.HTML = bytes.Clone(buf.Bytes()) // kept by builds: no spare capacity
	return res, nil
}

// A Hinter is an error that knows how to fix itself. Resolvers may return
// one, or an error that wraps one; its hint is shown with the broken link.
type Hinter interface {
	Hint() string
}

// HintOf returns the hint of err, or of the first Hinter it wraps, or "".
func HintOf(err error) string {
	var h Hinter
	if errors.As(err, &h) {
		return h.Hint()
	}
	return ""
}

// unsafeScheme returns the scheme of dest if it is one of unsafeSchemes.
func unsafeScheme(dest string) string {
	i := strings.IndexByte(dest, ':')
	if i < 0 {
		return ""
	}
	// Browsers ignore white space and case in a scheme.
	scheme := strings.ToLower(strings.Join(strings.Fields(dest[:i]), ""))
	if slices.Contains(unsafeSchemes, scheme) {
		return scheme
	}
	return ""
}

// plainText returns the text inside node n.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
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
