package cow

import (
	"fmt"
	"maps"
	"slices"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The COW direct contiguity dataset and its variable.
const (
	Contiguity = "cow-contiguity"
	// ContiguityType is non-directed (A < B): the closest contiguity of A
	// and B in the year. 1 is a land or river border; 2, 3, 4 and 5 are a
	// separation by at most 12, 24, 150 and 400 miles of water; 0 is
	// recorded for pairs with none of these while both were states.
	ContiguityType = "cow-contiguity.conttype"
)

// ImportContiguity reads COW Direct Contiguity v3.2 spells in the layout of
// peacesciencer's cow_contdir.csv: ccode1, ccode2, conttype, stdate,
// enddate (dates as YYYY-MM-DD or YYYY-MM; COW records months). The file
// lists each pair in both orders; the two rows must agree.
//
// Spells become years: a spell counts for every year from the year of
// stdate to the year of enddate. When spells of a pair share a year (the
// contiguity changed that year), the year takes the closest type: the
// lowest non-zero one, and 0 only when no spell that year has another.
// The v3.2 data end in December 2016, so the last year is 2016.
func ImportContiguity(files []importer.File) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: ContiguityType, Unit: "code", Dyadic: true, Source: Contiguity,
			Description: "closest direct contiguity of A and B in the year: 1 land or river border, 2-5 at most 12, 24, 150, 400 miles of water, 0 none"},
	}}
	seen := importer.NewPairs(0)
	years := map[uint64]int{} // closest type by Key(A, B, year), A < B
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		if !t.Has("ccode1", "ccode2", "conttype", "stdate", "enddate") {
			return "", unknownLayout(t, "COW contiguity", "ccode1, ccode2, conttype, stdate, enddate")
		}
		cols, err := t.Columns("ccode1", "ccode2", "conttype", "stdate", "enddate")
		if err != nil {
			return "", err
		}
		return "peacesciencer cow_contdir", t.Each(func() error {
			a, b, err := t.Pair(cols)
			if err != nil {
				return err
			}
			typ, err := t.Int(cols[2], 0, 5, "a contiguity type (0-5)")
			if err != nil {
				return err
			}
			from, err := month(t, cols[3])
			if err != nil {
				return err
			}
			to, err := month(t, cols[4])
			if err != nil {
				return err
			}
			if to.First().Before(from.First()) {
				return t.Errorf(cols[4], "want a date no earlier than stdate %s, got %q", from, t.Field(cols[4]))
			}
			// A spell is known by its pair and start month; its mirror must
			// have the same type and end.
			added, err := seen.Add(t, a, b, from.Year*16+from.Month, []float64{float64(typ), float64(to.Year*16 + to.Month)}, spell)
			if err != nil || !added {
				return err
			}
			for y := from.Year; y <= to.Year; y++ {
				k := importer.Key(min(a, b), max(a, b), y)
				if prev, ok := years[k]; !ok || closer(typ, prev) {
					years[k] = typ
				}
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(years)) {
		a, b, y := importer.Unkey(k)
		o.Add(0, a, b, y, float64(years[k]))
	}
	src := source(Contiguity, "Correlates of War Direct Contiguity v3.2 (1816-2016)",
		"https://correlatesofwar.org/data-sets/direct-contiguity/", "2016",
		"Stinnett, Tir, Schafer, Diehl & Gochman (2002), The Correlates of War Project Direct Contiguity Data, Version 3, Conflict Management and Peace Science 19(2): 59-67. conttype 1 = land or river border; 2-5 = separated by at most 12, 24, 150, 400 miles of water.",
		layouts)
	return importer.Finish(files, o, src, layouts), nil
}

// spell describes a contiguity spell's key in errors.
func spell(a, b, k int) string {
	return fmt.Sprintf("spell of pair (%d, %d) from %04d-%02d", a, b, k/16, k%16)
}

// closer reports whether contiguity type x is closer than y: non-zero
// types are closer than 0, and lower ones closer than higher.
func closer(x, y int) bool {
	return x != 0 && (y == 0 || x < y)
}

// month reads a date of at least month precision in column col.
func month(t *importer.Table, col int) (leverage.Date, error) {
	d, err := leverage.ParseDate(t.Field(col))
	if err != nil || d.Month == 0 {
		return d, t.Errorf(col, "want a date YYYY-MM-DD or YYYY-MM, got %q", t.Field(col))
	}
	return d, nil
}
