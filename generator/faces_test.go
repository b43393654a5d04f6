package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/check"
)

// copyPhoto copies a photo of generator/media/testdata/faces into dir's
// content folder.
func copyPhoto(t *testing.T, dir, name string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("media", "testdata", "faces", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImageFaces checks that a build holds the faces in an entry's photos
// to what its front matter attests: the face detector finds one face in
// astronaut.jpg, at 224,112, and none in coffee.jpg.
func TestImageFaces(t *testing.T) {
	dir := writeSite(t, goodSite())
	copyPhoto(t, dir, "astronaut.jpg")
	copyPhoto(t, dir, "coffee.jpg")
	// One Generator for every case, as 'faqcast serve' keeps one: each
	// photo is looked at once, and its faces kept with it.
	g := &generator.Generator{Source: dir}
	const alt = "alt: An astronaut in her orange flight suit"
	for _, tc := range []struct {
		name, image, body string
		// The build fails with every one of these in its error, or
		// passes when there are none.
		want []string
	}{
		{name: "stock photo without people",
			image: "{src: astronaut.jpg, " + alt + ", consent: stock}"},
		{name: "stock photo with enough people",
			image: "{src: astronaut.jpg, " + alt + ", consent: stock, people: 1}"},
		{name: "consented photo with enough people",
			image: "{src: astronaut.jpg, " + alt + ", consent: consented, people: 1}"},
		{name: "consented photo counting more people than show",
			image: "{src: astronaut.jpg, " + alt + ", consent: consented, people: 3}"},
		{name: "illustration without faces",
			image: "{src: coffee.jpg, alt: A cup of coffee, consent: illustration}"},
		{name: "body photo covered by people",
			image: "{src: coffee.jpg, alt: A cup of coffee, consent: stock, people: 1}",
			body:  "Our team:\n\n![An astronaut in her orange flight suit](astronaut.jpg)\n"},
		{name: "body photo of the front matter's image",
			image: "{src: astronaut.jpg, " + alt + ", consent: stock}",
			body:  "![An astronaut in her orange flight suit](astronaut.jpg)\n"},

		{name: "consented photo with too few people",
			image: "{src: astronaut.jpg, " + alt + ", consent: consented, people: 0}",
			want: []string{
				"content/first.md:5:14: PHI-FACE: the photo astronaut.jpg shows 1 face at 22",
				"; image.people says 0",
				"count everyone whose face shows and get each person's written consent, then set people: N",
			}},
		{name: "stock photo with too few people",
			image: "{src: astronaut.jpg, " + alt + ", consent: stock, people: 0}",
			want:  []string{"content/first.md:5:14: PHI-FACE: the photo astronaut.jpg shows 1 face at 22"}},
		{name: "consented photo without people",
			image: "{src: astronaut.jpg, " + alt + ", consent: consented}",
			want: []string{
				"content/first.md:5:83: PHI-FACE: image.consent is consented, but image.people does not say how many people the photo astronaut.jpg shows; it shows 1 face at 22",
				"add people: with the number of people the photo shows",
			}},
		{name: "consented photo of no one, without people",
			image: "{src: coffee.jpg, alt: A cup of coffee, consent: consented}",
			want:  []string{"content/first.md:5:57: PHI-FACE: image.consent is consented, but image.people does not say how many people the photo coffee.jpg shows"}},
		{name: "illustration with a face",
			image: "{src: astronaut.jpg, " + alt + ", consent: illustration}",
			want: []string{
				"content/first.md:5:14: PHI-FACE: the image astronaut.jpg shows 1 face at 22",
				"; consent: illustration says it shows no one",
				"an illustration shows no real people",
			}},
		{name: "body photo not covered",
			image: "{src: coffee.jpg, alt: A cup of coffee, consent: stock}",
			body:  "Our team:\n\n![An astronaut in her orange flight suit](astronaut.jpg)\n",
			want: []string{
				"content/first.md:14:43: PHI-FACE: the photo astronaut.jpg shows 1 face at 22",
				"; image.people does not say how many people the entry's photos show",
				"a photo in the body is covered by image.people in the front matter",
			}},
		{name: "body photo of an entry without an image",
			body: "Our team:\n\n![An astronaut in her orange flight suit](astronaut.jpg)\n",
			want: []string{
				"content/first.md:13:43: PHI-FACE: the photo astronaut.jpg shows 1 face at 22",
				"; the entry has no image: in its front matter to say how many people its photos show",
				"add image: to the front matter with consent: consented and people: N",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			extra := "rank: 1\n"
			if tc.image != "" {
				extra += "image: " + tc.image + "\n"
			}
			entry := entryFile("First question?", extra, "Text.\n\n"+tc.body)
			if err := os.WriteFile(filepath.Join(dir, "content/first.md"), []byte(entry), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := g.Build(context.Background(), generator.Change{Now: now})
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("build failed: %v", err)
				}
				for _, f := range res.Findings {
					if f.Rule == "PHI-FACE" {
						t.Errorf("finding %+v", f)
					}
				}
				return
			}
			if err == nil {
				t.Fatal("build succeeded")
			}
			text := strings.ReplaceAll(err.Error(), filepath.ToSlash(dir)+"/", "")
			for _, f := range res.Findings {
				text += "\n" + f.Hint
			}
			for _, want := range tc.want {
				if !strings.Contains(text, want) {
					t.Errorf("error lacks %q:\n%s", want, text)
				}
			}
		})
	}

	// A site may make the rule a warning, as any other.
	cfg := testConfig + "checks:\n  rules: {PHI-FACE: warning}\n"
	if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err != nil {
		t.Fatalf("build with PHI-FACE a warning: %v", err)
	}
	var warned bool
	for _, f := range res.Findings {
		warned = warned || f.Rule == "PHI-FACE" && f.Severity == check.Warning
	}
	if !warned {
		t.Errorf("no PHI-FACE warning among %+v", res.Findings)
	}
}

// TestImageFacesCheck checks that 'faqcast check', which builds drafts
// too and writes nothing, lists a face that the front matter does not
// cover among the other findings, as an error of PHI-FACE at the image's
// src.
func TestImageFacesCheck(t *testing.T) {
	files := goodSite()
	files["content/third.md"] = entryFile("Third question?",
		"draft: true\nimage: {src: astronaut.jpg, alt: An astronaut in her orange flight suit, consent: consented, people: 0}\n",
		"Text.\n")
	dir := writeSite(t, files)
	copyPhoto(t, dir, "astronaut.jpg")
	g := &generator.Generator{Source: dir, Drafts: true, NoWrite: true}
	res, err := g.Build(context.Background(), generator.Change{Now: now})
	if err == nil || res == nil {
		t.Fatalf("check passed: %v", err)
	}
	var found []string
	for _, f := range res.Findings {
		if f.Rule == "PHI-FACE" {
			found = append(found, f.Severity.String()+" "+strings.ReplaceAll(f.Path, filepath.ToSlash(dir)+"/", "")+":"+f.Pos.String()+": "+f.Message)
		}
	}
	want := regexp.MustCompile(`^error content/third.md:5:14: the photo astronaut.jpg shows 1 face at 22\d,11\d \(1\d\d px\); image.people says 0$`)
	if len(found) != 1 || !want.MatchString(found[0]) {
		t.Errorf("PHI-FACE findings %q, want one matching %s", found, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("check wrote the site")
	}
}
