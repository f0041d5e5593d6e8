package storetest

import (
	"context"
	"testing"

	"github.com/leverage-dev/leverage"
)

// trade returns a dataset "trade" with one source, and observations of a
// dyadic and a monadic variable, deliberately not in key order.
func trade(version string) (*leverage.Dataset, *leverage.Observations) {
	d := &leverage.Dataset{Name: "trade", Version: version, Sources: []*leverage.Source{
		{ID: "cow-trade-v4", Kind: leverage.SourceDataset, Title: "COW Trade v4.0"},
	}}
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: "trade.flow", Unit: "USD m", Dyadic: true, Directed: true, Description: "imports of A from B", Source: "cow-trade-v4"},
		{Name: "trade.imports", Unit: "USD m", Description: "imports of A", Source: "cow-trade-v4"},
	}}
	o.Add(0, 705, 365, 2014, 5000.5)
	o.Add(0, 365, 705, 2014, 4000)
	o.Add(0, 365, 705, 2013, 3000)
	o.Add(1, 705, 0, 2014, 41000)
	o.Add(0, 2, 20, 2014, 350000)
	return d, o
}

func testObservations(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	d, o := trade("1")
	var reported int
	if err := s.ReplaceObservations(ctx, d, o, func(n int) { reported = n }); err != nil {
		t.Fatal(err)
	}
	if reported != o.Len() {
		t.Errorf("progress reported %d rows, want %d", reported, o.Len())
	}
	got, err := s.Observations(ctx, leverage.ObservationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != o.Len() {
		t.Fatalf("read %d rows, want %d", got.Len(), o.Len())
	}
	// Ordered by variable, A, B, year.
	type row struct {
		v          string
		a, b, year int32
		value      float64
	}
	var rows []row
	for i := range got.Len() {
		rows = append(rows, row{got.Variables[got.Var[i]].Name, got.A[i], got.B[i], got.Year[i], got.Value[i]})
	}
	equal(t, "observations", rows, []row{
		{"trade.flow", 2, 20, 2014, 350000},
		{"trade.flow", 365, 705, 2013, 3000},
		{"trade.flow", 365, 705, 2014, 4000},
		{"trade.flow", 705, 365, 2014, 5000.5},
		{"trade.imports", 705, 0, 2014, 41000},
	})
	equal(t, "variable", got.Variables[0], o.Variables[0])

	got, err = s.Observations(ctx, leverage.ObservationFilter{Variables: []string{"trade.flow"}, States: []int{705}, From: 2014, To: 2014})
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 2 {
		t.Errorf("filtered: %d rows, want 2", got.Len())
	}

	vs, err := s.Variables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "variables", len(vs), 2)

	// Re-importing replaces; importing a dataset without observations
	// removes them.
	d2, o2 := trade("2")
	o2.Var, o2.A, o2.B, o2.Year, o2.Value = nil, nil, nil, nil, nil
	o2.Add(1, 365, 0, 2014, 1)
	if err := s.ReplaceObservations(ctx, d2, o2, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Observations(ctx, leverage.ObservationFilter{})
	if got.Len() != 1 {
		t.Errorf("after replace: %d rows, want 1", got.Len())
	}
	if err := s.ReplaceDataset(ctx, d2); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Observations(ctx, leverage.ObservationFilter{})
	if got.Len() != 0 {
		t.Errorf("after ReplaceDataset: %d rows, want 0", got.Len())
	}
}

func testObservationConflict(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	d, o := trade("1")
	if err := s.ReplaceObservations(ctx, d, o, nil); err != nil {
		t.Fatal(err)
	}
	// A repeated row, after more than one batch of good rows.
	d2, o2 := trade("2")
	for y := 1000; y < 2000; y++ {
		o2.Add(0, 2, 20, y, float64(y))
	}
	o2.Add(0, 2, 20, 1500, 0)
	err := s.ReplaceObservations(ctx, d2, o2, nil)
	if leverage.ErrorCode(err) != leverage.ECONFLICT {
		t.Fatalf("repeated row: got %v, want ECONFLICT", err)
	}
	if v, _ := s.DatasetVersion(ctx, "trade"); v != "1" {
		t.Errorf("version after failed import = %q, want 1", v)
	}
	got, _ := s.Observations(ctx, leverage.ObservationFilter{})
	if got.Len() != o.Len() {
		t.Errorf("after failed import: %d rows, want %d", got.Len(), o.Len())
	}
	// Invalid rows and unknown sources are refused before writing.
	d3, o3 := trade("3")
	o3.Add(1, 705, 365, 2014, 1) // monadic with a second state
	if err := s.ReplaceObservations(ctx, d3, o3, nil); leverage.ErrorCode(err) != leverage.EINVALID {
		t.Errorf("monadic row with B: got %v, want EINVALID", err)
	}
	d4, o4 := trade("4")
	o4.Variables[0].Source = "nowhere"
	if err := s.ReplaceObservations(ctx, d4, o4, nil); leverage.ErrorCode(err) != leverage.EINVALID {
		t.Errorf("unknown source: got %v, want EINVALID", err)
	}
}

func testInfluence(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	if _, _, err := s.Influence(ctx, leverage.InfluenceQuery{Profile: "open"}); leverage.ErrorCode(err) != leverage.ENOTFOUND {
		t.Fatalf("empty store: got %v, want ENOTFOUND", err)
	}
	p := &leverage.InfluencePanel{
		Profile: "open", Weights: "part,dimension,indicator,weight\n", Inputs: "cow-trade 4.0",
		Components: []string{"trade", "igos"}, BuiltAt: "2026-11-26T00:00:00Z",
		A: []int32{365, 710, 365, 2}, B: []int32{705, 705, 705, 705}, Year: []int32{2014, 2014, 2013, 2014},
		Bandwidth: []float64{0.7, 0.5, 0.6, 0.2}, Dependence: []float64{0.7, 0.4, 0.6, 0.1},
		Index: []float64{0.65, 0.3, 0.5, 0.05},
		Parts: [][]float64{{1, 2, 3, 4}, {5, 6, 7, 8}},
	}
	if err := s.ReplaceInfluence(ctx, p, nil); err != nil {
		t.Fatal(err)
	}
	meta, rows, err := s.Influence(ctx, leverage.InfluenceQuery{Profile: "open", B: 705, From: 2014, To: 2014})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "components", meta.Components, p.Components)
	equal(t, "inputs", meta.Inputs, p.Inputs)
	var order []int
	for _, r := range rows {
		order = append(order, r.A)
	}
	equal(t, "top order", order, []int{365, 710, 2})
	equal(t, "parts", rows[1].Parts, []float64{2, 6})
	_, rows, err = s.Influence(ctx, leverage.InfluenceQuery{Profile: "open", A: 365, B: 705})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Year != 2013 {
		t.Errorf("series: %+v", rows)
	}
	// Replacing drops the old rows; a malformed panel changes nothing.
	bad := *p
	bad.Parts = [][]float64{{1}}
	if err := s.ReplaceInfluence(ctx, &bad, nil); leverage.ErrorCode(err) != leverage.EINVALID {
		t.Errorf("malformed panel: got %v, want EINVALID", err)
	}
	_, rows, _ = s.Influence(ctx, leverage.InfluenceQuery{Profile: "open"})
	equal(t, "rows after failed replace", len(rows), 4)
	small := *p
	small.A, small.B, small.Year = p.A[:1], p.B[:1], p.Year[:1]
	small.Bandwidth, small.Dependence, small.Index = p.Bandwidth[:1], p.Dependence[:1], p.Index[:1]
	small.Parts = [][]float64{{1}, {5}}
	if err := s.ReplaceInfluence(ctx, &small, nil); err != nil {
		t.Fatal(err)
	}
	_, rows, _ = s.Influence(ctx, leverage.InfluenceQuery{Profile: "open"})
	equal(t, "rows after replace", len(rows), 1)
}
