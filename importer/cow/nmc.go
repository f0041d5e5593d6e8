package cow

import (
	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The COW National Material Capabilities dataset and its variables, one per
// column of the abridged file.
const (
	NMC       = "cow-nmc"
	NMCMilex  = "cow-nmc.milex"  // military expenditure, thousand current US dollars
	NMCMilper = "cow-nmc.milper" // military personnel, thousands
	NMCIrst   = "cow-nmc.irst"   // iron and steel production, thousand tons
	NMCPec    = "cow-nmc.pec"    // primary energy consumption, thousand coal-ton equivalents
	NMCTpop   = "cow-nmc.tpop"   // total population, thousands
	NMCUpop   = "cow-nmc.upop"   // urban population, thousands
	NMCCinc   = "cow-nmc.cinc"   // composite index of national capability: share of the system's capabilities
)

// nmcColumns are the measure columns, in the order of the variables.
var nmcColumns = []string{"milex", "milper", "irst", "pec", "tpop", "upop", "cinc"}

// ImportNMC reads COW NMC state-years in the layout of peacesciencer's
// cow_nmc.csv (ccode, year, milex, milper, irst, pec, tpop, upop, cinc),
// which is also that of COW's abridged NMC files (NMC-60-abridged.csv and
// later, with stateabb and version besides).
func ImportNMC(files []importer.File) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: NMCMilex, Unit: "USD k", Source: NMC, Description: "military expenditure of A, thousand current US dollars"},
		{Name: NMCMilper, Unit: "thousands", Source: NMC, Description: "military personnel of A, thousands"},
		{Name: NMCIrst, Unit: "thousand tons", Source: NMC, Description: "iron and steel production of A, thousand tons"},
		{Name: NMCPec, Unit: "thousand coal-ton equivalents", Source: NMC, Description: "primary energy consumption of A, thousand coal-ton equivalents"},
		{Name: NMCTpop, Unit: "thousands", Source: NMC, Description: "total population of A, thousands"},
		{Name: NMCUpop, Unit: "thousands", Source: NMC, Description: "urban population of A, thousands"},
		{Name: NMCCinc, Unit: "share", Source: NMC, Description: "composite index of national capability of A: its share of the capabilities of all states (0-1)"},
	}}
	seen := importer.NewKeys(0)
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		if !t.Has("ccode", "year", "cinc") {
			return "", unknownLayout(t, "COW NMC", "ccode, year, milex, milper, irst, pec, tpop, upop, cinc")
		}
		cols, err := t.Columns(append([]string{"ccode", "year"}, nmcColumns...)...)
		if err != nil {
			return "", err
		}
		layout := "peacesciencer cow_nmc"
		if t.Has("stateabb") {
			layout = "COW NMC abridged"
		}
		return layout, t.Each(func() error {
			a, year, err := t.StateYear(cols)
			if err != nil {
				return err
			}
			if err := seen.Add(t, importer.Key(a, 0, year), importer.StateYear); err != nil {
				return err
			}
			for v, c := range cols[2:] {
				if err := t.AddValue(o, c, v, a, 0, year); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	src := source(NMC, "Correlates of War National Material Capabilities v7.0 (1816-2022)",
		"https://correlatesofwar.org/data-sets/national-material-capabilities/", "2024",
		"Singer, Bremer & Stuckey (1972), Capability Distribution, Uncertainty, and Major Power War, 1820-1965, in Russett (ed.), Peace, War, and Numbers, 19-48; Singer (1987), Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816-1985, International Interactions 14(2): 115-132.",
		layouts)
	return importer.Finish(files, o, src, layouts), nil
}
