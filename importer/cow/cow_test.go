package cow

import (
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/importer/importertest"
)

func TestImport(t *testing.T) {
	for _, tc := range []struct {
		name    string
		run     importertest.Func
		files   []string
		layouts []string
		rows    []string // every observation, in order
	}{
		{"trade peacesciencer", ImportTrade, []string{"cow_trade_ndy.csv", "cow_trade_sy.csv"},
			[]string{"peacesciencer cow_trade_ndy", "peacesciencer cow_trade_sy"},
			[]string{
				"cow-trade.flow 2 20 1920 612",
				"cow-trade.flow 20 2 1920 735",
				"cow-trade.flow 365 705 2014 7097",
				"cow-trade.flow 705 365 2013 9000",
				"cow-trade.flow 705 365 2014 15524",
				"cow-trade.smoothflow 2 20 1920 612",
				"cow-trade.smoothflow 20 2 1920 735",
				"cow-trade.smoothflow 365 705 2014 7097",
				"cow-trade.smoothflow 705 365 2014 15524",
				"cow-trade.imports 365 0 2014 285844",
				"cow-trade.imports 705 0 2014 48176",
				"cow-trade.exports 705 0 2014 55484",
			}},
		{"trade COW 4.0 with -9", ImportTrade, []string{"Dyadic_COW_4.0.csv", "National_COW_4.0.csv"},
			[]string{"COW Dyadic_COW_4.0", "COW National_COW_4.0"},
			[]string{
				"cow-trade.flow 2 20 1920 611.85999",
				"cow-trade.flow 20 2 1920 735.47998",
				"cow-trade.flow 705 365 1993 1200.5",
				"cow-trade.smoothflow 2 20 1920 611.85999",
				"cow-trade.smoothflow 20 2 1920 735.47998",
				"cow-trade.smoothflow 705 365 1993 1180",
				"cow-trade.imports 705 0 1993 3887.8",
				"cow-trade.exports 705 0 1993 4768.7",
			}},
		{"IGO peacesciencer", ImportIGO, []string{"cow_igo_ndy.csv", "cow_igo_sy.csv"},
			[]string{"peacesciencer cow_igo_ndy", "peacesciencer cow_igo_sy"},
			[]string{
				"cow-igo.dyadigos 2 20 1920 7",
				"cow-igo.dyadigos 365 705 2014 47",
				"cow-igo.full 705 0 2014 55",
				"cow-igo.associate 705 0 2014 0",
				"cow-igo.observer 705 0 2014 1",
				"cow-igo.anytype 705 0 2014 56",
			}},
		{"IGO v3 with -9 and -1", ImportIGO, []string{"dyadic_formatv3.csv", "state_year_formatv3.csv"},
			[]string{"COW dyadic_formatv3", "COW state_year_formatv3"},
			[]string{
				"cow-igo.dyadigos 2 20 1920 0",
				"cow-igo.dyadigos 365 705 2014 3",
				"cow-igo.full 705 0 2014 2",
				"cow-igo.associate 705 0 2014 1",
				"cow-igo.observer 705 0 2014 1",
				"cow-igo.anytype 705 0 2014 4",
			}},
		{"alliance both orders", ImportAlliance, []string{"cow_alliance.csv"},
			[]string{"peacesciencer cow_alliance"},
			[]string{
				"cow-alliance.defense 2 20 1949 1",
				"cow-alliance.defense 365 705 2012 1",
				"cow-alliance.neutral 2 20 1949 0",
				"cow-alliance.neutral 365 705 2012 0",
				"cow-alliance.nonagg 2 20 1949 1",
				"cow-alliance.nonagg 365 705 2012 1",
				"cow-alliance.entente 365 705 2012 1",
			}},
		{"NMC", ImportNMC, []string{"cow_nmc.csv", "NMC-60-abridged.csv"},
			[]string{"peacesciencer cow_nmc", "COW NMC abridged"},
			[]string{
				"cow-nmc.milex 705 0 2014 2030000",
				"cow-nmc.milex 705 0 2022 1867000",
				"cow-nmc.milper 705 0 1992 63",
				"cow-nmc.milper 705 0 2014 39",
				"cow-nmc.milper 705 0 2022 39",
				"cow-nmc.irst 705 0 1992 4865",
				"cow-nmc.irst 705 0 2014 3681",
				"cow-nmc.pec 705 0 1992 82000",
				"cow-nmc.pec 705 0 2014 150316",
				"cow-nmc.pec 705 0 2022 145443",
				"cow-nmc.tpop 705 0 1992 16451",
				"cow-nmc.tpop 705 0 2014 17488",
				"cow-nmc.tpop 705 0 2022 20035",
				"cow-nmc.upop 705 0 1992 9386",
				"cow-nmc.upop 705 0 2014 5434",
				"cow-nmc.upop 705 0 2022 8917",
				"cow-nmc.cinc 705 0 1992 0.0053",
				"cow-nmc.cinc 705 0 2014 0.0028643701",
				"cow-nmc.cinc 705 0 2022 0.0026634394",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := importertest.Import(t, tc.run, importertest.Files(t, "testdata", tc.files...))
			if !slices.Equal(r.Layouts, tc.layouts) {
				t.Errorf("layouts %q, want %q", r.Layouts, tc.layouts)
			}
			importertest.WantRows(t, r, tc.rows)
		})
	}
}

