package scenario

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// Dist names the probability distribution of a Number.
type Dist string

// The distributions a Number can follow.
const (
	Fixed      Dist = "fixed"      // one known value
	Uniform    Dist = "uniform"    // {min, max}
	Triangular Dist = "triangular" // {min, mode, max}
	Normal     Dist = "normal"     // {mean, sd}, optionally truncated to [min, max]
	LogNormal  Dist = "lognormal"  // {mu, sigma} or {median, p95}, optionally truncated to [min, max]
	Discrete   Dist = "discrete"   // {values, probs}
)

// Dists lists every distribution a scenario file may name, Fixed aside.
var Dists = []Dist{Uniform, Triangular, Normal, LogNormal, Discrete}

// z95 is the 95th percentile of the standard normal distribution.
const z95 = 1.6448536269514722

// Number is a quantity in a scenario: either a fixed value or a probability
// distribution to draw it from. The zero Number is the fixed value 0.
type Number struct {
	dist Dist
	// Parameters: fixed {a}; uniform {a=min, b=max}; triangular {a=min,
	// b=max, c=mode}; normal {a=mean, b=sd}; lognormal {a=mu, b=sigma}.
	a, b, c float64
	// Truncation bounds of normal and lognormal; ±Inf when open.
	lo, hi float64
	// Discrete values, their probabilities and cumulative probabilities.
	values, probs, cum []float64
	// For the truncated continuous distributions: the standard normal CDF
	// at the bounds.
	plo, phi float64
	pos      Pos
}

// Const returns the fixed Number x.
func Const(x float64) Number { return Number{dist: Fixed, a: x} }

// NewUniform returns the uniform distribution on [min, max].
func NewUniform(min, max float64) (Number, error) {
	if err := finite(min, max); err != nil {
		return Number{}, err
	}
	if !(min < max) {
		return Number{}, fmt.Errorf("uniform: min %v must be less than max %v", min, max)
	}
	return Number{dist: Uniform, a: min, b: max}, nil
}

// NewTriangular returns the triangular distribution on [min, max] with its
// peak at mode.
func NewTriangular(min, mode, max float64) (Number, error) {
	if err := finite(min, mode, max); err != nil {
		return Number{}, err
	}
	if !(min < max) {
		return Number{}, fmt.Errorf("triangular: min %v must be less than max %v", min, max)
	}
	if mode < min || mode > max {
		return Number{}, fmt.Errorf("triangular: mode %v must lie in [min, max] = [%v, %v]", mode, min, max)
	}
	return Number{dist: Triangular, a: min, b: max, c: mode}, nil
}

// NewNormal returns the normal distribution of the given mean and standard
// deviation, truncated to [min, max]; pass ±Inf for an open bound.
func NewNormal(mean, sd, min, max float64) (Number, error) {
	if err := finite(mean, sd); err != nil {
		return Number{}, err
	}
	if !(sd > 0) {
		return Number{}, fmt.Errorf("normal: sd %v must be positive", sd)
	}
	n := Number{dist: Normal, a: mean, b: sd}
	return n.truncate(min, max)
}

// NewLogNormal returns the distribution of exp(X) for X normal with mean mu
// and standard deviation sigma, truncated to [min, max]; pass 0 and +Inf
// for no truncation.
func NewLogNormal(mu, sigma, min, max float64) (Number, error) {
	if err := finite(mu, sigma); err != nil {
		return Number{}, err
	}
	if !(sigma > 0) {
		return Number{}, fmt.Errorf("lognormal: sigma %v must be positive", sigma)
	}
	if min < 0 {
		return Number{}, fmt.Errorf("lognormal: min %v must not be negative", min)
	}
	n := Number{dist: LogNormal, a: mu, b: sigma}
	return n.truncate(min, max)
}

