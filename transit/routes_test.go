package transit_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/transit"
)

var nan = math.NaN()

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol
}

// kazakhSystem is Kazakhstan's crude export system as the built-in dataset
// records it: capacities in Mt/y, NaN where no figure is on record.
func kazakhSystem() []transit.Route {
	aktau := transit.Segment{Asset: "AKTAU-PORT", Name: "Port of Aktau", Capacity: 5.2, States: []string{"KAZ"}}
	return []transit.Route{
		{ID: "R-KAZ-CPC", Name: "CPC", Segments: []transit.Segment{
			{Asset: "CPC", Name: "Caspian Pipeline Consortium", Capacity: 67, States: []string{"KAZ", "RUS"}},
			{Asset: "CPC-TERMINAL", Name: "CPC Marine Terminal", Capacity: nan, States: []string{"RUS"}},
		}},
		{ID: "R-KAZ-ATYRAU-SAMARA", Name: "Atyrau–Samara", Segments: []transit.Segment{
			{Asset: "ATYRAU-SAMARA", Name: "Atyrau–Samara pipeline", Capacity: 17.5, States: []string{"KAZ", "RUS"}},
		}},
		{ID: "R-KAZ-CHINA", Name: "Kazakhstan–China", Segments: []transit.Segment{
			{Asset: "KENKIYAK-KUMKOL", Name: "Kenkiyak–Kumkol", Capacity: 6, States: []string{"KAZ"}},
			{Asset: "ATASU-ALASHANKOU", Name: "Atasu–Alashankou", Capacity: 20, States: []string{"KAZ", "CHN"}},
		}},
		{ID: "R-KAZ-TRANSCASPIAN", Name: "Trans-Caspian", Segments: []transit.Segment{
			aktau,
			{Asset: "TANKER-AKTAU-BAKU", Name: "Tanker Aktau–Baku", Capacity: nan, States: []string{"AZE"}},
			{Asset: "BTC", Name: "Baku–Tbilisi–Ceyhan", Capacity: nan, States: []string{"AZE", "GEO", "TUR"}},
		}},
		{ID: "R-KAZ-AKTAU-MAKHACHKALA", Name: "Aktau–Makhachkala", Segments: []transit.Segment{
			aktau,
			{Asset: "TANKER-AKTAU-MAKHACHKALA", Name: "Tanker Aktau–Makhachkala", Capacity: nan, States: []string{"RUS"}},
		}},
		{ID: "R-KAZ-RAIL", Name: "Rail", Segments: []transit.Segment{
			{Asset: "RAIL-KAZ-RUS", Name: "Rail via Russia", Capacity: nan, States: []string{"KAZ", "RUS"}},
		}},
	}
}

