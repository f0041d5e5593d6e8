// Package cepii imports CEPII's GeoDist bilateral distances and links,
// dist_cepii.csv: one row per pair of countries named by ISO 3166-1 alpha-3
// codes (iso_o, iso_d), fields separated by semicolons (commas are
// accepted too). Codes are mapped to COW state codes through the country
// crosswalk; territories that are no COW state are skipped and reported.
// The figures are timeless (year 0).
package cepii

import (
	"bytes"
	"fmt"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
)

// The dataset and its variables. All are directed, for the pair (A = iso_o,
// B = iso_d) as CEPII gives it: the file lists both orders, and the
// weighted distances differ slightly between them.
const (
	Dataset = "cepii-dist"

	Contig       = "cepii-dist.contig"        // 1 if A and B share a land border
	ComlangOff   = "cepii-dist.comlang_off"   // 1 if A and B share an official language
	ComlangEthno = "cepii-dist.comlang_ethno" // 1 if a language is spoken by at least 9% of the population in both
	Colony       = "cepii-dist.colony"        // 1 if A and B were ever in a colonial relationship
	Comcol       = "cepii-dist.comcol"        // 1 if A and B had a common coloniser after 1945
	Curcol       = "cepii-dist.curcol"        // 1 if A and B are currently in a colonial relationship
	Col45        = "cepii-dist.col45"         // 1 if A and B were in a colonial relationship after 1945
	Smctry       = "cepii-dist.smctry"        // 1 if A and B were or are the same country
	Dist         = "cepii-dist.dist"          // distance between the most populated cities, km
	Distcap      = "cepii-dist.distcap"       // distance between the capitals, km
	Distw        = "cepii-dist.distw"         // population-weighted distance, km (theta = 1)
	Distwces     = "cepii-dist.distwces"      // population-weighted distance, km (theta = -1, CES)
)

// variables are the measures of dist_cepii.csv, named by column.
var variables = []leverage.Variable{
	{Name: Contig, Unit: "flag", Description: "1 if A and B are contiguous (share a land border), else 0"},
	{Name: ComlangOff, Unit: "flag", Description: "1 if A and B share an official language, else 0"},
	{Name: ComlangEthno, Unit: "flag", Description: "1 if a language is spoken by at least 9% of the population of both A and B, else 0"},
	{Name: Colony, Unit: "flag", Description: "1 if A and B were ever in a colonial relationship, else 0"},
	{Name: Comcol, Unit: "flag", Description: "1 if A and B had a common coloniser after 1945, else 0"},
	{Name: Curcol, Unit: "flag", Description: "1 if A and B are currently in a colonial relationship, else 0"},
	{Name: Col45, Unit: "flag", Description: "1 if A and B were in a colonial relationship after 1945, else 0"},
	{Name: Smctry, Unit: "flag", Description: "1 if A and B were or are the same country, else 0"},
	{Name: Dist, Unit: "km", Description: "great-circle distance between the most populated cities of A and B, km"},
	{Name: Distcap, Unit: "km", Description: "great-circle distance between the capitals of A and B, km"},
	{Name: Distw, Unit: "km", Description: "population-weighted distance between A and B, km (theta = 1)"},
	{Name: Distwces, Unit: "km", Description: "population-weighted distance between A and B, km (theta = -1)"},
}

// Import reads dist_cepii.csv files, mapping codes through cw. The file
// must have iso_o and iso_d and at least one of the measure columns; others
// are ignored. "." or an empty field means missing. Pairs of a state with
// itself (CEPII's internal distances) are skipped.
func Import(files []importer.File, cw *country.Crosswalk) (*importer.Result, error) {
	o := &leverage.Observations{}
	for _, v := range variables {
		v.Dyadic, v.Directed, v.Source = true, true, Dataset
		o.Variables = append(o.Variables, v)
	}
	seen := importer.NewKeys(0)
	unplaced := map[string]bool{}
	var layouts []string
	for _, f := range files {
		comma := ','
		if line, _, _ := bytes.Cut(f.Data, []byte("\n")); bytes.Contains(line, []byte(";")) {
			comma = ';'
		}
		t, err := importer.NewTable(f, comma, importer.Missing{Codes: []string{"", "."}})
		if err != nil {
			return nil, err
		}
		cols, err := t.Columns("iso_o", "iso_d")
		if err != nil {
			return nil, err
		}
		// measure[v] is the column of variable v, or -1.
		measure := make([]int, len(variables))
		found := false
		for v, x := range variables {
			measure[v] = t.Index(x.Name[len(Dataset)+1:])
			found = found || measure[v] >= 0
		}
		if !found {
			return nil, t.HeaderErrorf("no measure columns: want some of contig, comlang_off, comlang_ethno, colony, comcol, curcol, col45, smctry, dist, distcap, distw, distwces")
		}
		err = t.Each(func() error {
			var ab [2]int
			placed := true
			for i, c := range cols {
				code := t.Field(c)
				if len(code) != 3 {
					return t.Errorf(c, "want an ISO 3166-1 alpha-3 code, got %q", code)
				}
				cow, ok := cw.ByISO3(code)
				if !ok {
					unplaced[code] = true
					placed = false
				}
				ab[i] = cow
			}
			if !placed || ab[0] == ab[1] {
				return nil
			}
			a, b := ab[0], ab[1]
			if err := seen.Add(t, importer.Key(a, b, 0), pair); err != nil {
				return err
			}
			for v, c := range measure {
				if c < 0 {
					continue
				}
				add := t.AddValue
				if variables[v].Unit == "flag" {
					add = t.AddFlag
				}
				if err := add(o, c, v, a, b, 0); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		layouts = append(layouts, "CEPII dist_cepii")
	}
	src := leverage.Source{ID: Dataset, Title: "CEPII GeoDist (dist_cepii)", Publisher: "CEPII",
		URL:  "http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=6",
		Date: leverage.MustDate("2011"),
		Note: "Mayer & Zignago (2011), Notes on CEPII's Distances Measures: The GeoDist Database, CEPII Working Paper 2011-25. Distances in km. Free to use with citation (CEPII terms)."}
	r := importer.Finish(files, o, src, layouts)
	r.Unplaced = importer.Sorted(unplaced)
	return r, nil
}

// pair describes a key of a timeless pair in errors.
func pair(a, b, _ int) string {
	return fmt.Sprintf("pair (%d, %d)", a, b)
}
