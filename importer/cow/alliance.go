package cow

import (
	"math"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The COW formal alliance dataset and its variables: flags, 1 if A and B
// share an alliance of the kind in the year, else 0. They are
// non-directed (A < B).
const (
	Alliance        = "cow-alliance"
	AllianceDefense = "cow-alliance.defense"
	AllianceNeutral = "cow-alliance.neutral"
	AllianceNonagg  = "cow-alliance.nonagg"
	AllianceEntente = "cow-alliance.entente"
)

// ImportAlliance reads COW Formal Alliances v4.1 dyad-years in the layout
// of peacesciencer's cow_alliance.csv: ccode1, ccode2, year, cow_defense,
// cow_neutral, cow_nonagg, cow_entente. The file lists each pair in both
// orders; the two rows must agree.
func ImportAlliance(files []importer.File) (*importer.Result, error) {
	kinds := []string{"defense", "neutral", "nonagg", "entente"}
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: AllianceDefense, Unit: "flag", Dyadic: true, Source: Alliance, Description: "1 if A and B share a defence pact in the year, else 0"},
		{Name: AllianceNeutral, Unit: "flag", Dyadic: true, Source: Alliance, Description: "1 if A and B share a neutrality pact in the year, else 0"},
		{Name: AllianceNonagg, Unit: "flag", Dyadic: true, Source: Alliance, Description: "1 if A and B share a non-aggression pact in the year, else 0"},
		{Name: AllianceEntente, Unit: "flag", Dyadic: true, Source: Alliance, Description: "1 if A and B share an entente in the year, else 0"},
	}}
	seen := importer.NewPairs(importer.Rows(files) / 2)
	want := []string{"ccode1", "ccode2", "year"}
	for _, k := range kinds {
		want = append(want, "cow_"+k)
	}
	values := make([]float64, len(kinds))
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		if !t.Has(want[:3]...) || !t.Has("cow_defense") {
			return "", unknownLayout(t, "COW alliance", "ccode1, ccode2, year, cow_defense, cow_neutral, cow_nonagg, cow_entente")
		}
		cols, err := t.Columns(want...)
		if err != nil {
			return "", err
		}
		return "peacesciencer cow_alliance", t.Each(func() error {
			a, b, year, err := t.Dyad(cols)
			if err != nil {
				return err
			}
			for i, c := range cols[3:] {
				v, ok, err := t.Flag(c)
				if err != nil {
					return err
				}
				if !ok {
					v = math.NaN()
				}
				values[i] = v
			}
			added, err := seen.Add(t, a, b, year, values, importer.PairYear)
			if err != nil || !added {
				return err
			}
			for i, v := range values {
				if !math.IsNaN(v) {
					o.Add(i, min(a, b), max(a, b), year, v)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	src := source(Alliance, "Correlates of War Formal Alliances v4.1 (1816-2012)",
		"https://correlatesofwar.org/data-sets/formal-alliances/", "2009",
		"Gibler (2009), International Military Alliances, 1648-2008, CQ Press.", layouts)
	return importer.Finish(files, o, src, layouts), nil
}
