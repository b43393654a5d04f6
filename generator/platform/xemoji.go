package platform

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// twemojiJS is twemoji-parser 14.0.0's emoji pattern, a JavaScript regular
// expression over UTF-16 code units, which twitter-text 3.1.0 finds emoji
// with (see twemoji/README.md).
//
//go:embed twemoji/regex.js
var twemojiJS string

// xEmojiRE returns twemoji-parser's pattern as a Go regular expression over
// code points, made once; nil if it cannot be made, which the tests rule
// out.
var xEmojiRE = sync.OnceValue(func() *regexp.Regexp {
	pattern, err := goPattern(twemojiJS)
	if err != nil {
		return nil
	}
	// Anchored: it is tried only where an emoji may start.
	re, err := regexp.Compile(`^(?:` + pattern + `)`)
	if err != nil {
		return nil
	}
	return re
})

// xEmoji returns the spans of the emoji X counts in s, in order, as
// twitter-text finds them with twemoji-parser's pattern. The pattern is
// tried only at code points an emoji may start with (a pictograph, a
// regional indicator, U+FE0F, or a keycap's 0–9, # or * before U+FE0F or
// U+20E3), which keeps counting quick. Its (?!\ufe0e), which Go's regular
// expressions lack, is read as this: a symbol that is text by default
// (such as ⌚) is an emoji unless U+FE0E, the text presentation selector,
// follows it.
func xEmoji(s string) []Span {
	re := xEmojiRE()
	if re == nil {
		return nil
	}
	var out []Span
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !mayStartEmoji(r, s[i+size:]) {
			i += size
			continue
		}
		m := re.FindStringIndex(s[i:])
		if m == nil {
			i += size
			continue
		}
		end := i + m[1]
		if !strings.HasSuffix(s[i:end], "\ufe0f") && strings.HasPrefix(s[end:], "\ufe0e") {
			i += size // text presentation: no emoji here
			continue
		}
		out = append(out, Span{i, end})
		i = end
	}
	return out
}

// mayStartEmoji reports whether an emoji of twemoji-parser's may start
// with r, followed by rest.
func mayStartEmoji(r rune, rest string) bool {
	switch {
	case r < utf8.RuneSelf:
		return (r >= '0' && r <= '9' || r == '#' || r == '*') &&
			(strings.HasPrefix(rest, "\ufe0f") || strings.HasPrefix(rest, "\u20e3"))
	case r == 0xFE0F, r >= 0x1F1E6 && r <= 0x1F1FF:
		return true
	}
	return in(pictographic, r) || in(presentation, r)
}

// goPattern turns the JavaScript regular expression in js, the source of
// twemoji-parser's regex.js, into a Go one over code points: each high
// surrogate and the low surrogate or class of low surrogates after it
// become the code points they encode, and (?!\ufe0e) is left out (see
// [xEmoji]).
func goPattern(js string) (string, error) {
	i, j := strings.Index(js, "/(?:"), strings.LastIndex(js, "/g;")
	if i < 0 || j <= i {
		return "", fmt.Errorf("twemoji: no pattern found")
	}
	p := js[i+1 : j]
	var b strings.Builder
	high := -1 // a high surrogate waiting for its low one
	for k := 0; k < len(p); {
		switch {
		case strings.HasPrefix(p[k:], `(?!\ufe0e)`):
			k += len(`(?!\ufe0e)`)
		case p[k] == '[':
			// A class: of low surrogates after a high one, or of code
			// points of the BMP.
			end := strings.IndexByte(p[k:], ']')
			if end < 0 {
				return "", fmt.Errorf("twemoji: unclosed class at %d", k)
			}
			items, err := classItems(p[k+1 : k+end])
			if err != nil {
				return "", err
			}
			b.WriteByte('[')
			for _, it := range items {
				lo, hi := it[0], it[1]
				if high >= 0 {
					if !utf16.IsSurrogate(rune(lo)) || !utf16.IsSurrogate(rune(hi)) {
						return "", fmt.Errorf("twemoji: a class after a high surrogate at %d holds no low ones", k)
					}
					lo, hi = int(utf16.DecodeRune(rune(high), rune(lo))), int(utf16.DecodeRune(rune(high), rune(hi)))
				} else if utf16.IsSurrogate(rune(lo)) || utf16.IsSurrogate(rune(hi)) {
					return "", fmt.Errorf("twemoji: a class of surrogates at %d", k)
				}
				fmt.Fprintf(&b, `\x{%X}`, lo)
				if hi != lo {
					fmt.Fprintf(&b, `-\x{%X}`, hi)
				}
			}
			b.WriteByte(']')
			high = -1
			k += end + 1
		case strings.HasPrefix(p[k:], `\u`):
			v, next, err := jsChar(p, k)
			if err != nil {
				return "", fmt.Errorf("twemoji: bad escape at %d", k)
			}
			k = next
			switch {
			case v >= 0xD800 && v < 0xDC00:
				if high >= 0 {
					return "", fmt.Errorf("twemoji: two high surrogates at %d", k)
				}
				high = v
				continue
			case high >= 0:
				v = int(utf16.DecodeRune(rune(high), rune(v)))
				high = -1
			case utf16.IsSurrogate(rune(v)):
				return "", fmt.Errorf("twemoji: a lone low surrogate at %d", k)
			}
			fmt.Fprintf(&b, `\x{%X}`, v)
		default:
			if high >= 0 {
				return "", fmt.Errorf("twemoji: a high surrogate without its low one at %d", k)
			}
			r, size := utf8.DecodeRuneInString(p[k:])
			if strings.ContainsRune("()|?:", r) {
				b.WriteRune(r)
			} else {
				b.WriteString(regexp.QuoteMeta(string(r)))
			}
			k += size
		}
	}
	if high >= 0 {
		return "", fmt.Errorf("twemoji: the pattern ends in a high surrogate")
	}
	return b.String(), nil
}

// classItems returns the items of the body of a class, [lo, hi] each,
// read with jsChar.
func classItems(body string) ([][2]int, error) {
	var items [][2]int
	for k := 0; k < len(body); {
		lo, next, err := jsChar(body, k)
		if err != nil {
			return nil, err
		}
		k = next
		hi := lo
		if k < len(body) && body[k] == '-' && k+1 < len(body) {
			if hi, k, err = jsChar(body, k+1); err != nil {
				return nil, err
			}
		}
		items = append(items, [2]int{lo, hi})
	}
	return items, nil
}

// jsChar returns the character at s[k] of a JavaScript pattern, and where
// it ends: a \uXXXX escape as the code unit it names, anything else as
// itself.
func jsChar(s string, k int) (int, int, error) {
	if strings.HasPrefix(s[k:], `\u`) && k+6 <= len(s) {
		v, err := strconv.ParseUint(s[k+2:k+6], 16, 16)
		return int(v), k + 6, err
	}
	r, size := utf8.DecodeRuneInString(s[k:])
	return int(r), k + size, nil
}
