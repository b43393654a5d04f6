package names

import (
	"runtime"
	"testing"
)

// BenchmarkLoad reads the shipped data into a new lexicon, as the first
// call of Load does, and reports the heap the lexicon holds.
func BenchmarkLoad(b *testing.B) {
	var heap uint64
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		l, err := read()
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(l)
		heap = after.HeapAlloc - before.HeapAlloc
	}
	b.ReportMetric(float64(heap)/(1<<20), "MiB-heap")
}

// lookupWords are capitalised words of the kind a checker asks about.
var lookupWords = []string{
	"Marcus", "Whitfield", "Happy", "Sofia", "Nakamura", "Will", "Grace",
	"Tylenol", "Chicago", "José", "Núñez", "Dr.", "Seuss", "Monday",
}

func BenchmarkGiven(b *testing.B) {
	l := Load()
	for i := 0; b.Loop(); i++ {
		l.Given(lookupWords[i%len(lookupWords)])
	}
}

func BenchmarkSurname(b *testing.B) {
	l := Load()
	for i := 0; b.Loop(); i++ {
		l.Surname(lookupWords[i%len(lookupWords)])
	}
}

func BenchmarkWord(b *testing.B) {
	l := Load()
	for i := 0; b.Loop(); i++ {
		l.Word(lookupWords[i%len(lookupWords)])
	}
}

func BenchmarkPlace(b *testing.B) {
	l := Load()
	for i := 0; b.Loop(); i++ {
		l.Place(lookupWords[i%len(lookupWords):])
	}
}

func BenchmarkKnown(b *testing.B) {
	l := Load()
	for i := 0; b.Loop(); i++ {
		l.Known(lookupWords[i%len(lookupWords):])
	}
}
