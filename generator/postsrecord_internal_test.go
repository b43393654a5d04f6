package generator

import (
	"bytes"
	"encoding/json"
	"hash/crc32"
	"reflect"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/entry"
	"github.com/faqcast/faqcast/generator/post"
	"github.com/faqcast/faqcast/generator/reply"
	"github.com/faqcast/faqcast/internal/pack"
)

// recordPosts returns an entry's posts and replies for the record tests.
func recordPosts() (variants, replies []post.Variant) {
	variants = []post.Variant{
		{Entry: "flu", Platform: "x", Text: "Flu shots? <now> & #FluShot", Length: 27, Limit: 280, Link: "https://clinic.example/faq/flu/?utm_source=x",
			Hashtags: []string{"FluShot"}, Media: []post.Media{{Src: "https://clinic.example/faq/flu/square.png", Alt: "card"}}, CTA: post.CTA{Type: "LINK"}},
		{Entry: "flu", Platform: "bluesky", Text: "Flu shots: clinic.example/faq/flu", Length: 33, Limit: 300, Link: "https://clinic.example/faq/flu/",
			LinkText: "clinic.example/faq/flu", Hashtags: []string{}, Override: true, Notes: []string{"kept"}, Warnings: []string{"long"}},
	}
	// The last reply ends in an empty list, which must not read as none.
	replies = []post.Variant{
		{Entry: "flu", Platform: "x", Text: "See our page.", Length: 13, Limit: 280, Hashtags: []string{}, Media: nil},
		{Entry: "flu", Platform: "bluesky", Text: "Voir la page «flu» 🙂", Length: -1, Limit: 300, Hashtags: nil, Notes: []string{""}, Media: []post.Media{}},
	}
	return variants, replies
}

// TestPostsRecord checks that an entry's posts and replies come out of
// their record as they went in, its part of posts.json as post.JSONPart
// makes it, with their platforms and count of replies read without them.
func TestPostsRecord(t *testing.T) {
	variants, replies := recordPosts()
	for _, c := range []struct {
		name              string
		variants, replies []post.Variant
	}{
		{"posts and replies", variants, replies},
		{"no replies", variants, []post.Variant{}},
		{"none", []post.Variant{}, []post.Variant{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			b, err := newRecord(nil, &entry.Entry{Slug: "flu", Title: "Flu shots?"}, c.variants, c.replies, nil)
			if err != nil {
				t.Fatal(err)
			}
			p, err := newEntryPosts("key", &entry.Entry{Slug: "flu", Path: "content/flu.md"}, b, new(pack.Packer))
			if err != nil {
				t.Fatal(err)
			}
			var platforms []string
			for _, v := range c.variants {
				platforms = append(platforms, v.Platform)
			}
			if !reflect.DeepEqual(p.platforms, platforms) && len(platforms)+len(p.platforms) > 0 {
				t.Errorf("platforms %q, want %q", p.platforms, platforms)
			}
			if p.replied != len(c.replies) {
				t.Errorf("replied %d, want %d", p.replied, len(c.replies))
			}
			vs, err := p.variants()
			if err != nil || len(vs)+len(c.variants) > 0 && !reflect.DeepEqual(vs, c.variants) {
				t.Errorf("variants %+v, %v; want %+v", vs, err, c.variants)
			}
			rs, err := p.replies()
			if err != nil || len(rs)+len(c.replies) > 0 && !reflect.DeepEqual(rs, c.replies) {
				t.Errorf("replies %+v, %v; want %+v", rs, err, c.replies)
			}
			part, err := p.part(nil)
			want, _ := post.JSONPart(c.variants)
			if err != nil || !bytes.Equal(part, want) {
				t.Errorf("part %q, %v; want %q", part, err, want)
			}
			replyPart, err := p.replyPart(nil)
			want, _ = reply.EntryPart(entryReplies(&entry.Entry{Slug: "flu", Title: "Flu shots?"}, c.replies))
			if err != nil || !bytes.Equal(replyPart, want) || !bytes.Contains(replyPart, []byte(`"question": "Flu shots?"`)) {
				t.Errorf("replies' part %q, %v; want %q", replyPart, err, want)
			}
		})
	}
}

// TestPostsRecordPacked checks that a record holds its sections packed:
// eight posts, as with every platform on, take under half their bytes.
func TestPostsRecordPacked(t *testing.T) {
	variants, replies := recordPosts()
	for len(variants) < 8 {
		variants = append(variants, variants...)
	}
	e := &entry.Entry{Slug: "flu", Title: "Flu shots?"}
	b, err := newRecord(nil, e, variants, replies, nil)
	if err != nil {
		t.Fatal(err)
	}
	part, _ := post.JSONPart(variants)
	raw := len(part) + len(appendVariants(nil, variants)) + len(appendVariants(nil, replies))
	if len(b)*2 > raw {
		t.Errorf("record of %d bytes for %d bytes of sections, want under half", len(b), raw)
	}
}

