package text

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// Quantity is a number with its unit and what it measures.
type Quantity struct {
	Span        // the whole expression: "about 2,500 troops", "80% of oil exports", "trade of $26 billion"
	Text string // text[Start:End]

	// Value is the number in Unit, with its scale applied. Money is in
	// millions of its currency, the unit of the dataset: "$26 billion" is
	// 26000 "USD m" and "€1.2bn" is 1200 "EUR m". A range has its midpoint.
	Value float64
	// Low and High bound a range ("30-40%", "between 2,000 and 2,500");
	// otherwise they equal Value.
	Low, High float64
	// Unit is canonical:
	//
	//	%, pp, bp          per cent, percentage points, basis points; fractions ("a third") are in %
	//	USD m, EUR m, ...  millions of a currency (USD, EUR, RUB, KZT, CNY, GBP, JPY)
	//	USD m/y, ...       the same a year ("$5bn a year")
	//	USD/bbl, USD/t     a price per barrel, tonne, litre (USD/l) or 1,000 cubic metres (USD/1000 m3), in units of the currency
	//	persons            troops, soldiers, servicemen, personnel, people, migrants, ...
	//	t, Mt, Mt/y        tonnes; million tonnes (from "million tonnes", "Mt"); a year ("mtpa")
	//	bbl, bbl/d         barrels; barrels per day ("bpd", "b/d", "kb/d")
	//	bcm, bcm/y         billion cubic metres; a year
	//	km, km2            kilometres (miles and metres converted); square kilometres
	//	years, months, weeks, days   durations ("three decades" is 30 years)
	//	""                 a bare count ("14 strategic objects", "26bn")
	Unit string
	// Of is what the quantity measures when the text says: "oil exports" in
	// "80% of oil exports", "troops" in "2,500 troops", "trade" in "trade
	// of $26 billion"; lower case, without a leading article or possessive
	// determiner ("a third of its exports" measures "exports").
	Of string
	// Approx is set by "about", "around", "nearly", "almost", "some", "more
	// than", "less than", "over", "under", "up to", "at least", "~" and the
	// like.
	Approx bool
}

// Quantities returns the quantities text states, in order.
//
// Numbers are read in digits, with thousands separated by commas ("2,500"),
// spaces ("2 500") or, when unambiguous, full stops ("2.500.000"), with
// decimals; or in words ("two", "twenty-five", "a dozen", "a third",
// "half"). Scales ("thousand", "k", "million", "mln", "m", "billion",
// "bn", "trillion"), currencies before ("$", "US$", "USD", "€", "£", "₽",
// "₸") or after ("dollars", "euros", "roubles", "tenge"), ranges ("30-40%",
// "30 to 40 per cent", "between 2,000 and 2,500") and the units listed at
// Quantity.Unit are understood.
//
// Years and other dates (see Dates), ordinals ("2nd"), references
// ("Article 7", "No. 2", "Resolution 2254"), list numbers ("1."), times
// ("10:30"), identifiers ("G7", "Su-27", "COVID-19") and numbers in words
// without a unit ("two countries") are not quantities.
func Quantities(text string) []Quantity {
	dates, runs := dateSpans(text)
	out := make([]Quantity, 0, runs-len(dates)+4)
	floor, next := 0, 0 // next is the first date that ends after i
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case isDigit(c):
			for next < len(dates) && dates[next].End <= i {
				next++
			}
			if next < len(dates) && dates[next].Start <= i {
				i = dates[next].End
				continue
			}
			num := lexDigits(text, i)
			if q, ok := quantityAt(text, num, floor, dates); ok {
				out = append(out, q)
				floor, i = q.End, q.End
				continue
			}
			i = num.end
		case isLetter(c):
			// The word's ASCII letters here, the rest (if any) by wordEnd.
			we := i + 1
			for we < len(text) && letter[text[we]] {
				we++
			}
			if we < len(text) && text[we] >= utf8.RuneSelf {
				we = wordEnd(text, we)
			}
			if numberWordStart(text[i:we]) && !letterBefore(text, i) {
				if num, ok := lexWords(text, i, we); ok {
					if q, ok := quantityAt(text, num, floor, dates); ok {
						out = append(out, q)
						floor, i = q.End, q.End
						continue
					}
				}
			}
			i = we
		default:
			// Skip to the next ASCII letter or digit.
			i++
			for i < len(text) && !alnum[text[i]] {
				i++
			}
		}
	}
	return out
}

