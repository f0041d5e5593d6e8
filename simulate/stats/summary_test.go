package stats_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/simulate/stats"
)

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol
}

// mustPanic runs f and fails the test if it does not panic.
func mustPanic(t *testing.T, name string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: got no panic, want a panic", name)
		}
	}()
	f()
}

// summarize adds every x to a new Summary over [lo, hi] with bins bins.
func summarize(lo, hi float64, bins int, x []float64) *stats.Summary {
	s := stats.NewSummary(lo, hi, bins)
	for _, v := range x {
		s.Add(v)
	}
	return s
}

// sampleQuantile returns the k-th smallest of sorted, k = max(1, ⌈p·n⌉).
func sampleQuantile(sorted []float64, p float64) float64 {
	k := max(1, int(math.Ceil(p*float64(len(sorted)))))
	return sorted[k-1]
}

var probs = []float64{0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1}

func TestNewSummaryPanics(t *testing.T) {
	tests := []struct {
		lo, hi float64
		bins   int
	}{
		{1, 0, 10},
		{1, 1, 10},
		{0, 1, 0},
		{0, 1, -3},
		{math.NaN(), 1, 10},
		{0, math.NaN(), 10},
		{math.Inf(-1), 0, 10},
		{0, math.Inf(1), 10},
	}
	for _, tt := range tests {
		mustPanic(t, fmt.Sprintf("NewSummary(%v, %v, %d)", tt.lo, tt.hi, tt.bins), func() {
			stats.NewSummary(tt.lo, tt.hi, tt.bins)
		})
	}
}

func TestQuantilePanicsOutsideUnitInterval(t *testing.T) {
	s := summarize(0, 1, 10, []float64{0.5})
	for _, p := range []float64{-0.1, 1.1, math.NaN(), math.Inf(1)} {
		mustPanic(t, fmt.Sprintf("Quantile(%v)", p), func() { s.Quantile(p) })
	}
}

func TestSummaryEmpty(t *testing.T) {
	s := stats.NewSummary(0, 1, 10)
	if s.N() != 0 || s.NaNs() != 0 {
		t.Errorf("N, NaNs: got %d, %d, want 0, 0", s.N(), s.NaNs())
	}
	for name, got := range map[string]float64{
		"Mean": s.Mean(), "Var": s.Var(), "Min": s.Min(), "Max": s.Max(),
		"Quantile(0)": s.Quantile(0), "Quantile(0.5)": s.Quantile(0.5), "Quantile(1)": s.Quantile(1),
	} {
		if !math.IsNaN(got) {
			t.Errorf("%s of an empty Summary: got %v, want NaN", name, got)
		}
	}
}

func TestSummaryNaN(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name                     string
		x                        []float64
		n, nans                  int
		mean, variance, min, max float64
		median                   float64
	}{
		{"only NaN", []float64{nan, nan, nan}, 0, 3, nan, nan, nan, nan, nan},
		{"one value among NaN", []float64{nan, 0.25, nan}, 1, 2, 0.25, nan, 0.25, 0.25, 0.25},
		{"NaN ignored", []float64{0.2, nan, 0.4, nan, 0.6}, 3, 2, 0.4, 0.04, 0.2, 0.6, 0.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summarize(0, 1, 10, tt.x)
			if s.N() != tt.n || s.NaNs() != tt.nans {
				t.Errorf("N, NaNs: got %d, %d, want %d, %d", s.N(), s.NaNs(), tt.n, tt.nans)
			}
			for _, c := range []struct {
				name           string
				got, want, tol float64
			}{
				{"Mean", s.Mean(), tt.mean, 1e-15},
				{"Var", s.Var(), tt.variance, 1e-15},
				{"Min", s.Min(), tt.min, 0},
				{"Max", s.Max(), tt.max, 0},
				{"Quantile(0.5)", s.Quantile(0.5), tt.median, 0.1}, // one bin width
			} {
				if !near(c.got, c.want, c.tol) {
					t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
				}
			}
		})
	}
}

// twoPass returns the mean and sample variance of x, the textbook way.
func twoPass(x []float64) (mean, variance float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		variance += (v - mean) * (v - mean)
	}
	return mean, variance / float64(len(x)-1)
}

