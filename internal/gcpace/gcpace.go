// Package gcpace paces the garbage collector of a process that builds once
// and exits, trading memory for CPU by the size of the live heap.
//
// Go's collector runs when the heap has grown by GOGC percent over what
// the last collection left live. One setting fits badly both a small build,
// whose live heap of some tens of megabytes is collected again and again
// for little gain, and a large one, whose heap would double a live heap
// of hundreds. Tune sets the growth after every collection instead: the
// larger of MinPercent of the live heap and a fixed floor.
package gcpace

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// MinPercent is the least growth Tune allows, in percent of the live heap:
// the share of memory a large build trades for collecting less often. At
// 30, a 10,000-entry build holds under 300 MiB for about the CPU of 50.
const MinPercent = 30

// MaxPercent is the most growth Tune allows, in percent of the live heap,
// so that a heap that is all but empty is still collected.
const MaxPercent = 1000

// Percent returns the heap growth, as a GOGC percentage, that lets a heap
// of live bytes grow by the larger of floor and MinPercent of live, but by
// no more than MaxPercent.
func Percent(live, floor uint64) int {
	if live == 0 {
		return MaxPercent
	}
	return int(min(max(floor*100/live, MinPercent), MaxPercent))
}

// Tune paces the collector as [Percent] says with floor, from now on and
// after each collection, unless the GOGC environment variable is set, in
// which case it does nothing. It is meant for a process that builds once;
// one that lives on, such as a server, keeps Go's pacing.
func Tune(getenv func(string) string, floor uint64) {
	if getenv("GOGC") != "" {
		return
	}
	t := &tuner{floor: floor, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.retune()
	t.arm()
}

// A tuner sets the collector's growth after each collection.
type tuner struct {
	floor   uint64
	sample  []metrics.Sample
	percent int
}

// sentinel is what a tuner leaves unreachable to learn that a collection
// has run: a pointer's worth, so that it is allocated alone and not with
// other tiny objects, which would keep it alive.
type sentinel struct{ _ *sentinel }

// arm asks to be told of the next collection, by a cleanup on an object no
// one holds. Cleanups run one at a time, on a goroutine of their own, so
// retune never runs twice at once.
func (t *tuner) arm() {
	runtime.AddCleanup(new(sentinel), func(t *tuner) {
		t.retune()
		t.arm()
	}, t)
}

// retune sets the growth for the heap the last collection left live.
func (t *tuner) retune() {
	metrics.Read(t.sample)
	live := uint64(0)
	if t.sample[0].Value.Kind() == metrics.KindUint64 {
		live = t.sample[0].Value.Uint64()
	}
	if p := Percent(live, t.floor); p != t.percent {
		t.percent = p
		debug.SetGCPercent(p)
	}
}
