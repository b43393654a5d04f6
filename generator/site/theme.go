package site

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	ttemplate "text/template"
	"text/template/parse"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
)

// A Theme is the parsed set of templates a site renders with.
type Theme struct {
	display string                        // how the theme's folder is named in diagnostics
	files   map[string]string             // template name → file name in the theme
	pages   map[string]*template.Template // by kind
	robots  *ttemplate.Template
	posts   map[string]*ttemplate.Template // by platform name
	css     []byte
	digest  hash.Hash // of every file read, by name
	buffers sync.Pool // of *bytes.Buffer, to render pages into
}

// Digest returns a SHA-256 digest of the theme's files: themes with the same
// digest render the same pages from the same data.
func (th *Theme) Digest() [sha256.Size]byte {
	var d [sha256.Size]byte
	th.digest.Sum(d[:0])
	return d
}

// Kinds lists the page templates a theme must have, besides baseof.html.
var Kinds = []string{"home", "entry", "topic", "404", "links", "preview", "workspace", "week", "checklist", "replies"}

// Overlay returns a file system that serves each file from site when it has
// it, and from def otherwise. Directory listings merge both.
func Overlay(site, def fs.FS) fs.FS { return overlay{site, def} }

type overlay struct{ site, def fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if o.site != nil {
		f, err := o.site.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return o.def.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	all, err := fs.ReadDir(o.def, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if o.site != nil {
		more, err := fs.ReadDir(o.site, name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		for _, d := range more {
			if !slices.ContainsFunc(all, func(a fs.DirEntry) bool { return a.Name() == d.Name() }) {
				all = append(all, d)
			}
		}
	}
	slices.SortFunc(all, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return all, nil
}

// funcs are the functions page templates may call, besides the page's
// methods (such as .T for a message and .Date for a date in the page's
// language).
var funcs = template.FuncMap{
	"isodate": func(t time.Time) string { return t.Format(time.DateOnly) },
}

// postFuncs are the functions post templates may call.
var postFuncs = ttemplate.FuncMap{"join": strings.Join}

// LoadTheme parses the theme in fsys: baseof.html, one template per kind,
// every file in partials/, robots.txt, style.css and the post templates
// posts/<platform>.txt. display names fsys's
// root in diagnostics (such as "templates"); a template error names the file
// and line. On any error it returns no theme.
func LoadTheme(fsys fs.FS, display string) (*Theme, error) {
	th := &Theme{display: display, files: map[string]string{}, pages: map[string]*template.Template{}, digest: sha256.New()}
	var errs []error
	read := func(name string) []byte {
		b, err := fs.ReadFile(fsys, name)
		fmt.Fprintf(th.digest, "%q %d\n", name, len(b))
		th.digest.Write(b)
		if err != nil {
			errs = append(errs, diag.Errorf(path.Join(display, name), diag.Pos{}, "cannot read template: %w", err))
		}
		return b
	}
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, err
	}
	base := template.New("baseof.html").Funcs(funcs)
	if _, err := base.Parse(string(read("baseof.html"))); err != nil {
		errs = append(errs, th.templateError(err))
	}
	th.files["baseof.html"] = "baseof.html"
	for _, name := range partials {
		th.files[path.Base(name)] = name
		if _, err := base.New(path.Base(name)).Parse(string(read(name))); err != nil {
			errs = append(errs, th.templateError(err))
		}
	}
	if len(errs) > 0 {
		return nil, diag.Join(errs...)
	}
	// What baseof.html shows as each page's own content, which every page
	// template defines; unless a site's baseof.html shows none.
	b := base.Lookup("baseof.html")
	needsMain := b != nil && b.Tree != nil && callsTemplate(b.Tree.Root, mainTemplate)
	for _, kind := range Kinds {
		name := kind + ".html"
		th.files[name] = name
		t, err := base.Clone()
		if err == nil {
			_, err = t.New(name).Parse(string(read(name)))
		}
		if err != nil {
			errs = append(errs, th.templateError(err))
			continue
		}
		if needsMain && t.Lookup(mainTemplate) == nil {
			errs = append(errs, diag.Errorf(path.Join(display, name), diag.Pos{Line: 1, Col: 1},
				"template: defines no %q, the page's content, which baseof.html shows", mainTemplate).
				WithHint("wrap the page's content in {{define %q}} … {{end}}, as faqcast's own %s does", mainTemplate, name))
			continue
		}
		th.pages[kind] = t
	}
	th.files["robots.txt"] = "robots.txt"
	th.robots, err = ttemplate.New("robots.txt").Parse(string(read("robots.txt")))
	if err != nil {
		errs = append(errs, th.templateError(err))
	}
	th.css = read("style.css")
	postFiles, err := fs.Glob(fsys, "posts/*.txt")
	if err != nil {
		return nil, err
	}
	th.posts = map[string]*ttemplate.Template{}
	for _, name := range postFiles {
		th.files[name] = name
		t, err := ttemplate.New(name).Funcs(postFuncs).Parse(string(read(name)))
		if err != nil {
			errs = append(errs, th.templateError(err))
			continue
		}
		th.posts[strings.TrimSuffix(path.Base(name), ".txt")] = t
	}
	if err := diag.Join(errs...); err != nil {
		return nil, err
	}
	return th, nil
}

// mainTemplate is the template of a page's own content, which baseof.html
// shows inside its frame.
const mainTemplate = "main"

// callsTemplate reports whether n, or a node inside it, calls the template
// called name.
func callsTemplate(n parse.Node, name string) bool {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if callsTemplate(c, name) {
				return true
			}
		}
	case *parse.TemplateNode:
		return n.Name == name
	case *parse.IfNode:
		return callsTemplate(n.List, name) || callsTemplate(n.ElseList, name)
	case *parse.RangeNode:
		return callsTemplate(n.List, name) || callsTemplate(n.ElseList, name)
	case *parse.WithNode:
		return callsTemplate(n.List, name) || callsTemplate(n.ElseList, name)
	}
	return false
}

// templateLine matches the "template: NAME:LINE:COL:" prefix that
// text/template puts on parse and execution errors, and the
// "html/template:NAME:LINE:COL:" one html/template puts on the escaping
// errors it finds when a page is first rendered (LINE and COL may be
// missing); it is the only place they record the file and line.
var templateLine = regexp.MustCompile(`^(?:template: |html/template:)([^:\s][^:]*):(?:(\d+):)?(?:(\d+):)?`)

// templateError turns a template parse or execution error into a
// diagnostic at the template's file and line.
func (th *Theme) templateError(err error) error {
	file := th.display
	var pos diag.Pos
	msg := err.Error()
	if m := templateLine.FindStringSubmatch(msg); m != nil {
		name := m[1]
		if f, ok := th.files[name]; ok {
			name = f
		}
		file = path.Join(th.display, name)
		pos.Line, _ = strconv.Atoi(m[2])
		pos.Col, _ = strconv.Atoi(m[3])
		msg = msg[len(m[0]):]
	}
	return diag.Errorf(file, pos, "template: %s", strings.TrimSpace(msg)).
		WithHint("fix the template, or delete the site's copy to use the default theme")
}

// ExecutePost renders the post template of the named platform with data
// and tidies the text: no white space at the ends of lines or of the text,
// and no more than one empty line in a row.
func (th *Theme) ExecutePost(name string, data any) (string, error) {
	t := th.posts[name]
	if t == nil {
		return "", diag.Errorf(path.Join(th.display, "posts", name+".txt"), diag.Pos{}, "no post template for %s", name).
			WithHint("the default theme has one; restore it, or disable the platform under platforms:")
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", th.templateError(err)
	}
	return tidy(b.String()), nil
}

// tidy trims white space at the ends of lines and of s, and folds runs of
// empty lines into one.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\r")
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// maxPooled is the capacity of the largest buffer a Theme keeps for the
// next page: a home page that lists ten thousand questions is about 2 MiB.
const maxPooled = 8 << 20

// executeWith renders the page template of p's kind into a buffer th
// reuses, and calls use with the page, which use must not keep.
func (th *Theme) executeWith(p *Page, use func(page []byte)) error {
	t := th.pages[p.Kind]
	if t == nil {
		return fmt.Errorf("no template for %s pages", p.Kind)
	}
	buf, _ := th.buffers.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	defer func() {
		if buf.Cap() <= maxPooled {
			th.buffers.Put(buf)
		}
	}()
	if err := t.ExecuteTemplate(buf, "baseof.html", p); err != nil {
		return th.templateError(err)
	}
	use(buf.Bytes())
	return nil
}
