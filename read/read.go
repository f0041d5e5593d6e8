// Package read turns an article into candidate facts for the model, each
// pinned to the sentence it came from, and flags what in the text looks
// wrong: names close to but not the same as a known actor's, names used
// outside their validity, statements at odds with stored facts, a text
// that ends mid-sentence, and numbers with no stated source or date.
//
// The steps are in subpackages: extract finds the main text of a page,
// gazetteer finds the model's actors by name, text splits sentences and
// finds quantities and dates. docs/reading.md describes the method.
package read

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/read/extract"
	"github.com/leverage-dev/leverage/read/gazetteer"
	"github.com/leverage-dev/leverage/read/text"
)

// Schema identifies the JSON layout of [Result].
const Schema = "leverage.read/v1"

// Span is a half-open range of byte offsets into the article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Result is what reading one article gives.
type Result struct {
	Schema     string           `json:"schema"`
	Source     *leverage.Source `json:"source"` // the article as a source, for the facts below
	Title      string           `json:"title,omitempty"`
	Author     string           `json:"author,omitempty"`
	Date       string           `json:"date,omitempty"`    // the article's date, from its metadata
	After      string           `json:"after,omitempty"`   // without a date: the latest date the text mentions; it was written after it
	Format     string           `json:"format"`            // html or text
	Text       string           `json:"text"`              // the main text; spans below index it
	Removed    []string         `json:"removed,omitempty"` // boilerplate lines removed from a plain text
	Actors     []ActorHit       `json:"actors"`
	Candidates []Candidate      `json:"candidates"`
	Flags      []Flag           `json:"flags"`
}

// ActorHit is an actor of the model found in the text.
type ActorHit struct {
	Actor string             `json:"actor"`
	Name  string             `json:"name"` // its present name
	Kind  leverage.ActorKind `json:"kind"`
	Count int                `json:"count"`
	Forms []string           `json:"forms"` // the forms the text uses, in order of first use
	Spans []Span             `json:"spans"`
}

// Candidate is a fact the text states, in the model's schema, for an
// analyst to accept or reject.
type Candidate struct {
	ID         string           `json:"id"` // c1, c2, ... in text order
	Channel    leverage.Channel `json:"channel"`
	Fact       *leverage.Fact   `json:"fact"`
	Sentence   Span             `json:"sentence"`
	Quote      string           `json:"quote"`      // the sentence
	Confidence float64          `json:"confidence"` // in [0, 1]; see docs/reading.md
	Why        []string         `json:"why"`        // the cues that made it: channel words, dependence, quantity, date
}

// FlagKind names what a flag reports.
type FlagKind string

// The flags.
const (
	NearMiss      FlagKind = "near_miss"     // a name close to, but not, a known actor's name
	Anachronism   FlagKind = "anachronism"   // a name used outside the period it was in use
	Contradiction FlagKind = "contradiction" // a statement at odds with a stored fact
	Truncated     FlagKind = "truncated"     // the text ends mid-sentence or mid-section
	Unsourced     FlagKind = "unsourced"     // a number with no stated source or date
)

// Flag is something in the text that looks wrong.
type Flag struct {
	Kind    FlagKind `json:"kind"`
	Span    Span     `json:"span"`
	Text    string   `json:"text"`
	Reason  string   `json:"reason"`
	Suggest string   `json:"suggest,omitempty"` // the known name, where one is close
	Fact    string   `json:"fact,omitempty"`    // the stored fact it conflicts with
	Certain bool     `json:"certain"`           // false where the reader cannot rule the text right (an undated article)
}

// Model is what the reader knows: actors, relations and facts, as of now.
type Model struct {
	Actors    []*leverage.Actor
	Relations []*leverage.Relation
	Facts     []*leverage.Fact
	Lexicon   []Lexeme
	Now       time.Time // the day reading happens: names no longer in use are flagged relative to it
}

// Lexeme is a word or phrase of a channel lexicon (data/lexicons.csv).
type Lexeme struct {
	Channel leverage.Channel
	Term    string // lower case; a final * matches any ending
	Kind    string // topic, dependence, hedge, attribution, negation or relation:<id>
}

// Reader reads articles against a model. It is safe for concurrent use.
type Reader struct {
	m      Model
	gaz    *gazetteer.Gazetteer
	actors map[string]*leverage.Actor
	rels   map[string]*leverage.Relation
	byRel  map[string][]*leverage.Fact
	lex    *lexicon
	// entryActor is, per gazetteer entry, its actor; entryNo numbers the
	// actors of the entries from 0 to nActors-1.
	entryActor []*leverage.Actor
	entryNo    []int32
	nActors    int
	entryRank  []int8 // per gazetteer entry, its actor's kindRank
}

