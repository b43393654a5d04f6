package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

const versionUsage = `Usage: faqcast version

Print faqcast's version and the Go version it was built with.
`

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version")
	if err := parseFlags(fs, args, versionUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(`run "faqcast version" alone`, "unexpected argument %q", fs.Arg(0))
	}
	fmt.Fprintf(stdout, "faqcast %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// version returns the module version faqcast was built from, or "(devel)".
func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