// numberWordStart reports whether a number in words may start with w:
// "a", "an", "half" or a word wordValue knows, by its first three letters.
func numberWordStart(w string) bool {
	if len(w) <= 2 {
		return w[0]|0x20 == 'a' && (len(w) == 1 || w[1]|0x20 == 'n')
	}
	k := threeLetters(w)
	return len(w) <= 9 && numberStarts[k/64]&(1<<(k%64)) != 0
}

// threeLetters numbers the first three bytes of w by letterNo: below
// 1<<15, and distinct for distinct letters, whatever their case.
func threeLetters(w string) uint {
	return uint(letterNo[w[0]])<<10 | uint(letterNo[w[1]])<<5 | uint(letterNo[w[2]])
}

// letterNo numbers the ASCII letters from 1 to 26, whatever their case;
// other bytes are 0.
var letterNo = func() (t [256]uint8) {
	for c := range 26 {
		t['a'+c], t['A'+c] = uint8(c+1), uint8(c+1)
	}
	return t
}()

// numberStarts marks the first three letters of the number words, by
// threeLetters.
var numberStarts = func() (set [1 << 15 / 64]uint64) {
	for _, w := range []string{"one", "two", "twe", "thr", "thi", "fou", "for", "fiv", "fif", "six",
		"sev", "eig", "nin", "ten", "ele", "hal"} {
		set[threeLetters(w)/64] |= 1 << (threeLetters(w) % 64)
	}
	return set
}()

// inDate reports whether i is inside one of the spans.
func inDate(dates []Span, i int) bool {
	k := sort.Search(len(dates), func(k int) bool { return dates[k].End > i })
	return k < len(dates) && dates[k].Start <= i
}

// tail is what follows a number: a scale, a unit, or both.
type tail struct {
	end       int
	scale     float64 // 0 when none
	ambiguous bool    // an attached "m" or "b"
	unit      *unitDef
}

func parseTail(text string, p int) tail {
	t := tail{end: p}
	if u, e := matchUnit(text, p); u != nil {
		t.unit, t.end = u, e
		return t
	}
	if m, e, amb := matchScale(text, p); m > 0 {
		t.scale, t.end, t.ambiguous = m, e, amb
		if u, e2 := matchUnit(text, e); u != nil {
			t.unit, t.end = u, e2
		}
	}
	return t
}

func (t tail) mult() float64 {
	if t.scale == 0 {
		return 1
	}
	return t.scale
}

