package check

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestIdentLuhn(t *testing.T) {
	for _, tt := range []struct {
		d    string
		want bool
	}{
		{"4111111111111111", true},
		{"4111111111111112", false},
		{"378282246310005", true},
		{"5555555555554444", true},
		{"1234567890123456", false},
		{"490154203237518", true}, // an IMEI
		{"490154203237519", false},
		{"79927398713", true}, // the textbook example
		{"0", false},
		{"00", true},
		{"", false},
		{"4111-1111", false}, // not digits
	} {
		if got := identLuhn(tt.d); got != tt.want {
			t.Errorf("identLuhn(%q) = %v, want %v", tt.d, got, tt.want)
		}
	}
}

func TestIdentCardIssuer(t *testing.T) {
	for _, tt := range []struct{ d, want string }{
		{"4111111111111111", "Visa"},
		{"4222222222222", "Visa"},       // 13 digits
		{"4111111111111111110", "Visa"}, // 19 digits
		{"41111111111111", ""},          // Visa has no 14-digit numbers
		{"5105105105105100", "Mastercard"},
		{"5600000000000000", ""}, // 56 is not Mastercard's
		{"2221000000000009", "Mastercard"},
		{"2720990000000000", "Mastercard"},
		{"2220990000000000", ""},
		{"2721000000000000", ""},
		{"378282246310005", "American Express"},
		{"341111111111111", "American Express"},
		{"3782822463100050", ""}, // Amex is 15 digits
		{"351111111111111", ""},
		{"6011000990139424", "Discover"},
		{"6441111111111111", "Discover"},
		{"6491111111111111", "Discover"},
		{"6431111111111111", ""},
		{"6500000000000002", "Discover"},
		{"30569309025904", "Diners Club"},
		{"36111111111111", "Diners Club"},
		{"3530111333300000", "JCB"},
		{"3600000", ""}, // too short
		{"", ""},
	} {
		if got := identCardIssuer(tt.d); got != tt.want {
			t.Errorf("identCardIssuer(%q) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestIdentCardGroups(t *testing.T) {
	for _, tt := range []struct {
		groups []int
		want   bool
	}{
		{[]int{16}, true},
		{[]int{4, 4, 4, 4}, true},
		{[]int{4, 4, 4, 1}, true},
		{[]int{4, 4, 4, 4, 3}, true},
		{[]int{4, 6, 5}, true},
		{[]int{4, 6, 4}, true},
		{[]int{4, 4, 5, 3}, false},
		{[]int{3, 4, 4, 4, 1}, false},
		{[]int{4, 4, 4, 4, 5}, false},
	} {
		if got := identCardGroups(tt.groups); got != tt.want {
			t.Errorf("identCardGroups(%v) = %v, want %v", tt.groups, got, tt.want)
		}
	}
}

func TestIdentDLStates(t *testing.T) {
	for _, tt := range []struct {
		c    string
		want []string // states that must be among those found
		none bool     // no state's format fits
	}{
		{c: "A12345678901", want: []string{"IL"}}, // A123-4567-8901
		{c: "A123456789012", want: []string{"IL", "FL", "MD", "MN", "MI"}},
		{c: "D1234567", want: []string{"CA", "NY", "NE", "OH"}},
		{c: "A123456789012345678", want: []string{"NY"}},
		{c: "12345678", want: []string{"TX", "PA", "NY", "NM"}},
		{c: "123456789", want: []string{"NY", "MS", "CT"}},
		{c: "SMITHJD123AB", want: []string{"WA"}},
		{c: "DOE**J*123AB", want: []string{"WA"}},
		{c: "WDLAB12CD34E", want: []string{"WA"}},
		{c: "12ABC34567", want: []string{"NH"}},
		{c: "AB123456C", want: []string{"ID"}},
		{c: "123AB4567", want: []string{"IA"}},
		{c: "K1A2B", want: []string{"KS"}},
		{c: "A1234567890123", want: []string{"WI"}},
		{c: "A12345678901234", want: []string{"NJ"}},
		{c: "1234567A", want: []string{"VT", "ME"}},
		{c: "V123456", want: []string{"RI"}},
		{c: "X12345678", want: []string{"NV"}},
		{c: "ABCDEFGH", none: true}, // New York's letters-only numbers are left out
		{c: "A12345678901234567890", none: true},
		{c: "a1234567", none: true}, // letters are capitals
	} {
		got := identDLStates(tt.c)
		if tt.none {
			if len(got) > 0 {
				t.Errorf("identDLStates(%q) = %v, want none", tt.c, got)
			}
			continue
		}
		for _, st := range tt.want {
			if !slices.Contains(got, st) {
				t.Errorf("identDLStates(%q) = %v, want %s among them", tt.c, got, st)
			}
		}
	}
	// Every state and DC has formats, each once.
	seen := map[string]bool{}
	for _, f := range identDLFormats {
		if seen[f.state] || !strings.Contains("|"+phiStates+"|", "|"+f.state+"|") {
			t.Errorf("format of %q: repeated or not a state", f.state)
		}
		seen[f.state] = true
	}
	if len(seen) != 51 {
		t.Errorf("%d states have formats, want 50 and DC", len(seen))
	}
}

func TestIdentLicenceTokens(t *testing.T) {
	for _, tt := range []struct {
		c    string
		want bool
	}{
		{"A12345678901", true},
		{"12345", true}, // a state's format of five digits
		{"1234", false},
		{"AB1234563", true}, // DEA
		{"RN448812", true},
		{"SMITHJD123AB", true}, // only three digits: Washington's format
		{"PRACTICE", false},
		{"ABC12", false},
	} {
		if got := identLicence(tt.c); got != tt.want {
			t.Errorf("identLicence(%q) = %v, want %v", tt.c, got, tt.want)
		}
	}
	for _, tt := range []struct {
		c          string
		shape, sum bool
	}{
		{"AB1234563", true, true},
		{"AB1234564", true, false},
		{"A91234563", true, true},
		{"A81234563", false, false},
		{"AB123456", false, false},
		{"1B1234563", false, false},
	} {
		if got := identDEA(tt.c); got != tt.shape {
			t.Errorf("identDEA(%q) = %v, want %v", tt.c, got, tt.shape)
		}
		if got := identDEACheck(tt.c); got != tt.sum {
			t.Errorf("identDEACheck(%q) = %v, want %v", tt.c, got, tt.sum)
		}
	}
}

func TestIdentNotID(t *testing.T) {
	for _, tt := range []struct {
		v    string
		want bool
	}{
		{"2019-2024", true},
		{"2023-24", true},
		{"4471-2290", false},
		{"2024-05-01", true},
		{"05-01-2024", true},
		{"312 555 0199", true},
		{"312-555-0199", true},
		{"1-312-555-0199", true},
		{"123456789-01", false},
		{"A123-4567-8901", false},
		{"12345678", false},
	} {
		if got := identNotID(tt.v); got != tt.want {
			t.Errorf("identNotID(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

func TestIdentNone(t *testing.T) {
	for _, s := range []string{
		"The 16-digit number 1234 5678 9012 3456 is not a card.",
		"4111 is our suite number.",
		"Visa and Mastercard accepted.",
		"Times like 10:30:45 and version 2.10.3.",
		"0.4111111111111111 is a ratio.",
		"a4111111111111111 is a code.",
		"fe80:01:23:45:67:89:ab::1 is not a MAC.",
		"01:23:45-67:89:ab mixes separators.",
		"On the phone: 490154203237519 fails the check digit, 490154203237518 does not.",
		"Our license to practice; licensed since 1998; license renewed 2019-2024.",
		"Account questions? Call (555) 010-0100.",
	} {
		var got []string
		for _, m := range PHI(Text{Text: s}, phiTestAllow) {
			if m.Rule == "PHI-CARD" || m.Rule == "PHI-LICENSE" || m.Rule == "PHI-SERIAL" {
				got = append(got, m.Rule+" "+s[m.Start:m.End])
			}
		}
		if strings.HasPrefix(s, "On the phone") {
			// Only the number with a valid check digit after "phone".
			if want := []string{"PHI-SERIAL 490154203237518"}; !slices.Equal(got, want) {
				t.Errorf("PHI(%q) = %q, want %q", s, got, want)
			}
			continue
		}
		if len(got) > 0 {
			t.Errorf("PHI(%q) = %q, want none of the new kinds", s, got)
		}
	}
}

func TestIdentMACs(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"MAC 01:23:45:67:89:ab.", []string{"01:23:45:67:89:ab"}},
		{"01-23-45-67-89-AB and 00:1a:2b:3c:4d:5e", []string{"01-23-45-67-89-AB", "00:1a:2b:3c:4d:5e"}},
		{"01:23:45-67:89:ab", nil},         // mixed separators
		{"10:30:45", nil},                  // a time
		{"fe80:01:23:45:67:89:ab::1", nil}, // part of a longer run
		{"01:23:45:67:89:ab:cd", nil},
		{"x01:23:45:67:89:ab", nil},
		{"01:23:45:67:89:abc", nil},
		{"0g:23:45:67:89:ab", nil},
		{"", nil},
	} {
		var got []string
		identMACs(tt.s, func(i, j int) { got = append(got, tt.s[i:j]) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("identMACs(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

// TestIdentCues checks that identCues finds what the cue expression finds
// in the whole text.
func TestIdentCues(t *testing.T) {
	texts := corpus(t)
	texts = append(texts, "Lic. DL D.L. DLN dl licence-plate LICENSE", "xmember member\u212a member", "memberID id card")
	for _, s := range texts {
		if d := identSameCues(s); d != "" {
			t.Errorf("%.60q…: %s", s, d)
		}
	}
}

// identSameCues reports how identCues differs on s from the expression's
// scan of all of s, or "".
func identSameCues(s string) string {
	var want []identCue
	for _, m := range identRE().cue.re().FindAllStringSubmatchIndex(s, -1) {
		c := identCue{m[0], m[1], identRE().id}
		if m[2*identRE().lic] >= 0 {
			c.group = identRE().lic
		} else if m[2*identRE().dev] >= 0 {
			c.group = identRE().dev
		}
		want = append(want, c)
	}
	if got := identCues(newScan(textLexicon(), s)); !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("cues %v, want %v", got, want)
	}
	return ""
}

// identCheckSpans checks that a scanner's spans are in s, in order and
// apart, and of the scanner's rules.
func identCheckSpans(t *testing.T, name, s string, spans []Match, rules ...string) {
	t.Helper()
	end := 0
	for _, m := range spans {
		if m.Start < 0 || m.Start >= m.End || m.End > len(s) || !slices.Contains(rules, m.Rule) {
			t.Fatalf("%s: bad span %+v in %q", name, m, s)
		}
		if m.Start < end {
			t.Fatalf("%s: overlapping or unsorted %+v in %q", name, spans, s)
		}
		end = m.End
	}
}

func FuzzIdent(f *testing.F) {
	for _, s := range []string{
		"DL# 123 456 789", "Member ID ZGP 4471 0932.", "card 4111 1111 1111 1111",
		"Amex 3782 822463 10005", "IMEI 35-209900-176148-1", "mac 01:23:45:67:89:ab",
		"DEA #AB1234563 license licence plate 7ABC123", "4111111111111111 4111111111111111",
		"Rx #1234567 rx RxBIN 610014", "\xff4111 1111 1111 1111\xff", "1 2 3 4 5 6 7 8 9 0 1 2 3 4",
		"-01:23:45:67:89:ab-", "license #: (A1 B2 C3 D4", "phone 4-9-0-1-5-4-2-0-3-2-3-7-5-1-8",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d := identSameCues(s); d != "" {
			t.Fatal(d)
		}
		sc := newScan(textLexicon(), s)
		for _, sn := range []struct {
			name  string
			run   func(*scan, phiAdd)
			rules []string
		}{
			{"phiCuedNumbers", phiCuedNumbers, []string{"PHI-LICENSE", "PHI-ID", "PHI-SERIAL"}},
			{"phiCards", phiCards, []string{"PHI-CARD"}},
		} {
			var got []Match
			sn.run(sc, func(rule string, i, j int) { got = append(got, Match{Start: i, End: j, Rule: rule}) })
			identCheckSpans(t, sn.name, s, got, sn.rules...)
		}
		// phiDevices finds IMEIs, then MAC addresses: each in order.
		var imeis, macs []Match
		phiDevices(sc, func(rule string, i, j int) {
			m := Match{Start: i, End: j, Rule: rule}
			if strings.ContainsAny(s[i:j], ":") || len(phiDigits(s[i:j])) != 15 {
				macs = append(macs, m)
			} else {
				imeis = append(imeis, m)
			}
		})
		identCheckSpans(t, "phiDevices", s, imeis, "PHI-SERIAL")
		identCheckSpans(t, "phiDevices", s, macs, "PHI-SERIAL")
		for _, m := range macs {
			if m.End-m.Start != 17 || !identMACAt(s[m.Start:m.End], s[m.Start+2]) {
				t.Fatalf("phiDevices: %q is not a MAC address", s[m.Start:m.End])
			}
		}
		phiCheckMatches(t, s, PHI(Text{Text: s}, phiTestAllow))
	})
}

// BenchmarkPHI is [PHI] alone over the check corpora, as one text.
func BenchmarkPHI(b *testing.B) {
	text := strings.Join(corpus(b), "\n")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		phi(newScan(textLexicon(), text), phiTestAllow)
	}
}

// BenchmarkIdent is the scanners of ident.go alone, over the same text.
func BenchmarkIdent(b *testing.B) {
	text := strings.Join(corpus(b), "\n")
	sc := newScan(textLexicon(), text)
	add := func(string, int, int) {}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		phiCuedNumbers(sc, add)
		phiCards(sc, add)
		phiDevices(sc, add)
	}
}
