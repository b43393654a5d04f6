package check

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
)

// Links returns the URLs in t whose host is neither the practice's
// (allow.Domains and their subdomains) nor trusted (allow.Trusted: a
// domain matches itself and its subdomains), as PHI-URL matches.
func Links(t Text, allow *Allow) []Match {
	return links(newScan(textLexicon(), t.Text), allow)
}

// links is [Links] of sc's text.
func links(sc *scan, allow *Allow) []Match {
	if allow == nil {
		allow = &Allow{}
	}
	s := sc.s
	var out []Match
	for _, m := range phiRE().url.FindAllIn(sc) {
		i, j := m[0], m[1]
		j = i + len(linkTrim(s[i:j]))
		raw := s[i:j]
		host := linkHost(raw)
		if host == "" || linkAllowed(host, allow.Domains) || linkAllowed(host, allow.Trusted) {
			continue
		}
		out = append(out, Match{
			Start:   i,
			End:     j,
			Rule:    "PHI-URL",
			Message: fmt.Sprintf("a link to another site %q", raw),
			Hint:    fmt.Sprintf("check it: a link outside the practice's own and trusted sites may identify a patient; if it is a source, add %q to checks.trusted_domains in faqcast.yaml", registrable(host)),
		})
	}
	out = append(out, linkHandles(s)...)
	return out
}

// linkHost returns the host of the link raw, in lower case, or "".
func linkHost(raw string) string {
	u := raw
	if !strings.Contains(strings.ToLower(u[:min(len(u), 8)]), "://") {
		u = "http://" + u
	}
	pu, err := url.Parse(u)
	host := ""
	if err == nil {
		host = pu.Hostname()
	}
	if host == "" {
		host = linkHostFallback(raw)
	}
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// ownLink returns the host and path of the word w if it is a link to the
// practice's own site (allow.Domains and their subdomains), without its
// scheme and query; ok is false if it is not.
func ownLink(w string, allow *Allow) (page string, ok bool) {
	w = linkTrim(w)
	if !strings.Contains(w, "://") && !strings.HasPrefix(strings.ToLower(w), "www.") && !strings.Contains(w, "/") {
		return "", false
	}
	host := linkHost(w)
	if host == "" || !linkAllowed(host, allow.Domains) {
		return "", false
	}
	if k := strings.Index(w, "://"); k >= 0 {
		w = w[k+3:]
	}
	if k := strings.IndexAny(w, "?#"); k >= 0 {
		w = w[:k]
	}
	return strings.TrimSuffix(strings.ToLower(w), "/"), true
}

// linkHandle is a social media handle: "@zuri_births_at_home".
var linkHandle = sync.OnceValue(func() *pattern {
	return compile(`(?:^|[\s(])@[A-Za-z0-9_.]{3,30}\b`).onlyIf(func(s string) bool { return strings.IndexByte(s, '@') >= 0 })
})

// linkYou are the words that address a handle's owner.
var linkYou = advSet("you", "your", "you're")

// linkHandles returns the handles in s of a sentence about one person,
// as PHI-URL matches: a patient's account identifies them as their name
// does. The practice's own handles stand in sentences about it. A handle
// in a sentence about its owner's own care is a PHI-NAME match.
func linkHandles(s string) []Match {
	var out []Match
	for _, m := range linkHandle().FindAllStringIndex(s) {
		i := m[0] + strings.IndexByte(s[m[0]:m[1]], '@')
		if i > 0 && (phiAlnum(s[i-1]) || s[i-1] == '.') {
			continue // an email address
		}
		words := advWords(advSentence(s, i, m[1]), 80)
		if nameYourCare(s, i) {
			// "Tagging @carla.mendes87 — your allergy panel results are
			// in": the account of someone told about their own care.
			out = append(out, Match{Start: i, End: m[1], Rule: "PHI-NAME",
				Message: fmt.Sprintf("the social media handle %q of someone told about their own care", s[i:m[1]]),
				Hint:    "answer about one person's care in private; publicly, thank them and invite them to call"})
			continue
		}
		start, _ := advBounds(s, i, m[1])
		addressed := strings.TrimSpace(s[start:i]) == "" && advAny(words, linkYou)
		if !advAny(words, numberPerson) && !addressed {
			continue // "@lena.hart thanks for your review" speaks to one person
		}
		out = append(out, Match{Start: i, End: m[1], Rule: "PHI-URL",
			Message: fmt.Sprintf("a social media handle %q", s[i:m[1]]),
			Hint:    "remove it: a patient's or a relative's account identifies them; the practice's own accounts may be named"})
	}
	return out
}

// linkTrim drops trailing punctuation that ends a sentence or a bracket
// rather than the URL.
func linkTrim(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '*', '_', '\'', '"':
			u = u[:len(u)-1]
			continue
		case ')', ']', '}':
			open := map[byte]byte{')': '(', ']': '[', '}': '{'}[c]
			if strings.Count(u, string(open)) < strings.Count(u, string(c)) {
				u = u[:len(u)-1]
				continue
			}
		}
		break
	}
	return u
}

func linkHostFallback(raw string) string {
	if k := strings.Index(raw, "://"); k >= 0 {
		raw = raw[k+3:]
	}
	if k := strings.IndexAny(raw, "/?#"); k >= 0 {
		raw = raw[:k]
	}
	if k := strings.LastIndex(raw, "@"); k >= 0 {
		raw = raw[k+1:]
	}
	if k := strings.LastIndex(raw, ":"); k >= 0 {
		raw = raw[:k]
	}
	return raw
}

// linkAllowed reports whether host is one of domains or a subdomain of one.
func linkAllowed(host string, domains []string) bool {
	for _, d := range domains {
		d = strings.ToLower(strings.TrimSpace(d))
		if strings.Contains(d, "://") {
			if u, err := url.Parse(d); err == nil {
				d = strings.ToLower(u.Hostname())
			}
		}
		d = strings.Trim(d, ".")
		if d == "" {
			continue
		}
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// registrable returns the domain to trust for host: host without a
// leading "www.", which trusts its other subdomains too.
func registrable(host string) string {
	return strings.TrimPrefix(host, "www.")
}
