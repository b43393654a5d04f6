package platform

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// A Span is the byte range s[Start:End] of a text.
type Span struct{ Start, End int }

// URLs returns the URLs in s, in order and not overlapping, as byte
// offsets into s as given. ([CountX] finds URLs in the NFC form of its
// text, so its spans are offsets into that form.)
//
// The rules follow twitter-text's URL extractor (extractUrlsWithIndices),
// with simplifications:
//
//   - A URL starts with http:// or https:// (in any case), followed by a
//     host of letters, digits, hyphens and underscores in dot-separated
//     labels. With a scheme any host is a URL, even one under a reserved
//     name such as riverbend.example or a single label such as localhost.
//     (twitter-text also wants a known TLD after a scheme: see [XURLs].)
//     As in twitter-text,
//     no label ends with - or _, the domain name (the label before the
//     last) holds no _, the last label holds neither _ nor - (but for a
//     punycode xn-- label), and a host followed by a dot and a - or _ is
//     no URL at all.
//   - A t.co link is its slug of ASCII letters and digits, without what
//     follows; a slug over 40 characters is no link.
//   - Or a URL is a bare domain with no scheme: at least two labels of
//     ASCII or Latin letters, digits, hyphens and underscores, of which the
//     last is a top-level domain in faqcast's list (so example.health is a
//     URL, but a.b, file.txt, 3.14 and e.g. are not). A bare name.cc
//     under a two-letter country code, such as readme.md, is a URL only
//     with a path after it (co and tv excepted); X links it without one
//     too (see [XURLs]).
//   - A URL must not start inside a word, nor right after @, $ or # (so
//     user@example.com is not a URL); a bare domain must not start right
//     after -, _, . or / either.
//   - An optional :port and /path?query#fragment follow. A path runs until
//     white space or a character that cannot be in a URL: characters other
//     than ASCII, Latin and Cyrillic letters end it, as do <>"{}\^ and `.
//   - Trailing punctuation .,;:!?'"*$%~@|[]( and – is not part of a URL.
//     Nor is a ) without a ( before it in the URL, nor a ( without its ),
//     so "(see https://x.org/a)." holds https://x.org/a, while a balanced
//     pair as in https://en.wikipedia.org/wiki/Ear_(disambiguation) stays
//     (nested at most two deep, as twitter-text allows).
func URLs(s string) []Span { return urls(s, false) }

// XURLs returns the URLs in s that X links, as twitter-text's conformance
// suite has them: as [URLs] does, but a URL with a scheme also needs a
// host that ends with a top-level domain X knows (https://riverbend.example/
// and http://localhost/ are no links on X, and count in full), each label
// of a host is 1 to 63 characters in ASCII (punycode for another script),
// a URL is at most 4,096 characters long so measured, and a bare name
// under a two-letter country code, such as foo.jp, is a link without a
// path too. [CountX] counts these.
func XURLs(s string) []Span { return urls(s, true) }

