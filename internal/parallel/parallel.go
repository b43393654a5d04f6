// Package parallel runs a loop's iterations on every core.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i in [0, n) on up to runtime.GOMAXPROCS(0)
// goroutines, and returns when all calls have returned. Once ctx is done it
// starts no more calls and returns ctx.Err(). fn must be safe to call
// concurrently; it usually stores its result at index i of a slice.
func For(ctx context.Context, n int, fn func(i int)) error {
	if err := ctx.Err(); err != nil || n <= 0 {
		return err
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
