package check

import (
	"math"
	"math/bits"
	"slices"
	"sync"
)

// A lexicon finds where the literals of a set of patterns occur in a text,
// all of them in one pass, so that each pattern then scans the windows
// around its own literals without a pass over the text of its own.
//
// A pass looks at each byte of the text and the one after it: a table of
// the pairs of bytes that begin a literal tells at once, for most bytes,
// that no literal begins there; where one may, the byte after the pair
// picks out the few longer literals to try. Each pattern also has a
// lexicon of its own literals, for the texts no shared lexicon has looked
// at.
//
// A lexicon does not change once made, and is safe for concurrent use.
type lexicon struct {
	// lits are the literals, each once, as [hasLiteral] reads them; a
	// literal's id is its index.
	lits []string
	// one lists the ids of the one-byte literals, by their byte in lower
	// case.
	one [256][]uint16
	// pairs has bit b1<<8|b2 set when a literal of two bytes or more
	// begins with b1 and b2, in lower case.
	pairs [1 << 16 / 64]uint64
	// rank counts the bits of pairs before each of its words, so that the
	// pairs are numbered in order: the ids of the literals that begin with
	// pair number r are byPair[start[r]:start[r+1]]: first those of two
	// bytes, up to short[r], in order, then the longer ones by their third
	// byte in lower case, third, and in order for each.
	rank   [1 << 16 / 64]uint32
	start  []uint32
	short  []uint32
	byPair []uint16
	third  []byte
	// head and mask hold the first four bytes of each literal, in lower
	// case, and which of them it has: a literal can begin at a byte of a
	// text only where the text's next four bytes, in lower case and
	// masked, are its head, which rules most of them out at once.
	head, mask []uint32
	// of gives the ids of each pattern's literals.
	of map[*pattern]*lexPattern
}

// A lexPattern is the ids of a pattern's literals in a lexicon.
type lexPattern struct {
	// ids holds the ids of the pattern's literals, as a set, and list
	// lists them.
	ids  idSet
	list []uint16
	// need holds the ids of the literals of each of the pattern's further
	// sets (see [pattern.refine]), as sets, and needList lists them.
	need     []idSet
	needList [][]uint16
	// idWords and needWords are the words of ids and of each of need
	// that hold ids, which a scan asks first whether the text has any
	// of (see [idSet.meets]).
	idWords   []idWord
	needWords [][]idWord
}

// newLexicon returns a lexicon of the literals of ps, and of their further
// sets (see [pattern.refine]). Patterns without literals (those that scan every text whole) are
// left out.
func newLexicon(ps ...*pattern) *lexicon {
	lx := &lexicon{of: map[*pattern]*lexPattern{}}
	byLit := map[string]uint16{}
	add := func(l string) uint16 {
		id, ok := byLit[l]
		if ok {
			return id
		}
		if len(lx.lits) > math.MaxUint16 {
			panic("check: too many literals for a lexicon")
		}
		id = uint16(len(lx.lits))
		byLit[l] = id
		lx.lits = append(lx.lits, l)
		if c := lowerByte(l[0]); len(l) == 1 {
			lx.one[c] = append(lx.one[c], id)
		} else {
			pair := pairOf(l)
			lx.pairs[pair/64] |= 1 << (pair % 64)
		}
		return id
	}
	for _, p := range ps {
		if p.lits == nil {
			continue
		}
		var set idSet
		var list []uint16
		for _, l := range p.lits {
			id := add(l)
			if !set.has(id) {
				list = append(list, id)
			}
			set = set.with(id)
		}
		lx.of[p] = &lexPattern{ids: set, list: list, idWords: set.words()}
	}
	// Then the further sets of literals, after all of the patterns' own.
	for _, p := range ps {
		if p.lits == nil {
			continue
		}
		for _, lits := range p.need {
			var set idSet
			var list []uint16
			for _, l := range lits {
				id := add(l)
				if !set.has(id) {
					list = append(list, id)
				}
				set = set.with(id)
			}
			lx.of[p].need = append(lx.of[p].need, set)
			lx.of[p].needList = append(lx.of[p].needList, list)
			lx.of[p].needWords = append(lx.of[p].needWords, set.words())
		}
	}
	n := uint32(0)
	for w, word := range lx.pairs {
		lx.rank[w] = n
		n += uint32(bits.OnesCount64(word))
	}
	lx.start = make([]uint32, n+1)
	for _, l := range lx.lits {
		if len(l) > 1 {
			lx.start[lx.pairRank(pairOf(l))+1]++
		}
	}
	for r := range n {
		lx.start[r+1] += lx.start[r]
	}
	lx.head, lx.mask = make([]uint32, len(lx.lits)), make([]uint32, len(lx.lits))
	for id, l := range lx.lits {
		for k := 0; k < min(len(l), 4); k++ {
			lx.head[id] |= uint32(lowerByte(l[k])) << (8 * k)
			lx.mask[id] |= 0xff << (8 * k)
		}
	}
	lx.byPair = make([]uint16, lx.start[n])
	next := slices.Clone(lx.start)
	for id, l := range lx.lits {
		if len(l) > 1 {
			r := lx.pairRank(pairOf(l))
			lx.byPair[next[r]] = uint16(id)
			next[r]++
		}
	}
	// Each pair's literals of two bytes first, then the others by their
	// third byte: a text's third byte picks out the few to try.
	thirdOf := func(id uint16) int {
		if l := lx.lits[id]; len(l) > 2 {
			return int(lowerByte(l[2]))
		}
		return -1
	}
	lx.short, lx.third = make([]uint32, n), make([]byte, len(lx.byPair))
	for r := range n {
		ids := lx.byPair[lx.start[r]:lx.start[r+1]]
		slices.SortStableFunc(ids, func(a, b uint16) int { return thirdOf(a) - thirdOf(b) })
		lx.short[r] = lx.start[r]
		for k, id := range ids {
			if c := thirdOf(id); c < 0 {
				lx.short[r]++
			} else {
				lx.third[lx.start[r]+uint32(k)] = byte(c)
			}
		}
	}
	return lx
}

