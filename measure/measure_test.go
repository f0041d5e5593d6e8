package measure_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/measure"
)

const eps = 1e-9

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

// randomValues returns n values in [0, 100), about a fifth of them zero.
func randomValues(r *rand.Rand, n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		if r.IntN(5) > 0 {
			x[i] = r.Float64() * 100
		}
	}
	return x
}

func TestShares(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		want []float64
	}{
		{"nil", nil, nil},
		{"empty", []float64{}, nil},
		{"all zero", []float64{0, 0, 0}, nil},
		{"single", []float64{7}, []float64{1}},
		{"equal", []float64{2, 2, 2, 2}, []float64{0.25, 0.25, 0.25, 0.25}},
		{"with zero", []float64{3, 0, 1}, []float64{0.75, 0, 0.25}},
		{"halves", []float64{0.5, 0.5}, []float64{0.5, 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := measure.Shares(tt.x)
			if tt.want == nil {
				if got != nil {
					t.Fatalf("Shares(%v) = %v, want nil", tt.x, got)
				}
				return
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Shares(%v) has length %d, want %d", tt.x, len(got), len(tt.want))
			}
			for i := range got {
				if !near(got[i], tt.want[i], eps) {
					t.Errorf("Shares(%v)[%d]: got %v, want %v", tt.x, i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSharesDoesNotModifyInput(t *testing.T) {
	x := []float64{1, 2, 3}
	measure.Shares(x)
	if want := []float64{1, 2, 3}; !slices.Equal(x, want) {
		t.Errorf("input after Shares: got %v, want %v", x, want)
	}
}

func TestSharesPanicsOnNegative(t *testing.T) {
	for _, x := range [][]float64{{-1}, {1, -0.5, 2}, {0, 0, -1e-12}} {
		mustPanic(t, fmt.Sprintf("Shares(%v)", x), func() { measure.Shares(x) })
	}
}

func TestSharesSumToOneProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		x := randomValues(r, 1+r.IntN(20))
		s := measure.Shares(x)
		var total float64
		for _, v := range x {
			total += v
		}
		if total == 0 {
			if s != nil {
				t.Fatalf("case %d: Shares(%v) = %v, want nil for a zero sum", i, x, s)
			}
			continue
		}
		var sum float64
		for j, v := range s {
			if v < 0 || v > 1 {
				t.Fatalf("case %d: share %d of %v: got %v, want within [0, 1]", i, j, x, v)
			}
			sum += v
		}
		if !near(sum, 1, 1e-12) {
			t.Fatalf("case %d: sum of Shares(%v): got %v, want 1", i, x, sum)
		}
	}
}

func TestHHI(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		want float64
	}{
		{"monopoly", []float64{10}, 1},
		{"monopoly with zeros", []float64{0, 5, 0}, 1},
		{"duopoly", []float64{1, 1}, 0.5},
		{"four equal", []float64{3, 3, 3, 3}, 0.25},
		{"ten equal", []float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0.1},
		{"3:1", []float64{3, 1}, 0.625},           // 0.75² + 0.25²
		{"60/30/10", []float64{60, 30, 10}, 0.46}, // 0.36 + 0.09 + 0.01
		{"scale invariant", []float64{600, 300, 100}, 0.46},
		{"empty", nil, math.NaN()},
		{"all zero", []float64{0, 0}, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := measure.HHI(tt.x); !near(got, tt.want, eps) {
				t.Errorf("HHI(%v): got %v, want %v", tt.x, got, tt.want)
			}
		})
	}
}

func TestHHIBoundsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 1000 {
		n := 1 + r.IntN(30)
		x := randomValues(r, n)
		h := measure.HHI(x)
		if slices.Max(x) == 0 {
			if !math.IsNaN(h) {
				t.Fatalf("case %d: HHI(%v): got %v, want NaN", i, x, h)
			}
			continue
		}
		if lo := 1 / float64(n); h < lo-1e-12 || h > 1+1e-12 {
			t.Fatalf("case %d: HHI(%v): got %v, want within [1/%d, 1]", i, x, h, n)
		}
		// Permuting the parts does not change the index.
		y := slices.Clone(x)
		r.Shuffle(len(y), func(a, b int) { y[a], y[b] = y[b], y[a] })
		if hy := measure.HHI(y); !near(hy, h, 1e-12) {
			t.Fatalf("case %d: HHI of a permutation: got %v, want %v", i, hy, h)
		}
	}
}

func TestNormalizedHHI(t *testing.T) {
	tests := []struct {
		h    float64
		n    int
		want float64
	}{
		{1, 5, 1},
		{0.2, 5, 0},
		{0.5, 2, 0},
		{1, 2, 1},
		{0.625, 2, 0.25},
		{0.46, 3, 0.19},       // (0.46 - 1/3) / (2/3)
		{1, 1, math.NaN()},    // one part: no range to rescale
		{0.5, 0, math.NaN()},  // no parts
		{0.5, -3, math.NaN()}, // nonsense n
	}
	for _, tt := range tests {
		if got := measure.NormalizedHHI(tt.h, tt.n); !near(got, tt.want, eps) {
			t.Errorf("NormalizedHHI(%v, %d): got %v, want %v", tt.h, tt.n, got, tt.want)
		}
	}
}

func TestNormalizedHHIRangeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 500 {
		n := 2 + r.IntN(20)
		x := make([]float64, n)
		for j := range x {
			x[j] = 0.01 + r.Float64()
		}
		got := measure.NormalizedHHI(measure.HHI(x), n)
		if got < -1e-12 || got > 1+1e-12 {
			t.Fatalf("case %d: NormalizedHHI(HHI(%v), %d): got %v, want within [0, 1]", i, x, n, got)
		}
	}
}

