package zzold

import (
	"cmp"
	"slices"
)

// Unit kinds.
const (
	kindPercent = iota + 1
	kindPoints
	kindMoney   // a currency named after the number
	kindMass    // tonnes
	kindMassMt  // million tonnes
	kindBarrels // barrels, a stock
	kindFlow    // barrels per day
	kindGas     // billion cubic metres
	kindLength
	kindArea
	kindTime
)

// A unitDef is a way of writing a unit after a number.
type unitDef struct {
	pat    string  // lower case; a space matches white space
	exact  bool    // match case ("USD", "t")
	sep    uint8   // how it may follow the number: sepAttached|sepSpace|sepHyphen
	kind   uint8   //
	unit   string  // canonical unit, or the currency code for kindMoney
	factor float64 // into the canonical unit
	yearly bool    // the unit is per year ("mtpa", "bcm/y")
}

const (
	sepAttached = 1 << iota
	sepSpace
	sepHyphen
	sepAny  = sepAttached | sepSpace
	sepWord = sepAny | sepHyphen
)

const (
	mile       = 1.609344        // km
	squareMile = 2.589988110336  // km2
	cubicFoot  = 0.0283168466e-9 // bcm
)

// units lists the units Quantities reads, longest first so that "km2"
// wins over "km".
var units = sortUnits([]unitDef{
	{pat: "%", sep: sepAny, kind: kindPercent, unit: "%", factor: 1},
	{pat: "per cent", sep: sepSpace, kind: kindPercent, unit: "%", factor: 1},
	{pat: "per-cent", sep: sepSpace, kind: kindPercent, unit: "%", factor: 1},
	{pat: "percent", sep: sepSpace, kind: kindPercent, unit: "%", factor: 1},
	{pat: "pct", sep: sepSpace, kind: kindPercent, unit: "%", factor: 1},
	{pat: "percentage points", sep: sepSpace, kind: kindPoints, unit: "pp", factor: 1},
	{pat: "percentage point", sep: sepSpace, kind: kindPoints, unit: "pp", factor: 1},
	{pat: "pp", exact: true, sep: sepAny, kind: kindPoints, unit: "pp", factor: 1},
	{pat: "basis points", sep: sepSpace, kind: kindPoints, unit: "bp", factor: 1},
	{pat: "basis point", sep: sepSpace, kind: kindPoints, unit: "bp", factor: 1},
	{pat: "bps", sep: sepAny, kind: kindPoints, unit: "bp", factor: 1},
	{pat: "bp", exact: true, sep: sepAny, kind: kindPoints, unit: "bp", factor: 1},

	{pat: "us dollars", sep: sepSpace, kind: kindMoney, unit: "USD"},
	{pat: "u.s. dollars", sep: sepSpace, kind: kindMoney, unit: "USD"},
	{pat: "dollars", sep: sepSpace, kind: kindMoney, unit: "USD"},
	{pat: "USD", exact: true, sep: sepAny, kind: kindMoney, unit: "USD"},
	{pat: "euros", sep: sepSpace, kind: kindMoney, unit: "EUR"},
	{pat: "euro", sep: sepSpace, kind: kindMoney, unit: "EUR"},
	{pat: "EUR", exact: true, sep: sepAny, kind: kindMoney, unit: "EUR"},
	{pat: "roubles", sep: sepSpace, kind: kindMoney, unit: "RUB"},
	{pat: "rubles", sep: sepSpace, kind: kindMoney, unit: "RUB"},
	{pat: "rouble", sep: sepSpace, kind: kindMoney, unit: "RUB"},
	{pat: "ruble", sep: sepSpace, kind: kindMoney, unit: "RUB"},
	{pat: "RUB", exact: true, sep: sepAny, kind: kindMoney, unit: "RUB"},
	{pat: "tenge", sep: sepSpace, kind: kindMoney, unit: "KZT"},
	{pat: "KZT", exact: true, sep: sepAny, kind: kindMoney, unit: "KZT"},
	{pat: "yuan", sep: sepSpace, kind: kindMoney, unit: "CNY"},
	{pat: "renminbi", sep: sepSpace, kind: kindMoney, unit: "CNY"},
	{pat: "CNY", exact: true, sep: sepAny, kind: kindMoney, unit: "CNY"},
	{pat: "RMB", exact: true, sep: sepAny, kind: kindMoney, unit: "CNY"},
	{pat: "pounds sterling", sep: sepSpace, kind: kindMoney, unit: "GBP"},
	{pat: "GBP", exact: true, sep: sepAny, kind: kindMoney, unit: "GBP"},
	{pat: "yen", sep: sepSpace, kind: kindMoney, unit: "JPY"},
	{pat: "JPY", exact: true, sep: sepAny, kind: kindMoney, unit: "JPY"},

	{pat: "metric tonnes", sep: sepSpace, kind: kindMass, unit: "t", factor: 1},
	{pat: "metric tons", sep: sepSpace, kind: kindMass, unit: "t", factor: 1},
	{pat: "tonnes", sep: sepWord, kind: kindMass, unit: "t", factor: 1},
	{pat: "tonne", sep: sepWord, kind: kindMass, unit: "t", factor: 1},
	{pat: "tons", sep: sepWord, kind: kindMass, unit: "t", factor: 1},
	{pat: "ton", sep: sepWord, kind: kindMass, unit: "t", factor: 1},
	{pat: "t", exact: true, sep: sepAny, kind: kindMass, unit: "t", factor: 1},
	{pat: "kt", exact: true, sep: sepAny, kind: kindMass, unit: "t", factor: 1e3},
	{pat: "mt/y", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1, yearly: true},
	{pat: "mt/yr", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1, yearly: true},
	{pat: "mt/a", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1, yearly: true},
	{pat: "mtpa", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1, yearly: true},
	{pat: "mmtpa", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1, yearly: true},
	{pat: "mtpy", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1, yearly: true},
	{pat: "mt", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1},
	{pat: "mmt", sep: sepAny, kind: kindMassMt, unit: "Mt", factor: 1},

	{pat: "barrels", sep: sepWord, kind: kindBarrels, unit: "bbl", factor: 1},
	{pat: "barrel", sep: sepWord, kind: kindBarrels, unit: "bbl", factor: 1},
	{pat: "bbl", sep: sepAny, kind: kindBarrels, unit: "bbl", factor: 1},
	{pat: "bpd", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1},
	{pat: "b/d", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1},
	{pat: "bbl/d", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1},
	{pat: "bbl/day", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1},
	{pat: "bopd", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1},
	{pat: "kb/d", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1e3},
	{pat: "kbpd", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1e3},
	{pat: "mb/d", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1e6},
	{pat: "mbpd", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1e6},
	{pat: "mmb/d", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1e6},
	{pat: "mmbpd", sep: sepAny, kind: kindFlow, unit: "bbl/d", factor: 1e6},

	{pat: "bcm", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1},
	{pat: "bcm/y", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1, yearly: true},
	{pat: "bcm/yr", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1, yearly: true},
	{pat: "bcm/a", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1, yearly: true},
	{pat: "bcma", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1, yearly: true},
	{pat: "tcm", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1e3},
	{pat: "mcm", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1e-3},
	{pat: "cubic metres", sep: sepSpace, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "cubic meters", sep: sepSpace, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "cubic metre", sep: sepSpace, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "cubic meter", sep: sepSpace, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "cu m", sep: sepSpace, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "m3", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "m³", sep: sepAny, kind: kindGas, unit: "bcm", factor: 1e-9},
	{pat: "cubic feet", sep: sepSpace, kind: kindGas, unit: "bcm", factor: cubicFoot},
	{pat: "bcf", sep: sepAny, kind: kindGas, unit: "bcm", factor: cubicFoot * 1e9},
	{pat: "tcf", sep: sepAny, kind: kindGas, unit: "bcm", factor: cubicFoot * 1e12},

	{pat: "km", sep: sepWord, kind: kindLength, unit: "km", factor: 1},
	{pat: "kms", sep: sepAny, kind: kindLength, unit: "km", factor: 1},
	{pat: "kilometres", sep: sepWord, kind: kindLength, unit: "km", factor: 1},
	{pat: "kilometers", sep: sepWord, kind: kindLength, unit: "km", factor: 1},
	{pat: "kilometre", sep: sepWord, kind: kindLength, unit: "km", factor: 1},
	{pat: "kilometer", sep: sepWord, kind: kindLength, unit: "km", factor: 1},
	{pat: "miles", sep: sepWord, kind: kindLength, unit: "km", factor: mile},
	{pat: "mile", sep: sepWord, kind: kindLength, unit: "km", factor: mile},
	{pat: "metres", sep: sepWord, kind: kindLength, unit: "km", factor: 1e-3},
	{pat: "meters", sep: sepWord, kind: kindLength, unit: "km", factor: 1e-3},
	{pat: "metre", sep: sepWord, kind: kindLength, unit: "km", factor: 1e-3},
	{pat: "meter", sep: sepWord, kind: kindLength, unit: "km", factor: 1e-3},
	{pat: "km2", sep: sepAny, kind: kindArea, unit: "km2", factor: 1},
	{pat: "km²", sep: sepAny, kind: kindArea, unit: "km2", factor: 1},
	{pat: "sq km", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "sq. km", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "square kilometres", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "square kilometers", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "square kilometre", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "square kilometer", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "square km", sep: sepSpace, kind: kindArea, unit: "km2", factor: 1},
	{pat: "square miles", sep: sepSpace, kind: kindArea, unit: "km2", factor: squareMile},
	{pat: "square mile", sep: sepSpace, kind: kindArea, unit: "km2", factor: squareMile},
	{pat: "sq mi", sep: sepSpace, kind: kindArea, unit: "km2", factor: squareMile},
	{pat: "hectares", sep: sepSpace, kind: kindArea, unit: "km2", factor: 0.01},

	{pat: "years", sep: sepWord, kind: kindTime, unit: "years", factor: 1},
	{pat: "year", sep: sepWord, kind: kindTime, unit: "years", factor: 1},
	{pat: "yrs", sep: sepSpace, kind: kindTime, unit: "years", factor: 1},
	{pat: "decades", sep: sepWord, kind: kindTime, unit: "years", factor: 10},
	{pat: "decade", sep: sepWord, kind: kindTime, unit: "years", factor: 10},
	{pat: "months", sep: sepWord, kind: kindTime, unit: "months", factor: 1},
	{pat: "month", sep: sepWord, kind: kindTime, unit: "months", factor: 1},
	{pat: "weeks", sep: sepWord, kind: kindTime, unit: "weeks", factor: 1},
	{pat: "week", sep: sepWord, kind: kindTime, unit: "weeks", factor: 1},
	{pat: "days", sep: sepWord, kind: kindTime, unit: "days", factor: 1},
	{pat: "day", sep: sepWord, kind: kindTime, unit: "days", factor: 1},
})

