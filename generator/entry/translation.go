package entry

import (
	"slices"
	"strings"
)

// Translations returns, for each of entries, the places in entries of its
// translations, sorted by language: the other entries with the same
// translation key. An entry's key is the slug it translates
// (translation_of:), followed along entries that translate others in
// turn, or its own slug; Hugo's translationKey: may name a key that is no
// entry's slug, which its translations then share.
func Translations(entries []*Entry) [][]int {
	bySlug := make(map[string]*Entry, len(entries))
	for _, e := range entries {
		if bySlug[e.Slug] == nil {
			bySlug[e.Slug] = e
		}
	}
	key := func(e *Entry) string {
		k := e.translationKey()
		for range len(entries) { // no chain is longer; a cycle stops here
			t := bySlug[k]
			if t == nil || t.TranslationOf == "" || t.TranslationOf == k {
				break
			}
			k = t.TranslationOf
		}
		return k
	}
	groups := map[string][]int{}
	keys := make([]string, len(entries))
	for i, e := range entries {
		keys[i] = key(e)
		groups[keys[i]] = append(groups[keys[i]], i)
	}
	out := make([][]int, len(entries))
	for i := range entries {
		g := groups[keys[i]]
		if len(g) < 2 {
			continue
		}
		out[i] = slices.DeleteFunc(slices.Clone(g), func(j int) bool { return j == i })
		slices.SortStableFunc(out[i], func(a, b int) int { return strings.Compare(entries[a].Lang, entries[b].Lang) })
	}
	return out
}
