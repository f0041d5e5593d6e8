package read

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/read/gazetteer"
	"github.com/leverage-dev/leverage/read/text"
)

// flags finds what looks wrong in the text. when is the article's date
// when certain is true, else the latest date it mentions (zero if none).
func (r *Reader) flags(s string, a *analysis, when time.Time, certain bool, cs []Candidate) []Flag {
	out := []Flag{}
	out = append(out, r.nearMisses(s, a)...)
	out = append(out, r.anachronisms(s, a, when, certain)...)
	out = append(out, r.contradictions(s, a, when)...)
	out = append(out, r.atOdds(cs, when, certain)...)
	if f, ok := truncated(s, a.sentences); ok {
		out = append(out, f)
	}
	out = append(out, r.unsourced(s, a)...)
	slices.SortStableFunc(out, func(x, y Flag) int { return x.Span.Start - y.Span.Start })
	return out
}

func (r *Reader) describe(e gazetteer.Entry) string {
	a := r.actors[e.Actor]
	if a == nil {
		return e.Name
	}
	if e.Name == a.Name {
		return fmt.Sprintf("%s (%s)", a.Name, a.Kind)
	}
	return fmt.Sprintf("%s, %s of %s", e.Name, e.NameKind, a.Name)
}

func (r *Reader) nearMisses(s string, a *analysis) []Flag {
	var out []Flag
	for _, n := range r.gaz.NearMisses(s, a.mentions) {
		e := r.gaz.Entry(n.Entry)
		out = append(out, Flag{Kind: NearMiss, Span: Span{n.Start, n.End}, Text: n.Text, Suggest: r.actors[e.Actor].Name, Certain: true,
			Reason: fmt.Sprintf("close to, but not, the name %s", r.describe(e))})
	}
	return out
}

// anachronisms flags names used outside the period they were in use.
func (r *Reader) anachronisms(s string, a *analysis, when time.Time, certain bool) []Flag {
	var out []Flag
	for _, m := range a.mentions {
		form := s[m.Start:m.End]
		var names []gazetteer.Entry
		inUse := false
		for _, i := range m.Entries {
			e := r.gaz.Entry(i)
			names = append(names, e)
			switch {
			case e.Valid == (leverage.Period{}):
				inUse = true
			case certain && e.Valid.Contains(when):
				inUse = true
			case !certain && (e.Valid.To.IsZero() || !e.Valid.To.Last().Before(when)):
				// Undated: in use unless it went out of use before the
				// latest date the article mentions...
				if e.Valid.To.IsZero() || !e.Valid.To.Last().Before(r.m.Now) {
					inUse = true // ...and is still in use today.
				}
			}
		}
		if inUse || len(names) == 0 {
			continue
		}
		e := names[0]
		f := Flag{Kind: Anachronism, Span: Span{m.Start, m.End}, Text: form, Certain: certain, Suggest: r.actors[e.Actor].NameAt(r.m.Now)}
		period := e.Valid.String()
		switch {
		case certain:
			f.Reason = fmt.Sprintf("%q was in use %s, not on the article's date %s", e.Name, period, when.Format("2006-01-02"))
		case !when.IsZero() && !e.Valid.To.IsZero() && e.Valid.To.Last().Before(when):
			f.Certain = true
			f.Reason = fmt.Sprintf("%q was in use %s, before the latest event the article mentions (%s)", e.Name, period, when.Format("2006-01"))
		default:
			f.Reason = fmt.Sprintf("%q was in use %s; the article has no date, so check that the name fits when it was written", e.Name, period)
		}
		out = append(out, f)
	}
	return out
}

