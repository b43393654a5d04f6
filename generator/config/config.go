// Package config loads and checks a site's faqcast.yaml.
//
// The file is strict: an unknown key is an error that names the closest known
// key, and every problem is reported with its line and column.
package config

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/faqcast/faqcast/internal/decode"
	"github.com/faqcast/faqcast/internal/diag"
	"go.yaml.in/yaml/v3"
)

// FileName is the name of the config file at a site's root.
const FileName = "faqcast.yaml"

// A Config is a site's faqcast.yaml.
type Config struct {
	// Digest is the SHA-256 digest of the config file's bytes.
	Digest [sha256.Size]byte `yaml:"-"`
	// BaseURL is the absolute URL the site is published at, ending in "/".
	// Pages, canonical URLs, the sitemap and posts are built from it.
	BaseURL string `yaml:"base_url"`
	// Language is the BCP 47 language tag of the site's text ("en" if empty).
	Language string `yaml:"language"`
	// Title names the education site in its language; "" for the
	// message site.title (see package locale).
	Title    string   `yaml:"title"`
	Practice Practice `yaml:"practice"`
	// Staff lists who may review entries.
	Staff []Staff `yaml:"staff"`
	// Platforms holds each social platform's settings.
	Platforms Platforms `yaml:"platforms"`
	// UTM sets the campaign parameters of post links.
	UTM UTM `yaml:"utm"`
	// Schedule sets when posts go out.
	Schedule Schedule `yaml:"schedule"`
	// Checks configure the compliance checks.
	Checks Checks `yaml:"checks"`
	// Theme sets the share cards' colours.
	Theme Theme `yaml:"theme"`
	// Paths sets where pages go below base_url.
	Paths Paths `yaml:"paths"`
	// Replies sets the staff's replies to comments, by situation.
	Replies Replies `yaml:"replies"`
	// Messages overrides the messages faqcast writes, by language: a
	// mapping of language tags to mappings of message keys to texts, read
	// by package locale.
	Messages *yaml.Node `yaml:"messages"`

	Pos decode.Positions `yaml:"-"`

	// Path is where the config was read from, for diagnostics.
	Path string `yaml:"-"`
	// Base is BaseURL parsed.
	Base *url.URL `yaml:"-"`
}

// A Practice describes the practice the site speaks for.
type Practice struct {
	// Kind is the kind of practice (see [Kinds]); "" is "medical".
	Kind       string  `yaml:"kind"`
	Name       string  `yaml:"name"`
	Phone      string  `yaml:"phone"`
	Fax        string  `yaml:"fax"`
	Email      string  `yaml:"email"`
	Address    Address `yaml:"address"`
	BookingURL string  `yaml:"booking_url"`
	// PortalURL is the patient portal's address, where patients message
	// the care team, ask for refills and see bills and records.
	PortalURL string `yaml:"portal_url"`
	// Hours is a short plain-text statement of opening hours.
	Hours string `yaml:"hours"`

	Pos decode.Positions `yaml:"-"`
}

// An Address is a postal address.
type Address struct {
	Street     string `yaml:"street"`
	City       string `yaml:"city"`
	Region     string `yaml:"region"`
	PostalCode string `yaml:"postal_code"`
	Country    string `yaml:"country"`

	Pos decode.Positions `yaml:"-"`
}

// A Staff member may review entries.
type Staff struct {
	ID           string `yaml:"id"`
	Name         string `yaml:"name"`
	Credentials  string `yaml:"credentials"`
	Role         string `yaml:"role"`
	HIPAATrained bool   `yaml:"hipaa_trained"`

	Pos decode.Positions `yaml:"-"`
}