// quantityAt reads the quantity around the numeral num, not reaching back
// before floor.
func quantityAt(text string, num numeral, floor int, dates []Span) (Quantity, bool) {
	if num.bad || num.start < floor {
		return Quantity{}, false
	}
	i := num.start
	if !num.words && !digitsStandAlone(text, num) {
		return Quantity{}, false
	}
	start := i
	currency, cs := currencyBefore(text, i)
	if currency != "" && cs >= floor {
		start = cs
	} else {
		currency = ""
	}
	neg := false
	if currency == "" && !num.words {
		if s, ok := signBefore(text, i); ok && s >= floor {
			neg, start = true, s
		}
	}

	// A fraction needs company: "half of", "half the", "by half", "half a
	// million", "a third of", "by two-thirds"; "a third country" is none.
	if num.fraction && num.end-num.start == 4 {
		var ok bool
		if num, ok = halfAt(text, num); !ok {
			return Quantity{}, false
		}
	} else if num.fraction {
		ws, we := prevWord(text, num.start)
		if _, _, ok := ofAfter(text, num.end, true); !ok && !(we > ws && equalFold(text[ws:we], "by")) {
			return Quantity{}, false
		}
	}

	t1 := parseTail(text, num.end)
	if t1.end == num.end && !num.fraction && glued(text, num.end) {
		return Quantity{}, false
	}
	if num.words && equalFold(text[num.start:num.end], "one") && t1.scale == 0 &&
		(t1.unit == nil || t1.unit.kind != kindPercent) {
		return Quantity{}, false
	}
	end := t1.end
	low, high := num.value*t1.mult(), num.value*t1.mult()
	unit := t1.unit
	scale := t1.scale
	ambiguous := t1.ambiguous
	isRange := false

	// A range: "30-40%", "$20-30 billion", "30 to 40 per cent", "between 2,000 and 2,500".
	pw, pwe := prevWord(text, start)
	between := pw < pwe && pw >= floor && equalFold(text[pw:pwe], "between")
	from := pw < pwe && pw >= floor && equalFold(text[pw:pwe], "from")
	if !num.fraction {
		n2, t2, to, ok := rangeAt(text, num, t1, currency != "", between, dates)
		if ok && from && to && t1.unit == nil && t1.scale == 0 && changeBefore(text, pw, floor) {
			// "rose from 30 to 40 per cent" is a change, not a range: the
			// first number takes the unit of the second, which follows.
			ok = false
			unit, scale, ambiguous = t2.unit, t2.scale, t2.ambiguous
			low, high = num.value*t2.mult(), num.value*t2.mult()
			start = pw
		}
		if ok {
			// A scale or unit on one side holds for both: "$20-30 billion",
			// "20bn to 30", "30-40%".
			isRange = true
			s1, s2 := t1, t2
			if s1.scale == 0 && s1.unit == nil {
				s1.scale = s2.scale
			}
			if s2.scale == 0 {
				s2.scale = s1.scale
			}
			if unit == nil {
				unit = t2.unit
			}
			scale = max(s1.scale, s2.scale)
			ambiguous = ambiguous || t2.ambiguous
			low, high = num.value*s1.mult(), n2.value*s2.mult()
			end = t2.end
			if between || from && to {
				start = pw
			}
		}
	}

	q := Quantity{}
	var factor float64 = 1
	of := ""
	substance := false
	approx := false

	switch {
	case currency != "" || unit != nil && unit.kind == kindMoney:
		if currency == "" {
			currency = unit.unit
		} else if unit != nil && unit.kind != kindMoney {
			return Quantity{}, false // "$5 Mt"
		}
		q.Unit, factor, end = moneyAfter(text, currency, end)
	case unit != nil:
		var sub string
		q.Unit, factor, sub, end = physicalAfter(text, unit, scale, end)
		if sub != "" {
			of, substance = sub, true
		}
	}

	// Postfix approximations: "2,500-odd", "2,500 or so", "3 or more".
	if e, ok := matchPhrase(text, end, "-odd", true); ok {
		approx, end = true, e
	} else if p := skipSpace(text, end); p > end {
		if e, ok := matchPhrase(text, p, "or so", true); ok {
			approx, end = true, e
		} else if e, ok := matchPhrase(text, p, "or more", true); ok {
			approx, end = true, e
		}
	}
	if q.Unit == "" {
		// No unit: people, a fraction, or a bare count.
		if e, noun, ok := peopleAfter(text, end); ok {
			q.Unit, of, end = "persons", noun, e
		} else if e, noun, ok := strongAfter(text, end); ok {
			q.Unit, of, end = "persons", noun, e
		} else if num.fraction {
			q.Unit = "%"
		} else if ambiguous || num.words && scale == 0 {
			return Quantity{}, false
		}
	}
	if ambiguous && q.Unit == "" {
		return Quantity{}, false
	}

	// Prefix approximations.
	if start == i || start == cs && currency != "" {
		if s, ok := approxBefore(text, start, floor); ok {
			approx, start = true, s
		}
	}

	// What it measures.
	switch {
	case substance:
		// "of oil" was read after the unit; a noun before still wins:
		// "exports of 1.5 million barrels of oil per day".
		if s, e, ws, ok := ofBefore(text, start, floor); ok {
			of, start = lowerASCII(text[s:e]), ws
		} else {
			of = lowerASCII(of)
		}
	case of == "":
		of, start, end = measured(text, q.Unit, start, end, floor)
		if q.Unit == "" && (of == "population" || strings.HasSuffix(of, " population")) {
			q.Unit = "persons"
		}
	}

	if neg {
		low = -low
		if !isRange {
			high = low
		}
	}
	if num.fraction {
		factor = 1
	}
	low, high = convert(low, factor), convert(high, factor)
	if low > high {
		low, high = high, low
	}
	value := low
	if isRange {
		value = low/2 + high/2
		value = math.Min(math.Max(value, low), high)
	}
	if math.IsInf(low, 0) || math.IsInf(high, 0) || math.IsNaN(value) {
		return Quantity{}, false
	}
	q.Span = Span{start, end}
	q.Text = text[start:end]
	q.Value, q.Low, q.High = value, low, high
	q.Of = of
	q.Approx = approx
	return q, true
}

