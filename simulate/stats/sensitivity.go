package stats

import (
	"fmt"
	"math"
)

// Sensitivity ranks the uncertain inputs of a Monte Carlo run by the
// share of the output's variance each one explains on its own. For input
// i it estimates the first-order Sobol index
//
//	S_i = Var(E[Y | X_i]) / Var(Y)
//
// by the correlation ratio (Pearson's η², McKay's estimator): the draws
// are grouped into bins of equal probability by the uniform number u_i
// behind X_i, and
//
//	S_i ≈ Σ_b n_b (ȳ_b − ȳ)² / Σ (y − ȳ)²
//
// where n_b and ȳ_b are the count and mean of the outputs in bin b and ȳ
// the overall mean. Sources: Saltelli et al. (2008), Global Sensitivity
// Analysis: The Primer, Wiley, ch. 1 and 4; McKay (1995), Evaluating
// prediction uncertainty, NUREG/CR-6311.
//
// The estimate is biased. An input with no effect gets about
// (bins−1)/N rather than 0, from the sampling noise of the bin means; an
// input whose effect varies within a bin loses that within-bin part, an
// error that shrinks as the bins narrow (for a linear effect, by a factor
// 1 − 1/bins²). A discrete input that takes k < bins values is split
// across several bins of u that share one conditional mean in
// expectation, but their sample means still differ by noise, so its bias
// is about (bins−1)/N, not (k−1)/N. The indices need not sum to 1: the
// rest is the variance due to interactions.
//
// The zero value is not usable; create one with NewSensitivity.
type Sensitivity struct {
	inputs, bins int

	// count[i*bins+b] and mean[i*bins+b] are the number and running
	// mean of the outputs whose input i fell into bin b.
	count []int
	mean  []float64

	n         int
	ymean, m2 float64 // Welford's running mean and sum of squared deviations of y
}

// NewSensitivity returns an empty Sensitivity over inputs inputs, each
// split into bins bins of equal probability. It panics unless inputs >= 1
// and bins >= 1.
func NewSensitivity(inputs, bins int) *Sensitivity {
	if inputs < 1 || bins < 1 {
		panic(fmt.Sprintf("stats: NewSensitivity(%d, %d): want inputs >= 1 and bins >= 1", inputs, bins))
	}
	return &Sensitivity{
		inputs: inputs,
		bins:   bins,
		count:  make([]int, inputs*bins),
		mean:   make([]float64, inputs*bins),
	}
}

// Add records one draw: u[i] is the uniform number in [0, 1) from which
// input i was drawn by its inverse CDF, and y is the output. Input i falls
// into bin min(⌊u[i]·bins⌋, bins−1). A NaN y is skipped; an infinite y
// leaves the variance undefined and every index NaN. Add panics if
// len(u) is not the number of inputs or a u[i] is outside [0, 1].
func (s *Sensitivity) Add(u []float64, y float64) {
	if len(u) != s.inputs {
		panic(fmt.Sprintf("stats: Sensitivity.Add: got %d uniforms, want %d", len(u), s.inputs))
	}
	for i, v := range u {
		if !(v >= 0 && v <= 1) {
			panic(fmt.Sprintf("stats: Sensitivity.Add: u[%d] = %v, want within [0, 1]", i, v))
		}
	}
	if math.IsNaN(y) {
		return
	}
	s.n++
	d := y - s.ymean
	s.ymean += d / float64(s.n)
	s.m2 += float64(d * (y - s.ymean))
	for i, v := range u {
		k := i*s.bins + min(int(v*float64(s.bins)), s.bins-1)
		s.count[k]++
		s.mean[k] += (y - s.mean[k]) / float64(s.count[k])
	}
}

// N returns the number of draws recorded, those with a NaN output left
// out.
func (s *Sensitivity) N() int { return s.n }

// Indices returns the estimated first-order index of each input, in the
// order of u, each within [0, 1]. All are 0 while the outputs have no
// variance, in particular before two distinct outputs were added, and NaN
// after an infinite output.
func (s *Sensitivity) Indices() []float64 {
	idx := make([]float64, s.inputs)
	switch {
	case math.IsNaN(s.m2) || math.IsInf(s.m2, 0):
		for i := range idx {
			idx[i] = math.NaN()
		}
		return idx
	case s.m2 == 0:
		return idx
	}
	for i := range idx {
		var between float64
		for b := range s.bins {
			k := i*s.bins + b
			d := s.mean[k] - s.ymean
			between += float64(float64(s.count[k]) * d * d)
		}
		// Between-bin variation cannot exceed the total but for rounding.
		idx[i] = math.Min(1, between/s.m2)
	}
	return idx
}
