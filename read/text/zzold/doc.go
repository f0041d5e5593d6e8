// Package text finds sentences, quantities and dates in English prose,
// with byte offsets into the original string.
//
// Sentences splits text at Unicode (UAX #29) sentence boundaries, corrected
// for abbreviations, paragraph breaks and headings. Quantities reads numbers
// with their units and what they measure ("80% of oil exports", "about
// 2,500 troops", "$26 billion"); Dates reads the dates a text names
// ("5 January 2022", "mid-2023", "the 1990s").
//
// All three functions are pure: they keep no state between calls, are safe
// for concurrent use, never panic, and report spans s with
// text[s.Start:s.End] equal to the matched text. They read a text in a
// single pass with hand-written scanners.
package zzold
