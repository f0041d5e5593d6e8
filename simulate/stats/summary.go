package stats

import (
	"fmt"
	"math"
)

// Summary is a streaming summary of one quantity whose plausible range
// [lo, hi] is known in advance: the count, mean, sample variance, minimum
// and maximum of the observations, and quantiles and a coarse histogram
// for display, both read off a histogram of bins equal-width bins over
// [lo, hi].
//
// The zero value is not usable; create one with NewSummary.
type Summary struct {
	lo, hi, width float64
	scale         float64 // bins / (hi - lo)
	counts        []int

	n        int
	nans     int
	mean, m2 float64 // Welford's running mean and sum of squared deviations
	min, max float64
}

// NewSummary returns an empty Summary with a histogram of bins equal-width
// bins over [lo, hi]. It panics unless lo and hi are finite, lo < hi and
// bins >= 1.
func NewSummary(lo, hi float64, bins int) *Summary {
	if !(lo < hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || bins < 1 {
		panic(fmt.Sprintf("stats: NewSummary(%v, %v, %d): want finite lo < hi and bins >= 1", lo, hi, bins))
	}
	return &Summary{
		lo:     lo,
		hi:     hi,
		width:  (hi - lo) / float64(bins),
		scale:  float64(bins) / (hi - lo),
		counts: make([]int, bins),
		min:    math.NaN(),
		max:    math.NaN(),
	}
}

// Add records the observation x. A NaN is counted by NaNs and otherwise
// ignored. A value outside [lo, hi] falls into the first or last bin of
// the histogram, but the mean, variance, minimum and maximum use the value
// itself. An infinite value makes the mean and variance infinite or NaN.
func (s *Summary) Add(x float64) {
	if math.IsNaN(x) {
		s.nans++
		return
	}
	s.counts[s.bin(x)]++

	s.n++
	d := x - s.mean
	s.mean += d / float64(s.n)
	s.m2 += float64(d * (x - s.mean))
	if s.n == 1 || x < s.min {
		s.min = x
	}
	if s.n == 1 || x > s.max {
		s.max = x
	}
}

// bin returns the histogram bin of the non-NaN x, clamped to the first or
// last bin.
func (s *Summary) bin(x float64) int {
	last := len(s.counts) - 1
	switch {
	case x <= s.lo:
		return 0
	case x >= s.hi:
		return last
	}
	return min(int((x-s.lo)*s.scale), last)
}

// N returns the number of observations that were not NaN.
func (s *Summary) N() int { return s.n }

// NaNs returns the number of NaN observations.
func (s *Summary) NaNs() int { return s.nans }

// Mean returns the mean of the observations, NaN when N is 0.
func (s *Summary) Mean() float64 {
	if s.n == 0 {
		return math.NaN()
	}
	return s.mean
}

// Var returns the sample variance of the observations (divided by N-1),
// computed with Welford's algorithm, NaN when N < 2. Source: Welford
// (1962), Note on a method for calculating corrected sums of squares and
// products, Technometrics 4(3).
func (s *Summary) Var() float64 {
	if s.n < 2 {
		return math.NaN()
	}
	return s.m2 / float64(s.n-1)
}

// Min returns the smallest observation, NaN when N is 0.
func (s *Summary) Min() float64 { return s.min }

// Max returns the largest observation, NaN when N is 0.
func (s *Summary) Max() float64 { return s.max }

// Quantile returns an estimate of the p-quantile of the observations: it
// finds the histogram bin in which the cumulative count reaches p·N,
// interpolates linearly within that bin as if its observations were spread
// evenly across it, and clamps the result to [Min, Max]. Quantile(0) is
// Min, Quantile(1) is Max, and observations all equal to one value give
// exactly that value at every p.
//
// The estimate lies in the same bin as the sample quantile x_(k), the k-th
// smallest observation with k = max(1, ⌈p·N⌉), so whenever that
// observation lies in [lo, hi] the error is at most one bin width,
// (hi-lo)/bins. Outside [lo, hi] there is no such bound.
//
// Quantile returns NaN when N is 0, and panics unless 0 <= p <= 1.
func (s *Summary) Quantile(p float64) float64 {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("stats: Quantile(%v): want 0 <= p <= 1", p))
	}
	switch {
	case s.n == 0:
		return math.NaN()
	case p == 0:
		return s.min
	case p == 1:
		return s.max
	}
	target := p * float64(s.n)
	cum := 0
	for b, c := range s.counts {
		if float64(cum+c) >= target {
			frac := (target - float64(cum)) / float64(c)
			q := s.lo + float64((float64(b)+frac)*s.width)
			return math.Max(s.min, math.Min(s.max, q))
		}
		cum += c
	}
	return s.max // not reached: the last non-empty bin ends at cum == N >= target
}

// Histogram returns a coarse histogram of the observations, of at most
// bins bars: counts[i] observations lie in [edges[i], edges[i+1]), the
// last bar closed, [edges[n-1], edges[n]], with len(edges) = n+1.
//
// The outer edges are the observed extremes, edges[0] = Min and
// edges[n] = Max, so every observation, even one outside [lo, hi], lies
// within them. The inner edges are edges of the Summary's own bins and
// strictly increasing; each bar is made of whole bins, so each count is
// exact and the counts add up to N. The bars are the narrowest that keep
// their number within bins: each spans the same number of the Summary's
// bins, but the first starts at Min and the last ends at Max, so these two
// may be narrower. An observation within rounding error of an inner edge may be
// counted on either side of it. When every observation is the same value
// v, there is one bar, [v, v], holding N.
//
// Histogram returns nil, nil when N is 0, and panics unless bins >= 1.
func (s *Summary) Histogram(bins int) (edges []float64, counts []int) {
	if bins < 1 {
		panic(fmt.Sprintf("stats: Histogram(%d): want bins >= 1", bins))
	}
	if s.n == 0 {
		return nil, nil
	}
	first, last := s.bin(s.min), s.bin(s.max)
	if s.min == s.max {
		return []float64{s.min, s.max}, []int{s.n}
	}
	k := last - first + 1
	size := (k + bins - 1) / bins // fine bins per bar
	edges = []float64{s.min}
	counts = []int{0}
	for b := first; b <= last; b++ {
		if b > first && (b-first)%size == 0 {
			// A new bar starts at the lower edge of fine bin b, unless that
			// edge does not lie strictly between the previous edge and Max.
			if e := s.lo + float64(float64(b)*s.width); e > edges[len(edges)-1] && e < s.max {
				edges = append(edges, e)
				counts = append(counts, 0)
			}
		}
		counts[len(counts)-1] += s.counts[b]
	}
	return append(edges, s.max), counts
}
