package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/faqcast/faqcast/generator/check"
	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/media"
	"github.com/faqcast/faqcast/internal/diag"
	"github.com/faqcast/faqcast/internal/filestamp"
	"github.com/faqcast/faqcast/internal/slug"
)

// MaxImageSize is the largest image file a build reads, in bytes.
const MaxImageSize = 20 << 20

// imageCache holds prepared images by the SHA-256 of their source bytes, so
// a rebuild decodes and encodes only images that changed; and which image
// each file held, by its [filestamp.Stamp], so that a rebuild reads only the
// image files that changed.
type imageCache struct {
	mu       sync.Mutex
	byID     map[string]*media.Image
	next     map[string]*media.Image // what this build used
	byFile   map[string]stampedImage // by file name
	nextFile map[string]stampedImage
	now      func() time.Time // the clock that tells a stamp settled; nil means time.Now
	read     atomic.Int64     // image files read, ever
}

// A stampedImage is the prepared image a file held when it had stamp.
type stampedImage struct {
	stamp filestamp.Stamp
	id    string // the SHA-256 of its bytes, in hex
	img   *media.Image
}

// begin starts a build: images not used by it are dropped at its end.
func (c *imageCache) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next, c.nextFile = map[string]*media.Image{}, map[string]stampedImage{}
}

// end drops the images the build did not use.
func (c *imageCache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byID, c.next, c.byFile, c.nextFile = c.next, nil, c.nextFile, nil
}

// file returns the image prepared from the file name, reading it only if
// its stamp changed since it was prepared (or was too recent to trust).
func (c *imageCache) file(name string) (*media.Image, error) {
	// The stamp before reading: a write after it makes the next look read
	// the file again.
	var st filestamp.Stamp
	if fi, err := os.Stat(name); err == nil {
		st = filestamp.Of(fi)
	}
	now := time.Now
	if c.now != nil {
		now = c.now
	}
	c.mu.Lock()
	was, ok := c.byFile[name]
	if !ok {
		was, ok = c.nextFile[name]
	}
	if ok && st != (filestamp.Stamp{}) && was.stamp == st && st.Settled(now()) {
		c.nextFile[name], c.next[was.id] = was, was.img
		c.mu.Unlock()
		return was.img, nil
	}
	c.mu.Unlock()
	c.read.Add(1)
	data, err := readImage(name)
	if err != nil {
		return nil, &readError{err}
	}
	img, id, err := c.prepare(data)
	if err != nil {
		return nil, err
	}
	if st != (filestamp.Stamp{}) {
		c.mu.Lock()
		c.nextFile[name] = stampedImage{st, id, img}
		c.mu.Unlock()
	}
	return img, nil
}

// prepare returns data prepared by [media.Prepare], from the cache when it
// can, and the SHA-256 of data in hex.
func (c *imageCache) prepare(data []byte) (*media.Image, string, error) {
	sum := sha256.Sum256(data)
	id := hex.EncodeToString(sum[:])
	c.mu.Lock()
	img := c.byID[id]
	if img == nil {
		img = c.next[id]
	}
	c.mu.Unlock()
	if img == nil {
		var err error
		if img, err = media.Prepare(data); err != nil {
			return nil, "", err
		}
	}
	c.mu.Lock()
	c.next[id] = img
	c.mu.Unlock()
	return img, id, nil
}

// pageImages gathers the images of one entry's page: its front matter image
// and the images its body shows. Each is written beside the page, under a
// name made from its file name.
type pageImages struct {
	cache   *imageCache
	content string // the content folder
	e       *entry.Entry
	byRel   map[string]string // source file, relative to content → output name
	files   map[string]*media.Image
}

func newPageImages(cache *imageCache, content string, e *entry.Entry) *pageImages {
	return &pageImages{cache: cache, content: content, e: e, byRel: map[string]string{}, files: map[string]*media.Image{}}
}

// resolve prepares the image at src, a URL path relative to the entry's
// file, and returns its name beside the entry's page.
func (p *pageImages) resolve(src string) (string, error) {
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "" || u.Host != "" || u.RawQuery != "" || u.Fragment != "" {
		return "", &linkError{fmt.Sprintf("image %q is not a file name", src), "name the image file relative to this entry, such as waiting-room.jpg"}
	}
	rel := path.Join(path.Dir(p.e.Rel), u.Path)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", &linkError{fmt.Sprintf("image %q is outside the content folder", src), "put the image file beside the entry"}
	}
	if name, ok := p.byRel[rel]; ok {
		return name, nil
	}
	img, err := p.cache.file(filepath.Join(p.content, filepath.FromSlash(rel)))
	var unread *readError
	var size *media.SizeError
	switch {
	case errors.As(err, &unread):
		return "", &linkError{fmt.Sprintf("image %s: %v", rel, unread.err), "check the file name; images are named relative to the entry"}
	case errors.As(err, &size) && size.Width > 0 && size.Height > 0:
		return "", &linkError{fmt.Sprintf("image %s: %v", rel, err), "save a smaller copy of the image, such as 2400 pixels on its longest side"}
	case err != nil:
		return "", &linkError{fmt.Sprintf("image %s: %v", rel, err), "save the image as a JPEG or PNG file"}
	}
	stem := slug.Make(strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
	switch stem {
	case "", "index":
		stem = "image"
	case "card", "square":
		// The share cards' names.
		stem += "-image"
	}
	name := stem + img.Ext
	for n := 2; p.files[name] != nil; n++ {
		name = stem + "-" + strconv.Itoa(n) + img.Ext
	}
	p.byRel[rel] = name
	p.files[name] = img
	return name, nil
}

