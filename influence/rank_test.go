package influence

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestRank(t *testing.T) {
	r := Rank([]int{710, 365, 2, 200}, []float64{0.3, 0.6, 0.3, 0.1})
	var got []int
	for _, x := range r {
		got = append(got, x.State)
	}
	if want := []int{365, 2, 710, 200}; !slices.Equal(got, want) {
		t.Errorf("Rank order = %v, want %v (ties by smaller code)", got, want)
	}
}

func ranking(states ...int) []Ranked {
	r := make([]Ranked, len(states))
	for i, s := range states {
		r[i] = Ranked{State: s, Value: float64(len(states) - i)}
	}
	return r
}

func TestSpearman(t *testing.T) {
	tests := []struct {
		name string
		a, b []Ranked
		n    int
		want float64
	}{
		{"same", ranking(1, 2, 3, 4), ranking(1, 2, 3, 4), 3, 1},
		{"reversed", ranking(1, 2, 3), ranking(3, 2, 1), 3, -1},
		{"one state", ranking(1, 2), ranking(1, 2), 1, 1},
		// Union {1,2,3,4}: positions a (1,2,3,4), b (2,1,4,3).
		{"swaps", ranking(1, 2, 3, 4), ranking(2, 1, 4, 3), 4, 0.6},
		// Top 2 of a {1,2}, of b {3,1}; union {1,2,3}: a (1,2,3), b (2,3,1).
		{"entry", ranking(1, 2, 3), ranking(3, 1, 2), 2, -0.5},
	}
	for _, tt := range tests {
		if got := Spearman(tt.a, tt.b, tt.n); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s: Spearman = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestPerturbKeepsPartTotal(t *testing.T) {
	w, err := ParseWeights(strings.NewReader(WeightsHeader+"\nbandwidth,economic,trade,0.49\nbandwidth,political,igos,0.30\nbandwidth,security,ally,0.21\ndependence,economic,share,0.5\ndependence,economic,imp,0.5\n"), "w.csv")
	if err != nil {
		t.Fatal(err)
	}
	for i := range w {
		for _, f := range []float64{0.75, 1.25, 0, 3} {
			p := w.Perturb(i, f)
			sums := map[string][2]float64{}
			for j := range w {
				s := sums[w[j].Part]
				s[0] += w[j].Value
				s[1] += p[j].Value
				sums[w[j].Part] = s
				if p[j].Value < 0 {
					t.Errorf("Perturb(%d, %v): negative weight %v", i, f, p[j])
				}
			}
			if math.Abs(p[i].Value-w[i].Value*f) > 1e-12 {
				t.Errorf("Perturb(%d, %v): weight %v, want %v", i, f, p[i].Value, w[i].Value*f)
			}
			for part, s := range sums {
				// The part keeps its total unless the scaled weight alone exceeds it.
				if part == w[i].Part && w[i].Value*f <= s[0] && math.Abs(s[0]-s[1]) > 1e-12 {
					t.Errorf("Perturb(%d, %v): part %s total %v, want %v", i, f, part, s[1], s[0])
				}
				if part != w[i].Part && s[0] != s[1] {
					t.Errorf("Perturb(%d, %v): other part %s changed", i, f, part)
				}
			}
		}
	}
}

func TestSensitivity(t *testing.T) {
	w := Weights{{Part: "bandwidth", Indicator: "x", Value: 0.5}, {Part: "bandwidth", Indicator: "y", Value: 0.5}, {Part: "bandwidth", Indicator: "z", Value: 0}}
	// Two influencers: state 1 strong in x, state 2 strong in y.
	rank := func(w Weights) ([]Ranked, error) {
		wx, _ := w.Get("bandwidth", "x")
		wy, _ := w.Get("bandwidth", "y")
		return Rank([]int{1, 2, 3}, []float64{0.6*wx + 0.3*wy, 0.3*wx + 0.61*wy, 0.1}), nil
	}
	base, shifts, err := Sensitivity(context.Background(), w, []float64{0.75, 1.25}, 1, rank)
	if err != nil {
		t.Fatal(err)
	}
	if base[0].State != 2 {
		t.Fatalf("baseline top = %v, want state 2", base)
	}
	if len(shifts) != 4 {
		t.Fatalf("%d shifts, want 4 (zero weight skipped)", len(shifts))
	}
	// Raising x puts state 1 first: entry 1, exit 2.
	s := shifts[1]
	if s.Weight.Indicator != "x" || s.Factor != 1.25 || !slices.Equal(s.Entries, []int{1}) || !slices.Equal(s.Exits, []int{2}) {
		t.Errorf("x*1.25: %+v", s)
	}
	if s := shifts[0]; len(s.Entries) != 0 || s.Rho != 1 {
		t.Errorf("x*0.75 should keep the top: %+v", s)
	}
}

func TestScore(t *testing.T) {
	w := Weights{
		{Part: "bandwidth", Indicator: "trade", Value: 0.49},
		{Part: "bandwidth", Indicator: "igos", Value: 0.30},
		{Part: "bandwidth", Indicator: "ally", Value: 0.21},
		{Part: "dependence", Indicator: "dep_share", Value: 0.5},
		{Part: "dependence", Indicator: "dep_imp", Value: 0.5},
		{Part: "ally", Indicator: "defense", Value: 3},
	}
	names := []string{"bandwidth.trade", "bandwidth.igos", "bandwidth.ally", "dependence.dep_share", "dependence.dep_imp"}
	got := Score(w, names, []float64{0.8, 0.5, 1, 30, 40})
	want := (0.49*0.8 + 0.30*0.5 + 0.21*1) * (0.5*math.Log(31) + 0.5*math.Log(41))
	if math.Abs(got-want) > 1e-15 {
		t.Errorf("Score = %v, want %v", got, want)
	}
	if s := Score(w, names, []float64{math.NaN(), 0.5, 1, 30, 40}); !math.IsNaN(s) {
		t.Errorf("Score with a NaN component = %v, want NaN", s)
	}
}
