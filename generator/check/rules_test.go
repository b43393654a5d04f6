package check_test

import (
	"os"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/check"
)

// TestRulesDocumented checks that the README's table lists every rule
// with its default severity.
func TestRulesDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range check.Rules {
		row := "| `" + r.ID + "` | " + r.Severity.String() + " | "
		if !strings.Contains(string(readme), row) {
			t.Errorf("README.md has no row %q", row)
		}
	}
}
