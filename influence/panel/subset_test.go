package panel

import (
	"bytes"
	"compress/gzip"
	"context"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/sqlite"
)

func testSubset() *Subset {
	return &Subset{File: "data/index/x.csv.gz", Version: "0123456789abcdef", States: []int{705, 365}, From: 2013, To: 2014,
		Sources: []string{"cow-trade-v4", "atop-5.1"}, Data: "COW Trade 4.0, ATOP 5.1"}
}

func TestSubsetDescription(t *testing.T) {
	s := testSubset()
	desc := s.String()
	if want := "builtin=data/index/x.csv.gz; version=0123456789abcdef; states=705 365; years=2013-2014; sources=cow-trade-v4 atop-5.1; data=COW Trade 4.0, ATOP 5.1"; desc != want {
		t.Errorf("String() = %q, want %q", desc, want)
	}
	got, ok := ParseSubset(desc)
	if !ok || got.File != s.File || got.Version != s.Version || !slices.Equal(got.States, s.States) || got.From != 2013 || got.To != 2014 ||
		!slices.Equal(got.Sources, s.Sources) || got.Data != s.Data {
		t.Errorf("ParseSubset(%q) = %+v, %v", desc, got, ok)
	}
	// What "leverage index build" records is no subset.
	for _, in := range []string{"", "files in ../shared/data/peacesciencer", "imported cow-states 2016; cow-trade 4.0", "FBIC file x.csv",
		"builtin=x; version=v", "builtin=x; version=v; states=a; years=1-2; sources=; data=", "builtin=x; version=v; states=1; years=12; sources=; data="} {
		if s, ok := ParseSubset(in); ok {
			t.Errorf("ParseSubset(%q) = %+v, want no subset", in, s)
		}
	}
}

func TestCheckRanking(t *testing.T) {
	full := &leverage.InfluencePanel{Profile: "open", Inputs: "files in dir"}
	sub := &leverage.InfluencePanel{Profile: "open", Inputs: testSubset().String()}
	for _, tt := range []struct {
		p       *leverage.InfluencePanel
		a, b, y int
		want    string // "" for nil
	}{
		{full, 0, 704, 1980, ""},
		{sub, 0, 705, 0, ""},
		{sub, 365, 0, 2014, ""},
		{sub, 0, 704, 0, "ranks only the influencers and targets of KAZ (COW 705) and RUS (COW 365); to rank the influencers of UZB (COW 704)"},
		{sub, 2, 0, 0, "to rank the targets of USA (COW 2)"},
		{sub, 0, 705, 2012, "covers 2013 to 2014; for 2012"},
	} {
		err := CheckRanking(tt.p, tt.a, tt.b, tt.y)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("CheckRanking(%q, %d, %d, %d) = %v", tt.p.Inputs, tt.a, tt.b, tt.y, err)
		case tt.want != "" && (leverage.ErrorCode(err) != leverage.ENOTFOUND || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "leverage index build --profile open")):
			t.Errorf("CheckRanking(%d, %d, %d) = %v, want ENOTFOUND with %q", tt.a, tt.b, tt.y, err, tt.want)
		}
	}
}

// smallPanel is the open panel of the small universe, with one NaN
// component.
func smallPanel(t *testing.T) *leverage.InfluencePanel {
	t.Helper()
	w := open.DefaultWeights()
	r, err := open.Compute(context.Background(), inputs(), w, 2012, 2014)
	if err != nil {
		t.Fatal(err)
	}
	p := FromOpen(r, w, "test", now)
	for i := range p.Len() {
		if p.A[i] == 2 && p.B[i] == 705 && p.Year[i] == 2014 {
			p.Parts[3][i] = math.NaN()
		}
	}
	return p
}

