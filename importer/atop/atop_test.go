package atop

import (
	"testing"

	"github.com/leverage-dev/leverage/importer/importertest"
)

func TestImport(t *testing.T) {
	r := importertest.Import(t, Import, importertest.Files(t, "testdata", "atop_alliance.csv"))
	want := []string{
		"atop.defense 2 20 1942 1",
		"atop.defense 365 705 2018 1",
		"atop.defense 705 365 2018 1",
		"atop.offense 2 20 1942 1",
		"atop.offense 365 705 2018 0",
		"atop.offense 705 365 2018 0",
		"atop.neutral 2 20 1942 0",
		"atop.neutral 365 705 2018 1",
		"atop.neutral 705 365 2018 0", // directed: the two rows differ
		"atop.nonagg 2 20 1942 0",
		"atop.nonagg 365 705 2018 1",
		"atop.nonagg 705 365 2018 1",
		"atop.consul 365 705 2018 1",
		"atop.consul 705 365 2018 1",
	}
	importertest.WantRows(t, r, want)
}

func TestErrors(t *testing.T) {
	const head = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
	for _, tc := range []struct {
		in, want string
	}{
		{head + "2,20,1942,1,1,0,0,x\n", `f.csv:2:19: field atop_consul: want a number, got "x"`},
		{head + "2,20,1942,1,1,0,0,3\n", `f.csv:2:19: field atop_consul: want 0 or 1, got "3"`},
		{head + "2,20,1942,1,1,0,0,0\n2,20,1942,1,1,0,0,0\n", `f.csv:3: pair (2, 20) in 1942: repeats the row at f.csv:2`},
		{head + "2,2,1942,1,1,0,0,0\n", `f.csv:2:3: field ccode2: want a state other than ccode1 2, got "2"`},
		{"ccode1,ccode2,year,atop_defense\n", `f.csv:1: missing column atop_offense (the header has ccode1, ccode2, year, atop_defense)`},
		{"ccode1,ccode2,year\n", `f.csv:1: not an ATOP file: want the columns ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul`},
	} {
		importertest.WantError(t, Import, tc.in, tc.want)
	}
}

func TestSharedData(t *testing.T) {
	if testing.Short() {
		t.Skip("imports over a million rows")
	}
	r := importertest.Import(t, Import, importertest.ReadShared(t, "peacesciencer/atop_alliance.csv"))
	if n := r.Observations.Len(); n != 5*273296 {
		t.Errorf("%d rows, want %d", n, 5*273296)
	}
	for _, v := range []string{Defense, Neutral, Nonagg, Consul} {
		for _, ab := range [][2]int{{365, 705}, {705, 365}} {
			if x, ok := importertest.Value(r, v, ab[0], ab[1], 2018); !ok || x != 1 {
				t.Errorf("%s (%d, %d) in 2018 = %v, %v; want 1", v, ab[0], ab[1], x, ok)
			}
		}
	}
}

func FuzzImport(f *testing.F) { importertest.Fuzz(f, Import, "atop_alliance.csv") }
