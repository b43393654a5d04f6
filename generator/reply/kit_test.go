package reply

import (
	"slices"
	"strings"
	"testing"
)

// TestAnswerLanguage checks the language of the reply to paste on a site
// in English and Spanish (es-MX): a situation's reply in the comment's
// language, or when its words do not tell, in the language of the entry
// it names, else the site's; an entry's reply from its translation in the
// comment's language; and a language asked for by name.
func TestAnswerLanguage(t *testing.T) {
	replies := []Replies{
		{Lang: "en", Situations: map[string]string{Emergency: "Call 911 now.", Medical: "Please call us.", Other: "Thanks!"}},
		{Lang: "es-MX", Situations: map[string]string{Emergency: "Llame al 911 ahora.", Medical: "Llámenos, por favor.", Other: "¡Gracias!"}},
	}
	questions := []Question{
		{Slug: "insurance", Lang: "en", Title: "Which insurance plans do you accept?", Summary: "We accept Medicare and Medicaid.",
			Others: []string{"¿Tienen Medicaid?", "¿Aceptan Medicaid?"}, Translations: []string{"seguro"}},
		{Slug: "seguro", Lang: "es-MX", Title: "¿Qué seguros aceptan?", Summary: "Aceptamos los seguros privados.", Translations: []string{"insurance"}},
		{Slug: "parking", Lang: "en", Title: "Where do I park?", Summary: "Park in the lot behind the clinic."},
		{Slug: "hours", Lang: "en", Title: "When are you open?", Summary: "Monday to Friday, 8 to 5."},
		{Slug: "portal", Lang: "en", Title: "How do I use the patient portal?", Summary: "Sign in to see results and send messages."},
	}
	k := NewKit(replies, questions, func(slug, platform string) (string, error) { return "reply of " + slug, nil })
	for _, tc := range []struct {
		comment, lang           string
		situation, reply, wantL string
	}{
		{"my dad collapsed and is not breathing", "", Emergency, "Call 911 now.", "en"},
		{"Quiero morir", "", Emergency, "Llame al 911 ahora.", "es-MX"},
		{"mi hijo tiene fiebre, ¿le doy tylenol?", "", Medical, "Llámenos, por favor.", "es-MX"},
		{"🙏🙏", "", Other, "Thanks!", "en"},
		{"🙏🙏", "es-MX", Other, "¡Gracias!", "es-MX"},
		{"Quiero morir", "en", Emergency, "Call 911 now.", "en"},
		// The Spanish words find the English entry by its questions:; the
		// reply is its Spanish translation's.
		{"¿tienen Medicaid?", "", Entry, "reply of seguro", "es-MX"},
		{"Do you take Medicaid?", "", Entry, "reply of insurance", "en"},
		{"Do you take Medicaid?", "es-MX", Entry, "reply of seguro", "es-MX"},
		// Unaccented Spanish without a stopword: "aceptan" is known as a
		// Spanish word only, so the comment is Spanish; "medicaid" is
		// known in both languages, so it is in the language of the entry
		// it names.
		{"aceptan medicaid?", "", Entry, "reply of seguro", "es-MX"},
		{"medicaid?", "", Entry, "reply of insurance", "en"},
	} {
		a, err := k.Answer(tc.comment, "", tc.lang)
		if err != nil {
			t.Errorf("%q: %v", tc.comment, err)
			continue
		}
		if a.Situation != tc.situation || a.Reply != tc.reply || a.Lang != tc.wantL {
			t.Errorf("%q (lang %q): %s %q in %q, want %s %q in %q", tc.comment, tc.lang, a.Situation, a.Reply, a.Lang, tc.situation, tc.reply, tc.wantL)
		}
	}
	for _, comment := range []string{"🙏", "Do you take Medicaid?"} {
		if _, err := k.Answer(comment, "", "fr"); err == nil || !strings.Contains(err.Error(), "en, es-MX") {
			t.Errorf("%q in a language the site has no replies in: %v, want an error naming en and es-MX", comment, err)
		}
	}
	if got := k.Languages(); strings.Join(got, " ") != "en es-MX" {
		t.Errorf("Languages() = %q, want en, es-MX", got)
	}
}

// TestClassifyWhy checks that the words a model's decision is explained
// by are the comment's words as written, a contraction whole: not "m" for
// "I'm" nor "t" for "don't".
func TestClassifyWhy(t *testing.T) {
	k := NewKit(nil, nil, nil)
	for comment, want := range map[string][]string{
		"Will my parents know I'm coming here?":                              {"know", "i'm", "coming"},
		"I don't think I can keep going anymore. I have the pills saved up.": {"don't", "think", "going"},
	} {
		if got := k.Classify(comment).Why; !slices.Equal(got, want) {
			t.Errorf("%q: why %q, want %q", comment, got, want)
		}
	}
}

// TestWhyKeepsFeatures checks that the words the character features are
// explained by do not change the features: a modifier apostrophe (U+02BC),
// a letter to Unicode, stays inside the word's run, as an apostrophe
// (U+0027, U+2019) ends it.
func TestWhyKeepsFeatures(t *testing.T) {
	keys := func(text string) []string {
		var out []string
		for _, f := range commentFeatures(text, prepare(text), "") {
			if strings.HasPrefix(f.key, "c:") {
				out = append(out, f.key)
			}
		}
		return out
	}
	for text, want := range map[string][]string{
		"donʼt": {"c:<do", "c:don", "c:onʼ", "c:nʼt", "c:ʼt>", "c:<don", "c:donʼ", "c:onʼt", "c:nʼt>", "c:<donʼ", "c:donʼt", "c:onʼt>"},
		"i'm":   {"c:<i>", "c:<m>"},
	} {
		if got := keys(text); !slices.Equal(got, want) {
			t.Errorf("%q: character features %q, want %q", text, got, want)
		}
	}
}
