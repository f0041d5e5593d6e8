package text

import "time"

// DateMention is a date the text names.
type DateMention struct {
	Span
	Text string // text[Start:End]
	// Year, Month and Day are the date; Month and Day are 0 when not
	// given ("January 2022" has Day 0, "2019" has Month 0). Year is 0 when
	// the text names a day of a month without a year ("on 6 January").
	Year, Month, Day int
	// Approx is set for dates named loosely: "early January 2022",
	// "mid-2023", "late 2021", "around 2020", "summer 2022", and decades
	// ("the 1990s" has Year 1990).
	Approx bool
}

// Dates returns the dates text names, in order: "January 2022", "5
// January 2022", "January 5, 2022", "5th of January", "2022-01-05",
// "05.01.2022", "in 2019", "early January 2022", "mid-2023", "the 1990s",
// and both ends of ranges ("13–19 January 2022", "January–March 2022",
// "2014–22").
//
// A number of four digits from 1800 to 2199 is a year, as are those from
// 1000 after "in", "since", "by" and the like, unless a unit or a scale
// follows it without such a word before ("2000 troops" is a quantity, "in
// 2000 troops" names a year). Month names are matched in any case except
// "May", "March" and abbreviations, which must be capitalised.
func Dates(text string) []DateMention {
	ds := dateSink{text: text}
	ds.scan()
	return ds.full
}

// dateSpans returns the spans of the dates in text, which Quantities skips,
// and the number of runs of digits in text.
func dateSpans(text string) ([]Span, int) {
	ds := dateSink{text: text, spansOnly: true}
	ds.scan()
	return ds.spans, ds.runs
}

// dateSink collects the dates of a text: in full, or only their spans.
type dateSink struct {
	text      string
	spansOnly bool
	full      []DateMention
	spans     []Span
	last      int // end of the last date
	runs      int // runs of digits seen
}

func (ds *dateSink) add(start, end, y, m, d int, approx bool) {
	ds.last = end
	if ds.spansOnly {
		ds.spans = append(ds.spans, Span{start, end})
		return
	}
	ds.full = append(ds.full, DateMention{Span: Span{start, end}, Text: ds.text[start:end], Year: y, Month: m, Day: d, Approx: approx})
}