func TestMeanVarAgainstTwoPass(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	sample := func(n int, f func() float64) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = f()
		}
		return x
	}
	tests := []struct {
		name string
		x    []float64
		tol  float64 // relative tolerance on the variance
	}{
		{"two values", []float64{1, 3}, 1e-12},
		{"small integers", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 1e-12},
		{"uniform", sample(10000, r.Float64), 1e-10},
		{"normal", sample(10000, r.NormFloat64), 1e-10},
		// A spread of 1 on top of 1e9 leaves 8 significant digits to each
		// deviation, and Welford's running mean rounds at every step.
		{"large offset", sample(10000, func() float64 { return 1e9 + r.Float64() }), 1e-6},
		{"outside the histogram", sample(1000, func() float64 { return 100 * r.NormFloat64() }), 1e-10},
		{"constant", sample(100, func() float64 { return 0.7 }), 1e-12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := summarize(0, 1, 20, tt.x)
			mean, variance := twoPass(tt.x)
			if s.N() != len(tt.x) {
				t.Errorf("N: got %d, want %d", s.N(), len(tt.x))
			}
			if !near(s.Mean(), mean, 1e-12*math.Max(1, math.Abs(mean))) {
				t.Errorf("Mean: got %v, want %v", s.Mean(), mean)
			}
			// 1e-15 covers the two-pass rounding of a zero variance.
			if !near(s.Var(), variance, tt.tol*variance+1e-15) {
				t.Errorf("Var: got %v, want %v", s.Var(), variance)
			}
			if lo, hi := slices.Min(tt.x), slices.Max(tt.x); s.Min() != lo || s.Max() != hi {
				t.Errorf("Min, Max: got %v, %v, want %v, %v", s.Min(), s.Max(), lo, hi)
			}
		})
	}
}

func TestQuantileWithinOneBin(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const n = 100000
	tests := []struct {
		name   string
		lo, hi float64
		bins   int
		draw   func() float64
		// quantile is the population p-quantile.
		quantile func(p float64) float64
	}{
		{"uniform", 0, 1, 100, r.Float64, func(p float64) float64 { return p }},
		{"uniform, coarse", 0, 1, 7, r.Float64, func(p float64) float64 { return p }},
		{"uniform on [-3, 5]", -3, 5, 64,
			func() float64 { return -3 + 8*r.Float64() },
			func(p float64) float64 { return -3 + 8*p }},
		{"normal", -5, 5, 200, r.NormFloat64,
			func(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }},
		{"normal, mean 2, sd 0.5", 0, 4, 40,
			func() float64 { return 2 + 0.5*r.NormFloat64() },
			func(p float64) float64 { return 2 - 0.5*math.Sqrt2*math.Erfcinv(2*p) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := make([]float64, n)
			for i := range x {
				x[i] = tt.draw()
			}
			s := summarize(tt.lo, tt.hi, tt.bins, x)
			slices.Sort(x)
			width := (tt.hi - tt.lo) / float64(tt.bins)
			for _, p := range probs {
				got := s.Quantile(p)
				// The documented bound, against the sample quantile.
				if want := sampleQuantile(x, p); !near(got, want, width*(1+1e-9)) {
					t.Errorf("Quantile(%v): got %v, want the sample quantile %v within %v", p, got, want, width)
				}
				// The same bound against the population quantile, away from
				// the tails where the sample quantile is too noisy.
				if p < 0.01 || p > 0.99 {
					continue
				}
				if want := tt.quantile(p); !near(got, want, width) {
					t.Errorf("Quantile(%v): got %v, want %v within %v", p, got, want, width)
				}
			}
		})
	}
}

func TestQuantilePointMass(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		bins   int
		value  float64
	}{
		{"inside", 0, 1, 10, 0.7},
		{"on a bin edge", 0, 1, 10, 0.5},
		{"at lo", 0, 1, 10, 0},
		{"at hi", 0, 1, 10, 1},
		{"one bin", 0, 1, 1, 0.3},
		{"below lo", 0, 1, 10, -4.2},
		{"above hi", 0, 1, 10, 17},
		{"negative range", -100, -50, 33, -71.3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := stats.NewSummary(tt.lo, tt.hi, tt.bins)
			for range 1000 {
				s.Add(tt.value)
			}
			for _, p := range probs {
				if got := s.Quantile(p); got != tt.value {
					t.Errorf("Quantile(%v): got %v, want exactly %v", p, got, tt.value)
				}
			}
			if s.Var() != 0 {
				t.Errorf("Var: got %v, want 0", s.Var())
			}
		})
	}
}

