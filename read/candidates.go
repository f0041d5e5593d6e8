package read

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/read/gazetteer"
	"github.com/leverage-dev/leverage/read/text"
)

// Claim is the relation of candidate facts that no more specific relation
// of the model fits: a statement kept for review, its channel in the
// fact's text.
const Claim = "claim"

// actorRef is an actor mentioned in a sentence.
type actorRef struct {
	id    string
	no    int32 // the actor's number (see Reader.entryNo)
	kind  leverage.ActorKind
	start int
}

// kindRank orders the actors a name may stand for: a state before the
// place that stands for it ("Moscow"), and so on.
func kindRank(k leverage.ActorKind) int {
	switch k {
	case leverage.State:
		return 0
	case leverage.Organisation:
		return 1
	case leverage.Person:
		return 2
	case leverage.Company:
		return 3
	case leverage.Asset:
		return 4
	case leverage.Route:
		return 5
	}
	return 6
}

// refs returns the actors a sentence mentions, one per actor, in order,
// appended to dst[:0].
func (r *Reader) refs(dst []actorRef, ms []gazetteer.Mention) []actorRef {
	out := dst[:0]
	for _, m := range ms {
		best := -1
		for _, i := range m.Entries {
			if r.entryActor[i] != nil && (best < 0 || r.entryRank[i] < r.entryRank[best]) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		no := r.entryNo[best]
		if !slices.ContainsFunc(out, func(x actorRef) bool { return x.no == no }) {
			a := r.entryActor[best]
			out = append(out, actorRef{id: a.ID, no: no, kind: a.Kind, start: m.Start})
		}
	}
	return out
}

// rule maps what a sentence holds to a relation of the model.
type rule struct {
	relation string
	channel  leverage.Channel
	units    []string // the quantity's unit must be one of these; nil: no quantity needed
	of       cues     // what the quantity or the sentence must speak of
	subject  []leverage.ActorKind
	object   []leverage.ActorKind
	sm, om   uint   // subject and object as masks (see kindsOf)
	why      string // "rule: <relation>", for Candidate.Why
}

var (
	rxTroops   = cueWords("troop", "soldier", "servicem", "personnel", "force", "peacekeep", "contingent")
	rxTrade    = cueWords("trade", "turnover")
	rxExports  = cueWords("export")
	rxImports  = cueWords("import")
	rxOil      = cueWords("oil", "crude")
	rxCapacity = cueWords("capacity", "throughput")
	rxMember   = cueWords(" member", " join", " accession", " acceded")
	rxOffice   = cueWords("president", "prime minister", "premier", "chairman", "chancellor", "foreign minister", "defence minister", "defense minister")
)

// cues is a set of substrings, any of which a lower-case text must hold.
type cues []string

func cueWords(ws ...string) cues { return cues(ws) }

// first returns the cue s holds earliest and its index; "" and -1 if
// none.
func (c cues) first(s string) (string, int) {
	best, at := "", -1
	for _, w := range c {
		if i := index(s, w); i >= 0 && (at < 0 || i < at) {
			best, at = w, i
		}
	}
	return best, at
}

// MatchString reports whether s holds one of the cues.
func (c cues) MatchString(s string) bool {
	for _, w := range c {
		if index(s, w) >= 0 {
			return true
		}
	}
	return false
}

// index returns the index of the first cue in s, or -1, as strings.Index
// does. A cue that starts with a space (" member") is looked for by the
// rest: a sentence has many spaces, and strings.Index stops at each.
func index(s, cue string) int {
	if len(cue) < 2 || cue[0] != ' ' {
		return strings.Index(s, cue)
	}
	for i := 1; i < len(s); {
		k := strings.Index(s[i:], cue[1:])
		if k < 0 {
			return -1
		}
		if s[i+k-1] == ' ' {
			return i + k - 1
		}
		i += k + 1
	}
	return -1
}

// rules are tried in order; the first that fits makes the candidate.
var rules = masked([]rule{
	{relation: "deployment", channel: leverage.Security, units: []string{"persons"}, of: rxTroops,
		subject: []leverage.ActorKind{leverage.Organisation, leverage.State}, object: []leverage.ActorKind{leverage.State}},
	{relation: "trade_with", channel: leverage.Trade, units: []string{"USD m"}, of: rxTrade,
		subject: []leverage.ActorKind{leverage.State, leverage.Organisation}, object: []leverage.ActorKind{leverage.State, leverage.Organisation}},
	{relation: "exports_to", channel: leverage.Trade, units: []string{"USD m"}, of: rxExports,
		subject: []leverage.ActorKind{leverage.State}, object: []leverage.ActorKind{leverage.State, leverage.Organisation}},
	{relation: "imports_from", channel: leverage.Trade, units: []string{"USD m"}, of: rxImports,
		subject: []leverage.ActorKind{leverage.State}, object: []leverage.ActorKind{leverage.State, leverage.Organisation}},
	{relation: "oil_exports", channel: leverage.Energy, units: []string{"Mt", "Mt/y"}, of: rxOil,
		subject: []leverage.ActorKind{leverage.State}},
	{relation: "capacity", channel: leverage.Energy, units: []string{"Mt/y", "bbl/d"}, of: rxCapacity,
		subject: []leverage.ActorKind{leverage.Asset}},
	{relation: "holds_office", channel: leverage.Political, of: rxOffice,
		subject: []leverage.ActorKind{leverage.Person}, object: []leverage.ActorKind{leverage.State}},
	{relation: "member_of", channel: leverage.Bloc, of: rxMember,
		subject: []leverage.ActorKind{leverage.State}, object: []leverage.ActorKind{leverage.Organisation}},
})

// masked fills in the rules' kind masks.
func masked(rs []rule) []rule {
	for i := range rs {
		rs[i].sm, rs[i].om = mask(rs[i].subject), mask(rs[i].object)
		rs[i].why = "rule: " + rs[i].relation
	}
	return rs
}

// candidates finds the facts the sentences state.
func (r *Reader) candidates(s string, a *analysis, source string, when time.Time) []Candidate {
	n := 0 // the sentences that name an actor: candidates are at most as many
	for _, ms := range a.inMentions {
		if len(ms) > 0 {
			n++
		}
	}
	out := make([]Candidate, 0, n)
	var refs []actorRef // reused from sentence to sentence
	var buf []byte      // for the ids and notes
	var why []string
	for i, sent := range a.sentences {
		ms := a.inMentions[i]
		if refs = r.refs(refs, ms); len(refs) == 0 {
			continue
		}
		hits := a.hits[i]
		channel := channelOf(hits)
		topicChannel := channel
		qs := a.inQuants[i]
		ds := a.inDates[i]
		quote := s[sent.Start:sent.End]
		lowered := func() string { return a.low[sent.Start:sent.End] }
		c := Candidate{Sentence: Span{sent.Start, sent.End}, Quote: quote}
		// The fact is built here and copied to the heap only if the
		// sentence makes a candidate: most that name an actor do not.
		f := leverage.Fact{Confidence: leverage.Secondary}
		var q *text.Quantity
		var rel *rule
		kinds := kindsOf(refs)
		for i := range rules {
			ru := &rules[i]
			if kinds&ru.sm == 0 || ru.object != nil && kinds&ru.om == 0 {
				continue // the sentence lacks the actors the rule needs
			}
			if ru.units != nil {
				q = nil
				for j := range qs {
					if slices.Contains(ru.units, qs[j].Unit) && (ru.of.MatchString(qs[j].Of) || ru.of.MatchString(lowered())) {
						q = &qs[j]
						break
					}
				}
				if q == nil {
					continue
				}
			}
			// The cue the sentence holds first; without one, only a rule
			// whose quantity speaks of it fits.
			cue, at := ru.of.first(lowered())
			if ru.units == nil && at < 0 {
				continue
			}
			subj, obj := pick(refs, ru.subject, ru.object, sent.Start+max(at, 0))
			if subj == "" || (ru.object != nil && obj == "") {
				continue
			}
			rel = ru
			f.Subject, f.Object, f.Relation = subj, obj, ru.relation
			if ru.relation == "holds_office" {
				f.Text = titleCase(cue) // the office: the rule's cues are rxOffice
			}
			break
		}
		dep, dependent := hasKind(hits, "dependence")
		if rel == nil {
			// A claim: what a sentence of a channel says about two actors.
			if channel == "" || len(refs) < 2 {
				continue
			}
			f.Relation = Claim
			f.Subject, f.Object = refs[0].id, refs[1].id
			if dependent {
				// "B relies on A for ...": the dependent first.
				before, after := split(refs, dep.start)
				if before != "" && after == "" {
					// "A, whose pipelines B relies on": the holder was named first.
					after = refs[slices.IndexFunc(refs, func(x actorRef) bool { return x.id != before })].id
				}
				if before != "" && after != "" {
					f.Subject, f.Object = before, after
				}
			}
			f.Text = string(channel)
			q = nil
			if len(qs) > 0 {
				q = &qs[0]
			}
		} else {
			channel = rel.channel
		}
		c.Channel = channel
		why = why[:0] // Why, built here and copied at its length
		if q != nil {
			f.Unit = q.Unit
			if f.Relation == "deployment" {
				f.Unit = "personnel"
			}
			why = append(why, "quantity: "+q.Text)
		}
		r.setTime(&f, ds, when)
		if rel != nil {
			why = append(why, rel.why)
		}
		if topicChannel == c.Channel {
			why = topicTerms(why, hits, topicChannel)
		}
		if dependent {
			why = append(why, dep.why)
		}
		c.Why = append([]string{}, why...)
		c.Confidence = confidence(rel != nil, q != nil, len(ds) > 0, dependent, hits)
		// The fact's id is the source's and the candidate's, "<source>-c7",
		// the candidate's id its end; the id and the note are cut from one
		// string.
		buf = strconv.AppendInt(append(append(buf[:0], source...), "-c"...), int64(len(out)+1), 10)
		n := len(buf)
		buf = strconv.AppendInt(append(buf, "read: the sentence at bytes "...), int64(sent.Start), 10)
		buf = strconv.AppendInt(append(buf, '-'), int64(sent.End), 10)
		idNote := string(buf)
		f.ID, f.Note = idNote[:n], idNote[n:]
		c.ID = f.ID[len(source)+1:]
		c.Fact = newFact(f, source, q)
		out = append(out, c)
	}
	return out
}

// factAlloc is a candidate's fact with the arrays of its source and its
// value: the three are allocated at once.
type factAlloc struct {
	fact   leverage.Fact
	source [1]string
	value  float64
}

// newFact returns a copy of f on the heap, citing source, with the value
// of q if q is not nil.
func newFact(f leverage.Fact, source string, q *text.Quantity) *leverage.Fact {
	a := &factAlloc{fact: f, source: [1]string{source}}
	a.fact.Sources = a.source[:]
	if q != nil {
		a.value = q.Value
		a.fact.Value = &a.value
	}
	return &a.fact
}

// pick returns the actor of the first subject kind the sentence has, the
// one nearest the rule's cue (at byte offset cue) when there are several,
// and, when object kinds are given, the first other actor of an object
// kind.
func pick(refs []actorRef, subject, object []leverage.ActorKind, cue int) (string, string) {
	var s, o string
	for _, k := range subject {
		best := -1
		for i, ref := range refs {
			if ref.kind == k && (best < 0 || abs(ref.start-cue) < abs(refs[best].start-cue)) {
				best = i
			}
		}
		if best >= 0 {
			s = refs[best].id
			break
		}
	}
	for _, k := range object {
		for _, ref := range refs {
			if ref.kind == k && ref.id != s {
				o = ref.id
				break
			}
		}
		if o != "" {
			break
		}
	}
	return s, o
}

// kindsOf returns the set of the actors' kinds, as a mask.
func kindsOf(refs []actorRef) uint {
	var m uint
	for _, r := range refs {
		m |= 1 << kindRank(r.kind)
	}
	return m
}

// mask returns the set of kinds, as kindsOf does.
func mask(kinds []leverage.ActorKind) uint {
	var m uint
	for _, k := range kinds {
		m |= 1 << kindRank(k)
	}
	return m
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// split returns the last actor mentioned before byte offset at and the
// first after it.
func split(refs []actorRef, at int) (before, after string) {
	for _, ref := range refs {
		if ref.start < at {
			before = ref.id
		} else if after == "" && ref.id != before {
			after = ref.id
		}
	}
	return before, after
}

// setTime dates a fact: annual relations take the year the sentence
// names (else the article's), others start on the date it names.
func (r *Reader) setTime(f *leverage.Fact, ds []text.DateMention, when time.Time) {
	var d leverage.Date
	if len(ds) > 0 && ds[0].Year > 0 {
		d = leverage.Date{Year: ds[0].Year, Month: ds[0].Month, Day: ds[0].Day}
	} else if !when.IsZero() {
		d = leverage.Date{Year: when.Year()}
	}
	rel := r.rels[f.Relation]
	switch {
	case d.IsZero():
	case rel != nil && rel.Kind == leverage.AnnualRelation:
		f.Year = d.Year
	default:
		f.Valid.From = d
	}
}

// confidence scores a candidate in [0.05, 0.95]: a specific relation, a
// quantity, a date and a dependence cue raise it; hedges lower it.
func confidence(specific, quantity, dated, dependent bool, hits []hit) float64 {
	c := 0.4
	if specific {
		c += 0.2
	}
	if quantity {
		c += 0.1
	}
	if dated {
		c += 0.1
	}
	if dependent {
		c += 0.1
	}
	if _, ok := hasKind(hits, "hedge"); ok {
		c -= 0.2
	}
	return math.Round(math.Min(0.95, math.Max(0.05, c))*100) / 100
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// titleCase capitalises each word: "prime minister" -> "Prime Minister".
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}
