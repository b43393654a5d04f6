package names

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/klauspost/compress/zstd"
)

// The shipped data; data/README.md describes each file.
var (
	//go:embed data/given.tsv.zst
	givenData string
	//go:embed data/surnames.tsv.zst
	surnamesData string
	//go:embed data/words.tsv.zst
	wordsData string
	//go:embed data/places.tsv.zst
	placesData string
	//go:embed data/known.txt
	knownData string
)

// read reads the shipped data into a new Lexicon, the lists side by side.
func read() (*Lexicon, error) {
	l := new(Lexicon)
	var givenSum, surnameSum uint64
	var wg sync.WaitGroup
	errs := make([]error, 5)
	wg.Go(func() { l.surnames, surnameSum, errs[0] = readCounts(surnamesData) })
	wg.Go(func() { l.given, givenSum, errs[1] = readCounts(givenData) })
	wg.Go(func() { l.words, _, errs[2] = readCounts(wordsData) })
	wg.Go(func() { errs[3] = l.readPlaces(placesData) })
	wg.Go(func() { l.known, errs[4] = readKnown(knownData) })
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	l.givenScale = 1e6 / float64(givenSum)
	l.surnameScale = 1e6 / float64(surnameSum)
	return l, nil
}

// unzstd returns the decompressed bytes of the Zstandard file z.
func unzstd(z string) ([]byte, error) {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
	if err != nil {
		return nil, err
	}
	defer dec.Close()
	return dec.DecodeAll([]byte(z), nil)
}

// readCounts reads a compressed list of "key<TAB>number" lines, sorted by
// key with no key twice, into a table, and returns the sum of the numbers
// too.
func readCounts(z string) (*table, uint64, error) {
	text, err := unzstd(z)
	if err != nil {
		return nil, 0, err
	}
	t := newTable(text, bytes.Count(text, []byte{'\n'}))
	var sum uint64
	var prev []byte
	for off := 0; off < len(text); {
		line := text[off:]
		end := bytes.IndexByte(line, '\n')
		if end < 0 {
			return nil, 0, errors.New("last line not ended")
		}
		line = line[:end]
		tab := bytes.IndexByte(line, '\t')
		if tab < 1 || tab > maxKey {
			return nil, 0, fmt.Errorf("bad key in %q", line)
		}
		if bytes.Compare(prev, line[:tab]) >= 0 {
			return nil, 0, fmt.Errorf("key %q out of order", line[:tab])
		}
		prev = line[:tab]
		n, ok := parseCount(line[tab+1:])
		if !ok {
			return nil, 0, fmt.Errorf("bad number in %q", line)
		}
		t.insert(off, tab, n)
		sum += uint64(n)
		off += end + 1
	}
	return t, sum, nil
}

// parseCount parses b as a decimal number below 2³².
func parseCount(b []byte) (uint32, bool) {
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n = n*10 + uint64(c-'0'); n > math.MaxUint32 {
			return 0, false
		}
	}
	return uint32(n), len(b) > 0
}

// readPlaces reads the compressed list of "name<TAB>kinds" lines into
// l.places and l.codes.
func (l *Lexicon) readPlaces(z string) error {
	text, err := unzstd(z)
	if err != nil {
		return err
	}
	var p phrases
	for line := range strings.Lines(string(text)) {
		name, kinds, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		k, kok := parsePlaceKinds(kinds)
		if !ok || !kok {
			return fmt.Errorf("bad place line %q", line)
		}
		if k&PlaceCode != 0 {
			if len(name) != 2 || name[0] < 'A' || name[0] > 'Z' || name[1] < 'A' || name[1] > 'Z' {
				return fmt.Errorf("bad postal code %q", name)
			}
			l.codes[name[0]-'A'][name[1]-'A'] = true
			if k &^= PlaceCode; k == 0 {
				continue
			}
		}
		p.add(name, uint32(k))
	}
	l.places = p.table(func(old, new uint32) uint32 { return old | new })
	return nil
}

// readKnown reads the hand-written list of "kind<TAB>name" lines of
// well-known names into a table.
func readKnown(src string) (*table, error) {
	var p phrases
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		kind, name, ok := strings.Cut(line, "\t")
		k, kok := parseKind(kind)
		if !ok || !kok || name == "" {
			return nil, fmt.Errorf("bad known line %q", line)
		}
		p.add(name, uint32(k))
	}
	// The first of two names with the same key keeps its kind.
	return p.table(func(old, _ uint32) uint32 { return old }), nil
}