// contradictions flags sentences that deny what a stored fact records, and
// figures far from a stored figure of the same relation, pair and year.
func (r *Reader) contradictions(s string, a *analysis, when time.Time) []Flag {
	if when.IsZero() {
		when = r.m.Now
	}
	var out []Flag
	for i, sent := range a.sentences {
		hits := a.hits[i]
		neg, negated := hasKind(hits, "negation")
		if !negated {
			continue
		}
		refs := r.refs(nil, a.inMentions[i])
		if len(refs) < 2 {
			continue
		}
		for _, h := range hits {
			rel, ok := strings.CutPrefix(h.Kind, "relation:")
			if !ok || h.start < neg.start {
				continue
			}
			if f := r.recorded(rel, refs, when); f != nil {
				out = append(out, Flag{Kind: Contradiction, Span: Span{sent.Start, sent.End}, Text: s[sent.Start:sent.End], Fact: f.ID, Certain: true,
					Reason: fmt.Sprintf("denies %q, but the model records %s", h.Term, r.sayFact(f))})
				break
			}
		}
	}
	return out
}

// recorded returns a fact of relation rel, on the record at when, that
// joins two of the actors: directly, or through an object located in one
// of them (a leased facility in the host state).
func (r *Reader) recorded(rel string, refs []actorRef, when time.Time) *leverage.Fact {
	ids := make([]string, len(refs))
	for i, ref := range refs {
		ids[i] = ref.id
	}
	kind := leverage.StateRelation
	if x := r.rels[rel]; x != nil {
		kind = x.Kind
	}
	for _, f := range r.byRel[rel] {
		if !slices.Contains(ids, f.Subject) || !f.HoldsAt(kind, when) && !(kind == leverage.AnnualRelation) {
			continue
		}
		if f.Object != f.Subject && slices.Contains(ids, f.Object) {
			return f
		}
		for _, loc := range r.byRel["located_in"] {
			if loc.Subject == f.Object && loc.Object != f.Subject && slices.Contains(ids, loc.Object) {
				return f
			}
		}
	}
	return nil
}

func (r *Reader) sayFact(f *leverage.Fact) string {
	name := func(id string) string {
		if a := r.actors[id]; a != nil {
			return a.Name
		}
		return id
	}
	out := fmt.Sprintf("%s %s %s", name(f.Subject), strings.ReplaceAll(f.Relation, "_", " "), name(f.Object))
	if f.Valid != (leverage.Period{}) {
		out += " (" + f.Valid.String() + ")"
	}
	return fmt.Sprintf("%s: fact %s, sources %s", out, f.ID, strings.Join(f.Sources, ", "))
}

// truncated flags a text that ends mid-sentence: its last sentence has no
// closing punctuation and ends on a word that cannot end an English
// sentence (an article, a preposition, a conjunction: "Initially sparked
// by"). Bylines, credits, links and headings that end a page do not.
func truncated(s string, sentences []text.Span) (Flag, bool) {
	t := strings.TrimRightFunc(s, unicode.IsSpace)
	if t == "" || len(sentences) == 0 {
		return Flag{}, false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?…\"”’»)]:", last) {
		return Flag{}, false
	}
	sp := sentences[len(sentences)-1]
	ws := strings.Fields(s[sp.Start:sp.End])
	if len(ws) < 2 || !slices.Contains(openEnds, strings.ToLower(ws[len(ws)-1])) {
		return Flag{}, false
	}
	return Flag{Kind: Truncated, Span: Span{sp.Start, sp.End}, Text: s[sp.Start:sp.End], Certain: true,
		Reason: fmt.Sprintf("the text ends mid-sentence, on %q: it has been cut off", ws[len(ws)-1])}, true
}

// openEnds are words an English sentence does not end on.
var openEnds = strings.Fields(`a an the and or but nor of to in on at by for with from into onto upon about as than
	that which who whom whose when where while because although though if unless since until after before
	during between among against without within through via per is are was were be been being has have had
	do does did will would shall should can could may might must its their his her our your my this these those
	very more most such not`)

// claimUnits are the units of figures that need a source.
var claimUnits = []string{"%", "USD m", "EUR m", "RUB m", "persons", "Mt", "Mt/y", "bcm", "bbl/d", "t"}

