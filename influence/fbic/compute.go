package fbic

import (
	"math"

	"github.com/leverage-dev/leverage/influence"
)

// PlusFrom is the first year of FBIC-plus: the release leaves
// bandwidth_plus, dependence_plus and fbic_plus (and their maxima) blank
// before it, even where the un-normalised sums exist.
const PlusFrom = 2009

// Maxima are the divisors that normalise bandwidth, dependence and fbic.
type Maxima struct {
	// FromPanel says to take each maximum from the table being computed:
	// the largest un-normalised value over its rows (for FBIC-plus, over
	// the rows from PlusFrom), so that the largest normalised value is 1.
	// The fields below are then ignored.
	FromPanel bool

	Bandwidth, Dependence, FBIC             float64
	BandwidthPlus, DependencePlus, FBICPlus float64
}

// ReleaseMaxima returns the maxima of FBIC's release (bandwidthmax,
// dependencemax, fbicmax and their _plus counterparts), which reproduce its
// published columns on any subset of its rows.
func ReleaseMaxima() Maxima {
	return Maxima{
		Bandwidth: 3.1831572, Dependence: 4.1227694, FBIC: 0.58199161,
		BandwidthPlus: 3.3609812, DependencePlus: 3.0973625, FBICPlus: 0.61893559,
	}
}

// PanelMaxima returns the maxima taken from the table being computed.
func PanelMaxima() Maxima { return Maxima{FromPanel: true} }

// DefaultMaxima returns the maxima that go with w: the release's for FBIC's
// own weights, the panel's for any other weights (the release's maxima are
// those of its weights).
func DefaultMaxima(w influence.Weights) Maxima {
	if IsDefault(w) {
		return ReleaseMaxima()
	}
	return PanelMaxima()
}

// Scores are the columns of one index (standard or FBIC-plus), one value
// per table row, NaN where missing.
type Scores struct {
	PoliticalBandwidth, EconomicBandwidth, SecurityBandwidth []float64
	EconomicDependence, SecurityDependence                   []float64
	// Un-normalised totals: FBIC's bandwidth_nonnorm, dependence_nonnorm
	// and fbic_nonnorm (the product of normalised bandwidth and dependence).
	BandwidthNonnorm, DependenceNonnorm, FBICNonnorm []float64
	Bandwidth, Dependence, FBIC                      []float64
}

// Result is the profile computed over a table.
type Result struct {
	Standard Scores
	Plus     *Scores // nil when the table has no FBIC-plus inputs
	// Maxima are the maxima applied; FromPanel is kept from the request.
	// A maximum that is not positive leaves its normalised column missing.
	Maxima Maxima
}

// Compute computes the profile over t with weights w (which should pass
// [CheckWeights]) and maxima m. An indicator with weight 0 is left out; any
// other missing indicator makes the sums it enters missing.
func Compute(t *Table, w influence.Weights, m Maxima) *Result {
	res := &Result{Maxima: m}
	res.Standard = scores(t, w, PartBandwidth, PartDependence)
	bmax, dmax, fmax := &res.Maxima.Bandwidth, &res.Maxima.Dependence, &res.Maxima.FBIC
	normalise(&res.Standard, nil, bmax, dmax, fmax, m.FromPanel) // every year
	if t.Plus {
		p := scores(t, w, PartBandwidthPlus, PartDependencePlus)
		bmax, dmax, fmax := &res.Maxima.BandwidthPlus, &res.Maxima.DependencePlus, &res.Maxima.FBICPlus
		normalise(&p, t.Year, bmax, dmax, fmax, m.FromPanel)
		res.Plus = &p
	} else {
		res.Maxima.BandwidthPlus, res.Maxima.DependencePlus, res.Maxima.FBICPlus = 0, 0, 0
	}
	return res
}

// scores computes the sub-dimension sums and un-normalised totals of one
// index.
func scores(t *Table, w influence.Weights, bandPart, depPart string) Scores {
	n := t.Len()
	sum := func(part, dim string, logged bool) []float64 {
		out := make([]float64, n)
		for _, x := range w {
			if x.Part != part || x.Dimension != dim || x.Value == 0 {
				continue
			}
			col := t.Inputs[x.Indicator]
			for i := range out {
				v := math.NaN()
				if i < len(col) {
					v = col[i]
				}
				if logged {
					v = math.Log1p(v) // ln(1 + v); missing for v <= -1
					if math.IsInf(v, 0) {
						v = math.NaN()
					}
				}
				out[i] += x.Value * v
			}
		}
		return out
	}
	s := Scores{
		PoliticalBandwidth: sum(bandPart, Political, false),
		EconomicBandwidth:  sum(bandPart, Economic, false),
		SecurityBandwidth:  sum(bandPart, Security, false),
		EconomicDependence: sum(depPart, Economic, true),
		SecurityDependence: sum(depPart, Security, true),
		BandwidthNonnorm:   make([]float64, n),
		DependenceNonnorm:  make([]float64, n),
	}
	for i := range n {
		s.BandwidthNonnorm[i] = s.PoliticalBandwidth[i] + s.EconomicBandwidth[i] + s.SecurityBandwidth[i]
		s.DependenceNonnorm[i] = s.EconomicDependence[i] + s.SecurityDependence[i]
	}
	return s
}

// normalise fills the normalised columns of s and the fbic_nonnorm column.
// With years given, rows before PlusFrom get no normalised values. With
// fromPanel the maxima are first set from the rows that get values.
func normalise(s *Scores, years []int, bmax, dmax, fmax *float64, fromPanel bool) {
	n := len(s.BandwidthNonnorm)
	in := func(i int) bool { return years == nil || years[i] >= PlusFrom }
	if fromPanel {
		*bmax = panelMax(s.BandwidthNonnorm, in)
		*dmax = panelMax(s.DependenceNonnorm, in)
	}
	s.Bandwidth = make([]float64, n)
	s.Dependence = make([]float64, n)
	s.FBICNonnorm = make([]float64, n)
	for i := range n {
		if !in(i) {
			s.Bandwidth[i], s.Dependence[i], s.FBICNonnorm[i] = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		s.Bandwidth[i] = divide(s.BandwidthNonnorm[i], *bmax)
		s.Dependence[i] = divide(s.DependenceNonnorm[i], *dmax)
		s.FBICNonnorm[i] = s.Bandwidth[i] * s.Dependence[i]
	}
	if fromPanel {
		*fmax = panelMax(s.FBICNonnorm, in)
	}
	s.FBIC = make([]float64, n)
	for i := range n {
		s.FBIC[i] = divide(s.FBICNonnorm[i], *fmax)
	}
}

// panelMax returns the largest non-missing value of xs over the rows that
// in selects, and NaN when there is none.
func panelMax(xs []float64, in func(int) bool) float64 {
	m := math.NaN()
	for i, x := range xs {
		if in(i) && !math.IsNaN(x) && (math.IsNaN(m) || x > m) {
			m = x
		}
	}
	return m
}

// divide returns x/m, or NaN when m is not a positive finite number.
func divide(x, m float64) float64 {
	if !(m > 0) || math.IsInf(m, 0) {
		return math.NaN()
	}
	return x / m
}
