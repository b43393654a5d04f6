package diskcache

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/faqcast/faqcast/internal/unprivileged"
	"github.com/faqcast/faqcast/internal/wholefile"
)

func open(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// valid accepts data that starts with "card", as a stand-in for a card's
// check of its own digest.
func valid(data []byte) bool { return bytes.HasPrefix(data, []byte("card")) }

func TestPutGet(t *testing.T) {
	c := open(t)
	if _, ok := c.Get("abcd1234", valid); ok {
		t.Fatal("a hit in an empty cache")
	}
	data := []byte("card10")
	if err := c.Put("abcd1234", data); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get("abcd1234", valid)
	if !ok || !bytes.Equal(got, data) {
		t.Fatalf("Get = %q, %v", got, ok)
	}
	for _, key := range []string{"", "ab", "../../etc", "a/bcd", `a\bcd`, "ab.cd"} {
		if err := c.Put(key, data); err == nil {
			t.Errorf("Put(%q): no error", key)
		}
		if _, ok := c.Get(key, valid); ok {
			t.Errorf("Get(%q): a hit", key)
		}
	}
	var none *Cache
	if _, ok := none.Get("abcd1234", valid); ok || none.Put("abcd1234", data) != nil {
		t.Error("a nil cache is not an empty one")
	}
}

// TestCorrupt checks that a truncated or altered entry is a miss, and is
// removed.
func TestCorrupt(t *testing.T) {
	c := open(t)
	if err := c.Put("abcd1234", []byte("card10")); err != nil {
		t.Fatal(err)
	}
	p, _ := c.path("abcd1234")
	if err := os.WriteFile(p, []byte("car"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("abcd1234", valid); ok {
		t.Fatal("a truncated entry is a hit")
	}
	if _, err := os.Stat(p); !os.IsNotExist(err) {
		t.Errorf("the truncated entry is still there: %v", err)
	}
}

// TestHuge checks that an entry's file larger than any a build makes is
// a miss, never read into memory.
func TestHuge(t *testing.T) {
	c := open(t)
	if err := c.Put("abcd1234", []byte("card10")); err != nil {
		t.Fatal(err)
	}
	p, _ := c.path("abcd1234")
	if err := os.Truncate(p, maxEntry+1); err != nil { // sparse: no disk used
		t.Skipf("cannot make a large file here: %v", err)
	}
	if _, ok := c.Get("abcd1234", func([]byte) bool { return true }); ok {
		t.Fatal("an entry of over 1 GiB is a hit")
	}
}

// TestUnreadableFolder checks that a folder of the cache that the user
// cannot read, another user's, is left alone without stopping Stats or
// Trim over the rest.
func TestUnreadableFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs Unix permissions")
	}
	if !unprivileged.Run(t) {
		return
	}
	c := open(t)
	for _, key := range []string{"abcd1234", "ef001234"} {
		if err := c.Put(key, []byte("card")); err != nil {
			t.Fatal(err)
		}
	}
	p, _ := c.path("ef001234")
	theirs := filepath.Dir(p)
	if err := os.Chmod(theirs, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(theirs, 0o755) })
	if s, err := c.Stats(); err != nil || s.Entries != 1 {
		t.Errorf("Stats = %+v, %v; want the one readable entry", s, err)
	}
	if r, err := c.Clean(); err != nil || r.Entries != 1 {
		t.Errorf("Clean = %+v, %v; want the one readable entry removed", r, err)
	}
}

// TestConcurrentPut checks that writers of one entry at once leave one
// whole entry, and readers meanwhile see it whole or not at all.
func TestConcurrentPut(t *testing.T) {
	c := open(t)
	data := bytes.Repeat([]byte("x"), 1<<20)
	data = append(data, []byte(fmt.Sprint(len(data)))...)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := c.Put("abcd1234", data); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			if got, ok := c.Get("abcd1234", func([]byte) bool { return true }); ok && !bytes.Equal(got, data) {
				t.Error("a reader saw part of an entry")
			}
		}()
	}
	wg.Wait()
	s, err := c.Stats()
	if err != nil || s.Entries != 1 || s.Bytes != int64(len(data)) {
		t.Errorf("Stats = %+v, %v; want one whole entry", s, err)
	}
}

