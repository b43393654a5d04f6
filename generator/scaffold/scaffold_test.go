package scaffold_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/generator/scaffold"
	"github.com/faqcast/faqcast/internal/slug"
	"github.com/faqcast/faqcast/templates"
)

var initFiles = []string{
	"content/after-hours-care.md",
	"content/first-visit.md",
	"content/insurance.md",
	"content/patient-portal.md",
	"content/prescription-refills.md",
	"faqcast.yaml",
}

// tree returns the slash paths of the files below dir.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestInit(t *testing.T) {
	for _, tc := range []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"new folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "site") }},
		{"new nested folder", func(t *testing.T) string { return filepath.Join(t.TempDir(), "a", "b", "site") }},
		{"empty folder", func(t *testing.T) string { return t.TempDir() }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			wrote, err := scaffold.Init(dir, "")
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(wrote, initFiles) {
				t.Errorf("Init wrote %q, want %q", wrote, initFiles)
			}
			if got := tree(t, dir); !slices.Equal(got, initFiles) {
				t.Errorf("folder holds %q, want %q", got, initFiles)
			}
			for _, name := range initFiles {
				info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
				if err != nil {
					t.Fatal(err)
				}
				if info.Size() == 0 {
					t.Errorf("%s is empty", name)
				}
			}
		})
	}
}

func TestInitBesideHiddenFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".git", "HEAD"), "ref")
	if _, err := scaffold.Init(dir, ""); err != nil {
		t.Fatalf("Init into a fresh repository: %v", err)
	}
	if data, err := os.ReadFile(filepath.Join(dir, ".git", "HEAD")); err != nil || string(data) != "ref" {
		t.Errorf(".git/HEAD changed: %q, %v", data, err)
	}
}

func TestInitRefuses(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, dir string)
	}{
		{"a file", func(t *testing.T, dir string) { write(t, filepath.Join(dir, "notes.txt"), "mine") }},
		{"a hidden file and a visible one", func(t *testing.T, dir string) {
			write(t, filepath.Join(dir, ".git", "HEAD"), "ref")
			write(t, filepath.Join(dir, "README"), "mine")
		}},
		{"an earlier site", func(t *testing.T, dir string) {
			if _, err := scaffold.Init(dir, ""); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			tc.setup(t, dir)
			before := snapshot(t, dir)
			if _, err := scaffold.Init(dir, "", "en", "es"); err == nil || !strings.Contains(err.Error(), "is not empty") || errors.Is(err, scaffold.ErrLanguage) {
				t.Fatalf("Init into a folder with %s: err = %v, want \"is not empty\"", tc.name, err)
			}
			if after := snapshot(t, dir); !maps(before, after) {
				t.Error("Init changed a folder it refused")
			}
		})
	}

	// A path that is a file is refused too.
	file := filepath.Join(t.TempDir(), "file")
	write(t, file, "x")
	if _, err := scaffold.Init(file, ""); err == nil {
		t.Error("Init into a file succeeded")
	}
}

func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, name := range tree(t, dir) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = string(b)
	}
	return m
}

func maps(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

var now = time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)

// TestInitBuilds checks that a new site builds, its placeholders aside
// (the build's own tests check that they are errors), with its five
// entries, and that an entry added with NewEntry builds as a draft.
func TestInitBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := scaffold.Init(dir, ""); err != nil {
		t.Fatal(err)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "faqcast.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "faqcast.yaml"), string(cfg)+"checks:\n  rules: {SETUP-PLACEHOLDER: off, REVIEW-MISSING: off}\n")
	g := &generator.Generator{Source: dir}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatalf("the new site does not build: %v", err)
	}
	if res.Entries != 5 {
		t.Errorf("Entries = %d, want 5", res.Entries)
	}
	for _, slug := range []string{"after-hours-care", "first-visit", "insurance", "patient-portal", "prescription-refills"} {
		if _, err := os.Stat(filepath.Join(dir, "public", "faq", slug, "index.html")); err != nil {
			t.Errorf("faq/%s/ not built: %v", slug, err)
		}
	}

	if _, err := scaffold.NewEntry(context.Background(), dir, "Do you offer flu shots?"); err != nil {
		t.Fatal(err)
	}
	res, err = g.Build(context.Background(), generator.Change{Now: now})
	if err != nil || res.Entries != 5 {
		t.Fatalf("with a new draft: %v entries, %v; want 5, no error", res, err)
	}
	g.Drafts = true
	res, err = g.Build(context.Background(), generator.Change{Now: now})
	if err != nil || res.Entries != 6 {
		t.Fatalf("with --drafts: %v, %v; want 6 entries, no error", res, err)
	}
}

