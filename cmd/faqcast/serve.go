package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/faqcast/faqcast/generator"
	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/generator/server"
)

const serveUsage = `Usage: faqcast serve [--source DIR] [--dest DIR] [--bind ADDR] [--port N]
                     [--drafts] [--cache-dir DIR | --no-cache]

Build the site, serve it at http://127.0.0.1:1313/, and build it again after
every save to its config, content or templates. Open pages reload by
themselves after each build; after a failed one they show its errors over
the last good page until the file is fixed. The built files on disk (the
queue too) always hold the last good build, replaced atomically. A rebuild
redoes only what the save changed: one answer edited renders one page.

Only the built site is served: nothing outside the destination folder, and
no folder listings. The server listens on 127.0.0.1 unless --bind says
otherwise, and answers only requests addressed to localhost, 127.0.0.1 or
[::1] (with any port), or to the --bind address; bound to every interface
(0.0.0.0 or ::), also to the machine's host name and the addresses of its
interfaces. Other requests get 421 Misdirected Request, so a web page
elsewhere cannot read the site through a name of its own that leads here.
Every response forbids framing and sending referrers, and lets pages load
scripts, styles and images only from the server. Ctrl-C stops it.

Flags:
  -s, --source DIR   the site's folder (default ".")
  -d, --dest DIR     where to write the site (default "<source>/public"),
                     outside content/ and templates/
      --bind ADDR    the address to listen on (default "127.0.0.1")
  -p, --port N       the port (default 1313; 0 picks a free one)
      --drafts       include entries marked draft: true
` + cacheFlagsUsage + `
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
	cacheDir := cacheFlags(fs)
	if err := parseFlags(fs, args, serveUsage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(`name the site's folder with --source`, "unexpected argument %q", fs.Arg(0))
	}
	if *port < 0 || *port > 65535 {
		return usageError("use a port from 1 to 65535, or 0 for any free one", "--port %d is out of range", *port)
	}

	g := &generator.Generator{Source: *source, Dest: *dest, Drafts: *drafts, CacheDir: cacheDir()}
	// Checked here, since a build that cannot start reports nothing.
	if _, err := buildTime(g); err != nil {
		return err
	}
	if err := checkDest(g); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		return usageError("choose another port with --port, or stop the program using it", "cannot listen: %v", err)
	}
	defer ln.Close()
	srv, err := newSiteServer(g, *bind)
	if err != nil {
		return err
	}
	defer srv.Close()

	// The watcher builds the site once it watches every folder (see
	// rebuilder.watch), so that build is the first: building here as well
	// would build twice and print every warning twice. Serving starts
	// after it; until then, connections wait in the listener's queue.
	rb := &rebuilder{g: g, stdout: stdout, stderr: stderr}
	first := make(chan struct{})
	var once sync.Once
	rb.built = func(err error) {
		srv.Built(err)
		once.Do(func() { close(first) })
	}
	watched := make(chan error, 1)
	go func() { watched <- rb.watch(ctx) }()
	select {
	case <-first:
	case err := <-watched:
		// Watching could not start, or ctx ended before the first build.
		if ctx.Err() != nil {
			return nil
		}
		return err
	}

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		// Requests end when faqcast stops, event streams included.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "faqcast: serving %s at http://%s%s (Ctrl-C to stop)\n", g.DestDir(), ln.Addr(), srv.Prefix())

	watchErr := <-watched
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(shutdown)
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "faqcast: stopped")
	return watchErr
}

// newSiteServer returns a server for g's destination folder, answering to
// the names of bind. The site is served under the path of its config's
// base URL. With a config, the folder is made if need be, so that a first
// build that fails is served too, as its errors; while the config is
// broken, the site is served under "/", and the build says why. Without a
// config or a folder to serve, there is no site here: the config's error
// says so.
func newSiteServer(g *generator.Generator, bind string) (*server.Server, error) {
	prefix := "/"
	dir := g.DestDir()
	cfg, cfgErr := config.Load(cmp.Or(g.Source, "."))
	if cfgErr == nil {
		prefix = cfg.Base.Path
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("cannot serve %s: %w", dir, err)
		}
	}
	srv, err := server.New(dir, prefix, server.ListenHosts(bind)...)
	if err != nil {
		if cfgErr != nil && errors.Is(err, os.ErrNotExist) {
			return nil, cfgErr
		}
		return nil, fmt.Errorf("cannot serve %s: %w", dir, err)
	}
	return srv, nil
}
