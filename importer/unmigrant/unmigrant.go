// Package unmigrant imports the UN DESA International Migrant Stock 2019 by
// destination and origin, in the wide layout of the cleaned matrix
// UN_MigrantStockByOriginAndDestination_2019_clean.csv: columns Year, Dest,
// then one column per country of origin, named in English; one row per
// destination and year (1990, 1995, ..., 2015, 2019). Countries are matched
// to COW state codes by name through the country crosswalk; regions,
// aggregates and territories that are no COW state are skipped and
// reported.
package unmigrant

import (
	"strconv"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
)

// The dataset and its variable.
const (
	Dataset = "un-migrant"
	// Stock is directed: the number of international migrants living in A
	// (the destination) who were born in B (the origin), at mid-year. Only
	// positive figures are stored: the cleaned matrix writes 0 both where
	// the UN reports none and where it gives no figure, and the UN's ".."
	// (not available) and "-" (nil) are not stored either.
	Stock = "un-migrant.stock"
)

// Import reads migrant stock files, mapping names through cw.
func Import(files []importer.File, cw *country.Crosswalk) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: Stock, Unit: "persons", Dyadic: true, Directed: true, Source: Dataset,
			Description: "international migrants living in A who were born in B, at mid-year"},
	}}
	seen := importer.NewKeys(0)
	unplaced := map[string]bool{}
	missing := importer.Missing{Codes: []string{"", "..", "-"}}
	layouts, err := importer.Read(files, ',', missing, func(t *importer.Table) (string, error) {
		if !t.Has("year", "dest") {
			return "", t.HeaderErrorf("not a UN migrant stock file: want the columns Year, Dest and one column per country of origin")
		}
		cols, err := t.Columns("year", "dest")
		if err != nil {
			return "", err
		}
		// Origins: the state of every other column, or 0.
		origin := make([]int, len(t.Header()))
		byState := map[int]int{}
		for i, name := range t.Header() {
			if i == cols[0] || i == cols[1] {
				continue
			}
			cow, ok := cw.ByName(name)
			if !ok {
				unplaced[name] = true
				continue
			}
			if j, dup := byState[cow]; dup {
				return "", t.HeaderErrorf("columns %q and %q are both state %d", t.Header()[j], name, cow)
			}
			byState[cow] = i
			origin[i] = cow
		}
		return "UN_MigrantStockByOriginAndDestination_2019_clean", t.Each(func() error {
			year, err := t.Year(cols[0])
			if err != nil {
				return err
			}
			dest, ok := cw.ByName(t.Field(cols[1]))
			if !ok {
				if t.Field(cols[1]) == "" {
					return t.Errorf(cols[1], "want a destination, got \"\"")
				}
				unplaced[t.Field(cols[1])] = true
				return nil
			}
			if err := seen.Add(t, importer.Key(dest, 0, year), destYear); err != nil {
				return err
			}
			for c, b := range origin {
				if b == 0 || b == dest {
					continue
				}
				x, ok, err := t.Value(c, 0)
				if err != nil {
					return err
				}
				if ok && x > 0 {
					o.Add(0, dest, b, year, x)
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	src := leverage.Source{ID: Dataset, Title: "International Migrant Stock 2019: by destination and origin",
		Publisher: "UN DESA Population Division",
		URL:       "https://www.un.org/en/development/desa/population/migration/data/estimates2/estimates19.asp",
		Date:      leverage.MustDate("2019"),
		Note:      "United Nations, Department of Economic and Social Affairs, Population Division (2019), International Migrant Stock 2019 (POP/DB/MIG/Stock/Rev.2019); CC BY 3.0 IGO. Wide matrix as cleaned by Guy Abel (github.com/guyabel/stepladderChapter)."}
	r := importer.Finish(files, o, src, layouts)
	r.Unplaced = importer.Sorted(unplaced)
	return r, nil
}

// destYear describes a destination-year key in errors.
func destYear(dest, _, year int) string {
	return "destination " + strconv.Itoa(dest) + " in " + strconv.Itoa(year)
}
