package read_test

import (
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/read"
	"github.com/leverage-dev/leverage/read/extract"
)

// world is a small model: two states, an alliance, a leader, a city with
// a former name, and a facility one state leases in the other.
func world() read.Model {
	d := func(s string) leverage.Date { return leverage.MustDate(s) }
	v := func(x float64) *float64 { return &x }
	actors := []*leverage.Actor{
		{ID: "SYL", Kind: leverage.State, Name: "Syldavia", Names: []leverage.Name{{Text: "Syldavian", Kind: leverage.NameDemonym}, {Text: "Klow", Kind: leverage.NameMetonym}}},
		{ID: "BOR", Kind: leverage.State, Name: "Borduria", Names: []leverage.Name{{Text: "Bordurian", Kind: leverage.NameDemonym}}},
		{ID: "ZTO", Kind: leverage.Organisation, Name: "Zembla Treaty Organization", Names: []leverage.Name{{Text: "ZTO", Kind: leverage.NameAcronym}}},
		{ID: "MULLER", Kind: leverage.Person, Name: "Ottokar Muskar", Names: []leverage.Name{{Text: "Muskar", Kind: leverage.NameAlias}}},
		{ID: "KLOW", Kind: leverage.Place, Name: "Klow", Names: []leverage.Name{{Text: "Nova Klow", Kind: leverage.NameHistorical, Valid: leverage.Period{From: d("2001"), To: d("2010-06-30")}}}},
		{ID: "SPACEPORT", Kind: leverage.Place, Name: "Szohod Spaceport"},
	}
	rel := func(id string, kind leverage.RelationKind, units ...string) *leverage.Relation {
		return &leverage.Relation{ID: id, Kind: kind, Object: true, Units: units, Description: id}
	}
	rels := []*leverage.Relation{
		rel("deployment", leverage.EventRelation, "personnel", ""), rel("trade_with", leverage.AnnualRelation, "USD m"),
		rel("holds_office", leverage.StateRelation, ""), rel("leases_facility", leverage.StateRelation, ""),
		rel("located_in", leverage.StateRelation, ""), rel("claim", leverage.EventRelation, "", "%", "USD m", "persons"),
		rel("member_of", leverage.StateRelation, ""),
	}
	facts := []*leverage.Fact{
		{ID: "lease", Subject: "BOR", Relation: "leases_facility", Object: "SPACEPORT", Valid: leverage.Period{From: d("1994"), To: d("2050")}, Sources: []string{"s"}},
		{ID: "spaceport-in-syl", Subject: "SPACEPORT", Relation: "located_in", Object: "SYL", Sources: []string{"s"}},
		{ID: "muskar-king", Subject: "MULLER", Relation: "holds_office", Object: "SYL", Text: "President", Valid: leverage.Period{From: d("1990"), To: d("2005")}, Sources: []string{"s"}},
		{ID: "trade-2020", Subject: "SYL", Relation: "trade_with", Object: "BOR", Value: v(1000), Unit: "USD m", Year: 2020, Sources: []string{"s"}},
	}
	lex := []read.Lexeme{
		{Channel: leverage.Security, Term: "troop*", Kind: "topic"}, {Channel: leverage.Security, Term: "military", Kind: "topic"},
		{Channel: leverage.Trade, Term: "trade", Kind: "topic"}, {Channel: leverage.Energy, Term: "oil", Kind: "topic"},
		{Channel: leverage.Energy, Term: "pipeline*", Kind: "topic"},
		{Term: "relies on", Kind: "dependence"}, {Term: "may", Kind: "hedge"},
		{Term: "not", Kind: "negation"}, {Term: "according to", Kind: "attribution"},
		{Channel: leverage.Security, Term: "military base*", Kind: "relation:leases_facility"},
	}
	return read.Model{Actors: actors, Relations: rels, Facts: facts, Lexicon: lex, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
}

func readText(t *testing.T, text string, date time.Time) *read.Result {
	t.Helper()
	return read.New(world()).Read(&extract.Document{Text: text, Format: "text", Date: date}, "test.txt")
}

func flagsOf(r *read.Result, kind read.FlagKind) []read.Flag {
	var out []read.Flag
	for _, f := range r.Flags {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

func TestCandidates(t *testing.T) {
	for _, tc := range []struct {
		name, text                string
		relation, subject, object string
		value                     float64
		channel                   leverage.Channel
	}{
		{"deployment", "In 2021 the ZTO sent 2,500 troops to Syldavia.", "deployment", "ZTO", "SYL", 2500, leverage.Security},
		{"trade figure", "Syldavia's trade with Borduria reached $1.1 billion in 2020.", "trade_with", "SYL", "BOR", 1100, leverage.Trade},
		{"office", "Syldavian President Ottokar Muskar met Bordurian envoys in 2003.", "holds_office", "MULLER", "SYL", 0, leverage.Political},
		{"dependence", "Borduria relies on Syldavia for oil pipelines.", "claim", "BOR", "SYL", 0, leverage.Energy},
		{"dependence, holder first", "Syldavia, whose oil pipelines Borduria relies on, sets the terms.", "claim", "BOR", "SYL", 0, leverage.Energy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readText(t, tc.text, time.Time{})
			if len(r.Candidates) != 1 {
				t.Fatalf("%d candidates, want 1: %+v", len(r.Candidates), r.Candidates)
			}
			c := r.Candidates[0]
			f := c.Fact
			if f.Relation != tc.relation || f.Subject != tc.subject || f.Object != tc.object || c.Channel != tc.channel {
				t.Errorf("got %s %s %s (%s), want %s %s %s (%s)", f.Subject, f.Relation, f.Object, c.Channel, tc.subject, tc.relation, tc.object, tc.channel)
			}
			if tc.value != 0 && (f.Value == nil || *f.Value != tc.value) {
				t.Errorf("value %v, want %v", f.Value, tc.value)
			}
			if r.Text[c.Sentence.Start:c.Sentence.End] != c.Quote || len(f.Sources) != 1 || f.Sources[0] != r.Source.ID {
				t.Errorf("sentence %v does not quote %q, or sources %v", c.Sentence, c.Quote, f.Sources)
			}
			if err := f.Validate(); err != nil {
				t.Errorf("the candidate is not a valid fact: %v", err)
			}
		})
	}
}

func TestFlags(t *testing.T) {
	dated := time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		text    string
		date    time.Time
		kind    read.FlagKind
		want    string // in the flag's text
		certain bool
		fact    string
	}{
		{"misnamed organisation", "The Zembla Treaty Association met in Klow.", dated, read.NearMiss, "Zembla Treaty Association", true, ""},
		{"misspelled person", "Ottokar Muscar spoke in Klow.", dated, read.NearMiss, "Ottokar Muscar", true, ""},
		{"former name, dated", "Officials gathered in Nova Klow.", dated, read.Anachronism, "Nova Klow", true, ""},
		{"former name, undated", "Officials gathered in Nova Klow in 2008.", time.Time{}, read.Anachronism, "Nova Klow", false, ""},
		{"former name, undated, after the rename", "Officials gathered in Nova Klow after the 2012 vote.", time.Time{}, read.Anachronism, "Nova Klow", true, ""},
		{"denied base", "Syldavia does not host Bordurian military bases.", dated, read.Contradiction, "military bases", true, "lease"},
		{"office not held", "Syldavian President Ottokar Muskar opened the session.", dated, read.Contradiction, "President", true, "muskar-king"},
		{"figure at odds", "In 2020 Syldavia's trade with Borduria was $2 billion, according to customs data.", dated, read.Contradiction, "$2 billion", true, "trade-2020"},
		{"cut off", "Syldavia and Borduria signed the treaty.\n\nThe talks began when", dated, read.Truncated, "The talks began when", true, ""},
		{"unsourced figure", "Borduria buys 60% of Syldavia's oil.", time.Time{}, read.Unsourced, "60%", true, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := readText(t, tc.text, tc.date)
			fs := flagsOf(r, tc.kind)
			if len(fs) != 1 {
				t.Fatalf("%d %s flags, want 1: all flags %+v", len(fs), tc.kind, r.Flags)
			}
			f := fs[0]
			if !strings.Contains(f.Text, tc.want) || f.Certain != tc.certain || f.Fact != tc.fact {
				t.Errorf("got %+v, want text with %q, certain %v, fact %q", f, tc.want, tc.certain, tc.fact)
			}
			if r.Text[f.Span.Start:f.Span.End] != f.Text {
				t.Errorf("span %v is %q, not %q", f.Span, r.Text[f.Span.Start:f.Span.End], f.Text)
			}
		})
	}
}

