package scenario_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/leverage-dev/leverage/scenario"
)

// must is for distributions the test knows to be valid.
func must(n scenario.Number, err error) scenario.Number {
	if err != nil {
		panic(err)
	}
	return n
}

// TestNumberMoments draws each distribution many times and compares the
// sample mean with Mean, and the sample range with Support.
func TestNumberMoments(t *testing.T) {
	inf := math.Inf(1)
	for _, tc := range []struct {
		name string
		n    scenario.Number
		mean float64
	}{
		{"fixed", scenario.Const(2.5), 2.5},
		{"uniform", must(scenario.NewUniform(0.2, 0.6)), 0.4},
		{"triangular", must(scenario.NewTriangular(7, 30, 90)), 127.0 / 3},
		{"normal", must(scenario.NewNormal(10, 2, -inf, inf)), 10},
		{"truncated normal", must(scenario.NewNormal(0.5, 0.2, 0, 1)), 0.5},
		{"one-sided normal", must(scenario.NewNormal(0, 1, 0, inf)), math.Sqrt(2 / math.Pi)},
		{"lognormal", must(scenario.NewLogNormal(0, 0.5, 0, inf)), math.Exp(0.125)},
		{"lognormal p95", must(scenario.NewLogNormalP95(2, 4, 0, inf)), 2 * math.Exp(math.Pow(math.Log(2)/1.6448536269514722, 2)/2)},
		{"discrete", must(scenario.NewDiscrete([]float64{0.333, 0.667, 1}, []float64{0.3, 0.5, 0.2})), 0.333*0.3 + 0.667*0.5 + 0.2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if m := tc.n.Mean(); math.Abs(m-tc.mean) > 1e-9*math.Max(1, math.Abs(tc.mean)) {
				t.Errorf("Mean() = %v, want %v", m, tc.mean)
			}
			r := rand.New(rand.NewPCG(1, 2))
			lo, hi := tc.n.Support()
			const draws = 200000
			sum, sumSq := 0.0, 0.0
			for range draws {
				x := tc.n.Sample(r)
				if x < lo || x > hi || math.IsNaN(x) {
					t.Fatalf("sample %v outside the support [%v, %v]", x, lo, hi)
				}
				sum += x
				sumSq += x * x
			}
			mean := sum / draws
			sd := math.Sqrt(math.Max(sumSq/draws-mean*mean, 0))
			if math.Abs(mean-tc.mean) > 5*sd/math.Sqrt(draws)+1e-12 {
				t.Errorf("sample mean %v, want %v (sd %v)", mean, tc.mean, sd)
			}
		})
	}
}

// TestNumberDeterministic checks that samples depend only on the source's
// seed, and that each sample takes one draw from it.
func TestNumberDeterministic(t *testing.T) {
	n := must(scenario.NewTriangular(0, 1, 4))
	a, b := rand.New(rand.NewPCG(7, 9)), rand.New(rand.NewPCG(7, 9))
	for range 1000 {
		if x, y := n.Sample(a), n.Sample(b); x != y {
			t.Fatalf("%v != %v", x, y)
		}
	}
	r, u := rand.New(rand.NewPCG(3, 4)), rand.New(rand.NewPCG(3, 4))
	for range 100 {
		if x, y := n.Sample(r), n.Quantile(u.Float64()); x != y {
			t.Fatalf("Sample %v != Quantile(Float64()) %v", x, y)
		}
	}
}

func TestNumberQuantile(t *testing.T) {
	n := must(scenario.NewLogNormalP95(2, 4, 0, math.Inf(1)))
	if q := n.Quantile(0.5); math.Abs(q-2) > 1e-9 {
		t.Errorf("median %v, want 2", q)
	}
	if q := n.Quantile(0.95); math.Abs(q-4) > 1e-9 {
		t.Errorf("p95 %v, want 4", q)
	}
	d := must(scenario.NewDiscrete([]float64{1, 2, 3}, []float64{0.2, 0, 0.8}))
	for p, want := range map[float64]float64{0: 1, 0.19: 1, 0.2: 3, 0.99: 3} {
		if q := d.Quantile(p); q != want {
			t.Errorf("discrete Quantile(%v) = %v, want %v", p, q, want)
		}
	}
	if x, ok := d.Fixed(); ok || x != 0 {
		t.Errorf("Fixed() = %v, %v for a distribution", x, ok)
	}
}

func TestNumberErrors(t *testing.T) {
	inf := math.Inf(1)
	for name, err := range map[string]error{
		"uniform equal":       second(scenario.NewUniform(1, 1)),
		"uniform NaN":         second(scenario.NewUniform(math.NaN(), 1)),
		"triangular mode":     second(scenario.NewTriangular(0, 2, 1)),
		"normal sd":           second(scenario.NewNormal(0, 0, -inf, inf)),
		"normal empty window": second(scenario.NewNormal(0, 1, 50, 60)),
		"lognormal sigma":     second(scenario.NewLogNormal(0, -1, 0, inf)),
		"lognormal min":       second(scenario.NewLogNormal(0, 1, -1, inf)),
		"p95 below median":    second(scenario.NewLogNormalP95(2, 1, 0, inf)),
		"discrete empty":      second(scenario.NewDiscrete(nil, nil)),
		"discrete negative":   second(scenario.NewDiscrete([]float64{1, 2}, []float64{-0.5, 1.5})),
	} {
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func second(_ scenario.Number, err error) error { return err }