func TestNewEntrySlug(t *testing.T) {
	long := "What should I do if my child has a fever and a rash after the vaccines at the clinic last week?"
	for _, tc := range []struct {
		name     string
		existing map[string]string // files in content/
		question string
		want     string // the new file, relative to content/
	}{
		{"from the question", nil, "Do you offer flu shots?", "do-you-offer-flu-shots.md"},
		{"accents, apostrophes and spaces", nil, "  Qué pasa if I don't have insurance?  ", "que-pasa-if-i-dont-have-insurance.md"},
		{"only digits and letters kept", nil, "COVID-19: who can get a booster (2026)?", "covid-19-who-can-get-a-booster-2026.md"},
		{"long question, cut at a hyphen", nil, long, "what-should-i-do-if-my-child-has-a-fever-and-a-rash-after.md"},
		{"a long word is cut", nil, strings.Repeat("a", 70) + "?", strings.Repeat("a", 60) + ".md"},
		{"cut keeps a word that ends at the limit", nil,
			strings.Repeat("abcd ", 11) + "abcde fgh?", // 55 bytes of "abcd-", then "abcde" ends at 60
			strings.Repeat("abcd-", 11) + "abcde.md"},
		{"file name taken", map[string]string{"do-you-offer-flu-shots.md": "not even an entry"},
			"Do you offer flu shots?", "do-you-offer-flu-shots-2.md"},
		{"file name and -2 taken", map[string]string{"do-you-offer-flu-shots.md": "x", "do-you-offer-flu-shots-2.md": "y"},
			"Do you offer flu shots?", "do-you-offer-flu-shots-3.md"},
		{"slug taken by another entry's slug:", map[string]string{
			"flu.md": entryText("Flu?", "slug: do-you-offer-flu-shots\n"),
		}, "Do you offer flu shots?", "do-you-offer-flu-shots-2.md"},
		{"slug taken by an entry in a subfolder", map[string]string{
			"vaccines/do-you-offer-flu-shots.md": entryText("Flu?", ""),
		}, "Do you offer flu shots?", "do-you-offer-flu-shots-2.md"},
		{"slug taken by a draft", map[string]string{
			"flu.md": entryText("Flu?", "slug: do-you-offer-flu-shots\ndraft: true\n"),
		}, "Do you offer flu shots?", "do-you-offer-flu-shots-2.md"},
		{"slug and -2 taken by slug: values", map[string]string{
			"a.md": entryText("A?", "slug: do-you-offer-flu-shots\n"),
			"b.md": entryText("B?", "slug: do-you-offer-flu-shots-2\n"),
		}, "Do you offer flu shots?", "do-you-offer-flu-shots-3.md"},
		{"long question taken: the number fits in the limit", map[string]string{
			strings.Repeat("abcd-", 11) + "abcde.md": "x",
		}, strings.Repeat("abcd ", 11) + "abcde fgh?", strings.Repeat("abcd-", 11) + "2.md"},
		{"shorter long question taken: the number fits as it is", map[string]string{
			"what-should-i-do-if-my-child-has-a-fever-and-a-rash-after.md": "x",
		}, long, "what-should-i-do-if-my-child-has-a-fever-and-a-rash-after-2.md"},
		{"broken entries do not stop it", map[string]string{
			"broken.md": "---\ntitle: [unclosed\n---\n",
		}, "Do you offer flu shots?", "do-you-offer-flu-shots.md"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tc.existing {
				write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), text)
			}
			before := snapshot(t, dir)
			got, err := scaffold.NewEntry(context.Background(), dir, tc.question)
			if err != nil {
				t.Fatal(err)
			}
			if want := filepath.Join(dir, "content", tc.want); got != want {
				t.Errorf("NewEntry(%q) = %s, want %s", tc.question, got, want)
			}
			name := strings.TrimSuffix(filepath.Base(got), ".md")
			if len(name) > scaffold.MaxSlug || !slug.Valid(name) {
				t.Errorf("slug %q is not a valid slug of at most %d bytes", name, scaffold.MaxSlug)
			}
			after := snapshot(t, dir)
			for name, text := range before {
				if after[name] != text {
					t.Errorf("%s changed", name)
				}
			}
			if len(after) != len(before)+1 {
				t.Errorf("%d files before, %d after; want one more", len(before), len(after))
			}
		})
	}
}

