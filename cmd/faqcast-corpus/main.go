// Command faqcast-corpus writes a synthetic faqcast site of N entries, for
// benchmarks: the same N always gives byte-identical files.
//
//	go run ./cmd/faqcast-corpus -n 10000 -o /tmp/corpus
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

const usage = `usage: faqcast-corpus [-n N] -o DIR

Writes a deterministic synthetic faqcast site: DIR/faqcast.yaml and
DIR/content/q00001.md ... qNNNNN.md. The same N gives byte-identical files.

Flags:
  -n N      the number of entries (default 1000)
  -o DIR    the folder to write (required; created if missing)

Example:
  go run ./cmd/faqcast-corpus -n 10000 -o /tmp/corpus
  go run ./cmd/faqcast build --source /tmp/corpus
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("faqcast-corpus", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	n := fs.Int("n", 1000, "")
	out := fs.String("o", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "faqcast-corpus: %v\n%s", err, usage)
		return 2
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "faqcast-corpus: unexpected argument %q\n%s", fs.Arg(0), usage)
		return 2
	case *out == "":
		fmt.Fprintf(stderr, "faqcast-corpus: -o DIR is required\n%s", usage)
		return 2
	case *n < 1 || *n > 99999:
		fmt.Fprintf(stderr, "faqcast-corpus: -n must be between 1 and 99999\n%s", usage)
		return 2
	}
	if err := write(*out, *n); err != nil {
		fmt.Fprintf(stderr, "faqcast-corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d entries to %s\n", *n, *out)
	return 0
}

const config = `# A synthetic practice written by faqcast-corpus, for benchmarks.
base_url: https://corpus.example/
language: en
title: Patient questions, answered
practice:
  name: Lakeside Family Clinic
  phone: "(555) 010-0200"
  fax: "(555) 010-0201"
  email: hello@corpus.example
  address:
    street: 200 Lake Rd
    city: Springfield
    region: IL
    postal_code: "62702"
  booking_url: https://corpus.example/book
  hours: "Monday to Friday, 8 a.m. to 5 p.m."
staff:
  - {id: alopez, name: Ana Lopez, credentials: MD, role: physician, hipaa_trained: true}
  - {id: bokafor, name: Ben Okafor, credentials: "DNP, FNP-C", role: np, hipaa_trained: true}
  - {id: cnguyen, name: Chris Nguyen, credentials: PharmD, role: pharmacist, hipaa_trained: true}
  - {id: dreyes, name: Dana Reyes, credentials: RN, role: rn, hipaa_trained: true}
  - {id: fkim, name: Fay Kim, credentials: PA-C, role: pa, hipaa_trained: true}
platforms:
  x: {hashtags: 2}
  mastodon: {limit: 500, account: "@lakeside@med.example"}
  instagram: {hashtags: 5}
  gbp: {cta: LEARN_MORE}
utm: {medium: social, campaign: "{slug}"}
schedule:
  timezone: America/Chicago
  start: 2026-12-07
  weeks: 8
  slots:
    facebook: ["mon 09:00", "thu 12:30"]
    instagram: ["tue 18:00"]
    x: ["mon 09:00", "wed 09:00", "fri 09:00"]
    linkedin: ["wed 08:00"]
    gbp: ["mon 10:00"]
  blackout: [2026-12-25, 2027-01-01]
  min_gap_days: 28
