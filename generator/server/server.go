// Package server serves a built site to the writers working on it, and
// reloads their open pages after every rebuild.
//
// A [Server] serves the files of one folder, and nothing outside it: no
// path can climb out, symbolic links are not followed out of it, and
// folders are never listed. Into every HTML page it sends it adds one small
// script, never into the files on disk: the script listens to the server's
// Server-Sent Events and reloads the page after each successful build, or
// shows the failed build's errors over the last good page.
package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
)

// Paths the server answers itself, below the site's prefix.
const (
	EventsPath = "/_faqcast/events"
	ScriptPath = "/_faqcast/live.js"
)

//go:embed live.js
var liveJS []byte

// KeepAlive is how often an idle event stream gets a comment, so proxies
// and browsers keep it open.
const KeepAlive = 15 * time.Second

// A Server serves a built site with live reload. Create one with [New].
type Server struct {
	root   *os.Root
	prefix string

	mu     sync.Mutex
	state  State
	listen map[chan State]struct{}
}

// State is what the event stream tells pages after each build.
type State struct {
	// Build counts the successful builds.
	Build int `json:"build"`
	// Errors holds the last build's problems, one a line, if it failed.
	Errors []string `json:"errors,omitempty"`
}

// New returns a Server for the site built in dir, served under prefix (the
// path of the site's base URL, such as "/" or "/care/").
func New(dir, prefix string) (*Server, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	return &Server{root: root, prefix: prefix, listen: map[chan State]struct{}{}}, nil
}

// Close releases the site's folder. Open event streams end when their
// requests do.
func (s *Server) Close() error { return s.root.Close() }

// Built records the outcome of a build and tells every open page: a nil
// err counts a successful build, which reloads them; otherwise the pages
// show err's problems.
func (s *Server) Built(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.state = State{Build: s.state.Build + 1}
	} else {
		s.state.Errors = nil
		for _, e := range diag.Flatten(err) {
			line := e.Error()
			var de *diag.Error
			if errors.As(e, &de) && de.Hint != "" {
				line += "\n    hint: " + de.Hint
			}
			s.state.Errors = append(s.state.Errors, line)
		}
	}
	for ch := range s.listen {
		select {
		case ch <- s.state:
		default:
			// The page is slow to read: drop the older news, keep the latest.
			select {
			case <-ch:
			default:
			}
			ch <- s.state
		}
	}
}

// State returns the state the pages were last told.
func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	switch {
	case p == EventsPath:
		s.events(w, r)
		return
	case p == ScriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(liveJS)
		return
	case p == "/" && s.prefix != "/":
		http.Redirect(w, r, s.prefix, http.StatusFound)
		return
	case !strings.HasPrefix(p, s.prefix):
		s.notFound(w, r)
		return
	}
	s.file(w, r, strings.TrimPrefix(p, s.prefix))
}

// file serves name, a path below the site's root.
func (s *Server) file(w http.ResponseWriter, r *http.Request, name string) {
	if strings.Contains(name, "\x00") || strings.Contains(name, "\\") {
		s.notFound(w, r)
		return
	}
	clean := path.Clean("/" + name)[1:]
	for _, part := range strings.Split(clean, "/") {
		if part == ".." || strings.HasPrefix(part, ".") && part != "" {
			// Hidden files, such as the manifest, are not the site's.
			s.notFound(w, r)
			return
		}
	}
	if clean == "" {
		clean = "."
	}
	info, err := s.root.Stat(clean)
	if err == nil && info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
			return
		}
		clean = path.Join(clean, "index.html")
	}
	data, err := s.root.ReadFile(clean)
	if err != nil {
		s.notFound(w, r)
		return
	}
	s.write(w, r, clean, http.StatusOK, data)
}

// notFound serves the site's 404.html with status 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := s.root.ReadFile("404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.write(w, r, "404.html", http.StatusNotFound, data)
}

// write sends a file's bytes, with the live-reload script in HTML pages.
func (s *Server) write(w http.ResponseWriter, r *http.Request, name string, status int, data []byte) {
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data)
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

// scriptTag is what inject adds to a page.
var scriptTag = []byte(`<script src="` + ScriptPath + `"></script>`)

// inject adds the live-reload script before a page's last </body>, or at
// its end.
func inject(page []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag)+1)
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	out = append(out, '\n')
	return append(out, page[i:]...)
}

// events streams the build state to one page: the current state at once,
// then every change, until the page goes away.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")

	ch := make(chan State, 1)
	s.mu.Lock()
	s.listen[ch] = struct{}{}
	ch <- s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.listen, ch)
		s.mu.Unlock()
	}()

	tick := time.NewTicker(KeepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case st := <-ch:
			if err := send(w, st); err != nil {
				return
			}
		case <-tick.C:
			if _, err := io.WriteString(w, ": keep-alive\n\n"); err != nil {
				return
			}
		}
		flusher.Flush()
	}
}

// send writes one "build" event.
func send(w io.Writer, st State) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "event: build\ndata: %s\n\n", data)
	return err
}
