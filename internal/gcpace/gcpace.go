// Package gcpace paces the garbage collector of a process that builds once
// and exits, trading memory for CPU by the size of the live heap.
//
// Go's collector runs when the heap has grown by GOGC percent over what
// the last collection left live. One setting fits badly both a small build,
// whose live heap of some tens of megabytes is collected again and again
// for little gain, and a large one, whose heap would double a live heap
// of hundreds. Tune sets the growth after every collection instead: the
// larger of MinPercent of the live heap and a fixed floor.
//
// Nor does Go return at once the memory a collection frees: it keeps it for
// the heap to grow into, and gives it back to the system slowly. A build
// whose live heap comes and goes in waves of pages, posts and cards so
// holds, besides its heap, tens of megabytes it is not using. Tune also
// sets a soft memory limit (see [debug.SetMemoryLimit]) a margin above the
// heap's goal, which makes the runtime give back what is freed beyond it as
// it goes.
package gcpace

import (
	"math"
	"math/bits"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
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

// Limit returns the soft memory limit, in bytes, of a heap of live bytes
// that may grow by percent of them: its goal plus margin. A margin of 0
// sets no limit (math.MaxInt64).
func Limit(live uint64, percent int, margin uint64) int64 {
	if margin == 0 {
		return math.MaxInt64
	}
	hi, grown := bits.Mul64(live, uint64(percent))
	goal, carry := bits.Add64(live, grown/100, 0)
	limit, over := bits.Add64(goal, margin, 0)
	if hi != 0 || carry != 0 || over != 0 || limit > math.MaxInt64 {
		return math.MaxInt64
	}
	return int64(limit)
}

// Tune paces the collector as [Percent] says with floor, from now on and
// after each collection, and sets the memory limit as [Limit] says with
// margin, unless the GOMEMLIMIT environment variable is set; if GOGC is
// set, Tune does nothing. It is meant for a process that builds once; one
// that lives on, such as a server, keeps Go's pacing. Calling stop stops
// the tuning from the next collection on, leaving the growth and the
// limit as they are.
func Tune(getenv func(string) string, floor, margin uint64) (stop func()) {
	if getenv("GOGC") != "" {
		return func() {}
	}
	if getenv("GOMEMLIMIT") != "" {
		margin = 0
	}
	t := &tuner{floor: floor, margin: margin, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	t.retune()
	t.arm()
	return func() { t.stopped.Store(true) }
}

// A tuner sets the collector's growth and the memory limit after each
// collection.
type tuner struct {
	floor, margin uint64 // 0 for no limit
	sample        []metrics.Sample
	percent       int
	stopped       atomic.Bool
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
		if t.stopped.Load() {
			return
		}
		t.retune()
		t.arm()
	}, t)
}

// retune sets the growth and the limit for the heap the last collection
// left live.
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
	if t.margin > 0 {
		debug.SetMemoryLimit(Limit(live, t.percent, t.margin))
	}
}