// TestCleanTextRaisesNoFlags: a correct, attributed, dated text is left
// alone.
func TestCleanTextRaisesNoFlags(t *testing.T) {
	text := "In 2020, according to customs data, Syldavia's trade with Borduria was $1 billion.\n\n" +
		"The Zembla Treaty Organization met in Klow in March 2015. Ottokar Muskar did not attend.\n\n" +
		"Borduria leases the Szohod Spaceport in Syldavia."
	r := readText(t, text, time.Date(2015, 5, 1, 0, 0, 0, 0, time.UTC))
	if len(r.Flags) != 0 {
		t.Errorf("flags on a clean text: %+v", r.Flags)
	}
	if len(r.Actors) < 4 {
		t.Errorf("actors %+v", r.Actors)
	}
}

func TestLexicon(t *testing.T) {
	lx := []read.Lexeme{
		{Channel: leverage.Energy, Term: "oil", Kind: "topic"}, {Channel: leverage.Energy, Term: "pipeline*", Kind: "topic"},
		{Channel: leverage.Trade, Term: "un*", Kind: "topic"}, {Term: "no", Kind: "negation"},
		{Term: "relies on", Kind: "dependence"}, {Channel: leverage.People, Term: "russian", Kind: "topic"},
		{Channel: leverage.Trade, Term: "re-export*", Kind: "topic"},
	}
	m := world()
	m.Lexicon = lx
	rd := read.New(m)
	// Each sentence names two actors, so that it is a claim whose why lists
	// the terms found.
	for _, tc := range []struct{ text, want string }{
		{"Syldavia's Pipelines carry Bordurian oil.", "pipeline* oil"},
		{"Syldavia unsettled Borduria.", "un*"},
		{"Syldavia has no Russian-speaking Bordurian citizens.", "russian"},
		{"Syldavia re-exports Bordurian goods.", "re-export*"},
	} {
		r := rd.Facts(&extract.Document{Text: tc.text, Format: "text"}, "t")
		if len(r.Candidates) != 1 || strings.Join(r.Candidates[0].Why, " ") != tc.want {
			t.Errorf("%q: candidates %+v, want why %q", tc.text, r.Candidates, tc.want)
		}
	}
}
