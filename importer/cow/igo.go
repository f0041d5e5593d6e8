package cow

import (
	"slices"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The COW IGO dataset and its variables, all counts of intergovernmental
// organisations.
const (
	IGO = "cow-igo"
	// IGOShared is non-directed (A < B): the IGOs in which A and B are both
	// full members (peacesciencer's dyadigos).
	IGOShared    = "cow-igo.dyadigos"
	IGOFull      = "cow-igo.full"      // IGOs of which A is a full member
	IGOAssociate = "cow-igo.associate" // IGOs of which A is an associate member
	IGOObserver  = "cow-igo.observer"  // IGOs of which A is an observer
	IGOAny       = "cow-igo.anytype"   // IGOs of which A is a member of any kind
)

// Columns of the original IGO files that are not organisations.
var (
	igoDyadMeta  = []string{"ccode1", "ccode2", "country1", "country2", "year", "dyadid", "version", "dyadigos"}
	igoStateMeta = []string{"ccode", "year", "state", "stateabb", "statename", "version"}
	igoStateSums = []string{"sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"}
)

// ImportIGO reads COW IGO v3 files: dyadic files in the layout of
// peacesciencer's cow_igo_ndy.csv (ccode1, ccode2, year, dyadigos) or of
// COW's dyadic_formatv3.csv (ccode1, country1, ccode2, country2, year and
// one column per IGO: 1 joint full membership, 0 none, -9 missing, -1 a
// state not in the system), and state-year files in the layout of
// cow_igo_sy.csv (ccode, year, sum_igo_full, sum_igo_associate,
// sum_igo_observer, sum_igo_anytype) or of state_year_formatv3.csv (ccode,
// year, state and one column per IGO: 1 full member, 2 associate, 3
// observer, 0 none, -9 missing, -1 not in the system).
//
// From the original layouts the counts are made as peacesciencer makes
// them: the IGOs coded 1 (dyadic), or 1, 2, 3 and any of them (state-year),
// leaving out those coded -9 or -1. A row in which every IGO is coded -9 or
// -1 gives no observation.
func ImportIGO(files []importer.File) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: IGOShared, Unit: "count", Dyadic: true, Source: IGO,
			Description: "intergovernmental organisations in which A and B are both full members"},
		{Name: IGOFull, Unit: "count", Source: IGO, Description: "intergovernmental organisations of which A is a full member"},
		{Name: IGOAssociate, Unit: "count", Source: IGO, Description: "intergovernmental organisations of which A is an associate member"},
		{Name: IGOObserver, Unit: "count", Source: IGO, Description: "intergovernmental organisations of which A is an observer"},
		{Name: IGOAny, Unit: "count", Source: IGO, Description: "intergovernmental organisations of which A is a member of any kind"},
	}}
	n := importer.Rows(files)
	dyads, states := importer.NewKeys(n), importer.NewKeys(0)
	importer.Grow(o, n)
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		switch {
		case t.Has("ccode1", "ccode2", "year", "dyadigos"):
			return "peacesciencer cow_igo_ndy", igoDyadic(t, o, dyads, nil)
		case t.Has("ccode1", "ccode2", "year"):
			return "COW dyadic_formatv3", igoDyadic(t, o, dyads, igoColumns(t, igoDyadMeta))
		case t.Has(append([]string{"ccode", "year"}, igoStateSums...)...):
			return "peacesciencer cow_igo_sy", igoStates(t, o, states, nil)
		case t.Has("ccode", "year"):
			return "COW state_year_formatv3", igoStates(t, o, states, igoColumns(t, igoStateMeta))
		}
		return "", unknownLayout(t, "COW IGO", "ccode1, ccode2, year (dyadic)", "ccode, year (state-year)")
	})
	if err != nil {
		return nil, err
	}
	src := source(IGO, "Correlates of War Intergovernmental Organizations v3.0 (1816-2014)",
		"https://correlatesofwar.org/data-sets/igos/", "2020",
		"Pevehouse, Nordstrom, McManus & Jamison (2020), Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets, Journal of Peace Research 57(3): 492-503. Years at five-year intervals to 1965, annual after.",
		layouts)
	return importer.Finish(files, o, src, layouts), nil
}

