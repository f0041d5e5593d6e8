package leverage

import "context"

// ActorFilter selects actors. Zero fields do not filter.
type ActorFilter struct {
	IDs  []string  // only these ids
	Kind ActorKind // only this kind
}

// FactFilter selects facts. Zero fields do not filter.
type FactFilter struct {
	Actors    []string // facts whose subject or object is one of these
	Relations []string // facts of these relations
	Source    string   // facts citing this source
}

// SourceFilter selects sources. Zero fields do not filter.
type SourceFilter struct {
	IDs []string // only these ids
}

// ActorService reads actors.
type ActorService interface {
	// Actors returns the actors matching f, ordered by id.
	Actors(ctx context.Context, f ActorFilter) ([]*Actor, error)
}

// FactService reads facts and the relations they use.
type FactService interface {
	// Facts returns the facts matching f, ordered by id.
	Facts(ctx context.Context, f FactFilter) ([]*Fact, error)
	// Relations returns every relation, ordered by id.
	Relations(ctx context.Context) ([]*Relation, error)
	// AddFacts stores sources and facts under the dataset name, adding to
	// what it holds (it is how facts read from articles are kept). The
	// facts may refer to any stored actor, relation and source, and to
	// the sources given; a source already stored under the same id is
	// kept as it is. A fact breaking a rule is EINVALID and a fact id
	// already stored ECONFLICT. Whenever it returns an error, nothing has
	// changed.
	AddFacts(ctx context.Context, dataset string, sources []*Source, facts []*Fact) error
}

// SourceService reads sources.
type SourceService interface {
	// Sources returns the sources matching f, ordered by id.
	Sources(ctx context.Context, f SourceFilter) ([]*Source, error)
}

// DatasetService writes whole datasets.
type DatasetService interface {
	// ReplaceDataset validates d and, in one transaction, removes everything
	// stored under d.Name and stores d in its place. Returns EINVALID if d
	// breaks a rule, in which case nothing is written.
	ReplaceDataset(ctx context.Context, d *Dataset) error
	// DatasetVersion returns the version stored under name, or "" if none.
	DatasetVersion(ctx context.Context, name string) (string, error)
}

// Store is everything the program keeps: the union of the services above.
// The sqlite and postgres packages implement it.
type Store interface {
	ActorService
	FactService
	SourceService
	DatasetService
	ObservationService
	InfluenceService
	NetworkService
	Close() error
}