func TestLogPercent(t *testing.T) {
	tests := []struct {
		p, want float64
	}{
		{0, 0},
		{100, 1},
		{10, 0.51958}, // ln 11 / ln 101
		{50, 0.85194}, // ln 51 / ln 101
		{1, 0.15019},  // ln 2 / ln 101
		{-5, 0},       // clamped to 0
		{250, 1},      // clamped to 100
		{math.Inf(1), 1},
		{math.Inf(-1), 0},
		{math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		if got := measure.LogPercent(tt.p); !near(got, tt.want, 1e-5) {
			t.Errorf("LogPercent(%v): got %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestLogPercentMonotoneProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 2000 {
		a, b := r.Float64()*140-20, r.Float64()*140-20
		if a > b {
			a, b = b, a
		}
		fa, fb := measure.LogPercent(a), measure.LogPercent(b)
		if fa > fb {
			t.Fatalf("case %d: LogPercent(%v) = %v > LogPercent(%v) = %v, want non-decreasing", i, a, fa, b, fb)
		}
		if fa < 0 || fb > 1 {
			t.Fatalf("case %d: LogPercent(%v), LogPercent(%v) = %v, %v, want within [0, 1]", i, a, b, fa, fb)
		}
	}
}

func TestDistanceDecay(t *testing.T) {
	tests := []struct {
		km, want float64
	}{
		{0, 1},
		{20000, 0},
		{40000, 0}, // clamped
		{100, 1 - math.Log(2)/math.Log(201)},
		{1000, 1 - math.Log(11)/math.Log(201)},
		{2000, 1 - math.Log(21)/math.Log(201)},
	}
	for _, tt := range tests {
		if got := measure.DistanceDecay(tt.km); !near(got, tt.want, eps) {
			t.Errorf("DistanceDecay(%v): got %v, want %v", tt.km, got, tt.want)
		}
	}
}

func TestDistanceDecayMonotoneProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for i := range 2000 {
		a, b := r.Float64()*25000, r.Float64()*25000
		if a > b {
			a, b = b, a
		}
		fa, fb := measure.DistanceDecay(a), measure.DistanceDecay(b)
		if fa < fb {
			t.Fatalf("case %d: DistanceDecay(%v) = %v < DistanceDecay(%v) = %v, want non-increasing", i, a, fa, b, fb)
		}
		if fb < 0 || fa > 1 {
			t.Fatalf("case %d: DistanceDecay(%v), DistanceDecay(%v) = %v, %v, want within [0, 1]", i, a, b, fa, fb)
		}
	}
}

func TestHalfLife(t *testing.T) {
	tests := []struct {
		age, halfLife, want float64
	}{
		{0, 10, 1},
		{10, 10, 0.5},
		{20, 10, 0.25},
		{5, 10, math.Sqrt(0.5)},
		{-3, 10, 1}, // negative ages count as 0
		{30, 10, 0.125},
	}
	for _, tt := range tests {
		if got := measure.HalfLife(tt.age, tt.halfLife); !near(got, tt.want, eps) {
			t.Errorf("HalfLife(%v, %v): got %v, want %v", tt.age, tt.halfLife, got, tt.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		code, top, want float64
	}{
		{0, 4, 0},
		{1, 4, 0.25},
		{2, 4, 0.5},
		{4, 4, 1},
		{5, 4, 1},  // clamped
		{-1, 4, 0}, // clamped
		{3, 10, 0.3},
		{math.NaN(), 4, math.NaN()},
	}
	for _, tt := range tests {
		if got := measure.Ordinal(tt.code, tt.top); !near(got, tt.want, eps) {
			t.Errorf("Ordinal(%v, %v): got %v, want %v", tt.code, tt.top, got, tt.want)
		}
	}
}

func TestClamp01(t *testing.T) {
	tests := []struct{ x, want float64 }{
		{-1, 0}, {0, 0}, {0.3, 0.3}, {1, 1}, {2, 1}, {math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		if got := measure.Clamp01(tt.x); !near(got, tt.want, 0) {
			t.Errorf("Clamp01(%v): got %v, want %v", tt.x, got, tt.want)
		}
	}
}

func TestWeightedMean(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name               string
		x, w               []float64
		wantMean, wantCove float64
	}{
		{"plain", []float64{1, 3}, []float64{1, 1}, 2, 1},
		{"weighted", []float64{0, 1}, []float64{3, 1}, 0.25, 1},
		{"skips NaN", []float64{1, nan, 3}, []float64{1, 2, 1}, 2, 0.5},
		{"skips zero weight", []float64{1, 100, 3}, []float64{1, 0, 1}, 2, 1},
		{"skips negative weight", []float64{1, 100, 3}, []float64{1, -5, 1}, 2, 1},
		{"NaN under zero weight does not count", []float64{1, nan}, []float64{1, 0}, 1, 1},
		{"all NaN", []float64{nan, nan}, []float64{1, 1}, nan, 0},
		{"all zero weight", []float64{1, 2}, []float64{0, 0}, nan, 0},
		{"empty", nil, nil, nan, 0},
		{"coverage quarter", []float64{4, nan}, []float64{1, 3}, 4, 0.25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mean, cov := measure.WeightedMean(tt.x, tt.w)
			if !near(mean, tt.wantMean, eps) {
				t.Errorf("WeightedMean(%v, %v) mean: got %v, want %v", tt.x, tt.w, mean, tt.wantMean)
			}
			if !near(cov, tt.wantCove, eps) {
				t.Errorf("WeightedMean(%v, %v) coverage: got %v, want %v", tt.x, tt.w, cov, tt.wantCove)
			}
		})
	}
}

func TestWeightedMeanPanicsOnLengthMismatch(t *testing.T) {
	mustPanic(t, "WeightedMean(2 values, 1 weight)", func() {
		measure.WeightedMean([]float64{1, 2}, []float64{1})
	})
	mustPanic(t, "WeightedMean(nil, 1 weight)", func() {
		measure.WeightedMean(nil, []float64{1})
	})
}

func TestWeightedMeanWithinRangeProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for i := range 1000 {
		n := 1 + r.IntN(12)
		x, w := make([]float64, n), make([]float64, n)
		lo, hi := math.Inf(1), math.Inf(-1)
		for j := range n {
			x[j] = r.Float64()*200 - 100
			if r.IntN(4) == 0 {
				x[j] = math.NaN()
			}
			w[j] = r.Float64()*2 - 0.5 // some weights negative
			if r.IntN(5) == 0 {
				w[j] = 0
			}
			if w[j] > 0 && !math.IsNaN(x[j]) {
				lo, hi = math.Min(lo, x[j]), math.Max(hi, x[j])
			}
		}
		mean, cov := measure.WeightedMean(x, w)
		if math.IsInf(lo, 1) { // nothing counts
			if !math.IsNaN(mean) || cov != 0 {
				t.Fatalf("case %d: WeightedMean(%v, %v): got %v, %v, want NaN, 0", i, x, w, mean, cov)
			}
			continue
		}
		if mean < lo-1e-9 || mean > hi+1e-9 {
			t.Fatalf("case %d: WeightedMean(%v, %v): got %v, want within [%v, %v]", i, x, w, mean, lo, hi)
		}
		if cov <= 0 || cov > 1+1e-12 {
			t.Fatalf("case %d: WeightedMean(%v, %v) coverage: got %v, want within (0, 1]", i, x, w, cov)
		}
	}
}

// The concentration of Kazakhstan's crude exports over its routes, Jan–Oct
// 2024 (Mt): CPC, Atyrau–Samara, Aktau–Makhachkala, Trans-Caspian to BTC and
// China (Kazakh crude only).
func ExampleHHI() {
	volumes := []float64{46.3, 7.2, 1.6, 1.2, 1.0}
	h := measure.HHI(volumes)
	fmt.Printf("HHI %.3f (%.0f on the 10,000 scale)\n", h, h*10000)
	fmt.Printf("normalised %.3f\n", measure.NormalizedHHI(h, len(volumes)))
	// Output:
	// HHI 0.670 (6702 on the 10,000 scale)
	// normalised 0.588
}
