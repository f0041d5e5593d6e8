package unmigrant

import (
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/importer/importertest"
)

func TestImport(t *testing.T) {
	r := importertest.Import(t, importertest.WithCrosswalk(t, Import), importertest.Files(t, "testdata", "migrant_stock.csv"))
	want := []string{
		"un-migrant.stock 365 705 2019 2559711",
		"un-migrant.stock 365 731 2019 41",
		"un-migrant.stock 705 365 1990 2474111",
		"un-migrant.stock 705 365 2019 2458414",
		"un-migrant.stock 705 640 1990 12",
	}
	importertest.WantRows(t, r, want)
	if want := []string{"Caribbean", "China, Hong Kong SAR", "Micronesia"}; !slices.Equal(r.Unplaced, want) {
		t.Errorf("unplaced %q, want %q", r.Unplaced, want)
	}
}

func TestErrors(t *testing.T) {
	run := importertest.WithCrosswalk(t, Import)
	for _, tc := range []struct {
		in, want string
	}{
		{"Year,Dest,Kazakhstan\n2019,Russian Federation,12x\n", `f.csv:2:25: field Kazakhstan: want a number, got "12x"`},
		{"Year,Dest,Kazakhstan\n2019,Russian Federation,-5\n", `f.csv:2:25: field Kazakhstan: want a number of at least 0, got "-5"`},
		{"Year,Dest,Kazakhstan\n20x9,Russia,1\n", `f.csv:2:1: field Year: want a year, got "20x9"`},
		{"Year,Dest,Kazakhstan\n2019,Russia,1\n2019,Russian Federation,2\n", `f.csv:3: destination 365 in 2019: repeats the row at f.csv:2`},
		{"Year,Dest,Russia,Russian Federation\n", `f.csv:1: columns "Russia" and "Russian Federation" are both state 365`},
		{"Year,Dest,Kazakhstan\n2019,,1\n", `f.csv:2:6: field Dest: want a destination, got ""`},
		{"Year,Destination\n", `f.csv:1: not a UN migrant stock file: want the columns Year, Dest and one column per country of origin`},
	} {
		importertest.WantError(t, run, tc.in, tc.want)
	}
}

func TestSharedData(t *testing.T) {
	files := importertest.ReadShared(t, "un_migrant_stock/UN_MigrantStockByOriginAndDestination_2019_clean.csv")
	r := importertest.Import(t, importertest.WithCrosswalk(t, Import), files)
	if n := r.Observations.Len(); n != 69279 {
		t.Errorf("%d rows, want 69279", n)
	}
	// From research/flagship-facts.md.
	for _, c := range []struct {
		dest, origin, year int
		want               float64
	}{
		{705, 365, 2019, 2458414},
		{365, 705, 2019, 2559711},
		{705, 365, 1990, 2474111},
		{365, 705, 2000, 2571681},
	} {
		if got, ok := importertest.Value(r, Stock, c.dest, c.origin, c.year); !ok || got != c.want {
			t.Errorf("stock in %d from %d in %d = %v, %v; want %v", c.dest, c.origin, c.year, got, ok, c.want)
		}
	}
	// Every state of the file is placed: what is left are regions and
	// territories.
	for _, name := range []string{"Caribbean", "Micronesia", "Channel Islands", "China, Hong Kong SAR", "State of Palestine", "Puerto Rico"} {
		if !slices.Contains(r.Unplaced, name) {
			t.Errorf("%q not reported as unplaced", name)
		}
	}
	if len(r.Unplaced) != 43 {
		t.Errorf("%d unplaced names, want 43: %q", len(r.Unplaced), r.Unplaced)
	}
}

func FuzzImport(f *testing.F) {
	importertest.Fuzz(f, importertest.WithCrosswalk(f, Import), "migrant_stock.csv")
}