// igoColumns returns the positions of the organisation columns of an
// original IGO file: every column but meta.
func igoColumns(t *importer.Table, meta []string) []int {
	cols := []int{}
	for i, h := range t.Header() {
		if !slices.Contains(meta, strings.ToLower(h)) {
			cols = append(cols, i)
		}
	}
	return cols
}

// igoCode reads the code of one organisation in column col: its value, or
// -1 for missing (-9, empty) and not in the system (-1). max is the
// largest valid code.
func igoCode(t *importer.Table, col int, max int) (int, error) {
	switch s := t.Field(col); s {
	case "0":
		return 0, nil
	case "1":
		return 1, nil
	case "2", "3":
		if max >= 3 {
			return int(s[0] - '0'), nil
		}
	case "-9", "-1", "", "NA":
		return -1, nil
	}
	if max >= 3 {
		return 0, t.Errorf(col, "want 0, 1, 2, 3, -9 or -1, got %q", t.Field(col))
	}
	return 0, t.Errorf(col, "want 0, 1, -9 or -1, got %q", t.Field(col))
}

// igoDyadic reads a dyadic file: the dyadigos column when igos is nil,
// else the organisation columns igos (not nil, but maybe empty).
func igoDyadic(t *importer.Table, o *leverage.Observations, seen *importer.Keys, igos []int) error {
	cols, err := t.Columns("ccode1", "ccode2", "year")
	if err != nil {
		return err
	}
	count := t.Index("dyadigos")
	if igos != nil && len(igos) == 0 {
		return t.HeaderErrorf("no dyadigos column and no IGO columns (the header has %s)", strings.Join(t.Header(), ", "))
	}
	return t.Each(func() error {
		a, b, year, err := t.Dyad(cols)
		if err != nil {
			return err
		}
		a, b = min(a, b), max(a, b)
		if err := seen.Add(t, importer.Key(a, b, year), importer.PairYear); err != nil {
			return err
		}
		if igos == nil {
			return t.AddValue(o, count, 0, a, b, year)
		}
		known, shared := false, 0
		for _, c := range igos {
			code, err := igoCode(t, c, 1)
			if err != nil {
				return err
			}
			known = known || code >= 0
			if code == 1 {
				shared++
			}
		}
		if known {
			o.Add(0, a, b, year, float64(shared))
		}
		return nil
	})
}

// igoStates reads a state-year file: the sum_igo_* columns when igos is
// nil, else the organisation columns igos (not nil, but maybe empty).
func igoStates(t *importer.Table, o *leverage.Observations, seen *importer.Keys, igos []int) error {
	cols, err := t.Columns("ccode", "year")
	if err != nil {
		return err
	}
	var sums []int
	if igos == nil {
		if sums, err = t.Columns(igoStateSums...); err != nil {
			return err
		}
	} else if len(igos) == 0 {
		return t.HeaderErrorf("no sum_igo_* columns and no IGO columns (the header has %s)", strings.Join(t.Header(), ", "))
	}
	return t.Each(func() error {
		a, year, err := t.StateYear(cols)
		if err != nil {
			return err
		}
		if err := seen.Add(t, importer.Key(a, 0, year), importer.StateYear); err != nil {
			return err
		}
		if igos == nil {
			for i, c := range sums {
				if err := t.AddValue(o, c, 1+i, a, 0, year); err != nil {
					return err
				}
			}
			return nil
		}
		known := false
		var n [4]int // full, associate, observer, any
		for _, c := range igos {
			code, err := igoCode(t, c, 3)
			if err != nil {
				return err
			}
			known = known || code >= 0
			if code >= 1 {
				n[code-1]++
				n[3]++
			}
		}
		if known {
			for i, x := range n {
				o.Add(1+i, a, 0, year, float64(x))
			}
		}
		return nil
	})
}
