package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/server"
)

const serveUsage = `Usage: faqcast serve [--source DIR] [--dest DIR] [--bind ADDR] [--port N] [--drafts]

Build the site, serve it at http://127.0.0.1:1313/, and build it again after
every save to its config, content or templates. Open pages reload by
themselves after each build; after a failed one they show its errors over
the last good page until the file is fixed. The built files on disk (the
queue too) always hold the last good build, replaced atomically. A rebuild
redoes only what the save changed: one answer edited renders one page.

Only the built site is served: nothing outside the destination folder, and
no folder listings. The server listens on 127.0.0.1 unless --bind says
otherwise. Ctrl-C stops it.

Flags:
  -s, --source DIR   the site's folder (default ".")
  -d, --dest DIR     where to write the site (default "<source>/public")
      --bind ADDR    the address to listen on (default "127.0.0.1")
  -p, --port N       the port (default 1313; 0 picks a free one)
      --drafts       include entries marked draft: true

Examples:
  faqcast serve
  faqcast serve --drafts --dest /tmp/preview --port 8080
`

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("serve")
	source := fs.StringP("source", "s", ".", "")
	dest := fs.StringP("dest", "d", "", "")
	bind := fs.String("bind", "127.0.0.1", "")
	port := fs.IntP("port", "p", 1313, "")
	drafts := fs.Bool("drafts", false, "")
	if err := parseFlags(fs, args, serveUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(`name the site's folder with --source`, "unexpected argument %q", fs.Arg(0))
	}
	if *port < 0 || *port > 65535 {
		return usageError("use a port from 1 to 65535, or 0 for any free one", "--port %d is out of range", *port)
	}

	g := &generator.Generator{Source: *source, Dest: *dest, Drafts: *drafts}
	rb := &rebuilder{g: g, stdout: stdout, stderr: stderr}
	res, err := rb.build(ctx, nil)
	if ctx.Err() != nil {
		return nil
	}
	prefix := "/"
	if err == nil {
		prefix = res.BasePath
	}
	srv, err := server.New(g.DestDir(), prefix)
	if err != nil {
		return fmt.Errorf("cannot serve %s: %w", g.DestDir(), err)
	}
	defer srv.Close()
	rb.built = srv.Built
	srv.Built(err)

	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		return usageError("choose another port with --port, or stop the program using it", "cannot listen: %v", err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end when faqcast stops, event streams included.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "faqcast: serving %s at http://%s%s (Ctrl-C to stop)\n", g.DestDir(), ln.Addr(), prefix)

	watchErr := rb.watch(ctx)
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutdown)
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "faqcast: stopped")
	return watchErr
}