func TestQuantileOutsideRange(t *testing.T) {
	// Values below lo and above hi count in the first and last bins, and
	// the real extremes bound the estimate.
	s := summarize(0, 1, 10, []float64{-5, -4, 0.55, 0.55, 8, 9})
	if got := s.Quantile(0); got != -5 {
		t.Errorf("Quantile(0): got %v, want -5", got)
	}
	if got := s.Quantile(1); got != 9 {
		t.Errorf("Quantile(1): got %v, want 9", got)
	}
	if got := s.Quantile(0.5); got < 0.5 || got > 0.6 {
		t.Errorf("Quantile(0.5): got %v, want within the bin [0.5, 0.6]", got)
	}
	if got := s.Quantile(0.2); got < 0 || got > 0.1 {
		t.Errorf("Quantile(0.2): got %v, want within the first bin [0, 0.1]", got)
	}
	if got, want := s.Mean(), (-5-4+0.55+0.55+8+9)/6.0; !near(got, want, 1e-12) {
		t.Errorf("Mean: got %v, want %v from the real values", got, want)
	}
}

func TestQuantileMonotoneProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 200 {
		s := stats.NewSummary(-1, 1, 1+r.IntN(50))
		for range 1 + r.IntN(300) {
			s.Add(r.NormFloat64() * 0.5 * float64(1+r.IntN(3)))
		}
		prev := math.Inf(-1)
		for j := range 101 {
			p := float64(j) / 100
			q := s.Quantile(p)
			if q < prev || q < s.Min() || q > s.Max() {
				t.Fatalf("case %d: Quantile(%v) = %v after %v, want non-decreasing within [%v, %v]",
					i, p, q, prev, s.Min(), s.Max())
			}
			prev = q
		}
	}
}

func TestSummaryDeterministic(t *testing.T) {
	run := func() [6]float64 {
		r := rand.New(rand.NewPCG(9, 10))
		s := stats.NewSummary(-3, 3, 60)
		for range 10000 {
			s.Add(r.NormFloat64())
		}
		return [6]float64{s.Mean(), s.Var(), s.Min(), s.Max(), s.Quantile(0.05), s.Quantile(0.95)}
	}
	a, b := run(), run()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Errorf("result %d: got %v and %v from the same draws, want identical", i, a[i], b[i])
		}
	}
}