func TestContiguityYears(t *testing.T) {
	r := importertest.Import(t, ImportContiguity, importertest.Files(t, "testdata", "cow_contdir.csv"))
	if n := r.Observations.Len(); n != 26+30 {
		t.Errorf("%d pair-years, want 56", n)
	}
	for _, c := range []struct {
		a, b, year int
		want       float64 // -1: absent
	}{
		{365, 705, 1990, -1},
		{365, 705, 1991, 1},
		{365, 705, 2016, 1},
		{705, 365, 2000, -1}, // stored once, A < B
		{93, 100, 1900, 5},
		{93, 100, 1903, 5}, // 5 until November, then 0: the closer type wins
		{93, 100, 1904, 0},
		{93, 100, 1928, 4},
		{93, 100, 1929, 4},
		{93, 100, 1930, -1},
	} {
		v, ok := importertest.Value(r, ContiguityType, c.a, c.b, c.year)
		if !ok {
			v = -1
		}
		if v != c.want {
			t.Errorf("conttype (%d, %d) in %d = %v, want %v", c.a, c.b, c.year, v, c.want)
		}
	}
}

func TestStatesYears(t *testing.T) {
	r := importertest.Import(t, ImportStates, importertest.Files(t, "testdata", "cow_states.csv"))
	if n := r.Observations.Len(); n != 3*(130+27+26) {
		t.Errorf("%d rows, want 3 for each of 183 state-years", n)
	}
	for _, c := range []struct {
		v       string
		a, year int
		want    float64
	}{
		{StatesFirstDay, 255, 1816, 1}, {StatesLastDay, 255, 1816, 366}, // leap year
	} {
		if v, _ := importertest.Value(r, c.v, c.a, 0, c.year); v != c.want {
			t.Errorf("%s of %d in %d = %v, want %v", c.v, c.a, c.year, v, c.want)
		}
	}
	for _, c := range []struct {
		a, year int
		want    bool
	}{
		{705, 1990, false}, {705, 1991, true}, {705, 2016, true}, {705, 2017, false},
		{255, 1816, true}, {255, 1945, true}, {255, 1946, false}, {255, 1989, false}, {255, 1990, true},
	} {
		if _, ok := importertest.Value(r, StatesMember, c.a, 0, c.year); ok != c.want {
			t.Errorf("%d member in %d: %v, want %v", c.a, c.year, ok, c.want)
		}
	}
}