// unitsByFirst lists, for each lower-case first byte, the indexes into
// units of the units that start with it.
var unitsByFirst = indexUnits(units)

func indexUnits(u []unitDef) [256][]uint8 {
	var idx [256][]uint8
	for k, d := range u {
		c := d.pat[0]
		idx[c] = append(idx[c], uint8(k))
		if d.exact && isLower(c) {
			continue
		}
		if isLower(c) {
			idx[c-'a'+'A'] = append(idx[c-'a'+'A'], uint8(k))
		}
	}
	return idx
}

func sortUnits(u []unitDef) []unitDef {
	slices.SortStableFunc(u, func(a, b unitDef) int { return cmp.Compare(len(b.pat), len(a.pat)) })
	return u
}

// matchUnit matches a unit at text[p:], directly after a number or a
// scale. It returns the unit and its end, or nil.
func matchUnit(text string, p int) (*unitDef, int) {
	if p >= len(text) {
		return nil, 0
	}
	var seps [3]struct {
		at  int
		sep uint8
	}
	n := 0
	seps[n].at, seps[n].sep = p, sepAttached
	n++
	if text[p] == '-' {
		seps[n].at, seps[n].sep = p+1, sepHyphen
		n++
	} else if q := skipSpace(text, p); q > p && hspace(text, p) > 0 {
		seps[n].at, seps[n].sep = q, sepSpace
		n++
	}
	for _, s := range seps[:n] {
		if s.at >= len(text) {
			continue
		}
		for _, k := range unitsByFirst[text[s.at]] {
			u := &units[k]
			if u.sep&s.sep == 0 {
				continue
			}
			if e, ok := matchPhrase(text, s.at, u.pat, !u.exact); ok {
				return u, e
			}
		}
	}
	return nil, 0
}

