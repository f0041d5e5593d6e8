package leverage

import "context"

// InfluencePanel is an influence index for directed state pairs and years,
// as one profile built it, one column per field: row i gives the index of
// A[i] over B[i] in Year[i]. States are Correlates of War codes.
type InfluencePanel struct {
	Profile    string   // "open" or "fbic"
	Weights    string   // the weights file the panel was built with, verbatim
	Inputs     string   // the datasets and versions it was built from, e.g. "cow-trade 4.0; atop 5.1"
	Components []string // names of the component columns, in Parts order
	BuiltAt    string   // RFC 3339, UTC

	A, B       []int32
	Year       []int32
	Bandwidth  []float64
	Dependence []float64
	Index      []float64
	Parts      [][]float64 // Parts[j][i] is component Components[j] of row i
}

// Len returns the number of rows.
func (p *InfluencePanel) Len() int { return len(p.Index) }

// InfluenceRow is one row of a stored panel, as queries return it.
type InfluenceRow struct {
	A, B       int
	Year       int
	Bandwidth  float64
	Dependence float64
	Index      float64
	Parts      []float64 // in the order of the panel's Components
}

// InfluenceQuery selects rows of a stored panel. Zero fields do not filter.
type InfluenceQuery struct {
	Profile  string // required
	A, B     int    // influencer, target (COW codes)
	From, To int    // years, inclusive
}

// ObservationService keeps imported datasets: their sources and their
// observations.
type ObservationService interface {
	// ReplaceObservations validates d and o and, in one transaction,
	// removes everything stored under d.Name, stores d, and stores o's
	// variables and rows under it. Whenever it returns an error, nothing
	// has changed. report, if not nil, is called with the number of rows
	// written so far.
	ReplaceObservations(ctx context.Context, d *Dataset, o *Observations, report func(done int)) error
	// Observations returns the rows matching f, ordered by variable, A, B
	// and year, with the variables they use.
	Observations(ctx context.Context, f ObservationFilter) (*Observations, error)
	// Variables returns every stored variable, ordered by name.
	Variables(ctx context.Context) ([]Variable, error)
}

// InfluenceService keeps index panels, one per profile.
type InfluenceService interface {
	// ReplaceInfluence stores p in place of the panel of its profile, in
	// one transaction.
	ReplaceInfluence(ctx context.Context, p *InfluencePanel, report func(done int)) error
	// Influence returns the rows matching q, ordered by year, then by
	// index, largest first, with the stored panel's metadata (and no rows
	// in the panel's columns). ENOTFOUND if no panel of that profile is
	// stored.
	Influence(ctx context.Context, q InfluenceQuery) (*InfluencePanel, []InfluenceRow, error)
}
