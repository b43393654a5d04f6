package card

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/math/fixed"
)

// Marks Draw adds to the text it sets.
const (
	ellipsis = "…" // ends a text cut short
	hyphen   = "-" // ends a line that breaks a word
)

// A composition is the text Draw sets on a card and where it goes: the
// question in bold type in the layout's box, and the practice name on one
// line of regular type in the footer, each line no wider than the box.
type composition struct {
	layout   layout
	question block
	name     block
}

// A block is text broken into lines, set at a font size in pixels.
type block struct {
	size  int
	lines []string
}

// compose sets the question and the practice name of a card of size, as
// Draw draws them. Each line it returns is no wider, as [Painter.text]
// draws it, than the card's text width, the width of its layout's box.
func (p *Painter) compose(question, practice string, size Size) (composition, error) {
	l, err := newLayout(size)
	if err != nil {
		return composition{}, err
	}
	q, err := p.fitQuestion(question, l)
	if err != nil {
		return composition{}, err
	}
	name, err := p.fitName(practice, l)
	if err != nil {
		return composition{}, err
	}
	return composition{layout: l, question: q, name: name}, nil
}

// fitQuestion sets the question in l.box in at most MaxLines lines, at the
// largest font size from l.maxSize down to l.minSize at which it fits with
// every word whole. At l.minSize, and only there, a word too wide for a
// line on its own is broken across lines with a hyphen at each break (see
// breakWord); if the question then takes more lines than the box holds, it
// is cut with an ellipsis (see cut).
func (p *Painter) fitQuestion(question string, l layout) (block, error) {
	text := strings.Join(strings.Fields(clean(question)), " ")
	if text == "" {
		return block{size: l.maxSize}, nil
	}
	width := fixed.I(l.box.Dx())
	for size := l.maxSize; size >= l.minSize; size = smaller(size, l.minSize) {
		limit := min(MaxLines, l.box.Dy()/lineHeight(size))
		if limit < 1 {
			continue
		}
		f, err := face(p.bold, size)
		if err != nil {
			return block{}, fmt.Errorf("card: %w", err)
		}
		last := size == l.minSize
		lines, whole := wrap(f, text, width, limit, last)
		if whole && len(lines) <= limit {
			f.Close()
			return block{size: size, lines: lines}, nil
		}
		if last {
			// A hyphen ending the last line gives way to the ellipsis.
			lines = lines[:limit]
			lines[limit-1] = cut(f, strings.TrimSuffix(lines[limit-1], hyphen), width)
			f.Close()
			return block{size: size, lines: lines}, nil
		}
		f.Close()
	}
	// Unreachable: newLayout guarantees that a line fits at l.minSize.
	return block{}, errors.New("card: question does not fit")
}

// fitName sets the practice name on one line at the largest font size
// from l.nameSize down to l.nameMin at which it fits the text width: at
// l.nameSize if it fits there, else at a size at which it fits and one
// pixel more does not. If it does not fit even at l.nameMin, it is cut
// there with an ellipsis (see cut).
func (p *Painter) fitName(practice string, l layout) (block, error) {
	name := strings.Join(strings.Fields(clean(practice)), " ")
	if name == "" {
		return block{size: l.nameSize}, nil
	}
	width := fixed.I(l.box.Dx())
	widthAt := func(size int) (fixed.Int26_6, error) {
		f, err := face(p.regular, size)
		if err != nil {
			return 0, fmt.Errorf("card: %w", err)
		}
		defer f.Close()
		return f.advance(name), nil
	}
	fitsAt := func(size int) (bool, error) {
		w, err := widthAt(size)
		return w <= width, err
	}
	w, err := widthAt(l.nameSize)
	if err != nil {
		return block{}, err
	}
	if w <= width {
		return block{size: l.nameSize, lines: []string{name}}, nil
	}
	// Widths grow in proportion to the size but for rounding: start at the
	// size the name's width points to, and step from there.
	size := min(max(int(int64(l.nameSize)*int64(width)/int64(w)), l.nameMin), l.nameSize-1)
	if size >= l.nameMin {
		fits, err := fitsAt(size)
		if err != nil {
			return block{}, err
		}
		for fits && size+1 < l.nameSize {
			more, err := fitsAt(size + 1)
			if err != nil {
				return block{}, err
			}
			if !more {
				break
			}
			size++
		}
		for !fits && size > l.nameMin {
			size--
			if fits, err = fitsAt(size); err != nil {
				return block{}, err
			}
		}
		if fits {
			return block{size: size, lines: []string{name}}, nil
		}
	}
	f, err := face(p.regular, l.nameMin)
	if err != nil {
		return block{}, fmt.Errorf("card: %w", err)
	}
	defer f.Close()
	return block{size: l.nameMin, lines: []string{cut(f, name, width)}}, nil
}

// smaller returns the font size to try after size: two pixels less, but
// never skipping floor, and less than floor after floor.
func smaller(size, floor int) int {
	if size > floor && size-2 < floor {
		return floor
	}
	return size - 2
}

