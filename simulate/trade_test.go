package simulate

import (
	"math"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// TestTradeYear works an embargo and a diversion through a small book of
// figures by hand.
func TestTradeYear(t *testing.T) {
	fact := func(id, s, rel, o string, v float64) *leverage.Fact {
		return &leverage.Fact{ID: id, Subject: s, Relation: rel, Object: o, Value: &v, Year: 2024, Sources: []string{"x"}, Confidence: leverage.Data}
	}
	var rels []*leverage.Relation
	for _, r := range []string{"exports_to", "imports_from", "trade_with", "exports_total", "imports_total", "export_share", "import_share", "trade_share"} {
		rels = append(rels, &leverage.Relation{ID: r, Kind: leverage.AnnualRelation, Units: []string{"USD m"}, Description: r})
	}
	facts := []*leverage.Fact{
		fact("e", "A", "exports_to", "B", 100),    // A's exports to B
		fact("E", "A", "exports_total", "", 1000), // A's exports
		fact("I", "A", "imports_total", "", 500),
		fact("s", "A", "export_share", "B", 10),  // 100 of 1000
		fact("m", "B", "imports_from", "A", 110), // B's mirror figure
		fact("BI", "B", "imports_total", "", 2000),
		fact("tw", "A", "trade_with", "B", 300), // A's trade with B: 100 out, 200 in
		fact("ts", "A", "trade_share", "B", 20), // 300 of 1500
		fact("i", "A", "imports_from", "B", 200),
	}
	m := assess.NewModel(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil, rels, nil, facts)
	got := func(changes []assess.Change) map[string]float64 {
		out := map[string]float64{}
		for _, c := range changes {
			out[c.Old.ID] = *c.New.Value
		}
		return out
	}
	ab, ba := flow{"A", "B"}, flow{"B", "A"}
	levels := tradeLevels(m, 2024, []flow{ab, ba, {"A", "C"}, {"C", "A"}})
	// B stops half its imports from A: A's exports to B fall by 50.
	embargo := got(tradeYear(m, 2024, []tradeOp{{flow: ab, factor: 0.5, fromTotal: true, toTotal: true}}, levels, "t", nil))
	for id, want := range map[string]float64{
		"e":  50,
		"E":  950,
		"s":  100 * 50 / 950.0,
		"m":  55,        // the mirror figure falls by the same half
		"BI": 2000 - 50, // by the change in the level
		"tw": 250,
		"ts": 100 * 250 / 1450.0,
	} {
		if math.Abs(embargo[id]-want) > 1e-9 {
			t.Errorf("embargo: %s = %v, want %v", id, embargo[id], want)
		}
	}
	if _, ok := embargo["i"]; ok {
		t.Error("embargo: A's imports from B changed")
	}
	// A moves 40% of its exports to B to C: its totals stay.
	out := flow{"A", "B"}
	divert := got(tradeYear(m, 2024, []tradeOp{{flow: ab, factor: 0.6, toTotal: true}, {flow: flow{"A", "C"}, source: &out, share: 0.4, toTotal: true}}, levels, "t", nil))
	for id, want := range map[string]float64{"e": 60, "s": 6, "tw": 260, "ts": 100 * 260 / 1500.0} {
		if math.Abs(divert[id]-want) > 1e-9 {
			t.Errorf("divert: %s = %v, want %v", id, divert[id], want)
		}
	}
	if _, ok := divert["E"]; ok {
		t.Error("divert: A's exports total changed")
	}
}
