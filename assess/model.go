package assess

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"
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
	byRel     map[string][]*leverage.Fact     // facts on the record at AsOf, by relation
	bySubject map[relSubject][]*leverage.Fact // the same, by relation and subject
	byPair    map[relPair][]*leverage.Fact    // the same, by relation, subject and object
	exporters map[string]bool                 // states whose export system the dataset models

	over  *variant        // set on a variant made by With
	reads map[string]bool // when not nil, records the relations looked up
	brief bool            // compute scores only, leaving out context that does not enter them
	cache *sync.Map       // export systems by exporter, shared by a model and its variants
}

// relSubject keys the facts of one relation and subject.
type relSubject struct{ rel, subject string }

// relPair keys the facts of one relation, subject and object.
type relPair struct{ rel, subject, object string }

// NewModel indexes the facts that are on the record at asOf (see
// [leverage.Fact.HoldsAt]). Facts of unknown relations are ignored.
func NewModel(asOf time.Time, actors []*leverage.Actor, relations []*leverage.Relation, sources []*leverage.Source, facts []*leverage.Fact) *Model {
	m := &Model{AsOf: asOf, list: actors, actors: map[string]*leverage.Actor{}, relations: map[string]*leverage.Relation{},
		sources: map[string]*leverage.Source{}, cache: &sync.Map{}, byRel: map[string][]*leverage.Fact{}, bySubject: map[relSubject][]*leverage.Fact{},
		byPair:    map[relPair][]*leverage.Fact{},
		exporters: map[string]bool{}}
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
		slices.SortFunc(fs, latestFirst)
		for _, f := range fs {
			k := relSubject{f.Relation, f.Subject}
			m.bySubject[k] = append(m.bySubject[k], f)
			if f.Object != "" {
				kp := relPair{f.Relation, f.Subject, f.Object}
				m.byPair[kp] = append(m.byPair[kp], f)
			}
		}
	}
	return m
}

// latestFirst orders facts by year, then by start of validity, both latest
// first, then by id.
func latestFirst(a, b *leverage.Fact) int {
	if c := cmp.Compare(b.Year, a.Year); c != 0 {
		return c
	}
	if c := b.Valid.From.First().Compare(a.Valid.From.First()); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
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

// Relation returns the relation with the given id, or nil.
func (m *Model) Relation(id string) *leverage.Relation { return m.relations[id] }

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
	return slices.Clone(m.lookup(rel, subject, object))
}

// lookup is All without the copy: callers must not modify the result.
func (m *Model) lookup(rel, subject, object string) []*leverage.Fact {
	if m.reads != nil {
		m.reads[rel] = true
	}
	if m.over != nil {
		if !m.over.rels[rel] {
			return m.over.root.lookup(rel, subject, object)
		}
		switch {
		case subject != "" && object != "":
			if fs, ok := m.byPair[relPair{rel, subject, object}]; ok {
				return fs
			}
			return m.over.root.lookup(rel, subject, object)
		case subject != "":
			if fs, ok := m.bySubject[relSubject{rel, subject}]; ok {
				return fs
			}
			return m.over.root.lookup(rel, subject, object)
		}
		var out []*leverage.Fact
		for _, f := range m.over.relation(rel) {
			if object == "" || f.Object == object {
				out = append(out, f)
			}
		}
		return out
	}
	switch {
	case subject != "" && object != "":
		return m.byPair[relPair{rel, subject, object}]
	case subject != "":
		return m.bySubject[relSubject{rel, subject}]
	case object == "":
		return m.byRel[rel]
	}
	var out []*leverage.Fact
	for _, f := range m.byRel[rel] {
		if f.Object == object {
			out = append(out, f)
		}
	}
	return out
}

// Latest returns the latest fact of rel for subject and object: for annual
// relations the one with the greatest year not after maxYear, otherwise the
// one that started last. It returns nil when there is none.
func (m *Model) Latest(rel, subject, object string, maxYear int) *leverage.Fact {
	for _, f := range m.lookup(rel, subject, object) {
		if f.Year <= maxYear {
			return f
		}
	}
	return nil
}