// convert returns v*factor, dividing instead when factor is the inverse of
// a whole number so that "120 tenge" is exactly 0.00012 "KZT m".
func convert(v, factor float64) float64 {
	if factor < 1 {
		if inv := math.Round(1 / factor); inv*factor == 1 {
			return v / inv
		}
	}
	return v * factor
}

// moneyAfter reads what may follow an amount of money at end: a price's
// "a barrel", or "a year"; it returns the unit, the factor into it and
// the new end.
func moneyAfter(text, currency string, end int) (string, float64, int) {
	if e, per, ok := perItem(text, end); ok {
		return moneyUnit(currency, "/"+per), 1, e
	}
	if e, ok := perPeriod(text, end, 'y'); ok {
		return moneyUnit(currency, " m/y"), 1e-6, e
	}
	return moneyUnit(currency, " m"), 1e-6, end
}

// physicalAfter reads what may follow a physical unit at end: a period
// ("a year", "per day"), perhaps after a substance ("of oil a year"); it
// returns the canonical unit, the factor into it, the substance and the
// new end.
func physicalAfter(text string, u *unitDef, scale float64, end int) (unit string, factor float64, sub string, e int) {
	factor = u.factor
	yearly := u.yearly
	daily := u.kind == kindFlow
	if s, e, ok := substanceThenPeriod(text, end, u.kind); ok {
		sub, end = s, e
		if u.kind == kindBarrels {
			daily = true
		} else {
			yearly = true
		}
	} else if u.kind == kindBarrels {
		if e, ok := perPeriod(text, end, 'd'); ok {
			daily, end = true, e
		}
	} else if u.kind == kindMass || u.kind == kindMassMt || u.kind == kindGas {
		if e, ok := perPeriod(text, end, 'y'); ok {
			yearly, end = true, e
		}
	}
	switch u.kind {
	case kindMass:
		// Tonnes counted in millions, or by the year, are in Mt.
		if yearly || scale >= 1e6 {
			factor *= 1e-6
			unit = "Mt"
		} else {
			unit = "t"
		}
	case kindMassMt:
		unit = "Mt"
	case kindBarrels, kindFlow:
		unit = "bbl"
		if daily {
			unit = "bbl/d"
		}
	default:
		unit = u.unit
	}
	switch {
	case yearly && unit == "Mt":
		unit = "Mt/y"
	case yearly && unit == "bcm":
		unit = "bcm/y"
	}
	return unit, factor, sub, end
}

// measured finds what a quantity in unit measures, from the words after it
// ("80% of oil exports", "14 strategic objects") or before it ("trade of
// $26 billion"), and widens its span over them.
func measured(text, unit string, start, end, floor int) (of string, s, e int) {
	after := func(nouns bool) bool {
		if s, e, ok := ofAfter(text, end, true); ok {
			of, end = lowerASCII(text[s:e]), e
			return true
		}
		if s, e, ok := nounAfter(text, end); nouns && ok {
			of, end = lowerASCII(text[s:e]), e
			return true
		}
		return false
	}
	before := func() bool {
		if s, e, ws, ok := ofBefore(text, start, floor); ok {
			of, start = lowerASCII(text[s:e]), ws
			return true
		}
		return false
	}
	switch unit {
	case "%", "pp", "bp":
		if !after(false) {
			before()
		}
	case "":
		if !after(true) {
			before()
		}
	default:
		if !before() {
			after(false)
		}
	}
	return of, start, end
}

// moneyUnit returns currency+suffix, without allocating for the usual ones.
func moneyUnit(currency, suffix string) string {
	switch suffix {
	case " m":
		switch currency {
		case "USD":
			return "USD m"
		case "EUR":
			return "EUR m"
		case "RUB":
			return "RUB m"
		case "KZT":
			return "KZT m"
		}
	case " m/y":
		switch currency {
		case "USD":
			return "USD m/y"
		case "EUR":
			return "EUR m/y"
		case "RUB":
			return "RUB m/y"
		case "KZT":
			return "KZT m/y"
		}
	}
	return currency + suffix
}

// glued reports whether letters stick to the number at p ("5G", "2nd",
// "1990s", "COVID-19x"), which makes it no quantity.
func glued(text string, p int) bool {
	if p >= len(text) {
		return false
	}
	if letterAt(text, p) {
		return true
	}
	if text[p] == '-' && letterAt(text, p+1) {
		e := wordEnd(text, p+1)
		w := text[p+1 : e]
		return !equalFold(w, "odd") && !equalFold(w, "strong")
	}
	return false
}

