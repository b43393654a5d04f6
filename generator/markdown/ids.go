package markdown

import (
	"strconv"

	"github.com/faqcast/faqcast/internal/slug"
	"github.com/yuin/goldmark/ast"
)

// ids gives headings ids made by [slug.Make], so "¿Qué es?" gets "que-es"
// where goldmark's own ids drop accented letters. A heading with no Latin
// letters or digits gets "section"; repeats get "-1", "-2"… It implements
// goldmark's parser.IDs.
type ids struct {
	used map[string]bool
}

func newIDs(reserved []string) *ids {
	s := &ids{used: map[string]bool{}}
	for _, id := range reserved {
		s.used[id] = true
	}
	return s
}

// Generate implements parser.IDs.Generate.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug.Make(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for n := 1; s.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.Put.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }
