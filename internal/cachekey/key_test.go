package cachekey_test

import (
	"testing"

	"github.com/faqcast/faqcast/internal/cachekey"
)

func TestOf(t *testing.T) {
	m := cachekey.New()
	a, b := m.Of("a", "b"), m.Of("a", "b")
	if a != b {
		t.Error("the same parts gave two keys")
	}
	// Parts are delimited: moving a byte between them changes the key.
	if m.Of("ab", "c") == m.Of("a", "bc") || m.Of("a") == m.Of("a", "") {
		t.Error("different parts gave the same key")
	}
	if m.Of("a", "b") == m.Of("b", "a") || m.Of() == m.Of("") {
		t.Error("different parts gave the same key")
	}
	h, h2 := m.Hash(), m.Hash()
	h.WriteString("a")
	h2.WriteString("a")
	if cachekey.Sum(h) != cachekey.Sum(h2) || cachekey.Sum(h) == cachekey.Sum(m.Hash()) {
		t.Error("Sum does not give the key of what was written")
	}
	h3, h4 := m.Hash(), m.Hash()
	m.Add(h3, "a", "b")
	h4.WriteString(m.Of("a", "b"))
	if cachekey.Sum(h3) != cachekey.Sum(h4) {
		t.Error("Add and WriteString of Of disagree")
	}
	if cachekey.New().Of("a") == m.Of("a") {
		t.Error("two Makers gave the same key: the seed is not used")
	}
}
