package open

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/influence"
)

const tinyDir = "testdata/tiny"

func readTiny(t *testing.T) *Inputs {
	t.Helper()
	in, err := ReadDir(context.Background(), tinyDir)
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func compute(t *testing.T, in *Inputs, from, to int) *Result {
	t.Helper()
	res, err := Compute(context.Background(), in, DefaultWeights(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// row returns the row of (a, b, year), failing the test if there is none.
func row(t *testing.T, r *Result, a, b, year int) int {
	t.Helper()
	i, ok := r.Find(a, b, year)
	if !ok {
		t.Fatalf("no row %d %d %d", a, b, year)
	}
	return i
}

func near(a, b, tol float64) bool {
	return a == b || math.Abs(a-b) <= tol || math.IsNaN(a) && math.IsNaN(b)
}

// TestTinyComponents checks the averaged raw indicators of the tiny
// universe (testdata/tiny, years 2000 to 2004) against values worked out
// by hand from the spec.
func TestTinyComponents(t *testing.T) {
	res := compute(t, readTiny(t), 2000, 2004)
	ln := math.Log1p
	tests := []struct {
		name    string
		a, b, y int
		col     string
		want    float64
	}{
		// imp_ba: B's imports from A are flow2 when B is the larger code,
		// flow1 when it is the smaller. One year: 1999 is outside [from, to].
		{"imp_ba, B larger", 2, 20, 2000, "DepImp", 100 * 30.0 / 100},
		{"imp_ba, B smaller", 20, 2, 2000, "DepImp", 100 * 10.0 / 1000},
		{"dep_share, B larger", 2, 20, 2000, "DepShare", 100 * 40.0 / 200},
		{"dep_share, B smaller", 20, 2, 2000, "DepShare", 100 * 40.0 / 2000},
		{"bw_trade, 1 year", 2, 20, 2000, "BWTrade", ln(40)},
		// 2001: flow2 missing counts as 0; 20's exports missing, so its
		// total is its imports, 50.
		{"missing flow, 2 years", 2, 20, 2001, "BWTrade", (ln(20) + ln(40)) / 2},
		{"missing export, 2 years", 20, 2, 2001, "DepShare", (100*20.0/2000 + 100*40.0/2000) / 2},
		{"missing flow as 0 imports", 2, 20, 2001, "DepImp", (0 + 30) / 2.0},
		// 2002: no trade row at all; 3 years.
		{"missing row, 3 years", 2, 20, 2002, "BWTrade", (0 + ln(20) + ln(40)) / 3},
		{"igos, 3 years", 2, 20, 2002, "IGOs", (52 + 51 + 50) / 3.0},
		{"ally, 3 years", 2, 20, 2002, "Ally", (5 + 3 + 3) / 3.0},
		{"ally, other direction", 20, 2, 2002, "Ally", 4},
		// Caps: 200 trades 4000 with 2 on a total of 1000, and imports 3000
		// of its 500 from 2.
		{"dep_share capped", 2, 200, 2000, "DepShare", 100},
		{"dep_imp capped", 2, 200, 2000, "DepImp", 100},
		// tot_b = 0 in 2001: shares are 0.
		{"zero total", 2, 200, 2001, "DepShare", 100.0 / 2},
		// Gap: 2002 is not in the universe for (2, 200); 2003 averages
		// 2003 and 2001, 2004 averages 2004 and 2003.
		{"gap, t and t-2", 2, 200, 2003, "IGOs", (0 + 31) / 2.0},
		{"gap, t and t-1", 2, 200, 2004, "IGOs", (33 + 0) / 2.0},
		{"gap, bw_trade", 2, 200, 2003, "BWTrade", (ln(10) + ln(0)) / 2},
		{"no ally, then nonagg", 200, 2, 2004, "Ally", (1 + 0) / 2.0},
		// Missing state-year of B (200 in 2003): shares 0.
		{"missing state year", 20, 200, 2003, "DepShare", 0},
		{"missing state year, other way", 200, 20, 2003, "DepShare", 100 * 2.0 / 400},
		// (200, 20) has no trade row in 2004: 0, averaged with 2003.
		{"missing row averaged", 200, 20, 2004, "BWTrade", (0 + ln(2)) / 2},
		{"no IGO rows", 200, 20, 2004, "IGOs", 0},
	}
	cols := map[string][]float64{"BWTrade": res.BWTrade, "IGOs": res.IGOs, "Ally": res.Ally,
		"DepShare": res.DepShare, "DepImp": res.DepImp}
	for _, tt := range tests {
		i := row(t, res, tt.a, tt.b, tt.y)
		if got := cols[tt.col][i]; !near(got, tt.want, 1e-12) {
			t.Errorf("%s: %s(%d, %d, %d) = %v, want %v", tt.name, tt.col, tt.a, tt.b, tt.y, got, tt.want)
		}
	}
	if res.Len() != 21 {
		t.Errorf("%d rows, want 21 (the universe less 1999 and 2005)", res.Len())
	}
}

// TestTinyIndex checks bandwidth, dependence and index against the spec's
// formulas applied to the averaged components, and the order of the rows.
func TestTinyIndex(t *testing.T) {
	res := compute(t, readTiny(t), 2000, 2004)
	mx := func(x []float64) float64 { return maxNaN(x) }
	mT, mI, mA := mx(res.BWTrade), mx(res.IGOs), mx(res.Ally)
	n := res.Len()
	bw, dep, idx := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range n {
		bw[i] = 0.49*res.BWTrade[i]/mT + 0.30*res.IGOs[i]/mI + 0.21*res.Ally[i]/mA
		dep[i] = 0.5*math.Log1p(res.DepShare[i]) + 0.5*math.Log1p(res.DepImp[i])
	}
	mB, mD := mx(bw), mx(dep)
	for i := range n {
		bw[i] /= mB
		dep[i] /= mD
		idx[i] = bw[i] * dep[i]
	}
	mX := mx(idx)
	for i := range n {
		idx[i] /= mX
		if !near(res.Bandwidth[i], bw[i], 1e-12) || !near(res.Dependence[i], dep[i], 1e-12) || !near(res.Index[i], idx[i], 1e-12) {
			t.Errorf("row %d (%d %d %d): got %v %v %v, want %v %v %v", i, res.CCode1[i], res.CCode2[i], res.Year[i],
				res.Bandwidth[i], res.Dependence[i], res.Index[i], bw[i], dep[i], idx[i])
		}
		if i > 0 {
			p := [3]int16{res.CCode1[i-1], res.CCode2[i-1], res.Year[i-1]}
			q := [3]int16{res.CCode1[i], res.CCode2[i], res.Year[i]}
			if !(p[0] < q[0] || p[0] == q[0] && (p[1] < q[1] || p[1] == q[1] && p[2] < q[2])) {
				t.Errorf("rows %d and %d out of order: %v, %v", i-1, i, p, q)
			}
		}
	}
	// (2, 200, 2000) has both shares capped and the highest product.
	if i := row(t, res, 2, 200, 2000); res.Index[i] != 1 || res.Dependence[i] != 1 {
		t.Errorf("(2, 200, 2000): index %v, dependence %v, want 1, 1", res.Index[i], res.Dependence[i])
	}
}

// TestPandasFiles compares the CSV output for small universes with the
// pandas reference's, byte for byte. The files were made with
// /usr/bin/python3 ../shared/reference/open_index_pandas.py testdata/NAME OUT
// (years 1950 to 2014, so 1999 and 2005 of the tiny universe are in). The
// edge universe has negative flows (NaN bw_trade: lags that do not count,
// NaN results), pairs given as ccode1 > ccode2 (ignored), self-pairs,
// missing-value markers, a missing alliance flag and extra columns.
func TestPandasFiles(t *testing.T) {
	for _, name := range []string{"tiny", "edge"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", name+"_pandas_1950_2014.csv"))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if err := Build(context.Background(), filepath.Join("testdata", name), DefaultWeights(), 1950, 2014, &out); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("output differs from the reference:\n%s\nwant:\n%s", out.Bytes(), want)
			}
		})
	}
}

// TestZeroMaxima: with no alliances the ally term is 0, not NaN; with no
// trade, dependence and index are 0 everywhere.
func TestZeroMaxima(t *testing.T) {
	in := readTiny(t)
	in.Alliances = Alliances{}
	res := compute(t, in, 2000, 2004)
	for i := range res.Len() {
		if res.Ally[i] != 0 || math.IsNaN(res.Bandwidth[i]) {
			t.Fatalf("no alliances: row %d: ally %v, bandwidth %v", i, res.Ally[i], res.Bandwidth[i])
		}
	}
	in.Trade = Trade{}
	res = compute(t, in, 2000, 2004)
	for i := range res.Len() {
		if res.Dependence[i] != 0 || res.Index[i] != 0 || res.BWTrade[i] != 0 {
			t.Fatalf("no trade: row %d: bw_trade %v, dependence %v, index %v", i, res.BWTrade[i], res.Dependence[i], res.Index[i])
		}
	}
	in = &Inputs{Universe: in.Universe}
	res = compute(t, in, 2000, 2004)
	for i := range res.Len() {
		if res.Bandwidth[i] != 0 || res.Dependence[i] != 0 || res.Index[i] != 0 {
			t.Fatalf("universe only: row %d: %v %v %v, want zeros", i, res.Bandwidth[i], res.Dependence[i], res.Index[i])
		}
	}
}

// TestUnsortedInputs: the order of the input rows does not matter.
func TestUnsortedInputs(t *testing.T) {
	in := readTiny(t)
	want := compute(t, in, 2000, 2004)
	rng := rand.New(rand.NewPCG(1, 2))
	shuffle := func(d *Dyads, vals ...[]float64) {
		rng.Shuffle(d.Len(), func(i, j int) {
			d.CCode1[i], d.CCode1[j] = d.CCode1[j], d.CCode1[i]
			d.CCode2[i], d.CCode2[j] = d.CCode2[j], d.CCode2[i]
			d.Year[i], d.Year[j] = d.Year[j], d.Year[i]
			for _, v := range vals {
				v[i], v[j] = v[j], v[i]
			}
		})
	}
	shuffle(&in.Universe)
	shuffle(&in.Trade.Dyads, in.Trade.Flow1, in.Trade.Flow2)
	shuffle(&in.IGOs.Dyads, in.IGOs.Shared)
	a := &in.Alliances
	shuffle(&a.Dyads, a.Defense, a.Offense, a.Neutral, a.NonAgg, a.Consul)
	got := compute(t, in, 2000, 2004)
	if !equalResults(got, want) {
		t.Error("shuffled inputs give another result")
	}
}

func equalResults(a, b *Result) bool {
	eq16 := func(x, y []int16) bool { return string(int16Bytes(x)) == string(int16Bytes(y)) }
	eqF := func(x, y []float64) bool {
		if len(x) != len(y) {
			return false
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
				return false
			}
		}
		return true
	}
	return eq16(a.CCode1, b.CCode1) && eq16(a.CCode2, b.CCode2) && eq16(a.Year, b.Year) &&
		eqF(a.BWTrade, b.BWTrade) && eqF(a.IGOs, b.IGOs) && eqF(a.Ally, b.Ally) &&
		eqF(a.DepShare, b.DepShare) && eqF(a.DepImp, b.DepImp) &&
		eqF(a.Bandwidth, b.Bandwidth) && eqF(a.Dependence, b.Dependence) && eqF(a.Index, b.Index)
}