// changeBefore reports whether a verb of change stands before "from" at
// pw: "rose from 30 to 40 per cent".
func changeBefore(text string, pw, floor int) bool {
	ws, we := prevWord(text, pw)
	if ws == we || ws < floor {
		return false
	}
	var buf [16]byte
	switch string(fold(&buf, text[ws:we])) {
	case "rose", "risen", "rise", "rises", "fell", "fallen", "fall", "falls",
		"increased", "increase", "increases", "decreased", "decrease",
		"grew", "grown", "grow", "dropped", "declined", "climbed", "jumped",
		"surged", "slipped", "slumped", "soared", "cut", "reduced", "raised",
		"expanded", "shrank", "shrunk", "up", "down", "went", "moved",
		"changed", "boosted", "lowered", "doubled", "halved", "tripled":
		return true
	}
	return false
}

// digitsStandAlone reports whether the digits of num stand alone as a
// number rather than being part of an identifier, a reference, a time, a
// fraction or a list marker.
func digitsStandAlone(text string, num numeral) bool {
	i, j := num.start, num.end
	if i > 0 {
		b := text[i-1]
		switch {
		case letterBefore(text, i):
			return false // "G7", "A330"
		case b == '-' && (letterBefore(text, i-1) || i >= 2 && isDigit(text[i-2])):
			return false // "Su-27", "2019-20"
		case (b == '/' || b == ':' || b == '.' || b == ',') && i >= 2 && isDigit(text[i-2]):
			return false // "24/7", "10:30"
		case b == '#' || b == '+' || b == '_' || b == '@':
			return false
		case b == '(' && j < len(text) && text[j] == ')':
			return false // "(2)"
		}
	}
	if j+1 < len(text) && (text[j] == '/' || text[j] == ':') && isDigit(text[j+1]) {
		return false
	}
	if j < len(text) && text[j] == '_' {
		return false
	}
	// "0900 GMT", "007": codes and clock times.
	if num.plain && j-i >= 2 && text[i] == '0' {
		return false
	}
	// "1. Introduction", "2) ...", "Notes: 1. Figures"
	if j+1 < len(text) && (text[j] == '.' || text[j] == ')') && (text[j+1] == ' ' || text[j+1] == '\t') && j-i <= 2 {
		if atLineStart(text, i) {
			return false
		}
		if p := skipSpaceBack(text, i); p > 0 && p < i && (text[p-1] == ':' || text[p-1] == '.' && p >= 2 && !isDigit(text[p-2])) {
			return false
		}
	}
	// "5 p.m.", "10 am"
	if ws, we := nextWord(text, j); we > ws {
		w := text[ws:we]
		if (equalFold(w, "a") || equalFold(w, "p")) && we < len(text) && text[we] == '.' && we+1 < len(text) && (text[we+1]|0x20) == 'm' {
			return false
		}
		if ws > j && (equalFold(w, "am") || equalFold(w, "pm") || w == "GMT" || w == "UTC" || w == "CET" || w == "MSK" || equalFold(w, "hrs") || equalFold(w, "local")) {
			return false
		}
	}
	return !referenceBefore(text, i)
}

// referenceBefore reports whether a reference word ("Article", "No.",
// "Resolution") stands right before i.
func referenceBefore(text string, i int) bool {
	j := skipSpaceBack(text, i)
	if j > 0 && text[j-1] == '.' {
		j--
	}
	ws := wordStart(text, j)
	if ws == j {
		return false
	}
	var buf [16]byte
	switch string(fold(&buf, text[ws:j])) {
	case "article", "articles", "art", "arts", "no", "nos", "number", "section",
		"sections", "sec", "chapter", "ch", "chap", "part", "paragraph", "para",
		"page", "pages", "p", "pp", "clause", "resolution", "item", "point",
		"rule", "decree", "protocol", "annex", "appendix", "table", "figure",
		"fig", "vol", "volume", "issue", "version", "level", "phase", "stage",
		"round", "class", "category", "type", "model", "route", "highway",
		"flight", "unit", "block", "line", "platform", "gate", "track",
		"episode", "season", "grade", "step", "box", "code", "tier", "zone",
		"district", "lane", "amendment", "bill", "act", "law", "order", "op",
		"opus", "psalm", "verse", "footnote", "note", "exhibit", "schedule",
		"ward", "bus", "room", "suite", "apartment", "apt", "building", "floor",
		"window", "terminal", "runway", "channel", "session", "convocation",
		"paragraphs", "tables", "figures", "sura", "chapters", "pages's":
		return true
	}
	return false
}

