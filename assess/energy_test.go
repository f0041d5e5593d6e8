package assess_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
)

// exportWorld is Syldavia's oil export system:
//
//	route  chain                          capacity         crosses      2022  2023
//	R1     P1 30 -> T1 40                 30 (P1)          BOR          20    22
//	R2     PORT 10 -> TK1 ?               10 (PORT)        BOR           4     5
//	R3     PORT 10 -> TK2 8               8 (TK2)          FRE           3     -
//	R4     P4 15                          15               FRE          10    11
//	R5     RAIL ?                         unknown          BOR           2     1
//
// R2 and R3 share the port, so together they carry at most 10 Mt/y:
// C(R) = 30 + 10 + 15 = 55 (not 30 + 10 + 8 + 15 = 63). oilExports gives
// Syldavia's total exports by year; without any the exporter is not
// modelled.
func exportWorld(oilExports map[int]float64) *world {
	w := newWorld().states().
		asset("P1", "Northern pipeline", 30, "SYL", "BOR").
		asset("T1", "Bordurian terminal", 40, "BOR").
		asset("PORT", "Klow port", 10, "SYL").
		asset("TK1", "Tanker to Borduria", math.NaN(), "BOR").
		asset("TK2", "Tanker to Freedonia", 8, "FRE").
		asset("P4", "Southern pipeline", 15, "SYL", "FRE").
		asset("RAIL", "Rail via Borduria", math.NaN(), "BOR").
		route("SYL", "R1", "Northern route", "P1", "T1").
		route("SYL", "R2", "Port to Borduria", "PORT", "TK1").
		route("SYL", "R3", "Port to Freedonia", "PORT", "TK2").
		route("SYL", "R4", "Southern route", "P4").
		route("SYL", "R5", "Rail route", "RAIL").
		volume("R1", 2022, 20).volume("R2", 2022, 4).volume("R3", 2022, 3).volume("R4", 2022, 10).volume("R5", 2022, 2).
		volume("R1", 2023, 22).volume("R2", 2023, 5).volume("R4", 2023, 11).volume("R5", 2023, 1)
	for y, q := range oilExports {
		w.fact("syl-oil-exports-"+leverage.Date{Year: y}.String(), "SYL", "oil_exports", "", val(q), year(y))
	}
	return w
}

