// Package names answers questions about the words of English text that a
// check for patient names needs: is "Sofia" a given name and how common,
// is "Whitfield" a surname, is "Will" also a common English word, do
// "Sangamon County" or "New York" name a US place, and is "Dr. Seuss" or
// "Tylenol" a well-known name that is no patient's.
//
// The answers come from lists shipped with the package (see
// data/README.md for where each comes from and under which licence):
//
//   - given names: Social Security Administration baby names, 1880–2024;
//   - surnames: the US Census Bureau's 2010 surnames list;
//   - English words: SCOWL word lists up to size 60;
//   - places: US states and postal codes, counties from the Census
//     gazetteer, towns from the GeoNames postal codes, and a few
//     landmarks;
//   - well-known names: a hand-curated list of public figures, characters,
//     medical eponyms, observances, organisations and health brands.
//
// [Load] reads them once per process and shares the result, which is
// read-only and safe for concurrent use. Lookups take a word as written
// and match it case-insensitively with accents ignored; they do not
// allocate for ASCII input.
package names
