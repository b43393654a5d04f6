package reply

import (
	"slices"
	"testing"
)

func TestAffirmed(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"sudden chest pain and trouble breathing", []string{"sudden chest pain", "trouble breathing"}},
		// A cue before a sign, in its clause, denies it.
		{"no chest pain, no trouble breathing", nil},
		{"he has a rash but without any trouble breathing", nil},
		{"she didnt hit her head", nil},
		{"no dizziness or chest pain", nil},
		// Beyond the clause or the window, it does not.
		{"no fever. chest pain since noon", []string{"chest pain"}},
		{"not eating much and now this crushing chest pain", []string{"crushing", "chest pain"}},
		// A cue that is part of a sign denies none after it.
		{"he is not responding and not breathing", []string{"not responding", "not breathing"}},
		// Doubt and alarm deny nothing.
		{"not sure but i think chest pain", []string{"chest pain"}},
		{"oh no she cant breathe", []string{"cant breathe"}},
		{"it wont stop bleeding", []string{"wont stop bleeding"}},
		// A sign said to be fine is denied; one done badly is not.
		{"the chest pain is totally fine now", nil},
		{"no puede respirar bien", []string{"no puede respirar"}},
	} {
		if got := affirmed(emergencyRE(), prepare(c.text)); !slices.Equal(got, c.want) {
			t.Errorf("affirmed(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestDeniedScopes(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"no fever, no vomiting and eating well", []string{"fever", "vomiting and eating"}},
		{"breathing is fine but her leg hurts", []string{"breathing"}},
		{"not sure what this rash is", nil},
		{"mi hijo no tiene fiebre", []string{"tiene fiebre"}},
	} {
		if got := deniedScopes(prepare(c.text)); !slices.Equal(got, c.want) {
			t.Errorf("deniedScopes(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
