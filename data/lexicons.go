package data

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/leverage-dev/leverage"
)

// The kinds of lexicon entry.
const (
	LexTopic       = "topic"       // the sentence speaks of the channel
	LexDependence  = "dependence"  // a cue that one side depends on the other
	LexHedge       = "hedge"       // a cue of uncertainty
	LexNegation    = "negation"    // the sentence denies something
	LexAttribution = "attribution" // the sentence says where a figure comes from
	// LexRelation prefixes a relation id: the term names what facts of that
	// relation record ("military base" for leases_facility), so that a
	// sentence denying it can be set against the facts.
	LexRelation = "relation:"
)

// LexemeKinds lists every valid lexeme kind, relation:<id> aside.
var LexemeKinds = []string{LexTopic, LexDependence, LexHedge, LexNegation, LexAttribution}

// Lexeme is one entry of lexicons.csv: a word or phrase that tells a reader
// of articles what a sentence speaks of (topic), that it states a
// dependence, or that it hedges. Terms are lower case and are meant to be
// matched on word boundaries against text folded with [leverage.Fold]; a
// final * matches any ending of the last word ("pipeline*").
type Lexeme struct {
	Channel leverage.Channel // "" for dependence and hedge cues that hold for every channel
	Term    string
	Kind    string // LexTopic, LexDependence or LexHedge
	Note    string
}

// Prefix reports whether the term ends in *, so that its last word matches
// any word it begins.
func (l Lexeme) Prefix() bool { return strings.HasSuffix(l.Term, "*") }

// Stem returns the term without its final *.
func (l Lexeme) Stem() string { return strings.TrimSuffix(l.Term, "*") }

// Lexicons reads and checks the channel lexicons embedded in the binary
// (lexicons.csv).
func Lexicons() ([]Lexeme, error) {
	b, err := builtin.ReadFile("lexicons.csv")
	if err != nil {
		return nil, &FileError{File: "lexicons.csv", Err: err}
	}
	lx, err := ParseLexicons(bytes.NewReader(b), "lexicons.csv")
	if err != nil {
		return nil, err
	}
	rb, err := builtin.ReadFile("relations.csv")
	if err != nil {
		return nil, &FileError{File: "relations.csv", Err: err}
	}
	rels, err := ParseRelations(bytes.NewReader(rb), "relations.csv")
	if err != nil {
		return nil, err
	}
	for _, l := range lx {
		if rel, ok := strings.CutPrefix(l.Kind, LexRelation); ok && !slices.ContainsFunc(rels, func(r *leverage.Relation) bool { return r.ID == rel }) {
			return nil, &FileError{File: "lexicons.csv", Err: fmt.Errorf("term %q: unknown relation %q", l.Term, rel)}
		}
	}
	return lx, nil
}

// ParseLexicons reads a lexicons file: channel,term,kind,note. It checks
// every row and returns the first problem as a *FileError naming file, line
// and field: a channel that is not one of [leverage.Channels] (it may be
// empty for dependence and hedge cues only), an unknown kind, a term that
// is not lower case, a * anywhere but at the end of a word, and a term
// given twice for the same channel and kind.
func ParseLexicons(r io.Reader, file string) ([]Lexeme, error) {
	t, err := newTable(r, file, []string{"channel", "term", "kind"}, []string{"note"})
	if err != nil {
		return nil, err
	}
	var out []Lexeme
	seen := map[string]int{} // channel, kind and folded term -> line
	for {
		ok, err := t.next()
		if !ok {
			return out, err
		}
		l := Lexeme{Channel: leverage.Channel(t.get("channel")), Term: t.get("term"), Kind: t.get("kind"), Note: t.get("note")}
		if l.Kind == "" {
			return nil, t.fail("kind", "required")
		}
		if rel, ok := strings.CutPrefix(l.Kind, LexRelation); ok {
			if rel == "" {
				return nil, t.fail("kind", "relation: needs a relation id, such as relation:leases_facility")
			}
		} else if !slices.Contains(LexemeKinds, l.Kind) {
			return nil, t.fail("kind", "unknown kind %q (want %s, or relation:<id>)", l.Kind, strings.Join(LexemeKinds, ", "))
		}
		switch {
		case l.Channel == "" && l.Kind == LexTopic:
			return nil, t.fail("channel", "a topic term needs a channel")
		case l.Channel != "" && !slices.Contains(leverage.Channels, l.Channel):
			return nil, t.fail("channel", "unknown channel %q", l.Channel)
		}
		if err := checkTerm(l.Term); err != nil {
			return nil, t.fail("term", "%v", err)
		}
		key := string(l.Channel) + "\x00" + l.Kind + "\x00" + leverage.Fold(l.Stem())
		if l.Prefix() {
			key += "*"
		}
		if prev, dup := seen[key]; dup {
			return nil, t.fail("term", "%s term %q already given on line %d", l.Kind, l.Term, prev)
		}
		seen[key] = t.line
		out = append(out, l)
	}
}

func checkTerm(term string) error {
	switch {
	case term == "":
		return fmt.Errorf("required")
	case strings.ToLower(term) != term:
		return fmt.Errorf("want lower case, got %q", term)
	case strings.Count(term, "*") > 1 || strings.Contains(strings.TrimSuffix(term, "*"), "*"):
		return fmt.Errorf("* may only end the term, got %q", term)
	}
	stem := strings.TrimSuffix(term, "*")
	if leverage.Fold(stem) == "" {
		return fmt.Errorf("want a word or phrase, got %q", term)
	}
	if last, _ := utf8.DecodeLastRuneInString(stem); stem != term && !unicode.IsLetter(last) && !unicode.IsDigit(last) {
		return fmt.Errorf("* must follow a letter or digit, got %q", term)
	}
	return nil
}
