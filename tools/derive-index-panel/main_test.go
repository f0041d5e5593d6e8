package main

import (
	"bytes"
	"cmp"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/influence/panel"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/sqlite"
)

// committed is the generated file, relative to this package's directory.
var committed = filepath.Join("..", "..", "data", "index", "open-panel.csv.gz")

// sharedData is the shared open data folder: $LEVERAGE_TESTDATA, or
// ../shared/data beside the repository (relative to this directory).
func sharedData() string {
	if dir := os.Getenv("LEVERAGE_TESTDATA"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// built is the full panel and the derived file, made once for all tests.
var derived = sync.OnceValues(func() (*built, error) {
	ctx := context.Background()
	full, err := fullPanel(ctx, sharedData())
	if err != nil {
		return nil, err
	}
	file, _, err := generate(ctx, sharedData())
	return &built{full, file}, err
})

type built struct {
	full *leverage.InfluencePanel
	file []byte
}

// derive returns the full panel and the derived file, skipping the test
// when the shared data are absent.
func derive(t *testing.T) *built {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedData(), inputDir, open.FileUniverse)); err != nil {
		t.Skipf("shared open data not found (%v): set LEVERAGE_TESTDATA to the folder holding peacesciencer/", err)
	}
	b, err := derived()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readCommitted reads the committed file into a panel.
func readCommitted(t *testing.T) (*leverage.InfluencePanel, *panel.Subset) {
	t.Helper()
	gz, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	p, s, err := panel.ReadSubset(gz, "data/index/open-panel.csv.gz", "open", open.DefaultWeights(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return p, s
}

// TestCommittedFileIsFresh fails when data/index/open-panel.csv.gz differs
// from a fresh derivation, so that it cannot go stale. The CSV content is
// compared byte for byte, not the gzip stream, which another release of Go
// may compress differently.
func TestCommittedFileIsFresh(t *testing.T) {
	b := derive(t)
	gz, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	got, err := panel.Uncompress(gz)
	if err != nil {
		t.Fatal(err)
	}
	want, err := panel.Uncompress(b.file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run `go run ./tools/derive-index-panel` in the repository root", committed)
	}
	if len(gz) > 1<<20 {
		t.Errorf("%s is %d bytes: keep the built-in panel under 1 MiB", committed, len(gz))
	}
}

// TestSubsetRows checks the subset's rows against the full panel: exactly
// the rows of its states and years, with the same values to the 12
// significant digits of the file.
func TestSubsetRows(t *testing.T) {
	full := derive(t).full
	sub, s := readCommitted(t)
	if !slices.Equal(s.States, subset.States) || s.From != subset.From || s.To != subset.To || !slices.Equal(s.Sources, subset.Sources) {
		t.Fatalf("file metadata %+v, want %+v", s, subset)
	}
	if last := slices.Max(full.Year); int(last) != s.To {
		t.Errorf("subset ends in %d, the full panel in %d", s.To, last)
	}
	if !slices.Equal(sub.Components, full.Components) {
		t.Errorf("components %v, want %v", sub.Components, full.Components)
	}
	type key struct{ a, b, year int32 }
	row := map[key]int{}
	for i := range sub.Len() {
		row[key{sub.A[i], sub.B[i], sub.Year[i]}] = i
	}
	near := func(x, y float64) bool {
		return x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) <= 5e-12*math.Abs(y)
	}
	kept := 0
	for i := range full.Len() {
		want := int(full.Year[i]) >= s.From && int(full.Year[i]) <= s.To && (s.Has(int(full.A[i])) || s.Has(int(full.B[i])))
		j, ok := row[key{full.A[i], full.B[i], full.Year[i]}]
		if ok != want {
			t.Fatalf("row %d→%d %d: in the subset %v, want %v", full.A[i], full.B[i], full.Year[i], ok, want)
		}
		if !ok {
			continue
		}
		kept++
		vals := [][2]float64{{sub.Bandwidth[j], full.Bandwidth[i]}, {sub.Dependence[j], full.Dependence[i]}, {sub.Index[j], full.Index[i]}}
		for c := range full.Parts {
			vals = append(vals, [2]float64{sub.Parts[c][j], full.Parts[c][i]})
		}
		for c, v := range vals {
			if !near(v[0], v[1]) {
				t.Errorf("row %d→%d %d, value %d: %v, want %v", full.A[i], full.B[i], full.Year[i], c, v[0], v[1])
			}
		}
	}
	if kept != sub.Len() {
		t.Errorf("%d rows of the full panel kept, the file holds %d", kept, sub.Len())
	}
}

// rankKey orders rows as the stores do: index, largest first, then
// influencer and target.
func rankKey(p *leverage.InfluencePanel) func(i, j int) int {
	return func(i, j int) int {
		return cmp.Or(cmp.Compare(p.Index[j], p.Index[i]), cmp.Compare(p.A[i], p.A[j]), cmp.Compare(p.B[i], p.B[j]))
	}
}

// cached answers each query once from the store, as the series of every
// influencer of a target read the same rows.
type cached struct {
	leverage.InfluenceService
	answers map[leverage.InfluenceQuery]cachedAnswer
}

type cachedAnswer struct {
	p    *leverage.InfluencePanel
	rows []leverage.InfluenceRow
}

func (c *cached) Influence(ctx context.Context, q leverage.InfluenceQuery) (*leverage.InfluencePanel, []leverage.InfluenceRow, error) {
	if a, ok := c.answers[q]; ok {
		return a.p, a.rows, nil
	}
	p, rows, err := c.InfluenceService.Influence(ctx, q)
	if err == nil {
		c.answers[q] = cachedAnswer{p, rows}
	}
	return p, rows, err
}

// TestRanksMatchFullPanel stores the committed subset as the command line
// does and checks that every ranking it allows, and every rank of a series,
// equals the one of the full panel, whose values have all their digits.
func TestRanksMatchFullPanel(t *testing.T) {
	full := derive(t).full
	sub, s := readCommitted(t)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.ReplaceInfluence(ctx, sub, nil); err != nil {
		t.Fatal(err)
	}
	cw, err := country.Load()
	if err != nil {
		t.Fatal(err)
	}
	cache := &cached{InfluenceService: st, answers: map[leverage.InfluenceQuery]cachedAnswer{}}

	// The full panel's rankings, by target and year and by influencer and
	// year: the rows in rank order.
	type side struct{ state, year int32 }
	influencers, targets := map[side][]int{}, map[side][]int{}
	for i := range full.Len() {
		if y := int(full.Year[i]); y < s.From || y > s.To {
			continue
		}
		k := side{full.B[i], full.Year[i]}
		influencers[k] = append(influencers[k], i)
		k = side{full.A[i], full.Year[i]}
		targets[k] = append(targets[k], i)
	}
	for _, m := range []map[side][]int{influencers, targets} {
		for _, rows := range m {
			slices.SortFunc(rows, rankKey(full))
		}
	}

	checked := 0
	for _, state := range s.States {
		code := query.StateOf(cw, state).Code
		// Series: the rank and count of every influencer of the state.
		rank := map[[2]int32][2]int{} // {a, year} -> {rank, of}
		var as []int32
		for y := s.From; y <= s.To; y++ {
			rows := influencers[side{int32(state), int32(y)}]
			for r, i := range rows {
				rank[[2]int32{full.A[i], full.Year[i]}] = [2]int{r + 1, len(rows)}
				if !slices.Contains(as, full.A[i]) {
					as = append(as, full.A[i])
				}
			}
		}
		for _, a := range as {
			_, pts, err := panel.Series(ctx, cache, "open", int(a), state, 0, 0)
			if err != nil {
				t.Fatalf("series %d over %d: %v", a, state, err)
			}
			n := 0
			for _, p := range pts {
				want, ok := rank[[2]int32{a, int32(p.Year)}]
				if !ok || p.Rank != want[0] || p.Of != want[1] {
					t.Errorf("series %d over %s, %d: rank %d of %d, want %v", a, code, p.Year, p.Rank, p.Of, want)
				}
				n++
			}
			for y := s.From; y <= s.To; y++ {
				if _, ok := rank[[2]int32{a, int32(y)}]; ok {
					n--
				}
			}
			if n != 0 {
				t.Errorf("series %d over %s: %d points, %d fewer or more than the full panel", a, code, len(pts), n)
			}
			checked++
		}

		// Top lists, both ways, for every year: every row, in order.
		for y := s.From; y <= s.To; y++ {
			for _, q := range []query.TopQuery{{Target: code}, {Source: code}} {
				want := influencers[side{int32(state), int32(y)}]
				if q.Source != "" {
					want = targets[side{int32(state), int32(y)}]
				}
				q.Profile, q.Year, q.N = "open", y, 1000
				top, err := query.RankTop(ctx, st, cw, q)
				if err != nil {
					t.Fatalf("%+v: %v", q, err)
				}
				if len(top.Rows) != len(want) {
					t.Fatalf("%+v: %d rows, want %d", q, len(top.Rows), len(want))
				}
				for r, i := range want {
					other := full.A[i]
					if q.Source != "" {
						other = full.B[i]
					}
					if got := top.Rows[r]; got.COW != int(other) || got.Rank != r+1 {
						t.Errorf("%+v: rank %d is %d (rank %d), want %d", q, r+1, got.COW, got.Rank, other)
						break
					}
				}
			}
		}
	}
	if checked < 3*150 {
		t.Errorf("checked %d series, want every influencer of the subset's states", checked)
	}

	// The flagship pair, as docs/methodology.md and the index tests quote it.
	_, pts, err := panel.Series(ctx, st, "open", 365, 705, 2014, 2014)
	if err != nil || len(pts) != 1 || pts[0].Rank != 1 || math.Abs(pts[0].Index-0.657440) > 5e-7 {
		t.Errorf("Russia over Kazakhstan in 2014: %+v, %v; want rank 1, index 0.657440", pts, err)
	}

	// Rankings the subset cannot give are refused, not made up.
	for _, q := range []query.TopQuery{{Target: "UZB"}, {Source: "DEU"}, {Target: "KAZ", Year: 1991}} {
		q.Profile, q.N = "open", 10
		if _, err := query.RankTop(ctx, st, cw, q); leverage.ErrorCode(err) != leverage.ENOTFOUND {
			t.Errorf("%+v: %v, want ENOTFOUND", q, err)
		}
	}
	if _, _, err := panel.Series(ctx, st, "open", 365, 704, 0, 0); leverage.ErrorCode(err) != leverage.ENOTFOUND {
		t.Errorf("series RUS over UZB: %v, want ENOTFOUND (UZB's other influencers are not in the subset)", err)
	}
}