func TestEnergyIndicators(t *testing.T) {
	exports := map[int]float64{2021: 40, 2023: 50}
	tests := []struct {
		name       string
		exports    map[int]float64
		holder     string
		year       int // data year; 0 = as-of year 2024
		score      float64
		coverage   float64
		indicators map[string]want
	}{
		{
			name: "Borduria, latest data", exports: exports, holder: "BOR",
			// Volume year 2022: the last in which R1-R4 (known capacity)
			// all report; R5 counts because it has a volume.
			// Via Borduria: R1 20 + R2 4 + R5 2 = 26 of 39.
			// Avoiding Borduria: R3 8 (port 10) + R4 15 = 23 of 55.
			// Q_exp = 50 (2023). N-BOR = 23/50 = 46 %.
			// N-1: T1 (40) is the largest asset; losing it loses R1:
			// 10 (port) + 15 = 25, 25/50 = 50 %.
			score:    (0.4*26/39 + 0.2*(1-23.0/55) + 0.4*(1-0.46)) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"transit_share":  {value: 100 * 26.0 / 39, score: 26.0 / 39, year: 2022},
				"capacity_share": {value: 100 * (1 - 23.0/55), score: 1 - 23.0/55, note: "32.0 of 55.0 Mt/y"},
				"cut_loss":       {value: 100 * 23.0 / 50, score: 1 - 23.0/50, year: 2023, note: "23.0 Mt/y avoiding Borduria over 50.0 Mt exported in 2023"},
				"n_minus_1":      {value: 100 * 25.0 / 50, score: none, year: 2023, text: "fails the 100% standard", note: "largest asset lost: Bordurian terminal"},
				"route_hhi":      {value: (20*20 + 4*4 + 3*3 + 10*10 + 2*2) / (39.0 * 39), score: none, year: 2022, note: "over 5 routes; 3478 on the 10,000 scale"},
				// Crossing routes with a volume: R1, R2, R5, all in 2023.
				"transit_volume": {value: 22 + 5 + 1, score: none, year: 2023},
			},
		},
		{
			name: "Borduria, data year 2022", exports: exports, holder: "BOR", year: 2022,
			// Q_exp = 40 (2021): N-BOR = 23/40 = 57.5 %, N-1 = 25/40 = 62.5 %.
			score:    (0.4*26/39 + 0.2*(1-23.0/55) + 0.4*(1-0.575)) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"transit_share":  {value: 100 * 26.0 / 39, score: 26.0 / 39, year: 2022},
				"capacity_share": {value: 100 * (1 - 23.0/55), score: 1 - 23.0/55},
				"cut_loss":       {value: 100 * 23.0 / 40, score: 1 - 23.0/40, year: 2021},
				"n_minus_1":      {value: 100 * 25.0 / 40, score: none, year: 2021, text: "fails the 100% standard"},
				"route_hhi":      {value: 529.0 / 1521, score: none, year: 2022},
				"transit_volume": {value: 20 + 4 + 2, score: none, year: 2022},
			},
		},
		{
			name: "Borduria, data year 2020: capacities only", exports: exports, holder: "BOR", year: 2020,
			score:    1 - 23.0/55,
			coverage: 0.2,
			indicators: map[string]want{
				"transit_share":  {value: none, score: none, missing: "no year in which every route with a known capacity has a recorded volume"},
				"capacity_share": {value: 100 * (1 - 23.0/55), score: 1 - 23.0/55},
				"cut_loss":       {value: none, score: none, missing: "no figure for Syldavia's total oil exports up to 2020"},
				"n_minus_1":      {value: none, score: none, missing: "no figure for Syldavia's total oil exports up to 2020"},
				"route_hhi":      {value: none, score: none, missing: "no year"},
				"transit_volume": {value: none, score: none, missing: "no volume of Syldavia's oil crossing Borduria on record"},
			},
		},
		{
			name: "Borduria, exports small enough to pass N-1", exports: map[int]float64{2023: 20}, holder: "BOR",
			// N-BOR = 23/20 = 115 %: closing Borduria costs nothing, score 0.
			// N-1 = 25/20 = 125 %: passes.
			score:    (0.4*26/39 + 0.2*(1-23.0/55) + 0.4*0) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"transit_share":  {value: 100 * 26.0 / 39, score: 26.0 / 39, year: 2022},
				"capacity_share": {value: 100 * (1 - 23.0/55), score: 1 - 23.0/55},
				"cut_loss":       {value: 100 * 23.0 / 20, score: 0, year: 2023},
				"n_minus_1":      {value: 100 * 25.0 / 20, score: none, year: 2023, text: "passes the 100% standard"},
				"route_hhi":      {value: 529.0 / 1521, score: none, year: 2022},
				"transit_volume": {value: 28, score: none, year: 2023},
			},
		},
		{
			name: "Borduria, N-1 exactly 100 %", exports: map[int]float64{2023: 25}, holder: "BOR",
			// N-BOR = 23/25 = 92 %; N-1 = 25/25 = 100 %: passes.
			score:    (0.4*26/39 + 0.2*(1-23.0/55) + 0.4*(1-0.92)) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"transit_share":  {value: 100 * 26.0 / 39, score: 26.0 / 39, year: 2022},
				"capacity_share": {value: 100 * (1 - 23.0/55), score: 1 - 23.0/55},
				"cut_loss":       {value: 92, score: 1 - 0.92, year: 2023},
				"n_minus_1":      {value: 100, score: none, year: 2023, text: "passes the 100% standard"},
				"route_hhi":      {value: 529.0 / 1521, score: none, year: 2022},
				"transit_volume": {value: 28, score: none, year: 2023},
			},
		},
		{
			name: "Freedonia", exports: exports, holder: "FRE",
			// Via Freedonia: R3 3 + R4 10 = 13 of 39 (2022).
			// Avoiding Freedonia: R1 30 + R2 10 = 40 of 55; N-FRE = 40/50 = 80 %.
			score:    (0.4*13/39 + 0.2*(1-40.0/55) + 0.4*(1-0.8)) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"transit_share":  {value: 100 * 13.0 / 39, score: 13.0 / 39, year: 2022},
				"capacity_share": {value: 100 * (1 - 40.0/55), score: 1 - 40.0/55},
				"cut_loss":       {value: 100 * 40.0 / 50, score: 1 - 40.0/50, year: 2023},
				"n_minus_1":      {value: 50, score: none, year: 2023, text: "fails the 100% standard"},
				"route_hhi":      {value: 529.0 / 1521, score: none, year: 2022},
				// R4 reports 2023 but R3 does not: the latest year in which
				// both report is 2022, preferred to the partial 2023.
				"transit_volume": {value: 3 + 10, score: none, year: 2022},
			},
		},
		{
			name: "Ruritania, crossing nothing", exports: exports, holder: "RUR",
			// N-RUR = 55/50 = 110 %.
			score:    (0.4*0 + 0.2*0 + 0.4*0) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"transit_share":  {value: 0, score: 0, year: 2022},
				"capacity_share": {value: 0, score: 0},
				"cut_loss":       {value: 110, score: 0, year: 2023},
				"n_minus_1":      {value: 50, score: none, year: 2023},
				"route_hhi":      {value: 529.0 / 1521, score: none, year: 2022},
				"transit_volume": {value: none, score: none, missing: "no volume of Syldavia's oil crossing Ruritania on record"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := run(t, exportWorld(tt.exports).model("2024-12-31"), tt.holder, "SYL", tt.year)
			c := channel(t, as.Forward, leverage.Energy)
			checkNum(t, "channel score", c.Score, tt.score)
			if math.Abs(c.Coverage-tt.coverage) > tol {
				t.Errorf("coverage = %v, want %v", c.Coverage, tt.coverage)
			}
			if len(c.Indicators) != len(tt.indicators) {
				t.Errorf("%d indicators, want %d", len(c.Indicators), len(tt.indicators))
			}
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.Energy, id), w)
			}
		})
	}
}

