package query

import (
	"context"
	"slices"
	"time"

	"github.com/leverage-dev/leverage"
)

// FactQuery selects the facts about one actor.
type FactQuery struct {
	Actor    string    // id, code or name; required
	Relation string    // only this relation
	Channel  string    // only relations of this channel
	AsOf     time.Time // only facts on the record then; zero for all
	At       time.Time // the date names are resolved at
}

// Facts returns the facts whose subject or object is the actor q names,
// with the actor, ordered by id. Unknown actors, relations and channels
// are EINVALID.
func Facts(ctx context.Context, st leverage.Store, q FactQuery) (*leverage.Actor, []*leverage.Fact, error) {
	if q.Channel != "" && !slices.Contains(leverage.Channels, leverage.Channel(q.Channel)) {
		return nil, nil, badArg("channel", "unknown channel %q", q.Channel)
	}
	actors, err := st.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return nil, nil, err
	}
	at := q.At
	if at.IsZero() {
		at = q.AsOf
	}
	m, err := leverage.Resolve(actors, q.Actor, at)
	if err != nil {
		return nil, nil, badArg("actor", "%v", err)
	}
	rels, err := st.Relations(ctx)
	if err != nil {
		return nil, nil, err
	}
	relByID := map[string]*leverage.Relation{}
	for _, r := range rels {
		relByID[r.ID] = r
	}
	if q.Relation != "" && relByID[q.Relation] == nil {
		return nil, nil, badArg("relation", "unknown relation %q", q.Relation)
	}
	filter := leverage.FactFilter{Actors: []string{m.Actor.ID}}
	if q.Relation != "" {
		filter.Relations = []string{q.Relation}
	}
	facts, err := st.Facts(ctx, filter)
	if err != nil {
		return nil, nil, err
	}
	out := []*leverage.Fact{}
	for _, fc := range facts {
		r := relByID[fc.Relation]
		if q.Channel != "" && r.Channel != leverage.Channel(q.Channel) {
			continue
		}
		if !q.AsOf.IsZero() && !fc.HoldsAt(r.Kind, q.AsOf) {
			continue
		}
		out = append(out, fc)
	}
	return m.Actor, out, nil
}
