package generator

import (
	"context"
	"testing"
	"time"
)

// TestNoCacheNoRecycling checks that a build without a cache keeps none of
// the memory of the files it wrote for reading the cache's into: nothing
// would take it back, and a build of 10,000 entries would hold about 25 MB
// of review files until the collector ran twice.
func TestNoCacheNoRecycling(t *testing.T) {
	g := &Generator{Source: "..", Dest: t.TempDir()}
	if _, err := g.Build(context.Background(), Change{Now: time.Date(2026, 11, 18, 12, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if b := g.state.records.Get(); b != nil {
		t.Errorf("a build without a cache kept %d bytes to read the cache's into", cap(*b.(*[]byte)))
	}
}
