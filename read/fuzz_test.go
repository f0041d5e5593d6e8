package read_test

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leverage-dev/leverage/read"
	"github.com/leverage-dev/leverage/read/extract"
)

// FuzzRead reads any text: it must not panic, and every span must quote
// the text it claims.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Borduria relies on Syldavia for oil pipelines.",
		"In 2021 the ZTO sent 2,500 troops to Syldavia. Syldavia does not host Bordurian military bases.",
		"The Zembla Treaty Association met in Nova Klow in 2012 and agreed to",
		"Syldavian President Ottokar Muscar: 60% of oil, $1.2 billion.\n\n",
		"",
	} {
		f.Add(s)
	}
	rd := read.New(world())
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // extract makes text valid UTF-8 before reading
		}
		r := rd.Read(&extract.Document{Text: s, Format: "text", Date: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)}, "fuzz")
		ok := func(sp read.Span, quote string) bool {
			return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(r.Text) && r.Text[sp.Start:sp.End] == quote
		}
		for _, c := range r.Candidates {
			if !ok(c.Sentence, c.Quote) || c.Confidence < 0 || c.Confidence > 1 || c.Fact.Validate() != nil {
				t.Fatalf("candidate %+v", c)
			}
		}
		for _, fl := range r.Flags {
			if !ok(fl.Span, fl.Text) {
				t.Fatalf("flag %+v does not quote the text", fl)
			}
		}
		for _, a := range r.Actors {
			for _, sp := range a.Spans {
				if sp.Start < 0 || sp.End > len(r.Text) || sp.Start > sp.End {
					t.Fatalf("actor %s span %v", a.Actor, sp)
				}
			}
		}
	})
}