// Load reads and checks the config file at the root of the site in dir.
// All problems are returned together, as [*diag.Error] values joined by
// [diag.Join].
func Load(dir string) (*Config, error) {
	path := filepath.Join(dir, FileName)
	display := filepath.ToSlash(path)
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, diag.Errorf(display, diag.Pos{}, "no config file").
			WithHint("run 'faqcast init DIR' to start a site, or pass --source with the site's folder")
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the diagnostic names the file already
		}
		return nil, diag.Errorf(display, diag.Pos{}, "cannot read config: %w", err).
			WithHint("check that %s is a file and that its permissions let you read it", FileName)
	}
	return Parse(display, data)
}

// Parse decodes and checks config data read from path.
func Parse(path string, data []byte) (*Config, error) {
	c := &Config{Path: path, Digest: sha256.Sum256(data)}
	if err := decode.YAML(path, normalize(data), 1, c); err != nil {
		// Give every problem a hint, also those decode leaves without one.
		for _, e := range diag.Flatten(err) {
			if de, ok := e.(*diag.Error); ok && de.Hint == "" {
				de.Hint = `check the config here; the keys and the values they take are in README.md, "Config reference"`
			}
		}
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// normalize drops a UTF-8 byte order mark and turns CRLF and CR line
// endings into LF.
func normalize(data []byte) []byte {
	data = []byte(strings.TrimPrefix(string(data), "\ufeff"))
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return []byte(strings.ReplaceAll(s, "\r", "\n"))
}

var (
	languageRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
	// staffIDRE matches a staff id, and folderRE a folder that
	// paths.entries may name: the same lower-case names.
	staffIDRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	folderRE  = staffIDRE
)

// check validates the decoded values and fills derived fields.
func (c *Config) check() error {
	var errs []error
	bad := func(pos diag.Pos, hint, format string, args ...any) {
		errs = append(errs, diag.Errorf(c.Path, pos, format, args...).WithHint("%s", hint))
	}
	whole := diag.Pos{Line: 1, Col: 1}
	// at returns the position of key in p, or else def, or else the top of
	// the file.
	at := func(p decode.Positions, key string, def ...diag.Pos) diag.Pos {
		if pos, ok := p[key]; ok {
			return pos
		}
		if len(def) > 0 {
			return def[0]
		}
		return whole
	}

	switch u, err := url.Parse(c.BaseURL); {
	case c.BaseURL == "":
		bad(whole, "add a line such as: base_url: https://www.example.com/", "base_url is required")
	case err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "":
		bad(at(c.Pos, "base_url"), "write the site's full address, such as https://www.example.com/", "base_url %q is not an absolute http(s) URL", c.BaseURL)
	default:
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
			if u.RawPath != "" { // keep escapes such as %2F as written
				u.RawPath += "/"
			}
		}
		c.Base = u
		c.BaseURL = u.String()
	}

	c.checkPaths(bad)
	c.checkReplies(bad)
	if k := c.Practice.Kind; k != "" {
		if _, ok := LookupKind(k); !ok {
			bad(at(c.Practice.Pos, "kind"), KindHint(k), "practice.kind %q is not a kind of practice", k)
		}
	}

	if c.Language == "" {
		c.Language = "en"
	} else if !languageRE.MatchString(c.Language) {
		bad(at(c.Pos, "language"), "use a language tag such as en, es or en-US", "language %q is not a language tag", c.Language)
	}
	p := &c.Practice
	if strings.TrimSpace(p.Name) == "" {
		bad(at(p.Pos, "name", at(c.Pos, "practice")), "add practice: {name: ...} with the practice's public name", "practice.name is required")
	}
	if p.Phone == "" {
		bad(at(p.Pos, "phone", at(c.Pos, "practice")), "add practice.phone; every page offers a call link", "practice.phone is required")
	} else if n := len(Digits(p.Phone)); n < 7 || n > 15 {
		bad(at(p.Pos, "phone"), `write it as patients dial it, such as "(555) 010-0100" or "+1 555 010 0100"`, "practice.phone %q is not a phone number", p.Phone)
	}
	if p.Fax != "" {
		if n := len(Digits(p.Fax)); n < 7 || n > 15 {
			bad(at(p.Pos, "fax"), `write it such as "(555) 010-0101"`, "practice.fax %q is not a phone number", p.Fax)
		}
	}
	if p.Email != "" {
		if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
			bad(at(p.Pos, "email"), "write a bare address such as hello@example.com", "practice.email %q is not an email address", p.Email)
		}
	}
	if p.BookingURL != "" {
		if u, err := url.Parse(p.BookingURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			bad(at(p.Pos, "booking_url"), "write the full address of the booking page, such as https://www.example.com/book", "practice.booking_url %q is not an absolute http(s) URL", p.BookingURL)
		}
	}
	if p.PortalURL != "" {
		if u, err := url.Parse(p.PortalURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			bad(at(p.Pos, "portal_url"), "write the full address of the patient portal, such as https://portal.example.com/", "practice.portal_url %q is not an absolute http(s) URL", p.PortalURL)
		}
	}

	seen := map[string]diag.Pos{} // where each staff id was first given
	for i := range c.Staff {
		s := &c.Staff[i]
		// A missing key is reported at the member's first key, so that the
		// message points at the right member.
		pos := func(key string) diag.Pos {
			return at(s.Pos, key, s.Pos.First(at(c.Pos, "staff")))
		}
		who := fmt.Sprintf("staff %q", s.ID)
		if s.ID == "" {
			who = fmt.Sprintf("staff[%d]", i)
		}
		first, dup := seen[s.ID]
		switch {
		case s.ID == "":
			bad(pos("id"), "give every staff member a short id such as alopez", "staff[%d].id is required", i)
		case !staffIDRE.MatchString(s.ID):
			bad(pos("id"), "use lowercase letters, digits, - and _", "staff id %q is not valid", s.ID)
		case dup:
			bad(pos("id"), "every staff id must be unique", "staff id %q is used twice (first on line %d)", s.ID, first.Line)
		default:
			seen[s.ID] = pos("id")
		}
		if strings.TrimSpace(s.Name) == "" {
			bad(pos("name"), "add the name patients see in \"Medically reviewed by\"", "%s has no name", who)
		}
		if strings.TrimSpace(s.Role) == "" {
			bad(pos("role"), "add a role such as physician, np, pa, rn, pharmacist or office_manager", "%s has no role", who)
		}
	}
	c.checkSocial(bad, at)
	c.checkSchedule(bad, at)
	c.checkChecks(bad, at)
	c.checkTheme(bad, at)
	return diag.Join(errs...)
}

