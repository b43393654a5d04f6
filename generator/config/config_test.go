package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/faqcast/faqcast/generator/config"
	"github.com/faqcast/faqcast/internal/diag"
)

// diags fails t unless err joins only *diag.Errors that each have a hint,
// and returns their Error() texts and hints.
func diags(t *testing.T, err error) (msgs, hints []string) {
	t.Helper()
	for _, e := range diag.Flatten(err) {
		var de *diag.Error
		if !errors.As(e, &de) {
			t.Errorf("%v (%T) is not a *diag.Error", e, e)
			continue
		}
		if de.Hint == "" {
			t.Errorf("%v: no hint", de)
		}
		msgs = append(msgs, de.Error())
		hints = append(hints, de.Hint)
	}
	return msgs, hints
}

func TestParseExample(t *testing.T) {
	data, err := os.ReadFile("../../faqcast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse("faqcast.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	if c.Base == nil || c.Base.String() != "https://riverbend.example/" {
		t.Errorf("Base = %v", c.Base)
	}
	c.Base = nil
	if c.Digest == [32]byte{} {
		t.Error("Digest not set")
	}
	c.Digest = [32]byte{}
	// The social settings and the schedule are checked in social_test.go
	// and schedule_test.go.
	c.Platforms, c.UTM, c.Schedule, c.Theme = config.Platforms{}, config.UTM{}, config.Schedule{}, config.Theme{}
	for _, p := range []*config.Config{c} {
		p.Pos = nil
		p.Practice.Pos = nil
		p.Practice.Address.Pos = nil
		for i := range p.Staff {
			p.Staff[i].Pos = nil
		}
	}
	want := &config.Config{
		Path:     "faqcast.yaml",
		BaseURL:  "https://riverbend.example/",
		Language: "en",
		Title:    "Patient questions, answered",
		Practice: config.Practice{
			Name:  "Riverbend Family Medicine",
			Phone: "(555) 010-0100",
			Fax:   "(555) 010-0101",
			Email: "hello@riverbend.example",
			Address: config.Address{
				Street: "100 River Rd", City: "Springfield", Region: "IL", PostalCode: "62701", Country: "US",
			},
			BookingURL: "https://riverbend.example/book",
			PortalURL:  "https://riverbend.example/portal",
			Hours:      "Monday to Friday, 8 a.m. to 5 p.m.",
		},
		Staff: []config.Staff{
			{ID: "alopez", Name: "Ana Lopez", Credentials: "MD", Role: "physician", HIPAATrained: true},
			{ID: "bokafor", Name: "Ben Okafor", Credentials: "DNP, FNP-C", Role: "np", HIPAATrained: true},
			{ID: "cnguyen", Name: "Chris Nguyen", Credentials: "PharmD", Role: "pharmacist", HIPAATrained: true},
			{ID: "dreyes", Name: "Dana Reyes", Credentials: "RN", Role: "rn", HIPAATrained: true},
			{ID: "ewright", Name: "Elle Wright", Role: "office_manager", HIPAATrained: true},
		},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("config:\n%+v\nwant:\n%+v", c, want)
	}
	if got := c.StaffIDs(); !reflect.DeepEqual(got, []string{"alopez", "bokafor", "cnguyen", "dreyes", "ewright"}) {
		t.Errorf("StaffIDs = %q", got)
	}
	if s := c.StaffByID("cnguyen"); s == nil || s.Name != "Chris Nguyen" {
		t.Errorf("StaffByID(cnguyen) = %+v", s)
	}
	if s := c.StaffByID("nobody"); s != nil {
		t.Errorf("StaffByID(nobody) = %+v, want nil", s)
	}
}

func TestParsePositions(t *testing.T) {
	data, err := os.ReadFile("../../faqcast.yaml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := config.Parse("faqcast.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		what string
		got  diag.Pos
		want string
	}{
		{"base_url", c.Pos["base_url"], "3:11"},
		{"practice", c.Pos["practice"], "7:3"},
		{"practice.phone", c.Practice.Pos["phone"], "8:10"},
		{"practice.address.city", c.Practice.Address.Pos["city"], "13:11"},
		{"staff", c.Pos["staff"], "21:3"},
		{"staff[1].id", c.Staff[1].Pos["id"], "22:10"},
		{"staff[4].role", c.Staff[4].Pos["role"], "25:44"},
	} {
		if tc.got.String() != tc.want {
			t.Errorf("%s at %s, want %s", tc.what, tc.got, tc.want)
		}
	}
}

// minimal is a config with only the required keys.
const minimal = "base_url: https://x.example/sub\npractice: {name: X Clinic, phone: \"555 0100\"}\n"

func TestParseGood(t *testing.T) {
	for _, tc := range []struct {
		name, src       string
		base, lang, tit string
	}{
		{"defaults", minimal, "https://x.example/sub/", "en", ""},
		{"base without a path", "base_url: https://x.example\npractice: {name: X, phone: '5550100'}\n",
			"https://x.example/", "en", ""},
		{"http base with a port", "base_url: http://localhost:1313/a/b\npractice: {name: X, phone: '5550100'}\n",
			"http://localhost:1313/a/b/", "en", ""},
		{"escaped base path", "base_url: https://x.example/a%2Fb\npractice: {name: X, phone: '5550100'}\n",
			"https://x.example/a%2Fb/", "en", ""},
		{"language and title", "language: es-MX\ntitle: Preguntas\n" + minimal,
			"https://x.example/sub/", "es-MX", "Preguntas"},
		{"bom and crlf", "\ufeffbase_url: https://x.example/\r\npractice:\r\n  name: X\r\n  phone: \"(555) 010-0100\"\r\n",
			"https://x.example/", "en", ""},
		{"lone cr", "base_url: https://x.example/\rpractice:\r  name: X\r  phone: \"(555) 010-0100\"\r",
			"https://x.example/", "en", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Parse("faqcast.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			if c.BaseURL != tc.base || c.Base.String() != tc.base {
				t.Errorf("BaseURL = %q, Base = %v; want %q", c.BaseURL, c.Base, tc.base)
			}
			if c.Language != tc.lang || c.Title != tc.tit {
				t.Errorf("Language, Title = %q, %q; want %q, %q", c.Language, c.Title, tc.lang, tc.tit)
			}
		})
	}
}