func entryText(title, extra string) string {
	return "---\ntitle: " + title + "\nsummary: An answer.\n" + extra + "---\n\nBody.\n"
}

// TestNewEntryFrontMatter checks that what NewEntry writes parses, with
// the question as its title, whatever characters the question holds.
func TestNewEntryFrontMatter(t *testing.T) {
	for _, question := range []string{
		"Do you offer flu shots?",
		`What does "in network" mean?`,
		"Billing: who do I call?",
		`Can I use C:\Users\me\records.pdf?`,
		"Is my data safe? 🔒",
		"What is #1 on the list?",
		"What's a 'copay' — and why: \"deductible\" # \\ ?",
		"- Is a leading dash a list?",
		"[Are brackets] {and braces} ok?",
		"Tab\there?",
		"¿Dónde está la clínica?",
	} {
		t.Run(question, func(t *testing.T) {
			dir := t.TempDir()
			path, err := scaffold.NewEntry(context.Background(), dir, question)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rel := filepath.Base(path)
			e, err := entry.Parse("content/"+rel, rel, data)
			if err != nil {
				t.Fatalf("the new entry does not parse: %v\n%s", err, data)
			}
			// Its words, one space apart: a title is one line of words.
			if want := strings.Join(strings.Fields(question), " "); e.Title != want {
				t.Errorf("title %q, want %q", e.Title, want)
			}
			if !e.Draft {
				t.Error("the new entry is not a draft")
			}
			if e.Slug != strings.TrimSuffix(rel, ".md") {
				t.Errorf("slug %q, want the file name's %q", e.Slug, rel)
			}
			if e.Summary == "" {
				t.Error("no summary placeholder")
			}
			for _, key := range []string{"title:", "summary:", "slug:", "rank:", "tags:", "hashtags:", "reviewed_by:", "reviewed_on:", "sources:", "draft:"} {
				if !strings.Contains(string(data), key) {
					t.Errorf("the new entry lacks %s", key)
				}
			}
		})
	}
}

// TestNewEntryLanguage checks that the new entry's notes and starter
// texts are in the site's language: Spanish for a site in es or es-MX,
// English for one in en or with a config faqcast cannot read; and that
// its short answer and answer are starter texts the checks know, in
// either language.
func TestNewEntryLanguage(t *testing.T) {
	for _, tc := range []struct{ config, want string }{
		{"language: es\n", "Escriba aquí la respuesta"},
		{"language: es-MX\n", "Escriba aquí la respuesta"},
		{"language: ES\n", "Escriba aquí la respuesta"},
		{"language: en\n", "Write the answer here"},
		{"language: [es\n", "Write the answer here"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte("base_url: https://clinic.example/\npractice: {name: Clinic, phone: \"(555) 010-0100\"}\n"+tc.config), 0o644); err != nil {
			t.Fatal(err)
		}
		path, err := scaffold.NewEntry(context.Background(), dir, "¿Cómo pago mi factura?")
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), tc.want) {
			t.Errorf("%s: the new entry lacks %q:\n%s", tc.config, tc.want, data)
		}
		e, err := entry.Parse("content/x.md", "x.md", data)
		if err != nil {
			t.Fatalf("%s: the new entry does not parse: %v", tc.config, err)
		}
		if !slices.ContainsFunc(scaffold.StarterSummaries, func(m string) bool { return strings.HasPrefix(e.Summary, m) }) {
			t.Errorf("%s: summary %q is no starter summary the checks know", tc.config, e.Summary)
		}
		if !slices.ContainsFunc(scaffold.StarterMarkers, func(m string) bool { return strings.Contains(string(e.Body), m) }) {
			t.Errorf("%s: the answer holds no starter marker the checks know:\n%s", tc.config, e.Body)
		}
		// The example source, uncommented, is a source.
		uncommented := strings.Replace(string(data), "\n#  - {title:", "\n  - {title:", 1)
		if e, err := entry.Parse("content/x.md", "x.md", []byte(uncommented)); err != nil || len(e.Sources) != 1 {
			t.Errorf("%s: the new entry with its example source uncommented: %v", tc.config, err)
		}
	}
}

