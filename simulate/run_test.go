package simulate_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/simulate"
)

// flagship returns the built-in model as of the start of the scenario's
// horizon, the scenario and the default weights.
func flagship(t testing.TB, name string) (*assess.Model, *scenario.Scenario, assess.Weights) {
	t.Helper()
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Index(); err != nil {
		t.Fatal(err)
	}
	sc, err := scenario.Builtin(name, d)
	if err != nil {
		t.Fatal(err)
	}
	w, err := assess.ParseWeights(bytes.NewReader(data.DefaultWeights()), "weights.csv")
	if err != nil {
		t.Fatal(err)
	}
	return assess.NewModel(sc.Horizon.Start.First(), d.Actors, d.Relations, d.Sources, d.Facts), sc, w
}

func run(t testing.TB, name string, draws, workers int, seed uint64) *simulate.Result {
	t.Helper()
	m, sc, w := flagship(t, name)
	r, err := simulate.Run(context.Background(), m, sc, simulate.Options{Holder: "RUS", Target: "KAZ", Weights: w, Draws: draws, Seed: seed, Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestSameSeedSameResult: a seed gives byte-identical JSON whatever the
// number of workers, and another seed gives another result.
func TestSameSeedSameResult(t *testing.T) {
	var first []byte
	for _, workers := range []int{1, 2, 3, 8} {
		b, err := json.Marshal(run(t, "increased-pressure", 1000, workers, 42))
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = b
		} else if !bytes.Equal(first, b) {
			t.Fatalf("%d workers give another result than 1", workers)
		}
	}
	other, _ := json.Marshal(run(t, "increased-pressure", 1000, 2, 43))
	if bytes.Equal(first, other) {
		t.Error("seeds 42 and 43 give the same result")
	}
}

// TestReplays checks the historical replays against what the sources
// report.
func TestReplays(t *testing.T) {
	// February 2025: CPC flows down 30-40% for about three months
	// (chinadailyhk-604963, qazinform-cpc-full-capacity). Kazakhstan's CPC
	// exports run at 57 Mt/y (70.5 Mt/y split by the 2024 route shares), so
	// the loss is 0.3-0.4 of that over 72-103 days: 3.4-6.4 Mt.
	r := run(t, "cpc-drone-2025", 2000, 2, 1)
	d := r.Draws
	if lo, hi := *d.Lost.P5, *d.Lost.P95; lo < 3.3 || hi > 6.5 {
		t.Errorf("drone 2025: lost p5-p95 %.2f-%.2f Mt, want within 3.4-6.4", lo, hi)
	}
	for _, c := range []float64{*d.CapMin.P5, *d.CapMin.P95} {
		cut := (1 - c) * 95.7 / 67 // capacity lost over CPC's own 67 Mt/y
		if cut < 0.29 || cut > 0.41 {
			t.Errorf("drone 2025: capacity min %.3f is a cut of %.2f of CPC, want 0.30-0.40", c, cut)
		}
	}
	var lost float64
	for _, s := range r.Central.Path {
		lost += s.Lost
	}
	if math.Abs(lost-r.Central.Lost) > 1e-9 {
		t.Errorf("the path's losses add up to %v, the total is %v", lost, r.Central.Lost)
	}
	// 2022: two of three moorings out for about a month in March, a
	// possible stop of up to five days in July, two moorings out for two to
	// eight weeks from 22 August. CPC carried 52.2 Mt of Kazakh crude in
	// 2022: two thirds of it for 21-42 days and 14-56 days is 4.2-14 Mt.
	r = run(t, "cpc-2022", 2000, 2, 1)
	if lo, hi := *r.Draws.Lost.P5, *r.Draws.Lost.P95; lo < 4 || hi > 14 {
		t.Errorf("CPC 2022: lost p5-p95 %.2f-%.2f Mt, want within 4-14", lo, hi)
	}
	if r.Central.CapMin > 0.35 {
		t.Errorf("CPC 2022: the central case's lowest capacity is %.2f; the court-ordered stop takes CPC out", r.Central.CapMin)
	}
}

// TestBuiltinsRun runs every built-in scenario and checks the invariants
// of the result.
func TestBuiltinsRun(t *testing.T) {
	for _, name := range scenario.BuiltinNames() {
		r := run(t, name, 300, 2, 7)
		d := r.Draws
		if d.N != 300 {
			t.Errorf("%s: %d draws", name, d.N)
		}
		for _, c := range d.Channels {
			for _, x := range []*float64{c.Peak.P5, c.Peak.P50, c.Peak.P95, c.End.P5, c.End.P95} {
				if x != nil && (*x < 0 || *x > 1) {
					t.Errorf("%s: %s score %v out of [0, 1]", name, c.Channel, *x)
				}
			}
			if c.Peak.P5 != nil && (*c.Peak.P5 > *c.Peak.P50+1e-12 || *c.Peak.P50 > *c.Peak.P95+1e-12) {
				t.Errorf("%s: %s quantiles out of order", name, c.Channel)
			}
		}
		for _, e := range d.Events {
			if e.Probability < 0 || e.Probability > 1 {
				t.Errorf("%s: event %s has probability %v", name, e.ID, e.Probability)
			}
		}
		for _, dr := range d.Drivers {
			if dr.Composite < 0 || dr.Composite > 1 || dr.Lost < 0 || dr.Lost > 1 {
				t.Errorf("%s: driver %s has index %v / %v", name, dr.Input, dr.Composite, dr.Lost)
			}
		}
		if len(r.Central.Path) == 0 {
			t.Errorf("%s: no time path", name)
		}
		checkHistogram(t, name, d)
	}
}

// checkHistogram checks that the exports lost, and no other Dist, carry a
// histogram of at most 20 bars counting every draw from the smallest loss
// to the largest.
func checkHistogram(t *testing.T, name string, d *simulate.Draws) {
	t.Helper()
	h := d.Lost.Histogram
	if h == nil {
		t.Errorf("%s: no histogram of the exports lost", name)
		return
	}
	if len(h.Counts) < 1 || len(h.Counts) > 20 || len(h.Edges) != len(h.Counts)+1 {
		t.Errorf("%s: histogram of %d edges and %d counts, want n+1 and 1 <= n <= 20", name, len(h.Edges), len(h.Counts))
		return
	}
	n := 0
	for _, c := range h.Counts {
		n += c
	}
	if n != d.N {
		t.Errorf("%s: the histogram counts %d draws, want %d", name, n, d.N)
	}
	if lo, hi := h.Edges[0], h.Edges[len(h.Edges)-1]; lo > *d.Lost.P5 || hi < *d.Lost.P95 || !slices.IsSorted(h.Edges) {
		t.Errorf("%s: histogram edges %v, want increasing around p5 %v and p95 %v", name, h.Edges, *d.Lost.P5, *d.Lost.P95)
	}
	others := []simulate.Dist{d.Composite.Peak, d.Composite.End, d.CapMin, d.Rerouted, d.DaysShort}
	for _, c := range d.Channels {
		others = append(others, c.Peak, c.End)
	}
	for _, s := range d.Path {
		others = append(others, s.Capacity, s.Lost)
	}
	for _, x := range others {
		if x.Histogram != nil {
			t.Errorf("%s: a histogram on another Dist than the exports lost", name)
			return
		}
	}
}

// TestShockWithZeroMedian: a shock whose median does nothing still acts in
// the draws where it does something.
func TestShockWithZeroMedian(t *testing.T) {
	m, _, w := flagship(t, "cpc-drone-2025")
	d, _ := data.Builtin()
	if err := d.Index(); err != nil {
		t.Fatal(err)
	}
	src := `name: zero-median
sources: [portnews-327064]
horizon: {start: 2025-01, end: 2025-12}
shocks:
  - type: disable_asset
    asset: CPC
    capacity_cut: {discrete: {values: [0, 1], probs: [0.6, 0.4]}}
    start: 2025-03
    duration: 30d
`
	sc, err := scenario.Parse([]byte(src), "zero-median.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(context.Background(), m, sc, simulate.Options{Holder: "RUS", Target: "KAZ", Weights: w, Draws: 2000, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	var lost float64
	for _, e := range r.Draws.Events {
		if e.ID == "exports_lost" {
			lost = e.Probability
		}
	}
	if math.Abs(lost-0.4) > 0.04 {
		t.Errorf("exports lost in %.1f%% of draws, want about 40%%", 100*lost)
	}
	if e := r.Draws.Channels[0]; e.Peak.Mean == nil || math.Abs(*e.Peak.Mean-*e.Before) < 1e-3 {
		t.Errorf("the energy channel never moves: %+v", e)
	}
}

// TestDeeperCutsLoseMore: cutting more of an asset, or denying more
// transit, never leaves more capacity nor loses less.
func TestDeeperCutsLoseMore(t *testing.T) {
	m, _, w := flagship(t, "cpc-drone-2025")
	d, _ := data.Builtin()
	if err := d.Index(); err != nil {
		t.Fatal(err)
	}
	central := func(shock string, x float64) *simulate.Result {
		src := fmt.Sprintf(`name: cut
sources: [portnews-327064]
horizon: {start: 2025-01, end: 2025-12}
shocks:
  - %s%.4f
    start: 2025-03
    duration: 45d
    recovery: {linear: 20d}
`, shock, x)
		sc, err := scenario.Parse([]byte(src), "cut.yaml")
		if err == nil {
			err = scenario.Validate(sc, d)
		}
		if err != nil {
			t.Fatal(err)
		}
		r, err := simulate.Run(context.Background(), m, sc, simulate.Options{Holder: "RUS", Target: "KAZ", Weights: w})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for _, shock := range []string{
		"type: disable_asset\n    asset: CPC-TERMINAL\n    capacity_cut: ",
		"type: disable_asset\n    asset: ATYRAU-SAMARA\n    capacity_cut: ",
		"type: deny_transit\n    state: RUS\n    share: ",
		"type: deny_transit\n    state: CHN\n    share: ",
	} {
		for range 6 {
			x, y := rnd.Float64(), rnd.Float64()
			if x > y {
				x, y = y, x
			}
			a, b := central(shock, x), central(shock, y)
			if b.Central.CapMin > a.Central.CapMin+1e-12 || b.Central.Lost < a.Central.Lost-1e-12 ||
				b.Central.Rerouted < a.Central.Rerouted-1e-12 || b.Central.DaysShort < a.Central.DaysShort-1e-9 {
				t.Errorf("%q %.3f vs %.3f: capacity %.4f vs %.4f, lost %.4f vs %.4f, rerouted %.4f vs %.4f, days short %.2f vs %.2f",
					shock, x, y, a.Central.CapMin, b.Central.CapMin, a.Central.Lost, b.Central.Lost, a.Central.Rerouted, b.Central.Rerouted, a.Central.DaysShort, b.Central.DaysShort)
			}
		}
	}
}
