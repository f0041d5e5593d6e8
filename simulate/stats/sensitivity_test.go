package stats_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leverage-dev/leverage/simulate/stats"
)

func TestNewSensitivityPanics(t *testing.T) {
	for _, c := range [][2]int{{0, 10}, {-1, 10}, {3, 0}, {3, -2}} {
		mustPanic(t, fmt.Sprintf("NewSensitivity(%d, %d)", c[0], c[1]), func() {
			stats.NewSensitivity(c[0], c[1])
		})
	}
}

func TestSensitivityAddPanics(t *testing.T) {
	tests := []struct {
		name string
		u    []float64
	}{
		{"too few", []float64{0.5}},
		{"too many", []float64{0.5, 0.5, 0.5}},
		{"negative", []float64{0.5, -0.01}},
		{"above 1", []float64{1.01, 0.5}},
		{"NaN", []float64{math.NaN(), 0.5}},
	}
	for _, tt := range tests {
		s := stats.NewSensitivity(2, 10)
		mustPanic(t, tt.name, func() { s.Add(tt.u, 1) })
	}
}

// linearModel returns a Sensitivity with bins bins over n draws of
// y = 3·x1 + x2, x1 and x2 uniform on [0, 1) drawn by the identity inverse
// CDF, and a third input x3 that does not enter y.
func linearModel(n, bins int, seed uint64) *stats.Sensitivity {
	r := rand.New(rand.NewPCG(seed, seed+1))
	s := stats.NewSensitivity(3, bins)
	u := make([]float64, 3)
	for range n {
		for i := range u {
			u[i] = r.Float64()
		}
		s.Add(u, 3*u[0]+u[1])
	}
	return s
}

func TestSensitivityLinear(t *testing.T) {
	// Var(3·x1 + x2) = 9/12 + 1/12, so S1 = 9/10, S2 = 1/10, S3 = 0.
	const n = 100000
	for _, bins := range []int{10, 20, 50} {
		for _, seed := range []uint64{1, 42, 2008} {
			t.Run(fmt.Sprintf("%d bins, seed %d", bins, seed), func(t *testing.T) {
				s := linearModel(n, bins, seed)
				if s.N() != n {
					t.Fatalf("N: got %d, want %d", s.N(), n)
				}
				idx := s.Indices()
				for i, want := range []float64{0.9, 0.1} {
					if !near(idx[i], want, 0.02) {
						t.Errorf("index of x%d: got %.4f, want %.2f within 0.02", i+1, idx[i], want)
					}
				}
				if limit := 3 * float64(bins) / n; idx[2] < 0 || idx[2] >= limit {
					t.Errorf("index of x3, which y ignores: got %.5f, want within [0, %.5f)", idx[2], limit)
				}
			})
		}
	}
}

func TestSensitivityNaNOutputSkipped(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	with, without := stats.NewSensitivity(2, 10), stats.NewSensitivity(2, 10)
	u := make([]float64, 2)
	for i := range 5000 {
		u[0], u[1] = r.Float64(), r.Float64()
		y := u[0] * u[0]
		with.Add(u, y)
		without.Add(u, y)
		if i%3 == 0 {
			with.Add([]float64{r.Float64(), r.Float64()}, math.NaN())
		}
	}
	if with.N() != without.N() {
		t.Errorf("N: got %d, want %d", with.N(), without.N())
	}
	a, b := with.Indices(), without.Indices()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Errorf("index %d: got %v with NaN outputs, want %v as without", i, a[i], b[i])
		}
	}
}

