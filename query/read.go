package query

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/read"
)

// ReadModel loads what the reader checks an article against: every stored
// actor, relation and fact, and the built-in lexicons. now dates articles
// that carry no date of their own.
func ReadModel(ctx context.Context, st leverage.Store, now time.Time) (read.Model, error) {
	actors, err := st.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return read.Model{}, err
	}
	rels, err := st.Relations(ctx)
	if err != nil {
		return read.Model{}, err
	}
	facts, err := st.Facts(ctx, leverage.FactFilter{})
	if err != nil {
		return read.Model{}, err
	}
	return NewReadModel(actors, rels, facts, now)
}

// NewReadModel is ReadModel for actors, relations and facts already read.
func NewReadModel(actors []*leverage.Actor, rels []*leverage.Relation, facts []*leverage.Fact, now time.Time) (read.Model, error) {
	lex, err := data.Lexicons()
	if err != nil {
		return read.Model{}, err
	}
	m := read.Model{Actors: actors, Relations: rels, Facts: facts, Now: now}
	for _, x := range lex {
		m.Lexicon = append(m.Lexicon, read.Lexeme{Channel: x.Channel, Term: x.Term, Kind: x.Kind})
	}
	return m, nil
}

// Accept picks the candidates of r that which names ("all", or ids such
// as "c1,c3"). An unknown id, or nothing to accept, is EINVALID.
func Accept(r *read.Result, which string) ([]*leverage.Fact, error) {
	var facts []*leverage.Fact
	if which == "all" {
		for _, c := range r.Candidates {
			facts = append(facts, c.Fact)
		}
	} else {
		for _, id := range strings.Split(which, ",") {
			id = strings.TrimSpace(id)
			i := slices.IndexFunc(r.Candidates, func(c read.Candidate) bool { return c.ID == id })
			if i < 0 {
				return nil, badArg("accept", "no candidate %q (the candidates are c1 to c%d)", id, len(r.Candidates))
			}
			facts = append(facts, r.Candidates[i].Fact)
		}
	}
	if len(facts) == 0 {
		return nil, badArg("accept", "there are no candidates to accept")
	}
	return facts, nil
}