// TestNewEntryIn checks an entry in another language than the site's: it
// says lang:, its notes are in that language, it goes in that language's
// folder, and it parses; the site's own language, however written, makes
// an entry like NewEntry's; a language without its region is taken as the
// site's, or its entries', with one.
func TestNewEntryIn(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte("base_url: https://clinic.example/\npractice: {name: Clinic, phone: \"(555) 010-0100\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ question, lang, path, langLine, notes string }{
		{"¿Cómo pago mi factura?", "ES", "content/es/como-pago-mi-factura.md", "lang: es\n", "Escriba aquí la respuesta"},
		{"¿Hay estacionamiento?", "es-mx", "content/es-mx/hay-estacionamiento.md", "lang: es-MX\n", "Escriba aquí la respuesta"},
		{"How do I pay my bill?", "en", "content/how-do-i-pay-my-bill.md", "", "Write the answer here"},
	} {
		path, err := scaffold.NewEntryIn(context.Background(), dir, tc.question, tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		if rel, _ := filepath.Rel(dir, path); filepath.ToSlash(rel) != tc.path {
			t.Errorf("%s: written to %s, want %s", tc.question, rel, tc.path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if tc.langLine != "" && !strings.Contains(string(data), tc.langLine) || tc.langLine == "" && strings.Contains(string(data), "\nlang:") ||
			!strings.Contains(string(data), tc.notes) {
			t.Errorf("%s (%s):\n%s", tc.question, tc.lang, data)
		}
		if _, err := entry.Parse(tc.path, tc.path, data); err != nil {
			t.Errorf("%s: %v", tc.question, err)
		}
	}
	if _, err := scaffold.NewEntryIn(context.Background(), dir, "Q?", "not a tag!"); err == nil {
		t.Error("a language that is no tag was taken")
	}

	// A language without its region, on a site whose own language, or
	// whose entries in that language, have one, starts no second section.
	mx := filepath.Join(t.TempDir(), "mx")
	if _, err := scaffold.Init(mx, "", "es-MX", "en-US"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ question, lang, path string }{
		{"¿Hay estacionamiento?", "es", "content/hay-estacionamiento.md"},
		{"Is there parking?", "en", "content/en-us/is-there-parking.md"},
	} {
		path, err := scaffold.NewEntryIn(context.Background(), mx, tc.question, tc.lang)
		if rel, _ := filepath.Rel(mx, path); err != nil || filepath.ToSlash(rel) != tc.path {
			t.Errorf("%s (%s): written to %s (%v), want %s", tc.question, tc.lang, rel, err, tc.path)
		}
	}
}

func TestNewEntryRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, question, want string
	}{
		{"empty", "", "the question has no words"},
		{"spaces", "   ", "the question has no words"},
		{"punctuation", "?!? …", "the question has no words"},
		{"digits only", "123?", "the question has no words"},
		{"emoji only", "🙂🙂?", "the question has no words"},
		{"newline", "What to bring?\nAnd when?", "the question must be one line"},
		{"carriage return", "What to bring?\rAnd when?", "the question must be one line"},
		{"no letters a slug can use", "如何预约？", "cannot make a slug from the question"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path, err := scaffold.NewEntry(context.Background(), dir, tc.question)
			if err == nil || err.Error() != tc.want {
				t.Fatalf("NewEntry(%q) = %q, %v; want error %q", tc.question, path, err, tc.want)
			}
			if files := tree(t, dir); len(files) != 0 {
				t.Errorf("a refused question wrote %q", files)
			}
		})
	}
}

