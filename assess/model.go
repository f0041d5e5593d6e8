package assess

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/leverage-dev/leverage"
)

// Model is a read-only view of the stored facts as of one date. It answers
// the lookups the channel methods need.
type Model struct {
	AsOf      time.Time
	list      []*leverage.Actor
	actors    map[string]*leverage.Actor
	relations map[string]*leverage.Relation
	sources   map[string]*leverage.Source
	byRel     map[string][]*leverage.Fact // facts on the record at AsOf, by relation
	exporters map[string]bool             // states whose export system the dataset models
}

// NewModel indexes the facts that are on the record at asOf (see
// [leverage.Fact.HoldsAt]). Facts of unknown relations are ignored.
func NewModel(asOf time.Time, actors []*leverage.Actor, relations []*leverage.Relation, sources []*leverage.Source, facts []*leverage.Fact) *Model {
	m := &Model{AsOf: asOf, list: actors, actors: map[string]*leverage.Actor{}, relations: map[string]*leverage.Relation{},
		sources: map[string]*leverage.Source{}, byRel: map[string][]*leverage.Fact{}, exporters: map[string]bool{}}
	for _, a := range actors {
		m.actors[a.ID] = a
	}
	for _, r := range relations {
		m.relations[r.ID] = r
	}
	for _, s := range sources {
		m.sources[s.ID] = s
	}
	for _, f := range facts {
		if f.Relation == "oil_exports" {
			m.exporters[f.Subject] = true
		}
		r := m.relations[f.Relation]
		if r == nil || !f.HoldsAt(r.Kind, asOf) {
			continue
		}
		m.byRel[f.Relation] = append(m.byRel[f.Relation], f)
	}
	for _, fs := range m.byRel {
		// Latest first: by year, then by start of validity, then by id.
		slices.SortFunc(fs, func(a, b *leverage.Fact) int {
			if c := cmp.Compare(b.Year, a.Year); c != 0 {
				return c
			}
			if c := b.Valid.From.First().Compare(a.Valid.From.First()); c != 0 {
				return c
			}
			return cmp.Compare(a.ID, b.ID)
		})
	}
	return m
}

// Reader is what a Model is loaded from: a leverage.Store, or any other
// implementation of the read services.
type Reader interface {
	leverage.ActorService
	leverage.FactService
	leverage.SourceService
}

// LoadModel reads every actor, relation, source and fact from r and indexes
// them as of asOf.
func LoadModel(ctx context.Context, r Reader, asOf time.Time) (*Model, error) {
	actors, err := r.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return nil, err
	}
	rels, err := r.Relations(ctx)
	if err != nil {
		return nil, err
	}
	srcs, err := r.Sources(ctx, leverage.SourceFilter{})
	if err != nil {
		return nil, err
	}
	facts, err := r.Facts(ctx, leverage.FactFilter{})
	if err != nil {
		return nil, err
	}
	return NewModel(asOf, actors, rels, srcs, facts), nil
}

// Actors returns every actor the model knows, in the order given to it.
func (m *Model) Actors() []*leverage.Actor { return m.list }

// Modelled reports whether the dataset models b's oil export system: it
// records b's total oil exports for some year, so b's route list is meant
// to be complete. This is a property of the dataset, not of the date.
func (m *Model) Modelled(b string) bool { return m.exporters[b] }

// Actor returns the actor with the given id, or nil.
func (m *Model) Actor(id string) *leverage.Actor { return m.actors[id] }

// Source returns the source with the given id, or nil.
func (m *Model) Source(id string) *leverage.Source { return m.sources[id] }

// Name returns the actor's name in force at the model's date, or id.
func (m *Model) Name(id string) string {
	if a := m.actors[id]; a != nil {
		return a.NameAt(m.AsOf)
	}
	return id
}

// Demonym returns the actor's first demonym ("Russian"), or its name.
func (m *Model) Demonym(id string) string {
	if a := m.actors[id]; a != nil {
		for _, n := range a.Names {
			if n.Kind == leverage.NameDemonym {
				return n.Text
			}
		}
	}
	return m.Name(id)
}

// All returns the facts of relation rel on the record, latest first,
// restricted to a subject and object when they are not "".
func (m *Model) All(rel, subject, object string) []*leverage.Fact {
	var out []*leverage.Fact
	for _, f := range m.byRel[rel] {
		if (subject == "" || f.Subject == subject) && (object == "" || f.Object == object) {
			out = append(out, f)
		}
	}
	return out
}

// Latest returns the latest fact of rel for subject and object: for annual
// relations the one with the greatest year not after maxYear, otherwise the
// one that started last. It returns nil when there is none.
func (m *Model) Latest(rel, subject, object string, maxYear int) *leverage.Fact {
	for _, f := range m.All(rel, subject, object) {
		if f.Year <= maxYear {
			return f
		}
	}
	return nil
}

// InYear returns the fact of annual relation rel for subject and object in
// exactly that year, or nil.
func (m *Model) InYear(rel, subject, object string, year int) *leverage.Fact {
	for _, f := range m.All(rel, subject, object) {
		if f.Year == year {
			return f
		}
	}
	return nil
}

// Years returns, newest first, the distinct years not after maxYear of the
// annual facts of the given relations whose subject is subject.
func (m *Model) Years(subject string, maxYear int, rels ...string) []int {
	var ys []int
	for _, rel := range rels {
		for _, f := range m.All(rel, subject, "") {
			if f.Year <= maxYear && !slices.Contains(ys, f.Year) {
				ys = append(ys, f.Year)
			}
		}
	}
	slices.Sort(ys)
	slices.Reverse(ys)
	return ys
}

// MemberOf returns the organisations subject belongs to at the model's date,
// with the membership facts.
func (m *Model) MemberOf(subject string) map[string]*leverage.Fact {
	out := map[string]*leverage.Fact{}
	for _, f := range m.All("member_of", subject, "") {
		out[f.Object] = f
	}
	return out
}

// Members returns the members of org at the model's date, sorted.
func (m *Model) Members(org string) []string {
	var out []string
	for _, f := range m.All("member_of", "", org) {
		if !slices.Contains(out, f.Subject) {
			out = append(out, f.Subject)
		}
	}
	slices.Sort(out)
	return out
}

// OrgType returns the org_type fact of org, or nil.
func (m *Model) OrgType(org string) *leverage.Fact {
	if fs := m.All("org_type", org, ""); len(fs) > 0 {
		return fs[0]
	}
	return nil
}
