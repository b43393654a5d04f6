package decode

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestScalars(t *testing.T) {
	type scalars struct {
		I   int      `yaml:"i"`
		I8  int8     `yaml:"i8"`
		I64 int64    `yaml:"i64"`
		U8  uint8    `yaml:"u8"`
		U64 uint64   `yaml:"u64"`
		F   float64  `yaml:"f"`
		F32 float32  `yaml:"f32"`
		B   bool     `yaml:"b"`
		S   string   `yaml:"s"`
		M   string   `yaml:"m" text:"multiline"`
		PI  *int     `yaml:"pi"`
		PS  *string  `yaml:"ps"`
		L   []int    `yaml:"l"`
		T   []string `yaml:"t"`
	}
	for _, c := range []struct {
		src, want string
	}{
		{"i: 42", "I=42"},
		{"i: -0x10", "I=-16"},
		{"i: 0o17", "I=15"},
		{"i: 0b101", "I=5"},
		{"i: 1_000", "I=1000"},
		{"i: +5", "I=5"},
		{"i: 1e3", "I=1000"},
		{"i: 3.0", "I=3"},
		{"i: 2.5", `f:2:4: i: expected a whole number, found "2.5" [write a whole number without quotes, such as 3]`},
		{"i: .inf", `f:2:4: i: expected a whole number, found ".inf" [write a whole number without quotes, such as 3]`},
		{"i: 1e30", `f:2:4: i: 1e30 is out of range (-9223372036854775808 to 9223372036854775807) [use a smaller number]`},
		{"i: true", `f:2:4: i: expected a whole number, found "true" [write a whole number without quotes, such as 3]`},
		{"i: !!int abc", `f:2:4: i: expected a whole number, found "abc" [write a whole number without quotes, such as 3]`},
		{"i64: 9223372036854775807", "I64=9223372036854775807"},
		{"i64: 9223372036854775808", `f:2:6: i64: 9223372036854775808 is out of range (-9223372036854775808 to 9223372036854775807) [use a smaller number]`},
		{"i8: -128", "I8=-128"},
		{"i8: -129", `f:2:5: i8: -129 is out of range (-128 to 127) [use a smaller number]`},
		{"u8: 255", "U8=255"},
		{"u8: 256", `f:2:5: u8: 256 is out of range (0 to 255) [use a smaller number]`},
		{"u8: -1", `f:2:5: u8: -1 is out of range (0 to 255) [use a smaller number]`},
		{"u8: +7", "U8=7"},
		{"u8: 2.0", "U8=2"},
		{"u64: 18446744073709551615", "U64=18446744073709551615"},
		{"u64: 18446744073709551616", `f:2:6: u64: 18446744073709551616 is out of range (0 to 18446744073709551615) [use a smaller number]`},
		{"f: 1.5", "F=1.5"},
		{"f: 7", "F=7"},
		{"f: 0x10", "F=16"},
		{"f: 1_000.5", "F=1000.5"},
		{"f: -.inf", "F=-Inf"},
		{"f: .NaN", "F=NaN"},
		{"f: 1e400", `f:2:4: f: expected a number, found "1e400" [write a number without quotes, such as 2.5]`}, // not a float to yaml.v3
		{"f: one", `f:2:4: f: expected a number, found "one" [write a number without quotes, such as 2.5]`},
		{"f32: 1e39", `f:2:6: f32: 1e39 is out of range [use a smaller number]`},
		{"f32: 0.5", "F32=0.5"},
		{"b: true", "B=true"},
		{"b: False", "B=false"},
		{"b: yes", "B=true"},
		{"b: Off", "B=false"},
		{"b: 1", `f:2:4: b: expected true or false, found "1" [write true or false, without quotes]`},
		{"s: 42", "S=42"},
		{"s: true", "S=true"},
		{"s: 2026-12-07", "S=2026-12-07"},
		{"s: 'quoted'", "S=quoted"},
		{"m: |\n  block\n  text", "M=block\ntext"},
		{"s: |\n  block\n  text", `f:2:4: s: expected one line of text, found a line break [write it on one line, after the key, without | or >]`},
		{"s: ~", "S="},
		{"s:", "S="},
		{"s: {a: 1}", `f:2:4: s: expected text, found a mapping [write the text after the key, in quotes if it holds ": " or " #"]`},
		{"pi: 3", "PI=3"},
		{"pi: ~", "PI=<nil>"},
		{"pi: x", `f:2:5: pi: expected a whole number, found "x" [write a whole number without quotes, such as 3]`},
		{"ps: x", "PS=x"},
		{"l: [1, x, 3]", `f:2:8: l[1]: expected a whole number, found "x" [write a whole number without quotes, such as 3]`},
		{"l: []", "L=[]"},
		{"t: ~", "T=[]"},
		{"t: [a, ~, c]", "T=[a  c]"},
		{"t: a", `f:2:4: t: expected a list, found a string [write it as [a, b] or one "- item" per line]`},
		{"t: 1", `f:2:4: t: expected a list, found a number [write it as [a, b] or one "- item" per line]`},
		{"t: {a: b}", `f:2:4: t: expected a list, found a mapping [write it as [a, b] or one "- item" per line]`},
		{`t: "long text that goes on and on and on and on and on and on"`,
			`f:2:4: t: expected a list, found a string [write it as [a, b] or one "- item" per line]`},
		{`i: "long text that goes on and on and on and on and on and on"`,
			`f:2:4: i: expected a whole number, found "long text that goes on and on and on and..." [write a whole number without quotes, such as 3]`},
	} {
		var v scalars
		err := YAML("f", []byte(c.src), 2, &v)
		got := strings.Join(messages(err), "\n")
		if err == nil {
			got = fieldByKey(v, strings.SplitN(c.src, ":", 2)[0])
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}

// fieldByKey formats the field of struct v that key sets, as "Name=value".
func fieldByKey(v any, key string) string {
	rv := reflect.ValueOf(v)
	for i := range rv.NumField() {
		if rv.Type().Field(i).Tag.Get("yaml") != key {
			continue
		}
		f := rv.Field(i)
		if f.Kind() == reflect.Pointer && !f.IsNil() {
			f = f.Elem()
		}
		return fmt.Sprintf("%s=%v", rv.Type().Field(i).Name, f)
	}
	return "no field for " + key
}

func TestParseTime(t *testing.T) {
	cst := time.FixedZone("", -6*3600)
	for _, c := range []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2026-12-07", time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), true},
		{"2026-12-07T09:30:00-06:00", time.Date(2026, 12, 7, 9, 30, 0, 0, cst), true},
		{"2026-12-07T09:30:00Z", time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), true},
		{"2026-12-07t09:30:00z", time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), true},
		{"2026-12-07T09:30:00.25+01:00", time.Date(2026, 12, 7, 9, 30, 0, 250e6, time.FixedZone("", 3600)), true},
		{"2026-12-07T09:30:00", time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), true},
		{"2026-12-07 09:30:00", time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), true},
		{"2026-12-07 09:30", time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC), true},
		{"2026-12-07T09:30-06:00", time.Date(2026, 12, 7, 9, 30, 0, 0, cst), true},
		{"2026-1-7", time.Date(2026, 1, 7, 0, 0, 0, 0, time.UTC), true},
		{"12/07/2026", time.Time{}, false},
		{"2026-13-01", time.Time{}, false},
		{"2026-12-07 09:30 extra", time.Time{}, false},
		{"09:30:00", time.Time{}, false},
		{"", time.Time{}, false},
	} {
		got, ok := parseTime(c.in)
		if ok != c.ok || !got.Equal(c.want) {
			t.Errorf("parseTime(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
			continue
		}
		if _, off := got.Zone(); ok && off != func() int { _, o := c.want.Zone(); return o }() {
			t.Errorf("parseTime(%q) has offset %d", c.in, off)
		}
	}
}