// TestNewEntryAsked checks that a question an entry already asks, even a
// draft or an entry in a subfolder, is refused at that entry's title, as
// the index would refuse the two titles, and that others are not.
func TestNewEntryAsked(t *testing.T) {
	existing := map[string]string{
		"flu.md":          entryText("Do you offer flu shots?", ""),
		"pets/dog.md":     entryText("Can I bring my dog?", "draft: true\n"),
		"es/seguro.md":    entryText("¿Aceptan mi SEGURO?", ""),
		"broken.md":       "---\ntitle: [unclosed\n---\n",
		"no-title.md":     "---\nsummary: An answer.\n---\n\nBody.\n",
		"not-an-entry.md": "just text",
	}
	for _, tc := range []struct {
		question string
		asked    string // the entry's file, relative to content/, or "" if none asks it
	}{
		{"Do you offer flu shots?", "flu.md"},
		{"  do you offer   FLU shots ", "flu.md"},
		{"Do you offer flu shots?!", "flu.md"},
		{"Can I bring my dog?", "pets/dog.md"},
		{"¿aceptan mi seguro?", "es/seguro.md"},
		{"Do you offer flu shots for kids?", ""},
		{"Do you offer flu-shots?", ""},
	} {
		t.Run(tc.question, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range existing {
				write(t, filepath.Join(dir, "content", filepath.FromSlash(name)), text)
			}
			before := snapshot(t, dir)
			path, err := scaffold.NewEntry(context.Background(), dir, tc.question)
			if tc.asked == "" {
				if err != nil {
					t.Fatalf("NewEntry(%q): %v", tc.question, err)
				}
				return
			}
			var de *generator.Error
			if !errors.As(err, &de) {
				t.Fatalf("NewEntry(%q) = %q, %v; want a *generator.Error", tc.question, path, err)
			}
			want := filepath.ToSlash(filepath.Join(dir, "content", tc.asked))
			if de.Path != want || de.Pos != (generator.Pos{Line: 2, Col: 8}) || de.Hint == "" {
				t.Errorf("error at %s:%d:%d (hint %q), want %s:2:8 with a hint", de.Path, de.Pos.Line, de.Pos.Col, de.Hint, want)
			}
			if !strings.Contains(err.Error(), "already asks") {
				t.Errorf("error %q does not say the question is asked", err)
			}
			if after := snapshot(t, dir); len(after) != len(before) {
				t.Errorf("a refused question wrote a file: %d files before, %d after", len(before), len(after))
			}
		})
	}
}

// TestNewEntryNeverOverwrites makes the file NewEntry would pick appear
// between its check and its write: it must fail, not overwrite.
func TestNewEntryNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	first, err := scaffold.NewEntry(context.Background(), dir, "Do you offer flu shots?")
	if err != nil {
		t.Fatal(err)
	}
	// Another question with the same slug gets a new file.
	second, err := scaffold.NewEntry(context.Background(), dir, "Do you offer flu-shots?")
	if err != nil {
		t.Fatal(err)
	}
	if first == second || filepath.Base(second) != "do-you-offer-flu-shots-2.md" {
		t.Errorf("second entry %s, first %s", second, first)
	}

	// A dangling symbolic link holds the name: it is neither followed nor
	// replaced.
	link := filepath.Join(dir, "content", "is-it-safe.md")
	target := filepath.Join(t.TempDir(), "outside.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links:", err)
	}
	got, err := scaffold.NewEntry(context.Background(), dir, "Is it safe?")
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(got) != "is-it-safe-2.md" {
		t.Errorf("NewEntry = %s, want is-it-safe-2.md", got)
	}
	if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link's target was written: %v", err)
	}
}

