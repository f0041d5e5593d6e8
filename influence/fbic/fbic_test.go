package fbic

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/influence"
)

// tol is the largest deviation allowed from the published values.
const tol = 1e-6

// sharedData is the shared open data folder: $LEVERAGE_TESTDATA, or
// ../shared/data beside the repository (relative to this directory).
func sharedData() string {
	if dir := os.Getenv("LEVERAGE_TESTDATA"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// samplePath returns the released sample, skipping the test when it is absent.
func samplePath(t testing.TB) string {
	t.Helper()
	p := filepath.Join(sharedData(), "fbic", "fbic_sample_dev.csv")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("FBIC sample not found (%v): set LEVERAGE_TESTDATA to the folder holding fbic/fbic_sample_dev.csv", err)
	}
	return p
}

// readCSV returns a CSV file's header and rows.
func readCSV(t testing.TB, r io.Reader) ([]string, [][]string) {
	t.Helper()
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) == 0 {
		t.Fatal("no header")
	}
	return recs[0], recs[1:]
}

// deviation compares a computed value with a published cell: both missing,
// or both numbers. It returns the absolute difference, or +Inf when one is
// missing and the other is not.
func deviation(got float64, cell string) float64 {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		if math.IsNaN(got) {
			return 0
		}
		return math.Inf(1)
	}
	want, err := strconv.ParseFloat(cell, 64)
	if err != nil || math.IsNaN(got) {
		return math.Inf(1)
	}
	return math.Abs(got - want)
}

// TestSample recomputes every row of the released sample and compares every
// output column, the un-normalised totals and the maxima with the published
// ones.
func TestSample(t *testing.T) {
	path := samplePath(t)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, rows := readCSV(t, bytes.NewReader(raw))
	pub := map[string]int{}
	for i, h := range head {
		pub[h] = i
	}

	tab, err := Read(context.Background(), bytes.NewReader(raw), path)
	if err != nil {
		t.Fatal(err)
	}
	if tab.Len() != len(rows) || !tab.Plus {
		t.Fatalf("read %d rows (plus %v), want %d with plus", tab.Len(), tab.Plus, len(rows))
	}
	w := DefaultWeights()
	if m := DefaultMaxima(w); m != ReleaseMaxima() {
		t.Fatalf("DefaultMaxima(DefaultWeights()) = %+v, want the release's", m)
	}
	res := Compute(tab, w, ReleaseMaxima())

	cols := res.Columns()
	for _, s := range []struct {
		sc     *Scores
		suffix string
	}{{&res.Standard, ""}, {res.Plus, "_plus"}} {
		cols = append(cols,
			Column{"bandwidth_nonnorm" + s.suffix, s.sc.BandwidthNonnorm},
			Column{"dependence_nonnorm" + s.suffix, s.sc.DependenceNonnorm},
			Column{"fbic_nonnorm" + s.suffix, s.sc.FBICNonnorm})
	}
	if len(cols) != 22 {
		t.Fatalf("%d columns, want 22", len(cols))
	}
	worst, worstAt := 0.0, ""
	written := len(res.Columns())
	for k, c := range cols {
		if k == written {
			t.Logf("%d rows, %d written columns: worst deviation %.3g (%s)", len(rows), written, worst, worstAt)
		}
		j, ok := pub[c.Name]
		if !ok {
			t.Errorf("column %s not in the sample", c.Name)
			continue
		}
		for i, row := range rows {
			d := deviation(c.Values[i], row[j])
			if d > tol {
				t.Errorf("row %d (%s %s %s) %s = %v, published %q", i+2, row[pub["iso3a"]], row[pub["iso3b"]], row[pub["year"]], c.Name, c.Values[i], row[j])
			}
			if d > worst {
				worst, worstAt = d, fmt.Sprintf("%s, row %d", c.Name, i+2)
			}
		}
	}
	t.Logf("%d rows, %d columns with the un-normalised totals: worst deviation %.3g (%s)", len(rows), len(cols), worst, worstAt)

	// The maxima columns are the release's constants, blank before PlusFrom
	// for FBIC-plus.
	m := ReleaseMaxima()
	for _, c := range []struct {
		name string
		v    float64
		plus bool
	}{
		{"bandwidthmax", m.Bandwidth, false}, {"dependencemax", m.Dependence, false}, {"fbicmax", m.FBIC, false},
		{"bandwidthmax_plus", m.BandwidthPlus, true}, {"dependencemax_plus", m.DependencePlus, true}, {"fbicmax_plus", m.FBICPlus, true},
	} {
		for i, row := range rows {
			want := c.v
			if c.plus && tab.Year[i] < PlusFrom {
				want = math.NaN()
			}
			if d := deviation(want, row[pub[c.name]]); d > 0 {
				t.Errorf("row %d: %s = %q, want %v", i+2, c.name, row[pub[c.name]], want)
			}
		}
	}

	// Build writes the same values, in input order.
	var out bytes.Buffer
	if err := Build(context.Background(), bytes.NewReader(raw), path, nil, &out); err != nil {
		t.Fatal(err)
	}
	bhead, brows := readCSV(t, &out)
	if len(brows) != len(rows) {
		t.Fatalf("Build wrote %d rows, want %d", len(brows), len(rows))
	}
	for j, name := range bhead[3:] {
		for i, row := range brows {
			if row[0] != rows[i][pub["iso3a"]] || row[1] != rows[i][pub["iso3b"]] || row[2] != rows[i][pub["year"]] {
				t.Fatalf("Build row %d is %v, want the input's row %d", i+2, row[:3], i+2)
			}
			v := math.NaN()
			if row[j+3] != "" {
				v, _ = strconv.ParseFloat(row[j+3], 64)
			}
			if d := deviation(v, rows[i][pub[name]]); d > tol {
				t.Errorf("Build row %d %s = %q, published %q", i+2, name, row[j+3], rows[i][pub[name]])
			}
		}
	}
}

