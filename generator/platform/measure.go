package platform

// A Measure is a text measured for one platform.
type Measure struct {
	// Platform is the platform's Name.
	Platform string
	// Length is the text's length in the platform's units.
	Length int
	// Limit is the limit Length was checked against.
	Limit int
	// Bytes is the text's length in UTF-8 bytes.
	Bytes int
	// MaxBytes is the platform's limit in bytes, or 0 if it has none.
	MaxBytes int
	// Fits reports whether Length <= Limit and, when MaxBytes is not 0,
	// Bytes <= MaxBytes.
	Fits bool
}

// Measure measures text for p with limit; a limit of 0 (or less) means
// p.Limit. A platform without a Count function counts characters, as
// [CountChars] does.
func (p Platform) Measure(text string, limit int) Measure {
	if limit <= 0 {
		limit = p.Limit
	}
	count := p.Count
	if count == nil {
		count = CountChars
	}
	m := Measure{
		Platform: p.Name,
		Length:   count(text),
		Limit:    limit,
		Bytes:    len(text),
		MaxBytes: p.MaxBytes,
	}
	m.Fits = m.Length <= m.Limit && (m.MaxBytes <= 0 || m.Bytes <= m.MaxBytes)
	return m
}