// StaffByID returns the staff member with the given id, or nil.
func (c *Config) StaffByID(id string) *Staff {
	i := slices.IndexFunc(c.Staff, func(s Staff) bool { return s.ID == id })
	if i < 0 {
		return nil
	}
	return &c.Staff[i]
}

// StaffIDs returns the ids of all staff, in config order.
func (c *Config) StaffIDs() []string {
	ids := make([]string, len(c.Staff))
	for i, s := range c.Staff {
		ids[i] = s.ID
	}
	return ids
}

// Digits returns the decimal digits of s, in order.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TelURL returns a tel: URL for a phone number as written in the config.
// Ten-digit numbers are taken as North American and get the +1 prefix; an
// extension ("ext. 22", "x22") is left out, since it is dialled later.
func TelURL(phone string) string {
	// An extension ("ext. 22", "x22") is dialled after the call connects.
	lower := strings.ToLower(phone)
	for _, mark := range []string{"ext", "x", "#"} {
		if i := strings.Index(lower, mark); i > 0 {
			phone = phone[:i]
			break
		}
	}
	d := Digits(phone)
	switch {
	case strings.HasPrefix(strings.TrimSpace(phone), "+"):
		return "tel:+" + d
	case len(d) == 10:
		return "tel:+1" + d
	case len(d) == 11 && d[0] == '1':
		return "tel:+" + d
	}
	return "tel:" + d
}