func TestErrors(t *testing.T) {
	const ndy = "ccode1,ccode2,year,flow1,flow2\n"
	for _, tc := range []struct {
		name string
		run  importertest.Func
		in   string
		want string
	}{
		{"bad number", ImportTrade, ndy + "2,20,1920,612,7x5\n", `f.csv:2:15: field flow2: want a number, got "7x5"`},
		{"negative flow", ImportTrade, ndy + "2,20,1920,-3,1\n", `f.csv:2:11: field flow1: want a number of at least 0, got "-3"`},
		{"bad code", ImportTrade, ndy + "2,2000,1920,1,1\n", `f.csv:2:3: field ccode2: want a COW state code (1-999), got "2000"`},
		{"bad year", ImportTrade, ndy + "2,20,19x0,1,1\n", `f.csv:2:6: field year: want a year, got "19x0"`},
		{"self pair", ImportTrade, ndy + "2,2,1920,1,1\n", `f.csv:2:3: field ccode2: want a state other than ccode1 2, got "2"`},
		{"repeated pair", ImportTrade, ndy + "2,20,1920,1,1\n20,2,1920,1,1\n", `f.csv:3: pair (2, 20) in 1920: repeats the row at f.csv:2`},
		{"repeated state-year", ImportTrade, "ccode,year,imports,exports\n2,1920,1,1\n2,1920,1,1\n", `f.csv:3: state 2 in 1920: repeats the row at f.csv:2`},
		{"field count", ImportTrade, ndy + "2,20,1920,1\n", `f.csv:2:1: wrong number of fields`},
		{"bare quote", ImportTrade, ndy + "2,20,19\"20,1,1\n", `f.csv:2:8: bare " in non-quoted-field`},
		{"unknown layout", ImportTrade, "a,b\n1,2\n", `f.csv:1: not a COW trade file: want the columns ccode1, ccode2, year, flow1, flow2 (dyadic), or ccode, year, imports, exports (national) (the header has a, b)`},
		{"empty", ImportTrade, "", `f.csv: empty file: want a header row`},
		{"repeated column", ImportTrade, "ccode,year,imports,exports,Year\n", `f.csv:1:28: column "Year" repeats column 2`},
		{"missing column", ImportNMC, "ccode,year,milex,cinc\n", `f.csv:1: missing column milper (the header has ccode, year, milex, cinc)`},
		{"IGO code", ImportIGO, "ccode1,ccode2,year,AALCO,CIS\n365,705,2014,1,7\n", `f.csv:2:16: field CIS: want 0, 1, -9 or -1, got "7"`},
		{"IGO state code", ImportIGO, "ccode,year,state,AALCO\n705,2014,Kazakhstan,4\n", `f.csv:2:21: field AALCO: want 0, 1, 2, 3, -9 or -1, got "4"`},
		{"IGO no columns", ImportIGO, "ccode1,ccode2,year,country1\n2,20,1920,x\n", `f.csv:1: no dyadigos column and no IGO columns (the header has ccode1, ccode2, year, country1)`},
		{"IGO state no columns", ImportIGO, "ccode,year,state\n2,1920,x\n", `f.csv:1: no sum_igo_* columns and no IGO columns (the header has ccode, year, state)`},
		{"alliance flag", ImportAlliance, "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente\n2,20,1949,2,0,0,0\n", `f.csv:2:11: field cow_defense: want 0 or 1, got "2"`},
		{"alliance mirror", ImportAlliance, "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente\n2,20,1949,1,0,0,0\n20,2,1949,0,0,0,0\n", `f.csv:3: pair (2, 20) in 1949: differs from its mirror image at f.csv:2`},
		{"alliance repeat", ImportAlliance, "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente\n2,20,1949,1,0,0,0\n2,20,1949,1,0,0,0\n", `f.csv:3: pair (2, 20) in 1949: repeats the row at f.csv:2`},
		{"contiguity type", ImportContiguity, "ccode1,ccode2,conttype,stdate,enddate\n2,20,6,1920-01-01,2016-12-01\n", `f.csv:2:6: field conttype: want a contiguity type (0-5), got "6"`},
		{"contiguity date", ImportContiguity, "ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920,2016-12-01\n", `f.csv:2:8: field stdate: want a date YYYY-MM-DD or YYYY-MM, got "1920"`},
		{"contiguity order", ImportContiguity, "ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920-01-01,1919-12-01\n", `f.csv:2:19: field enddate: want a date no earlier than stdate 1920-01-01, got "1919-12-01"`},
		{"contiguity repeat", ImportContiguity, "ccode1,ccode2,conttype,stdate,enddate\n2,20,1,1920-01-01,2016-12-01\n2,20,1,1920-01-15,2016-12-01\n", `f.csv:3: spell of pair (2, 20) from 1920-01: repeats the row at f.csv:2`},
		{"states month", ImportStates, "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nUSA,2,United States,1816,13,1,2016,12,31\n", `f.csv:2:26: field stmonth: want a month (1-12), got "13"`},
		{"states repeat", ImportStates, "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nUSA,2,US,1816,1,1,2016,12,31\nUSA,2,US,1816,1,1,2016,12,31\n", `f.csv:3: period of state 2 from 1816-01-01: repeats the row at f.csv:2`},
		{"states order", ImportStates, "stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday\nUSA,2,US,1816,1,1,1815,12,31\n", `f.csv:2:19: field endyear: want an end no earlier than the start 1816-01-01, got 1815`},
	} {
		t.Run(tc.name, func(t *testing.T) { importertest.WantError(t, tc.run, tc.in, tc.want) })
	}
}