// TestInitKind checks that init writes a practice kind's config and
// starter entries: a dental practice gets practice.kind: dental, a dentist
// to review, and the top five questions of new dental patients; a
// behavioral health practice those of new therapy clients, a physical
// therapy, optometry or chiropractic practice those of its new patients,
// a pharmacy those of its new customers, and a practice of another kind
// those of any practice that works by appointment, with a practitioner to
// review; an unknown kind is refused and writes nothing.
func TestInitKind(t *testing.T) {
	therapy := filepath.Join(t.TempDir(), "therapy")
	wrote, err := scaffold.Init(therapy, "behavioral_health")
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := os.ReadFile(filepath.Join(therapy, "faqcast.yaml")); err != nil || !strings.Contains(string(cfg), "\ntitle: Client questions, answered\n") {
		t.Errorf("behavioral_health: faqcast.yaml's title is not its kind's (%v)", err)
	}
	if want := []string{"content/confidentiality.md", "content/crisis.md", "content/first-session.md", "content/insurance.md", "content/telehealth.md", "faqcast.yaml"}; !slices.Equal(wrote, want) {
		t.Errorf("behavioral_health: wrote %q, want %q", wrote, want)
	}
	for _, tc := range []struct {
		kind  string
		files []string // the starters, below content/
	}{
		{"physical_therapy", []string{"first-visit.md", "how-many-visits.md", "insurance.md", "referral.md", "what-to-wear.md"}},
		{"optometry", []string{"contact-lenses.md", "dilation.md", "eye-exam.md", "how-often.md", "insurance.md"}},
		{"chiropractic", []string{"adjustments.md", "first-visit.md", "insurance.md", "referral.md", "what-to-wear.md"}},
		{"pharmacy", []string{"ask-the-pharmacist.md", "insurance-and-cost.md", "refills.md", "transfer-prescriptions.md", "vaccines.md"}},
		{"other", []string{"after-hours.md", "appointments.md", "cost-and-payment.md", "first-appointment.md", "what-to-bring.md"}},
	} {
		wrote, err := scaffold.Init(filepath.Join(t.TempDir(), tc.kind), tc.kind)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, f := range tc.files {
			want = append(want, "content/"+f)
		}
		if want = append(want, "faqcast.yaml"); !slices.Equal(wrote, want) {
			t.Errorf("%s: wrote %q, want %q", tc.kind, wrote, want)
		}
	}
	other := filepath.Join(t.TempDir(), "other")
	if _, err := scaffold.Init(other, "other"); err != nil {
		t.Fatal(err)
	}
	// A kind with no roles of its own gets a practitioner to review, one
	// its checks.clinical_roles lets review, rather than a physician.
	c, err := config.Load(other)
	if err != nil {
		t.Fatal(err)
	}
	if st := c.Staff[0]; st.Role != "practitioner" || st.Credentials != "" || !slices.Equal(c.ClinicalRoles(), []string{"practitioner"}) {
		t.Errorf("other: the reviewer is a %s (%q), and %v may review; want a practitioner with no credentials yet, who alone may review", st.Role, st.Credentials, c.ClinicalRoles())
	}

	dir := filepath.Join(t.TempDir(), "dental")
	wrote, err = scaffold.Init(dir, "dental")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"content/checkups.md", "content/childrens-first-visit.md", "content/dental-emergencies.md", "content/first-visit.md", "content/insurance.md", "faqcast.yaml"}
	if !slices.Equal(wrote, want) {
		t.Errorf("wrote %q, want %q", wrote, want)
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "faqcast.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"  kind: dental   # or medical, behavioral_health,", "credentials: DDS, role: dentist"} {
		if !strings.Contains(string(cfg), line) {
			t.Errorf("faqcast.yaml lacks %q", line)
		}
	}
	if strings.Contains(string(cfg), ", dental,") {
		t.Error("faqcast.yaml offers dental as another kind than dental")
	}
	if _, err := scaffold.Init(filepath.Join(t.TempDir(), "x"), "dentl"); err == nil || !strings.Contains(err.Error(), `"dentl" is not a kind of practice`) {
		t.Errorf("an unknown kind: %v", err)
	}
}