// pairOf returns the first two bytes of l, in lower case, as a number.
func pairOf(l string) int { return int(lowerByte(l[0]))<<8 | int(lowerByte(l[1])) }

// pairRank returns the number of pair, which must be one of lx's.
func (lx *lexicon) pairRank(pair int) uint32 {
	w := pair / 64
	return lx.rank[w] + uint32(bits.OnesCount64(lx.pairs[w]&(1<<(pair%64)-1)))
}

// A hit is where a literal occurs in a text.
type hit struct {
	at int32  // the byte offset in the text
	id uint16 // the literal's id in the lexicon
}

// find returns where the lexicon's literals occur in s, in order of their
// offsets, in buf's space.
func (lx *lexicon) find(s string, buf []hit) []hit {
	hs := buf[:0]
	for i := 0; i < len(s); i++ {
		c := lowerByte(s[i])
		for _, id := range lx.one[c] {
			if hasLiteral(s[i:], lx.lits[id]) {
				hs = append(hs, hit{int32(i), id})
			}
		}
		if i+1 == len(s) {
			break
		}
		c2 := lowerByte(s[i+1])
		pair := int(c)<<8 | int(c2)
		if lx.pairs[pair/64]&(1<<(pair%64)) == 0 {
			continue
		}
		r := lx.pairRank(pair)
		head := headOf(s[i:])
		at := len(hs)
		lo, hi := lx.short[r], lx.start[r+1]
		for _, id := range lx.byPair[lx.start[r]:lo] {
			if hasLiteral(s[i:], lx.lits[id]) {
				hs = append(hs, hit{int32(i), id})
			}
		}
		if i+2 < len(s) && lo < hi {
			c3 := lowerByte(s[i+2])
			first, _ := slices.BinarySearch(lx.third[lo:hi], c3)
			for k := lo + uint32(first); k < hi && lx.third[k] == c3; k++ {
				if id := lx.byPair[k]; head&lx.mask[id] == lx.head[id] && hasLiteral(s[i:], lx.lits[id]) {
					hs = append(hs, hit{int32(i), id})
				}
			}
		}
		// The hits at i in order of their ids, as one pass over the
		// pair's literals in order gave them.
		if len(hs)-at > 1 {
			slices.SortFunc(hs[at:], func(a, b hit) int { return int(a.id) - int(b.id) })
		}
	}
	return hs
}