// TestRepeatAcrossFiles checks that a pair listed in two files is caught,
// naming both.
func TestRepeatAcrossFiles(t *testing.T) {
	files := importertest.Files(t, "testdata", "cow_trade_ndy.csv", "Dyadic_COW_4.0.csv")
	_, err := ImportTrade(files)
	if want := "Dyadic_COW_4.0.csv:2: pair (2, 20) in 1920: repeats the row at cow_trade_ndy.csv:2"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestVersion(t *testing.T) {
	a := importertest.Files(t, "testdata", "cow_trade_ndy.csv", "cow_trade_sy.csv")
	b := importertest.Files(t, "testdata", "cow_trade_sy.csv", "cow_trade_ndy.csv")
	ra, rb := importertest.Import(t, ImportTrade, a), importertest.Import(t, ImportTrade, b)
	if ra.Dataset.Version != rb.Dataset.Version || len(ra.Dataset.Version) != 16 {
		t.Errorf("versions %q and %q, want the same 16 hex digits whatever the order", ra.Dataset.Version, rb.Dataset.Version)
	}
	a[0].Data = append(a[0].Data, "2,30,1920,1,1,1,1\n"...)
	if rc := importertest.Import(t, ImportTrade, a); rc.Dataset.Version == ra.Dataset.Version {
		t.Error("version unchanged by a change of content")
	}
}

func FuzzTrade(f *testing.F) {
	importertest.Fuzz(f, ImportTrade, "cow_trade_ndy.csv", "cow_trade_sy.csv", "Dyadic_COW_4.0.csv", "National_COW_4.0.csv")
}

func FuzzIGO(f *testing.F) {
	importertest.Fuzz(f, ImportIGO, "cow_igo_ndy.csv", "cow_igo_sy.csv", "dyadic_formatv3.csv", "state_year_formatv3.csv")
}

func FuzzAlliance(f *testing.F)   { importertest.Fuzz(f, ImportAlliance, "cow_alliance.csv") }
func FuzzContiguity(f *testing.F) { importertest.Fuzz(f, ImportContiguity, "cow_contdir.csv") }
func FuzzNMC(f *testing.F)        { importertest.Fuzz(f, ImportNMC, "cow_nmc.csv", "NMC-60-abridged.csv") }
func FuzzStates(f *testing.F)     { importertest.Fuzz(f, ImportStates, "cow_states.csv") }
