package names

import "strings"

// Medicines returns the one-word names of the drugs and health brands in
// the well-known list, in lower case and in the list's order: the words a
// check may look near for an instruction about a medicine ("start the
// Rogaine").
func Medicines() []string {
	var out []string
	for line := range strings.Lines(knownData) {
		kind, name, ok := strings.Cut(strings.TrimSpace(line), "\t")
		if !ok || (kind != Brand.String() && kind != Drug.String()) || strings.ContainsAny(name, " -") {
			continue
		}
		out = append(out, strings.ToLower(name))
	}
	return out
}