func TestEnergyRoutes(t *testing.T) {
	as := run(t, exportWorld(map[int]float64{2023: 50}).model("2024-12-31"), "BOR", "SYL", 0)
	type route struct {
		id         string
		chain      []string
		capacity   float64 // none: unknown
		bottleneck string
		states     []string
		crosses    bool
		volume     float64
		volumeYear int
	}
	wantRoutes := []route{
		{"R1", []string{"Northern pipeline", "Bordurian terminal"}, 30, "P1", []string{"BOR"}, true, 22, 2023},
		{"R2", []string{"Klow port", "Tanker to Borduria"}, 10, "PORT", []string{"BOR"}, true, 5, 2023},
		{"R3", []string{"Klow port", "Tanker to Freedonia"}, 8, "TK2", []string{"FRE"}, false, 3, 2022},
		{"R4", []string{"Southern pipeline"}, 15, "P4", []string{"FRE"}, false, 11, 2023},
		{"R5", []string{"Rail via Borduria"}, none, "", []string{"BOR"}, true, 1, 2023},
	}
	got := channel(t, as.Forward, leverage.Energy).Routes
	if len(got) != len(wantRoutes) {
		t.Fatalf("%d routes, want %d", len(got), len(wantRoutes))
	}
	for i, w := range wantRoutes {
		r := got[i]
		if r.ID != w.id {
			t.Errorf("route %d = %s, want %s", i, r.ID, w.id)
			continue
		}
		if !slices.Equal(r.Chain, w.chain) {
			t.Errorf("%s chain = %q, want %q", w.id, r.Chain, w.chain)
		}
		checkNum(t, w.id+" capacity", r.Capacity, w.capacity)
		if r.Bottleneck != w.bottleneck {
			t.Errorf("%s bottleneck = %q, want %q", w.id, r.Bottleneck, w.bottleneck)
		}
		if !slices.Equal(r.States, w.states) {
			t.Errorf("%s states = %v, want %v (the exporter is left out)", w.id, r.States, w.states)
		}
		if r.CrossesA != w.crosses {
			t.Errorf("%s crosses holder = %v, want %v", w.id, r.CrossesA, w.crosses)
		}
		checkNum(t, w.id+" volume", r.Volume, w.volume)
		if r.VolumeYear != w.volumeYear {
			t.Errorf("%s volume year = %d, want %d", w.id, r.VolumeYear, w.volumeYear)
		}
		if !slices.Contains(r.Facts, "via-"+w.id) || len(r.Sources) == 0 {
			t.Errorf("%s cites facts %v, sources %v; want its exports_via fact and sources", w.id, r.Facts, r.Sources)
		}
	}
}

