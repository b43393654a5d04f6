//go:build unix

package entry_test

import (
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/internal/unprivileged"
)

func TestLoadUnreadable(t *testing.T) {
	if !unprivileged.Run(t) {
		return
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.md":             front("A?", ""),
		"secret.md":        front("Secret?", ""),
		"locked/inside.md": front("Inside?", ""),
	})
	secret, locked := filepath.Join(dir, "secret.md"), filepath.Join(dir, "locked")
	for _, p := range []string{secret, locked} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	var l entry.Loader
	c, errs := load(t, &l, dir)
	if got := rels(c.Entries); !reflect.DeepEqual(got, []string{"a.md"}) {
		t.Errorf("entries %q, want [a.md]", got)
	}
	if !reflect.DeepEqual(c.Failed, []string{"secret.md"}) {
		t.Errorf("Failed = %q, want [secret.md]", c.Failed)
	}
	want := []string{
		"content/locked: cannot read: " + syscall.EACCES.Error(),
		"content/secret.md:1:1: cannot read: " + syscall.EACCES.Error(),
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %q, want %q", errs, want)
	}
}

func TestLoadSymlinks(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": front("A?", ""), "sub/b.md": front("B?", "")})
	writeFiles(t, outside, map[string]string{"shared.md": front("Shared?", "")})
	for _, link := range []struct{ old, new string }{
		{"loop-b.md", "loop-a.md"}, {"loop-a.md", "loop-b.md"}, // a loop
		{"self.md", "self.md"},        // a link to itself
		{"sub", "folder"},             // a folder
		{".", "sub/up"},               // a folder that contains the link
		{"nowhere.md", "dangling.md"}, // nothing
		{"a.md", "alias.md"},          // a file: followed
		{filepath.Join(outside, "shared.md"), "sub/shared.md"}, // a file elsewhere
		{"a.md", ".hidden.md"},                                 // skipped, like every dot-file
	} {
		if err := os.Symlink(link.old, filepath.Join(dir, filepath.FromSlash(link.new))); err != nil {
			t.Fatal(err)
		}
	}
	var l entry.Loader
	c, errs := load(t, &l, dir)
	if got := rels(c.Entries); !reflect.DeepEqual(got, []string{"a.md", "alias.md", "sub/b.md", "sub/shared.md"}) {
		t.Errorf("entries %q", got)
	}
	if c.Entries[1].Title != "A?" || c.Entries[3].Title != "Shared?" {
		t.Errorf("links not followed: titles %q, %q", c.Entries[1].Title, c.Entries[3].Title)
	}
	loop := syscall.ELOOP.Error()
	want := []string{
		"content/dangling.md:1:1: cannot follow symbolic link: " + syscall.ENOENT.Error(),
		"content/folder: symbolic link to a folder is not followed",
		"content/loop-a.md:1:1: cannot follow symbolic link: " + loop,
		"content/loop-b.md:1:1: cannot follow symbolic link: " + loop,
		"content/self.md:1:1: cannot follow symbolic link: " + loop,
		"content/sub/up: symbolic link to a folder is not followed",
	}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors:\n\t%q\nwant:\n\t%q", errs, want)
	}
}

// TestLoadNotRegular checks that a named pipe is reported, not opened: opening
// one waits for a writer that never comes.
func TestLoadNotRegular(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": front("A?", "")})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	if err := os.Symlink("pipe.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	var l entry.Loader
	c, errs := load(t, &l, dir)
	if got := rels(c.Entries); !reflect.DeepEqual(got, []string{"a.md"}) {
		t.Errorf("entries %q, want [a.md]", got)
	}
	want := []string{"content/link.md:1:1: not a regular file", "content/pipe.md:1:1: not a regular file"}
	if !reflect.DeepEqual(errs, want) {
		t.Errorf("errors %q, want %q", errs, want)
	}
}