// unsourced flags figures the model could take, in sentences that name
// neither a source nor a date.
func (r *Reader) unsourced(s string, a *analysis) []Flag {
	var out []Flag
	// A figure is sourced when its sentence names a date or a source, or
	// the sentence before names a source ("According to the ministry: …").
	dated := func(i int) bool {
		return len(a.inDates[i]) > 0
	}
	cited := func(i int) bool {
		if i < 0 {
			return false
		}
		_, ok := hasKind(a.hits[i], "attribution")
		return ok
	}
	attributed := func(i int) bool { return dated(i) || cited(i) || cited(i-1) }
	for i := range a.sentences {
		qs := a.inQuants[i]
		if len(qs) == 0 {
			continue
		}
		// Only figures the model could take: in a sentence that names an
		// actor and speaks of a channel.
		if len(a.inMentions[i]) == 0 {
			continue
		}
		if channelOf(a.hits[i]) == "" {
			continue
		}
		for _, q := range qs {
			if !slices.Contains(claimUnits, q.Unit) || attributed(i) {
				continue
			}
			out = append(out, Flag{Kind: Unsourced, Span: Span{q.Start, q.End}, Text: q.Text, Certain: true,
				Reason: "a figure with no stated source or date"})
		}
	}
	return out
}

// tolerance is how far a figure may be from a stored figure of the same
// relation, pair and year before it is flagged: a quarter either way.
const tolerance = 0.25

// atOdds flags candidates that stored facts of the same relation and pair
// contradict: an office its holder did not hold at the article's date, a
// yearly figure far from the stored one.
func (r *Reader) atOdds(cs []Candidate, when time.Time, certain bool) []Flag {
	var out []Flag
	for _, c := range cs {
		f := c.Fact
		if f.Relation == Claim {
			continue
		}
		var stored []*leverage.Fact
		for _, g := range r.byRel[f.Relation] {
			if g.Subject == f.Subject && g.Object == f.Object {
				stored = append(stored, g)
			}
		}
		if len(stored) == 0 {
			continue
		}
		flag := Flag{Kind: Contradiction, Span: c.Sentence, Text: c.Quote, Certain: true}
		switch {
		case f.Relation == "holds_office" && !when.IsZero():
			var same []*leverage.Fact
			for _, g := range stored {
				if strings.EqualFold(g.Text, f.Text) {
					same = append(same, g)
				}
			}
			held := slices.ContainsFunc(same, func(g *leverage.Fact) bool {
				if !f.Valid.From.IsZero() {
					// The date the sentence (or the article) gives, to its
					// precision: a year overlaps an office held in it.
					return g.Valid.Overlaps(leverage.Period{From: f.Valid.From, To: f.Valid.From})
				}
				if certain {
					return g.Valid.Contains(when)
				}
				return g.Valid.To.IsZero() || !g.Valid.To.Last().Before(when) // undated: it may have been written any time after when
			})
			if len(same) > 0 && !held {
				flag.Fact = same[0].ID
				flag.Reason = fmt.Sprintf("calls %s %s, but the model records the office %s", r.actors[f.Subject].Name, f.Text, r.sayFact(same[0]))
				out = append(out, flag)
			}
		case f.Year != 0 && f.Value != nil:
			for _, g := range stored {
				if g.Year != f.Year || g.Value == nil || g.Unit != f.Unit || *g.Value == 0 {
					continue
				}
				if d := math.Abs(*f.Value-*g.Value) / math.Abs(*g.Value); d > tolerance {
					flag.Fact = g.ID
					flag.Reason = fmt.Sprintf("gives %g %s, %.0f%% from the %g %s the model records: %s", *f.Value, f.Unit, 100*d, *g.Value, g.Unit, r.sayFact(g))
					out = append(out, flag)
					break
				}
			}
		}
	}
	return out
}