// scan reads the dates around each run of digits: every date has one.
func (ds *dateSink) scan() {
	text := ds.text
	for i := 0; i < len(text); i++ {
		if i = nextDigit(text, i); i == len(text) {
			break
		}
		if i > 0 && isDigit(text[i-1]) || i < ds.last {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		ds.runs++
		last := ds.last
		switch j - i {
		case 1, 2:
			ds.dayAt(text, i, j, last)
		case 4:
			ds.yearAt(text, i, j, last)
		}
		if ds.last > last {
			i = ds.last - 1
		} else {
			i = j - 1
		}
	}
}

// validDay reports whether d is a day of month m of year y (any leap year
// when y is 0).
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	if y == 0 {
		y = 2000
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Day() == d
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// monthAt reads a month name at text[i:] and returns the month and the
// end of the name (after the full stop of an abbreviation).
func monthAt(text string, i int) (int, int) {
	if i >= len(text) || !isLetter(text[i]) || letterBefore(text, i) {
		return 0, 0
	}
	e := wordEnd(text, i)
	return monthWord(text, i, e)
}

// monthWord reads the month name text[s:e].
func monthWord(text string, s, e int) (int, int) {
	w := text[s:e]
	if len(w) < 3 || len(w) > 9 {
		return 0, 0
	}
	var buf [16]byte
	m, abbrev := 0, false
	switch string(fold(&buf, w)) {
	case "january":
		m = 1
	case "february":
		m = 2
	case "march":
		m = 3
	case "april":
		m = 4
	case "may":
		m = 5
	case "june":
		m = 6
	case "july":
		m = 7
	case "august":
		m = 8
	case "september":
		m = 9
	case "october":
		m = 10
	case "november":
		m = 11
	case "december":
		m = 12
	case "jan":
		m, abbrev = 1, true
	case "feb":
		m, abbrev = 2, true
	case "mar":
		m, abbrev = 3, true
	case "apr":
		m, abbrev = 4, true
	case "jun":
		m, abbrev = 6, true
	case "jul":
		m, abbrev = 7, true
	case "aug":
		m, abbrev = 8, true
	case "sep", "sept":
		m, abbrev = 9, true
	case "oct":
		m, abbrev = 10, true
	case "nov":
		m, abbrev = 11, true
	case "dec":
		m, abbrev = 12, true
	default:
		return 0, 0
	}
	if (abbrev || m == 3 || m == 5) && !isUpper(w[0]) {
		return 0, 0
	}
	if abbrev && e < len(text) && text[e] == '.' {
		e++
	}
	return m, e
}

// monthBefore reads a month name ending right before i (across spaces),
// and returns the month and where its name starts.
func monthBefore(text string, i, floor int) (int, int) {
	e := skipSpaceBack(text, i)
	if e == i {
		return 0, 0
	}
	we := e
	if we > 0 && text[we-1] == '.' {
		we--
	}
	s := wordStart(text, we)
	if s == we || s < floor {
		return 0, 0
	}
	m, me := monthWord(text, s, we)
	if m == 0 || me != e {
		return 0, 0
	}
	return m, s
}

// ordinalEnd skips an ordinal suffix ("st", "nd", "rd", "th") at j.
func ordinalEnd(text string, j int) int {
	if j+2 <= len(text) {
		switch text[j : j+2] {
		case "st", "nd", "rd", "th":
			if !letterAt(text, j+2) {
				return j + 2
			}
		}
	}
	return j
}

// yearAfter reads ", 2022" or " 2022" after p and returns the year and its
// end, or 0.
func yearAfter(text string, p int) (int, int) {
	q := p
	if q < len(text) && text[q] == ',' {
		q++
	}
	r := skipSpace(text, q)
	if r == q && q == p {
		return 0, 0
	}
	if r+4 > len(text) || !digits4(text, r) {
		return 0, 0
	}
	y := atoi(text[r : r+4])
	if y < 1000 || y > 2199 || !yearEnds(text, r+4) {
		return 0, 0
	}
	return y, r + 4
}

func digits4(text string, i int) bool {
	return i+4 <= len(text) && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) && isDigit(text[i+3]) &&
		(i+4 == len(text) || !isDigit(text[i+4]))
}

// yearEnds reports whether a year may end at j: no digit group, letter or
// per cent follows.
func yearEnds(text string, j int) bool {
	if j >= len(text) {
		return true
	}
	if sepDigit(text, j) || text[j] == '%' || letterAt(text, j) {
		return false
	}
	if j+1 < len(text) && (text[j] == ':' || text[j] == '/') && isDigit(text[j+1]) {
		return false
	}
	return true
}

// dayAt reads a date starting with, or ending in, the day text[i:j].
func (ds *dateSink) dayAt(text string, i, j, floor int) {
	if letterBefore(text, i) || i > 0 && (text[i-1] == '$' || text[i-1] == '#') {
		return
	}
	if i >= 2 && isDigit(text[i-2]) && (text[i-1] == '.' || text[i-1] == ',' || text[i-1] == ':' || text[i-1] == '/' || text[i-1] == '-') {
		return
	}
	d := atoi(text[i:j])
	// "05.01.2022"
	if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
		k := j + 1
		for k < len(text) && isDigit(text[k]) {
			k++
		}
		if k-(j+1) <= 2 && k < len(text) && text[k] == '.' && digits4(text, k+1) {
			m, y := atoi(text[j+1:k]), atoi(text[k+1:k+5])
			if y >= 1000 && y <= 2199 && validDay(y, m, d) && yearEnds(text, k+5) {
				ds.add(i, k+5, y, m, d, false)
				return
			}
		}
		return
	}
	k := ordinalEnd(text, j)
	if k == j && letterAt(text, j) {
		return
	}
	// "13–19 January 2022": a second day.
	var d2s, d2e, k2 int
	r := dashAt(text, k)
	if r == 0 {
		// "13 to 19 January", "between 13 and 19 January"
		if q := skipSpace(text, k); q > k {
			if e, ok := matchPhrase(text, q, "to ", true); ok {
				r = e
			} else if e, ok := matchPhrase(text, q, "and ", true); ok {
				r = e
			}
		}
	}
	if r > 0 && r < len(text) && isDigit(text[r]) {
		e := r
		for e < len(text) && isDigit(text[e]) {
			e++
		}
		if e-r <= 2 {
			d2s, d2e = r, e
			k2 = ordinalEnd(text, e)
		}
	}
	try := func(k int) (m, me int) {
		q := skipSpace(text, k)
		if q == k {
			return 0, 0
		}
		if e, ok := matchPhrase(text, q, "of ", true); ok {
			q = e
		}
		return monthAt(text, q)
	}
	if d2e > 0 {
		if m, me := try(k2); m > 0 {
			d2 := atoi(text[d2s:d2e])
			y, ye := yearAfter(text, me)
			end := me
			if y > 0 {
				end = ye
			}
			if validDay(y, m, d) && validDay(y, m, d2) && d < d2 {
				start, approx := qualifierBefore(text, i, floor)
				ds.add(start, k, y, m, d, approx)
				ds.add(d2s, end, y, m, d2, false)
				return
			}
			return
		}
	}
	// "5 January 2022", "5th of January"
	if m, me := try(k); m > 0 {
		ds.day(text, floor, i, me, m, d)
		return
	}
	// "January 5, 2022", "Jan. 5"
	if m, ms := monthBefore(text, i, floor); m > 0 {
		ds.day(text, floor, ms, k, m, d)
	}
}

