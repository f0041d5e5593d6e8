package leverage

import (
	"slices"
)

// Dataset is a self-contained set of actors, sources, relations and facts,
// such as the built-in dataset or one import. Its facts may only refer to
// its own actors, sources and relations.
type Dataset struct {
	Name      string // "builtin", or the importer's name
	Version   string // changes whenever the content changes
	Actors    []*Actor
	Sources   []*Source
	Relations []*Relation
	Facts     []*Fact

	actors    map[string]*Actor
	sources   map[string]*Source
	relations map[string]*Relation
}

// Index builds the lookup tables used by the Check methods and Validate. It
// reports duplicate identifiers.
func (d *Dataset) Index() error {
	d.actors = make(map[string]*Actor, len(d.Actors))
	d.sources = make(map[string]*Source, len(d.Sources))
	d.relations = make(map[string]*Relation, len(d.Relations))
	for _, a := range d.Actors {
		if _, dup := d.actors[a.ID]; dup {
			return Errorf(ECONFLICT, "actor %s defined twice", a.ID)
		}
		d.actors[a.ID] = a
	}
	for _, s := range d.Sources {
		if _, dup := d.sources[s.ID]; dup {
			return Errorf(ECONFLICT, "source %s defined twice", s.ID)
		}
		d.sources[s.ID] = s
	}
	for _, r := range d.Relations {
		if _, dup := d.relations[r.ID]; dup {
			return Errorf(ECONFLICT, "relation %s defined twice", r.ID)
		}
		d.relations[r.ID] = r
	}
	return nil
}

// Actor returns the actor with the given id, or nil. Call Index first.
func (d *Dataset) Actor(id string) *Actor { return d.actors[id] }

// Relation returns the relation with the given id, or nil. Call Index first.
func (d *Dataset) Relation(id string) *Relation { return d.relations[id] }

// Source returns the source with the given id, or nil. Call Index first.
func (d *Dataset) Source(id string) *Source { return d.sources[id] }

// CheckName checks that a name's source, if any, exists. Call Index first.
func (d *Dataset) CheckName(a *Actor, n Name) error {
	if n.Source != "" && d.sources[n.Source] == nil {
		return Errorf(EINVALID, "actor %s: name %q cites unknown source %q", a.ID, n.Text, n.Source)
	}
	return nil
}

// CheckFact checks f on its own and against the dataset's actors, sources
// and relations: known subject, object and sources, a known relation whose
// shape (object, value, unit) the fact follows. Call Index first.
func (d *Dataset) CheckFact(f *Fact) error {
	if err := f.Validate(); err != nil {
		return err
	}
	rel := d.relations[f.Relation]
	if rel == nil {
		return Errorf(EINVALID, "fact %s: unknown relation %q", f.ID, f.Relation)
	}
	if d.actors[f.Subject] == nil {
		return Errorf(EINVALID, "fact %s: unknown subject %q", f.ID, f.Subject)
	}
	switch {
	case rel.Object && f.Object == "":
		return Errorf(EINVALID, "fact %s: relation %s needs an object", f.ID, rel.ID)
	case !rel.Object && f.Object != "":
		return Errorf(EINVALID, "fact %s: relation %s takes no object", f.ID, rel.ID)
	case f.Object != "" && d.actors[f.Object] == nil:
		return Errorf(EINVALID, "fact %s: unknown object %q", f.ID, f.Object)
	case !slices.Contains(rel.Units, f.Unit):
		return Errorf(EINVALID, "fact %s: unit %q not allowed for %s (want one of %q)", f.ID, f.Unit, rel.ID, rel.Units)
	case f.Unit != "" && f.Value == nil:
		return Errorf(EINVALID, "fact %s: unit %q given without a value", f.ID, f.Unit)
	case f.Unit == "" && f.Value != nil:
		return Errorf(EINVALID, "fact %s: value given without a unit", f.ID)
	case rel.Kind == AnnualRelation && f.Year == 0:
		return Errorf(EINVALID, "fact %s: relation %s is annual and needs a year", f.ID, rel.ID)
	case rel.Kind != AnnualRelation && f.Year != 0:
		return Errorf(EINVALID, "fact %s: relation %s is not annual; give a period, not a year", f.ID, rel.ID)
	}
	for _, s := range f.Sources {
		if d.sources[s] == nil {
			return Errorf(EINVALID, "fact %s: unknown source %q", f.ID, s)
		}
	}
	return nil
}

// Validate indexes the dataset and checks every item in it.
func (d *Dataset) Validate() error {
	if err := d.Index(); err != nil {
		return err
	}
	for _, s := range d.Sources {
		if err := s.Validate(); err != nil {
			return err
		}
	}
	for _, r := range d.Relations {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	for _, a := range d.Actors {
		if err := a.Validate(); err != nil {
			return err
		}
		for _, n := range a.Names {
			if err := d.CheckName(a, n); err != nil {
				return err
			}
		}
	}
	ids := make(map[string]bool, len(d.Facts))
	for _, f := range d.Facts {
		if ids[f.ID] {
			return Errorf(ECONFLICT, "fact %s defined twice", f.ID)
		}
		ids[f.ID] = true
		if err := d.CheckFact(f); err != nil {
			return err
		}
	}
	return nil
}