func TestSubsetFile(t *testing.T) {
	full := smallPanel(t)
	s := testSubset()
	sub := Take(full, []int{705}, 2013, 2014)
	// 3 other states as influencers and as targets of 705, in 2 years.
	if sub.Len() != 12 || len(sub.Parts) != len(full.Parts) || len(sub.Parts[0]) != 12 {
		t.Fatalf("Take kept %d rows, want 12", sub.Len())
	}
	for i := range sub.Len() {
		if sub.A[i] != 705 && sub.B[i] != 705 || sub.Year[i] < 2013 {
			t.Errorf("Take kept row %d→%d %d", sub.A[i], sub.B[i], sub.Year[i])
		}
	}
	var b bytes.Buffer
	s.States = []int{705}
	if err := WriteSubset(&b, sub, s, []string{"A comment.", "", "Two\nlines."}); err != nil {
		t.Fatal(err)
	}
	gz := b.Bytes()
	content, err := Uncompress(gz)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(content, []byte("# A comment.\n#\n# Two\n# lines.\n# states: 705\n# years: 2013-2014\n# sources: cow-trade-v4 atop-5.1\n# data: COW Trade 4.0, ATOP 5.1\n"+
		"a,b,year,bandwidth,dependence,index,bandwidth.trade,bandwidth.igos,bandwidth.ally,dependence.dep_share,dependence.dep_imp\n2,705,2013,")) {
		t.Errorf("file starts\n%s", content[:min(len(content), 400)])
	}
	p, got, err := ReadSubset(gz, "x.csv.gz", "open", open.DefaultWeights(), now)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != FileVersion(gz) || got.File != "x.csv.gz" || !slices.Equal(got.States, []int{705}) || p.Inputs != got.String() || p.Len() != sub.Len() {
		t.Errorf("read %d rows, subset %+v", p.Len(), got)
	}
	if p.Weights != full.Weights || !slices.Equal(p.Components, full.Components) || p.BuiltAt != "2026-11-26T00:00:00Z" {
		t.Errorf("read weights %q, components %v, built at %s", p.Weights, p.Components, p.BuiltAt)
	}
	near := func(x, y float64) bool {
		return x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) <= 5e-12*math.Abs(y)
	}
	for i := range sub.Len() {
		vals := [][2]float64{{p.Bandwidth[i], sub.Bandwidth[i]}, {p.Dependence[i], sub.Dependence[i]}, {p.Index[i], sub.Index[i]}}
		for j := range sub.Parts {
			vals = append(vals, [2]float64{p.Parts[j][i], sub.Parts[j][i]})
		}
		for _, v := range vals {
			if p.A[i] != sub.A[i] || p.B[i] != sub.B[i] || p.Year[i] != sub.Year[i] || !near(v[0], v[1]) {
				t.Fatalf("row %d: %d→%d %d %v, want %d→%d %d %v", i, p.A[i], p.B[i], p.Year[i], v[0], sub.A[i], sub.B[i], sub.Year[i], v[1])
			}
		}
	}
	// The same arguments give the same bytes.
	var again bytes.Buffer
	if err := WriteSubset(&again, sub, s, []string{"A comment.", "", "Two\nlines."}); err != nil || !bytes.Equal(again.Bytes(), gz) {
		t.Errorf("a second write differs (%v)", err)
	}
	if err := WriteSubset(&again, full, &Subset{States: []int{705}, From: 2013, To: 2014, Data: "a; b"}, nil); err == nil {
		t.Error("WriteSubset took data holding a semicolon")
	}
}

func TestReadSubsetErrors(t *testing.T) {
	const head = "# states: 705\n# years: 2013-2014\n# sources: s\n# data: d\na,b,year,bandwidth,dependence,index,c1\n"
	for _, tt := range []struct{ content, want string }{
		{head + "2,705,2013,1,1,1,1\n2,705,2014,1,1,x,1\n", "f.gz:7: field 6: want a number"},
		{head + "2,705,2013,1,1,1\n", "f.gz:6: 6 fields, want 7"},
		{head + "2,7.5,2013,1,1,1,1\n", "f.gz:6: field 2: want an integer"},
		{"# states: 705\n# years: 2013-2014\na,b,year,x\n", "f.gz:3: header"},
		{"# states: x\n", "f.gz:1: states"},
		{"# states: 705\na,b,year,bandwidth,dependence,index,c1\n", "the comments do not give the states and years"},
		{"# years: 2013\n", "f.gz:1: years"},
		{"# states: 705\n# years: 2013-2014\n", "no header row"},
	} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(tt.content))
		zw.Close()
		_, _, err := ReadSubset(b.Bytes(), "f.gz", "open", open.DefaultWeights(), now)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.content, err, tt.want)
		}
	}
	if _, _, err := ReadSubset([]byte("not gzip"), "f.gz", "open", open.DefaultWeights(), now); err == nil || !strings.HasPrefix(err.Error(), "f.gz: ") {
		t.Errorf("not gzip: %v", err)
	}
}

// TestSeriesOnSubset checks that Series ranks the influencers of a
// subset's state as in the full panel, and refuses the others.
func TestSeriesOnSubset(t *testing.T) {
	ctx := context.Background()
	full := smallPanel(t)
	var b bytes.Buffer
	s := testSubset()
	s.States = []int{705}
	if err := WriteSubset(&b, Take(full, s.States, s.From, s.To), s, nil); err != nil {
		t.Fatal(err)
	}
	sub, _, err := ReadSubset(b.Bytes(), "x.csv.gz", "open", open.DefaultWeights(), now)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	stores := map[string]*sqlite.DB{}
	for name, p := range map[string]*leverage.InfluencePanel{"full": full, "sub": sub} {
		st, err := sqlite.Open(ctx, filepath.Join(dir, name+".db"))
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if err := st.ReplaceInfluence(ctx, p, nil); err != nil {
			t.Fatal(err)
		}
		stores[name] = st
	}
	for _, a := range []int{2, 365, 710} {
		_, want, err := Series(ctx, stores["full"], "open", a, 705, 2013, 2014)
		if err != nil {
			t.Fatal(err)
		}
		_, got, err := Series(ctx, stores["sub"], "open", a, 705, 0, 0)
		if err != nil || len(got) != 2 || len(want) != 2 {
			t.Fatalf("series %d over 705: %d points (%v), want 2", a, len(got), err)
		}
		for i := range got {
			if got[i].Rank != want[i].Rank || got[i].Of != want[i].Of || got[i].Year != want[i].Year {
				t.Errorf("series %d over 705, %d: rank %d of %d, want %d of %d", a, got[i].Year, got[i].Rank, got[i].Of, want[i].Rank, want[i].Of)
			}
		}
	}
	// 705's rows over 365 are there, but not 365's other influencers.
	if _, _, err := Series(ctx, stores["sub"], "open", 705, 365, 0, 0); leverage.ErrorCode(err) != leverage.ENOTFOUND {
		t.Errorf("series 705 over 365 on the subset: %v, want ENOTFOUND", err)
	}
}
