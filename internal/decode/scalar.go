package decode

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// dateHint is the hint given with every bad date.
const dateHint = "write dates as 2026-12-07 or 2026-12-07T09:30:00-06:00"

// scalar decodes scalar n into v, a string, bool, integer or float.
func (d *decoder) scalar(n *yaml.Node, v reflect.Value, where *keyPath) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, where, "expected %s, found %s", expected(v.Type()), KindOf(n)).WithHint("%s", hintFor(v.Type()))
		return
	}
	tag := n.ShortTag()
	switch v.Kind() {
	case reflect.String:
		d.text(n, n.Value, d.multiline, false, where)
		v.SetString(n.Value)
	case reflect.Bool:
		b, ok := parseBool(tag, n.Value)
		if !ok {
			d.mismatch(n, v, where)
			return
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		i, err := parseInt(tag, n.Value)
		switch {
		case errors.Is(err, strconv.ErrRange) || err == nil && v.OverflowInt(i):
			bits := v.Type().Bits()
			d.errorf(n, where, "%s is out of range (%d to %d)", n.Value, int64(-1)<<(bits-1), uint64(1)<<(bits-1)-1).
				WithHint("use a smaller number")
		case err != nil:
			d.mismatch(n, v, where)
		default:
			v.SetInt(i)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		u, err := parseUint(tag, n.Value)
		switch {
		case errors.Is(err, strconv.ErrRange) || err == nil && v.OverflowUint(u):
			d.errorf(n, where, "%s is out of range (0 to %d)", n.Value, uint64(math.MaxUint64)>>(64-v.Type().Bits())).
				WithHint("use a smaller number")
		case err != nil:
			d.mismatch(n, v, where)
		default:
			v.SetUint(u)
		}
	case reflect.Float32, reflect.Float64:
		f, err := parseFloat(tag, n.Value)
		switch {
		case errors.Is(err, strconv.ErrRange) || err == nil && v.OverflowFloat(f):
			d.errorf(n, where, "%s is out of range", n.Value).WithHint("use a smaller number")
		case err != nil:
			d.mismatch(n, v, where)
		default:
			v.SetFloat(f)
		}
	}
}

// mismatch reports that scalar n cannot be decoded into v.
func (d *decoder) mismatch(n *yaml.Node, v reflect.Value, where *keyPath) {
	d.errorf(n, where, "expected %s, found %s", expected(v.Type()), quote(n.Value)).WithHint("%s", hintFor(v.Type()))
}

// hintFor tells how to write a value of type t.
func hintFor(t reflect.Type) string {
	if t == timeType {
		return dateHint
	}
	switch t.Kind() {
	case reflect.String:
		return `write the text after the key, in quotes if it holds ": " or " #"`
	case reflect.Bool:
		return "write true or false, without quotes"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "write a whole number without quotes, such as 3"
	case reflect.Float32, reflect.Float64:
		return "write a number without quotes, such as 2.5"
	case reflect.Slice:
		return `write it as [a, b] or one "- item" per line`
	case reflect.Pointer:
		return hintFor(t.Elem())
	}
	return "write it as key: value pairs, indented under this key"
}

// date decodes n into v, a time.Time.
func (d *decoder) date(n *yaml.Node, v reflect.Value, where *keyPath) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, where, "expected a date, found %s", KindOf(n)).WithHint(dateHint)
		return
	}
	t, ok := parseTime(n.Value)
	if !ok {
		d.errorf(n, where, "%s is not a date", quote(n.Value)).WithHint(dateHint)
		return
	}
	v.Set(reflect.ValueOf(t))
}

// expected describes the values that type t accepts, as in "expected a
// whole number".
func expected(t reflect.Type) string {
	if t == timeType {
		return "a date"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list"
	case reflect.Pointer:
		return expected(t.Elem())
	}
	return "a mapping of keys to values"
}

// quote returns s quoted for a message, shortened if it is long.
func quote(s string) string {
	const limit = 40
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit]) + "..."
	}
	return strconv.Quote(s)
}

