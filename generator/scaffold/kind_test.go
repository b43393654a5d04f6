package scaffold

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
)

// TestKindWords checks that every kind of practice but a medical office
// has words of its own, in languages init starts sites in, replying to
// situations that get a reply, and that init writes them into the config
// of a site in English and Spanish: the title and replies in the first,
// the messages in both (site.title in the second only: the first's home
// page has title:), and the second's opening hours and replies, with a
// patient portal or without.
func TestKindWords(t *testing.T) {
	for _, k := range config.Kinds {
		w, err := wordsOf(k.Name)
		if err != nil {
			t.Errorf("%s: %v", k.Name, err)
			continue
		}
		if (w == nil) != (k.Name == "medical") {
			t.Errorf("%s: words %v; only a medical office has none", k.Name, w)
		}
		for lang, own := range w {
			if !slices.Contains(Languages, lang) {
				t.Errorf("%s: words in %q, not a language of %v", k.Name, lang, Languages)
			}
			for situation := range own.Replies {
				if s, ok := config.SituationNamed(situation); !ok || s.Name == "entry" {
					t.Errorf("%s: a reply to %q, not a situation that gets one", k.Name, situation)
				}
			}
		}
		for _, langs := range [][]string{{"en", "es"}, {"es", "en"}} {
			dir := filepath.Join(t.TempDir(), "site")
			if _, err := Init(dir, k.Name, langs...); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "faqcast.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			cfg := string(data)
			want := []string{fmt.Sprintf("\n    callbook.hours: %q\n", strings.Replace(map[string]string{
				"en": "Office hours: {hours}", "es": "Horario de atención: {hours}"}[langs[1]], "{hours}", hours[langs[1]], 1))}
			own := w[langs[0]]
			if own.Title != "" {
				want = append(want, "\ntitle: "+own.Title+"\n")
			}
			for situation, text := range own.Replies {
				want = append(want, fmt.Sprintf("\n  %s: %q\n", situation, text))
			}
			for _, lang := range langs {
				for key, text := range w[lang].Messages {
					if key != "site.title" || lang != langs[0] {
						want = append(want, fmt.Sprintf("\n    %s: %q\n", key, text))
					}
				}
			}
			// The site's own home page has title:, not site.title.
			if n := strings.Count(cfg, "\n    site.title: "); n > 1 {
				t.Errorf("%s, %v: site.title given %d times", k.Name, langs, n)
			}
			for _, portal := range []string{"", "https://www.example.com/portal"} {
				c := &config.Config{Practice: config.Practice{BookingURL: "https://www.example.com/book", PortalURL: portal}}
				for situation, text := range w[langs[1]].Replies {
					want = append(want, fmt.Sprintf("\n    %s: %q\n", c.DefaultReplyKey(situation), text))
				}
			}
			for _, s := range want {
				if !strings.Contains(cfg, s) {
					t.Errorf("%s, %v: faqcast.yaml lacks %q", k.Name, langs, s)
				}
			}
		}
	}
}
