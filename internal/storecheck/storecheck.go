// Package storecheck holds the checks every store makes before it writes,
// beyond the model's own Validate methods: that what it is given can be
// stored exactly and read back equal (dates of a valid form, values that
// are numbers, coordinates that are latitudes and longitudes), and that
// what it refers to exists. The stores (sqlite, postgres) call the same
// functions, so they refuse the same input with the same errors.
package storecheck

import (
	"context"
	"fmt"
	"math"

	"github.com/leverage-dev/leverage"
)

// Dataset checks d as every Replace method of a store does first: the
// error of d.Validate unchanged, then what Validate leaves to the store
// (see [Storable]).
func Dataset(d *leverage.Dataset) error {
	if err := d.Validate(); err != nil {
		return err
	}
	return Storable(d)
}

// Storable checks what Dataset.Validate leaves to the store: a name, dates
// that format and parse back to themselves, and values that are numbers.
func Storable(d *leverage.Dataset) error {
	if d.Name == "" {
		return leverage.Errorf(leverage.EINVALID, "dataset name required")
	}
	for _, s := range d.Sources {
		if err := Dates("source "+s.ID, s.Date, s.Accessed); err != nil {
			return err
		}
	}
	for _, a := range d.Actors {
		for _, n := range a.Names {
			if err := Dates(fmt.Sprintf("actor %s: name %q", a.ID, n.Text), n.Valid.From, n.Valid.To); err != nil {
				return err
			}
		}
	}
	for _, f := range d.Facts {
		if err := Dates("fact "+f.ID, f.Valid.From, f.Valid.To); err != nil {
			return err
		}
		if f.Value != nil && math.IsNaN(*f.Value) {
			return leverage.Errorf(leverage.EINVALID, "fact %s: value is not a number", f.ID)
		}
	}
	return nil
}

// Dates reports a date among ds that does not survive being stored as
// text, such as month 13 or a month without a year; what names their owner
// in the error.
func Dates(what string, ds ...leverage.Date) error {
	for _, d := range ds {
		if back, err := leverage.ParseDate(d.String()); err != nil || back != d {
			return leverage.Errorf(leverage.EINVALID, "%s: %d-%d-%d is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", what, d.Year, d.Month, d.Day)
		}
	}
	return nil
}

// Observations checks d as [Dataset] does, then o's variables and rows,
// and that every variable cites a source of d.
func Observations(d *leverage.Dataset, o *leverage.Observations) error {
	if err := Dataset(d); err != nil {
		return err
	}
	if err := o.Validate(d.Name); err != nil {
		return err
	}
	for _, v := range o.Variables {
		if d.Source(v.Source) == nil {
			return leverage.Errorf(leverage.EINVALID, "variable %s: unknown source %q", v.Name, v.Source)
		}
	}
	return nil
}

// Network checks d as [Dataset] does, then n on its own, then what
// Network.Validate leaves to the store: edges citing sources of d, with
// dates that survive storage and path points that are latitudes and
// longitudes, and nodes whose coordinates are unknown (NaN) or valid.
func Network(d *leverage.Dataset, n *leverage.Network) error {
	if err := Dataset(d); err != nil {
		return err
	}
	if err := n.Validate(); err != nil {
		return err
	}
	for i := range n.Edges {
		e := &n.Edges[i]
		if err := Dates("edge "+e.ID, e.Valid.From, e.Valid.To); err != nil {
			return err
		}
		for _, s := range e.Sources {
			if d.Source(s) == nil {
				return leverage.Errorf(leverage.EINVALID, "edge %s: unknown source %q", e.ID, s)
			}
		}
		for _, p := range e.Path {
			if math.IsNaN(p[0]) || math.IsNaN(p[1]) || !Coordinate(p[0], 90) || !Coordinate(p[1], 180) {
				return leverage.Errorf(leverage.EINVALID, "edge %s: path point (%v, %v) is not a latitude and longitude", e.ID, p[0], p[1])
			}
		}
	}
	for _, v := range n.Nodes {
		if !Coordinate(v.Lat, 90) || !Coordinate(v.Lon, 180) {
			return leverage.Errorf(leverage.EINVALID, "node %s: coordinates (%v, %v) are not a latitude and longitude", v.ID, v.Lat, v.Lon)
		}
	}
	return nil
}