func TestTrim(t *testing.T) {
	c := open(t)
	now := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	for i, age := range []time.Duration{0, time.Hour, 48 * time.Hour, 40 * 24 * time.Hour} {
		key := fmt.Sprintf("key%d0000", i)
		if err := c.Put(key, bytes.Repeat([]byte("y"), 100)); err != nil {
			t.Fatal(err)
		}
		p, _ := c.path(key)
		os.Chtimes(p, now.Add(-age), now.Add(-age))
	}
	// A write a killed process left, two hours ago, named as
	// wholefile names its temporary files.
	half, _ := c.path("key90000")
	tmp := half + wholefile.TempMark + "123"
	os.WriteFile(tmp, []byte("half"), 0o644)
	os.Chtimes(tmp, now.Add(-2*time.Hour), now.Add(-2*time.Hour))

	r, err := c.Trim(now, 30*24*time.Hour, 250)
	if err != nil {
		t.Fatal(err)
	}
	// The 40-day-old entry goes by age, the 48-hour-old one by the cap.
	if r != (Removal{Entries: 2, Bytes: 200}) {
		t.Errorf("Trim removed %+v; want 2 entries, 200 bytes", r)
	}
	for i, want := range []bool{true, true, false, false} {
		if _, ok := c.Get(fmt.Sprintf("key%d0000", i), func([]byte) bool { return true }); ok != want {
			t.Errorf("entry %d kept: %v, want %v", i, ok, want)
		}
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Error("the killed write's temporary file is still there")
	}

	// Daily: a second trim the same day does nothing.
	if err := c.TrimDaily(now, time.Hour, 0); err != nil {
		t.Fatal(err)
	}
	c.Put("keyz0000", []byte("z"))
	p, _ := c.path("keyz0000")
	os.Chtimes(p, now.Add(-5*time.Hour), now.Add(-5*time.Hour))
	if err := c.TrimDaily(now.Add(time.Hour), time.Hour, 0); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get("keyz0000", func([]byte) bool { return true }); !ok {
		t.Error("TrimDaily trimmed twice in a day")
	}

	r, err = c.Clean()
	if err != nil || r.Entries != 3 {
		t.Errorf("Clean removed %+v, %v; want 3 entries", r, err)
	}
	if s, _ := c.Stats(); s.Entries != 0 {
		t.Errorf("after Clean: %+v", s)
	}
}

// TestTrimOldestFirst checks that past the size cap Trim removes every
// entry older than the first that does not fit, even those small enough
// to fit: the least recently used go first.
func TestTrimOldestFirst(t *testing.T) {
	c := open(t)
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	for i, size := range []int{100, 200, 50} { // newest first
		key := fmt.Sprintf("size%d000", i)
		if err := c.Put(key, bytes.Repeat([]byte("z"), size)); err != nil {
			t.Fatal(err)
		}
		p, _ := c.path(key)
		at := now.Add(-time.Duration(i) * time.Hour)
		os.Chtimes(p, at, at)
	}
	if r, err := c.Trim(now, 30*24*time.Hour, 250); err != nil || r != (Removal{Entries: 2, Bytes: 250}) {
		t.Errorf("Trim removed %+v, %v; want the two older entries, 250 bytes", r, err)
	}
	if _, ok := c.Get("size0000", func([]byte) bool { return true }); !ok {
		t.Error("the newest entry was removed")
	}
}

// TestLinked checks that Stats, Trim and Clean tell the bytes of entries
// also linked from elsewhere, as a build links share cards, which the
// disk keeps after the cache lets them go; that such an entry counts as
// in use, however old; and that a hit leaves its time, the published
// file's too, as it is.
func TestLinked(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("links are counted on Unix only")
	}
	c := open(t)
	now := time.Now()
	old := now.Add(-48 * time.Hour).Truncate(time.Second)
	out := t.TempDir()
	for i, size := range []int{100, 30, 7} {
		key := fmt.Sprintf("card%d000", i)
		p, err := c.PutFile(key, bytes.Repeat([]byte("c"), size))
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 { // published: linked from an output folder
			if err := os.Link(p, filepath.Join(out, key+".png")); err != nil {
				t.Skipf("no hard links here: %v", err)
			}
		}
		if i != 1 { // not used for two days
			os.Chtimes(p, old, old)
		}
	}
	s, err := c.Stats()
	if err != nil || s.Bytes != 137 || s.Linked != 130 {
		t.Errorf("Stats = %+v, %v; want 137 bytes, 130 linked", s, err)
	}
	if _, ok := c.Get("card0000", func([]byte) bool { return true }); !ok {
		t.Fatal("the published card is a miss")
	}
	if fi, err := os.Stat(filepath.Join(out, "card0000.png")); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("a hit changed the published card's time to %v, want %v (%v)", fi.ModTime(), old, err)
	}
	// The old card not published goes; the old one published stays.
	if r, err := c.Trim(now, 24*time.Hour, 0); err != nil || r != (Removal{Entries: 1, Bytes: 7}) {
		t.Errorf("Trim removed %+v, %v; want the unpublished entry of 7 bytes", r, err)
	}
	if r, err := c.Clean(); err != nil || r != (Removal{Entries: 2, Bytes: 130, Linked: 130}) {
		t.Errorf("Clean removed %+v, %v; want 2 entries of 130 bytes, all linked", r, err)
	}
	// The published files are whole, and no longer shared.
	if b, err := os.ReadFile(filepath.Join(out, "card0000.png")); err != nil || len(b) != 100 {
		t.Errorf("published card: %d bytes, %v", len(b), err)
	}
}