// urls returns the URLs in s; strict is set for X's.
func urls(s string, strict bool) []Span {
	var spans []Span
	prev := rune(-1) // the rune before i; -1 at the start of s
	for i := 0; i < len(s); {
		if end, ok := matchURL(s, i, prev, strict); ok {
			if !strict || xURLLength(s[i:end]) <= maxXURL {
				spans = append(spans, Span{i, end})
			}
			prev, _ = utf8.DecodeLastRuneInString(s[i:end])
			i = end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		prev = r
		i += size
	}
	return spans
}

// maxXURL is the longest URL X links, with its scheme (https:// if it has
// none) and its host in punycode, in UTF-16 code units: twitter-text's
// MAX_URL_LENGTH. A longer one is no link, and counts in full.
const maxXURL = 4096

// xURLLength returns the length of the URL u as twitter-text measures it
// against maxXURL.
func xURLLength(u string) int {
	n := 0
	rest := u
	if k := schemeLen(u); k > 0 {
		rest = u[k:]
	} else {
		n += len("https://")
	}
	host := rest
	if k := strings.IndexAny(rest, ":/?#"); k >= 0 {
		host = rest[:k]
	}
	ascii, err := idna.Punycode.ToASCII(host)
	if err != nil {
		ascii = host
	}
	return n + len(utf16.Encode([]rune(u))) - len(utf16.Encode([]rune(host))) + len(ascii)
}

// matchURL reports whether a URL starts at s[i], after the rune prev, and
// where it ends.
func matchURL(s string, i int, prev rune, strict bool) (end int, ok bool) {
	if inWord(prev) {
		return 0, false
	}
	if n := schemeLen(s[i:]); n > 0 {
		return matchSchemeURL(s, i+n, strict)
	}
	switch prev {
	case '-', '_', '.', '/':
		return 0, false
	}
	return matchBareDomain(s, i, strict)
}

// schemeLen returns the length of the http:// or https:// at the start of
// s, in any case, or 0.
func schemeLen(s string) int {
	for _, scheme := range []string{"http://", "https://"} {
		if len(s) >= len(scheme) && strings.EqualFold(s[:len(scheme)], scheme) {
			return len(scheme)
		}
	}
	return 0
}

// matchSchemeURL matches the host, port and rest of a URL whose scheme
// ends at s[j]; strict asks for a host that ends with a TLD X knows.
func matchSchemeURL(s string, j int, strict bool) (end int, ok bool) {
	var buf [8]int
	ends := labels(buf[:0], s, j, hostRune)
	if len(ends) == 0 || !validHost(s, j, ends) {
		return 0, false
	}
	// On X, the host ends with a TLD X knows: the longest run of labels that
	// does, or whose last label begins with one that a character other
	// than an ASCII letter, digit or - follows (example.comだよね holds
	// example.com).
	if strict {
		if ends, ok = tldHost(s, j, ends); !ok || !dnsLabels(s, j, ends) {
			return 0, false
		}
	}
	end = port(s, ends[len(ends)-1])
	switch next(s, end) {
	case '@': // user info, or a mention: not a link either platform makes
		return 0, false
	case '/', '?':
		if strict {
			end = xRest(s, end)
		} else {
			end = rest(s, end)
		}
	}
	if h := ends[len(ends)-1]; strings.EqualFold(s[j:h], "t.co") {
		return tcoURL(s, h, end)
	}
	return end, true
}

// maxTcoSlug is the longest t.co slug twitter-text links.
const maxTcoSlug = 40

// tcoURL returns the end of a t.co link whose host ends at s[h] and whose
// rest, as other URLs have it, ends at s[end]: as twitter-text, only a
// slug of ASCII letters and digits after "/" is the link's, and a slug
// over maxTcoSlug is no link at all.
func tcoURL(s string, h, end int) (int, bool) {
	if next(s, h) != '/' {
		return end, true
	}
	k := h + 1
	for k < end && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
		k++
	}
	switch {
	case k == h+1:
		return end, true
	case k-h-1 > maxTcoSlug:
		return 0, false
	}
	return k, true
}

// matchBareDomain matches a domain without a scheme that starts at s[i],
// with its port and rest if a path follows.
func matchBareDomain(s string, i int, strict bool) (end int, ok bool) {
	var buf [8]int
	ends := labels(buf[:0], s, i, bareRune)
	tld := isTLD
	if strict {
		tld = isXTLD
		// X's list holds TLDs in other scripts, such as twitter.みんな.
		if n := len(ends); n > 0 && next(s, ends[n-1]) == '.' {
			if m := xScriptTLDAt(s[ends[n-1]+1:]); m > 0 {
				ends = append(ends, ends[n-1]+1+m)
			}
		}
	}
	// The host is the longest run of labels that ends in a TLD, as the
	// backtracking regexp in twitter-text finds: example.com.xq holds
	// example.com.
	k := len(ends) - 1
	for ; k >= 1; k-- {
		if tld(s[ends[k-1]+1 : ends[k]]) {
			break
		}
	}
	if k < 1 {
		return 0, false
	}
	host := ends[k]
	if strict && !dnsLabels(s, i, ends[:k+1]) {
		return 0, false
	}
	switch next(s, host) {
	case '@', '+': // twitter-text: a TLD is not followed by these
		return 0, false
	}
	if p := port(s, host); next(s, p) == '/' {
		if strict {
			return xRest(s, p), true
		}
		return rest(s, p), true
	}
	if last := s[ends[k-1]+1 : ends[k]]; !strict && k == 1 && len(last) == 2 && !isSpecialShortTLD(last) {
		return 0, false // readme.md, log.in: a short ccTLD domain needs a path
	}
	return host, true
}

// isSpecialShortTLD reports whether tld is in specialShortTLDs, in any case.
func isSpecialShortTLD(tld string) bool {
	for _, t := range specialShortTLDs {
		if strings.EqualFold(t, tld) {
			return true
		}
	}
	return false
}