// headOf returns the first four bytes of s, or as many as it has, in
// lower case, the first in the lowest byte.
func headOf(s string) uint32 {
	var h uint32
	for k := 0; k < min(len(s), 4); k++ {
		h |= uint32(lowerByte(s[k])) << (8 * k)
	}
	return h
}

// An idSet is a set of literal ids.
type idSet []uint64

func (s idSet) with(id uint16) idSet {
	for len(s) <= int(id)/64 {
		s = append(s, 0)
	}
	s[id/64] |= 1 << (id % 64)
	return s
}

func (s idSet) has(id uint16) bool {
	return int(id)/64 < len(s) && s[id/64]&(1<<(id%64)) != 0
}

// An idWord is a word of an idSet that holds ids: the set has id
// at*64+k when bit k of bits is set.
type idWord struct {
	at   uint16
	bits uint64
}

// words returns the words of s that hold ids, in order. Most sets of a
// pattern's literals hold a few ids among thousands: their words are
// quicker to look through than the whole set.
func (s idSet) words() []idWord {
	var ws []idWord
	for i, b := range s {
		if b != 0 {
			ws = append(ws, idWord{uint16(i), b})
		}
	}
	return ws
}

// meets reports whether s has one of the ids of the words ws.
func (s idSet) meets(ws []idWord) bool {
	for _, w := range ws {
		if int(w.at) < len(s) && s[w.at]&w.bits != 0 {
			return true
		}
	}
	return false
}

// A scan is a text to scan with the patterns of a lexicon, with the hits
// of the lexicon's literals in it, found once for them all.
type scan struct {
	s     string
	lx    *lexicon
	hits  []hit
	folds bool // foldsToASCII(s)
	// head and next chain the hits of each literal: head[id] is the index
	// in hits of the literal's first hit, next[k] that of the hit after
	// hits[k] of the same literal; -1 ends a chain. A pattern visits only
	// its own literals' hits, however many others the text holds.
	head, next []int32
	// found holds the ids of the literals with a hit.
	found idSet
	// ks, own and need are scratch space for the hits of a pattern's
	// literals and of one of its further sets, and wins for its windows
	// and for them cut down by each further set (see [pattern.refine]),
	// which each pattern uses up before the next.
	ks        []int32
	own, need []hit
	wins      [1 + maxNeed][][2]int
	// sents are the text's sentences, split by the first rule that reads
	// them (see [scan.sentences]), and split is set once they are.
	sents []sentence
	split bool
	words []string // the sentences' words, one after another
	// low is the text in lower case, if lowDone (see [scan.lower]).
	low     string
	lowDone bool
	// names is scratch space for the name rule's words.
	names nameSpace
}

// newScan finds the hits of lx's literals in s. A text too long for a
// hit's offset gets none, and is scanned whole (see [pattern.windows]).
// The scan's space comes from scans: [scan.free] returns it when the scan
// is done with.
func newScan(lx *lexicon, s string) *scan {
	if len(s) > math.MaxInt32 {
		lx = new(lexicon)
	}
	sc := scans.Get().(*scan)
	sc.s, sc.lx, sc.folds = s, lx, foldsToASCII(s)
	sc.hits, sc.head, sc.next = sc.hits[:0], sc.head[:0], sc.next[:0]
	sc.found = sc.found[:0]
	sc.sents, sc.split = sc.sents[:0], false
	sc.low, sc.lowDone = "", false
	if !sc.folds {
		sc.hits = lx.find(s, sc.hits)
		sc.found = slices.Grow(sc.found, (len(lx.lits)+63)/64)[:(len(lx.lits)+63)/64]
		clear(sc.found)
		for _, h := range sc.hits {
			sc.found[h.id/64] |= 1 << (h.id % 64)
		}
		if len(sc.hits) < chainMin {
			return sc
		}
		sc.head = slices.Grow(sc.head, len(lx.lits))[:len(lx.lits)]
		for id := range sc.head {
			sc.head[id] = -1
		}
		sc.next = slices.Grow(sc.next, len(sc.hits))[:len(sc.hits)]
		for k := len(sc.hits) - 1; k >= 0; k-- {
			id := sc.hits[k].id
			sc.next[k] = sc.head[id]
			sc.head[id] = int32(k)
		}
	}
	return sc
}

// scans keeps the space of scans done with for the next: a scan's hits,
// chains and scratch space grow with its text, and a check scans
// thousands of texts.
var scans = sync.Pool{New: func() any { return new(scan) }}