// TestEnergyUnmodelledExporter: without an oil_exports figure for any year
// the route list may be incomplete, so every indicator but transit_volume
// is no data, and so is the gateway.
func TestEnergyUnmodelledExporter(t *testing.T) {
	as := run(t, exportWorld(nil).model("2024-12-31"), "BOR", "SYL", 0)
	c := channel(t, as.Forward, leverage.Energy)
	if c.Score != nil {
		t.Errorf("channel score = %v, want none", *c.Score)
	}
	if !strings.HasPrefix(c.Missing, "no data: ") || !strings.Contains(c.Missing, "route list may be incomplete") {
		t.Errorf("channel missing = %q, want a no-data reason about an incomplete route list", c.Missing)
	}
	const why = "Syldavia's total oil exports are not in the dataset, so its route list may be incomplete"
	for _, id := range []string{"transit_share", "capacity_share", "cut_loss", "n_minus_1", "route_hhi"} {
		checkIndicator(t, indicator(t, as.Forward, leverage.Energy, id), want{value: none, score: none, missing: why})
	}
	checkIndicator(t, indicator(t, as.Forward, leverage.Energy, "transit_volume"), want{value: 28, score: none, year: 2023})
	checkIndicator(t, indicator(t, as.Forward, leverage.Geography, "gateway"), want{value: none, score: none, missing: why})
	if len(c.Routes) != 5 {
		t.Errorf("%d routes shown, want all 5", len(c.Routes))
	}
}

// TestEnergyModelledRegardlessOfDate: whether an exporter is modelled is a
// property of the dataset, so an oil_exports figure of a later year still
// counts; as of 2021-12-31 only capacity_share has data.
func TestEnergyModelledRegardlessOfDate(t *testing.T) {
	as := run(t, exportWorld(map[int]float64{2023: 50}).model("2021-12-31"), "BOR", "SYL", 0)
	for id, w := range map[string]want{
		"transit_share":  {value: none, score: none, missing: "no year"},
		"capacity_share": {value: 100 * (1 - 23.0/55), score: 1 - 23.0/55},
		"cut_loss":       {value: none, score: none, missing: "up to 2021"},
		"n_minus_1":      {value: none, score: none, missing: "up to 2021"},
		"route_hhi":      {value: none, score: none, missing: "no year"},
		"transit_volume": {value: none, score: none, missing: "no volume"},
	} {
		checkIndicator(t, indicator(t, as.Forward, leverage.Energy, id), w)
	}
	checkIndicator(t, indicator(t, as.Forward, leverage.Geography, "gateway"), want{value: 60, score: 0.6})
}

func TestEnergyNoRoutes(t *testing.T) {
	as := run(t, exportWorld(map[int]float64{2023: 50}).model("2024-12-31"), "SYL", "FRE", 0)
	c := channel(t, as.Forward, leverage.Energy)
	if c.Score != nil || !strings.Contains(c.Missing, "no export routes for Freedonia") {
		t.Errorf("channel score %v, missing %q; want none, no export routes", c.Score, c.Missing)
	}
	for _, in := range c.Indicators {
		if in.Value != nil || in.Score != nil || in.Missing == "" {
			t.Errorf("%s: value %v, score %v, missing %q; want no data", in.ID, in.Value, in.Score, in.Missing)
		}
	}
	checkIndicator(t, indicator(t, as.Forward, leverage.Geography, "gateway"), want{value: none, score: none, missing: "no export routes of Freedonia"})
}