// matchScale matches a scale at text[p:]: attached ("26bn", "50k", "5m")
// or after a space ("26 billion"). ambiguous is set for an attached "m" or
// "b", which may be metres or bits and counts only before a currency or unit.
func matchScale(text string, p int) (mult float64, end int, ambiguous bool) {
	if p >= len(text) {
		return 0, 0, false
	}
	if letterAt(text, p) {
		e := wordEnd(text, p)
		w := text[p:e]
		switch w {
		case "k", "K":
			return 1e3, e, false
		case "m", "M":
			return 1e6, e, true
		case "b", "B":
			return 1e9, e, true
		}
		if m := scaleWord(w); m > 0 && m != 1e3 {
			return m, e, false
		}
		return 0, 0, false
	}
	if hspace(text, p) == 0 {
		return 0, 0, false
	}
	ws, we := nextWord(text, p)
	if m := scaleWord(text[ws:we]); m > 0 {
		return m, we, false
	}
	return 0, 0, false
}

// peopleNoun reports whether w counts people.
func peopleNoun(w string) bool {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "troops", "soldiers", "servicemen", "servicemembers", "personnel",
		"people", "persons", "migrants", "immigrants", "emigrants", "refugees",
		"workers", "labourers", "laborers", "residents", "citizens", "civilians",
		"protesters", "protestors", "demonstrators", "peacekeepers", "employees",
		"inhabitants", "officers", "fighters", "militants", "nationals",
		"speakers", "voters", "students", "children", "men", "women", "adults",
		"deaths", "dead", "casualties", "victims", "detainees", "prisoners",
		"tourists", "visitors", "volunteers", "reservists", "conscripts",
		"recruits", "guards", "policemen", "police", "individuals",
		"paratroopers", "servicewomen", "russians", "kazakhs",
		"ukrainians", "uzbeks", "kyrgyz", "tajiks", "turkmen", "belarusians",
		"armenians", "georgians", "azerbaijanis", "germans", "uighurs", "uyghurs",
		"koreans", "tatars", "chinese", "americans", "europeans", "afghans":
		return true
	}
	return false
}