// labels appends to ends the end offsets of the dot-separated labels of
// runes for which ok is true starting at s[j]. Each label is at least one
// rune long and does not start with - or _; a dot not followed by such a
// label ends the run. It is called at every word of a post, most of which
// are no domains: the caller's ends can be an array on its stack.
func labels(ends []int, s string, j int, ok func(rune) bool) []int {
	for {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if j >= len(s) || !ok(r) || r == '-' || r == '_' {
			return ends
		}
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !ok(r) {
				break
			}
			j += size
		}
		ends = append(ends, j)
		if j+1 >= len(s) || s[j] != '.' {
			return ends
		}
		j++
	}
}

// maxLabel is the longest label of a domain name, in ASCII (RFC 1035).
const maxLabel = 63

// dnsLabels reports whether the host that starts at s[j], whose labels end
// at ends, is a domain name X links, as twitter-text checks it: each label,
// in ASCII (punycode for one in another script), 1 to 63 characters long,
// and a host that starts with xn-- in ASCII only.
func dnsLabels(s string, j int, ends []int) bool {
	host := s[j:ends[len(ends)-1]]
	if strings.HasPrefix(strings.ToLower(host), "xn--") {
		for k := 0; k < len(host); k++ {
			if host[k] >= utf8.RuneSelf {
				return false
			}
		}
	}
	start := j
	for _, end := range ends {
		label := s[start:end]
		start = end + 1
		ascii, err := idna.Punycode.ToASCII(label)
		if err != nil || len(ascii) < 1 || len(ascii) > maxLabel {
			return false
		}
	}
	return true
}

// tldHost returns the labels of the host starting at s[j], whose labels
// end at ends, up to the last that is, or begins with, a TLD X knows: at
// least two labels. It reports false if there is none.
func tldHost(s string, j int, ends []int) ([]int, bool) {
	for k := len(ends) - 1; k >= 1; k-- {
		label := s[ends[k-1]+1 : ends[k]]
		if isXTLD(label) {
			return ends[:k+1], true
		}
		// An ASCII prefix that is a TLD, followed by another script.
		n := 0
		for n < len(label) && (label[n] >= 'a' && label[n] <= 'z' || label[n] >= 'A' && label[n] <= 'Z' || label[n] >= '0' && label[n] <= '9') {
			n++
		}
		if n > 0 && n < len(label) && label[n] >= utf8.RuneSelf && isXTLD(label[:n]) {
			return append(ends[:k:k], ends[k-1]+1+n), true
		}
	}
	return nil, false
}

// validHost reports whether the host that starts at s[j], whose labels end
// at ends, is one twitter-text links: no label ends with - or _, the
// domain name (the label before the last) holds no _, the last label holds
// neither _ nor - (unless it is a punycode xn-- label), and the host is not
// followed by a dot and a - or _, which would make it part of a longer,
// invalid one.
func validHost(s string, j int, ends []int) bool {
	h := ends[len(ends)-1]
	if h+1 < len(s) && s[h] == '.' && (s[h+1] == '-' || s[h+1] == '_') {
		return false
	}
	start := j
	for k, end := range ends {
		label := s[start:end]
		start = end + 1
		if strings.HasSuffix(label, "-") || strings.HasSuffix(label, "_") {
			return false
		}
		switch {
		case len(ends) == 1:
		case k == len(ends)-1:
			if strings.Contains(label, "_") || strings.Contains(label, "-") && !strings.HasPrefix(strings.ToLower(label), "xn--") {
				return false
			}
		case k == len(ends)-2:
			if strings.Contains(label, "_") {
				return false
			}
		}
	}
	return true
}

// port returns the end of a :digits port at s[j], or j if there is none.
func port(s string, j int) int {
	if j >= len(s) || s[j] != ':' {
		return j
	}
	k := j + 1
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == j+1 {
		return j
	}
	return k
}

// rest returns the end of the path, query and fragment starting at s[j]
// ('/' or '?'), without trailing punctuation. A ( is part of the URL only
// with its ), and with at most one more pair nested inside, as in
// twitter-text's validUrlBalancedParens.
func rest(s string, j int) int {
	end := j
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if r == '(' {
			k := closing(s, end)
			if k < 0 {
				break
			}
			end = k
			continue
		}
		if r == ')' || !urlRune(r) {
			break
		}
		end += size
	}
	for end > j {
		r, size := utf8.DecodeLastRuneInString(s[j:end])
		if !trailing(r) {
			break
		}
		end -= size
	}
	return end
}