// clean limits s to MaxRunes runes and turns invalid UTF-8, control
// characters and other spaces into plain spaces.
func clean(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == MaxRunes {
			break
		}
		// Ranging over s already turns invalid UTF-8 into U+FFFD.
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			r = ' '
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// wrap breaks text, words separated by single spaces, into lines no wider
// than width in f, as many words to a line as fit. It stops once it has
// more than limit lines.
//
// A word wider than width on its own makes wrap stop and report false,
// unless split is true: then the word starts a line and is broken across
// as many lines as it needs, each piece but the last ending in a hyphen
// (see breakWord), and the words after it may follow its last piece.
func wrap(f *sizedFace, text string, width fixed.Int26_6, limit int, split bool) (lines []string, whole bool) {
	_, space := f.drawn(' ')
	var (
		start, end int           // the line so far is text[start:end]
		lineWidth  fixed.Int26_6 // and this wide
	)
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], ' ')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		word := text[i:j]
		w := f.advance(word)
		if end > start {
			last, _ := utf8.DecodeLastRuneInString(text[start:end])
			first, _ := utf8.DecodeRuneInString(word)
			// As wide as f.advance(text[start:j]), without measuring the
			// line again.
			if joined := lineWidth + f.Kern(last, ' ') + space + f.Kern(' ', first) + w; joined <= width {
				end, lineWidth = j, joined
				i = j + 1
				continue
			}
			lines = append(lines, text[start:end])
			if len(lines) > limit {
				return lines, true
			}
		}
		start = i
		if w > width {
			if !split {
				return lines, false
			}
			for w > width {
				n, mark := breakWord(f, word, width)
				lines = append(lines, word[:n]+mark)
				if len(lines) > limit {
					return lines, true
				}
				word, start = word[n:], start+n
				w = f.advance(word)
			}
		}
		end, lineWidth = j, w
		i = j + 1
	}
	if end > start {
		lines = append(lines, text[start:end])
	}
	return lines, true
}

// breakWord returns where to break word, which is wider than width in f,
// and what to end its first piece with so that the piece fits width. It
// prefers, in turn: after the word's last hyphen at which the piece fits,
// adding nothing; before the last rune at which the piece fits with a
// hyphen added and a break is allowed (see breakable); before the last rune
// at which the piece fits with a hyphen added. Failing all, the piece is
// the first rune and a hyphen. Unless word is one rune, the rest of it is
// never empty.
func breakWord(f *sizedFace, word string, width fixed.Int26_6) (int, string) {
	_, markWidth := f.drawn('-')
	var (
		hyphenated, allowed, anywhere int
		w                             fixed.Int26_6 // of word[:i]
	)
	prev := rune(-1)
	for i, r := range word {
		if i > 0 {
			if (prev == '-' || prev == '\u2010') && w <= width {
				hyphenated = i
			}
			if w+f.Kern(prev, '-')+markWidth <= width {
				anywhere = i
				if breakable(prev, r) {
					allowed = i
				}
			}
			w += f.Kern(prev, r)
		}
		_, adv := f.drawn(r)
		w += adv
		prev = r
	}
	switch {
	case hyphenated > 0:
		return hyphenated, ""
	case allowed > 0:
		return allowed, hyphen
	case anywhere > 0:
		return anywhere, hyphen
	}
	_, n := utf8.DecodeRuneInString(word)
	return n, hyphen
}

// breakable reports whether a word may be broken between runes a and b:
// not before a combining mark, which would part a letter from its accent,
// nor on either side of a joiner.
func breakable(a, b rune) bool {
	const zwj, wj = '\u200D', '\u2060'
	return !unicode.Is(unicode.M, b) && a != zwj && b != zwj && a != wj && b != wj
}

// cut returns s shortened so that, ending in an ellipsis, it is no wider
// than width in f: the most words of s that fit before the ellipsis, or if
// not even its first word does, the most runes of that word that do,
// broken where breakable allows, perhaps none.
func cut(f *sizedFace, s string, width fixed.Int26_6) string {
	mark, _ := utf8.DecodeRuneInString(ellipsis)
	_, markWidth := f.drawn(mark)
	var (
		words, runes = -1, 0       // the longest starts of s found to fit
		first        = true        // whether s[:i] is in the first word
		w            fixed.Int26_6 // of s[:i]
	)
	prev := rune(-1)
	fits := func() bool { return w+f.Kern(prev, mark)+markWidth <= width }
	for i, r := range s {
		if i > 0 {
			switch {
			case r == ' ':
				first = false
				if fits() {
					words = i
				}
			case first && breakable(prev, r) && fits():
				runes = i
			}
			w += f.Kern(prev, r)
		}
		_, adv := f.drawn(r)
		w += adv
		prev = r
	}
	if prev >= 0 && fits() {
		words = len(s)
	}
	if words < 0 {
		return s[:runes] + ellipsis
	}
	return s[:words] + ellipsis
}