func TestHistogram(t *testing.T) {
	nan := math.NaN()
	many := func(v float64, n int) []float64 { return slices.Repeat([]float64{v}, n) }
	tests := []struct {
		name   string
		lo, hi float64
		fine   int // the Summary's bins
		x      []float64
		bins   int
		edges  []float64
		counts []int
	}{
		{"empty", 0, 1, 10, nil, 20, nil, nil},
		{"only NaN", 0, 1, 10, []float64{nan, nan}, 20, nil, nil},
		{"one value", 0, 1, 10, many(0.37, 5), 20, []float64{0.37, 0.37}, []int{5}},
		{"one value, NaN aside", 0, 1, 10, []float64{nan, 0.2, 0.2, nan}, 20, []float64{0.2, 0.2}, []int{2}},
		{"one value above hi", 0, 1, 10, many(7, 2), 20, []float64{7, 7}, []int{2}},
		{"one fine bin", 0, 1, 10, []float64{0.31, 0.33, 0.32}, 20, []float64{0.31, 0.33}, []int{3}},
		{"fewer fine bins than bars", 0, 1, 10, []float64{0.05, 0.15, 0.25, 0.95}, 20,
			[]float64{0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}, []int{1, 1, 1, 0, 0, 0, 0, 0, 0, 1}},
		{"as many fine bins as bars", 0, 1, 10, []float64{0.05, 0.15, 0.25, 0.95}, 10,
			[]float64{0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}, []int{1, 1, 1, 0, 0, 0, 0, 0, 0, 1}},
		{"four fine bins a bar", 0, 1, 10, []float64{0.05, 0.15, 0.25, 0.95}, 3,
			[]float64{0.05, 0.4, 0.8, 0.95}, []int{3, 0, 1}},
		{"one bar", 0, 1, 10, []float64{0.05, 0.15, 0.25, 0.95}, 1, []float64{0.05, 0.95}, []int{4}},
		// The bin of 0.7 starts at 0.7: the last bar would be [0.7, 0.7]
		// and is merged into the one before, which is closed.
		{"max on a fine edge", 0, 1, 10, []float64{0.5, 0.7}, 20, []float64{0.5, 0.6, 0.7}, []int{1, 1}},
		{"min on a fine edge", 0, 1, 10, []float64{0.2, 0.25, 0.35}, 20, []float64{0.2, 0.3, 0.35}, []int{2, 1}},
		{"outside [lo, hi]", 0, 1, 10, []float64{-3, 0.55, 4, 4}, 20,
			[]float64{-3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 4}, []int{1, 0, 0, 0, 0, 1, 0, 0, 0, 2}},
		{"outside [lo, hi], coarse", 0, 1, 10, []float64{-3, 0.55, 4, 4}, 2, []float64{-3, 0.5, 4}, []int{1, 3}},
		// 100 fine bins of 1 in 7 bars: 15 a bar, the last holding 10.
		{"last bar shorter", 0, 100, 100, []float64{0.5, 14.5, 15.5, 50, 99.5}, 7,
			[]float64{0.5, 15, 30, 45, 60, 75, 90, 99.5}, []int{2, 1, 0, 1, 0, 0, 1}},
		{"from the middle", 0, 100, 100, []float64{40.5, 41, 59.5}, 4,
			[]float64{40.5, 45, 50, 55, 59.5}, []int{2, 0, 0, 1}},
		{"negative range", -100, -50, 50, []float64{-99.5, -75, -75, -50}, 5,
			[]float64{-99.5, -90, -80, -70, -60, -50}, []int{1, 0, 2, 0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edges, counts := summarize(tt.lo, tt.hi, tt.fine, tt.x).Histogram(tt.bins)
			if !slices.Equal(counts, tt.counts) {
				t.Errorf("counts: got %v, want %v", counts, tt.counts)
			}
			// Inner edges are computed as lo + i·width and may be off by
			// rounding.
			if !slices.EqualFunc(edges, tt.edges, func(a, b float64) bool { return near(a, b, 1e-12) }) ||
				(edges == nil) != (tt.edges == nil) {
				t.Errorf("edges: got %v, want %v", edges, tt.edges)
			}
		})
	}
}

func TestHistogramPanics(t *testing.T) {
	s := summarize(0, 1, 10, []float64{0.5})
	for _, bins := range []int{0, -1} {
		mustPanic(t, fmt.Sprintf("Histogram(%d)", bins), func() { s.Histogram(bins) })
	}
}