func routeByID(t *testing.T, routes []transit.Route, id string) transit.Route {
	t.Helper()
	for _, r := range routes {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no route %s", id)
	return transit.Route{}
}

func TestRouteCapacityAndBottleneck(t *testing.T) {
	sys := kazakhSystem()
	tests := []struct {
		route          string
		wantCapacity   float64
		wantBottleneck string
	}{
		{"R-KAZ-CPC", 67, "CPC"},
		{"R-KAZ-ATYRAU-SAMARA", 17.5, "ATYRAU-SAMARA"},
		{"R-KAZ-CHINA", 6, "KENKIYAK-KUMKOL"}, // lesser of 6 and 20
		{"R-KAZ-TRANSCASPIAN", 5.2, "AKTAU-PORT"},
		{"R-KAZ-AKTAU-MAKHACHKALA", 5.2, "AKTAU-PORT"},
		{"R-KAZ-RAIL", nan, ""},
	}
	for _, tt := range tests {
		t.Run(tt.route, func(t *testing.T) {
			r := routeByID(t, sys, tt.route)
			if got := r.Capacity(); !near(got, tt.wantCapacity, 1e-12) {
				t.Errorf("Capacity(): got %v, want %v", got, tt.wantCapacity)
			}
			if got := r.Bottleneck(); got != tt.wantBottleneck {
				t.Errorf("Bottleneck(): got %q, want %q", got, tt.wantBottleneck)
			}
		})
	}
}

func TestRouteCapacityEdgeCases(t *testing.T) {
	tests := []struct {
		name           string
		segs           []transit.Segment
		wantCapacity   float64
		wantBottleneck string
	}{
		{"no segments", nil, nan, ""},
		{"unknown first", []transit.Segment{{Asset: "A", Capacity: nan}, {Asset: "B", Capacity: 3}}, 3, "B"},
		{"tie goes to first", []transit.Segment{{Asset: "A", Capacity: 4}, {Asset: "B", Capacity: 4}}, 4, "A"},
		{"zero capacity", []transit.Segment{{Asset: "A", Capacity: 9}, {Asset: "B", Capacity: 0}}, 0, "B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := transit.Route{ID: "R", Segments: tt.segs}
			if got := r.Capacity(); !near(got, tt.wantCapacity, 0) {
				t.Errorf("Capacity(): got %v, want %v", got, tt.wantCapacity)
			}
			if got := r.Bottleneck(); got != tt.wantBottleneck {
				t.Errorf("Bottleneck(): got %q, want %q", got, tt.wantBottleneck)
			}
		})
	}
}

func TestRouteStatesAndCrosses(t *testing.T) {
	sys := kazakhSystem()
	tests := []struct {
		route      string
		wantStates []string
	}{
		{"R-KAZ-CPC", []string{"KAZ", "RUS"}},
		{"R-KAZ-CHINA", []string{"CHN", "KAZ"}},
		{"R-KAZ-TRANSCASPIAN", []string{"AZE", "GEO", "KAZ", "TUR"}},
		{"R-KAZ-AKTAU-MAKHACHKALA", []string{"KAZ", "RUS"}},
	}
	for _, tt := range tests {
		r := routeByID(t, sys, tt.route)
		if got := r.States(); !slices.Equal(got, tt.wantStates) {
			t.Errorf("%s States(): got %v, want %v", tt.route, got, tt.wantStates)
		}
		for _, s := range []string{"AZE", "CHN", "GEO", "KAZ", "RUS", "TUR", "UZB"} {
			if got, want := r.Crosses(s), slices.Contains(tt.wantStates, s); got != want {
				t.Errorf("%s Crosses(%s): got %v, want %v", tt.route, s, got, want)
			}
		}
	}
}