func TestSensitivityDegenerate(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name string
		u    [][]float64
		y    []float64
		want []float64
	}{
		{"empty", nil, nil, []float64{0, 0}},
		{"one draw", [][]float64{{0.1, 0.9}}, []float64{5}, []float64{0, 0}},
		{"constant output", [][]float64{{0.1, 0.9}, {0.5, 0.5}, {0.9, 0.1}}, []float64{2, 2, 2}, []float64{0, 0}},
		{"only NaN", [][]float64{{0.1, 0.9}, {0.5, 0.5}}, []float64{math.NaN(), math.NaN()}, []float64{0, 0}},
		// y is a function of x1's bin alone, so x1 explains all of it; x2's
		// bins each hold one draw and so also explain all of it.
		{"every draw its own bin", [][]float64{{0.05, 0.15}, {0.95, 0.25}}, []float64{0, 1}, []float64{1, 1}},
		{"u = 1 in the last bin", [][]float64{{1, 0}, {0.95, 0}, {0, 0}}, []float64{1, 1, 0}, []float64{1, 0}},
		{"infinite output", [][]float64{{0.1, 0.2}, {0.3, 0.4}}, []float64{1, inf}, []float64{math.NaN(), math.NaN()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := stats.NewSensitivity(2, 10)
			for i := range tt.u {
				s.Add(tt.u[i], tt.y[i])
			}
			got := s.Indices()
			for i := range tt.want {
				if !near(got[i], tt.want[i], 1e-12) {
					t.Errorf("index %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestSensitivityIndicesInUnitIntervalProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	models := []func(u []float64) float64{
		func(u []float64) float64 { return u[0] },
		func(u []float64) float64 { return math.Floor(4 * u[0]) },                     // discrete, on bin edges
		func(u []float64) float64 { return u[0] * u[len(u)-1] },                       // interaction
		func(u []float64) float64 { return math.Sin(20*u[0]) + 1e9 },                  // large offset
		func(u []float64) float64 { return 1e-300 * u[len(u)-1] },                     // tiny variance
		func(u []float64) float64 { return r.NormFloat64() },                          // pure noise
		func(u []float64) float64 { return math.Exp(30 * u[0] * u[len(u)/2]) },        // heavy tail
		func(u []float64) float64 { return float64(min(int(u[0]*7), 6)) - u[0]*1e-9 }, // near-constant within bins
	}
	for c := range 300 {
		inputs, bins := 1+r.IntN(5), 1+r.IntN(40)
		f := models[c%len(models)]
		s := stats.NewSensitivity(inputs, bins)
		u := make([]float64, inputs)
		for range r.IntN(2000) {
			for i := range u {
				u[i] = r.Float64()
			}
			y := f(u)
			if r.IntN(20) == 0 {
				y = math.NaN()
			}
			s.Add(u, y)
		}
		idx := s.Indices()
		if len(idx) != inputs {
			t.Fatalf("case %d: got %d indices, want %d", c, len(idx), inputs)
		}
		for i, v := range idx {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("case %d (model %d, %d inputs, %d bins, N %d): index %d = %v, want within [0, 1]",
					c, c%len(models), inputs, bins, s.N(), i, v)
			}
		}
	}
}

func TestSensitivityDeterministic(t *testing.T) {
	a, b := linearModel(20000, 20, 7).Indices(), linearModel(20000, 20, 7).Indices()
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Errorf("index %d: got %v and %v from the same draws, want identical", i, a[i], b[i])
		}
	}
}

// BenchmarkSensitivityAdd measures Add of one draw of eight inputs into
// 20 bins each.
func BenchmarkSensitivityAdd(b *testing.B) {
	const inputs = 8
	r := rand.New(rand.NewPCG(1, 2))
	u := make([][]float64, 1024)
	y := make([]float64, len(u))
	for k := range u {
		u[k] = make([]float64, inputs)
		for i := range u[k] {
			u[k][i] = r.Float64()
		}
		y[k] = 3*u[k][0] + u[k][1]
	}
	s := stats.NewSensitivity(inputs, 20)
	for k := 0; b.Loop(); k++ {
		s.Add(u[k%len(u)], y[k%len(y)])
	}
}

func ExampleSensitivity() {
	// y = 3·x1 + x2 with x1, x2 uniform on [0, 1): x1 explains 9/10 of the
	// variance, x2 1/10; the binned estimate loses a little of both.
	r := rand.New(rand.NewPCG(1, 2))
	s := stats.NewSensitivity(2, 20)
	u := make([]float64, 2)
	for range 100000 {
		u[0], u[1] = r.Float64(), r.Float64()
		s.Add(u, 3*u[0]+u[1])
	}
	fmt.Printf("%.2f\n", s.Indices())
	// Output:
	// [0.90 0.10]
}
