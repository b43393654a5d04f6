package reply

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
)

// lexiconText holds the lexicon's phrases by section (see lexicon.txt).
//
//go:embed lexicon.txt
var lexiconText string

// A lexicon is the compiled phrases of lexicon.txt, one expression per
// section, each matching any of its phrases as whole words.
type lexicon struct {
	emergency, symptom, ask *regexp.Regexp
}

// lexiconOnce compiles the lexicon on first use; the result is read-only.
var lexiconOnce = sync.OnceValue(func() *lexicon {
	sections := map[string][]string{}
	var name string
	for line := range strings.Lines(lexiconText) {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "## "):
			name = strings.TrimPrefix(line, "## ")
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			sections[name] = append(sections[name], regexp.QuoteMeta(line))
		}
	}
	compile := func(name string) *regexp.Regexp { return regexp.MustCompile(anyOf(sections[name]...)) }
	return &lexicon{emergency: compile("emergency"), symptom: compile("symptom"), ask: compile("ask")}
})
