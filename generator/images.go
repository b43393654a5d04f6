package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/media"
	"github.com/faqcast/faqcast/generator/slug"
)

// MaxImageSize is the largest image file a build reads, in bytes.
const MaxImageSize = 20 << 20

// imageCache holds prepared images by the SHA-256 of their source bytes, so
// a rebuild decodes and encodes only images that changed.
type imageCache struct {
	mu   sync.Mutex
	byID map[string]*media.Image
	next map[string]*media.Image // what this build used
}

// begin starts a build: images not used by it are dropped at its end.
func (c *imageCache) begin() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.next = map[string]*media.Image{}
}

// end drops the images the build did not use.
func (c *imageCache) end() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.byID, c.next = c.next, nil
}

// prepare returns data prepared by [media.Prepare], from the cache when it
// can.
func (c *imageCache) prepare(data []byte) (*media.Image, error) {
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
			return nil, err
		}
	}
	c.mu.Lock()
	c.next[id] = img
	c.mu.Unlock()
	return img, nil
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
	data, err := readImage(filepath.Join(p.content, filepath.FromSlash(rel)))
	if err != nil {
		return "", &linkError{fmt.Sprintf("image %s: %v", rel, err), "check the file name; images are named relative to the entry"}
	}
	img, err := p.cache.prepare(data)
	if err != nil {
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