// TestTransitVolume checks the transit_volume rule: the latest year up to
// the data year in which every route crossing the holder that has any
// volume reports one; failing that, the latest year, flagged "partial:".
// Route A and B cross Borduria, C crosses Freedonia only, D crosses
// Borduria but never reports a volume.
func TestTransitVolume(t *testing.T) {
	type vol struct {
		route string
		year  int
		mt    float64
	}
	tests := []struct {
		name    string
		vols    []vol
		year    int
		want    want
		partial bool
	}{
		{"latest year complete", []vol{{"RA", 2023, 4}, {"RB", 2023, 2}, {"RA", 2022, 3}, {"RB", 2022, 1}}, 0,
			want{value: 4 + 2, score: none, year: 2023}, false},
		{"complete earlier year preferred", []vol{{"RA", 2022, 3}, {"RA", 2023, 4}, {"RB", 2022, 1}}, 0,
			want{value: 3 + 1, score: none, year: 2022}, false},
		{"no complete year: latest, partial", []vol{{"RA", 2023, 4}, {"RB", 2022, 1}}, 0,
			want{value: 4, score: none, year: 2023, note: "partial: no 2023 figure for Route B"}, true},
		{"data year caps the search", []vol{{"RA", 2022, 3}, {"RA", 2023, 4}, {"RA", 2024, 5}, {"RB", 2022, 1}, {"RB", 2024, 2}}, 2023,
			want{value: 3 + 1, score: none, year: 2022}, false},
		{"without the cap", []vol{{"RA", 2022, 3}, {"RA", 2023, 4}, {"RA", 2024, 5}, {"RB", 2022, 1}, {"RB", 2024, 2}}, 0,
			want{value: 5 + 2, score: none, year: 2024}, false},
		{"routes not crossing are left out", []vol{{"RA", 2023, 4}, {"RB", 2023, 2}, {"RC", 2023, 100}, {"RC", 2024, 100}}, 0,
			want{value: 6, score: none, year: 2023}, false},
		{"a crossing route reporting only after the cap does not count", []vol{{"RA", 2022, 3}, {"RB", 2024, 2}}, 2023,
			want{value: 3, score: none, year: 2022}, false},
		{"no volume", []vol{{"RC", 2023, 100}}, 0,
			want{value: none, score: none, missing: "no volume of Syldavia's oil crossing Borduria on record"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld().states().
				asset("A1", "Pipe A", 10, "BOR").asset("B1", "Pipe B", 5, "SYL", "BOR").
				asset("C1", "Pipe C", 5, "FRE").asset("D1", "Pipe D", 5, "BOR").
				route("SYL", "RA", "Route A", "A1").route("SYL", "RB", "Route B", "B1").
				route("SYL", "RC", "Route C", "C1").route("SYL", "RD", "Route D", "D1")
			for _, v := range tt.vols {
				w.volume(v.route, v.year, v.mt)
			}
			as := run(t, w.model("2024-12-31"), "BOR", "SYL", tt.year)
			in := indicator(t, as.Forward, leverage.Energy, "transit_volume")
			checkIndicator(t, in, tt.want)
			if !tt.partial && in.Note != "" {
				t.Errorf("note = %q, want none for a complete year", in.Note)
			}
		})
	}
}

// TestRouteSegmentOrder: a route's chain follows the segments' positions,
// whatever order the facts come in and even for positions that are not
// whole numbers (a link inserted between two others).
func TestRouteSegmentOrder(t *testing.T) {
	w := newWorld().states().
		asset("X1", "First", 9, "SYL").asset("X2", "Second", 7, "SYL").asset("X3", "Third", 8, "BOR").
		asset("X4", "Fourth", 12, "BOR").
		fact("via-R", "SYL", "exports_via", "R").
		// Fact ids sort in the reverse of the chain order.
		fact("seg-a", "R", "route_segment", "X4", val(3)).
		fact("seg-b", "R", "route_segment", "X3", val(2)).
		fact("seg-c", "R", "route_segment", "X2", val(1.5)).
		fact("seg-d", "R", "route_segment", "X1", val(1)).
		fact("syl-oil", "SYL", "oil_exports", "", val(10), year(2023))
	w.actor("R", leverage.Route, "Route")
	as := run(t, w.model("2024-12-31"), "BOR", "SYL", 0)
	r := channel(t, as.Forward, leverage.Energy).Routes
	if len(r) != 1 {
		t.Fatalf("%d routes, want 1", len(r))
	}
	if want := []string{"First", "Second", "Third", "Fourth"}; !slices.Equal(r[0].Chain, want) {
		t.Errorf("chain = %q, want %q", r[0].Chain, want)
	}
	checkNum(t, "capacity", r[0].Capacity, 7)
	if r[0].Bottleneck != "X2" {
		t.Errorf("bottleneck = %q, want X2", r[0].Bottleneck)
	}
}

