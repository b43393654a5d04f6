package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/locale"
	"github.com/faqcast/faqcast/templates"
)

// starterFolder returns the folder of the starter entries of a practice
// of kind: skeleton-<kind>, with hyphens for underscores, for a kind that
// has its own, else skeleton/content, a medical office's.
func starterFolder(kind string) string {
	dir := "skeleton-" + strings.ReplaceAll(kind, "_", "-")
	if _, err := fs.Stat(files, dir); err == nil {
		return dir
	}
	return "skeleton/content"
}

// kindWords are what a kind of practice says in place of faqcast's words
// for a medical office, by language ("en", "es"), as the words.yaml of its
// starter folder holds them.
type kindWords map[string]struct {
	// Title is its site's title (title:).
	Title string `yaml:"title"`
	// Messages are its pages' words, by message key: its site.title names
	// the home page of each language but the site's own.
	Messages map[string]string `yaml:"messages"`
	// Replies are its replies to comments, by situation.
	Replies map[string]string `yaml:"replies"`
}

// wordsOf returns the words of a practice of kind: none for a kind whose
// starter folder has no words.yaml.
func wordsOf(kind string) (kindWords, error) {
	data, err := fs.ReadFile(files, path.Join(starterFolder(kind), "words.yaml"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var w kindWords
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("the words of a %s practice: %w", kind, err)
	}
	return w, nil
}

// config returns cfg, the starter config of a site in lang, with the
// kind's title and replies in lang where it has its own.
func (w kindWords) config(cfg []byte, lang string) []byte {
	own := w[baseOf(lang)]
	if own.Title != "" {
		cfg = []byte(strings.Replace(string(cfg), "\ntitle: "+titles[baseOf(lang)]+"\n", "\ntitle: "+own.Title+"\n", 1))
	}
	return setReplies(cfg, func(situation string) string { return own.Replies[situation] })
}

// initMessages returns the messages: block of the config of a practice
// whose words are w, in langs: the kind's messages in each language (but
// site.title in the site's own, whose home page has title:); and
// in each language but the site's own, whose practice.hours and replies:
// are in the first, the opening hours and the kind's replies, as the
// messages of faqcast's replies for the starter's practice, with a booking
// page, are keyed, with a patient portal or without; nothing when there
// are none.
func initMessages(w kindWords, langs []string) ([]byte, error) {
	// The starter's practice has a booking page, and may add a portal.
	practices := []*config.Config{
		{Practice: config.Practice{BookingURL: starterBooking}},
		{Practice: config.Practice{BookingURL: starterBooking, PortalURL: "https://www.example.com/portal"}},
	}
	var b strings.Builder
	for i, lang := range langs {
		msgs := maps.Clone(w[baseOf(lang)].Messages)
		if i == 0 {
			delete(msgs, "site.title") // the site's own home page has title:
		} else {
			cat, err := locale.Load(locale.Sources{Default: templates.FS}, []locale.Use{{Lang: lang}})
			if err != nil {
				return nil, err
			}
			if msgs == nil {
				msgs = map[string]string{}
			}
			msgs["callbook.hours"] = strings.ReplaceAll(cat.Locale(lang).Written("callbook.hours"), "{hours}", hours[baseOf(lang)])
			for situation, text := range w[baseOf(lang)].Replies {
				for _, c := range practices {
					msgs[c.DefaultReplyKey(situation)] = text
				}
			}
		}
		if len(msgs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %s:\n", lang)
		for _, key := range slices.Sorted(maps.Keys(msgs)) {
			fmt.Fprintf(&b, "    %s: %q\n", key, msgs[key])
		}
	}
	if b.Len() == 0 {
		return nil, nil
	}
	return []byte("\n# Words faqcast writes on the pages (see \"The catalogue of messages\" in\n" +
		"# the README), for your kind of practice and in each language. Change them\n" +
		"# as you like; when you change practice.hours, change any callbook.hours too.\n" +
		"messages:\n" + b.String()), nil
}
