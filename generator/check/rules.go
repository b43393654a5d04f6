package check

// A Rule is one check faqcast runs.
type Rule struct {
	ID       string
	Severity Severity // the default
	Summary  string
}

// Rules lists every rule, in the order the README documents them.
var Rules = []Rule{
	{"PHI-PHONE", Error, "a phone or fax number that is not the practice's"},
	{"PHI-EMAIL", Error, "an email address that is not the practice's"},
	{"PHI-SSN", Error, "a Social Security number"},
	{"PHI-ID", Error, "a medical record, chart, health plan (member, policy, Medicaid), account, claim or prescription number"},
	{"PHI-MBI", Error, "a Medicare Beneficiary Identifier"},
	{"PHI-LICENSE", Error, "a driver's licence, state ID, professional licence, certificate, DEA or passport number"},
	{"PHI-CARD", Error, "a payment card number (a known issuer's prefix and a valid Luhn check digit)"},
	{"PHI-DATE", Error, "a date tied to a person (birth, admission, a visit)"},
	{"PHI-AGE", Error, "an age over 89"},
	{"PHI-ADDRESS", Error, "a street address or ZIP code that is not the practice's"},
	{"PHI-IP", Error, "an IP address"},
	{"PHI-NAME", Error, "a person's name in a patient context"},
	{"PHI-STORY", Error, "a story about one patient's visit, even without a name"},
	{"PHI-SERIAL", Error, "a vehicle or device serial number, an IMEI or a MAC address"},
	{"PHI-FACE", Error, "a face in a photo that the front matter's image.people does not cover"},
	{"PHI-URL", Warning, "a link to a site that is neither the practice's nor trusted"},
	{"PHI-LIKELY", Warning, "a sentence that reads like one patient's information, to a model of such sentences"},
	{"ADVICE-YOU", Error, "individual advice aimed at the reader"},
	{"ADVICE-DIAGNOSIS", Error, "a diagnosis of the reader"},
	{"ADVICE-MEDICINE", Error, "an instruction to start, stop, skip or change a medicine, dose or vaccine"},
	{"ADVICE-DOSE", Error, "a dose aimed at the reader"},
	{"CLAIM-GUARANTEE", Error, "a guarantee or a superlative"},
	{"CLAIM-TESTIMONIAL", Error, "a patient story or testimonial"},
	{"ADVICE-LIKELY", Warning, "a sentence that reads like individual advice or a claim, to a model of such sentences"},
	{"REVIEW-MISSING", Error, "no medical review by HIPAA-trained clinical staff"},
	{"REVIEW-STALE", Warning, "a medical review older than checks.review_max_age_days"},
	{"REVIEW-FUTURE", Error, "a review date after the build's date"},
	{"REVIEW-SOURCES", Warning, "no sources"},
	{"READ-GRADE", Warning, "a reading grade above checks.readability.target_grade (an error above max_grade)"},
	{"READ-INFLESZ", Warning, "a Spanish answer below INFLESZ 55, normal (an error below 40, very difficult)"},
	{"READ-LANGUAGE", Warning, "an answer in a language with no readability formula, which is not scored"},
	{"READ-SENTENCES", Warning, "more than 25% of sentences over 20 words"},
	{"READ-PARAGRAPH", Warning, "a paragraph over 150 words"},
	{"READ-SECTION", Warning, "a section over 300 words without a subheading"},
	{"PAGE-DISCLAIMER", Error, "a page without the disclaimer or the call and book block"},
	{"ALLOW-REASON", Error, "a faqcast:allow comment without a reason"},
	{"X-LINK", Warning, "a base_url whose links X does not make, so X posts count them in full"},
	{"SCHEDULE-LANGUAGE", Warning, "schedule slots for a language no published entry is written in, which stay empty"},
	{"POST-OFF", Warning, "an entry's own post text for a platform that is turned off, which is not posted"},
	{"CARD-GLYPH", Warning, "a character of a title or of the practice's name that the share cards' fonts cannot draw"},
	{"SETUP-PLACEHOLDER", Error, "a placeholder or starter text that faqcast init wrote, not yet replaced"},
}

// Lookup returns the rule with the given ID.
func Lookup(id string) (Rule, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// IDs returns every rule's ID.
func IDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
