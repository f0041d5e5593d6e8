package query

import (
	"context"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
)

// ActorRow is an actor found by a search, with the name it bore at the
// date asked and the roles the facts give it (capital of, located in).
type ActorRow struct {
	*leverage.Actor
	NameAtDate string         `json:"name_at_date"`
	Matched    *leverage.Name `json:"matched,omitempty"` // the name that matched, when not the main one or a code
	Roles      []string       `json:"roles,omitempty"`
}

// SearchActors returns the actors of kind (any, if empty) whose id, codes
// or names contain q, as they were at the date at. Nothing found is
// ENOTFOUND, with suggestions.
func SearchActors(ctx context.Context, st leverage.Store, q string, kind leverage.ActorKind, at time.Time) ([]ActorRow, error) {
	all, err := st.Actors(ctx, leverage.ActorFilter{Kind: kind})
	if err != nil {
		return nil, err
	}
	matches := leverage.Search(all, q)
	if len(matches) == 0 {
		if s := leverage.Suggest(all, q, 3); len(s) > 0 {
			return nil, leverage.Errorf(leverage.ENOTFOUND, "no actor matches %q; did you mean %s?", q, strings.Join(s, ", "))
		}
		return nil, leverage.Errorf(leverage.ENOTFOUND, "no actor matches %q", q)
	}
	facts, err := st.Facts(ctx, leverage.FactFilter{Relations: []string{"capital", "located_in"}})
	if err != nil {
		return nil, err
	}
	roles := map[string][]string{}
	for _, fc := range facts {
		if fc.Relation == "capital" {
			roles[fc.Object] = append(roles[fc.Object], "capital of "+fc.Subject)
		} else {
			roles[fc.Subject] = append(roles[fc.Subject], "in "+fc.Object)
		}
	}
	out := make([]ActorRow, 0, len(matches))
	for _, m := range matches {
		r := ActorRow{Actor: m.Actor, NameAtDate: m.Actor.NameAt(at), Roles: roles[m.Actor.ID]}
		if q != "" && m.Name.Kind != "code" && m.Name.Text != m.Actor.Name {
			n := m.Name
			r.Matched = &n
		}
		out = append(out, r)
	}
	return out, nil
}