func TestStoreLoad(t *testing.T) {
	c, err := Open(filepath.Join(t.TempDir(), "cache"))
	if err != nil {
		t.Fatal(err)
	}
	const key = "ab12cd34"
	if _, ok := c.Load(key); ok {
		t.Fatal("Load of a missing entry hit")
	}
	if err := c.Store(key, []byte("findings")); err != nil {
		t.Fatal(err)
	}
	if got, ok := c.Load(key); !ok || string(got) != "findings" {
		t.Fatalf("Load = %q, %v", got, ok)
	}
	if err := c.Put("ef56ab78", []byte("a card")); err != nil {
		t.Fatal(err)
	}
	if err := c.Store("ef56ab78-findings", []byte("more")); err != nil {
		t.Fatal(err)
	}
	if s, err := c.Stats(); err != nil || s.Entries != 3 || s.Kinds[""] != 2 || s.Kinds["findings"] != 1 {
		t.Errorf("Stats = %+v, %v; want 3 entries, 1 of kind findings", s, err)
	}
	// Truncated, then with a byte changed: misses, and removed.
	p, _ := c.path(key)
	for _, damage := range []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)-1] },
		func(b []byte) []byte { b[0] ^= 1; return b },
		func(b []byte) []byte { return b[:3] },
	} {
		if err := c.Store(key, []byte("findings")); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, damage(b), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, ok := c.Load(key); ok {
			t.Errorf("a damaged entry loaded as %q", got)
		}
		if _, err := os.Stat(p); err == nil {
			t.Error("a damaged entry was kept")
		}
	}
}

func TestProgram(t *testing.T) {
	a, err := Program()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Program()
	if a == "" || a != b {
		t.Errorf("Program = %q, then %q", a, b)
	}
}

// TestGetToLoadTo checks that GetTo and LoadTo read an entry into the
// buffer given when it has room, into new memory when it has not, and
// return what Get and Load return.
func TestGetToLoadTo(t *testing.T) {
	c := open(t)
	card := []byte("card with some bytes")
	if err := c.Put("card0001", card); err != nil {
		t.Fatal(err)
	}
	record := []byte("a record")
	if err := c.Store("record01", record); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, 0, 100)
	small := make([]byte, 0, 4)
	for _, buf := range [][]byte{nil, small, big} {
		got, ok := c.GetTo("card0001", buf, valid)
		if !ok || !bytes.Equal(got, card) {
			t.Fatalf("GetTo into cap %d = %q, %v", cap(buf), got, ok)
		}
		into := cap(buf) > 0 && &got[0] == &buf[:1][0]
		if want := cap(buf) >= len(card); into != want {
			t.Errorf("GetTo into cap %d: read into the buffer %v, want %v", cap(buf), into, want)
		}
		rec, ok := c.LoadTo("record01", buf)
		if !ok || !bytes.Equal(rec, record) {
			t.Fatalf("LoadTo into cap %d = %q, %v", cap(buf), rec, ok)
		}
	}
	if _, ok := c.GetTo("missing1", big, valid); ok {
		t.Error("GetTo: a hit for a missing entry")
	}
}

