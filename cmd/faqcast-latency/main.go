// Command faqcast-latency measures how long 'faqcast serve' takes to serve
// an edit: it appends a line to an entry file, as a writer's save does (or,
// with -summary, puts a few words at the start of its summary), and polls
// the entry's page until the page shows it, again and again; then it prints
// each latency and their median and 95th percentile. The file is put back
// as it was at the end.
//
//	faqcast-latency -n 20 http://127.0.0.1:1313/faq/q00001/ site/content/q00001.md
//
// It polls every 2 ms from one process, so that measuring costs the machine
// little: a shell loop that starts curl for every poll takes a core's worth
// of time from the server on a small machine.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"time"
)

const usage = `usage: faqcast-latency [-n N] [-gap D] [-timeout D] [-summary] URL FILE

Appends a line to the entry FILE, waits until URL serves it, and does so N
times; prints each latency and the p50 and p95 of them. FILE is put back as
it was at the end.

Flags:
  -n N          how many edits (default 20)
  -gap D        the pause after each edit is served, before the next one:
                a writer reads what they saved (default 500ms)
  -timeout D    how long to wait for one edit to be served (default 2m)
  -summary      edit the front matter instead: put a few words at the start
                of the line "summary: ..." (the entry's page shows them)

Example:
  faqcast serve --source /tmp/corpus --port 1313 &
  faqcast-latency http://127.0.0.1:1313/faq/q00001/ /tmp/corpus/content/q00001.md
  faqcast-latency -summary http://127.0.0.1:1313/faq/q00001/ /tmp/corpus/content/q00001.md
`

func main() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) }

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("faqcast-latency", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 20, "")
	gap := fs.Duration("gap", 500*time.Millisecond, "")
	timeout := fs.Duration("timeout", 2*time.Minute, "")
	summary := fs.Bool("summary", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "faqcast-latency: %v\n%s", err, usage)
		return 2
	}
	switch {
	case fs.NArg() != 2:
		fmt.Fprintf(stderr, "faqcast-latency: want a URL and a FILE\n%s", usage)
		return 2
	case *n < 1:
		fmt.Fprintf(stderr, "faqcast-latency: -n must be at least 1\n%s", usage)
		return 2
	}
	edit := appendLine
	if *summary {
		edit = editSummary
	}
	lat, err := measure(ctx, fs.Arg(0), fs.Arg(1), *n, *gap, *timeout, edit)
	if err != nil {
		fmt.Fprintf(stderr, "faqcast-latency: %v\n", err)
		return 1
	}
	ms := make([]string, len(lat))
	for i, d := range lat {
		ms[i] = fmt.Sprint(d.Milliseconds())
	}
	fmt.Fprintf(stdout, "edit -> served (ms): %s\n", strings.Join(ms, " "))
	fmt.Fprintf(stdout, "p50 %d ms   p95 %d ms   (%d edits)\n", percentile(lat, 50).Milliseconds(), percentile(lat, 95).Milliseconds(), len(lat))
	return 0
}

// measure edits file n times with edit and returns how long url took to
// serve each edit. It puts the file back as it was, even when it fails.
func measure(ctx context.Context, url, file string, n int, gap, timeout time.Duration, edit func(file string, orig []byte, words string) error) (lat []time.Duration, err error) {
	orig, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	fi, err := os.Stat(file)
	if err != nil {
		return nil, err
	}
	defer func() {
		if werr := os.WriteFile(file, orig, fi.Mode().Perm()); werr != nil && err == nil {
			err = fmt.Errorf("putting %s back: %w", file, werr)
		}
	}()
	client := &http.Client{Timeout: 10 * time.Second}
	for i := range n {
		// Short, as a summary has a length limit, and new to the page.
		marker := fmt.Sprintf("Edit %d.%d.", i+1, time.Now().UnixNano()%1e6)
		start := time.Now()
		if err := edit(file, orig, marker); err != nil {
			return lat, err
		}
		if err := await(ctx, client, url, marker, start.Add(timeout)); err != nil {
			return lat, fmt.Errorf("edit %d: %w", i+1, err)
		}
		lat = append(lat, time.Since(start))
		select {
		case <-ctx.Done():
			return lat, ctx.Err()
		case <-time.After(gap):
		}
	}
	return lat, nil
}

// appendLine appends line to file in one write, as an editor's save would
// change it. Lines from earlier edits stay.
func appendLine(file string, _ []byte, line string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString("\n" + line + "\n")
	return errors.Join(err, f.Close())
}

// editSummary writes file as orig with words at the start of the summary
// in its front matter, the first line that starts with "summary:", in one
// write. Each edit starts from orig, so that the summary stays short.
func editSummary(file string, data []byte, words string) error {
	var at int
	switch {
	case bytes.HasPrefix(data, []byte("summary:")):
	case bytes.Contains(data, []byte("\nsummary:")):
		at = bytes.Index(data, []byte("\nsummary:")) + 1
	default:
		return fmt.Errorf("%s has no line that starts with \"summary:\"", file)
	}
	at += len("summary:")
	for at < len(data) && data[at] == ' ' {
		at++
	}
	if at < len(data) && (data[at] == '"' || data[at] == '\'') {
		at++ // inside the quotes
	}
	edited := slices.Concat(data[:at], []byte(words+" "), data[at:])
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(edited)
	return errors.Join(err, f.Close())
}

// await polls url every 2 ms until its body holds marker.
func await(ctx context.Context, client *http.Client, url, marker string, deadline time.Time) error {
	want := []byte(marker)
	for {
		if body, err := get(ctx, client, url); err == nil && bytes.Contains(body, want) {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s did not show the edit in time", url)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(2 * time.Millisecond):
		}
	}
}

func get(ctx context.Context, client *http.Client, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// percentile returns the nearest-rank p-th percentile of lat: the smallest
// value that at least p percent of them are at or below.
func percentile(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(lat))
	rank := (len(s)*p + 99) / 100 // ceil(len*p/100)
	return s[max(rank, 1)-1]
}
