package data_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

func TestLexiconsBuiltin(t *testing.T) {
	lex, err := data.Lexicons()
	if err != nil {
		t.Fatal(err)
	}
	if len(lex) < 150 || len(lex) > 500 {
		t.Errorf("got %d lexemes, want 150 to 500", len(lex))
	}
	topics := map[leverage.Channel]int{}
	kinds := map[string]int{}
	for _, l := range lex {
		kinds[l.Kind]++
		if l.Kind == data.LexTopic {
			topics[l.Channel]++
		}
	}
	for _, ch := range leverage.Channels {
		if topics[ch] < 10 {
			t.Errorf("channel %s: %d topic terms, want at least 10", ch, topics[ch])
		}
	}
	for _, k := range data.LexemeKinds {
		if kinds[k] == 0 {
			t.Errorf("no %s terms", k)
		}
	}
	// Spot checks of terms the reader relies on.
	want := map[string]bool{"pipeline*": false, "relies on": false, "reportedly": false, "russian-speaking": false, "customs union": false}
	for _, l := range lex {
		if _, ok := want[l.Term]; ok {
			want[l.Term] = true
		}
	}
	for term, found := range want {
		if !found {
			t.Errorf("lexicons lack %q", term)
		}
	}
}

func TestParseLexicons(t *testing.T) {
	in := "# comment\nchannel,term,kind,note\nenergy,Pipeline*,topic,\n"
	if _, err := data.ParseLexicons(strings.NewReader(in), "lex.csv"); err == nil || !strings.Contains(err.Error(), "lex.csv:3: field term: want lower case") {
		t.Errorf("upper case term: got %v", err)
	}
	in = "term,kind,channel\n pipeline* ,topic,energy\nrelies on,dependence,\n"
	lex, err := data.ParseLexicons(strings.NewReader(in), "lex.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(lex) != 2 || lex[0].Term != "pipeline*" || !lex[0].Prefix() || lex[0].Stem() != "pipeline" || lex[0].Channel != leverage.Energy || lex[1].Channel != "" || lex[1].Prefix() {
		t.Errorf("got %+v", lex)
	}
}

func TestParseLexiconsRejects(t *testing.T) {
	const head = "channel,term,kind,note\n"
	tests := []struct {
		name, content, want string
	}{
		{"unknown channel", head + "oil,pipeline*,topic,\n", `lex.csv:2: field channel: unknown channel "oil"`},
		{"topic without channel", head + ",pipeline*,topic,\n", "lex.csv:2: field channel: a topic term needs a channel"},
		{"unknown kind", head + "energy,pipeline*,subject,\n", `lex.csv:2: field kind: unknown kind "subject"`},
		{"no kind", head + "energy,pipeline*,,\n", "lex.csv:2: field kind: required"},
		{"no term", head + "energy,,topic,\n", "lex.csv:2: field term: required"},
		{"upper case", head + "energy,LNG,topic,\n", "lex.csv:2: field term: want lower case"},
		{"star inside", head + "energy,pipe*line,topic,\n", "lex.csv:2: field term: * may only end the term"},
		{"two stars", head + "energy,pipeline**,topic,\n", "lex.csv:2: field term: * may only end the term"},
		{"star alone", head + "energy,*,topic,\n", "lex.csv:2: field term: want a word or phrase"},
		{"star after space", head + "energy,oil *,topic,\n", "lex.csv:2: field term: * must follow a letter or digit"},
		{"duplicate", head + "energy,oil,topic,\nenergy,oil,topic,x\n", `lex.csv:3: field term: topic term "oil" already given on line 2`},
		{"duplicate folded", head + "people,russian speaking,topic,\npeople,russian-speaking,topic,\n", `lex.csv:3: field term: topic term "russian-speaking" already given on line 2`},
		{"missing column", "channel,term\nenergy,oil\n", "lex.csv:1: field kind: missing column"},
		{"unknown column", "channel,term,kind,weight\nenergy,oil,topic,1\n", "lex.csv:1: field weight: unknown column"},
		{"short row", head + "energy,oil\n", "lex.csv:2: 2 fields, want 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := data.ParseLexicons(strings.NewReader(tt.content), "lex.csv")
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %q, want it to contain %q", err, tt.want)
			}
			var fe *data.FileError
			if !errors.As(err, &fe) || fe.File != "lex.csv" {
				t.Errorf("got %T, want a *data.FileError naming the file", err)
			}
		})
	}
	// The same term may serve several channels, or one channel as two kinds.
	ok := head + "trade,export*,topic,\nenergy,export*,topic,\nenergy,transit through,dependence,\nenergy,transit through,topic,\n"
	if _, err := data.ParseLexicons(strings.NewReader(ok), "lex.csv"); err != nil {
		t.Errorf("same term in other channels or kinds: %v", err)
	}
}

// FuzzParseLexicons checks that no input makes the lexicon parser panic,
// and that every lexeme it accepts keeps the file's rules.
func FuzzParseLexicons(f *testing.F) {
	f.Add("channel,term,kind,note\nenergy,pipeline*,topic,\n,relies on,dependence,\n")
	f.Add("# c\nterm,kind,channel\nmay,hedge,\n")
	f.Fuzz(func(t *testing.T, in string) {
		lex, err := data.ParseLexicons(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			var fe *data.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %T %v, want a *data.FileError", err, err)
			}
			return
		}
		for _, l := range lex {
			if l.Term == "" || strings.ToLower(l.Term) != l.Term || strings.Contains(l.Stem(), "*") || leverage.Fold(l.Stem()) == "" {
				t.Fatalf("parser accepted a bad term %q", l.Term)
			}
			if l.Kind == data.LexTopic && l.Channel == "" {
				t.Fatalf("parser accepted a topic term %q without a channel", l.Term)
			}
		}
	})
}

func TestLexiconRelationKinds(t *testing.T) {
	for _, tc := range []struct{ row, want string }{
		{"security,base,relation:leases_facility,\n", ""},
		{"security,base,relation:,\n", "t.csv:2: field kind: relation: needs a relation id"},
		{",not,negation,\n", ""},
		{",according to,attribution,\n", ""},
	} {
		_, err := data.ParseLexicons(strings.NewReader("channel,term,kind,note\n"+tc.row), "t.csv")
		if (err == nil) != (tc.want == "") || err != nil && !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.row, err, tc.want)
		}
	}
}
