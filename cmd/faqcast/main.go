// Command faqcast turns a medical practice's patient questions, kept as
// Markdown FAQ entries, into an education website.
//
// Run "faqcast --help" for the commands and examples.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
