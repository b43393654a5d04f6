package site

import (
	"encoding/json"
	"html/template"
	"time"

	"github.com/faqcast/faqcast/generator/config"
)

// The schema.org vocabulary faqcast uses, as typed values so the JSON is
// marshalled, never pieced together by hand.
type (
	webPage struct {
		Context         string       `json:"@context"`
		Type            []string     `json:"@type"`
		URL             string       `json:"url"`
		Name            string       `json:"name"`
		Description     string       `json:"description"`
		InLanguage      string       `json:"inLanguage"`
		LastReviewed    string       `json:"lastReviewed,omitempty"`
		ReviewedBy      *person      `json:"reviewedBy,omitempty"`
		MedicalAudience typed        `json:"medicalAudience"`
		Publisher       *clinic      `json:"publisher"`
		MainEntity      []question   `json:"mainEntity"`
		Citation        []creativeWk `json:"citation,omitempty"`
		// The page's translations, on the original, and the original, on
		// a translation.
		WorkTranslation   []pageRef `json:"workTranslation,omitempty"`
		TranslationOfWork *pageRef  `json:"translationOfWork,omitempty"`
	}
	pageRef struct {
		Type       string `json:"@type"`
		URL        string `json:"url"`
		InLanguage string `json:"inLanguage"`
	}
	typed struct {
		Type string `json:"@type"`
	}
	person struct {
		Type            string `json:"@type"`
		Name            string `json:"name"`
		HonorificSuffix string `json:"honorificSuffix,omitempty"`
		JobTitle        string `json:"jobTitle,omitempty"`
	}
	clinic struct {
		Context   string         `json:"@context,omitempty"`
		Type      string         `json:"@type"`
		Name      string         `json:"name"`
		URL       string         `json:"url"`
		Telephone string         `json:"telephone"`
		FaxNumber string         `json:"faxNumber,omitempty"`
		Email     string         `json:"email,omitempty"`
		Address   *postalAddress `json:"address,omitempty"`
	}
	postalAddress struct {
		Type            string `json:"@type"`
		StreetAddress   string `json:"streetAddress,omitempty"`
		AddressLocality string `json:"addressLocality,omitempty"`
		AddressRegion   string `json:"addressRegion,omitempty"`
		PostalCode      string `json:"postalCode,omitempty"`
		AddressCountry  string `json:"addressCountry,omitempty"`
	}
	question struct {
		Type           string `json:"@type"`
		Name           string `json:"name"`
		AcceptedAnswer answer `json:"acceptedAnswer"`
	}
	answer struct {
		Type string `json:"@type"`
		Text string `json:"text"`
	}
	creativeWk struct {
		Type       string `json:"@type"`
		Name       string `json:"name"`
		URL        string `json:"url"`
		InLanguage string `json:"inLanguage,omitempty"`
	}
)

func practiceJSON(s *Site) *clinic {
	p := s.Practice
	c := &clinic{
		Type:      s.cfg.Kind().Type,
		Name:      p.Name,
		URL:       s.BaseURL,
		Telephone: p.Phone,
		FaxNumber: p.Fax,
		Email:     p.Email,
	}
	if a := p.Address; a.Street+a.City+a.Region+a.PostalCode+a.Country != "" {
		c.Address = &postalAddress{
			Type:            "PostalAddress",
			StreetAddress:   a.Street,
			AddressLocality: a.City,
			AddressRegion:   a.Region,
			PostalCode:      a.PostalCode,
			AddressCountry:  a.Country,
		}
	}
	return c
}

func entryJSONLD(s *Site, e *Entry, cfg *config.Config) template.JS {
	page := webPage{
		Context:         "https://schema.org",
		Type:            []string{"MedicalWebPage", "FAQPage"},
		URL:             e.Permalink,
		Name:            e.Title,
		Description:     e.Summary,
		InLanguage:      e.Language,
		MedicalAudience: typed{Type: "Patient"},
		Publisher:       practiceJSON(s),
		MainEntity: []question{{
			Type:           "Question",
			Name:           e.Title,
			AcceptedAnswer: answer{Type: "Answer", Text: e.Summary},
		}},
	}
	if !e.ReviewedOn.IsZero() {
		page.LastReviewed = e.ReviewedOn.Format(time.DateOnly)
	}
	if r := e.Reviewer; r != nil {
		title := config.JobTitles[r.Role]
		page.ReviewedBy = &person{Type: "Person", Name: r.Name, HonorificSuffix: r.Credentials, JobTitle: title}
	}
	for _, src := range e.Sources {
		page.Citation = append(page.Citation, creativeWk{Type: "CreativeWork", Name: src.Title, URL: src.URL, InLanguage: src.Lang})
	}
	ref := func(e *Entry) pageRef {
		return pageRef{Type: "MedicalWebPage", URL: e.Permalink, InLanguage: e.Language}
	}
	switch {
	case e.Original == nil:
	case e.Original.Permalink == e.Permalink: // a page's copy of e is not e
		for _, t := range e.Translations {
			page.WorkTranslation = append(page.WorkTranslation, ref(t))
		}
	default:
		r := ref(e.Original)
		page.TranslationOfWork = &r
	}
	return marshalJS(page)
}

func clinicJSONLD(s *Site) template.JS {
	c := practiceJSON(s)
	c.Context = "https://schema.org"
	return marshalJS(c)
}

// marshalJS encodes v for a <script> element. encoding/json escapes <, > and
// &, so the text cannot close the element.
func marshalJS(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		// The values are plain structs of strings: Marshal cannot fail.
		return ""
	}
	return template.JS(b)
}