// InYear returns the fact of annual relation rel for subject and object in
// exactly that year, or nil.
func (m *Model) InYear(rel, subject, object string, year int) *leverage.Fact {
	for _, f := range m.lookup(rel, subject, object) {
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
		for _, f := range m.lookup(rel, subject, "") {
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

// Change is one edit in a variant of a model: Old replaced by New, New
// added when Old is nil, or Old removed when New is nil. A replacement
// keeps Old's relation.
type Change struct {
	Old, New *leverage.Fact
}

// variant holds what a model made by [Model.With] changes: the index
// entries of the changed relations, subjects and pairs. Lookups of
// anything else fall through to the root model.
type variant struct {
	root     *Model
	changes  []Change
	rels     map[string]bool                   // the relations changed
	replaced map[*leverage.Fact]*leverage.Fact // Old -> New, nil when removed

	mu    sync.Mutex
	byRel map[string][]*leverage.Fact // the changed relations' facts, made on first use
}

// With returns a variant of m with the changes made. m is left as it is;
// the variant shares every index entry the changes do not touch, so it
// costs in proportion to the changes, not to the model. New facts must
// be on the record at the model's date (see [leverage.Fact.HoldsAt]). Which
// exporters' systems the dataset models (see [Model.Modelled]) stays as in
// m.
func (m *Model) With(changes []Change) *Model {
	root := m
	if m.over != nil {
		root = m.over.root
		changes = append(slices.Clone(m.over.changes), changes...)
	}
	v := *root
	o := &variant{root: root, changes: changes, rels: map[string]bool{}, replaced: map[*leverage.Fact]*leverage.Fact{}, byRel: map[string][]*leverage.Fact{}}
	v.over = o
	v.byRel = nil
	v.bySubject = map[relSubject][]*leverage.Fact{}
	v.byPair = map[relPair][]*leverage.Fact{}
	for _, c := range changes {
		if c.Old != nil {
			o.replaced[c.Old] = c.New
			o.rels[c.Old.Relation] = true
		}
		if c.New != nil {
			o.rels[c.New.Relation] = true
		}
	}
	for _, c := range changes {
		for _, f := range []*leverage.Fact{c.Old, c.New} {
			if f == nil {
				continue
			}
			ks := relSubject{f.Relation, f.Subject}
			if _, done := v.bySubject[ks]; !done {
				v.bySubject[ks] = o.merge(root.bySubject[ks], func(g *leverage.Fact) bool { return g.Relation == f.Relation && g.Subject == f.Subject })
			}
			kp := relPair{f.Relation, f.Subject, f.Object}
			if _, done := v.byPair[kp]; !done && f.Object != "" {
				v.byPair[kp] = o.merge(root.byPair[kp], func(g *leverage.Fact) bool {
					return g.Relation == f.Relation && g.Subject == f.Subject && g.Object == f.Object
				})
			}
		}
	}
	return &v
}

// latest follows a fact through the changes, which may replace a
// replacement; nil when it ends up removed.
func (o *variant) latest(f *leverage.Fact) *leverage.Fact {
	for f != nil {
		n, ok := o.replaced[f]
		if !ok {
			break
		}
		f = n
	}
	return f
}

// merge returns the facts of one index entry of the root, fs, with the
// changes made: replaced, removed, and the new facts that belong to the
// entry added, latest first.
func (o *variant) merge(fs []*leverage.Fact, belongs func(*leverage.Fact) bool) []*leverage.Fact {
	out := make([]*leverage.Fact, 0, len(fs)+1)
	for _, f := range fs {
		if f = o.latest(f); f != nil && belongs(f) {
			out = append(out, f)
		}
	}
	// New facts join the entry where they belong, each once: a fact the
	// changes add, or one that replaces a fact of another entry.
	var seen map[*leverage.Fact]bool
	for _, c := range o.changes {
		f := o.latest(c.New)
		if f == nil || !belongs(f) {
			continue
		}
		if seen == nil {
			seen = make(map[*leverage.Fact]bool, len(out))
			for _, g := range out {
				seen[g] = true
			}
		}
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	if !slices.IsSortedFunc(out, latestFirst) {
		slices.SortStableFunc(out, latestFirst)
	}
	return out
}

// relation returns the facts of a changed relation, made on first use.
func (o *variant) relation(rel string) []*leverage.Fact {
	o.mu.Lock()
	defer o.mu.Unlock()
	fs, ok := o.byRel[rel]
	if !ok {
		fs = o.merge(o.root.byRel[rel], func(g *leverage.Fact) bool { return g.Relation == rel })
		o.byRel[rel] = fs
	}
	return fs
}

// touches reports whether the variant changes any of the relations.
func (v *variant) touches(rels ...string) bool {
	for _, r := range rels {
		if v.rels[r] {
			return true
		}
	}
	return false
}

// Changed returns the relations the changes of a variant made by
// [Model.With] touch, sorted; nil for a model that is not a variant.
func (m *Model) Changed() []string {
	if m.over == nil {
		return nil
	}
	var out []string
	for rel := range m.over.rels {
		out = append(out, rel)
	}
	slices.Sort(out)
	return out
}

// text formats display text (labels, notes, reasons), or returns "" when
// only scores are wanted.
func (m *Model) text(format string, args ...any) string {
	if m.brief {
		return ""
	}
	return fmt.Sprintf(format, args...)
}
