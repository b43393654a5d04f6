package decode

import (
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/faqcast/faqcast/internal/diag"
	"go.yaml.in/yaml/v3"
)

var (
	timeType      = reflect.TypeFor[time.Time]()
	positionsType = reflect.TypeFor[Positions]()
	nodeType      = reflect.TypeFor[*yaml.Node]()
)

// A structInfo describes how the keys of a mapping map onto the fields of a
// struct type.
type structInfo struct {
	fields    []field
	byKey     map[string]int // key name or alias → index in fields
	known     []string       // key names, sorted, for hints
	suggest   []string       // key names in field order, then aliases
	positions int            // index of the Positions field, or -1
}

// A field is one settable struct field and the key that sets it.
type field struct {
	name      string // the key name: the yaml tag name or the lowercased Go name
	index     int    // index of the field in its struct
	multiline bool   // its text may hold line breaks: tagged text:"multiline"
}

// checkType reports whether values of type t can be decoded, recording a
// structInfo for every struct type it meets. where names t for the error
// message, as a Go expression such as "Page.Image".
func (d *decoder) checkType(t reflect.Type, where string) *diag.Error {
	if t == timeType || t == nodeType || d.checked[t] {
		return nil
	}
	d.checked[t] = true // before the element types, so that recursive types end
	switch t.Kind() {
	case reflect.Bool, reflect.String,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return nil
	case reflect.Pointer:
		if t.Elem().Kind() != reflect.Pointer {
			return d.checkType(t.Elem(), where)
		}
	case reflect.Slice:
		return d.checkType(t.Elem(), where+"[]")
	case reflect.Map:
		if t.Key().Kind() == reflect.String {
			return d.checkType(t.Elem(), where+"[key]")
		}
	case reflect.Struct:
		return d.checkStruct(t)
	}
	return d.programmingError("%s has unsupported type %s", where, t)
}

// checkStruct builds the structInfo of struct type t and checks the types
// of its fields.
func (d *decoder) checkStruct(t reflect.Type) *diag.Error {
	info := &structInfo{byKey: make(map[string]int), positions: -1}
	d.types[t] = info
	owner := make(map[string]string)
	var aliases []string
	for i := range t.NumField() {
		f := t.Field(i)
		where := t.String() + "." + f.Name
		if !f.IsExported() {
			continue
		}
		if f.Type == positionsType {
			if info.positions >= 0 {
				return d.programmingError("%s has more than one Positions field", t)
			}
			info.positions = i
			continue
		}
		tag := f.Tag.Get("yaml")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" && opts == "" {
			continue
		}
		if slices.Contains(strings.Split(opts, ","), "inline") {
			return d.programmingError("%s: inline fields are not supported", where)
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		keys := []string{name}
		for a := range strings.SplitSeq(f.Tag.Get("alias"), ",") {
			if a = strings.TrimSpace(a); a != "" {
				keys = append(keys, a)
				aliases = append(aliases, a)
			}
		}
		for _, k := range keys {
			if other, ok := owner[k]; ok {
				return d.programmingError("key %q of %s is used by both %s and %s", k, t, other, where)
			}
			owner[k] = where
			info.byKey[k] = len(info.fields)
		}
		info.fields = append(info.fields, field{name: name, index: i, multiline: f.Tag.Get("text") == "multiline"})
		info.suggest = append(info.suggest, name)
		info.known = append(info.known, name)
		if err := d.checkType(f.Type, where); err != nil {
			return err
		}
	}
	info.suggest = append(info.suggest, aliases...)
	slices.Sort(info.known)
	return nil
}

// programmingError returns an error about the Go type being decoded into,
// rather than about the document.
func (d *decoder) programmingError(format string, args ...any) *diag.Error {
	return diag.Errorf(d.path, diag.Pos{}, "decode: "+format, args...)
}
