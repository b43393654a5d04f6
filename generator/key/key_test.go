package key_test

import (
	"testing"

	"github.com/faqcast/faqcast/generator/key"
)

func TestOf(t *testing.T) {
	m := key.New()
	a, b := m.Of("a", "b"), m.Of("a", "b")
	if a != b {
		t.Error("the same parts gave two keys")
	}
	// Parts are delimited: moving a byte between them changes the key.
	if m.Of("ab", "c") == m.Of("a", "bc") || m.Of("a") == m.Of("a", "") {
		t.Error("different parts gave the same key")
	}
	h := m.Hash()
	h.WriteString("a")
	h.WriteByte(0)
	if key.Sum(h) != m.Of("a") {
		t.Error("Hash and Sum disagree with Of")
	}
	if key.New().Of("a") == m.Of("a") {
		t.Error("two Makers gave the same key: the seed is not used")
	}
}