// New prepares a reader for the model.
func New(m Model) *Reader {
	r := &Reader{m: m, gaz: gazetteer.New(gazetteer.FromActors(m.Actors)), actors: map[string]*leverage.Actor{},
		rels: map[string]*leverage.Relation{}, byRel: map[string][]*leverage.Fact{}, lex: newLexicon(m.Lexicon)}
	for _, a := range m.Actors {
		r.actors[a.ID] = a
	}
	r.entryActor = make([]*leverage.Actor, r.gaz.Len())
	r.entryNo = make([]int32, r.gaz.Len())
	r.entryRank = make([]int8, r.gaz.Len())
	no := map[string]int32{}
	for i := range r.entryActor {
		id := r.gaz.Entry(i).Actor
		r.entryActor[i] = r.actors[id]
		if a := r.entryActor[i]; a != nil {
			r.entryRank[i] = int8(kindRank(a.Kind))
		}
		if _, ok := no[id]; !ok {
			no[id] = int32(len(no))
		}
		r.entryNo[i] = no[id]
	}
	r.nActors = len(no)
	for _, rel := range m.Relations {
		r.rels[rel.ID] = rel
	}
	for _, f := range m.Facts {
		r.byRel[f.Relation] = append(r.byRel[f.Relation], f)
	}
	return r
}

// Read reads a document whose main text has been extracted; source names
// it (a path or URL).
func (r *Reader) Read(doc *extract.Document, source string) *Result { return r.read(doc, source, true) }

// Facts reads a document as Read does, without looking for flags.
func (r *Reader) Facts(doc *extract.Document, source string) *Result {
	return r.read(doc, source, false)
}

func (r *Reader) read(doc *extract.Document, source string, flags bool) *Result {
	body := doc.Text
	if t := strings.TrimSpace(doc.Title); t != "" && !strings.HasPrefix(strings.TrimSpace(body), t) {
		body = t + "\n\n" + body // the title is read too
	}
	res := &Result{Schema: Schema, Title: doc.Title, Author: doc.Author, Format: doc.Format, Text: body, Removed: doc.Removed}
	doc = &extract.Document{Title: doc.Title, Author: doc.Author, Date: doc.Date, Text: body, Format: doc.Format}
	res.Source = r.source(doc, source)
	if !doc.Date.IsZero() {
		res.Date = doc.Date.Format("2006-01-02")
	}
	a := r.analyse(doc.Text)
	if doc.Date.IsZero() && !a.latest.IsZero() {
		res.After = a.latestText
	}
	res.Actors = r.actorHits(doc.Text, a.mentions)
	when, certain := doc.Date, !doc.Date.IsZero()
	if !certain {
		when = a.latest
	}
	res.Candidates = r.candidates(doc.Text, a, res.Source.ID, when)
	res.Flags = []Flag{}
	if flags {
		res.Flags = r.flags(doc.Text, a, when, certain, res.Candidates)
	}
	return res
}

// source makes the article a source of kind news, with an id derived from
// its address or file name.
func (r *Reader) source(doc *extract.Document, source string) *leverage.Source {
	title := doc.Title
	if title == "" {
		title = source
	}
	s := &leverage.Source{ID: "read-" + slug(source), Kind: leverage.SourceNews, Title: title, URL: source,
		Accessed: leverage.DateOf(r.m.Now), Note: "read by leverage read"}
	if doc.Author != "" {
		s.Note = "by " + doc.Author + "; " + s.Note
	}
	if !doc.Date.IsZero() {
		s.Date = leverage.DateOf(doc.Date)
	}
	return s
}

// slug makes an id from a name: lower-case letters and digits, runs of
// anything else as one hyphen, at most 60 characters.
func slug(name string) string {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "https://"), "http://")
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		if ('a' <= c && c <= 'z') || ('0' <= c && c <= '9') {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 60 {
		s = strings.Trim(s[len(s)-60:], "-")
	}
	if s == "" {
		s = "stdin"
	}
	return s
}

// analysis is what one pass over the text finds.
type analysis struct {
	sentences  []text.Span
	mentions   []gazetteer.Mention
	quantities []text.Quantity
	dates      []text.DateMention
	low        string                // the text with its ASCII letters in lower case
	hits       [][]hit               // per sentence: the lexicon's terms in it
	inMentions [][]gazetteer.Mention // per sentence: the names in it
	inQuants   [][]text.Quantity     // per sentence: the quantities in it
	inDates    [][]text.DateMention  // per sentence: the dates in it
	latest     time.Time             // the latest date mentioned, at its end
	latestText string
}

