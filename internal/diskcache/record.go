package diskcache

import (
	"bytes"
	"crypto/sha256"
)

// Store stores data as the entry key, as [Cache.Put] does, followed by its
// SHA-256, which [Cache.Load] checks: for entries whose bytes, unlike a
// share card's, cannot tell whether they are whole.
func (c *Cache) Store(key string, data []byte) error {
	sum := sha256.Sum256(data)
	return c.Put(key, append(data[:len(data):len(data)], sum[:]...))
}

// Load returns the bytes of the entry key that [Cache.Store] stored, if it
// is there and whole: an entry whose bytes do not match their SHA-256 is a
// miss, and is removed.
func (c *Cache) Load(key string) ([]byte, bool) {
	return c.LoadTo(key, nil)
}

// LoadTo is [Cache.Load] reading the record into buf's memory when its
// capacity is enough (see [Cache.GetTo]).
func (c *Cache) LoadTo(key string, buf []byte) ([]byte, bool) {
	data, ok := c.GetTo(key, buf, sealed)
	if !ok {
		return nil, false
	}
	return data[:len(data)-sha256.Size], true
}

// sealed reports whether b is bytes followed by their SHA-256.
func sealed(b []byte) bool {
	if len(b) < sha256.Size {
		return false
	}
	data, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	want := sha256.Sum256(data)
	return bytes.Equal(sum, want[:])
}