// NewLogNormalP95 returns the lognormal distribution with the given median
// and 95th percentile, truncated to [min, max] (0 and +Inf for none).
func NewLogNormalP95(median, p95, min, max float64) (Number, error) {
	if err := finite(median, p95); err != nil {
		return Number{}, err
	}
	if !(median > 0) {
		return Number{}, fmt.Errorf("lognormal: median %v must be positive", median)
	}
	if !(p95 > median) {
		return Number{}, fmt.Errorf("lognormal: p95 %v must be greater than the median %v", p95, median)
	}
	mu := math.Log(median)
	return NewLogNormal(mu, (math.Log(p95)-mu)/z95, min, max)
}

// NewDiscrete returns the distribution taking values[i] with probability
// probs[i]. The probabilities must be non-negative and sum to 1 (within
// 1e-6); they are rescaled to sum exactly to 1.
func NewDiscrete(values, probs []float64) (Number, error) {
	switch {
	case len(values) == 0:
		return Number{}, errors.New("discrete: values must not be empty")
	case len(values) != len(probs):
		return Number{}, fmt.Errorf("discrete: %d values but %d probs", len(values), len(probs))
	}
	if err := finite(values...); err != nil {
		return Number{}, err
	}
	sum := 0.0
	for _, p := range probs {
		if !(p >= 0) || math.IsInf(p, 0) {
			return Number{}, fmt.Errorf("discrete: probability %v must be a number in [0, 1]", p)
		}
		sum += p
	}
	if math.Abs(sum-1) > 1e-6 {
		return Number{}, fmt.Errorf("discrete: probs sum to %v, want 1", sum)
	}
	n := Number{dist: Discrete, values: slices.Clone(values), probs: make([]float64, len(probs)), cum: make([]float64, len(probs))}
	acc := 0.0
	for i, p := range probs {
		n.probs[i] = p / sum
		acc += n.probs[i]
		n.cum[i] = acc
	}
	n.cum[len(n.cum)-1] = 1
	return n, nil
}

func finite(xs ...float64) error {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%v is not a finite number", x)
		}
	}
	return nil
}

// truncate sets the bounds of a normal or lognormal Number.
func (n Number) truncate(min, max float64) (Number, error) {
	if math.IsNaN(min) || math.IsNaN(max) || !(min < max) {
		return Number{}, fmt.Errorf("%s: min %v must be less than max %v", n.dist, min, max)
	}
	n.lo, n.hi = min, max
	n.plo, n.phi = n.cdfZ(min), n.cdfZ(max)
	if n.phi-n.plo < 1e-9 {
		return Number{}, fmt.Errorf("%s: [%v, %v] holds almost none of the distribution", n.dist, min, max)
	}
	return n, nil
}

// z returns the standard score of x under a normal, or of log x under a
// lognormal.
func (n Number) z(x float64) float64 {
	if n.dist == LogNormal {
		if x <= 0 {
			return math.Inf(-1)
		}
		x = math.Log(x)
	}
	return (x - n.a) / n.b
}

func (n Number) cdfZ(x float64) float64 { return stdCDF(n.z(x)) }

func stdCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

func stdPDF(z float64) float64 {
	if math.IsInf(z, 0) {
		return 0
	}
	return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi)
}

func stdQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// Dist returns the distribution n follows.
func (n Number) Dist() Dist {
	if n.dist == "" {
		return Fixed
	}
	return n.dist
}

// Fixed returns n's value and true when n is a fixed value, or 0 and false
// when it is a distribution.
func (n Number) Fixed() (float64, bool) {
	if n.dist == "" || n.dist == Fixed {
		return n.a, true
	}
	return 0, false
}

// Sample draws a value of n. It takes exactly one r.Float64() (none for a
// fixed value) and returns Quantile of it, so the result depends only on
// the state of r.
func (n Number) Sample(r *rand.Rand) float64 {
	if x, ok := n.Fixed(); ok {
		return x
	}
	return n.Quantile(r.Float64())
}

