package cow

import (
	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The COW trade dataset and its variables. Flows and totals are in million
// current US dollars.
const (
	Trade = "cow-trade"
	// TradeFlow is directed: the value of A's imports from B. Each row of
	// a dyadic file gives both directions: flow1 is (ccode1, ccode2) and
	// flow2 is (ccode2, ccode1).
	TradeFlow = "cow-trade.flow"
	// TradeSmoothFlow is TradeFlow as COW smoothed it (smoothflow1 and
	// smoothflow2), directed the same way.
	TradeSmoothFlow = "cow-trade.smoothflow"
	TradeImports    = "cow-trade.imports" // A's total imports
	TradeExports    = "cow-trade.exports" // A's total exports
)

// ImportTrade reads COW Trade v4.0 files: dyadic files in the layout of
// peacesciencer's cow_trade_ndy.csv (ccode1, ccode2, year, flow1, flow2,
// smoothflow1, smoothflow2) or of COW's Dyadic_COW_4.0.csv, and national
// files in the layout of cow_trade_sy.csv (ccode, year, imports, exports) or
// of National_COW_4.0.csv. Dyadic files are non-directed: a pair may
// appear once a year, in either order.
func ImportTrade(files []importer.File) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: TradeFlow, Unit: "USD m", Dyadic: true, Directed: true, Source: Trade,
			Description: "imports of A from B, million current US dollars"},
		{Name: TradeSmoothFlow, Unit: "USD m", Dyadic: true, Directed: true, Source: Trade,
			Description: "imports of A from B as smoothed by COW, million current US dollars"},
		{Name: TradeImports, Unit: "USD m", Source: Trade, Description: "total imports of A, million current US dollars"},
		{Name: TradeExports, Unit: "USD m", Source: Trade, Description: "total exports of A, million current US dollars"},
	}}
	n := importer.Rows(files)
	dyads, states := importer.NewKeys(n), importer.NewKeys(0)
	importer.Grow(o, 4*n)
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		switch {
		case t.Has("ccode1", "ccode2", "year", "flow1", "flow2"):
			layout := "peacesciencer cow_trade_ndy"
			if t.Has("importer1") {
				layout = "COW Dyadic_COW_4.0"
			}
			return layout, tradeDyadic(t, o, dyads)
		case t.Has("ccode", "year", "imports", "exports"):
			layout := "peacesciencer cow_trade_sy"
			if t.Has("statename") {
				layout = "COW National_COW_4.0"
			}
			return layout, tradeNational(t, o, states)
		}
		return "", unknownLayout(t, "COW trade", "ccode1, ccode2, year, flow1, flow2 (dyadic)", "ccode, year, imports, exports (national)")
	})
	if err != nil {
		return nil, err
	}
	src := source(Trade, "Correlates of War Trade v4.0 (dyadic and national trade, 1870-2014)",
		"https://correlatesofwar.org/data-sets/bilateral-trade/", "2017",
		"Barbieri, Keshk & Pollins (2009), Trading Data: Evaluating our Assumptions and Coding Rules, Conflict Management and Peace Science 26(5): 471-491; Barbieri & Keshk (2016), Correlates of War Project Trade Data Set Codebook, Version 4.0. Million current US dollars; peacesciencer rounds flows to whole millions.",
		layouts)
	return importer.Finish(files, o, src, layouts), nil
}

func tradeDyadic(t *importer.Table, o *leverage.Observations, seen *importer.Keys) error {
	cols, err := t.Columns("ccode1", "ccode2", "year", "flow1", "flow2")
	if err != nil {
		return err
	}
	smooth1, smooth2 := t.Index("smoothflow1"), t.Index("smoothflow2")
	return t.Each(func() error {
		a, b, year, err := t.Dyad(cols)
		if err != nil {
			return err
		}
		if err := seen.Add(t, importer.Key(min(a, b), max(a, b), year), importer.PairYear); err != nil {
			return err
		}
		// Variable 0 is the flow, 1 the smoothed flow; each pair of columns
		// gives A's imports from B, then B's from A.
		for v, c := range [][2]int{{cols[3], cols[4]}, {smooth1, smooth2}} {
			for i, col := range c {
				if col < 0 {
					continue
				}
				from, to := a, b
				if i == 1 {
					from, to = b, a
				}
				if err := t.AddValue(o, col, v, from, to, year); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func tradeNational(t *importer.Table, o *leverage.Observations, seen *importer.Keys) error {
	cols, err := t.Columns("ccode", "year", "imports", "exports")
	if err != nil {
		return err
	}
	return t.Each(func() error {
		a, year, err := t.StateYear(cols)
		if err != nil {
			return err
		}
		if err := seen.Add(t, importer.Key(a, 0, year), importer.StateYear); err != nil {
			return err
		}
		for i, c := range cols[2:] { // imports and exports: variables 2 and 3
			if err := t.AddValue(o, c, 2+i, a, 0, year); err != nil {
				return err
			}
		}
		return nil
	})
}