// TestCapacityLatestOnRecord: an asset's capacity is the latest on the
// record at the as-of date.
func TestCapacityLatestOnRecord(t *testing.T) {
	tests := []struct {
		asOf string
		want float64
	}{
		{"2019-06-30", 10},
		{"2020-06-30", 20},
		{"2023-06-30", 30},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			w := newWorld().states().
				asset("P", "Pipe", math.NaN(), "BOR").
				fact("p-cap-1", "P", "capacity", "", val(10), until("2019")).
				fact("p-cap-2", "P", "capacity", "", val(20), from("2020"), until("2022")).
				fact("p-cap-3", "P", "capacity", "", val(30), from("2023")).
				route("SYL", "R", "Route", "P")
			r := channel(t, run(t, w.model(tt.asOf), "BOR", "SYL", 0).Forward, leverage.Energy).Routes
			if len(r) != 1 {
				t.Fatalf("%d routes, want 1", len(r))
			}
			checkNum(t, "capacity", r[0].Capacity, tt.want)
		})
	}
}

// TestEnergyZeroVolumesAndExports: a year in which the routes carried
// nothing, or total exports of 0, give no share to take: no data with the
// reason, never a NaN value.
func TestEnergyZeroVolumesAndExports(t *testing.T) {
	w := newWorld().states().
		asset("P", "Pipe", 10, "SYL", "BOR").asset("Q", "Other pipe", 5, "SYL", "FRE").
		route("SYL", "RP", "Route P", "P").route("SYL", "RQ", "Route Q", "Q").
		volume("RP", 2021, 3).volume("RQ", 2021, 1).
		volume("RP", 2022, 0).volume("RQ", 2022, 0).
		fact("syl-oil-21", "SYL", "oil_exports", "", val(4), year(2021)).
		fact("syl-oil-22", "SYL", "oil_exports", "", val(0), year(2022))
	tests := []struct {
		year       int
		indicators map[string]want
	}{
		{2022, map[string]want{
			"transit_share":  {value: none, score: none, missing: "Syldavia's routes carried no oil in 2022"},
			"route_hhi":      {value: none, score: none, missing: "carried no oil in 2022"},
			"capacity_share": {value: 100 * 10.0 / 15, score: 10.0 / 15},
			"cut_loss":       {value: none, score: none, missing: "Syldavia's total oil exports in 2022 are recorded as 0 Mt"},
			"n_minus_1":      {value: none, score: none, missing: "recorded as 0 Mt"},
			"transit_volume": {value: 0, score: none, year: 2022},
		}},
		{2021, map[string]want{
			"transit_share":  {value: 75, score: 0.75, year: 2021},
			"route_hhi":      {value: (9 + 1) / 16.0, score: none, year: 2021},
			"capacity_share": {value: 100 * 10.0 / 15, score: 10.0 / 15},
			// N-BOR = 5/4 = 125 %; N-1 loses P: 5/4.
			"cut_loss":       {value: 125, score: 0, year: 2021},
			"n_minus_1":      {value: 125, score: none, year: 2021, text: "passes the 100% standard"},
			"transit_volume": {value: 3, score: none, year: 2021},
		}},
	}
	for _, tt := range tests {
		as := run(t, w.model("2022-12-31"), "BOR", "SYL", tt.year)
		for id, w := range tt.indicators {
			checkIndicator(t, indicator(t, as.Forward, leverage.Energy, id), w)
		}
	}
}