// free returns sc's space to scans. Nothing may use sc, or what its
// methods returned from its space, after.
func (sc *scan) free() {
	sc.s, sc.lx = "", nil
	scans.Put(sc)
}

// chainMin is the fewest hits worth chaining: fewer are filtered by each
// pattern, which is quicker than making the chains.
const chainMin = 256

// hitsIn returns the hits in sc's text of the literals with the ids list,
// which set holds, in order, in buf's space.
func (sc *scan) hitsIn(list []uint16, set idSet, buf []hit) []hit {
	hs := buf[:0]
	if len(sc.head) == 0 {
		for _, h := range sc.hits {
			if set.has(h.id) {
				hs = append(hs, h)
			}
		}
		return hs
	}
	ks := sc.ks[:0]
	for _, id := range list {
		for k := sc.head[id]; k >= 0; k = sc.next[k] {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	for _, k := range ks {
		hs = append(hs, sc.hits[k])
	}
	sc.ks = ks
	return hs
}

// windows is [pattern.windows] of sc's text, which takes the hits from sc
// if p is one of its lexicon's patterns.
func (sc *scan) windows(p *pattern) ([][2]int, bool) {
	var lp *lexPattern
	if sh := p.shared.Load(); sh != nil && sh.in == sc.lx {
		lp = sh.lp
	} else {
		lp = sc.lx.of[p]
	}
	switch {
	case lp == nil:
		return p.windows(sc.s)
	case sc.folds:
		return nil, false
	case !sc.found.meets(lp.idWords) || slices.ContainsFunc(lp.needWords, func(ws []idWord) bool { return !sc.found.meets(ws) }):
		// Every match holds a hit of p's literals and of each of its
		// further sets.
		return nil, true
	}
	sc.own = sc.hitsIn(lp.list, lp.ids, sc.own)
	sc.wins[0] = p.windowsAt(sc.s, sc.lx, sc.own, sc.wins[0])
	return p.refine(sc, lp, sc.wins[0]), true
}

// textLexicon is the lexicon of the patterns that [PHI], [Links] and
// [Advice] scan whole texts with.
var textLexicon = sync.OnceValue(func() *lexicon {
	return sharedLexicon(textPatterns()...)
})

// sharedLexicon returns the lexicon of ps, and gives each of them its
// record in it, which a scan of the lexicon then finds without a look-up.
func sharedLexicon(ps ...*pattern) *lexicon {
	lx := newLexicon(ps...)
	for p, lp := range lx.of {
		p.shared.Store(&sharedPattern{lp: lp, in: lx})
	}
	return lx
}

// textPatterns returns the patterns that [PHI], [Links] and [Advice] scan
// whole texts with; the others (cue words, mostly) look at a few words.
//
// The pattern of VINs is left out: its literals are every capital letter
// and digit but I, O and Q, which would make many hits in every text,
// while the run of seventeen such characters it looks for first spares
// almost every text its scan.
func textPatterns() []*pattern {
	ps := []*pattern{
		phiRE().nanp, phiRE().bare10, phiRE().intl, phiRE().email, phiRE().ssn, phiRE().bare9,
		phiRE().idCue, phiRE().mbi, phiRE().ageAfter, phiRE().ageBefore,
		phiRE().street, phiRE().zip, phiRE().pobox, phiRE().ipv4, phiRE().ipv6,
		phiRE().honor, phiRE().myPatient, phiRE().named, phiRE().patient, phiRE().poss,
		phiRE().serialCue, phiRE().url, identRE().cue,
	}
	ps = append(ps, phiRE().dates...)
	for _, r := range advRules() {
		ps = append(ps, r.re)
	}
	ps = append(ps, dateRE().monthDay, dateRE().dotted, dateRE().holiday, ageRE().ordinal, ageRE().spelled, ageRE().turning,
		ageRE().at, ageRE().is, ageRE().paren, ageRE().young, ageRE().story, addressRE().road, addressRE().lives, addressRE().unit, addressRE().home, phoneRE().local, storyRE().we,
		storyRE().one, storyRE().cameIn, storyRE().had, storyRE().photo)
	ps = append(ps, storyRE().reply...)
	ps = append(ps, storyRE().slot...)
	return ps
}
