// Package cow imports Correlates of War datasets: trade (dyadic and
// national), intergovernmental organisations (dyadic and state-year),
// formal alliances, direct contiguity, national material capabilities and
// state system membership. It reads them in the CSV layouts of the
// peacesciencer R package (Miller 2022) and, for trade and IGOs, in the
// layouts of the original COW releases too; the layout of each file is
// recognised from its header. Following COW, -9 (and an empty field, or R's
// NA) means missing: such values give no observation, never a zero.
//
// Each ImportX function reads the files of one dataset, in any order and
// any mix of the layouts it accepts, and returns the observations keyed by
// COW state codes with the dataset citing its source. The variables are
// named by the constants below; docs/data.md describes them with their
// units.
package cow

import (
	"slices"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// source returns the citation of a dataset, noting the layouts read.
func source(id, title, url, date, citation string, layouts []string) leverage.Source {
	var uniq []string
	for _, l := range layouts {
		if !slices.Contains(uniq, l) {
			uniq = append(uniq, l)
		}
	}
	note := citation
	if len(uniq) > 0 {
		note += " Read from: " + strings.Join(uniq, "; ") + "."
	}
	if slices.ContainsFunc(uniq, func(l string) bool { return strings.Contains(l, "peacesciencer") }) {
		note += " peacesciencer: " + peacesciencer + "."
	}
	return leverage.Source{ID: id, Title: title, Publisher: "Correlates of War Project", URL: url,
		Date: leverage.MustDate(date), Note: note}
}

// peacesciencer is the citation of the R package whose CSV layouts are read.
const peacesciencer = "peacesciencer (Miller 2022, Conflict Management and Peace Science 39(6))"

// unknownLayout is the error for a file in none of a dataset's layouts.
func unknownLayout(t *importer.Table, dataset string, want ...string) error {
	return t.HeaderErrorf("not a %s file: want the columns %s (the header has %s)", dataset, strings.Join(want, ", or "), strings.Join(t.Header(), ", "))
}