// Quantile returns the value below which n falls with probability p, for p
// in [0, 1).
func (n Number) Quantile(p float64) float64 {
	switch n.Dist() {
	case Uniform:
		return n.a + (n.b-n.a)*p
	case Triangular:
		lo, hi, mode := n.a, n.b, n.c
		f := (mode - lo) / (hi - lo)
		if p < f {
			return lo + math.Sqrt(p*(hi-lo)*(mode-lo))
		}
		return hi - math.Sqrt((1-p)*(hi-lo)*(hi-mode))
	case Normal, LogNormal:
		q := n.plo + p*(n.phi-n.plo)
		q = math.Min(math.Max(q, 1e-300), 1-1e-16)
		x := n.a + n.b*stdQuantile(q)
		if n.dist == LogNormal {
			x = math.Exp(x)
		}
		return math.Min(math.Max(x, n.lo), n.hi)
	case Discrete:
		i, _ := slices.BinarySearch(n.cum, p)
		for i < len(n.cum)-1 && n.cum[i] <= p {
			i++
		}
		return n.values[min(i, len(n.values)-1)]
	}
	return n.a
}

// Mean returns the expected value of n.
func (n Number) Mean() float64 {
	switch n.Dist() {
	case Uniform:
		return (n.a + n.b) / 2
	case Triangular:
		return (n.a + n.b + n.c) / 3
	case Normal:
		za, zb := n.z(n.lo), n.z(n.hi)
		return n.a + n.b*(stdPDF(za)-stdPDF(zb))/(n.phi-n.plo)
	case LogNormal:
		s := n.b
		za, zb := n.z(n.lo), n.z(n.hi)
		return math.Exp(n.a+s*s/2) * (stdCDF(zb-s) - stdCDF(za-s)) / (n.phi - n.plo)
	case Discrete:
		m := 0.0
		for i, v := range n.values {
			m += v * n.probs[i]
		}
		return m
	}
	return n.a
}

// Support returns the smallest and largest values n can take; either may be
// infinite.
func (n Number) Support() (lo, hi float64) {
	switch n.Dist() {
	case Uniform, Triangular:
		return n.a, n.b
	case Normal, LogNormal:
		return n.lo, n.hi
	case Discrete:
		return slices.Min(n.values), slices.Max(n.values)
	}
	return n.a, n.a
}

// String formats n as in a scenario file's flow style, e.g. "0.5" or
// "triangular{min: 0.3, mode: 0.35, max: 0.4}".
func (n Number) String() string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	bounds := func() string {
		var s string
		if !math.IsInf(n.lo, -1) && !(n.dist == LogNormal && n.lo == 0) {
			s += ", min: " + f(n.lo)
		}
		if !math.IsInf(n.hi, 1) {
			s += ", max: " + f(n.hi)
		}
		return s
	}
	switch n.Dist() {
	case Uniform:
		return fmt.Sprintf("uniform{min: %s, max: %s}", f(n.a), f(n.b))
	case Triangular:
		return fmt.Sprintf("triangular{min: %s, mode: %s, max: %s}", f(n.a), f(n.c), f(n.b))
	case Normal:
		return fmt.Sprintf("normal{mean: %s, sd: %s%s}", f(n.a), f(n.b), bounds())
	case LogNormal:
		return fmt.Sprintf("lognormal{mu: %s, sigma: %s%s}", f(n.a), f(n.b), bounds())
	case Discrete:
		vs, ps := make([]string, len(n.values)), make([]string, len(n.probs))
		for i := range n.values {
			vs[i], ps[i] = f(n.values[i]), f(n.probs[i])
		}
		return fmt.Sprintf("discrete{values: [%s], probs: [%s]}", strings.Join(vs, ", "), strings.Join(ps, ", "))
	}
	return f(n.a)
}

// Pos returns where n was written in its scenario file; zero when n was
// not parsed from a file.
func (n Number) Pos() Pos { return n.pos }