func TestParseBad(t *testing.T) {
	const practice = "practice: {name: X, phone: '5550100'}\n"
	const base = "base_url: https://x.example/\n"
	for _, tc := range []struct {
		name  string
		src   string
		want  []string // Error() of every problem, in order
		hints []string // when set, the hint of each problem
	}{
		{name: "empty", src: "",
			want: []string{
				"faqcast.yaml:1:1: base_url is required",
				"faqcast.yaml:1:1: practice.name is required",
				"faqcast.yaml:1:1: practice.phone is required",
			},
			hints: []string{
				"add a line such as: base_url: https://www.example.com/",
				"add practice: {name: ...} with the practice's public name",
				"add practice.phone; every page offers a call link",
			}},
		{name: "missing base_url", src: "title: T\n" + practice,
			want:  []string{"faqcast.yaml:1:1: base_url is required"},
			hints: []string{"add a line such as: base_url: https://www.example.com/"}},
		{name: "relative base_url", src: "base_url: /site/\n" + practice,
			want:  []string{`faqcast.yaml:1:11: base_url "/site/" is not an absolute http(s) URL`},
			hints: []string{"write the site's full address, such as https://www.example.com/"}},
		{name: "ftp base_url", src: "base_url: ftp://x.example/\n" + practice,
			want: []string{`faqcast.yaml:1:11: base_url "ftp://x.example/" is not an absolute http(s) URL`}},
		{name: "base_url without a host", src: "base_url: 'https:///site/'\n" + practice,
			want: []string{`faqcast.yaml:1:11: base_url "https:///site/" is not an absolute http(s) URL`}},
		{name: "base_url with a query", src: "base_url: https://x.example/?lang=en\n" + practice,
			want: []string{`faqcast.yaml:1:11: base_url "https://x.example/?lang=en" is not an absolute http(s) URL`}},
		{name: "base_url that does not parse", src: "base_url: 'https://x.example/%zz'\n" + practice,
			want: []string{`faqcast.yaml:1:11: base_url "https://x.example/%zz" is not an absolute http(s) URL`}},
		{name: "bad language tag", src: base + "language: english\n" + practice,
			want:  []string{`faqcast.yaml:2:11: language "english" is not a language tag`},
			hints: []string{"use a language tag such as en, es or en-US"}},
		{name: "language with an underscore", src: base + "language: en_US\n" + practice,
			want: []string{`faqcast.yaml:2:11: language "en_US" is not a language tag`}},
		{name: "missing practice name and phone", src: base + "practice:\n  fax: '5550101'\n",
			want: []string{
				"faqcast.yaml:3:3: practice.name is required",
				"faqcast.yaml:3:3: practice.phone is required",
			}},
		{name: "blank practice name", src: base + "practice:\n  name: '  '\n  phone: '5550100'\n",
			want: []string{"faqcast.yaml:3:9: practice.name is required"}},
		{name: "phone too short", src: base + "practice: {name: X, phone: '12-34'}\n",
			want:  []string{`faqcast.yaml:2:28: practice.phone "12-34" is not a phone number`},
			hints: []string{`write it as patients dial it, such as "(555) 010-0100" or "+1 555 010 0100"`}},
		{name: "phone too long", src: base + "practice: {name: X, phone: '+1 555 010 0100 0100 00'}\n",
			want: []string{`faqcast.yaml:2:28: practice.phone "+1 555 010 0100 0100 00" is not a phone number`}},
		{name: "phone without digits", src: base + "practice: {name: X, phone: call us}\n",
			want: []string{`faqcast.yaml:2:28: practice.phone "call us" is not a phone number`}},
		{name: "bad fax", src: base + "practice: {name: X, phone: '5550100', fax: '0'}\n",
			want:  []string{`faqcast.yaml:2:44: practice.fax "0" is not a phone number`},
			hints: []string{`write it such as "(555) 010-0101"`}},
		{name: "bad email", src: base + "practice: {name: X, phone: '5550100', email: not-an-address}\n",
			want:  []string{`faqcast.yaml:2:46: practice.email "not-an-address" is not an email address`},
			hints: []string{"write a bare address such as hello@example.com"}},
		{name: "email with a name", src: base + "practice: {name: X, phone: '5550100', email: 'Front Desk <hello@x.example>'}\n",
			want: []string{`faqcast.yaml:2:46: practice.email "Front Desk <hello@x.example>" is not an email address`}},
		{name: "relative booking_url", src: base + "practice: {name: X, phone: '5550100', booking_url: /book}\n",
			want:  []string{`faqcast.yaml:2:52: practice.booking_url "/book" is not an absolute http(s) URL`},
			hints: []string{"write the full address of the booking page, such as https://www.example.com/book"}},
		{name: "staff id missing", src: base + practice + "staff:\n  - {id: a, name: A, role: rn}\n  - {name: B, role: np}\n",
			want:  []string{"faqcast.yaml:5:12: staff[1].id is required"},
			hints: []string{"give every staff member a short id such as alopez"}},
		{name: "staff id invalid", src: base + practice + "staff:\n  - {id: Ana Lopez, name: A, role: rn}\n  - {id: -x, name: B, role: np}\n",
			want: []string{
				`faqcast.yaml:4:10: staff id "Ana Lopez" is not valid`,
				`faqcast.yaml:5:10: staff id "-x" is not valid`,
			},
			hints: []string{"use lowercase letters, digits, - and _", "use lowercase letters, digits, - and _"}},
		{name: "staff id twice", src: base + practice + "staff:\n  - {id: ana, name: A, role: rn}\n  - {id: ben, name: B, role: np}\n  - id: ana\n    name: C\n    role: pa\n",
			want:  []string{`faqcast.yaml:6:9: staff id "ana" is used twice (first on line 4)`},
			hints: []string{"every staff id must be unique"}},
		{name: "staff without name or role", src: base + practice + "staff:\n  - {id: ana, name: A, role: rn}\n  - {id: ben}\n  - {id: cy, name: ' ', role: ''}\n",
			want: []string{
				`faqcast.yaml:5:10: staff "ben" has no name`,
				`faqcast.yaml:5:10: staff "ben" has no role`,
				`faqcast.yaml:6:20: staff "cy" has no name`,
				`faqcast.yaml:6:31: staff "cy" has no role`,
			},
			hints: []string{
				`add the name patients see in "Medically reviewed by"`,
				"add a role such as physician, np, pa, rn, pharmacist or office_manager",
				`add the name patients see in "Medically reviewed by"`,
				"add a role such as physician, np, pa, rn, pharmacist or office_manager",
			}},
		{name: "empty staff member", src: base + practice + "staff:\n  - {id: ana, name: A, role: rn}\n  - {}\n",
			want: []string{
				"faqcast.yaml:4:3: staff[1] has no name",
				"faqcast.yaml:4:3: staff[1] has no role",
				"faqcast.yaml:4:3: staff[1].id is required",
			}},
		{name: "unknown key", src: base + "practice: {name: X, phon: '5550100'}\n",
			want:  []string{`faqcast.yaml:2:21: practice: unknown key "phon"`},
			hints: []string{`did you mean "phone"?`}},
		{name: "unknown top-level key", src: base + "titel: T\n" + practice,
			want:  []string{`faqcast.yaml:2:1: unknown key "titel"`},
			hints: []string{`did you mean "title"?`}},
		{name: "unknown staff key", src: base + practice + "staff:\n  - {id: ana, nmae: A, role: rn}\n",
			want:  []string{`faqcast.yaml:4:15: staff[0]: unknown key "nmae"`},
			hints: []string{`did you mean "name"?`}},
		{name: "wrong types", src: base + "practice: Riverbend\nstaff: alopez\ntitle: [a]\n",
			want: []string{
				"faqcast.yaml:2:11: practice: expected a mapping of keys to values, found a string",
				"faqcast.yaml:3:8: staff: expected a list, found a string",
				"faqcast.yaml:4:8: title: expected text, found a list",
			}},
		{name: "wrong type in staff", src: base + practice + "staff:\n  - {id: ana, name: A, role: rn, hipaa_trained: sure}\n",
			want: []string{`faqcast.yaml:4:49: staff[0].hipaa_trained: expected true or false, found "sure"`}},
		{name: "bom and crlf keep positions", src: "\ufeffbase_url: https://x.example/\r\nlanguage: english\r\npractice:\r\n  name: X\r\n  phone: '1'\r\n",
			want: []string{
				`faqcast.yaml:2:11: language "english" is not a language tag`,
				`faqcast.yaml:5:10: practice.phone "1" is not a phone number`,
			}},
		{name: "lone cr keeps positions", src: "base_url: https://x.example/\rpractice:\r  name: X\r  phone: '1'\r",
			want: []string{`faqcast.yaml:4:10: practice.phone "1" is not a phone number`}},
		{name: "many problems", src: "base_url: x.example\nlanguage: '123'\npractice: {name: '', phone: '1', email: a@, booking_url: 'ftp://x'}\nstaff: [{id: A}]\n",
			want: []string{
				`faqcast.yaml:1:11: base_url "x.example" is not an absolute http(s) URL`,
				`faqcast.yaml:2:11: language "123" is not a language tag`,
				"faqcast.yaml:3:18: practice.name is required",
				`faqcast.yaml:3:29: practice.phone "1" is not a phone number`,
				`faqcast.yaml:3:41: practice.email "a@" is not an email address`,
				`faqcast.yaml:3:58: practice.booking_url "ftp://x" is not an absolute http(s) URL`,
				`faqcast.yaml:4:14: staff "A" has no name`,
				`faqcast.yaml:4:14: staff "A" has no role`,
				`faqcast.yaml:4:14: staff id "A" is not valid`,
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Parse("faqcast.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("Parse succeeded: %+v", c)
			}
			if c != nil {
				t.Error("Parse returned a config with its error")
			}
			msgs, hints := diags(t, err)
			if !reflect.DeepEqual(msgs, tc.want) {
				t.Errorf("errors:\n\t%s\nwant:\n\t%s", strings.Join(msgs, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
			if tc.hints != nil && !reflect.DeepEqual(hints, tc.hints) {
				t.Errorf("hints:\n\t%s\nwant:\n\t%s", strings.Join(hints, "\n\t"), strings.Join(tc.hints, "\n\t"))
			}
		})
	}
}

func TestLoad(t *testing.T) {
	t.Run("example", func(t *testing.T) {
		c, err := config.Load("../..")
		if err != nil {
			t.Fatal(err)
		}
		if c.Path != "../../faqcast.yaml" || c.Practice.Name != "Riverbend Family Medicine" {
			t.Errorf("Path %q, practice %q", c.Path, c.Practice.Name)
		}
	})
	t.Run("missing", func(t *testing.T) {
		dir := t.TempDir()
		_, err := config.Load(dir)
		msgs, hints := diags(t, err)
		want := filepath.ToSlash(filepath.Join(dir, "faqcast.yaml")) + ": no config file"
		if len(msgs) != 1 || msgs[0] != want {
			t.Fatalf("errors %q, want %q", msgs, want)
		}
		if hints[0] != "run 'faqcast init DIR' to start a site, or pass --source with the site's folder" {
			t.Errorf("hint = %q", hints[0])
		}
	})
	t.Run("a folder", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "faqcast.yaml"), 0o755); err != nil {
			t.Fatal(err)
		}
		_, err := config.Load(dir)
		msgs, _ := diags(t, err)
		want := filepath.ToSlash(filepath.Join(dir, "faqcast.yaml")) + ": cannot read config: "
		if len(msgs) != 1 || !strings.HasPrefix(msgs[0], want) || strings.Count(msgs[0], "faqcast.yaml") != 1 {
			t.Errorf("errors %q, want one starting %q that names the file once", msgs, want)
		}
	})
	t.Run("bad", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte("base_url: https://x.example/\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := config.Load(dir)
		msgs, _ := diags(t, err)
		p := filepath.ToSlash(filepath.Join(dir, "faqcast.yaml"))
		want := []string{p + ":1:1: practice.name is required", p + ":1:1: practice.phone is required"}
		if !reflect.DeepEqual(msgs, want) {
			t.Errorf("errors %q, want %q", msgs, want)
		}
	})
}

func TestDigits(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"(555) 010-0100", "5550100100"},
		{"+44 20 7946 0000", "442079460000"},
		{"1-555-010-0100", "15550100100"},
		{"555.010.0100 ext. 2", "55501001002"},
		{"call us", ""},
		{"", ""},
		{"٥٥٥", ""}, // only ASCII digits count
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := config.Digits(tc.in); got != tc.want {
				t.Errorf("Digits(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTelURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"(555) 010-0100", "tel:+15550100100"},
		{"555-010-0100", "tel:+15550100100"},
		{"+44 20 7946 0000", "tel:+442079460000"},
		{"1-555-010-0100", "tel:+15550100100"},
		{"+1 (555) 010-0100", "tel:+15550100100"},
		{"  +33 1 23 45 67 89", "tel:+33123456789"},
		{"010-0100", "tel:0100100"},
		{"2-555-010-0100", "tel:25550100100"},
		{"(555) 010-0100 ext. 22", "tel:+15550100100"},
		{"555-010-0100 x22", "tel:+15550100100"},
		{"+1 555 010 0100 #4", "tel:+15550100100"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := config.TelURL(tc.in); got != tc.want {
				t.Errorf("TelURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
