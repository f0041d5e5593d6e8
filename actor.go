package leverage

import (
	"strings"
	"time"
)

// ActorKind says what sort of thing an actor is.
type ActorKind string

// The kinds of actor.
const (
	State        ActorKind = "state"        // a sovereign state, with ISO3 and COW codes
	Organisation ActorKind = "organisation" // an alliance, bloc or union of states
	Company      ActorKind = "company"      // an operator, owner or trader
	Asset        ActorKind = "asset"        // a pipeline, terminal, port or rail link
	Route        ActorKind = "route"        // an export route: a chain of assets
	Place        ActorKind = "place"        // a city, region or site
	Person       ActorKind = "person"       // a leader or official
)

// ActorKinds lists every valid ActorKind.
var ActorKinds = []ActorKind{State, Organisation, Company, Asset, Route, Place, Person}

// NameKind says how a name refers to an actor.
type NameKind string

// The kinds of name.
const (
	NameOfficial   NameKind = "official"   // the name in force over its period
	NameAlias      NameKind = "alias"      // another common name
	NameAcronym    NameKind = "acronym"    // an abbreviation such as CSTO
	NameDemonym    NameKind = "demonym"    // an adjective such as "Kazakh"
	NameMetonym    NameKind = "metonym"    // a stand-in such as "Moscow" or "the Kremlin"
	NameHistorical NameKind = "historical" // an official name no longer in force
)

// NameKinds lists every valid NameKind.
var NameKinds = []NameKind{NameOfficial, NameAlias, NameAcronym, NameDemonym, NameMetonym, NameHistorical}

// Name is one name of an actor with the period it was in use.
type Name struct {
	Text   string   `json:"text"`
	Kind   NameKind `json:"kind"`
	Valid  Period   `json:"valid,omitzero"`
	Source string   `json:"source,omitempty"`
}

// Actor is anything that can hold or be subject to leverage: a state, an
// organisation, a company, an asset, a route, a place or a person. Its
// relations to other actors (memberships, capacities, ownership) are Facts.
type Actor struct {
	ID    string    `json:"id"`             // stable identifier; ISO3 for states
	Kind  ActorKind `json:"kind"`           // what sort of actor
	Name  string    `json:"name"`           // the present-day English name
	ISO3  string    `json:"iso3,omitempty"` // ISO 3166-1 alpha-3, states only
	COW   int       `json:"cow,omitempty"`  // Correlates of War state code, states only
	Names []Name    `json:"names,omitempty"`
	Note  string    `json:"note,omitempty"`
}

// NameAt returns the official name in force on the day of t, or a.Name when
// no dated official name covers it.
func (a *Actor) NameAt(t time.Time) string {
	for _, n := range a.Names {
		if (n.Kind == NameOfficial || n.Kind == NameHistorical) && n.Valid != (Period{}) && n.Valid.Contains(t) {
			return n.Text
		}
	}
	return a.Name
}

// Validate checks the rules every actor must keep.
func (a *Actor) Validate() error {
	switch {
	case a.ID == "":
		return Errorf(EINVALID, "actor id required")
	case strings.ContainsAny(a.ID, " \t,;"):
		return Errorf(EINVALID, "actor %s: id must not contain spaces, commas or semicolons", a.ID)
	case !validKind(a.Kind):
		return Errorf(EINVALID, "actor %s: unknown kind %q", a.ID, a.Kind)
	case a.Name == "":
		return Errorf(EINVALID, "actor %s: name required", a.ID)
	case a.Kind != State && (a.ISO3 != "" || a.COW != 0):
		return Errorf(EINVALID, "actor %s: only states have ISO3 and COW codes", a.ID)
	case a.ISO3 != "" && !isUpperAlpha(a.ISO3, 3):
		return Errorf(EINVALID, "actor %s: ISO3 code %q must be three capital letters", a.ID, a.ISO3)
	case a.COW < 0:
		return Errorf(EINVALID, "actor %s: COW code must be positive", a.ID)
	}
	for _, n := range a.Names {
		if n.Text == "" {
			return Errorf(EINVALID, "actor %s: empty name", a.ID)
		}
		if !validNameKind(n.Kind) {
			return Errorf(EINVALID, "actor %s: name %q has unknown kind %q", a.ID, n.Text, n.Kind)
		}
		if err := n.Valid.Validate(); err != nil {
			return Errorf(EINVALID, "actor %s: name %q: %v", a.ID, n.Text, err)
		}
	}
	return nil
}

func validKind(k ActorKind) bool {
	for _, v := range ActorKinds {
		if k == v {
			return true
		}
	}
	return false
}

func validNameKind(k NameKind) bool {
	for _, v := range NameKinds {
		if k == v {
			return true
		}
	}
	return false
}

func isUpperAlpha(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