func TestTotalCapacity(t *testing.T) {
	tests := []struct {
		name   string
		routes []transit.Route
		want   float64
	}{
		// 67 + 17.5 + 6 + 5.2: Aktau counted once for its two routes,
		// rail left out for want of a figure.
		{"Kazakh system", kazakhSystem(), 95.7},
		{"empty", nil, 0},
		{"only unknown", []transit.Route{{ID: "R", Segments: []transit.Segment{{Asset: "A", Capacity: nan}}}}, 0},
		{"shared asset caps group", []transit.Route{
			{ID: "R1", Segments: []transit.Segment{{Asset: "P", Capacity: 10}, {Asset: "X", Capacity: 8}}},
			{ID: "R2", Segments: []transit.Segment{{Asset: "P", Capacity: 10}, {Asset: "Y", Capacity: 7}}},
		}, 10},
		{"shared asset not binding", []transit.Route{
			{ID: "R1", Segments: []transit.Segment{{Asset: "P", Capacity: 20}, {Asset: "X", Capacity: 8}}},
			{ID: "R2", Segments: []transit.Segment{{Asset: "P", Capacity: 20}, {Asset: "Y", Capacity: 7}}},
		}, 15},
		{"shared asset of unknown capacity does not group", []transit.Route{
			{ID: "R1", Segments: []transit.Segment{{Asset: "P", Capacity: nan}, {Asset: "X", Capacity: 8}}},
			{ID: "R2", Segments: []transit.Segment{{Asset: "P", Capacity: nan}, {Asset: "Y", Capacity: 7}}},
		}, 15},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := transit.TotalCapacity(tt.routes); !near(got, tt.want, 1e-9) {
				t.Errorf("TotalCapacity: got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWithoutAndAvoiding(t *testing.T) {
	sys := kazakhSystem()
	ids := func(rs []transit.Route) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return out
	}
	if got, want := ids(transit.Without(sys, "AKTAU-PORT")), []string{"R-KAZ-CPC", "R-KAZ-ATYRAU-SAMARA", "R-KAZ-CHINA", "R-KAZ-RAIL"}; !slices.Equal(got, want) {
		t.Errorf("Without(AKTAU-PORT): got %v, want %v", got, want)
	}
	if got, want := ids(transit.Avoiding(sys, "RUS")), []string{"R-KAZ-CHINA", "R-KAZ-TRANSCASPIAN"}; !slices.Equal(got, want) {
		t.Errorf("Avoiding(RUS): got %v, want %v", got, want)
	}
	if got := transit.Avoiding(sys, "KAZ"); len(got) != 0 {
		t.Errorf("Avoiding(KAZ): got %v, want none", ids(got))
	}
	if got := len(transit.Without(sys, "NO-SUCH-ASSET")); got != len(sys) {
		t.Errorf("Without(unknown asset): got %d routes, want %d", got, len(sys))
	}
}

func TestLargestAsset(t *testing.T) {
	tests := []struct {
		name    string
		routes  []transit.Route
		wantID  string
		wantCap float64
	}{
		{"Kazakh system", kazakhSystem(), "CPC", 67},
		{"none known", []transit.Route{{Segments: []transit.Segment{{Asset: "A", Capacity: nan}}}}, "", nan},
		{"empty", nil, "", nan},
		{"tie to first id", []transit.Route{
			{Segments: []transit.Segment{{Asset: "Z", Capacity: 5}}},
			{Segments: []transit.Segment{{Asset: "B", Capacity: 5}}},
		}, "B", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, c := transit.LargestAsset(tt.routes)
			if id != tt.wantID || !near(c, tt.wantCap, 0) {
				t.Errorf("LargestAsset: got %q, %v, want %q, %v", id, c, tt.wantID, tt.wantCap)
			}
		})
	}
}

func TestNMinus1(t *testing.T) {
	sys := kazakhSystem()
	tests := []struct {
		name       string
		exportable float64
		wantPct    float64
		wantLost   string
	}{
		// (17.5 + 6 + 5.2) / 70.5
		{"Kazakh 2024", 70.5, 28.7 / 70.5 * 100, "CPC"},
		{"zero", 0, nan, ""},
		{"negative", -1, nan, ""},
		{"NaN", nan, nan, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pct, lost := transit.NMinus1(sys, tt.exportable)
			if !near(pct, tt.wantPct, 1e-9) || lost != tt.wantLost {
				t.Errorf("NMinus1(%v): got %v, %q, want %v, %q", tt.exportable, pct, lost, tt.wantPct, tt.wantLost)
			}
		})
	}
	if pct, _ := transit.NMinus1(sys, 70.5); !near(pct, 40.71, 0.005) {
		t.Errorf("NMinus1(70.5): got %.4f%%, want about 40.71%%", pct)
	}
}

func TestNMinusState(t *testing.T) {
	sys := kazakhSystem()
	tests := []struct {
		state      string
		exportable float64
		want       float64
	}{
		{"RUS", 70.5, 15.89},  // (6 + 5.2) / 70.5
		{"CHN", 70.5, 127.23}, // (67 + 17.5 + 5.2) / 70.5
		{"AZE", 70.5, 135.74}, // Aktau still open through Makhachkala: 95.7 / 70.5
		{"KAZ", 70.5, 0},
		{"UZB", 70.5, 135.74}, // crosses nothing
		{"RUS", 0, nan},
		{"RUS", -5, nan},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.state, tt.exportable), func(t *testing.T) {
			if got := transit.NMinusState(sys, tt.state, tt.exportable); !near(got, tt.want, 0.005) {
				t.Errorf("NMinusState(%s, %v): got %v, want %v", tt.state, tt.exportable, got, tt.want)
			}
		})
	}
}

