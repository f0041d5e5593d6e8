package leverage

import (
	"slices"
	"strings"
	"time"
)

// Channel is one way leverage is exercised, as the analysis of the flagship
// case names them.
type Channel string

// The channels, in the order reports show them.
const (
	Energy    Channel = "energy"    // energy transit: routes, capacities, N-1
	Trade     Channel = "trade"     // trade shares, trade over GDP, partner concentration
	Bloc      Channel = "bloc"      // customs union and economic bloc membership
	Security  Channel = "security"  // alliances, bases, deployments, capabilities
	People    Channel = "people"    // diaspora, migrants, language status
	Political Channel = "political" // elite ties, stances, coded political facts
	Geography Channel = "geography" // contiguity, border, distance, gateways
)

// Channels lists every channel in report order.
var Channels = []Channel{Energy, Trade, Bloc, Security, People, Political, Geography}

// Title returns the channel's display name.
func (c Channel) Title() string {
	switch c {
	case Energy:
		return "Energy transit"
	case Trade:
		return "Trade"
	case Bloc:
		return "Economic bloc"
	case Security:
		return "Security"
	case People:
		return "People and language"
	case Political:
		return "Political"
	case Geography:
		return "Geography"
	}
	return string(c)
}

// Confidence grades how well a fact is sourced.
type Confidence string

// The confidence grades, from best to worst. They map the research notes'
// flags: [V] is Verified, [V-data] is Data and [S] is Secondary. Unverified
// claims are not stored.
const (
	Verified  Confidence = "verified"  // read from the cited primary source
	Data      Confidence = "data"      // computed from a public data file
	Secondary Confidence = "secondary" // from a secondary source only
)

// Confidences lists every valid Confidence.
var Confidences = []Confidence{Verified, Data, Secondary}

// RelationKind says how a relation behaves in time.
type RelationKind string

// The kinds of relation.
const (
	// StateRelation holds over its period: a membership, a capacity, a lease.
	StateRelation RelationKind = "state"
	// EventRelation happened over its period and stays on the record after
	// it ends: a deployment, a stoppage, a statement.
	EventRelation RelationKind = "event"
	// AnnualRelation is a figure for a data year: a trade flow, a population.
	AnnualRelation RelationKind = "annual"
)

// Relation describes one kind of fact: what it links, in which channel it
// counts, how it behaves in time and which units its values take.
type Relation struct {
	ID          string       `json:"id"`
	Channel     Channel      `json:"channel,omitempty"` // "" for structural relations used by several channels
	Kind        RelationKind `json:"kind"`
	Object      bool         `json:"object"` // whether facts name an object actor
	Units       []string     `json:"units"`  // allowed units; "" means no value
	Description string       `json:"description"`
}

// Validate checks the relation's own fields.
func (r *Relation) Validate() error {
	switch {
	case r.ID == "":
		return Errorf(EINVALID, "relation id required")
	case r.Channel != "" && !slices.Contains(Channels, r.Channel):
		return Errorf(EINVALID, "relation %s: unknown channel %q", r.ID, r.Channel)
	case r.Kind != StateRelation && r.Kind != EventRelation && r.Kind != AnnualRelation:
		return Errorf(EINVALID, "relation %s: unknown kind %q", r.ID, r.Kind)
	case len(r.Units) == 0:
		return Errorf(EINVALID, "relation %s: units required (use \"\" for no value)", r.ID)
	case r.Description == "":
		return Errorf(EINVALID, "relation %s: description required", r.ID)
	}
	return nil
}

// Fact is one sourced statement: Subject stands in Relation to Object, with
// an optional value, over a period or for a data year.
type Fact struct {
	ID         string     `json:"id"`
	Subject    string     `json:"subject"`
	Relation   string     `json:"relation"`
	Object     string     `json:"object,omitempty"`
	Value      *float64   `json:"value,omitempty"`
	Text       string     `json:"text,omitempty"` // a coded or verbatim value, e.g. a legal status
	Unit       string     `json:"unit,omitempty"`
	Valid      Period     `json:"valid,omitzero"`
	Year       int        `json:"year,omitempty"` // data year of annual figures
	Sources    []string   `json:"sources"`
	Confidence Confidence `json:"confidence"`
	Note       string     `json:"note,omitempty"`
}

// Validate checks the rules every fact keeps on its own; [Dataset.Validate]
// checks its references. A fact without a source is invalid.
func (f *Fact) Validate() error {
	switch {
	case f.ID == "":
		return Errorf(EINVALID, "fact id required")
	case strings.ContainsAny(f.ID, " \t,;"):
		return Errorf(EINVALID, "fact %s: id must not contain spaces, commas or semicolons", f.ID)
	case f.Subject == "":
		return Errorf(EINVALID, "fact %s: subject required", f.ID)
	case f.Relation == "":
		return Errorf(EINVALID, "fact %s: relation required", f.ID)
	case len(f.Sources) == 0:
		return Errorf(EINVALID, "fact %s: a fact must cite at least one source", f.ID)
	case !slices.Contains(Confidences, f.Confidence):
		return Errorf(EINVALID, "fact %s: unknown confidence %q", f.ID, f.Confidence)
	case f.Year < 0 || f.Year > 9999:
		return Errorf(EINVALID, "fact %s: year %d out of range", f.ID, f.Year)
	}
	for _, s := range f.Sources {
		if s == "" {
			return Errorf(EINVALID, "fact %s: empty source id", f.ID)
		}
	}
	if err := f.Valid.Validate(); err != nil {
		return Errorf(EINVALID, "fact %s: %v", f.ID, err)
	}
	return nil
}

// HoldsAt reports whether the fact is on the record on the day of t, given
// its relation's kind: a state must hold on that day, an event must have
// begun, and an annual figure's year must have begun.
func (f *Fact) HoldsAt(kind RelationKind, t time.Time) bool {
	switch kind {
	case EventRelation:
		return f.Valid.Started(t)
	case AnnualRelation:
		return f.Year <= t.Year() && f.Valid.Contains(t)
	}
	return f.Valid.Contains(t)
}

// Float returns the fact's value, or 0 and false when it has none.
func (f *Fact) Float() (float64, bool) {
	if f.Value == nil {
		return 0, false
	}
	return *f.Value, true
}