// currencyBefore returns the currency written right before the number at
// i ("$", "US$", "USD ", "€", "£", "₽", "₸") and where it starts.
func currencyBefore(text string, i int) (string, int) {
	j := i
	if n := hspaceBefore(text, j); n > 0 {
		j -= n
	}
	if j <= 0 {
		return "", 0
	}
	switch {
	case text[j-1] == '$':
		s := j - 1
		switch {
		case s >= 2 && text[s-2:s] == "US":
			s -= 2
		case s >= 4 && text[s-4:s] == "U.S.":
			s -= 4
		case letterBefore(text, s):
			return "", 0 // "A$", "HK$": another dollar
		}
		if letterBefore(text, s) {
			return "", 0
		}
		return "USD", s
	case strings.HasSuffix(text[:j], "€"):
		return "EUR", j - len("€")
	case strings.HasSuffix(text[:j], "£"):
		return "GBP", j - len("£")
	case strings.HasSuffix(text[:j], "₽"):
		return "RUB", j - len("₽")
	case strings.HasSuffix(text[:j], "₸"):
		return "KZT", j - len("₸")
	}
	if j == i {
		return "", 0 // codes need a space: "USD 26bn"
	}
	ws := wordStart(text, j)
	switch text[ws:j] {
	case "USD", "EUR", "RUB", "KZT", "GBP", "CNY", "RMB", "JPY":
		c := text[ws:j]
		if c == "RMB" {
			c = "CNY"
		}
		return c, ws
	}
	return "", 0
}

// signBefore reports a minus sign right before i ("-5%", "−3.2%").
func signBefore(text string, i int) (int, bool) {
	s := -1
	switch {
	case i >= 1 && text[i-1] == '-':
		s = i - 1
	case i >= 3 && text[i-3:i] == "−":
		s = i - 3
	default:
		return 0, false
	}
	if s == 0 {
		return s, true
	}
	switch text[s-1] {
	case ' ', '\t', '\n', '(':
		return s, true
	}
	return 0, false
}

// halfAt decides what "half" at num means.
func halfAt(text string, num numeral) (numeral, bool) {
	if ws, we := prevWord(text, num.start); we > ws {
		w := text[ws:we]
		if equalFold(w, "the") || equalFold(w, "first") || equalFold(w, "second") ||
			equalFold(w, "latter") || equalFold(w, "former") || equalFold(w, "other") {
			return num, false
		}
		if equalFold(w, "by") {
			return num, true
		}
	}
	if we := num.end; we < len(text) && text[we] == '-' {
		return num, false // "half-hearted"
	}
	ws, we := nextWord(text, num.end)
	w := text[ws:we]
	switch {
	case equalFold(w, "of"):
		if _, _, ok := ofAfter(text, num.end, true); ok {
			return num, true
		}
	case equalFold(w, "a") || equalFold(w, "an"):
		// "half a million": the scale follows.
		if s, e := nextWord(text, we); scaleWord(text[s:e]) > 0 {
			num.value, num.fraction, num.end = 0.5, false, we
			return num, true
		}
	case determiner(w):
		if _, _, ok := phraseAfter(text, we, false); ok {
			return num, true
		}
	}
	return num, false
}

