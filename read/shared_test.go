package read_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/read"
	"github.com/leverage-dev/leverage/read/extract"
)

// shared returns the shared folder (../shared beside the repository, or
// $LEVERAGE_TESTDATA/..), skipping the test when it is absent.
func shared(t testing.TB, parts ...string) string {
	t.Helper()
	base := filepath.Join("..", "..", "shared")
	if d := os.Getenv("LEVERAGE_TESTDATA"); d != "" {
		base = filepath.Dir(d)
	}
	p := filepath.Join(append([]string{base}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not found (%s): %v", p, err)
	}
	return p
}

// flagship is a reader of the built-in dataset.
func flagship(t testing.TB) *read.Reader {
	t.Helper()
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	lex, err := data.Lexicons()
	if err != nil {
		t.Fatal(err)
	}
	m := read.Model{Actors: d.Actors, Relations: d.Relations, Facts: d.Facts, Now: time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)}
	for _, x := range lex {
		m.Lexicon = append(m.Lexicon, read.Lexeme{Channel: x.Channel, Term: x.Term, Kind: x.Kind})
	}
	return read.New(m)
}

// TestSharedArticle is the acceptance test of the issue: the scraped
// article loses its page furniture, its actors are found, its candidates
// cover the channels it discusses, and its errors are flagged.
func TestSharedArticle(t *testing.T) {
	path := shared(t, "inputs", "articles", "russia-kazakhstan-strategic-target.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := extract.Extract(bytes.NewReader(b), "", extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"You may also like", "Leave a Comment", "Akismet", "Adblock Detected", "Home »"} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("page furniture left in the main text: %q", junk)
		}
	}
	r := flagship(t).Read(doc, path)
	var ids []string
	for _, a := range r.Actors {
		ids = append(ids, a.Actor)
	}
	for _, want := range []string{"RUS", "KAZ", "CHN", "CSTO", "EAEU", "CPC", "TOKAYEV", "NAZARBAYEV", "PUTIN"} {
		if !slices.Contains(ids, want) {
			t.Errorf("actor %s not found (found %v)", want, ids)
		}
	}
	channels := map[string]int{}
	for _, c := range r.Candidates {
		channels[string(c.Channel)]++
	}
	for _, want := range []string{"energy", "trade", "bloc", "security", "people", "political"} {
		if channels[want] == 0 {
			t.Errorf("no candidate fact for the %s channel (got %v)", want, channels)
		}
	}
	want := []struct {
		kind read.FlagKind
		text string
	}{
		{read.NearMiss, "kasyma-Zomart tokayev"},                  // misspelled president
		{read.NearMiss, "Collective Security Treaty Association"}, // misnamed organisation
		{read.Anachronism, "NUR-SULTAN"},                          // Astana's name in 2019-2022
		{read.Contradiction, "does not currently host permanent Russian military bases"},
		{read.Truncated, "Initially sparked by"},
	}
	for _, w := range want {
		if !slices.ContainsFunc(r.Flags, func(f read.Flag) bool { return f.Kind == w.kind && strings.Contains(f.Text, w.text) }) {
			t.Errorf("no %s flag on %q", w.kind, w.text)
		}
	}
	for _, f := range r.Flags {
		t.Logf("%s %q: %s", f.Kind, f.Text, f.Reason)
	}
	t.Logf("%d actors, %d candidates %v, %d flags", len(r.Actors), len(r.Candidates), channels, len(r.Flags))
}
