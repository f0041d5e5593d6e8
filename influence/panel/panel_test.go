package panel

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer/atop"
	"github.com/leverage-dev/leverage/importer/cow"
	"github.com/leverage-dev/leverage/influence"
	"github.com/leverage-dev/leverage/influence/fbic"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/sqlite"
)

var now = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// inputs is a small universe: four states over three years, with trade,
// IGOs and an alliance.
func inputs() *open.Inputs {
	in := new(open.Inputs)
	states := []int16{2, 365, 705, 710}
	for y := int16(2012); y <= 2014; y++ {
		for _, a := range states {
			for _, b := range states {
				if a != b {
					u := &in.Universe
					u.CCode1, u.CCode2, u.Year = append(u.CCode1, a), append(u.CCode2, b), append(u.Year, y)
				}
			}
		}
		t := &in.Trade
		for _, r := range [][4]float64{{2, 365, 20000, 10000}, {365, 705, 6000, 15000}, {705, 710, 10000, float64(8000 + y)}} {
			t.CCode1, t.CCode2, t.Year = append(t.CCode1, int16(r[0])), append(t.CCode2, int16(r[1])), append(t.Year, y)
			t.Flow1, t.Flow2 = append(t.Flow1, r[2]), append(t.Flow2, r[3])
		}
		s := &in.StateTrade
		for _, st := range states {
			s.CCode, s.Year = append(s.CCode, st), append(s.Year, y)
			s.Imports, s.Exports = append(s.Imports, 50000), append(s.Exports, 60000)
		}
		g := &in.IGOs
		g.CCode1, g.CCode2, g.Year, g.Shared = append(g.CCode1, 365), append(g.CCode2, 705), append(g.Year, y), append(g.Shared, 70)
		a := &in.Alliances
		a.CCode1, a.CCode2, a.Year = append(a.CCode1, 365), append(a.CCode2, 705), append(a.Year, y)
		a.Defense, a.Offense, a.Neutral, a.NonAgg, a.Consul = append(a.Defense, 1), append(a.Offense, 0), append(a.Neutral, 0), append(a.NonAgg, 1), append(a.Consul, 1)
	}
	return in
}

// TestScoreOrdersAsIndex checks the property rankings rely on: the score
// influence.Score computes from a stored panel's components orders rows
// exactly as the index does.
func TestScoreOrdersAsIndex(t *testing.T) {
	w := open.DefaultWeights()
	r, err := open.Compute(context.Background(), inputs(), w, 2012, 2014)
	if err != nil {
		t.Fatal(err)
	}
	p := FromOpen(r, w, "test", now)
	if p.Len() != r.Len() || len(p.Parts) != len(p.Components) {
		t.Fatalf("panel of %d rows and %d component columns, want %d rows", p.Len(), len(p.Parts), r.Len())
	}
	var maxIndex, maxScore float64
	scores := make([]float64, p.Len())
	for i := range p.Len() {
		parts := make([]float64, len(p.Parts))
		for j := range p.Parts {
			parts[j] = p.Parts[j][i]
		}
		scores[i] = influence.Score(w, p.Components, parts)
		maxIndex, maxScore = max(maxIndex, p.Index[i]), max(maxScore, scores[i])
	}
	if maxScore == 0 {
		t.Fatal("all scores 0")
	}
	for i := range p.Len() {
		if math.Abs(scores[i]/maxScore-p.Index[i]/maxIndex) > 1e-12 {
			t.Errorf("row %d (%d, %d, %d): score/max %v, index/max %v", i, p.A[i], p.B[i], p.Year[i], scores[i]/maxScore, p.Index[i]/maxIndex)
		}
	}
	// Bandwidth components are scaled to a maximum of 1.
	for j, c := range p.Components {
		if strings.HasPrefix(c, "bandwidth.") && slices.Max(p.Parts[j]) != 1 {
			t.Errorf("component %s has maximum %v, want 1", c, slices.Max(p.Parts[j]))
		}
	}
	w2, err := Weights(p)
	if err != nil || len(w2) != len(w) {
		t.Errorf("stored weights: %v, %v", w2, err)
	}
}

func TestFromFBIC(t *testing.T) {
	cw, err := country.Load()
	if err != nil {
		t.Fatal(err)
	}
	w := fbic.DefaultWeights()
	tab := &fbic.Table{ISO3A: []string{"RUS", "XKX", "CHN"}, ISO3B: []string{"KAZ", "KAZ", "KAZ"}, Year: []int{2020, 2020, 2020}, Inputs: map[string][]float64{}}
	for _, x := range w {
		tab.Inputs[x.Indicator] = []float64{0.5, 0.4, 0.3}
	}
	r := fbic.Compute(tab, w, fbic.ReleaseMaxima())
	p, unplaced := FromFBIC(tab, r, w, cw, "test", now)
	if p.Len() != 2 || p.A[0] != 365 || p.A[1] != 710 || p.B[0] != 705 {
		t.Errorf("panel rows A %v B %v, want Russia and China over Kazakhstan", p.A, p.B)
	}
	if !slices.Equal(unplaced, []string{"XKX"}) {
		t.Errorf("unplaced %v, want [XKX]", unplaced)
	}
	if math.Abs(p.Index[0]-r.Standard.FBIC[0]) > 0 {
		t.Errorf("index %v, want fbic %v", p.Index[0], r.Standard.FBIC[0])
	}
}