// day records day d of month m, written from byte from to byte after,
// with the year that follows it, if any, and a qualifier before it.
func (ds *dateSink) day(text string, floor, from, after, m, d int) {
	y, ye := yearAfter(text, after)
	end := after
	if y > 0 {
		end = ye
	}
	if validDay(y, m, d) {
		start, approx := qualifierBefore(text, from, floor)
		ds.add(start, end, y, m, d, approx)
	}
}

// dashAt returns the position after a hyphen or dash at p (with spaces
// around an en or em dash), or 0.
func dashAt(text string, p int) int {
	if p < len(text) && text[p] == '-' {
		return p + 1
	}
	q := p
	for q < len(text) && hspace(text, q) > 0 {
		q += hspace(text, q)
	}
	if q+3 <= len(text) && text[q] == 0xE2 && text[q+1] == 0x80 && (text[q+2] == 0x93 || text[q+2] == 0x94) {
		q += 3
		for q < len(text) && hspace(text, q) > 0 {
			q += hspace(text, q)
		}
		return q
	}
	return 0
}

// dashBefore returns the position before a hyphen or dash that ends at p
// (with spaces around), or -1.
func dashBefore(text string, p int) int {
	q := p
	for q > 0 && hspaceBefore(text, q) > 0 {
		q -= hspaceBefore(text, q)
	}
	switch {
	case q >= 1 && text[q-1] == '-':
		q--
	case q >= 3 && text[q-3] == 0xE2 && text[q-2] == 0x80 && (text[q-1] == 0x93 || text[q-1] == 0x94):
		q -= 3
	default:
		return -1
	}
	for q > 0 && hspaceBefore(text, q) > 0 {
		q -= hspaceBefore(text, q)
	}
	return q
}

// yearAt reads a date around the four digits text[i:j].
func (ds *dateSink) yearAt(text string, i, j, floor int) {
	y := atoi(text[i:j])
	if y < 1000 || y > 2199 {
		return
	}
	// "2022-01-05", "2022-01", "2022/01/05"
	if j+2 < len(text) && (text[j] == '-' || text[j] == '/') && isDigit(text[j+1]) && isDigit(text[j+2]) &&
		(j+3 == len(text) || !isDigit(text[j+3])) && !letterBefore(text, i) {
		sep := text[j]
		m := atoi(text[j+1 : j+3])
		if j+5 < len(text) && text[j+3] == sep && isDigit(text[j+4]) && isDigit(text[j+5]) && (j+6 == len(text) || !isDigit(text[j+6])) {
			if d := atoi(text[j+4 : j+6]); validDay(y, m, d) {
				ds.add(i, j+6, y, m, d, false)
			}
			return
		}
		// "2019-05" is a month; "2008-09" and "2011-12" are years.
		if sep == '-' && text[j+1] == '0' && m >= 1 && (y+1)%100 != m && !sepDigit(text, j+3) && !letterAt(text, j+3) {
			ds.add(i, j+3, y, m, 0, false)
			return
		}
	}
	start := i
	approx := false
	if i > 0 {
		b := text[i-1]
		switch {
		case b == '-' && letterBefore(text, i-1):
			ws := wordStart(text, i-1)
			var buf [16]byte
			switch string(fold(&buf, text[ws:i-1])) {
			case "mid", "early", "late", "end":
				start, approx = ws, true
			case "pre", "post":
			default:
				return
			}
		case letterBefore(text, i):
			return
		case (b == '.' || b == ',' || b == ':' || b == '/') && i >= 2 && isDigit(text[i-2]):
			return
		case b == '$' || b == '#' || b == '+' || b == '@' || b == '_':
			return
		}
	}
	if c, _ := currencyBefore(text, i); c != "" || referenceBefore(text, i) {
		return
	}
	if p := i - hspaceBefore(text, i); p < i && p > 0 && isDigit(text[p-1]) {
		return // a group of a longer number or a code: "12 2022"
	}
	end := j
	decade := false
	apos := 0 // length of "'s" or "’s" after the digits
	if hasPrefixAt(text, j, "'s") {
		apos = 2
	} else if hasPrefixAt(text, j, "’s") {
		apos = len("’s")
	}
	switch {
	case j < len(text) && text[j] == 's' && !letterAt(text, j+1) && y%10 == 0:
		decade, end = true, j+1
	case apos > 0 && !letterAt(text, j+apos):
		// "the 1990's" is a decade; "2022's unrest" is a possessive.
		if ws, we := prevWord(text, start); y%10 == 0 && we > ws && equalFold(text[ws:we], "the") {
			decade, end = true, j+apos
		}
	case !yearEnds(text, j):
		return
	}
	context := yearContext(text, i, floor)
	if !context && !decade && (y < 1800 || quantityFollows(text, j)) {
		return
	}
	if decade {
		approx = true
	}
	m, ms := monthBefore(text, start, floor)
	if m > 0 && start == i && !decade {
		start = ms
		// "January–March 2022": the first month too.
		if p := dashBefore(text, ms); p > floor {
			s := wordStart(text, p)
			if p > 0 && text[p-1] == '.' {
				s = wordStart(text, p-1)
			}
			if m0, me := monthWord(text, s, wordEnd(text, s)); m0 > 0 && m0 < m && me == p && s >= floor {
				s0, a0 := qualifierBefore(text, s, floor)
				ds.add(s0, me, y, m0, 0, a0)
				ds.add(ms, end, y, m, 0, false)
				return
			}
		}
	} else {
		m = 0
	}
	s, a := qualifierBefore(text, start, floor)
	if s < start {
		start, approx = s, approx || a
	}
	ds.add(start, end, y, m, 0, approx)
	// "2014–22": the second year in two digits.
	if !decade && m == 0 {
		if r := dashAt(text, end); r > 0 && r+2 <= len(text) && isDigit(text[r]) && isDigit(text[r+1]) &&
			(r+2 == len(text) || !isDigit(text[r+2]) && yearEnds(text, r+2)) {
			y2 := y/100*100 + atoi(text[r:r+2])
			if y2 > y {
				ds.add(r, r+2, y2, 0, 0, false)
			}
		}
	}
}

