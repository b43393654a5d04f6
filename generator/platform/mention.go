package platform

import (
	"unicode"
	"unicode/utf8"
)

// A mastodonEntity is a URL or a mention that Mastodon rewrites before it
// counts a status's length.
type mastodonEntity struct {
	Span
	url     bool // a URL, which counts 23
	userEnd int  // for a mention: the end of @user, before @domain
}

// mastodonEntities returns the URLs with a scheme and the mentions in s,
// in order, dropping any that overlaps one before it (as
// Extractor.remove_overlapping_entities does).
func mastodonEntities(s string) []mastodonEntity {
	var all []mastodonEntity
	urls := URLs(s)
	mentions := mentions(s)
	for len(urls) > 0 || len(mentions) > 0 {
		var e mastodonEntity
		switch {
		case len(mentions) == 0 || len(urls) > 0 && urls[0].Start <= mentions[0].Start:
			e = mastodonEntity{Span: urls[0], url: true}
			urls = urls[1:]
			if schemeLen(s[e.Start:]) == 0 {
				continue // Mastodon links only URLs with a scheme
			}
		default:
			e = mentions[0]
			mentions = mentions[1:]
		}
		if len(all) > 0 && e.Start < all[len(all)-1].End {
			continue
		}
		all = append(all, e)
	}
	return all
}

// mentions returns the mentions in s, following Mastodon's
// Account::MENTION_RE,
//
//	(?<![=/[:word:]])@(([a-z0-9_]+([.-]+[a-z0-9_]+)*)(?:@[[:word:]]+([.-]+[[:word:]]+)*)?)
//
// without those Extractor.extract_mentions_or_lists_with_indices drops:
// a mention followed by @, a Latin accented letter or ://.
func mentions(s string) []mastodonEntity {
	var out []mastodonEntity
	prev := rune(-1)
	for i := 0; i < len(s); {
		if s[i] == '@' && prev != '=' && prev != '/' && !wordRune(prev) {
			user := dotted(s, i+1, usernameRune)
			if user > i+1 {
				end := user
				if user < len(s) && s[user] == '@' {
					if d := dotted(s, user+1, wordRune); d > user+1 {
						end = d
					}
				}
				if !endsMention(s[end:]) {
					out = append(out, mastodonEntity{Span: Span{i, end}, userEnd: user})
				}
				prev, _ = utf8.DecodeLastRuneInString(s[:end])
				i = end
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		prev = r
		i += size
	}
	return out
}

// dotted returns the end of the longest match of ok+([.-]+ok+)* at s[j],
// or j if there is none.
func dotted(s string, j int, ok func(rune) bool) int {
	end := j
	for k := j; ; {
		start := k
		for k < len(s) {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !ok(r) {
				break
			}
			k += size
		}
		if k == start {
			return end
		}
		end = k
		for k < len(s) && (s[k] == '.' || s[k] == '-') {
			k++
		}
		if k == end {
			return end
		}
	}
}

// endsMention reports whether after, the text after a mention, starts with
// what twitter-text's end_mention_match rejects: @, a Latin accented
// letter, or ://.
func endsMention(after string) bool {
	if len(after) >= 3 && after[:3] == "://" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after)
	return r == '@' || r == '＠' || r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7
}

// usernameRune reports whether r may be in a Mastodon username: an ASCII
// letter or digit, or _.
func usernameRune(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// wordRune reports whether r is a word character in Ruby's Unicode
// regexps ([[:word:]]): a letter, a mark, a decimal digit or connector
// punctuation such as _.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)
}