// randomSystem returns a small route system: assets with a fixed capacity
// (some unknown) and states, and routes that chain one to three of them.
func randomSystem(r *rand.Rand) []transit.Route {
	states := []string{"S1", "S2", "S3", "S4"}
	assets := make([]transit.Segment, 2+r.IntN(5))
	for i := range assets {
		a := transit.Segment{Asset: fmt.Sprintf("A%d", i), Capacity: float64(1 + r.IntN(30))}
		if r.IntN(5) == 0 {
			a.Capacity = nan
		}
		for _, s := range states {
			if r.IntN(3) == 0 {
				a.States = append(a.States, s)
			}
		}
		assets[i] = a
	}
	routes := make([]transit.Route, 1+r.IntN(5))
	for i := range routes {
		n := 1 + r.IntN(min(3, len(assets)))
		var segs []transit.Segment
		for _, j := range r.Perm(len(assets))[:n] {
			segs = append(segs, assets[j])
		}
		routes[i] = transit.Route{ID: fmt.Sprintf("R%d", i), Segments: segs}
	}
	return routes
}

// sharesOneBottleneck reports whether every group of routes joined by
// shared capacity-bearing assets shares at most one such asset: the domain
// in which TotalCapacity is documented to be exact.
func sharesOneBottleneck(routes []transit.Route) bool {
	var rs []transit.Route
	for _, r := range routes {
		if !math.IsNaN(r.Capacity()) {
			rs = append(rs, r)
		}
	}
	users := map[string]int{}
	for _, r := range rs {
		seen := map[string]bool{}
		for _, s := range r.Segments {
			if !math.IsNaN(s.Capacity) && !seen[s.Asset] {
				seen[s.Asset] = true
				users[s.Asset]++
			}
		}
	}
	// A route touching two different shared assets joins two bottlenecks
	// into one group.
	for _, r := range rs {
		n := 0
		for _, s := range r.Segments {
			if !math.IsNaN(s.Capacity) && users[s.Asset] > 1 {
				n++
			}
		}
		if n > 1 {
			return false
		}
	}
	return true
}

func assetsAndStates(routes []transit.Route) (assets, states []string) {
	for _, r := range routes {
		for _, s := range r.Segments {
			if !slices.Contains(assets, s.Asset) {
				assets = append(assets, s.Asset)
			}
		}
		for _, s := range r.States() {
			if !slices.Contains(states, s) {
				states = append(states, s)
			}
		}
	}
	return assets, states
}

// checkRemovalNeverRaises reports the first asset or state whose removal
// raises TotalCapacity, or "".
func checkRemovalNeverRaises(routes []transit.Route) string {
	total := transit.TotalCapacity(routes)
	assets, states := assetsAndStates(routes)
	for _, a := range assets {
		if got := transit.TotalCapacity(transit.Without(routes, a)); got > total+1e-9 {
			return fmt.Sprintf("without asset %s: got %v, want at most %v", a, got, total)
		}
	}
	for _, s := range states {
		if got := transit.TotalCapacity(transit.Avoiding(routes, s)); got > total+1e-9 {
			return fmt.Sprintf("avoiding state %s: got %v, want at most %v", s, got, total)
		}
	}
	return ""
}

func TestTotalCapacityRemovalProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(2024, 705))
	checked := 0
	for i := 0; checked < 2000 && i < 100000; i++ {
		routes := randomSystem(r)
		if !sharesOneBottleneck(routes) {
			continue
		}
		checked++
		if msg := checkRemovalNeverRaises(routes); msg != "" {
			t.Fatalf("case %d %+v: %s", i, routes, msg)
		}
		// Every route is deliverable on its own.
		total := transit.TotalCapacity(routes)
		for _, rt := range routes {
			if c := rt.Capacity(); c > total+1e-9 {
				t.Fatalf("case %d %+v: TotalCapacity: got %v, want at least route %s's %v", i, routes, total, rt.ID, c)
			}
		}
	}
	if checked < 2000 {
		t.Fatalf("checked %d systems, want 2000", checked)
	}
}

func TestTotalCapacityBoundedBySumProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1945, 1950))
	for i := range 3000 {
		routes := randomSystem(r)
		var sum float64
		for _, rt := range routes {
			if c := rt.Capacity(); !math.IsNaN(c) {
				sum += c
			}
		}
		if got := transit.TotalCapacity(routes); got > sum+1e-9 || got < 0 {
			t.Fatalf("case %d %+v: TotalCapacity: got %v, want within [0, %v]", i, routes, got, sum)
		}
	}
}

// Outside the documented domain (a route joining two shared bottlenecks),
// closing a route must still never add capacity.
func TestTotalCapacityRemovalChainedBottlenecks(t *testing.T) {
	x := transit.Segment{Asset: "X", Capacity: 10}
	y := transit.Segment{Asset: "Y", Capacity: 10}
	routes := []transit.Route{
		{ID: "R1", Segments: []transit.Segment{x}},
		{ID: "R2", Segments: []transit.Segment{x, {Asset: "Z", Capacity: 10, States: []string{"S"}}, y}},
		{ID: "R3", Segments: []transit.Segment{y}},
	}
	if msg := checkRemovalNeverRaises(routes); msg != "" {
		t.Errorf("TotalCapacity = %v; %s", transit.TotalCapacity(routes), msg)
	}
}

// Outside the documented domain the total must still be at least what one
// route carries alone. Here X (10) serves R1 and R2, Y (5) serves R2 and
// R3: R1 alone carries 10, and 15 is feasible (R1 10, R3 5).
func TestTotalCapacityTwoSharedBottlenecks(t *testing.T) {
	x := transit.Segment{Asset: "X", Capacity: 10}
	y := transit.Segment{Asset: "Y", Capacity: 5}
	routes := []transit.Route{
		{ID: "R1", Segments: []transit.Segment{x}},
		{ID: "R2", Segments: []transit.Segment{x, y}},
		{ID: "R3", Segments: []transit.Segment{y}},
	}
	if got, want := transit.TotalCapacity(routes), 15.0; !near(got, want, 1e-9) {
		t.Errorf("TotalCapacity: got %v, want %v", got, want)
	}
}

// The export-side N-1 test for Kazakhstan in 2024: losing CPC leaves about
// two fifths of the volume to be exported.
func ExampleNMinus1() {
	routes := []transit.Route{
		{ID: "CPC", Segments: []transit.Segment{{Asset: "CPC", Capacity: 67, States: []string{"KAZ", "RUS"}}}},
		{ID: "ATYRAU-SAMARA", Segments: []transit.Segment{{Asset: "ATYRAU-SAMARA", Capacity: 17.5, States: []string{"KAZ", "RUS"}}}},
		{ID: "CHINA", Segments: []transit.Segment{
			{Asset: "KENKIYAK-KUMKOL", Capacity: 6, States: []string{"KAZ"}},
			{Asset: "ATASU-ALASHANKOU", Capacity: 20, States: []string{"KAZ", "CHN"}},
		}},
		{ID: "AKTAU", Segments: []transit.Segment{{Asset: "AKTAU-PORT", Capacity: 5.2, States: []string{"KAZ"}}}},
	}
	pct, lost := transit.NMinus1(routes, 70.5)
	fmt.Printf("capacity %.1f Mt/y; without %s: %.1f%%\n", transit.TotalCapacity(routes), lost, pct)
	fmt.Printf("without Russia: %.1f%%\n", transit.NMinusState(routes, "RUS", 70.5))
	// Output:
	// capacity 95.7 Mt/y; without CPC: 40.7%
	// without Russia: 15.9%
}
