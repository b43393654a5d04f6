package main

import (
	"strings"
	"testing"
	"time"
)

func TestAgeSet(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Duration
		err  string // part of the error, if any
	}{
		{in: "30d", want: 30 * 24 * time.Hour},
		{in: "1d12h", want: 36 * time.Hour},
		{in: "1.5d", want: 36 * time.Hour},
		{in: "12h", want: 12 * time.Hour},
		{in: "90m", want: 90 * time.Minute},
		{in: "720h", want: 720 * time.Hour},
		{in: "0d", want: 0},
		{in: "0", want: 0},
		{in: "30", err: "add a unit"},
		{in: "d", err: "such as 30d"},
		{in: "", err: "such as 30d"},
		{in: "x", err: "such as 30d"},
		{in: "30days", err: "such as 30d"},
		{in: "-1d", err: "without a minus sign"},
		{in: "1d-5h", err: "without a minus sign"},
		{in: "infd", err: "such as 30d"},
		{in: "NaNd", err: "such as 30d"},
		{in: "99999999999d", err: "less than 290 years"},
		{in: "106751d", want: 106751 * 24 * time.Hour},
	} {
		var a age
		err := a.Set(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("Set(%q) = %v, want an error saying %q", tt.in, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("Set(%q): %v", tt.in, err)
		case tt.err == "" && time.Duration(a) != tt.want:
			t.Errorf("Set(%q) = %v, want %v", tt.in, time.Duration(a), tt.want)
		}
	}
}

// FuzzAgeSet checks that any value of --older-than is read without
// panicking, as a length of time from now back, or refused.
func FuzzAgeSet(f *testing.F) {
	for _, s := range []string{"30d", "1d12h", "1.5d", "90m", "-1d", "1e300d", "0.000001d5ns"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a age
		if err := a.Set(s); err == nil && a < 0 {
			t.Errorf("Set(%q) = %v, a negative age", s, time.Duration(a))
		}
	})
}
