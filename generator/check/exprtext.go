package check

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The text of an expression, worked on before it is compiled: split by
// alternative (see [compileEach]), and its classes without letters marked
// case-sensitive (see [caseless]).

// compileEach compiles each alternative of the outermost alternation of
// expr, which must parse, into a pattern of its own: the alternatives of
// the expression, or else of its first group "(?:…|…)" not repeated; an
// expression without one is compiled whole. A pattern of many alternatives
// is scanned in windows as wide as its widest one, around the literals of
// all, by an expression that may be too large for Go's fast matcher;
// split, each alternative is scanned near its own literals only, in
// windows of its own width. The patterns find the matches of the
// expression, and those of one alternative that overlap another's.
func compileEach(expr string) []*pattern {
	var out []*pattern
	for _, alt := range alternatives(expr) {
		out = append(out, compile(alt))
	}
	return out
}

// alternatives returns the expressions of the alternatives compileEach
// compiles, or expr alone.
func alternatives(expr string) []string {
	flags := ""
	if m := flagsPrefix.FindString(expr); m != "" {
		flags, expr = m, expr[len(m):]
	}
	if alts := topLevel(expr, '|'); len(alts) > 1 {
		for i := range alts {
			alts[i] = flags + alts[i]
		}
		return alts
	}
	for i := 0; i < len(expr); {
		end := partEnd(expr, i)
		if strings.HasPrefix(expr[i:], "(?:") && (end == len(expr) || !strings.ContainsRune("?*+{", rune(expr[end]))) {
			if alts := topLevel(expr[i+3:end-1], '|'); len(alts) > 1 {
				for k, alt := range alts {
					alts[k] = flags + expr[:i] + "(?:" + alt + ")" + expr[end:]
				}
				return alts
			}
		}
		i = end
	}
	return []string{flags + expr}
}

// flagsPrefix is a group of flags that opens an expression: "(?i)".
var flagsPrefix = regexp.MustCompile(`^\(\?[a-zA-Z]+\)`)

// partEnd returns the index after the part of the expression that starts
// at expr[i]: an escape, a class, a group, or a character.
func partEnd(expr string, i int) int {
	switch expr[i] {
	case '\\':
		if strings.HasPrefix(expr[i:], `\p{`) {
			if k := strings.IndexByte(expr[i:], '}'); k >= 0 {
				return i + k + 1
			}
		}
		return min(i+2, len(expr))
	case '[':
		return classEnd(expr, i)
	case '(':
		depth := 0
		for j := i; j < len(expr); {
			switch expr[j] {
			case '(':
				depth++
				j++
			case ')':
				depth--
				j++
				if depth == 0 {
					return j
				}
			default:
				j = partEnd(expr, j)
			}
		}
		return len(expr)
	}
	_, n := utf8.DecodeRuneInString(expr[i:])
	return i + n
}

// topLevel splits expr at the bytes sep outside its groups and classes.
func topLevel(expr string, sep byte) []string {
	var out []string
	start := 0
	for i := 0; i < len(expr); i = partEnd(expr, i) {
		if expr[i] == sep {
			out = append(out, expr[start:i])
			start = i + 1
		}
	}
	return append(out, expr[start:])
}

// caseless returns expr with its classes that hold no letters but \pL
// marked case-sensitive: "[\pL'’-]", "[^.!?\n]", \pL itself. Under (?i)
// they match the same (but for U+0345, a Greek combining mark that folds to
// a letter), which Go's parser works out at length for every letter there
// is.
func caseless(expr string) string {
	var b strings.Builder
	for i := 0; i < len(expr); {
		switch {
		case strings.HasPrefix(expr[i:], `\pL`):
			b.WriteString(`(?-i:\pL)`)
			i += 3
		case expr[i] == '\\' && i+1 < len(expr):
			b.WriteString(expr[i : i+2])
			i += 2
		case expr[i] == '[':
			end := classEnd(expr, i)
			if class := expr[i:end]; letterless(class) {
				b.WriteString("(?-i:" + class + ")")
			} else {
				b.WriteString(class)
			}
			i = end
		default:
			b.WriteByte(expr[i])
			i++
		}
	}
	return b.String()
}

// letterless reports whether the class holds no letter but by \pL: its
// escapes are of \pL, \d, \s, white space and punctuation, and no other
// member is a letter.
func letterless(class string) bool {
	for i := 1; i < len(class)-1; {
		r, n := utf8.DecodeRuneInString(class[i:])
		switch {
		case r == '\\':
			switch next := class[i+1]; {
			case strings.HasPrefix(class[i:], `\pL`):
				i += 3
			case strings.IndexByte("dsntrf", next) >= 0 || next < utf8.RuneSelf && !wordByte(next):
				i += 2
			default:
				return false
			}
		case r == '[' && strings.HasPrefix(class[i:], "[:"):
			return false // [:alpha:]
		case unicode.IsLetter(r) || unicode.SimpleFold(r) != r:
			return false
		default:
			i += n
		}
	}
	return true
}

// classEnd returns the index after the class that starts at expr[i], "[".
func classEnd(expr string, i int) int {
	j := i + 1
	if j < len(expr) && expr[j] == '^' {
		j++
	}
	if j < len(expr) && expr[j] == ']' {
		j++ // a "]" first is a member
	}
	for j < len(expr) && expr[j] != ']' {
		if expr[j] == '\\' {
			j++
		} else if expr[j] == '[' && j+1 < len(expr) && expr[j+1] == ':' {
			// [:alpha:]
			if k := strings.Index(expr[j+2:], ":]"); k >= 0 {
				j += k + 3
				continue
			}
		}
		j++
	}
	return min(j+1, len(expr))
}