// rangeAt reads the second half of a range after the first number and its
// tail: "-40%", "–5.9 Mt", " to 40 per cent", " and 2,500" (after
// "between"); to reports the connector "to".
func rangeAt(text string, num numeral, t1 tail, currency, between bool, dates []Span) (n2 numeral, t2 tail, to, ok bool) {
	p := t1.end
	q := p
	for q < len(text) && hspace(text, q) > 0 {
		q += hspace(text, q)
	}
	var j int
	switch {
	case between:
		e, ok := matchPhrase(text, skipSpace(text, p), "and", true)
		if !ok || skipSpace(text, p) == p {
			return numeral{}, tail{}, false, false
		}
		j = skipSpace(text, e)
	case q < len(text) && text[q] == '-':
		j = q + 1
	case strings.HasPrefix(text[q:], "–") || strings.HasPrefix(text[q:], "—"):
		j = q + 3
	default:
		e, ok := matchPhrase(text, skipSpace(text, p), "to", true)
		if !ok || skipSpace(text, p) == p {
			return numeral{}, tail{}, false, false
		}
		j, to = skipSpace(text, e), true
	}
	for j < len(text) && hspace(text, j) > 0 {
		j += hspace(text, j)
	}
	if currency {
		if j < len(text) && text[j] == '$' {
			j++
		} else if strings.HasPrefix(text[j:], "€") || strings.HasPrefix(text[j:], "£") {
			j += 2
			if text[j-2] == 0xE2 {
				j++
			}
		}
	}
	if j >= len(text) {
		return numeral{}, tail{}, false, false
	}
	if num.words {
		we := wordEnd(text, j)
		if we == j {
			return numeral{}, tail{}, false, false
		}
		if n2, ok = lexWords(text, j, we); !ok || n2.fraction {
			return numeral{}, tail{}, false, false
		}
	} else {
		if !isDigit(text[j]) || inDate(dates, j) {
			return numeral{}, tail{}, false, false
		}
		n2 = lexDigits(text, j)
		if n2.bad || !digitsStandAloneAfter(text, n2) {
			return numeral{}, tail{}, false, false
		}
	}
	t2 = parseTail(text, n2.end)
	if t2.end == n2.end && glued(text, n2.end) {
		return numeral{}, tail{}, false, false
	}
	if t1.unit != nil && t2.unit != nil && (t1.unit.kind != t2.unit.kind || t1.unit.unit != t2.unit.unit) {
		return numeral{}, tail{}, false, false
	}
	if t1.unit != nil && t2.unit == nil {
		return numeral{}, tail{}, false, false // "rose 0.5% to 434"
	}
	return n2, t2, to, true
}

// digitsStandAloneAfter checks what follows the second number of a range.
func digitsStandAloneAfter(text string, num numeral) bool {
	j := num.end
	return !(j+1 < len(text) && (text[j] == '/' || text[j] == ':') && isDigit(text[j+1]))
}

// perPeriod matches "a year", "per year", "/y", "annually" (period 'y') or
// "a day", "per day", "/d", "daily" (period 'd') at p.
func perPeriod(text string, p int, period byte) (int, bool) {
	if p >= len(text) {
		return 0, false
	}
	if text[p] == '/' {
		var pats []string
		if period == 'y' {
			pats = []string{"/year", "/yr", "/y", "/a", "/annum"}
		} else {
			pats = []string{"/day", "/d"}
		}
		for _, pat := range pats {
			if e, ok := matchPhrase(text, p, pat, true); ok {
				return e, true
			}
		}
		return 0, false
	}
	q := skipSpace(text, p)
	if q == p {
		return 0, false
	}
	var pats []string
	if period == 'y' {
		pats = []string{"a year", "per year", "per annum", "annually", "each year", "every year", "a yr", "per yr", "yearly", "p.a.", "pa"}
	} else {
		pats = []string{"a day", "per day", "daily", "each day", "every day"}
	}
	for _, pat := range pats {
		if e, ok := matchPhrase(text, q, pat, true); ok {
			// "a year earlier", "a year ago" date the number, not rate it.
			if ws, we := nextWord(text, e); we > ws {
				switch lowerASCII(text[ws:we]) {
				case "earlier", "ago", "before", "later", "after", "on", "prior", "previously", "back":
					return 0, false
				}
			}
			return e, true
		}
	}
	return 0, false
}

// perItem matches a price's "a barrel", "per barrel", "/bbl", "per tonne",
// "a tonne", "/t" at p.
func perItem(text string, p int) (int, string, bool) {
	if p < len(text) && text[p] == '/' {
		for _, s := range [...]struct{ pat, unit string }{{"/bbl", "bbl"}, {"/barrel", "bbl"}, {"/t", "t"}, {"/tonne", "t"}, {"/ton", "t"}, {"/l", "l"}, {"/litre", "l"}, {"/liter", "l"}} {
			if e, ok := matchPhrase(text, p, s.pat, true); ok {
				return e, s.unit, true
			}
		}
		return 0, "", false
	}
	q := skipSpace(text, p)
	if q == p {
		return 0, "", false
	}
	for _, s := range [...]struct{ pat, unit string }{
		{"a barrel", "bbl"}, {"per barrel", "bbl"}, {"a tonne", "t"}, {"per tonne", "t"}, {"a ton", "t"}, {"per ton", "t"},
		{"a litre", "l"}, {"per litre", "l"}, {"a liter", "l"}, {"per liter", "l"},
		{"per 1,000 cubic metres", "1000 m3"}, {"per 1,000 cubic meters", "1000 m3"}, {"per thousand cubic metres", "1000 m3"},
		{"per thousand cubic meters", "1000 m3"}, {"per 1000 cubic metres", "1000 m3"}, {"per 1000 cubic meters", "1000 m3"},
	} {
		if e, ok := matchPhrase(text, q, s.pat, true); ok {
			return e, s.unit, true
		}
	}
	return 0, "", false
}

