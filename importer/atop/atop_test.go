package atop

import (
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/importer"
	"github.com/leverage-dev/leverage/importer/importertest"
)

func TestImport(t *testing.T) {
	r, err := Import(importertest.Files(t, "testdata", "atop_alliance.csv"))
	if err != nil {
		t.Fatal(err)
	}
	importertest.Check(t, r)
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
	if got := importertest.Rows(r); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
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
		_, err := Import([]importer.File{{Name: "f.csv", Data: []byte(tc.in)}})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Import(%q):\ngot  %v\nwant %s", tc.in, err, tc.want)
		}
	}
}

func TestSharedData(t *testing.T) {
	if testing.Short() {
		t.Skip("imports over a million rows")
	}
	r, err := Import(importertest.ReadShared(t, "peacesciencer/atop_alliance.csv"))
	if err != nil {
		t.Fatal(err)
	}
	importertest.Check(t, r)
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

func FuzzImport(f *testing.F) {
	for _, fl := range importertest.Files(f, "testdata", "atop_alliance.csv") {
		f.Add(fl.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := Import([]importer.File{{Name: "f.csv", Data: data}}); err == nil {
			importertest.Check(t, r)
		}
	})
}
