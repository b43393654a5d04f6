// Package server serves a built site to the writers working on it, and
// reloads their open pages after every rebuild.
//
// A [Server] serves the files of one folder, and nothing outside it: no
// path can climb out, symbolic links are not followed out of it, and
// folders are never listed. Into every HTML page it sends it adds one small
// script, never into the files on disk: the script listens to the server's
// Server-Sent Events and reloads the page after each successful build, or
// shows the failed build's errors over the last good page.
//
// A Server answers only requests addressed to one of its own host names
// (see [New]): a page on another site cannot read it by pointing a name of
// its own at the server's address (DNS rebinding). Every response,
// refusals and errors included, carries a [ContentSecurityPolicy] that
// lets a page load only the site's own scripts, style sheets and images
// and talk only to the server; X-Frame-Options: DENY, so that no page can
// frame it; Referrer-Policy: no-referrer, so that its links tell other
// sites nothing of it; and X-Content-Type-Options: nosniff.
package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
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

// ContentSecurityPolicy is the Content-Security-Policy of every response.
// A page may run only scripts from the server (its own and the live-reload
// script at [ScriptPath]; no inline script, no eval), load style sheets,
// images and fonts only from it, and connect only to it (the event stream
// at [EventsPath]). Style attributes are allowed: the Markdown renderer
// aligns table columns with them, and they cannot run code. Nothing may
// frame the page, and it may neither change its base URL nor submit a
// form.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; " +
	"img-src 'self'; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// LoopbackHosts returns the host names every Server answers to, with any
// port.
func LoopbackHosts() []string { return []string{"localhost", "127.0.0.1", "[::1]"} }

// KeepAlive is how often an idle event stream gets a comment, so proxies
// and browsers keep it open.
const KeepAlive = 15 * time.Second

// A Server serves a built site with live reload. Create one with [New].
type Server struct {
	root   *os.Root
	prefix string
	// hosts are the host names the server answers to, in the order the
	// refusal names them; known holds them too, for lookups.
	hosts []string
	known map[string]bool

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
//
// The server answers only requests whose Host is one of [LoopbackHosts]
// or of hosts (host names and IP addresses, such as those [ListenHosts]
// returns), with or without a port. Names match whatever their case, and
// IP addresses whatever their spelling ("[0:0:0:0:0:0:0:1]" is "[::1]"),
// but nothing else is resolved: "127.1", "2130706433" and names that
// merely lead to the server's address are refused. A refused request gets
// status 421 Misdirected Request and a plain-text body naming the hosts
// the server answers to.
func New(dir, prefix string, hosts ...string) (*Server, error) {
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
	s := &Server{root: root, prefix: prefix, known: map[string]bool{}, listen: map[chan State]struct{}{}}
	for _, h := range append(LoopbackHosts(), hosts...) {
		if addr, err := netip.ParseAddr(h); err == nil && addr.Is6() {
			h = "[" + h + "]" // a bare IPv6 address, as net.Listen takes it
		}
		name, ok := canonicalHost(h)
		if ok && !s.known[name] {
			s.known[name] = true
			s.hosts = append(s.hosts, name)
		}
	}
	return s, nil
}

// ListenHosts returns the host names, besides [LoopbackHosts], by which a
// server listening on the address bind (as given to [net.Listen], without
// the port) is reached: bind itself, an IP address or a host name. When
// bind is the unspecified address ("", "0.0.0.0" or "::"), which listens on
// every interface, they are both unspecified addresses (the one the
// listener reports may be either), the machine's host name and the IP
// addresses of its network interfaces at the time of the call. Other names
// that lead to the machine, such as its name in the local network's DNS,
// are not among them: listen on such a name to be reached by it. IPv6
// addresses are in brackets, as in a URL.
func ListenHosts(bind string) []string {
	bind = strings.TrimSuffix(strings.TrimPrefix(bind, "["), "]")
	var hosts []string
	add := func(a netip.Addr) {
		if a.Is4() {
			hosts = append(hosts, a.String())
		} else {
			hosts = append(hosts, "["+a.String()+"]")
		}
	}
	if addr, err := netip.ParseAddr(bind); bind != "" && (err != nil || !addr.IsUnspecified()) {
		if err != nil {
			return append(hosts, bind)
		}
		add(addr)
		return hosts
	}
	add(netip.IPv4Unspecified())
	add(netip.IPv6Unspecified())
	if name, err := os.Hostname(); err == nil && name != "" {
		hosts = append(hosts, name)
	}
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok {
			if ip, ok := netip.AddrFromSlice(n.IP); ok {
				add(ip.Unmap())
			}
		}
	}
	return hosts
}

// canonicalHost returns the host in hostport, a Host header or a host
// name, without its port: names in lower case, IP addresses in their
// canonical form, IPv6 ones in brackets. It reports false when hostport is
// malformed.
func canonicalHost(hostport string) (string, bool) {
	host, port := hostport, ""
	if strings.HasPrefix(host, "[") {
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return "", false
		}
		host, port = host[1:end], host[end+1:]
		addr, err := netip.ParseAddr(host)
		if err != nil || !addr.Is6() {
			return "", false
		}
		host = "[" + addr.String() + "]"
	} else {
		// A name or an IPv4 address, which has only one spelling.
		if i := strings.LastIndexByte(host, ':'); i >= 0 {
			host, port = host[:i], host[i:]
		}
		host = strings.ToLower(host)
	}
	if host == "" || !validPort(port) {
		return "", false
	}
	return host, true
}

// validPort reports whether port is empty or a colon and a number.
func validPort(port string) bool {
	if port == "" {
		return true
	}
	digits, ok := strings.CutPrefix(port, ":")
	if !ok || len(digits) == 0 || len(digits) > 5 {
		return false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Prefix returns the path the site is served under, such as "/" or
// "/care/".
func (s *Server) Prefix() string { return s.prefix }

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

// ServeHTTP implements http.Handler. It refuses requests for hosts other
// than the server's (see [New]), and sends the headers the package
// describes with every response.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	// The Host of a request whose target is an absolute URL is the URL's.
	if host, ok := canonicalHost(r.Host); !ok || !s.known[host] {
		http.Error(w, "this server answers only requests for "+strings.Join(s.hosts, ", "), http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
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

// notFound serves the site's 404.html with status 404, or a page of its
// own while the site has none (before its first good build), which reloads
// after the next build like any other.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := s.root.ReadFile("404.html")
	if err != nil {
		data = []byte(noSitePage)
	}
	s.write(w, r, "404.html", http.StatusNotFound, data)
}

// noSitePage is the 404 page of a site that has none.
const noSitePage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>Not found</h1><p>No page here yet: the site has no good build, or no page at this address.</p></body></html>
`

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
