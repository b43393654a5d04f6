package entry_test

import (
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
)

// TestImagePeople checks people: in each front matter format, and what the
// image then lets its photos show.
func TestImagePeople(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		people    int // -1: not given
		// What MaxFaces and BodyFaces return.
		max       int
		unlimited bool
		body      int
	}{
		{name: "stock without people", src: yamlEntry("image: {src: a.jpg, alt: A, consent: stock}\n"),
			people: -1, unlimited: true},
		{name: "stock with people", src: yamlEntry("image: {src: a.jpg, alt: A, consent: stock, people: 4}\n"),
			people: 4, max: 4, body: 4},
		{name: "consented with people", src: yamlEntry("image:\n  src: a.jpg\n  alt: A\n  consent: consented\n  people: 2\n"),
			people: 2, max: 2, body: 2},
		{name: "consented with people: 0", src: yamlEntry("image: {src: a.jpg, alt: A, consent: consented, people: 0}\n"),
			people: 0},
		// The build reports the missing count; the entry itself is fine.
		{name: "consented without people", src: yamlEntry("image: {src: a.jpg, alt: A, consent: consented}\n"),
			people: -1},
		{name: "illustration", src: yamlEntry("image: {src: a.png, alt: A, consent: illustration}\n"),
			people: -1},
		{name: "illustration with people: 0", src: yamlEntry("image: {src: a.png, alt: A, consent: illustration, people: 0}\n"),
			people: 0},
		{name: "null people", src: yamlEntry("image: {src: a.jpg, alt: A, consent: stock, people: null}\n"),
			people: -1, unlimited: true},
		{name: "toml", src: "+++\ntitle = \"A?\"\nsummary = \"B.\"\n[image]\nsrc = \"a.jpg\"\nalt = \"A\"\nconsent = \"consented\"\npeople = 3\n+++\n",
			people: 3, max: 3, body: 3},
		{name: "json", src: "{\n\"title\": \"A?\", \"summary\": \"B.\",\n\"image\": {\"src\": \"a.jpg\", \"alt\": \"A\", \"consent\": \"consented\", \"people\": 1}\n}\n\n",
			people: 1, max: 1, body: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := entry.Parse(testPath, testRel, []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			img := e.Image
			switch {
			case tc.people < 0 && img.People != nil:
				t.Errorf("People = %d, want none", *img.People)
			case tc.people >= 0 && (img.People == nil || *img.People != tc.people):
				t.Errorf("People = %v, want %d", img.People, tc.people)
			}
			if n, unlimited := img.MaxFaces(); n != tc.max || unlimited != tc.unlimited {
				t.Errorf("MaxFaces() = %d, %t; want %d, %t", n, unlimited, tc.max, tc.unlimited)
			}
			if n := img.BodyFaces(); n != tc.body {
				t.Errorf("BodyFaces() = %d, want %d", n, tc.body)
			}
		})
	}
	if n := (*entry.Image)(nil).BodyFaces(); n != 0 {
		t.Errorf("BodyFaces() of no image = %d, want 0", n)
	}
}
