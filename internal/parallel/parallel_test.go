package parallel_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/faqcast/faqcast/internal/parallel"
)

func TestFor(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		seen := make([]atomic.Int32, n)
		if err := parallel.For(context.Background(), n, func(i int) { seen[i].Add(1) }); err != nil {
			t.Fatal(err)
		}
		for i := range seen {
			if c := seen[i].Load(); c != 1 {
				t.Errorf("n=%d: fn(%d) called %d times", n, i, c)
			}
		}
	}
}

func TestForCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	err := parallel.For(ctx, 1000, func(i int) {
		if calls.Add(1) == 10 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if c := calls.Load(); c >= 1000 {
		t.Errorf("%d calls after cancelling", c)
	}

	calls.Store(0)
	if err := parallel.For(ctx, 10, func(int) { calls.Add(1) }); !errors.Is(err, context.Canceled) || calls.Load() != 0 {
		t.Errorf("a done context: err %v, %d calls", err, calls.Load())
	}
}

func ExampleFor() {
	squares := make([]int, 5)
	_ = parallel.For(context.Background(), len(squares), func(i int) { squares[i] = i * i })
	fmt.Println(squares)
	// Output: [0 1 4 9 16]
}