// substanceThenPeriod matches "of oil a year", "of crude per day": a
// substance of one or two words between a unit and its period.
func substanceThenPeriod(text string, p int, kind uint8) (sub string, end int, ok bool) {
	var period byte
	switch kind {
	case kindBarrels:
		period = 'd'
	case kindMass, kindMassMt, kindGas:
		period = 'y'
	default:
		return
	}
	q := skipSpace(text, p)
	e, isOf := matchPhrase(text, q, "of", true)
	if q == p || !isOf {
		return
	}
	ws := skipSpace(text, e)
	we := ws
	for n := 0; n < 2; n++ {
		s := skipSpace(text, we)
		if n > 0 && s == we {
			break
		}
		w := wordEnd(text, s)
		if w == s || stopword(text[s:w]) {
			break
		}
		if e, ok := perPeriod(text, w, period); ok {
			return text[ws:w], e, true
		}
		we = w
	}
	return
}

// approxBefore matches an approximation right before i: "about", "more
// than", "up to", "~"; it returns where it starts.
func approxBefore(text string, i, floor int) (int, bool) {
	j := i
	for j > floor && hspaceBefore(text, j) > 0 {
		j -= hspaceBefore(text, j)
	}
	if j > floor {
		switch {
		case text[j-1] == '~' || text[j-1] == '<' || text[j-1] == '>':
			return j - 1, true
		case strings.HasSuffix(text[:j], "≈") || strings.HasSuffix(text[:j], "≤") || strings.HasSuffix(text[:j], "≥"):
			return j - 3, true
		}
	}
	// The three words before i, nearest first.
	var ws, we [3]int
	n := 0
	for p := i; n < 3; n++ {
		e := skipSpaceBack(text, p)
		if e == p || e < floor {
			break
		}
		if n == 0 && e > 0 && text[e-1] == '.' {
			// "c. 2,500", "approx. 2,500"
			s := wordStart(text, e-1)
			if s >= floor && (equalFold(text[s:e-1], "c") || equalFold(text[s:e-1], "ca") || equalFold(text[s:e-1], "approx")) {
				return s, true
			}
			break
		}
		s := wordStart(text, e)
		if s == e || s < floor {
			break
		}
		ws[n], we[n] = s, e
		p = s
	}
	word := func(k int) string {
		if k >= n {
			return ""
		}
		return text[ws[k]:we[k]]
	}
	if n == 0 {
		return 0, false
	}
	var buf [16]byte
	w2 := word(1)
	switch string(fold(&buf, word(0))) {
	case "about", "around", "approximately", "roughly", "nearly", "almost",
		"some", "circa", "barely", "approximate":
		return ws[0], true
	case "over", "under", "above", "below":
		if equalFold(w2, "just") || equalFold(w2, "well") {
			return ws[1], true
		}
		return ws[0], true
	case "estimated":
		if equalFold(w2, "an") {
			return ws[1], true
		}
		return ws[0], true
	case "than":
		if equalFold(w2, "more") || equalFold(w2, "less") || equalFold(w2, "fewer") {
			return ws[1], true
		}
	case "to":
		if equalFold(w2, "up") || equalFold(w2, "close") {
			return ws[1], true
		}
	case "least", "most":
		if equalFold(w2, "at") {
			return ws[1], true
		}
	case "as":
		switch string(fold(&buf, w2)) {
		case "many", "much", "few", "little", "high", "low":
			if equalFold(word(2), "as") {
				return ws[2], true
			}
		}
	case "of":
		if equalFold(w2, "upwards") {
			return ws[1], true
		}
		if equalFold(w2, "excess") && equalFold(word(2), "in") {
			return ws[2], true
		}
	}
	return 0, false
}