func int16Bytes(x []int16) []byte {
	b := make([]byte, 0, 2*len(x))
	for _, v := range x {
		b = append(b, byte(v), byte(v>>8))
	}
	return b
}

func TestComputeErrors(t *testing.T) {
	tiny := readTiny(t)
	tests := []struct {
		name     string
		edit     func(in *Inputs)
		w        influence.Weights
		from, to int
		want     string
	}{
		{"bad years", nil, nil, 2004, 2000, "bad year range"},
		{"missing weight", nil, DefaultWeights()[1:], 2000, 2004, "no weight for bandwidth trade"},
		{"short column", func(in *Inputs) { in.Trade.Flow2 = in.Trade.Flow2[1:] }, nil, 2000, 2004, "trade: columns differ in length"},
		{"code out of range", func(in *Inputs) { in.Universe.CCode2[3] = 1000 }, nil, 2000, 2004, "state code out of range"},
		{"universe twice", func(in *Inputs) { in.Universe.Year[2] = in.Universe.Year[1] }, nil, 2000, 2004, "universe: dyad 2 20 year 2000 given twice"},
		{"trade twice", func(in *Inputs) { in.Trade.Year[2] = in.Trade.Year[1] }, nil, 2000, 2004, "trade: dyad 2 20 year 2000 given twice"},
		{"IGOs twice", func(in *Inputs) { in.IGOs.Year[1] = in.IGOs.Year[0] }, nil, 2000, 2004, "IGOs: dyad 2 20 year 2000 given twice"},
		{"alliances twice", func(in *Inputs) { in.Alliances.Year[1] = in.Alliances.Year[0] }, nil, 2000, 2004, "alliances: dyad 2 20 year 2000 given twice"},
		{"state trade twice", func(in *Inputs) { in.StateTrade.Year[1] = in.StateTrade.Year[0] }, nil, 2000, 2004, "state trade: state 2 year 2000 given twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := cloneInputs(tiny)
			if tt.edit != nil {
				tt.edit(in)
			}
			w := tt.w
			if w == nil {
				w = DefaultWeights()
			}
			_, err := Compute(context.Background(), in, w, tt.from, tt.to)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func cloneInputs(in *Inputs) *Inputs {
	c16 := func(x []int16) []int16 { return append([]int16(nil), x...) }
	cf := func(x []float64) []float64 { return append([]float64(nil), x...) }
	cd := func(d Dyads) Dyads { return Dyads{c16(d.CCode1), c16(d.CCode2), c16(d.Year)} }
	a := &in.Alliances
	return &Inputs{
		Universe:   cd(in.Universe),
		Trade:      Trade{cd(in.Trade.Dyads), cf(in.Trade.Flow1), cf(in.Trade.Flow2)},
		StateTrade: StateTrade{c16(in.StateTrade.CCode), c16(in.StateTrade.Year), cf(in.StateTrade.Imports), cf(in.StateTrade.Exports)},
		IGOs:       IGOs{cd(in.IGOs.Dyads), cf(in.IGOs.Shared)},
		Alliances:  Alliances{cd(a.Dyads), cf(a.Defense), cf(a.Offense), cf(a.Neutral), cf(a.NonAgg), cf(a.Consul)},
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadDir(ctx, tinyDir); !errors.Is(err, context.Canceled) {
		t.Errorf("ReadDir: %v, want context.Canceled", err)
	}
	if _, err := Compute(ctx, readTiny(t), DefaultWeights(), 2000, 2004); !errors.Is(err, context.Canceled) {
		t.Errorf("Compute: %v, want context.Canceled", err)
	}
}

func TestWeights(t *testing.T) {
	w := DefaultWeights()
	if err := CheckWeights(w, WeightsFile); err != nil {
		t.Fatal(err)
	}
	want := map[[2]string]float64{
		{"bandwidth", "trade"}: 0.49, {"bandwidth", "igos"}: 0.30, {"bandwidth", "ally"}: 0.21,
		{"dependence", "dep_share"}: 0.5, {"dependence", "dep_imp"}: 0.5,
		{"ally", "defense"}: 3, {"ally", "offense"}: 2, {"ally", "neutral"}: 1, {"ally", "nonagg"}: 1, {"ally", "consul"}: 1,
	}
	if len(w) != len(want) {
		t.Errorf("%d weights, want %d", len(w), len(want))
	}
	for k, v := range want {
		if got, ok := w.Get(k[0], k[1]); !ok || got != v {
			t.Errorf("%s %s = %v, %v; want %v", k[0], k[1], got, ok, v)
		}
	}
	extra := append(DefaultWeights(), influence.Weight{Part: "bandwidth", Indicator: "oil", Value: 1})
	if err := CheckWeights(extra, "my.csv"); err == nil || !strings.Contains(err.Error(), "my.csv: unknown indicator bandwidth oil") {
		t.Errorf("extra weight: %v", err)
	}
	// Weights change the numbers: bandwidth from trade alone.
	trade := DefaultWeights()
	for i := range trade {
		if trade[i].Part == "bandwidth" && trade[i].Indicator != "trade" {
			trade[i].Value = 0
		}
	}
	in := readTiny(t)
	res, err := Compute(context.Background(), in, trade, 2000, 2004)
	if err != nil {
		t.Fatal(err)
	}
	m := maxNaN(res.BWTrade)
	for i := range res.Len() {
		if !near(res.Bandwidth[i], res.BWTrade[i]/m, 1e-15) {
			t.Errorf("trade-only bandwidth of row %d = %v, want %v", i, res.Bandwidth[i], res.BWTrade[i]/m)
		}
	}
	// The alliance coefficients too: defense 0 leaves (2, 20, 2002) with offense only.
	ally := DefaultWeights()
	for i := range ally {
		if ally[i].Indicator == "defense" {
			ally[i].Value = 0
		}
	}
	res, err = Compute(context.Background(), in, ally, 2000, 2004)
	if err != nil {
		t.Fatal(err)
	}
	if i := row(t, res, 2, 20, 2002); res.Ally[i] != 2.0/3 {
		t.Errorf("ally without defense = %v, want 2/3", res.Ally[i])
	}
}

// TestRandom compares Compute with a direct transcription of the spec on
// random inputs, and checks the properties every result has.
func TestRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for iter := range 200 {
		in := randomInputs(rng)
		from, to := 1990+rng.IntN(3), 1995+rng.IntN(3)
		res, err := Compute(context.Background(), in, DefaultWeights(), from, to)
		if err != nil {
			t.Fatalf("iteration %d: %v", iter, err)
		}
		checkProperties(t, res)
		want := spec(in, from, to)
		if len(want) != res.Len() {
			t.Fatalf("iteration %d: %d rows, want %d", iter, res.Len(), len(want))
		}
		for i := range res.Len() {
			k := [3]int{int(res.CCode1[i]), int(res.CCode2[i]), int(res.Year[i])}
			w, ok := want[k]
			got := [8]float64{res.BWTrade[i], res.IGOs[i], res.Ally[i], res.DepShare[i], res.DepImp[i], res.Bandwidth[i], res.Dependence[i], res.Index[i]}
			if !ok {
				t.Fatalf("iteration %d: row %v not in the universe", iter, k)
			}
			for j := range w {
				if !near(got[j], w[j], 1e-12*max(1, math.Abs(w[j]))) {
					t.Fatalf("iteration %d: row %v: got %v, want %v", iter, k, got, w)
				}
			}
		}
	}
}

// checkProperties checks that bandwidth, dependence and index lie in
// [0, 1] and that the greatest index is 1 when any is positive.
func checkProperties(t *testing.T, res *Result) {
	t.Helper()
	for name, col := range map[string][]float64{"bandwidth": res.Bandwidth, "dependence": res.Dependence, "index": res.Index} {
		m := 0.0
		for i, v := range col {
			if !(v >= 0 && v <= 1) {
				t.Fatalf("%s of row %d = %v, outside [0, 1]", name, i, v)
			}
			m = max(m, v)
		}
		if m > 0 && m != 1 {
			t.Errorf("greatest %s %v, want 1", name, m)
		}
	}
}

// randomInputs returns a small random universe over 4 to 6 states and the
// years 1988 to 1999 with gaps, and random tables with missing values,
// rows outside the universe and large values (to reach the caps).
func randomInputs(rng *rand.Rand) *Inputs {
	codes := []int16{2, 20, 200, 365, 705, 710}[:4+rng.IntN(3)]
	in := &Inputs{}
	val := func(scale float64) float64 {
		switch rng.IntN(8) {
		case 0:
			return math.NaN()
		case 1:
			return 0
		}
		return math.Round(rng.Float64()*scale*100) / 100
	}
	add := func(d *Dyads, a, b int16, y int) {
		d.CCode1 = append(d.CCode1, a)
		d.CCode2 = append(d.CCode2, b)
		d.Year = append(d.Year, int16(y))
	}
	for _, a := range codes {
		for _, b := range codes {
			if a == b {
				continue
			}
			for y := 1988; y <= 1999; y++ {
				if rng.IntN(4) > 0 {
					add(&in.Universe, a, b, y)
				}
				if rng.IntN(3) == 0 {
					s := rng.Float64()
					add(&in.Alliances.Dyads, a, b, y)
					for _, f := range []*[]float64{&in.Alliances.Defense, &in.Alliances.Offense, &in.Alliances.Neutral, &in.Alliances.NonAgg, &in.Alliances.Consul} {
						*f = append(*f, float64(rng.IntN(2)))
					}
					if s < 0.05 {
						in.Alliances.Consul[len(in.Alliances.Consul)-1] = math.NaN()
					}
				}
				if a < b && rng.IntN(3) > 0 {
					add(&in.Trade.Dyads, a, b, y)
					in.Trade.Flow1 = append(in.Trade.Flow1, val(1000))
					in.Trade.Flow2 = append(in.Trade.Flow2, val(1000))
				}
				if a < b && rng.IntN(3) > 0 {
					add(&in.IGOs.Dyads, a, b, y)
					in.IGOs.Shared = append(in.IGOs.Shared, val(100))
				}
			}
		}
	}
	for _, c := range append(codes, 999) {
		for y := 1988; y <= 1999; y++ {
			if rng.IntN(5) > 0 {
				s := &in.StateTrade
				s.CCode = append(s.CCode, c)
				s.Year = append(s.Year, int16(y))
				s.Imports = append(s.Imports, val(3000))
				s.Exports = append(s.Exports, val(3000))
			}
		}
	}
	return in
}

// spec computes the open index by a direct transcription of the spec's
// steps with maps, for the default weights. It returns, by (ccode1,
// ccode2, year), bw_trade, igos, ally, dep_share, dep_imp (averaged),
// bandwidth, dependence and index.
func spec(in *Inputs, from, to int) map[[3]int][8]float64 {
	type key = [3]int
	z := func(x float64) float64 {
		if math.IsNaN(x) {
			return 0
		}
		return x
	}
	universe := map[key]bool{}
	for i := range in.Universe.Year {
		if y := int(in.Universe.Year[i]); y >= from && y <= to {
			universe[key{int(in.Universe.CCode1[i]), int(in.Universe.CCode2[i]), y}] = true
		}
	}
	flows := map[key][2]float64{}
	for i := range in.Trade.Year {
		flows[key{int(in.Trade.CCode1[i]), int(in.Trade.CCode2[i]), int(in.Trade.Year[i])}] = [2]float64{z(in.Trade.Flow1[i]), z(in.Trade.Flow2[i])}
	}
	states := map[[2]int][2]float64{}
	for i := range in.StateTrade.Year {
		s := &in.StateTrade
		states[[2]int{int(s.CCode[i]), int(s.Year[i])}] = [2]float64{z(s.Imports[i]), z(s.Exports[i])}
	}
	igos := map[key]float64{}
	for i := range in.IGOs.Year {
		igos[key{int(in.IGOs.CCode1[i]), int(in.IGOs.CCode2[i]), int(in.IGOs.Year[i])}] = z(in.IGOs.Shared[i])
	}
	ally := map[key]float64{}
	al := &in.Alliances
	for i := range al.Year {
		ally[key{int(al.CCode1[i]), int(al.CCode2[i]), int(al.Year[i])}] = z(3*al.Defense[i] + 2*al.Offense[i] + al.Neutral[i] + al.NonAgg[i] + al.Consul[i])
	}
	raw := map[key][5]float64{}
	for k := range universe {
		a, b, y := k[0], k[1], k[2]
		lo, hi := min(a, b), max(a, b)
		f := flows[key{lo, hi, y}]
		trade := f[0] + f[1]
		impBA := f[1]
		if b == lo {
			impBA = f[0]
		}
		st := states[[2]int{b, y}]
		impB, totB := st[0], st[0]+st[1]
		share := func(x, tot float64) float64 {
			if tot <= 0 {
				return 0
			}
			return min(100, 100*x/tot)
		}
		raw[k] = [5]float64{math.Log1p(trade), igos[key{lo, hi, y}], ally[k], share(trade, totB), share(impBA, impB)}
	}
	out := map[key][8]float64{}
	var maxima [8]float64
	for k := range universe {
		var v [8]float64
		n := 0.0
		for lag := range 3 {
			if r, ok := raw[key{k[0], k[1], k[2] - lag}]; ok {
				n++
				for j := range 5 {
					v[j] += r[j]
				}
			}
		}
		for j := range 5 {
			v[j] /= n
			maxima[j] = max(maxima[j], v[j])
		}
		out[k] = v
	}
	norm := func(x, m float64) float64 {
		if m > 0 {
			return x / m
		}
		return 0
	}
	for k, v := range out {
		v[5] = 0.49*norm(v[0], maxima[0]) + 0.30*norm(v[1], maxima[1]) + 0.21*norm(v[2], maxima[2])
		v[6] = 0.5*math.Log1p(v[3]) + 0.5*math.Log1p(v[4])
		maxima[5], maxima[6] = max(maxima[5], v[5]), max(maxima[6], v[6])
		out[k] = v
	}
	for k, v := range out {
		v[5], v[6] = norm(v[5], maxima[5]), norm(v[6], maxima[6])
		v[7] = v[5] * v[6]
		maxima[7] = max(maxima[7], v[7])
		out[k] = v
	}
	for k, v := range out {
		v[7] = norm(v[7], maxima[7])
		out[k] = v
	}
	return out
}

// TestReadDirTiny checks what ReadDir reads from the tiny files: columns
// found by name in any order, missing values as NaN.
func TestReadDirTiny(t *testing.T) {
	in := readTiny(t)
	tr := &in.Trade
	if tr.Len() != 9 || tr.CCode1[1] != 2 || tr.CCode2[1] != 20 || tr.Year[1] != 2000 || tr.Flow1[1] != 10 || tr.Flow2[1] != 30 {
		t.Errorf("trade row 2: %d %d %d %v %v", tr.CCode1[1], tr.CCode2[1], tr.Year[1], tr.Flow1[1], tr.Flow2[1])
	}
	if !math.IsNaN(tr.Flow2[2]) || !math.IsNaN(tr.Flow1[3]) || tr.Flow1[7] != 7.5 {
		t.Errorf("trade: flow2 %v, flow1 %v, want NaN, NaN; flow1 %v, want 7.5", tr.Flow2[2], tr.Flow1[3], tr.Flow1[7])
	}
	if n := in.Universe.Len(); n != 23 {
		t.Errorf("universe: %d rows, want 23", n)
	}
	if s := &in.StateTrade; s.Len() != 13 || !math.IsNaN(s.Exports[6]) {
		t.Errorf("state trade: %d rows, exports %v", s.Len(), s.Exports[6])
	}
	if a := &in.Alliances; a.Len() != 11 || a.Offense[2] != 1 || a.NonAgg[10] != 1 {
		t.Errorf("alliances: %d rows", a.Len())
	}
	if g := &in.IGOs; g.Len() != 9 || !math.IsNaN(g.Shared[7]) {
		t.Errorf("IGOs: %d rows, shared %v", g.Len(), g.Shared[7])
	}
	if _, err := ReadDir(context.Background(), filepath.Join(t.TempDir(), "none")); err == nil || !strings.Contains(err.Error(), "cow_ddy.csv") {
		t.Errorf("missing directory: %v", err)
	}
}

// TestNegativeZero: the reference's sums start from 0.0, so a -0 flow
// averages to 0, not -0.
func TestNegativeZero(t *testing.T) {
	negz := math.Copysign(0, -1)
	in := &Inputs{
		Universe: Dyads{CCode1: []int16{2, 20}, CCode2: []int16{20, 2}, Year: []int16{2000, 2000}},
		Trade:    Trade{Dyads{[]int16{2}, []int16{20}, []int16{2000}}, []float64{negz}, []float64{negz}},
		StateTrade: StateTrade{CCode: []int16{2, 20}, Year: []int16{2000, 2000},
			Imports: []float64{1, 1}, Exports: []float64{1, 1}},
	}
	res := compute(t, in, 2000, 2000)
	for i := range res.Len() {
		for _, v := range []float64{res.BWTrade[i], res.DepShare[i], res.DepImp[i], res.Bandwidth[i], res.Dependence[i], res.Index[i]} {
			if v != 0 || math.Signbit(v) {
				t.Errorf("row %d: %v, want +0", i, v)
			}
		}
	}
}
