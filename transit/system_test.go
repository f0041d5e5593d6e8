package transit_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/transit"
)

// kazakhMarkets marks the China route as delivering to China's market.
func kazakhMarkets() []transit.Route {
	routes := kazakhSystem()
	for i := range routes {
		if routes[i].ID == "R-KAZ-CHINA" {
			routes[i].Market = "CHN"
		}
	}
	return routes
}

func TestSystemFlowAndCut(t *testing.T) {
	sys := transit.NewSystem("KAZ", kazakhMarkets())
	fl, err := sys.Flow(nil)
	if err != nil {
		t.Fatal(err)
	}
	// CPC 67 + Atyrau–Samara 17.5 + Kenkiyak–Kumkol 6 + Aktau 5.2.
	if !near(fl.Value, 95.7, 1e-9) {
		t.Errorf("capacity = %v, want 95.7", fl.Value)
	}
	var cut []string
	for _, i := range fl.Cut {
		cut = append(cut, sys.Parts[i].Asset)
	}
	slices.Sort(cut)
	if want := []string{"AKTAU-PORT", "ATYRAU-SAMARA", "CPC", "KENKIYAK-KUMKOL"}; !slices.Equal(cut, want) {
		t.Errorf("min cut = %v, want %v", cut, want)
	}
	var sum float64
	for _, i := range fl.Cut {
		sum += sys.Parts[i].Capacity
	}
	if !near(sum, fl.Value, 1e-9) {
		t.Errorf("cut capacity %v != flow %v", sum, fl.Value)
	}
	// The lesser-of rule: Atasu–Alashankou carries only what its feeder brings.
	for i, p := range sys.Parts {
		if p.Asset == "ATASU-ALASHANKOU" && !near(fl.Parts[i], 6, 1e-9) {
			t.Errorf("Atasu–Alashankou carries %v, want 6", fl.Parts[i])
		}
	}
}

func TestSystemCutsAndChokepoints(t *testing.T) {
	sys := transit.NewSystem("KAZ", kazakhMarkets())
	if got := sys.WithoutAsset("CPC"); !near(got, 28.7, 1e-9) {
		t.Errorf("without CPC = %v, want 28.7", got)
	}
	if got := sys.WithoutState("RUS"); !near(got, 11.2, 1e-9) {
		t.Errorf("without Russia = %v, want 11.2 (China 6 + Aktau 5.2 via Baku)", got)
	}
	if got := sys.WithoutState("AZE"); !near(got, 95.7, 1e-9) {
		t.Errorf("without Azerbaijan = %v, want 95.7: Aktau's crude goes to Makhachkala", got)
	}
	p, ok := sys.Largest()
	if !ok || p.Asset != "CPC" {
		t.Errorf("largest = %v, want CPC", p)
	}
	// Volumes of Jan–Oct 2024, in route order: CPC, Atyrau–Samara, China,
	// Trans-Caspian, Makhachkala, rail.
	vols := []float64{46.3, 7.2, 1.0, 1.2, 1.6, nan}
	got := sys.Chokepoints(vols)
	var order []string
	for _, c := range got {
		order = append(order, c.State+"/"+c.Role)
	}
	// Russia first; then the Trans-Caspian states, which lose no capacity
	// (Aktau can ship to Makhachkala) but carry 2.1% of the flows; China is
	// a buyer.
	want := []string{"RUS/transit", "AZE/transit", "GEO/transit", "TUR/transit", "CHN/buyer"}
	if !slices.Equal(order, want) {
		t.Fatalf("chokepoint order = %v, want %v", order, want)
	}
	if c := got[0]; !near(c.Lost, 84.5, 1e-9) || !near(c.Share, 84.5/95.7, 1e-12) || !near(c.Exposure, 55.1/57.3, 1e-12) {
		t.Errorf("Russia: %+v", c)
	}
	if c := got[4]; !near(c.Lost, 6, 1e-9) || !near(c.Exposure, 1.0/57.3, 1e-12) {
		t.Errorf("China: %+v", c)
	}
	if e := transit.Exposure(sys.Routes, nil, "RUS"); !math.IsNaN(e) {
		t.Errorf("exposure without volumes = %v, want NaN", e)
	}
}

// TestRemovingNeverRaises checks on random route systems that taking out
// any asset or state never raises the capacity, and that the capacity never
// exceeds the sum of the route capacities.
func TestRemovingNeverRaises(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	states := []string{"A", "B", "C", "D"}
	for n := 0; n < 300; n++ {
		var routes []transit.Route
		assets := make([]transit.Segment, 6)
		for i := range assets {
			c := nan
			if rng.IntN(4) > 0 {
				c = float64(rng.IntN(50))
			}
			assets[i] = transit.Segment{Asset: string(rune('a' + i)), Capacity: c, States: []string{states[rng.IntN(len(states))]}}
		}
		for r := 0; r < 1+rng.IntN(5); r++ {
			route := transit.Route{ID: string(rune('R' + r))}
			perm := rng.Perm(len(assets))
			for _, k := range perm[:1+rng.IntN(3)] {
				route.Segments = append(route.Segments, assets[k])
			}
			routes = append(routes, route)
		}
		sys := transit.NewSystem("X", routes)
		total := sys.Capacity()
		var bound float64
		for _, r := range routes {
			if c := r.Capacity(); !math.IsNaN(c) {
				bound += c
			}
		}
		if total > bound+1e-9 || total < 0 {
			t.Fatalf("system %d: capacity %v outside [0, %v]", n, total, bound)
		}
		for _, a := range assets {
			if got := sys.WithoutAsset(a.Asset); got > total+1e-9 {
				t.Fatalf("system %d: removing %s raised capacity %v to %v", n, a.Asset, total, got)
			}
		}
		for _, s := range states {
			if got := sys.WithoutState(s); got > total+1e-9 {
				t.Fatalf("system %d: removing state %s raised capacity %v to %v", n, s, total, got)
			}
		}
	}
}
