package platform

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// Weights of twitter-text's config/v3.json: scale 100, defaultWeight 200,
// transformedURLLength 23.
const (
	xScale         = 100
	xDefaultWeight = 200
	urlLength      = 23 // X's transformedURLLength, Mastodon's characters_reserved_per_url
)

// xLightRanges are the ranges of config/v3.json whose code points weigh
// 100 (count 1): 0–4351, 8192–8205, 8208–8223 and 8242–8247. Every
// other code point weighs defaultWeight, 200 (counts 2). Sorted; read-only.
var xLightRanges = []runeRange{
	{0x0000, 0x10FF}, // Latin, Greek, Cyrillic, Hebrew, Arabic, Indic … Georgian
	{0x2000, 0x200D}, // spaces, ZWNJ, ZWJ
	{0x2010, 0x201F}, // dashes and quotation marks
	{0x2032, 0x2037}, // primes
}

// xWeight returns the weight of r, which is not part of a URL or an emoji,
// in twitter-text v3 (100 for 1 character).
func xWeight(r rune) int {
	if in(xLightRanges, r) {
		return xScale
	}
	return xDefaultWeight
}

// CountX returns the length of s as X counts it: twitter-text v3's
// parseTweet weightedLength (config/v3.json: scale 100, defaultWeight 200,
// transformedURLLength 23, emojiParsingEnabled true). The text is first
// normalised to NFC. Then every URL X links (see [XURLs]) counts 23
// whatever its length; every emoji of twemoji-parser 14, the pattern
// twitter-text finds emoji with, counts 2 (an emoji sequence newer than
// that, such as a ZWJ sequence of a later Unicode version, counts as its
// parts); every other code point counts 1 if it is in U+0000–U+10FF,
// U+2000–U+200D, U+2010–U+201F or U+2032–U+2037, and 2 otherwise (so CJK
// counts 2). Invalid UTF-8 counts 2 a byte, as U+FFFD would.
func CountX(s string) int {
	s = norm.NFC.String(s)
	w, last := 0, 0
	for _, u := range XURLs(s) {
		w += xText(s[last:u.Start]) + urlLength*xScale
		last = u.End
	}
	w += xText(s[last:])
	return w / xScale
}

// xText returns the weight of s, which holds no URL: each emoji
// twemoji-parser 14 finds (see [xEmoji]) weighs the default weight, and
// every other code point its own.
func xText(s string) int {
	w, last := 0, 0
	for _, e := range xEmoji(s) {
		for _, r := range s[last:e.Start] {
			w += xWeight(r)
		}
		w += xDefaultWeight
		last = e.End
	}
	for _, r := range s[last:] {
		w += xWeight(r)
	}
	return w
}

// CountGraphemes returns the number of extended grapheme clusters in s
// (Unicode UAX #29, as github.com/rivo/uniseg splits text), without
// normalising it and with URLs counted in full. This is Bluesky's count:
// the app.bsky.feed.post lexicon limits text to maxGraphemes 300 (and
// maxLength 3000 bytes, see [Platform.MaxBytes]).
func CountGraphemes(s string) int {
	if !isASCII(s) {
		return uniseg.GraphemeClusterCount(s)
	}
	// Each ASCII byte is a cluster of its own but a line feed after a
	// carriage return (UAX #29, rules GB3 to GB5).
	return len(s) - strings.Count(s, "\r\n")
}

// CountMastodon returns the length of s as Mastodon's
// StatusLengthValidator counts it: grapheme clusters, after every URL that
// starts with http:// or https:// is replaced by 23 characters and every
// mention @user@domain by @user. Mastodon extracts URLs with
// extract_url_without_protocol: false, so a bare example.health counts in
// full, as Mastodon does not link it either. The text is not normalised.
func CountMastodon(s string) int {
	var b strings.Builder
	last := 0
	for _, e := range mastodonEntities(s) {
		b.WriteString(s[last:e.Start])
		if e.url {
			b.WriteString(strings.Repeat("x", urlLength))
		} else {
			b.WriteString(s[e.Start:e.userEnd])
		}
		last = e.End
	}
	if last == 0 {
		return CountGraphemes(s)
	}
	b.WriteString(s[last:])
	return CountGraphemes(b.String())
}

// CountThreads returns the length of s as Threads (Meta) counts it:
// "Emojis are counted as the number of UTF-8 bytes", other characters
// count 1 each. The text is normalised to NFC, every emoji grapheme
// cluster (see [Emoji]) counts its UTF-8 length (a ZWJ family such as
// 👨‍👩‍👧‍👦 counts 25), and every other code point counts 1. Meta does not
// say how it counts other non-ASCII text; this counts code points.
func CountThreads(s string) int {
	if isASCII(s) {
		return len(s) // in NFC, no emoji, a code point a byte
	}
	s = norm.NFC.String(s)
	n, state := 0, -1
	for s != "" {
		var c string
		c, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if Emoji(c) {
			n += len(c)
		} else {
			n += utf8.RuneCountInString(c)
		}
	}
	return n
}

// CountChars returns the number of code points in the NFC form of s. This
// is how Instagram (caption, 2,200), Facebook, LinkedIn (commentary,
// 3,000) and Google Business Profile (summary, 1,500) are counted: their
// documentation speaks of characters without defining them. Invalid UTF-8
// counts 1 a byte.
func CountChars(s string) int {
	return utf8.RuneCountInString(norm.NFC.String(s))
}
