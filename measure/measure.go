// Package measure computes the indices the assessment is built from, as
// plain functions on plain slices: shares, Herfindahl-Hirschman
// concentration, the transforms that map indicators onto [0, 1], and
// weighted means that skip missing values.
//
// Missing values are NaN. A length mismatch between slices is a caller bug
// and panics.
package measure

import "math"

// Shares returns x_i / sum(x) for each i. It returns nil when the sum is not
// positive, and panics on a negative value.
func Shares(x []float64) []float64 {
	var sum float64
	for _, v := range x {
		if v < 0 {
			panic("measure: negative value in Shares")
		}
		sum += v
	}
	if !(sum > 0) {
		return nil
	}
	s := make([]float64, len(x))
	for i, v := range x {
		s[i] = v / sum
	}
	return s
}

// HHI returns the Herfindahl-Hirschman index of the shares of x:
//
//	H = sum_i s_i^2,  s_i = x_i / sum_j x_j
//
// H lies in [1/N, 1]; multiply by 10,000 for the antitrust scale. It
// returns NaN when x has no positive total. Source: Hirschman (1945),
// National Power and the Structure of Foreign Trade; Herfindahl (1950).
func HHI(x []float64) float64 {
	s := Shares(x)
	if s == nil {
		return math.NaN()
	}
	var h float64
	for _, v := range s {
		h += v * v
	}
	return h
}

// NormalizedHHI rescales an HHI over n parts to [0, 1]:
//
//	H* = (H - 1/n) / (1 - 1/n)
//
// It returns NaN for n < 2.
func NormalizedHHI(h float64, n int) float64 {
	if n < 2 {
		return math.NaN()
	}
	inv := 1 / float64(n)
	return (h - inv) / (1 - inv)
}

// LogPercent maps a percentage onto [0, 1] the way FBIC does:
//
//	ln(1 + p) / ln(101)
//
// p is clamped to [0, 100]. It rewards the first percentage points most, so
// that 10% scores 0.52 and 50% scores 0.85.
func LogPercent(p float64) float64 {
	if math.IsNaN(p) {
		return p
	}
	p = math.Max(0, math.Min(100, p))
	return math.Log1p(p) / math.Log(101)
}

// Clamp01 limits x to [0, 1]; NaN stays NaN.
func Clamp01(x float64) float64 {
	if math.IsNaN(x) {
		return x
	}
	return math.Max(0, math.Min(1, x))
}

// Ordinal maps a code on the scale 0..top onto [0, 1] as code/top.
func Ordinal(code, top float64) float64 {
	return Clamp01(code / top)
}

// DistanceDecay maps a distance in km onto [0, 1], 1 for neighbours and 0
// at the antipodes:
//
//	1 - ln(1 + d/100) / ln(1 + 20000/100)
//
// 20,000 km is half the Earth's circumference, the longest great-circle
// distance.
func DistanceDecay(km float64) float64 {
	return Clamp01(1 - math.Log1p(km/100)/math.Log1p(200))
}

// HalfLife returns 0.5^(age/halfLife), the weight of something age years
// old when its relevance halves every halfLife years. Negative ages count
// as 0.
func HalfLife(age, halfLife float64) float64 {
	return math.Pow(0.5, math.Max(0, age)/halfLife)
}

// WeightedMean returns sum_i w_i x_i / sum_i w_i over the i where x_i is
// not NaN and w_i > 0, together with coverage, the share of the total
// positive weight those i carry. It returns NaN and 0 when no value is
// present. It panics if the lengths differ.
func WeightedMean(x, w []float64) (mean, coverage float64) {
	if len(x) != len(w) {
		panic("measure: slice length mismatch")
	}
	var sum, ws, total float64
	for i, v := range x {
		if w[i] <= 0 {
			continue
		}
		total += w[i]
		if math.IsNaN(v) {
			continue
		}
		sum += w[i] * v
		ws += w[i]
	}
	if ws == 0 {
		return math.NaN(), 0
	}
	return sum / ws, ws / total
}