// Coordinate reports whether x is NaN (unknown) or within [-limit, limit].
func Coordinate(x, limit float64) bool {
	return math.IsNaN(x) || (x >= -limit && x <= limit)
}

// Influence checks an index panel before it is stored: a profile, columns
// of equal length, one name per component column, and finite bandwidth,
// dependence and index values.
func Influence(p *leverage.InfluencePanel) error {
	if p.Profile == "" {
		return leverage.Errorf(leverage.EINVALID, "influence panel: profile required")
	}
	n := p.Len()
	if len(p.A) != n || len(p.B) != n || len(p.Year) != n || len(p.Bandwidth) != n || len(p.Dependence) != n {
		return leverage.Errorf(leverage.EINVALID, "influence panel %s: columns of unequal length", p.Profile)
	}
	if len(p.Parts) != len(p.Components) {
		return leverage.Errorf(leverage.EINVALID, "influence panel %s: %d component names for %d component columns", p.Profile, len(p.Components), len(p.Parts))
	}
	for j, col := range p.Parts {
		if len(col) != n {
			return leverage.Errorf(leverage.EINVALID, "influence panel %s: component %s has %d rows, want %d", p.Profile, p.Components[j], len(col), n)
		}
	}
	for i := range n {
		for _, v := range []float64{p.Bandwidth[i], p.Dependence[i], p.Index[i]} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return leverage.Errorf(leverage.EINVALID, "influence panel %s: row %d (%d, %d, %d) is not a finite number", p.Profile, i, p.A[i], p.B[i], p.Year[i])
			}
		}
	}
	return nil
}

// World is what facts added to a store may refer to: the stored actors,
// relations and sources. Every store provides it.
type World interface {
	Actors(ctx context.Context, f leverage.ActorFilter) ([]*leverage.Actor, error)
	Relations(ctx context.Context) ([]*leverage.Relation, error)
	Sources(ctx context.Context, f leverage.SourceFilter) ([]*leverage.Source, error)
}

// AddFacts checks the arguments of FactService.AddFacts against what w
// holds, as Dataset.Validate checks a dataset's own facts, and returns the
// sources to store: those given that w does not hold yet (a stored source
// wins). A fact breaking a rule is EINVALID, a fact id given twice
// ECONFLICT; a fact id already stored is left to the store's write.
func AddFacts(ctx context.Context, w World, dataset string, sources []*leverage.Source, facts []*leverage.Fact) ([]*leverage.Source, error) {
	if dataset == "" {
		return nil, leverage.Errorf(leverage.EINVALID, "dataset name required")
	}
	// The world the facts may refer to: everything stored, and the sources
	// given (a stored source wins).
	actors, err := w.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return nil, err
	}
	rels, err := w.Relations(ctx)
	if err != nil {
		return nil, err
	}
	stored, err := w.Sources(ctx, leverage.SourceFilter{})
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, s := range stored {
		have[s.ID] = true
	}
	var added []*leverage.Source
	for _, s := range sources {
		if err := s.Validate(); err != nil {
			return nil, err
		}
		if !have[s.ID] {
			have[s.ID] = true
			added = append(added, s)
		}
	}
	world := &leverage.Dataset{Name: dataset, Actors: actors, Relations: rels, Sources: append(stored, added...)}
	if err := world.Index(); err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, f := range facts {
		if ids[f.ID] {
			return nil, leverage.Errorf(leverage.ECONFLICT, "fact %s given twice", f.ID)
		}
		ids[f.ID] = true
		if err := world.CheckFact(f); err != nil {
			return nil, err
		}
	}
	if err := Storable(&leverage.Dataset{Name: dataset, Sources: added, Facts: facts}); err != nil {
		return nil, err
	}
	return added, nil
}
