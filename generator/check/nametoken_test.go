package check

import "testing"

// nameCount bounds the words nameTokens finds, which it allocates for.
func TestNameCount(t *testing.T) {
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"Thanks to Mateo Ruiz's mom!", 6}, // and the s of the possessive
		{"2nd ab--cd don't x-ray", 7},      // nameTokens: nd, ab, cd, don't, x-ray
		{"“Día” — ¡olé!", 2},
	} {
		if got, words := nameCount(c.s), len(nameTokens(c.s, nil)); got != c.want || got < words {
			t.Errorf("nameCount(%q) = %d, want %d, and no fewer than the %d words", c.s, got, c.want, words)
		}
	}
}

func FuzzNameCount(f *testing.F) {
	f.Add("Thanks to Mateo Ruiz's mom, 2nd x-ray!")
	f.Fuzz(func(t *testing.T, s string) {
		if got, words := nameCount(s), len(nameTokens(s, nil)); got < words {
			t.Errorf("nameCount(%q) = %d, fewer than the %d words", s, got, words)
		}
	})
}
