// Package atop imports the Alliance Treaty Obligations and Provisions
// (ATOP) 5.1 directed dyad-years in the CSV layout of the peacesciencer R
// package's atop_alliance.csv. An empty field, R's NA or -9 means missing
// and gives no observation.
package atop

import (
	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The ATOP dataset and its variables: directed flags, 1 if A has an
// alliance commitment of the kind towards B in force in the year, else 0.
const (
	Dataset = "atop"
	Defense = "atop.defense" // to defend B if attacked
	Offense = "atop.offense" // to join B in offensive action
	Neutral = "atop.neutral" // to stay neutral in a conflict involving B
	Nonagg  = "atop.nonagg"  // not to attack B
	Consul  = "atop.consul"  // to consult B in a crisis
)

// columns are the flag columns of atop_alliance.csv, in the order of the
// variables.
var columns = []string{"atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"}

// Import reads ATOP directed dyad-years in the layout of peacesciencer's
// atop_alliance.csv: ccode1, ccode2, year, atop_defense, atop_offense,
// atop_neutral, atop_nonagg, atop_consul. The row (ccode1, ccode2) gives
// ccode1's commitments towards ccode2, which may differ from ccode2's
// towards ccode1.
func Import(files []importer.File) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: Defense, Unit: "flag", Dyadic: true, Directed: true, Source: Dataset,
			Description: "1 if A is committed to defend B in the year, else 0"},
		{Name: Offense, Unit: "flag", Dyadic: true, Directed: true, Source: Dataset,
			Description: "1 if A is committed to join B in offensive action in the year, else 0"},
		{Name: Neutral, Unit: "flag", Dyadic: true, Directed: true, Source: Dataset,
			Description: "1 if A is committed to stay neutral in a conflict involving B in the year, else 0"},
		{Name: Nonagg, Unit: "flag", Dyadic: true, Directed: true, Source: Dataset,
			Description: "1 if A is committed not to attack B in the year, else 0"},
		{Name: Consul, Unit: "flag", Dyadic: true, Directed: true, Source: Dataset,
			Description: "1 if A is committed to consult B in a crisis in the year, else 0"},
	}}
	n := importer.Rows(files)
	seen := importer.NewKeys(n)
	importer.Grow(o, len(columns)*n)
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		if !t.Has("ccode1", "ccode2", "year", "atop_defense") {
			return "", t.HeaderErrorf("not an ATOP file: want the columns ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul")
		}
		cols, err := t.Columns(append([]string{"ccode1", "ccode2", "year"}, columns...)...)
		if err != nil {
			return "", err
		}
		return "peacesciencer atop_alliance", t.Each(func() error {
			a, b, year, err := t.Dyad(cols)
			if err != nil {
				return err
			}
			if err := seen.Add(t, importer.Key(a, b, year), importer.PairYear); err != nil {
				return err
			}
			for v, c := range cols[3:] {
				if err := t.AddFlag(o, c, v, a, b, year); err != nil {
					return err
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	src := leverage.Source{ID: Dataset, Title: "Alliance Treaty Obligations and Provisions 5.1 (directed dyad-years, 1815-2018)",
		Publisher: "ATOP Project", URL: "http://www.atopdata.org/", Date: leverage.MustDate("2022"),
		Note: "Leeds, Ritter, Mitchell & Long (2002), Alliance Treaty Obligations and Provisions, 1815-1944, International Interactions 28(3): 237-260."}
	if len(layouts) > 0 {
		src.Note += " Read from: peacesciencer atop_alliance (Miller 2022, Conflict Management and Peace Science 39(6))."
	}
	return importer.Finish(files, o, src, layouts), nil
}
