package watch_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/faqcast/faqcast/generator/watch"
)

func ExampleWatch() {
	site, err := os.MkdirTemp("", "faqcast-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(site)
	for _, dir := range []string{"content", "public"} {
		if err := os.Mkdir(filepath.Join(site, dir), 0o755); err != nil {
			fmt.Println(err)
			return
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts := watch.Options{
		Roots: []string{site},
		Skip: func(path string) bool {
			return path == filepath.Join(site, "public") // the build's output
		},
		Ready: func() {
			// Build the site here: a change made from now on comes in a batch. Here, the
			// build writes its output and an editor saves a page meanwhile.
			for _, f := range []string{"public/index.html", "content/refunds.md"} {
				if err := os.WriteFile(filepath.Join(site, f), []byte("…\n"), 0o644); err != nil {
					fmt.Println(err)
				}
			}
		},
	}
	err = watch.Watch(ctx, opts, func(b watch.Batch) {
		for _, p := range b {
			rel, err := filepath.Rel(site, p)
			if err != nil {
				rel = p
			}
			fmt.Println("changed:", filepath.ToSlash(rel))
		}
		cancel() // a server would rebuild here and keep watching
	})
	fmt.Println("stopped:", err)
	// Output:
	// changed: content/refunds.md
	// stopped: <nil>
}