// parseBool returns the boolean that a scalar with the given tag and value
// holds. As in yaml.v3, the YAML 1.1 words yes, no, on, off, y and n are
// accepted as strings.
func parseBool(tag, s string) (bool, bool) {
	switch tag {
	case "!!bool":
		switch s {
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		}
	case "!!str":
		switch s {
		case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON":
			return true, true
		case "n", "N", "no", "No", "NO", "off", "Off", "OFF":
			return false, true
		}
	}
	return false, false
}

// errNotNumber is returned when a scalar does not hold a number of the kind
// wanted.
var errNotNumber = errors.New("not a number")

// parseInt returns the integer that a scalar with the given tag and value
// holds. It accepts what yaml.v3 accepts: underscores between digits,
// 0x, 0o and 0b prefixes, and floats that are whole numbers.
func parseInt(tag, s string) (int64, error) {
	switch tag {
	case "!!int":
		i, err := strconv.ParseInt(strings.ReplaceAll(s, "_", ""), 0, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			if _, uerr := parseUint(tag, s); uerr == nil {
				return 0, strconv.ErrRange // a uint64 beyond int64
			}
			return 0, errNotNumber
		}
		return i, err
	case "!!float":
		f, err := parseFloat(tag, s)
		switch {
		case err != nil:
			return 0, err
		case f != math.Trunc(f) || math.IsInf(f, 0):
			return 0, errNotNumber
		case f < math.MinInt64 || f >= math.MaxInt64:
			return 0, strconv.ErrRange
		}
		return int64(f), nil
	}
	return 0, errNotNumber
}

// parseUint is parseInt for unsigned integers; negative numbers are out of
// range.
func parseUint(tag, s string) (uint64, error) {
	switch tag {
	case "!!int":
		plain := strings.TrimPrefix(strings.ReplaceAll(s, "_", ""), "+")
		if strings.HasPrefix(plain, "-") {
			if _, err := strconv.ParseInt(plain, 0, 64); err == nil {
				return 0, strconv.ErrRange
			}
			return 0, errNotNumber
		}
		u, err := strconv.ParseUint(plain, 0, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, errNotNumber
		}
		return u, err
	case "!!float":
		f, err := parseFloat(tag, s)
		switch {
		case err != nil:
			return 0, err
		case f != math.Trunc(f) || math.IsInf(f, 0):
			return 0, errNotNumber
		case f < 0 || f >= math.MaxUint64:
			return 0, strconv.ErrRange
		}
		return uint64(f), nil
	}
	return 0, errNotNumber
}

// parseFloat returns the number that a scalar with the given tag and value
// holds, accepting YAML's .inf and .nan and underscores between digits.
func parseFloat(tag, s string) (float64, error) {
	switch tag {
	case "!!int":
		plain := strings.ReplaceAll(s, "_", "")
		if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
			return float64(i), nil
		}
		if u, err := strconv.ParseUint(strings.TrimPrefix(plain, "+"), 0, 64); err == nil {
			return float64(u), nil
		}
		f, err := strconv.ParseFloat(plain, 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, errNotNumber
		}
		return f, err
	case "!!float":
		switch s {
		case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
			return math.Inf(1), nil
		case "-.inf", "-.Inf", "-.INF":
			return math.Inf(-1), nil
		case ".nan", ".NaN", ".NAN":
			return math.NaN(), nil
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return 0, errNotNumber
		}
		return f, err
	}
	return 0, errNotNumber
}

// parseTime parses s as a date, a date and time with a zone offset, or a
// date and local time. Dates stand for midnight UTC and local times for the
// same wall time in UTC.
func parseTime(s string) (time.Time, bool) {
	if i := strings.IndexAny(s, " t"); i >= 8 && i <= 10 && strings.Count(s, " ") <= 1 {
		s = s[:i] + "T" + s[i+1:]
	}
	if strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	// The forms accepted once a 't' or ' ' between date and time is turned
	// into 'T' and a final 'z' into 'Z'. The last ones are those yaml.v3
	// accepts as timestamps.
	layouts := [...]string{
		"2006-01-02",
		time.RFC3339Nano,
		"2006-01-02T15:04:05.999999999",
		"2006-01-02T15:04Z07:00",
		"2006-01-02T15:04",
		"2006-1-2",
		"2006-1-2T15:4:5.999999999Z07:00",
		"2006-1-2T15:4:5.999999999",
	}
	for _, layout := range layouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