// TestHistogramProperty checks Histogram on random data, with values
// outside [lo, hi], repeated values on the fine bins' edges and NaNs: the
// counts add up to N, the edges run strictly from Min to Max over inner
// edges of the fine bins, there are at most bins bars of whole fine bins
// of equal width, and each bar holds the observations in its interval.
func TestHistogramProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 500 {
		lo := math.Round(r.NormFloat64() * 100)
		hi := lo + math.Ldexp(1+r.Float64(), r.IntN(20)-10)
		fine := 1 + r.IntN(500)
		width := (hi - lo) / float64(fine)
		bins := 1 + r.IntN(30)
		spread := math.Ldexp(r.Float64(), r.IntN(3)-1) // the data's spread, in units of hi - lo
		x := make([]float64, r.IntN(400))
		for j := range x {
			switch u := r.Float64(); {
			case u < 0.02:
				x[j] = math.NaN()
			case u < 0.1: // on a fine edge
				x[j] = lo + float64(r.IntN(fine+1))*width
			default:
				x[j] = lo + (hi-lo)*(0.5+spread*r.NormFloat64())
			}
		}
		s := summarize(lo, hi, fine, x)
		edges, counts := s.Histogram(bins)
		where := fmt.Sprintf("case %d: %d observations over [%v, %v] in %d bins, Histogram(%d)", i, s.N(), lo, hi, fine, bins)
		if s.N() == 0 {
			if edges != nil || counts != nil {
				t.Errorf("%s: got %v, %v, want nil, nil", where, edges, counts)
			}
			continue
		}
		if len(counts) < 1 || len(counts) > bins || len(edges) != len(counts)+1 {
			t.Fatalf("%s: %d edges and %d counts, want n+1 and 1 <= n <= %d", where, len(edges), len(counts), bins)
		}
		sum := 0
		for _, c := range counts {
			sum += c
		}
		if sum != s.N() {
			t.Errorf("%s: the counts add up to %d, want N = %d", where, sum, s.N())
		}
		if edges[0] != s.Min() || edges[len(edges)-1] != s.Max() {
			t.Errorf("%s: edges from %v to %v, want Min %v to Max %v", where, edges[0], edges[len(edges)-1], s.Min(), s.Max())
		}
		if s.Min() == s.Max() && len(counts) != 1 {
			t.Errorf("%s: %d bars of one value, want 1", where, len(counts))
		}
		// tol allows for the rounding of lo + i·width.
		tol := 1e-9*width + 1e-13*(math.Abs(lo)+math.Abs(hi))
		var step float64 // the width of a bar between two inner edges
		for k := 1; k < len(edges); k++ {
			if s.Min() < s.Max() && !(edges[k] > edges[k-1]) {
				t.Fatalf("%s: edges %v not strictly increasing at %d", where, edges, k)
			}
			if gap := edges[k] - edges[k-1]; k > 1 && k < len(edges)-1 {
				if step == 0 {
					step = gap
				} else if !near(gap, step, 2*tol) {
					t.Errorf("%s: inner bars of widths %v and %v, want equal", where, step, gap)
				}
			}
			if k == len(edges)-1 {
				continue
			}
			if f := (edges[k] - lo) / width; !near(f, math.Round(f), tol/width) {
				t.Errorf("%s: inner edge %v is %v fine bins from lo, want a whole number", where, edges[k], f)
			}
		}
		// Narrower bars, of one fine bin less, would make more than bins
		// of them over the k fine bins from Min's to Max's (up to one, for
		// rounding).
		fineBin := func(v float64) int { return min(fine-1, max(0, int(math.Floor((v-lo)/width)))) }
		k := fineBin(s.Max()) - fineBin(s.Min()) + 1
		if size := int(math.Round(step / width)); step > 0 && (size-1)*bins > k+1 {
			t.Errorf("%s: bars of %d fine bins over %d: narrower would do", where, size, k)
		}
		// Recount each bar's interval; an observation within rounding of
		// an inner edge may have been counted on either side.
		got := make([]int, len(counts))
		slack := 0
		for _, v := range x {
			if math.IsNaN(v) {
				continue
			}
			bar, onEdge := slices.BinarySearch(edges[1:len(edges)-1], v)
			if onEdge {
				bar++ // [edges[bar], edges[bar+1]): an inner edge starts a bar
			}
			got[bar]++
			for _, e := range edges[1 : len(edges)-1] {
				if math.Abs(v-e) <= tol {
					slack++
				}
			}
		}
		diff := 0
		for bar := range counts {
			diff += max(got[bar]-counts[bar], counts[bar]-got[bar])
		}
		if diff > 2*slack {
			t.Errorf("%s: counts %v, want %v from the data (slack %d)", where, counts, got, slack)
		}
	}
}

// BenchmarkSummaryAdd measures Add of normal draws into 200 bins.
func BenchmarkSummaryAdd(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, 4096)
	for i := range x {
		x[i] = r.NormFloat64()
	}
	s := stats.NewSummary(-4, 4, 200)
	for i := 0; b.Loop(); i++ {
		s.Add(x[i%len(x)])
	}
}

func ExampleSummary() {
	s := stats.NewSummary(0, 100, 100) // e.g. exports lost, in percent
	for _, v := range []float64{12, 35, 35, 40, 41, 58, 60, 77, math.NaN()} {
		s.Add(v)
	}
	fmt.Printf("n %d (NaN %d), mean %.1f, sd %.1f\n", s.N(), s.NaNs(), s.Mean(), math.Sqrt(s.Var()))
	fmt.Printf("5%% %.1f, median %.1f, 95%% %.1f\n", s.Quantile(0.05), s.Quantile(0.5), s.Quantile(0.95))
	// Output:
	// n 8 (NaN 1), mean 44.8, sd 19.8
	// 5% 12.4, median 41.0, 95% 77.0
}

func ExampleSummary_Histogram() {
	s := stats.NewSummary(0, 100, 100)
	for _, v := range []float64{12, 35, 35, 40, 41, 58, 60, 77} {
		s.Add(v)
	}
	edges, counts := s.Histogram(5)
	fmt.Println(edges)
	fmt.Println(counts)
	// Output:
	// [12 26 40 54 68 77]
	// [1 2 2 2 1]
}
