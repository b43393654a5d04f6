package reply

import (
	"regexp"
	"slices"
	"strings"
	"sync"
)

// A sign a comment denies is no sign: "no chest pain", "without trouble
// breathing", "didn't hit her head", "breathing is fine". As in NegEx
// (Chapman et al., 2001), a negation cue denies what follows it in its
// clause, within a short window; words that only look like a cue ("not
// sure", "oh no") deny nothing; and a sign is denied too when the words
// after it say it is fine.

// negationWindow is how many words before a sign a cue may stand.
const negationWindow = 2

var (
	// negationCueRE matches the words that deny what follows them, over
	// folded text.
	negationCueRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`no`, `not`, `nor`, `never`, `without`, `denies`, `denied`, `none`, `zero`,
			`isnt`, `isn't`, `wasnt`, `wasn't`, `arent`, `aren't`, `doesnt`, `doesn't`, `dont`, `don't`, `didnt`, `didn't`,
			`hasnt`, `hasn't`, `havent`, `haven't`, `hadnt`, `hadn't`, `wont`, `won't`, `nunca`, `sin`, `ni`, `tampoco`, `nada de`))
	})
	// pseudoNegationRE matches words with a cue in them that deny
	// nothing: doubt, alarm, what goes on and on, and a change for the
	// worse.
	pseudoNegationRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(anyOf(`(?:wont|won't|doesnt|doesn't|didnt|didn't|wouldnt|wouldn't|isnt|isn't|not) (?:stop|stopping|quit|go away|going away|get better|getting better)`,
			`no (?:para|paraba|se le quita|se quita|se me quita)`, `not sure`, `no idea`, `dont know`, `don't know`, `didnt know`, `didn't know`, `not certain`,
			`oh no`, `omg no`, `no no`, `no longer`, `not only`, `not just`, `no se si`, `no se`, `no estoy segur[oa]`))
	})
	// fineRE matches, at the start of the words after a sign, a sign
	// said to be fine: "is fine", "seems normal", "esta bien". Without
	// the verb, the words say how, not whether ("can't breathe good", "no
	// puede hablar bien").
	fineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^ ` + fine)
	})
	// clauseEndRE matches what ends a clause, and with it a cue's reach.
	clauseEndRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[.,;:!?¿¡]|\b(?:but|pero|though|tho|although|aunque)\b`)
	})
)

// affirmed returns the matches of re in s, a prepared text (see
// [prepare]), that s does not deny.
func affirmed(re *regexp.Regexp, s string) []string {
	var out []string
	from := 0
	for _, loc := range re.FindAllStringIndex(s, -1) {
		if !denied(s, from, loc[0], loc[1]) {
			out = append(out, s[loc[0]:loc[1]])
		}
		from = loc[1]
	}
	return out
}

// firstAffirmed returns the first of [affirmed], or "".
func firstAffirmed(re *regexp.Regexp, s string) string {
	if m := affirmed(re, s); len(m) > 0 {
		return m[0]
	}
	return ""
}

// denied reports whether s denies its words s[start:end]: a negation cue
// stands among the few words before them (more when they are the last of
// a list joined by "or"), in their clause and after from (the end of the
// sign before, whose words deny nothing further), or the words after them
// say they are fine.
func denied(s string, from, start, end int) bool {
	if fineRE().MatchString(s[end:]) {
		return true
	}
	before := s[from:start]
	if locs := clauseEndRE().FindAllStringIndex(before, -1); len(locs) > 0 {
		before = before[locs[len(locs)-1][1]:]
	}
	before = pseudoNegationRE().ReplaceAllString(before, " ")
	words := strings.Fields(before)
	n := negationWindow
	if len(words) > 0 && slices.Contains([]string{"or", "nor", "ni", "o"}, words[len(words)-1]) {
		// "No fever or chest pain": the cue reaches across the list.
		n = 2 * negationWindow
	}
	return negationCueRE().MatchString(strings.Join(words[max(0, len(words)-n):], " "))
}

// deniedScopes returns the words of s, a prepared text, that a negation
// cue denies (up to three words after each cue, in its clause) and the
// words said to be fine (the word before "is fine"), for the models to
// weigh apart from the same words affirmed.
func deniedScopes(s string) []string {
	var out []string
	for _, clause := range clauseEndRE().Split(pseudoNegationRE().ReplaceAllString(s, " "), -1) {
		for _, loc := range negationCueRE().FindAllStringIndex(clause, -1) {
			words := strings.Fields(clause[loc[1]:])
			out = append(out, strings.Join(words[:min(3, len(words))], " "))
		}
		for _, loc := range fineWordRE().FindAllStringSubmatchIndex(clause, -1) {
			out = append(out, clause[loc[2]:loc[3]])
		}
	}
	return out
}

// fine is an expression of a thing said to be fine.
const fine = `(?:is|are|was|seems?|looks?|feels?|sounds?|esta|se ve)(?: (?:totally|completely|perfectly|still|just|muy))* (?:fine|normal|ok|okay|good|great|bien)\b`

// fineWordRE matches a word said to be fine, as its first group.
var fineWordRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(\w+) ` + fine)
})