// A readError is an image file that could not be read.
type readError struct{ err error }

func (e *readError) Error() string { return e.err.Error() }

// readImage reads an image file of at most MaxImageSize bytes.
func readImage(name string) ([]byte, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("no such file")
	} else if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, unwrapPath(err)
	} else if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxImageSize+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	if len(data) > MaxImageSize {
		return nil, fmt.Errorf("the file is larger than %d MiB", MaxImageSize>>20)
	}
	return data, nil
}

// unwrapPath drops the *fs.PathError wrapper, whose path the message
// already names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// faceRule is the check rule for faces that an entry's front matter does
// not attest.
const faceRule = "PHI-FACE"

// faceFindings holds the photos of each entry that run rendered to what
// its front matter attests, as [entry.Image.MaxFaces] and
// [entry.Image.BodyFaces] say: a photo showing more faces than that, or a
// consented photo whose people are not counted, is a finding of faceRule.
// The faces were found once, when each image was prepared; this only
// counts them.
func faceFindings(s *check.Settings, run *bodySet) []check.Finding {
	if s.Off[faceRule] {
		return nil
	}
	var out []check.Finding
	add := func(e *entry.Entry, pos diag.Pos, hint, format string, args ...any) {
		sev := check.Error
		if r, ok := check.Lookup(faceRule); ok {
			sev = r.Severity
		}
		if v, ok := s.Severities[faceRule]; ok {
			sev = v
		}
		out = append(out, check.Finding{Path: e.Path, Pos: pos, Severity: sev, Rule: faceRule, Message: fmt.Sprintf(format, args...), Hint: hint})
	}
	for _, i := range run.imaged {
		e, b, fig, images := run.entries[i], run.bodies[i], run.figures[i], run.images[i]
		if b == nil {
			continue // it failed, and the build with it
		}
		front := ""
		if img := e.Image; img != nil && fig != nil {
			front = fig.URL
			at := img.Pos.First(e.Pos["image"])
			if p, ok := img.Pos["src"]; ok {
				at = p
			}
			var faces []media.Face
			if m := images[front]; m != nil {
				faces = m.Faces
			}
			n, unlimited := img.MaxFaces()
			switch {
			case img.Consent == "consented" && img.People == nil:
				pos := at
				if p, ok := img.Pos["consent"]; ok {
					pos = p
				}
				msg := fmt.Sprintf("image.consent is consented, but image.people does not say how many people the photo %s shows", img.Src)
				if len(faces) > 0 {
					msg += fmt.Sprintf("; it shows %s", facesAt(faces))
				}
				add(e, pos, "add people: with the number of people the photo shows, each of whom gave written consent, such as people: 1", "%s", msg)
			case unlimited || len(faces) <= n:
			case img.Consent == "illustration":
				add(e, at, "an illustration shows no real people: for a photo of people, use consent: consented with people: N and each person's written consent; or crop the faces out; or use a picture without faces",
					"the image %s shows %s; consent: illustration says it shows no one", img.Src, facesAt(faces))
			default:
				add(e, at, faceHint, "the photo %s shows %s; image.people says %d", img.Src, facesAt(faces), n)
			}
		}
		allowed := e.Image.BodyFaces()
		for _, dest := range slices.Sorted(maps.Keys(b.images)) {
			name := b.images[dest]
			img := images[name]
			if name == front || img == nil || len(img.Faces) <= allowed {
				// The front matter's image, also shown in the body, is
				// held to its own rules above.
				continue
			}
			says := fmt.Sprintf("image.people says %d", allowed)
			hint := "a photo in the body is covered by image.people in the front matter: " + faceHint
			switch {
			case e.Image == nil:
				says = "the entry has no image: in its front matter to say how many people its photos show"
				hint = "add image: to the front matter with consent: consented and people: N, the number of people each photo shows, each of whom gave written consent; or crop the faces out; or use a photo without people"
			case e.Image.People == nil:
				says = "image.people does not say how many people the entry's photos show"
			}
			add(e, bodyPos(e, dest), hint, "the photo %s shows %s; %s", dest, facesAt(img.Faces), says)
		}
	}
	return out
}

// faceHint is what to do about a photo showing more faces than attested.
const faceHint = "count everyone whose face shows and get each person's written consent, then set people: N; or crop them out; or use a stock photo"

// facesAt says how many faces there are and where: "1 face at 120,84 (64
// px)", "2 faces at 120,84 (64 px), 402,90 (58 px)", in pixels from the
// top-left corner of the upright photo.
func facesAt(faces []media.Face) string {
	where := make([]string, len(faces))
	for i, f := range faces {
		where[i] = f.String()
	}
	n := "1 face"
	if len(faces) != 1 {
		n = strconv.Itoa(len(faces)) + " faces"
	}
	return n + " at " + strings.Join(where, ", ")
}

// bodyPos returns the position in e's file of the image dest in its body:
// where the body first names it, or the body's first line.
func bodyPos(e *entry.Entry, dest string) diag.Pos {
	i := bytes.Index(e.Body, []byte("("+dest))
	if i >= 0 {
		i++
	} else {
		i = bytes.Index(e.Body, []byte(dest))
	}
	if i < 0 {
		return diag.Pos{Line: e.BodyLine, Col: 1}
	}
	return diag.PosAt(e.Body, i, e.BodyLine)
}