theme: {primary: "#0b5cad", background: "#ffffff"}
`

var (
	staff  = []string{"alopez", "bokafor", "cnguyen", "dreyes", "fkim"}
	topics = []string{"appointments", "billing", "insurance", "prescriptions", "patient portal",
		"lab tests", "vaccines", "first visit", "records", "after hours", "video visits",
		"children", "sleep", "diet", "exercise", "skin", "allergies", "colds and flu",
		"heart health", "blood pressure", "diabetes", "mental health", "pregnancy",
		"travel", "screenings", "eye care", "hearing", "pain", "forms", "referrals"}
	starts = []string{"How do I", "When can I", "Where do I", "Can I", "Why do I need to",
		"What happens when I", "Who can help me", "Is it safe to", "How long does it take to",
		"What do I need to", "How often should I", "What if I forget to"}
	verbs = []string{"ask about", "book", "plan for", "get help with", "pay for", "talk about",
		"get a form for", "check on", "get ready for", "learn about", "sign up for", "change",
		"cancel", "get a note for", "find out about", "bring a friend to", "ask for",
		"get a copy of", "keep track of", "get a refill for"}
	nouns = []string{"a flu shot", "a lab test", "a blood test", "a check-up", "a sick visit",
		"a video visit", "my portal login", "a refill", "a referral", "my bill", "a school form",
		"a sports form", "a work note", "my shots", "a skin check", "a sleep test", "an eye test",
		"a hearing test", "a walk-in visit", "a new plan", "a health form", "my chart notes",
		"a travel shot", "a care plan", "a diet plan", "a step goal", "a mood check",
		"a heart check", "a sugar test", "a cough"}
	whens = []string{"", "on a weekend", "at night", "on a work day", "in the fall",
		"in the spring", "for my child", "for my spouse", "for a parent", "from home",
		"by phone", "in the portal", "at the front desk", "before a trip", "after a trip"}
	sourceList = [][2]string{
		{"Talking With Your Doctor (MedlinePlus)", "https://medlineplus.gov/talkingwithyourdoctor.html"},
		{"Laboratory Tests (MedlinePlus)", "https://medlineplus.gov/laboratorytests.html"},
		{"Medicines (MedlinePlus)", "https://medlineplus.gov/medicines.html"},
		{"Health Checkup (MedlinePlus)", "https://medlineplus.gov/healthcheckup.html"},
		{"Vaccines (CDC)", "https://www.cdc.gov/vaccines/index.html"},
		{"Flu (CDC)", "https://www.cdc.gov/flu/index.html"},
		{"Healthy Habits (CDC)", "https://www.cdc.gov/healthy-weight-growth/index.html"},
		{"Sleep (CDC)", "https://www.cdc.gov/sleep/index.html"},
	}
	headings = []string{"What to know", "How it works", "What to bring", "How long it takes",
		"Ways to get help", "Tips that help", "When to call us", "What comes next",
		"Before you come in", "After your visit", "Good to know", "How we can help"}
	// Short, plain sentences. {n} is the entry's noun, {t} its topic.
	sentences = []string{
		"Our team is here to help with {n}.",
		"Many people ask us about {n}.",
		"It is a good idea to plan ahead.",
		"Call our office if a question comes up.",
		"The front desk can help you find a time.",
		"Most of the time this is quick and easy.",
		"Bring your card and a list of your pills.",
		"Our staff can walk you through each step.",
		"Some steps take a few days to finish.",
		"The portal can send us a note at any time.",
		"We will let you know what comes next.",
		"Ask us if a word on a form is not clear.",
		"Each plan is a bit different.",
		"We can help you check what your plan pays for.",
		"Write down your questions before you come in.",
		"It can help to bring a friend along.",
		"Our nurses can answer many questions by phone.",
		"Care for {t} is part of what we do.",
		"We keep your chart safe and private.",
		"A short visit is often all it takes.",
		"Some people like to use the portal for this.",
		"Others would rather talk to a real person.",
		"Either way is fine with us.",
		"We try to keep wait times short.",
		"Tell us if you need help with a ride.",
		"We can find a time that works for you.",
		"Some care can take place by video.",
		"Your care team will read your notes.",
		"Ask the front desk about forms and fees.",
		"A clear plan makes things go more smoothly.",
		"In an emergency, call 911.",
		"You can ask us to explain things again.",
		"We speak with you in plain words.",
		"Let us know if you need a sign language helper.",
	}
	items = []string{
		"Your insurance card", "A photo card", "A list of your pills",
		"Your questions, on paper or on your phone", "Any forms from school or work",
		"Your glasses, if you use them", "The name of your drug store",
		"Notes on how you feel", "A snack and some water", "A book for the wait",
		"Your portal login", "A pen",
	}
)

func write(dir string, n int) error {
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "faqcast.yaml"), []byte(config), 0o644); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(20261207, 42))
	seen := map[string]bool{}
	for i := 1; i <= n; i++ {
		var title, noun string
		for {
			noun = pick(r, nouns)
			t := pick(r, starts) + " " + pick(r, verbs) + " " + noun
			if w := pick(r, whens); w != "" {
				t += " " + w
			}
			title = t + "?"
			if !seen[title] {
				seen[title] = true
				break
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "content", name(i)), entry(r, i, n, title, noun), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func name(i int) string { return fmt.Sprintf("q%05d.md", i) }

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// distinct picks k different elements of s (k <= len(s)).
func distinct(r *rand.Rand, s []string, k int) []string {
	idx := r.Perm(len(s))[:k]
	out := make([]string, k)
	for i, j := range idx {
		out[i] = s[j]
	}
	return out
}

func entry(r *rand.Rand, i, n int, title, noun string) []byte {
	var b strings.Builder
	tags := distinct(r, topics, 1+r.IntN(3))
	fmt.Fprintf(&b, "---\ntitle: %q\n", title)
	summary := fmt.Sprintf("Our team can help with %s. Call us or send a note in the portal, and we will walk you through each step.", noun)
	if len(summary) > 180 {
		summary = summary[:177] + "..."
	}
	fmt.Fprintf(&b, "summary: %q\n", summary)
	if i <= 50 {
		fmt.Fprintf(&b, "rank: %d\n", i)
	}
	fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(tags, ", "))
	var hashtags []string
	for _, t := range tags {
		hashtags = append(hashtags, camel(t))
	}
	hashtags = append(hashtags, "PatientTips")
	fmt.Fprintf(&b, "hashtags: [%s]\n", strings.Join(hashtags, ", "))
	fmt.Fprintf(&b, "reviewed_by: %s\nreviewed_on: 2026-09-%02d\nsources:\n", pick(r, staff), 1+r.IntN(28))
	for _, s := range distinct(r, sourceListTitles(), 1+r.IntN(2)) {
		for _, src := range sourceList {
			if src[0] == s {
				fmt.Fprintf(&b, "  - {title: %q, url: %q}\n", src[0], src[1])
			}
		}
	}
	b.WriteString("---\n\n")

	words := 280 + r.IntN(140) // the list and links add 20 to 40 more
	sections := 2 + r.IntN(3)
	per := words / (sections + 1)
	sentence := func() string {
		s := pick(r, sentences)
		s = strings.ReplaceAll(s, "{n}", noun)
		return strings.ReplaceAll(s, "{t}", pick(r, tags))
	}
	para := func(target int) {
		count := 0
		for count < target {
			s := sentence()
			count += len(strings.Fields(s))
			b.WriteString(s)
			if count < target {
				b.WriteString(" ")
			}
		}
		b.WriteString("\n\n")
	}
	para(per / 2)
	para(per - per/2)
	links := 2 + r.IntN(2)
	for k, h := range distinct(r, headings, sections) {
		fmt.Fprintf(&b, "## %s\n\n", h)
		if k == 0 {
			for _, it := range distinct(r, items, 3+r.IntN(3)) {
				fmt.Fprintf(&b, "- %s.\n", it)
			}
			b.WriteString("\n")
		}
		half := per / 2
		para(half)
		para(per - half)
	}
	if n > 1 {
		b.WriteString("## Related questions\n\n")
		for k := 0; k < links; k++ {
			j := 1 + r.IntN(n-1)
			if j >= i {
				j++
			}
			fmt.Fprintf(&b, "- Read [this related answer](%s).\n", name(j))
		}
	}
	return []byte(b.String())
}

func sourceListTitles() []string {
	out := make([]string, len(sourceList))
	for i, s := range sourceList {
		out[i] = s[0]
	}
	return out
}

// camel joins the words of an ASCII tag with each word's first letter in
// upper case: "first visit" becomes "FirstVisit".
func camel(tag string) string {
	var b strings.Builder
	for _, w := range strings.Fields(tag) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}
