package influence

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// Ranked is one state in a ranking, with the index value it is ranked by.
type Ranked struct {
	State int     `json:"state"` // COW code
	Value float64 `json:"value"`
}

// Rank returns states ordered by value, largest first, ties broken by the
// smaller state code. states and values are parallel.
func Rank(states []int, values []float64) []Ranked {
	r := make([]Ranked, len(states))
	for i := range states {
		r[i] = Ranked{states[i], values[i]}
	}
	slices.SortFunc(r, func(x, y Ranked) int {
		if c := cmp.Compare(y.Value, x.Value); c != 0 {
			return c
		}
		return cmp.Compare(x.State, y.State)
	})
	return r
}

// Spearman returns Spearman's rank correlation between two rankings of the
// same states, over the union of the first n states of each: the Pearson
// correlation of the positions those states hold in a and in b. A state
// absent from a ranking takes the position after its last. It is 1 when
// the two top-n lists agree in order, and 1 when fewer than two states
// are compared.
func Spearman(a, b []Ranked, n int) float64 {
	pos := func(r []Ranked) map[int]float64 {
		m := make(map[int]float64, len(r))
		for i, x := range r {
			m[x.State] = float64(i + 1)
		}
		return m
	}
	pa, pb := pos(a), pos(b)
	var union []int
	for _, r := range [][]Ranked{a, b} {
		for i := 0; i < n && i < len(r); i++ {
			if !slices.Contains(union, r[i].State) {
				union = append(union, r[i].State)
			}
		}
	}
	if len(union) < 2 {
		return 1
	}
	xs, ys := make([]float64, len(union)), make([]float64, len(union))
	for i, s := range union {
		xs[i], ys[i] = at(pa, s, len(a)), at(pb, s, len(b))
	}
	return pearson(xs, ys)
}

func at(pos map[int]float64, s, n int) float64 {
	if p, ok := pos[s]; ok {
		return p
	}
	return float64(n + 1)
}

// pearson returns the correlation of x and y, or 1 if either is constant.
func pearson(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(y))
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 1
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Shift is the outcome of changing one weight: the new top of the ranking
// and how it differs from the baseline's.
type Shift struct {
	Weight  Weight   `json:"weight"`  // the weight changed, with its original value
	Factor  float64  `json:"factor"`  // what it was multiplied by
	Rho     float64  `json:"rho"`     // Spearman's rank correlation with the baseline top n
	Entries []int    `json:"entries"` // states in the new top n but not the baseline's
	Exits   []int    `json:"exits"`   // states in the baseline top n but not the new one
	Top     []Ranked `json:"top"`     // the new top n
}

// Sensitivity ranks with the base weights, then again with each weight
// multiplied by each factor and its part renormalised (Weights.Perturb),
// and reports how the top n moves. rank computes the full ranking for a
// set of weights. Weights of zero are skipped: scaling them changes
// nothing.
func Sensitivity(ctx context.Context, base Weights, factors []float64, n int, rank func(Weights) ([]Ranked, error)) ([]Ranked, []Shift, error) {
	baseline, err := rank(base)
	if err != nil {
		return nil, nil, err
	}
	top := func(r []Ranked) []Ranked { return r[:min(n, len(r))] }
	var shifts []Shift
	for i, w := range base {
		if w.Value == 0 {
			continue
		}
		for _, f := range factors {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			r, err := rank(base.Perturb(i, f))
			if err != nil {
				return nil, nil, err
			}
			s := Shift{Weight: w, Factor: f, Rho: Spearman(baseline, r, n), Top: top(r)}
			s.Entries = missing(top(r), top(baseline))
			s.Exits = missing(top(baseline), top(r))
			shifts = append(shifts, s)
		}
	}
	return top(baseline), shifts, nil
}

// missing returns the states of a that are not in b.
func missing(a, b []Ranked) []int {
	out := []int{}
	for _, x := range a {
		if !slices.ContainsFunc(b, func(y Ranked) bool { return y.State == x.State }) {
			out = append(out, x.State)
		}
	}
	return out
}