// TestOpenInputs checks that the inputs read back from imported
// observations give the same index as the inputs they were made from.
func TestOpenInputs(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, _, err := OpenInputs(ctx, db, 2012, 2014); leverage.ErrorCode(err) != leverage.ENOTFOUND || !strings.Contains(err.Error(), "leverage import cow-states") {
		t.Fatalf("nothing imported: %v, want ENOTFOUND naming the import", err)
	}
	in := inputs()
	store := func(name string, vars []leverage.Variable, add func(o *leverage.Observations)) {
		d := &leverage.Dataset{Name: name, Version: "1", Sources: []*leverage.Source{{ID: name, Kind: leverage.SourceDataset, Title: name}}}
		o := &leverage.Observations{Variables: vars}
		add(o)
		if err := db.ReplaceObservations(ctx, d, o, nil); err != nil {
			t.Fatal(err)
		}
	}
	v := func(name string, dyadic, directed bool) leverage.Variable {
		return leverage.Variable{Name: name, Dyadic: dyadic, Directed: directed, Description: name, Source: strings.Split(name, ".")[0]}
	}
	store("cow-states", []leverage.Variable{v(cow.StatesMember, false, false), v(cow.StatesFirstDay, false, false), v(cow.StatesLastDay, false, false)}, func(o *leverage.Observations) {
		for _, s := range []int{2, 365, 705, 710} {
			for y := 2012; y <= 2014; y++ {
				o.Add(0, s, 0, y, 1)
				o.Add(1, s, 0, y, 1)
				o.Add(2, s, 0, y, 365)
			}
		}
	})
	store("cow-trade", []leverage.Variable{v(cow.TradeFlow, true, true), v(cow.TradeImports, false, false), v(cow.TradeExports, false, false)}, func(o *leverage.Observations) {
		tr := in.Trade
		for i := range tr.Year {
			o.Add(0, int(tr.CCode1[i]), int(tr.CCode2[i]), int(tr.Year[i]), tr.Flow1[i])
			o.Add(0, int(tr.CCode2[i]), int(tr.CCode1[i]), int(tr.Year[i]), tr.Flow2[i])
		}
		s := in.StateTrade
		for i := range s.Year {
			o.Add(1, int(s.CCode[i]), 0, int(s.Year[i]), s.Imports[i])
			o.Add(2, int(s.CCode[i]), 0, int(s.Year[i]), s.Exports[i])
		}
	})
	store("cow-igo", []leverage.Variable{v(cow.IGOShared, true, false)}, func(o *leverage.Observations) {
		g := in.IGOs
		for i := range g.Year {
			o.Add(0, int(g.CCode1[i]), int(g.CCode2[i]), int(g.Year[i]), g.Shared[i])
		}
	})
	store("atop", []leverage.Variable{v(atop.Defense, true, true), v(atop.Offense, true, true), v(atop.Neutral, true, true), v(atop.Nonagg, true, true), v(atop.Consul, true, true)}, func(o *leverage.Observations) {
		a := in.Alliances
		for i := range a.Year {
			for j, col := range [][]float64{a.Defense, a.Offense, a.Neutral, a.NonAgg, a.Consul} {
				o.Add(j, int(a.CCode1[i]), int(a.CCode2[i]), int(a.Year[i]), col[i])
			}
		}
	})
	got, desc, err := OpenInputs(ctx, db, 2012, 2014)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(desc, "cow-trade 1") {
		t.Errorf("inputs description %q lacks the dataset versions", desc)
	}
	w := open.DefaultWeights()
	want, err := open.Compute(ctx, in, w, 2012, 2014)
	if err != nil {
		t.Fatal(err)
	}
	res, err := open.Compute(ctx, got, w, 2012, 2014)
	if err != nil {
		t.Fatal(err)
	}
	if res.Len() != want.Len() {
		t.Fatalf("%d rows from the store, want %d", res.Len(), want.Len())
	}
	for i := range want.Len() {
		if res.Index[i] != want.Index[i] || res.CCode1[i] != want.CCode1[i] || res.Year[i] != want.Year[i] {
			t.Errorf("row %d: index %v, want %v", i, res.Index[i], want.Index[i])
		}
	}
}
