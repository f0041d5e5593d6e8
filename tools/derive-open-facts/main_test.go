package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

// committed is the generated file, relative to this package's directory.
var committed = filepath.Join("..", "..", "data", "facts", "open-data.csv")

// sharedData is the shared open data folder: $LEVERAGE_TESTDATA, or
// ../shared/data beside the repository (relative to this directory).
func sharedData() string {
	if dir := os.Getenv("LEVERAGE_TESTDATA"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// derived runs the derivation once for all tests.
var derived = sync.OnceValues(func() ([]byte, error) {
	out, _, err := generate(sharedData())
	return out, err
})

// derive returns the derived file, skipping the test when the shared data
// are absent.
func derive(t *testing.T) []byte {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedData(), tradeNDY)); err != nil {
		t.Skipf("shared open data not found (%v): set LEVERAGE_TESTDATA to the folder holding peacesciencer/, cepii/ and un_migrant_stock/", err)
	}
	out, err := derived()
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDerive(t *testing.T) {
	facts, err := data.ParseFacts(bytes.NewReader(derive(t)), "open-data.csv")
	if err != nil {
		t.Fatalf("output does not parse: %v", err)
	}

	// Every fact follows its relation in data/relations.csv.
	rf, err := os.Open(filepath.Join("..", "..", "data", "relations.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer rf.Close()
	rels, err := data.ParseRelations(rf, "relations.csv")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]float64{}
	for _, f := range facts {
		i := slices.IndexFunc(rels, func(r *leverage.Relation) bool { return r.ID == f.Relation })
		switch {
		case i < 0:
			t.Errorf("%s: unknown relation %s", f.ID, f.Relation)
		case !slices.Contains(rels[i].Units, f.Unit):
			t.Errorf("%s: unit %q not allowed for %s", f.ID, f.Unit, f.Relation)
		case (rels[i].Kind == "annual") != (f.Year != 0):
			t.Errorf("%s: year %d does not fit %s relation %s", f.ID, f.Year, rels[i].Kind, f.Relation)
		case rels[i].Object != (f.Object != ""):
			t.Errorf("%s: object %q does not fit relation %s", f.ID, f.Object, f.Relation)
		}
		v, _ := f.Float()
		byID[f.ID] = v
	}

	// Spot values from research/flagship-facts.md, "Figures computed from
	// the open data files"; round gives the precision quoted there.
	for _, c := range []struct {
		id    string
		want  float64
		round float64
	}{
		{"cow-trade-2014-kaz-rus-exports", 7097, 1},
		{"cow-trade-2014-rus-kaz-exports", 15524, 1},
		{"cow-trade-2014-kaz-rus-imports", 15524, 1},
		{"cow-trade-2014-rus-kaz-imports", 7097, 1},
		{"cow-trade-2000-kaz-rus-exports", 2197, 1},
		{"cow-trade-2010-rus-kaz-exports", 5058, 1},
		{"cow-trade-2014-kaz-imports-total", 48176, 1},
		{"cow-trade-2014-kaz-exports-total", 55484, 1},
		{"cow-trade-2014-rus-imports-total", 285844, 1},
		{"cow-trade-2014-rus-exports-total", 497615, 1},
		{"igo-2014-kaz-rus", 47, 1},
		{"igo-2014-rus-kaz", 47, 1},
		{"igo-2014-kaz-total", 55, 1}, // full memberships (sum_igo_full)
		{"igo-2014-rus-total", 88, 1},
		{"atop-2018-rus-kaz", 1, 1},
		{"atop-2018-kaz-rus", 1, 1},
		{"contig-rus-kaz", 1, 1},
		{"cepii-distcap-rus-kaz", 2270.8, 0.1},
		{"cepii-distcap-kaz-rus", 2270.8, 0.1},
		{"nmc-2022-rus-cinc", 0.03820, 0.00001},
		{"nmc-2022-kaz-cinc", 0.00266, 0.00001},
		{"nmc-2014-rus-cinc", 0.03920, 0.00001},
		{"nmc-2014-kaz-cinc", 0.00286, 0.00001},
		{"nmc-2022-rus-milex", 74742000, 1},
		{"nmc-2022-kaz-milex", 1867000, 1},
		{"unmig-2019-kaz-from-rus", 2458414, 1},
		{"unmig-2019-rus-from-kaz", 2559711, 1},
		{"unmig-1990-kaz-from-rus", 2474111, 1},
		{"unmig-2000-rus-from-kaz", 2571681, 1},
	} {
		got, ok := byID[c.id]
		if !ok {
			t.Errorf("%s: missing", c.id)
		} else if math.Round(got/c.round) != math.Round(c.want/c.round) {
			t.Errorf("%s = %v, want %v", c.id, got, c.want)
		}
	}
	for _, f := range facts {
		if f.ID == "contig-rus-kaz" && (f.Valid.From.String() != "1991-12" || !f.Valid.To.IsZero()) {
			t.Errorf("contig-rus-kaz: period %v, want from 1991-12, open", f.Valid)
		}
	}
}

// TestCommittedFileIsFresh fails when data/facts/open-data.csv differs from
// a fresh derivation, so that it cannot go stale.
func TestCommittedFileIsFresh(t *testing.T) {
	out := derive(t)
	got, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, out) {
		t.Errorf("%s is stale: run `go run ./tools/derive-open-facts` in the repository root", committed)
	}
}