// TestPutFile checks that an entry PutFile stores is readable by all and
// that File names its file, but not the file of an entry Put stores,
// which is its owner's alone, nor a damaged entry's.
func TestPutFile(t *testing.T) {
	c := open(t)
	p, err := c.PutFile("abcd1234", []byte("card10"))
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o644 {
		t.Fatalf("PutFile's file: %v, %v; want mode 0644", fi, err)
	}
	src, data, ok := c.File("abcd1234", nil, valid)
	if !ok || src != p || string(data) != "card10" {
		t.Errorf("File = %q, %q, %v; want %q, card10, true", src, data, ok, p)
	}
	if err := c.Put("efgh5678", []byte("card20")); err != nil {
		t.Fatal(err)
	}
	q, _ := c.path("efgh5678")
	if fi, err := os.Stat(q); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("Put's file: %v, %v; want mode 0600", fi, err)
	}
	if src, data, ok := c.File("efgh5678", nil, valid); !ok || src != "" || string(data) != "card20" {
		t.Errorf("File of Put's entry = %q, %q, %v; want \"\", card20, true", src, data, ok)
	}
	if err := os.WriteFile(p, []byte("crad10"), 0o644); err != nil {
		t.Fatal(err)
	}
	if src, _, ok := c.File("abcd1234", nil, valid); ok || src != "" {
		t.Errorf("File of a damaged entry = %q, %v; want a miss", src, ok)
	}
	var none *Cache
	if p, err := none.PutFile("abcd1234", []byte("card10")); p != "" || err != nil {
		t.Errorf("a nil cache's PutFile = %q, %v", p, err)
	}
}

// TestSeal checks that a seal holds its bytes alone: not others of the
// same length, nor the same cut short.
func TestSeal(t *testing.T) {
	b := []byte("<p>page</p>")
	s := SealOf(b)
	if !s.Holds(b) || s.Holds([]byte("<p>pagE</p>")) || s.Holds(b[:len(b)-1]) || s.Len != uint32(len(b)) {
		t.Errorf("SealOf(%q) = %+v: holds it %v, a changed byte %v, cut %v", b, s, s.Holds(b), s.Holds([]byte("<p>pagE</p>")), s.Holds(b[:len(b)-1]))
	}
	enc := s.Append([]byte("x"))
	if len(enc) != 1+SealLen {
		t.Fatalf("Append added %d bytes, want %d", len(enc)-1, SealLen)
	}
	if got, ok := ReadSeal(enc[1:]); !ok || got != s {
		t.Errorf("ReadSeal(Append) = %+v, %v; want %+v", got, ok, s)
	}
	if _, ok := ReadSeal(enc[1:SealLen]); ok {
		t.Error("ReadSeal of a cut seal: ok")
	}
}

