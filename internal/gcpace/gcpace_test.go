package gcpace

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		live, floor uint64
		want        int
	}{
		{0, 56 * mib, MaxPercent},          // nothing live yet
		{1 * mib, 56 * mib, MaxPercent},    // capped
		{28 * mib, 56 * mib, 200},          // the floor rules a small heap
		{56 * mib, 56 * mib, 100},          // where the floor is the live heap
		{100 * mib, 56 * mib, 56},          // still the floor
		{186 * mib, 56 * mib, MinPercent},  // where MinPercent of the live heap takes over
		{1024 * mib, 56 * mib, MinPercent}, // a large heap grows by MinPercent
		{10 * mib, 0, MinPercent},          // no floor
		{3 * mib, 64 * mib / 10, 213},      // rounded down
		{1 << 40, 56 * mib, MinPercent},    // no overflow
	} {
		if got := Percent(tc.live, tc.floor); got != tc.want {
			t.Errorf("Percent(%d MiB, %d MiB) = %d, want %d", tc.live/mib, tc.floor/mib, got, tc.want)
		}
	}
}

func TestLimit(t *testing.T) {
	const mib = 1 << 20
	for _, tc := range []struct {
		live    uint64
		percent int
		margin  uint64
		want    int64
	}{
		{100 * mib, 30, 48 * mib, 178 * mib},      // the goal, 130 MiB, and the margin
		{0, MaxPercent, 48 * mib, 48 * mib},       // nothing live yet
		{200 * mib, 30, 0, math.MaxInt64},         // no margin, no limit
		{1 << 62, MaxPercent, mib, math.MaxInt64}, // beyond any limit
		{math.MaxUint64, MinPercent, mib, math.MaxInt64},
		{101, 30, 1, 101 + 30 + 1}, // rounded down
	} {
		if got := Limit(tc.live, tc.percent, tc.margin); got != tc.want {
			t.Errorf("Limit(%d, %d, %d) = %d, want %d", tc.live, tc.percent, tc.margin, got, tc.want)
		}
	}
}

// TestTune checks that Tune sets the growth and the limit at once and
// after each collection, by the live heap; that GOGC set turns it off; and
// that GOMEMLIMIT set leaves the limit alone.
func TestTune(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetGCPercent(100)
	defer Tune(func(string) string { return "25" }, 1<<30, 1<<30)()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("with GOGC set, Tune changed the growth to %d", got)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("with GOGC set, Tune set a limit of %d", got)
	}
	defer Tune(func(v string) string {
		if v == "GOMEMLIMIT" {
			return "1GiB"
		}
		return ""
	}, 6<<20, 1<<20)() // the floor of the one below: the two agree
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("with GOMEMLIMIT set, Tune set a limit of %d", got)
	}
	runtime.GC()
	time.Sleep(10 * time.Millisecond) // for the cleanup to run
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Fatalf("with GOMEMLIMIT set, Tune set a limit of %d", got)
	}

	// With a floor of a tenth of a large live heap, the growth is the
	// least, and the limit a margin over its goal; with the heap dropped,
	// the growth is the most.
	held := make([][]byte, 64)
	for i := range held {
		held[i] = make([]byte, 1<<20)
	}
	const margin = 1 << 30
	stop := Tune(func(string) string { return "" }, 6<<20, margin)
	if got := waitPercent(t, MinPercent); got != MinPercent {
		t.Errorf("growth with 64 MiB live and a 6 MiB floor = %d, want %d", got, MinPercent)
	}
	if got := debug.SetMemoryLimit(-1); got < margin+64<<20 || got > margin+128<<20 {
		t.Errorf("limit with 64 MiB live = %d MiB, want about %d MiB", got>>20, (margin+83<<20)>>20)
	}
	runtime.KeepAlive(held)
	held = nil
	if got := waitPercent(t, MaxPercent); got < 200 {
		t.Errorf("growth with the heap dropped = %d, want 200 or more", got)
	}

	// Stopped, it sets neither again.
	stop()
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	for range 3 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if p, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1); p != 100 || limit != math.MaxInt64 {
		t.Errorf("after stop: growth %d and limit %d, want 100 and none", p, limit)
	}
}

// waitPercent collects until the growth is want, for up to a few seconds,
// and returns the growth it saw last.
func waitPercent(t *testing.T, want int) int {
	t.Helper()
	got := 0
	for range 50 {
		runtime.GC()
		time.Sleep(10 * time.Millisecond) // for the cleanup to run
		got = debug.SetGCPercent(-1)
		debug.SetGCPercent(got)
		if got == want {
			break
		}
	}
	return got
}
