package gcpace

import (
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

// TestTune checks that Tune sets the growth at once and after each
// collection, by the live heap, and that GOGC set turns it off.
func TestTune(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	debug.SetGCPercent(100)
	Tune(func(string) string { return "25" }, 1<<30)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Fatalf("with GOGC set, Tune changed the growth to %d", got)
	}

	// With a floor of a tenth of a large live heap, the growth is the
	// least; with the heap dropped, the most.
	held := make([][]byte, 64)
	for i := range held {
		held[i] = make([]byte, 1<<20)
	}
	Tune(func(string) string { return "" }, 6<<20)
	if got := waitPercent(t, MinPercent); got != MinPercent {
		t.Errorf("growth with 64 MiB live and a 6 MiB floor = %d, want %d", got, MinPercent)
	}
	runtime.KeepAlive(held)
	held = nil
	if got := waitPercent(t, MaxPercent); got < 200 {
		t.Errorf("growth with the heap dropped = %d, want 200 or more", got)
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