// TestTrimDailyNewFolder checks that a cache whose folder Open made is
// first trimmed a day after its first TrimDaily, and one Open found is
// trimmed at once.
func TestTrimDailyNewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	now := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	// trimmed puts key in c as used two days before now, runs TrimDaily
	// at, and reports whether the entry is gone.
	trimmed := func(c *Cache, key string, at time.Time) bool {
		t.Helper()
		if err := c.Put(key, []byte("card")); err != nil {
			t.Fatal(err)
		}
		p, _ := c.path(key)
		if err := os.Chtimes(p, now.Add(-48*time.Hour), now.Add(-48*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := c.TrimDaily(at, time.Hour, 0); err != nil {
			t.Fatal(err)
		}
		_, ok := c.Get(key, valid)
		return !ok
	}
	made, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if trimmed(made, "made0000", now) {
		t.Error("the first TrimDaily of a cache Open made trimmed it")
	}
	if !trimmed(made, "made0000", now.Add(25*time.Hour)) {
		t.Error("a day later, TrimDaily did not trim the cache Open made")
	}

	// Another process, which finds the folder, and one with no record
	// of a trim.
	os.Remove(filepath.Join(dir, trimFile))
	found, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !trimmed(found, "found000", now) {
		t.Error("TrimDaily did not trim a cache Open found, never trimmed")
	}
}

// TestPutOver checks that a Put of an entry there already replaces it,
// whether the cache writes new entries as unnamed files linked into place
// or, where the system cannot, under a temporary name renamed.
func TestPutOver(t *testing.T) {
	for _, named := range []bool{false, true} {
		c := open(t)
		c.named.Store(named)
		for _, data := range []string{"card1", "card22"} {
			if err := c.Put("over1234", []byte(data)); err != nil {
				t.Fatal(err)
			}
			if got, ok := c.Get("over1234", valid); !ok || string(got) != data {
				t.Errorf("named %v: after Put of %q, Get = %q, %v", named, data, got, ok)
			}
		}
		p, _ := c.path("over1234")
		if list, _ := os.ReadDir(filepath.Dir(p)); len(list) != 1 {
			t.Errorf("named %v: the entry's folder holds %d files, want 1", named, len(list))
		}
	}
}

// TestFailed checks that the first error a write meets is kept for
// Failed, which returns it once, and that writes that succeed keep none.
func TestFailed(t *testing.T) {
	c := open(t)
	if err := c.Put("good1234", []byte("card")); err != nil {
		t.Fatal(err)
	}
	if err := c.Failed(); err != nil {
		t.Fatalf("Failed after a write that succeeded = %v, want nil", err)
	}
	// The entries' subfolders "ba" and "bb" are files: no entry can be
	// written under them.
	for _, name := range []string{"ba", "bb"} {
		if err := os.WriteFile(filepath.Join(c.Dir(), name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	first := c.Put("ba123456", []byte("card"))
	if first == nil {
		t.Fatal("Put under a file succeeded")
	}
	if _, err := c.PutFile("bb123456", []byte("card")); err == nil {
		t.Fatal("PutFile under a file succeeded")
	}
	if err := c.Failed(); err == nil || err.Error() != first.Error() {
		t.Errorf("Failed = %v, want the first write's error, %v", err, first)
	}
	if err := c.Failed(); err != nil {
		t.Errorf("Failed again = %v, want nil: it was taken", err)
	}
	var none *Cache
	if err := none.Failed(); err != nil {
		t.Errorf("Failed of no cache = %v, want nil", err)
	}
}

// TestFind checks that Find does not make the cache's folder, and that a
// folder that is not there is an empty cache to Stats, Trim and Clean,
// while one that is holds what Open's cache stored.
func TestFind(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "cache")
	c, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := c.Stats(); err != nil || s.Entries != 0 {
		t.Errorf("Stats of a folder not there = %+v, %v; want no entries", s, err)
	}
	if r, err := c.Trim(time.Now(), time.Hour, 0); err != nil || r.Entries != 0 {
		t.Errorf("Trim of a folder not there = %+v, %v; want nothing removed", r, err)
	}
	if r, err := c.Clean(); err != nil || r.Entries != 0 {
		t.Errorf("Clean of a folder not there = %+v, %v; want nothing removed", r, err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the folder after Find, Stats, Trim and Clean: %v, want none", err)
	}
	opened, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := opened.Put("find1234", []byte("card")); err != nil {
		t.Fatal(err)
	}
	if s, err := c.Stats(); err != nil || s.Entries != 1 {
		t.Errorf("Stats of Find's cache after a Put = %+v, %v; want 1 entry", s, err)
	}
	if _, err := Find(""); err == nil {
		t.Error(`Find("") succeeded`)
	}
}

// TestForeignFiles checks that Stats, Trim and Clean look only at the
// files the cache names, in its own subfolders: a cache folder named by
// mistake, such as a site's own, loses nothing else, however its files
// are named; and that a cache folder that is a file is an error.
func TestForeignFiles(t *testing.T) {
	c := open(t)
	if err := c.Put("abcd1234", []byte("card")); err != nil {
		t.Fatal(err)
	}
	theirs := []string{
		"notes.entry",              // beside the subfolders
		"drafts/ab/abcd5678.entry", // deeper than the cache's own
		"drafts/ab/abcd5678.entry" + wholefile.TempMark + "1", // as a killed write leaves
		"ab/report.entry",            // not named by its subfolder
		"ab/abstract.md",             // not an entry's name
		"abc/abcd9999.entry",         // a subfolder the cache would not name
		"ab/abcd0000.entry/kept.txt", // a folder named as an entry
	}
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range theirs {
		p := filepath.Join(c.Dir(), filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("the practice's own"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if s, err := c.Stats(); err != nil || s.Entries != 1 {
		t.Errorf("Stats = %+v, %v; want the cache's one entry", s, err)
	}
	if r, err := c.Trim(time.Now(), time.Hour, 1); err != nil || r.Entries != 1 {
		t.Errorf("Trim = %+v, %v; want the cache's one entry removed", r, err)
	}
	if r, err := c.Clean(); err != nil || r.Entries != 0 {
		t.Errorf("Clean = %+v, %v; want nothing more removed", r, err)
	}
	for _, name := range theirs {
		if _, err := os.Stat(filepath.Join(c.Dir(), filepath.FromSlash(name))); err != nil {
			t.Errorf("%s, not the cache's: %v", name, err)
		}
	}

	file := filepath.Join(t.TempDir(), "cache")
	if err := os.WriteFile(file, []byte("not a folder"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := Find(file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Stats(); err == nil {
		t.Error("Stats of a file, not a folder, succeeded")
	}
	if _, err := f.Clean(); err == nil {
		t.Error("Clean of a file, not a folder, succeeded")
	}
}