// TestInitShipsReplies checks that init's config holds the practice's
// reply for every situation but "entry", as faqcast's defaults word them
// for a practice with a booking page and no portal, placeholders and all.
func TestInitShipsReplies(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, ""); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := locale.Load(locale.Sources{Default: templates.FS}, []locale.Use{{Lang: "en"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range config.Situations {
		if s.Name == "entry" {
			continue
		}
		want := cfg.SituationReply(s.Name, cat.Locale("en").Written(cfg.DefaultReplyKey(s.Name)))
		if got := cfg.SituationReply(s.Name, ""); got != want {
			t.Errorf("%s: init's reply is %q, want the default %q", s.Name, got, want)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "faqcast.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "\nreplies:\n  emergency: ") {
		t.Error("init's faqcast.yaml does not write the replies out")
	}
}

// TestInitLanguages checks that a site started in two languages, or in
// Spanish alone, builds (its placeholders aside) with each language's
// starter entries in its place, translating the first language's, and a
// config in the first language.
func TestInitLanguages(t *testing.T) {
	for _, tc := range []struct {
		kind    string
		langs   []string
		entries int
		pages   []string // below public/, each with its language
		reply   string   // a word of the config's replies
	}{
		{"", []string{"en", "es"}, 10, []string{"faq/first-visit/ en", "es/faq/primera-visita/ es", "es/ es"}, "emergency number"},
		{"", []string{"es", "en"}, 10, []string{"faq/primera-visita/ es", "en/faq/first-visit/ en", "en/ en"}, "emergencias"},
		{"", []string{"es-MX"}, 5, []string{"faq/primera-visita/ es-MX"}, "emergencias"},
		{"", []string{"en", "es-MX"}, 10, []string{"faq/first-visit/ en", "es-mx/faq/primera-visita/ es-MX"}, "emergency number"},
		{"dental", []string{"en", "es"}, 10, []string{"faq/checkups/ en", "es/faq/limpiezas-y-revisiones/ es"}, "emergency number"},
		{"behavioral_health", []string{"en", "es"}, 10, []string{"faq/crisis/ en", "es/faq/crisis-de-salud-mental/ es"}, "therapist–client relationship"},
		{"behavioral_health", []string{"es-MX"}, 5, []string{"faq/confidencialidad/ es-MX"}, "relación entre terapeuta y cliente"},
		{"physical_therapy", []string{"en", "es"}, 10, []string{"faq/referral/ en", "es/faq/orden-medica/ es"}, "credentials: DPT, role: pt"},
		{"optometry", []string{"en", "es"}, 10, []string{"faq/dilation/ en", "es/faq/dilatacion-de-pupilas/ es"}, "credentials: OD, role: optometrist"},
		{"chiropractic", []string{"en", "es"}, 10, []string{"faq/adjustments/ en", "es/faq/ajustes/ es"}, "credentials: DC, role: chiropractor"},
		{"pharmacy", []string{"en", "es"}, 10, []string{"faq/transfer-prescriptions/ en", "es/faq/transferir-recetas/ es"}, "credentials: PharmD, role: pharmacist"},
		{"other", []string{"en", "es"}, 10, []string{"faq/after-hours/ en", "es/faq/fuera-de-horario/ es"}, "credentials: \"\", role: practitioner"},
	} {
		t.Run(tc.kind+strings.Join(tc.langs, ","), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "site")
			if _, err := scaffold.Init(dir, tc.kind, tc.langs...); err != nil {
				t.Fatal(err)
			}
			cfg, err := os.ReadFile(filepath.Join(dir, "faqcast.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			if want := "\nlanguage: " + tc.langs[0] + "\n"; !strings.Contains(string(cfg), want) {
				t.Errorf("faqcast.yaml lacks %q", want)
			}
			if !strings.Contains(string(cfg), tc.reply) {
				t.Errorf("faqcast.yaml's replies lack %q", tc.reply)
			}
			// A kind with no roles of its own has a checks: already.
			checks := "checks:\n  rules: {SETUP-PLACEHOLDER: off, REVIEW-MISSING: off}\n"
			if text := string(cfg); strings.Contains(text, "\nchecks:\n") {
				write(t, filepath.Join(dir, "faqcast.yaml"), strings.Replace(text, "\nchecks:\n", "\n"+checks, 1))
			} else {
				write(t, filepath.Join(dir, "faqcast.yaml"), text+checks)
			}
			g := &generator.Generator{Source: dir}
			res, err := g.Build(context.Background(), generator.Change{Now: now})
			if err != nil {
				t.Fatalf("the new site does not build: %v", err)
			}
			if res.Entries != tc.entries {
				t.Errorf("Entries = %d, want %d", res.Entries, tc.entries)
			}
			for _, p := range tc.pages {
				page, lang, _ := strings.Cut(p, " ")
				data, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(page), "index.html"))
				if err != nil {
					t.Errorf("%s not built: %v", page, err)
					continue
				}
				if !strings.Contains(string(data), `<html lang="`+lang+`">`) {
					t.Errorf("%s is not in %s", page, lang)
				}
				// A behavioral health practice's pages give 988 beside 911.
				if tc.kind == "behavioral_health" && !regexp.MustCompile(`911\.[^<]* 988\.</p>`).Match(data) {
					t.Errorf("%s: no disclaimer with 988", page)
				}
			}
		})
	}
	for _, langs := range [][]string{{"fr"}, {"en", "EN"}, {"es-MX", "es"}, {"not a tag"}} {
		if _, err := scaffold.Init(filepath.Join(t.TempDir(), "x"), "", langs...); !errors.Is(err, scaffold.ErrLanguage) {
			t.Errorf("languages %q: %v, want an error that is ErrLanguage", langs, err)
		}
	}
}