// TestPostsRecordDigest checks that a record's digest, which keys the
// pages that show the posts and the findings in them, changes with its
// posts and with its replies.
func TestPostsRecordDigest(t *testing.T) {
	variants, replies := recordPosts()
	digest := func(vs, rs []post.Variant) string {
		b, err := newRecord(nil, &entry.Entry{Slug: "flu"}, vs, rs, nil)
		if err != nil {
			t.Fatal(err)
		}
		p, err := newEntryPosts("key", &entry.Entry{Slug: "flu"}, b, new(pack.Packer))
		if err != nil {
			t.Fatal(err)
		}
		return p.digest
	}
	base := digest(variants, replies)
	if digest(variants, replies) != base {
		t.Error("the same posts have two digests")
	}
	edited := append([]post.Variant(nil), variants...)
	edited[1].Text += "!"
	if digest(edited, replies) == base {
		t.Error("an edited post kept the digest")
	}
	reply := append([]post.Variant(nil), replies...)
	reply[0].Text += "!"
	if digest(variants, reply) == base {
		t.Error("an edited reply kept the digest")
	}
	if digest(variants, nil) == base {
		t.Error("no replies kept the digest")
	}
}

// TestPostsRecordReview checks that a record keeps the length and CRC-32C
// of its review file, or 0 and 0 without one, and its posts either way.
func TestPostsRecordReview(t *testing.T) {
	variants, replies := recordPosts()
	e := &entry.Entry{Slug: "flu", Title: "Flu shots?", Rel: "flu.md"}
	review := []byte("# Flu shots?\n")
	for _, tc := range []struct {
		review   []byte
		len, sum uint32
	}{
		{nil, 0, 0},
		{review, uint32(len(review)), crc32.Checksum(review, crc32.MakeTable(crc32.Castagnoli))},
	} {
		b, err := newRecord(nil, e, variants, replies, tc.review)
		if err != nil {
			t.Fatal(err)
		}
		p, err := newEntryPosts("key", e, b, new(pack.Packer))
		if err != nil {
			t.Fatal(err)
		}
		if s := p.reviewSeal; s.Len != tc.len || s.Sum != tc.sum {
			t.Errorf("review %q: length %d and sum %d, want %d and %d", tc.review, s.Len, s.Sum, tc.len, tc.sum)
		}
		if vs, err := p.variants(); err != nil || !reflect.DeepEqual(vs, variants) {
			t.Errorf("review %q: posts %v, %v", tc.review, vs, err)
		}
	}
}

// FuzzReadRecord checks that any bytes either read as a record whose posts
// and replies unpack or fail with an error, never a panic.
func FuzzReadRecord(f *testing.F) {
	variants, replies := recordPosts()
	b, err := newRecord(nil, &entry.Entry{Slug: "flu"}, variants, replies, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte{})
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := newEntryPosts("key", &entry.Entry{Slug: "flu"}, b, new(pack.Packer))
		if err != nil {
			return
		}
		if vs, err := p.variants(); err == nil && len(vs) != len(p.platforms) {
			t.Errorf("%d variants of %d platforms", len(vs), len(p.platforms))
		}
		if rs, err := p.replies(); err == nil && len(rs) != p.replied {
			t.Errorf("%d replies, recorded %d", len(rs), p.replied)
		}
	})
}

// BenchmarkReadPosts reads an entry's posts from their binary form and,
// for comparison, from their JSON.
func BenchmarkReadPosts(b *testing.B) {
	variants, _ := recordPosts()
	for range 3 { // eight posts, as with every platform on
		variants = append(variants, variants...)
	}
	variants = variants[:8]
	bin := appendVariants(nil, variants)
	js, err := json.Marshal(variants)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("binary", func(b *testing.B) {
		for b.Loop() {
			if _, err := readVariants(bin, len(variants)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			var vs []post.Variant
			if err := json.Unmarshal(js, &vs); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestPostSetErr checks that posts that cannot be unpacked for a page
// leave an error naming the entry's file, which the build returns before
// it writes.
func TestPostSetErr(t *testing.T) {
	variants, replies := recordPosts()
	e := &entry.Entry{Slug: "flu", Path: "content/flu.md"}
	b, err := newRecord(nil, e, variants, replies, nil)
	if err != nil {
		t.Fatal(err)
	}
	packer := new(pack.Packer)
	p, err := newEntryPosts("key", e, b, packer)
	if err != nil {
		t.Fatal(err)
	}
	set := newPostSet([]*entryPosts{p})
	if vs := set.Posts("flu"); len(vs) != len(variants) || set.Err() != nil {
		t.Fatalf("Posts = %d posts, Err %v", len(vs), set.Err())
	}
	if n, r := set.Count("flu"); n != len(variants) || r != len(replies) || set.Digest("flu") == "" {
		t.Errorf("Count = %d, %d; Digest %q", n, r, set.Digest("flu"))
	}
	if n, r := set.Count("none"); n+r != 0 || set.Posts("none") != nil || set.Digest("none") != "" {
		t.Error("an entry without posts has some")
	}
	p.packedReplies = packer.Pack([]byte("not binary replies"))
	if rs := set.Replies("flu"); rs != nil {
		t.Errorf("Replies of bad bytes = %v", rs)
	}
	if err := set.Err(); err == nil || !strings.Contains(err.Error(), "content/flu.md") {
		t.Errorf("Err = %v, want the entry's file named", err)
	}
}