func (r *Reader) analyse(s string) *analysis {
	a := &analysis{sentences: text.Sentences(s), mentions: r.gaz.Find(s), dates: text.Dates(s)}
	a.inMentions = within(a.mentions, func(m gazetteer.Mention) (int, int) { return m.Start, m.End }, a.sentences)
	// Quantities matter only where an actor is named (candidates, unsourced
	// figures): look for them there alone.
	// Runs of such sentences are read in one call.
	for i := 0; i < len(a.sentences); {
		if len(a.inMentions[i]) == 0 {
			i++
			continue
		}
		j := i
		for j < len(a.sentences) && len(a.inMentions[j]) > 0 {
			j++
		}
		from, to := a.sentences[i].Start, a.sentences[j-1].End
		for _, q := range text.Quantities(s[from:to]) {
			q.Start += from
			q.End += from
			a.quantities = append(a.quantities, q)
		}
		i = j
	}
	a.inQuants = within(a.quantities, func(q text.Quantity) (int, int) { return q.Start, q.End }, a.sentences)
	a.inDates = within(a.dates, func(d text.DateMention) (int, int) { return d.Start, d.End }, a.sentences)
	// The lexicon is needed only where an actor is named: candidates,
	// contradictions and unsourced figures all need one.
	a.hits = make([][]hit, len(a.sentences))
	var ws []word
	var hits []hit // a block that sentences' hits fill one after the other
	a.low = lowerASCII(s)
	for i, sp := range a.sentences {
		if len(a.inMentions[i]) > 0 {
			ws = words(ws, s, a.low, sp.Start, sp.End)
			if cap(hits)-len(hits) < 64 {
				hits = make([]hit, 0, 1024)
			}
			from := len(hits)
			hits = r.lex.find(hits, ws)
			a.hits[i] = hits[from:len(hits):len(hits)]
		}
	}
	for _, d := range a.dates {
		if d.Year == 0 {
			continue
		}
		var t time.Time
		switch {
		case d.Day > 0:
			t = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		case d.Month > 0:
			t = time.Date(d.Year, time.Month(d.Month), 1, 0, 0, 0, 0, time.UTC)
		default:
			t = time.Date(d.Year, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if t.After(a.latest) && !t.After(r.m.Now) {
			a.latest, a.latestText = t, d.Text
		}
	}
	return a
}

// actorHits groups mentions by actor, in order of first mention.
func (r *Reader) actorHits(s string, ms []gazetteer.Mention) []ActorHit {
	var out []ActorHit
	index := make([]int32, r.nActors) // per actor (see entryNo): 1 + its index in out, 0 before its first mention
	// A first pass counts each actor's mentions, so that its spans are
	// allocated once.
	each := func(do func(m gazetteer.Mention, no int32, e int)) {
		for _, m := range ms {
			for k, e := range m.Entries {
				no := r.entryNo[e]
				if !slices.ContainsFunc(m.Entries[:k], func(x int) bool { return r.entryNo[x] == no }) {
					do(m, no, e) // not a name of this actor's already
				}
			}
		}
	}
	each(func(m gazetteer.Mention, no int32, e int) {
		if index[no] == 0 {
			id := r.gaz.Entry(e).Actor
			a := r.actors[id]
			out = append(out, ActorHit{Actor: id, Name: a.Name, Kind: a.Kind})
			index[no] = int32(len(out))
		}
		out[index[no]-1].Count++
	})
	for i := range out {
		out[i].Spans = make([]Span, 0, out[i].Count)
	}
	each(func(m gazetteer.Mention, no int32, _ int) {
		h := &out[index[no]-1]
		h.Spans = append(h.Spans, Span{m.Start, m.End})
		if form := s[m.Start:m.End]; !slices.Contains(h.Forms, form) {
			h.Forms = append(h.Forms, form)
		}
	})
	return out
}

// within returns, per sentence, the items whose spans lie in it; items are
// in order of their starts. One sweep serves every sentence.
func within[T any](items []T, span func(T) (int, int), sentences []text.Span) [][]T {
	out := make([][]T, len(sentences))
	i := 0
	for k, s := range sentences {
		for i < len(items) {
			if a, _ := span(items[i]); a >= s.Start {
				break
			}
			i++
		}
		j, fits := i, true
		for ; j < len(items); j++ {
			a, b := span(items[j])
			if a >= s.End {
				break
			}
			fits = fits && b <= s.End
		}
		if fits {
			out[k] = items[i:j:j] // no copy when every item starting in s ends in it
		} else {
			for _, it := range items[i:j] {
				if _, b := span(it); b <= s.End {
					out[k] = append(out[k], it)
				}
			}
		}
		i = j
	}
	return out
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
