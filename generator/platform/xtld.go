package platform

import (
	_ "embed"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// xTLDList is twitter-text's list of the top-level domains X links, by
// kind (country, generic), from twittertext/tld_lib.yml.
//
//go:embed twittertext/tld_lib.yml
var xTLDList []byte

// xTLDs holds X's top-level domains: the ASCII ones as a set, and those in
// other scripts, longest first, for finding one at the start of a text.
type xTLDs struct {
	ascii   map[string]bool
	scripts []string
}

// xTLD returns X's top-level domains, read once from xTLDList.
var xTLD = sync.OnceValue(func() *xTLDs {
	var lists map[string][]string
	// Embedded, and tested to read: on an error, X would link nothing.
	_ = yaml.Unmarshal(xTLDList, &lists)
	t := &xTLDs{ascii: map[string]bool{}}
	for _, list := range lists {
		for _, tld := range list {
			tld = strings.ToLower(tld)
			if isASCII(tld) {
				t.ascii[tld] = true
			} else {
				t.scripts = append(t.scripts, tld)
			}
		}
	}
	slices.SortFunc(t.scripts, func(a, b string) int { return len(b) - len(a) })
	return t
})

// isXTLD reports whether label is a top-level domain X links: in its list,
// in any case, or a punycode xn-- label.
func isXTLD(label string) bool {
	label = strings.ToLower(label)
	if len(label) > len("xn--") && strings.HasPrefix(label, "xn--") {
		return true
	}
	t := xTLD()
	if isASCII(label) {
		return t.ascii[label]
	}
	return slices.Contains(t.scripts, label)
}

// xScriptTLDAt returns the length of the longest of X's top-level domains
// in a script other than Latin that s starts with, followed by the end of
// s or a character other than an ASCII letter, digit, @, + or -; or 0.
func xScriptTLDAt(s string) int {
	for _, tld := range xTLD().scripts {
		if strings.HasPrefix(s, tld) {
			if r := next(s, len(tld)); r < 0 || !(r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '@' || r == '+' || r == '-')) {
				return len(tld)
			}
		}
	}
	return 0
}

// isASCII reports whether s is ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
