package cow

import (
	"testing"

	"github.com/leverage-dev/leverage/importer/importertest"
)

// TestSharedData imports the full peacesciencer files of the shared open
// data folder and checks row counts (each the number of non-missing fields
// of the files, counted independently) and values quoted in
// research/flagship-facts.md.
func TestSharedData(t *testing.T) {
	if testing.Short() {
		t.Skip("imports millions of rows")
	}
	const dir = "peacesciencer/"
	type value struct {
		v          string
		a, b, year int
		want       float64
	}
	for _, tc := range []struct {
		name   string
		run    importertest.Func
		files  []string
		rows   int
		values []value
	}{
		{"trade", ImportTrade, []string{"cow_trade_ndy.csv", "cow_trade_sy.csv"}, 2592950 + 26451, []value{
			{TradeFlow, 365, 705, 2014, 7097},  // Russia's imports from Kazakhstan
			{TradeFlow, 705, 365, 2014, 15524}, // Kazakhstan's imports from Russia
			{TradeSmoothFlow, 365, 705, 1995, 2742},
			{TradeImports, 705, 0, 2014, 48175.7879858666},
			{TradeExports, 365, 0, 2014, 497614.861644},
		}},
		{"IGO", ImportIGO, []string{"cow_igo_ndy.csv", "cow_igo_sy.csv"}, 917695 + 62228, []value{
			{IGOShared, 365, 705, 2014, 47},
			{IGOFull, 705, 0, 2014, 55},
			{IGOAny, 705, 0, 2014, 56},
		}},
		{"alliance", ImportAlliance, []string{"cow_alliance.csv"}, 483136 / 2, []value{
			{AllianceDefense, 365, 705, 2012, 1},
			{AllianceNeutral, 365, 705, 2012, 0},
		}},
		{"contiguity", ImportContiguity, []string{"cow_contdir.csv"}, 44075, []value{
			{ContiguityType, 365, 705, 1992, 1},
			{ContiguityType, 365, 705, 2016, 1},
		}},
		{"NMC", ImportNMC, []string{"cow_nmc.csv"}, 116489, []value{
			{NMCMilper, 705, 0, 2014, 39},
			{NMCMilex, 705, 0, 2022, 1867000},
			{NMCCinc, 705, 0, 2022, 0.0026634394},
			{NMCTpop, 365, 0, 2022, 145580},
		}},
		{"states", ImportStates, []string{"cow_states.csv"}, 3 * 15951, []value{
			{StatesMember, 705, 0, 1991, 1},
			{StatesFirstDay, 705, 0, 1991, 360}, // 26 December 1991
			{StatesMember, 260, 0, 1990, 1},
			{StatesLastDay, 260, 0, 1990, 275}, // 2 October 1990
			{StatesFirstDay, 255, 0, 1990, 276},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var files []string
			for _, f := range tc.files {
				files = append(files, dir+f)
			}
			r := importertest.Import(t, tc.run, importertest.ReadShared(t, files...))
			if n := r.Observations.Len(); n != tc.rows {
				t.Errorf("%d rows, want %d", n, tc.rows)
			}
			for _, c := range tc.values {
				if got, ok := importertest.Value(r, c.v, c.a, c.b, c.year); !ok || got != c.want {
					t.Errorf("%s (%d, %d) in %d = %v (found %v), want %v", c.v, c.a, c.b, c.year, got, ok, c.want)
				}
			}
		})
	}
}
