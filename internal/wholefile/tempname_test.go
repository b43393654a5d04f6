package wholefile

import (
	"strings"
	"testing"
)

// TestTempName checks that Replace's temporary files are named as
// TempMark tells, which upkeep elsewhere finds a killed write's leftovers
// by, and that two are not named alike.
func TestTempName(t *testing.T) {
	name := "ab/abcd.entry"
	a, b := tempName(name), tempName(name)
	for _, tmp := range []string{a, b} {
		digits, ok := strings.CutPrefix(tmp, name+TempMark)
		if !ok || digits == "" || strings.Trim(digits, "0123456789abcdefghijklmnopqrstuvwxyz") != "" {
			t.Errorf("tempName(%q) = %q, want it followed by %q and digits", name, tmp, TempMark)
		}
	}
	if a == b {
		t.Errorf("tempName gave %q twice", a)
	}
}