func hasPrefixAt(text string, i int, p string) bool {
	return i <= len(text) && len(text)-i >= len(p) && text[i:i+len(p)] == p
}

// yearContext reports whether a word that introduces a year stands before i.
func yearContext(text string, i, floor int) bool {
	if i > 0 && text[i-1] == '-' {
		return true // "mid-2023", "pre-2014"
	}
	ws, we := prevWord(text, i)
	if ws == we || ws < floor {
		return false
	}
	var buf [16]byte
	switch string(fold(&buf, text[ws:we])) {
	case "in", "since", "by", "until", "till", "from", "to", "during", "of",
		"before", "after", "through", "throughout", "between", "and", "around",
		"circa", "early", "mid", "late", "the", "spring", "summer", "autumn",
		"fall", "winter", "year", "years", "fiscal", "calendar", "january",
		"february", "march", "april", "may", "june", "july", "august",
		"september", "october", "november", "december", "or", "than", "as":
		return true
	}
	return false
}

// quantityFollows reports whether a unit, a scale or people follow the
// number ending at j, so that it counts rather than names a year.
func quantityFollows(text string, j int) bool {
	t := parseTail(text, j)
	if t.end > j {
		return true
	}
	_, _, ok := peopleAfter(text, j)
	return ok
}

// qualifierBefore extends a date that starts at s back over a qualifier:
// "early", "mid-", "late", "the end of", "around", "summer".
func qualifierBefore(text string, s, floor int) (int, bool) {
	if s > 0 && text[s-1] == '-' {
		ws := wordStart(text, s-1)
		if ws >= floor && ws < s-1 {
			var buf [16]byte
			switch string(fold(&buf, text[ws:s-1])) {
			case "mid", "early", "late":
				return ws, true
			}
		}
		return s, false
	}
	ws, we := prevWord(text, s)
	if ws == we || ws < floor {
		return s, false
	}
	var buf [16]byte
	switch string(fold(&buf, text[ws:we])) {
	case "early", "mid", "late", "around", "circa", "spring", "summer",
		"autumn", "fall", "winter", "approximately":
		return ws, true
	case "of":
		vs, ve := prevWord(text, ws)
		if vs == ve || vs < floor {
			return s, false
		}
		switch string(fold(&buf, text[vs:ve])) {
		case "end", "beginning", "start", "middle", "spring", "summer",
			"autumn", "fall", "winter", "turn":
			return vs, true
		case "half", "quarter":
			// "the first half of 2024"
			if os, oe := prevWord(text, vs); oe > os && os >= floor {
				switch string(fold(&buf, text[os:oe])) {
				case "first", "second", "third", "fourth", "last":
					return os, true
				}
			}
			return vs, true
		}
	}
	return s, false
}