// xRest returns the end of the path and query starting at s[j] ('/' or
// '?') as X has them: the path as [rest] reads it, up to a ?; then a query
// of ASCII letters, digits and !?*'@();:&=+$/%#[]-_.,~| only, ending with
// a letter, digit or -_&=#/ (twitter-text's validUrlQueryChars and
// validUrlQueryEndingChars), so that a query's ñ and what follows are not
// the link's.
func xRest(s string, j int) int {
	end := j
	if next(s, j) == '/' {
		q := strings.IndexByte(s[j:], '?')
		if q < 0 {
			return rest(s, j)
		}
		end = rest(s[:j+q], j)
		if end < j+q {
			return end // the path ends before the ?
		}
	}
	if next(s, end) != '?' {
		return end
	}
	last := end // the end of the query's last ending character
	for k := end + 1; k < len(s); k++ {
		c := rune(s[k])
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= utf8.RuneSelf || !strings.ContainsRune(xQueryChars, c) {
			break
		}
		if strings.ContainsRune(xQueryEnding, c) {
			last = k + 1
		}
	}
	return last
}

// xQueryChars and xQueryEnding are the characters of a query on X, and
// those it may end with, letters in lower case.
const (
	xQueryChars  = "abcdefghijklmnopqrstuvwxyz0123456789!?*'@();:&=+$/%#[]-_.,~|"
	xQueryEnding = "abcdefghijklmnopqrstuvwxyz0123456789-_&=#/"
)

// closing returns the offset just after the ) that closes the ( at s[i],
// or -1 if a character that cannot be in a URL, a third level of
// parentheses or the end of s comes first. It reads no further than that,
// so that finding URLs stays linear in the length of the text.
func closing(s string, i int) int {
	depth := 0
	for k := i; k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		switch {
		case r == '(':
			if depth == 2 {
				return -1
			}
			depth++
		case r == ')':
			depth--
			if depth == 0 {
				return k + size
			}
		case !urlRune(r):
			return -1
		}
		k += size
	}
	return -1
}

// next returns the rune at s[j], or -1 at the end of s.
func next(s string, j int) rune {
	if j >= len(s) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(s[j:])
	return r
}

// inWord reports whether a URL cannot start right after r: r is part of
// a word (a letter of the Latin script, a digit, a combining mark or _),
// one of @ $ # (or their full-width forms), or an invisible character
// twitter-text rejects. A directional mark may come before a URL, as in
// twitter-text 3.1.0.
func inWord(r rune) bool {
	if r < utf8.RuneSelf && r >= 0 {
		// In ASCII, the Latin script is the letters, and no mark.
		return r == '_' || r == '@' || r == '$' || r == '#' ||
			r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	switch r {
	case '_', '@', '$', '#', '＠', '＃', '\uFEFF', '\uFFFE', '\uFFFF':
		return true
	}
	return unicode.IsDigit(r) ||
		unicode.Is(unicode.Latin, r) ||
		unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

// hostRune reports whether r may be in a label of a host after a scheme:
// a letter, digit or symbol of any script (but U+FFFD), a combining mark,
// - or _.
func hostRune(r rune) bool {
	return r == '-' || r == '_' ||
		unicode.IsLetter(r) || unicode.IsDigit(r) || r >= utf8.RuneSelf && r != utf8.RuneError && unicode.IsSymbol(r) ||
		unicode.In(r, unicode.Mn, unicode.Mc)
}

// bareRune reports whether r may be in a label of a domain without a
// scheme: an ASCII letter or digit, a Latin letter, a combining mark,
// - or _ (twitter-text's validAsciiDomain).
func bareRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.Is(unicode.Latin, r) && unicode.IsLetter(r) || unicode.In(r, unicode.Mn, unicode.Mc)
}

// urlRune reports whether r may be in the path, query or fragment of a
// URL: printable ASCII other than <>"{}\^ and `, a Latin or Cyrillic
// letter, a combining mark, or – (twitter-text allows these).
func urlRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r < 0x7F && !strings.ContainsRune("<>\"{}\\^`", r)
	}
	return r == '–' ||
		unicode.In(r, unicode.Latin, unicode.Cyrillic) && unicode.IsLetter(r) ||
		unicode.In(r, unicode.Mn, unicode.Mc)
}

// trailing reports whether r, at the end of a URL, is punctuation that
// belongs to the sentence rather than to the URL.
func trailing(r rune) bool {
	return strings.ContainsRune(".,;:!?'\"*$%~@|[](–", r)
}