// TestSamplePanelMaxima normalises the sample by its own maxima.
func TestSamplePanelMaxima(t *testing.T) {
	f, err := os.Open(samplePath(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := Read(context.Background(), f, f.Name())
	if err != nil {
		t.Fatal(err)
	}
	res := Compute(tab, DefaultWeights(), PanelMaxima())
	for _, s := range []*Scores{&res.Standard, res.Plus} {
		for name, col := range map[string][]float64{"bandwidth": s.Bandwidth, "dependence": s.Dependence, "fbic": s.FBIC} {
			if m := maxOf(col); math.Abs(m-1) > 1e-12 {
				t.Errorf("max %s = %v, want 1", name, m)
			}
		}
	}
	if !(res.Maxima.Bandwidth < ReleaseMaxima().Bandwidth) {
		t.Errorf("sample bandwidth maximum %v, want below the release's", res.Maxima.Bandwidth)
	}
}

func maxOf(xs []float64) float64 {
	m := math.Inf(-1)
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}

// nan marks a missing expected value.
var nan = math.NaN()

// TestFixture checks testdata/small.csv (three rows, only the needed
// columns and one other, shuffled) against values worked out by hand.
func TestFixture(t *testing.T) {
	ln2 := math.Ln2
	m := ReleaseMaxima()
	const b1 = 1.0 // bandwidth_nonnorm of row 1: every indicator 1, weights sum to 1
	tests := []struct {
		col  string
		want [3]float64 // RUS KAZ 2015, KAZ RUS 2005, CHN USA 2020
	}{
		{"politicalbandwidth", [3]float64{0.11 + 0.19, 0.11*0.5 + 0.19*0.25, nan}},
		{"economicbandwidth", [3]float64{0.35 + 0.14, 0, 0.35 + 0.14}},
		{"securitybandwidth", [3]float64{0.13 + 0.08, 0, 0.13 + 0.08}},
		{"economicdependence", [3]float64{0.21*ln2 + 0.28*2*ln2, 0, 0}},
		{"securitydependence", [3]float64{(0.10 + 0.13) * ln2, 0, (0.10 + 0.13) * ln2}},
		{"bandwidth", [3]float64{b1 / m.Bandwidth, 0.1025 / m.Bandwidth, nan}},
		{"dependence", [3]float64{ln2 / m.Dependence, 0, 0.23 * ln2 / m.Dependence}},
		{"fbic", [3]float64{(b1 / m.Bandwidth) * (ln2 / m.Dependence) / m.FBIC, 0, nan}},
		{"politicalbandwidth_plus", [3]float64{0.148 + 0.091, nan, 0.148 + 0.091}},
		{"economicbandwidth_plus", [3]float64{0.162 + 0.155 + 0.181, nan, 0.162 + 0.155 + 0.181}},
		{"securitybandwidth_plus", [3]float64{0.155 + 0.108, nan, 0.155 + 0.108}},
		{"economicdependence_plus", [3]float64{(0.091 + 0.103 + 0.092*2) * ln2, 0.091 * ln2, nan}},
		{"securitydependence_plus", [3]float64{(0.112 + 0.110) * ln2, 0, (0.112 + 0.110) * ln2}},
		{"bandwidth_plus", [3]float64{1 / m.BandwidthPlus, nan, 1 / m.BandwidthPlus}},
		{"dependence_plus", [3]float64{0.6 * ln2 / m.DependencePlus, nan, nan}},
		{"fbic_plus", [3]float64{(1 / m.BandwidthPlus) * (0.6 * ln2 / m.DependencePlus) / m.FBICPlus, nan, nan}},
	}
	tab := readFile(t, "testdata/small.csv")
	if got := fmt.Sprint(tab.ISO3A, tab.ISO3B, tab.Year); got != "[RUS KAZ CHN] [KAZ RUS USA] [2015 2005 2020]" {
		t.Fatalf("keys %s", got)
	}
	got := map[string][]float64{}
	for _, c := range Compute(tab, DefaultWeights(), ReleaseMaxima()).Columns() {
		got[c.Name] = c.Values
	}
	if len(got) != len(tests) {
		t.Errorf("%d columns, want %d", len(got), len(tests))
	}
	for _, tc := range tests {
		for i, want := range tc.want {
			g := got[tc.col]
			if len(g) != 3 {
				t.Fatalf("%s: %d rows", tc.col, len(g))
			}
			if math.IsNaN(want) != math.IsNaN(g[i]) || math.Abs(g[i]-want) > 1e-12 {
				t.Errorf("row %d %s = %v, want %v", i+1, tc.col, g[i], want)
			}
		}
	}
}

func readFile(t testing.TB, path string) *Table {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := Read(context.Background(), f, path)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestBuild checks the CSV written for the fixture.
func TestBuild(t *testing.T) {
	f, err := os.Open("testdata/small.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	if err := Build(context.Background(), f, "small.csv", nil, &out); err != nil {
		t.Fatal(err)
	}
	head, rows := readCSV(t, &out)
	wantHead := "iso3a,iso3b,year,politicalbandwidth,economicbandwidth,securitybandwidth,economicdependence,securitydependence,bandwidth,dependence,fbic," +
		"politicalbandwidth_plus,economicbandwidth_plus,securitybandwidth_plus,economicdependence_plus,securitydependence_plus,bandwidth_plus,dependence_plus,fbic_plus"
	if got := strings.Join(head, ","); got != wantHead {
		t.Errorf("header\n%s\nwant\n%s", got, wantHead)
	}
	tests := []struct {
		row        int
		col, value string
	}{
		{0, "iso3a", "RUS"},
		{1, "year", "2005"},
		{1, "securitybandwidth", "0"},
		{1, "bandwidth_plus", ""},
		{1, "dependence_plus", ""},
		{2, "fbic", ""},
		{2, "economicbandwidth", "0.49"},
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	if v, err := strconv.ParseFloat(rows[1][indexOf(head, "politicalbandwidth")], 64); err != nil || math.Abs(v-0.1025) > 1e-15 {
		t.Errorf("row 2 politicalbandwidth = %v (%v), want 0.1025", v, err)
	}
	for _, tc := range tests {
		j := indexOf(head, tc.col)
		if got := rows[tc.row][j]; got != tc.value {
			t.Errorf("row %d %s = %q, want %q", tc.row+1, tc.col, got, tc.value)
		}
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestStandardOnly reads a file without the FBIC-plus inputs.
func TestStandardOnly(t *testing.T) {
	in := "year,iso3a,iso3b,norm_lor_avg_ma,norm_igos_ma,norm_lntotaltrade_ma,norm_tradeagreement_ma,norm_allianceindex_ma,norm_armstotalstock_ma," +
		"aidabgdpb_ma,aidaballaidb_ma,totaltradeabgdpb_ma,totaltradeaballtradeb_ma,armimportstockabmilstockb_ma,armsimportsstockaballimstockb_ma\n" +
		"2010,FRA,DEU,1,1,1,1,1,1,0,0,0,0,0,0\n"
	var out bytes.Buffer
	if err := Build(context.Background(), strings.NewReader(in), "std.csv", nil, &out); err != nil {
		t.Fatal(err)
	}
	want := "iso3a,iso3b,year,politicalbandwidth,economicbandwidth,securitybandwidth,economicdependence,securitydependence,bandwidth,dependence,fbic\n" +
		"FRA,DEU,2010,0.3,0.49,0.21000000000000002,0,0," + strconv.FormatFloat(1/3.1831572, 'g', -1, 64) + ",0,0\n"
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

// TestWeights checks custom weights, zero weights and the maxima they get.
func TestWeights(t *testing.T) {
	tab := readFile(t, "testdata/small.csv")
	set := func(part, ind string, v float64) influence.Weights {
		w := DefaultWeights()
		for i := range w {
			if w[i].Part == part && w[i].Indicator == ind {
				w[i].Value = v
			}
		}
		return w
	}
	tests := []struct {
		name string
		w    influence.Weights
		col  string
		row  int
		want float64
	}{
		{"default", DefaultWeights(), "politicalbandwidth", 0, 0.30},
		{"heavier LOR", set(PartBandwidth, "norm_lor_avg_ma", 0.5), "politicalbandwidth", 0, 0.5 + 0.19},
		{"IGOs dropped: their missing value no longer counts", set(PartBandwidth, "norm_igos_ma", 0), "politicalbandwidth", 2, 0.11},
		{"OOF share of GDP dropped", set(PartDependencePlus, "oofabgdpb_ma", 0), "economicdependence_plus", 2, (0.091 + 0.096 + 0.098) * math.Ln2},
		{"heavier trade dependence", set(PartDependence, "totaltradeabgdpb_ma", 1), "economicdependence", 0, 0.21*math.Ln2 + 2*math.Ln2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := CheckWeights(tc.w, "w.csv"); err != nil {
				t.Fatal(err)
			}
			res := Compute(tab, tc.w, DefaultMaxima(tc.w))
			var got float64
			for _, c := range res.Columns() {
				if c.Name == tc.col {
					got = c.Values[tc.row]
				}
			}
			if math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("%s row %d = %v, want %v", tc.col, tc.row+1, got, tc.want)
			}
			if IsDefault(tc.w) != (tc.name == "default") || DefaultMaxima(tc.w).FromPanel == (tc.name == "default") {
				t.Errorf("IsDefault %v, DefaultMaxima %+v", IsDefault(tc.w), DefaultMaxima(tc.w))
			}
		})
	}
}

// TestPanelMaxima checks that panel maxima make the largest normalised
// value 1 and ignore FBIC-plus rows before PlusFrom.
func TestPanelMaxima(t *testing.T) {
	tab := readFile(t, "testdata/small.csv")
	res := Compute(tab, DefaultWeights(), PanelMaxima())
	for _, c := range res.Columns() {
		switch strings.TrimSuffix(c.Name, "_plus") {
		case "bandwidth", "dependence", "fbic":
			if m := maxOf(c.Values); m != 1 {
				t.Errorf("max %s = %v, want 1", c.Name, m)
			}
		}
	}
	m := res.Maxima
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-15 }
	if !m.FromPanel || !near(m.Bandwidth, 1) || !near(m.Dependence, math.Ln2) || !near(m.BandwidthPlus, 1) || !near(m.DependencePlus, 0.6*math.Ln2) {
		t.Errorf("maxima %+v", m)
	}
	if !math.IsNaN(res.Plus.Dependence[1]) {
		t.Errorf("dependence_plus before %d = %v, want missing", PlusFrom, res.Plus.Dependence[1])
	}
	// A panel with nothing to normalise leaves the normalised columns missing.
	empty := Compute(&Table{Inputs: map[string][]float64{}}, DefaultWeights(), PanelMaxima())
	if len(empty.Standard.FBIC) != 0 || !math.IsNaN(empty.Maxima.Bandwidth) {
		t.Errorf("empty panel: %+v", empty)
	}
	zero := &Table{ISO3A: []string{"A"}, ISO3B: []string{"B"}, Year: []int{2000}, Inputs: map[string][]float64{}}
	for _, name := range []string{"norm_lor_avg_ma", "norm_igos_ma", "norm_lntotaltrade_ma", "norm_tradeagreement_ma", "norm_allianceindex_ma", "norm_armstotalstock_ma",
		"aidabgdpb_ma", "aidaballaidb_ma", "totaltradeabgdpb_ma", "totaltradeaballtradeb_ma", "armimportstockabmilstockb_ma", "armsimportsstockaballimstockb_ma"} {
		zero.Inputs[name] = []float64{0}
	}
	r := Compute(zero, DefaultWeights(), PanelMaxima())
	if r.Standard.Bandwidth[0] == r.Standard.Bandwidth[0] || r.Standard.BandwidthNonnorm[0] != 0 {
		t.Errorf("all-zero panel: bandwidth %v (nonnorm %v), want missing (0)", r.Standard.Bandwidth[0], r.Standard.BandwidthNonnorm[0])
	}
}

// TestCheckWeights checks the weights' shape.
func TestCheckWeights(t *testing.T) {
	if err := CheckWeights(DefaultWeights(), "w.csv"); err != nil {
		t.Fatalf("default weights: %v", err)
	}
	parse := func(body string) influence.Weights {
		w, err := influence.ParseWeights(strings.NewReader(influence.WeightsHeader+"\n"+body), "w.csv")
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	var def bytes.Buffer
	if err := DefaultWeights().WriteCSV(&def); err != nil {
		t.Fatal(err)
	}
	body := strings.SplitN(def.String(), "\n", 2)[1]
	tests := []struct {
		name string
		w    influence.Weights
		want string
	}{
		{"missing", parse(strings.Replace(body, "bandwidth,political,norm_lor_avg_ma,0.11\n", "", 1)), "w.csv: no weight for bandwidth norm_lor_avg_ma"},
		{"unknown", parse(body + "bandwidth,political,lor_avg,1\n"), "w.csv: unknown indicator bandwidth lor_avg"},
		{"dimension", parse(strings.Replace(body, "bandwidth,political,norm_igos_ma", "bandwidth,economic,norm_igos_ma", 1)), `w.csv: weight of bandwidth norm_igos_ma: dimension must be political, got "economic"`},
		{"all zero", func() influence.Weights {
			w := DefaultWeights()
			for i := range w {
				if w[i].Part == PartDependencePlus {
					w[i].Value = 0
				}
			}
			return w
		}(), "w.csv: the weights of part dependence_plus are all zero"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckWeights(tc.w, "w.csv")
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

// TestReadErrors checks the errors Read reports.
func TestReadErrors(t *testing.T) {
	fixture, err := os.ReadFile("testdata/small.csv")
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(fixture), "\n")
	rename := func(from, to string) string {
		return strings.Replace(head, ","+from+",", ","+to+",", 1) + "\n" + body
	}
	// Column positions in the fixture's first data row.
	row1 := strings.SplitN(body, "\n", 2)[0]
	igos := indexOf(strings.Split(head, ","), "norm_igos_ma")
	col := len(strings.Join(strings.Split(row1, ",")[:igos], ",")) + 2
	bad := func(field, value string) string {
		cells := strings.Split(row1, ",")
		cells[indexOf(strings.Split(head, ","), field)] = value
		return head + "\n" + strings.Join(cells, ",") + "\n"
	}
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "f.csv: empty file: want a header row"},
		{"missing column", rename("norm_igos_ma", "igos"), "f.csv:1: missing column norm_igos_ma"},
		{"missing key", rename("iso3b", "iso3_b"), "f.csv:1: missing column iso3b"},
		{"partial plus", rename("oofabgdpb_ma", "oof"), "f.csv:1: missing column oofabgdpb_ma (the header has other FBIC-plus inputs, which need it)"},
		{"twice", rename("norm_igos_ma_plus", "norm_igos_ma"), "f.csv:1: column norm_igos_ma given twice"},
		{"bad number", bad("norm_igos_ma", "abc"), fmt.Sprintf(`f.csv:2:%d: field norm_igos_ma: want a number, got "abc"`, col)},
		{"infinite", bad("norm_igos_ma", "Inf"), fmt.Sprintf(`f.csv:2:%d: field norm_igos_ma: want a number, got "Inf"`, col)},
		{"bad year", bad("year", "20x5"), "field year: want a year, got \"20x5\""},
		{"missing year", bad("year", ""), "field year: want a year, got \"\""},
		{"short row", head + "\n1,2\n", "f.csv:2:1: wrong number of fields"},
		{"bare quote", head + "\na\"b\n", `f.csv:2:2: bare " in non-quoted-field`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(context.Background(), strings.NewReader(tc.in), "f.csv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, bytes.NewReader(fixture), "f.csv"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

// TestMissingSpellings checks the spellings of a missing value.
func TestMissingSpellings(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"", nan, true}, {" ", nan, true}, {".", nan, true}, {".a", nan, true}, {".z", nan, true},
		{"NA", nan, true}, {"na", nan, true}, {"N/A", nan, true}, {"NaN", nan, true},
		{"0", 0, true}, {"1e-3", 0.001, true}, {" 2.5 ", 2.5, true}, {"-1", -1, true},
		{"Inf", 0, false}, {"-inf", 0, false}, {".A1", 0, false}, {"x", 0, false}, {"..", 0, false},
	}
	for _, tc := range tests {
		got, ok := parseNumber(tc.in)
		if ok != tc.ok || ok && (math.IsNaN(got) != math.IsNaN(tc.want) || !math.IsNaN(got) && got != tc.want) {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzRead checks that Read, Compute and WriteCSV never panic, and that
// every row read is written.
func FuzzRead(f *testing.F) {
	fixture, err := os.ReadFile("testdata/small.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(fixture)
	f.Add([]byte(""))
	f.Add([]byte("iso3a,iso3b,year\nA,B,1\n"))
	f.Add(bytes.ReplaceAll(fixture, []byte("1"), []byte("-1")))
	f.Fuzz(func(t *testing.T, in []byte) {
		tab, err := Read(context.Background(), bytes.NewReader(in), "fuzz.csv")
		if err != nil {
			return
		}
		for _, m := range []Maxima{ReleaseMaxima(), PanelMaxima()} {
			var out bytes.Buffer
			if err := WriteCSV(&out, tab, Compute(tab, DefaultWeights(), m)); err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(out.Bytes(), []byte("\n")); n < tab.Len()+1 {
				t.Fatalf("%d lines written for %d rows", n, tab.Len())
			}
		}
	})
}

// BenchmarkBuild measures Build over the released sample.
func BenchmarkBuild(b *testing.B) {
	raw, err := os.ReadFile(samplePath(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if err := Build(context.Background(), bytes.NewReader(raw), "sample.csv", nil, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
