// Package scaffold starts new sites and new entries: the files behind
// "faqcast init" and "faqcast new".
package scaffold

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"github.com/faqcast/faqcast/internal/slug"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"github.com/faqcast/faqcast/generator/entry"
)

//go:embed skeleton entry.md.tmpl
var files embed.FS

// MaxSlug is the longest slug [NewEntry] makes from a question, counting
// the "-2", "-3"… that make it unique.
const MaxSlug = 60

// Init writes a new site into dir: a faqcast.yaml with placeholders and five
// starter entries, the top five questions new patients ask, whose answers
// are for the practice to write. The site does not build until then: the
// placeholders (see [Placeholders]) and the starter answers (see
// [StarterMarkers]) are errors of the compliance checks. dir must not exist or hold only hidden files, such as a fresh
// git repository's .git. Init returns the files it wrote, relative to dir.
func Init(dir string) ([]string, error) {
	items, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, item := range items {
		if !strings.HasPrefix(item.Name(), ".") {
			return nil, fmt.Errorf("%s is not empty", dir)
		}
	}
	sub, err := fs.Sub(files, "skeleton")
	if err != nil {
		return nil, err
	}
	var wrote []string
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := writeNew(target, data); err != nil {
			return err
		}
		wrote = append(wrote, p)
		return nil
	})
	return wrote, err
}

// NewEntry writes a new draft entry for question into the content folder of
// the site in dir, with every front matter key in place, and returns the new
// file's path. Its slug comes from the question and is made unique among the
// site's entries; an existing file is never overwritten.
func NewEntry(ctx context.Context, dir, question string) (string, error) {
	question = strings.TrimSpace(question)
	if !strings.ContainsFunc(question, unicode.IsLetter) {
		return "", errors.New("the question has no words")
	}
	if strings.ContainsAny(question, "\n\r") {
		return "", errors.New("the question must be one line")
	}
	base := shorten(slug.Make(question), MaxSlug)
	if base == "" {
		return "", errors.New("cannot make a slug from the question")
	}

	content := filepath.Join(dir, "content")
	taken := map[string]bool{}
	var loader entry.Loader
	if c, _ := loader.Load(ctx, content, "content"); c != nil {
		for _, e := range c.Entries {
			taken[e.Slug] = true
		}
	}
	slug := base
	for n := 2; ; n++ {
		_, err := os.Lstat(filepath.Join(content, slug+".md"))
		if !taken[slug] && errors.Is(err, fs.ErrNotExist) {
			break
		}
		suffix := "-" + strconv.Itoa(n)
		slug = shorten(base, MaxSlug-len(suffix)) + suffix
	}

	tmpl, err := template.New("entry.md.tmpl").Funcs(template.FuncMap{"quote": strconv.Quote}).ParseFS(files, "entry.md.tmpl")
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, struct{ Title, Slug string }{question, slug}); err != nil {
		return "", err
	}
	if err := os.MkdirAll(content, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(content, slug+".md")
	return path, writeNew(path, buf.Bytes())
}

// shorten cuts a slug to at most n bytes, at a hyphen where it can.
func shorten(slug string, n int) string {
	if len(slug) <= n {
		return slug
	}
	if slug[n] == '-' {
		// A word ends right at the limit.
		return slug[:n]
	}
	cut := slug[:n]
	if i := strings.LastIndexByte(cut, '-'); i > 0 {
		cut = cut[:i]
	}
	return strings.Trim(cut, "-")
}

// writeNew creates a file that must not exist yet.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
