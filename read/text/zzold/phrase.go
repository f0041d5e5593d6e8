package zzold

import "strings"

// determiner reports whether w is an article or possessive determiner.
func determiner(w string) bool {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "the", "its", "their", "his", "her", "our", "this", "that", "these",
		"those", "a", "an", "your", "my", "all":
		return true
	}
	return false
}

// ofAfter matches "of [determiner] noun phrase" at p and returns the noun
// phrase.
func ofAfter(text string, p int, skipDet bool) (int, int, bool) {
	q := skipSpace(text, p)
	if q == p {
		return 0, 0, false
	}
	e, ok := matchPhrase(text, q, "of", true)
	if !ok {
		return 0, 0, false
	}
	return phraseAfter(text, e, skipDet)
}

// nounAfter matches the noun phrase right after a bare count: "14
// strategic objects".
func nounAfter(text string, p int) (int, int, bool) {
	q := skipSpace(text, p)
	if q == p || q >= len(text) {
		return 0, 0, false
	}
	we := wordEnd(text, q)
	if we-q < 2 || determiner(text[q:we]) || stopword(text[q:we]) {
		return 0, 0, false
	}
	return phraseAfter(text, p, false)
}

// phraseAfter reads up to four words after p, stopping at a function
// word, a number, punctuation, or a verb-like word ("-ed", "-ly") after
// the first.
func phraseAfter(text string, p int, skipDet bool) (int, int, bool) {
	q := skipSpace(text, p)
	if q == p {
		return 0, 0, false
	}
	if skipDet {
		if we := wordEnd(text, q); we > q && determiner(text[q:we]) {
			q2 := skipSpace(text, we)
			if q2 == we {
				return 0, 0, false
			}
			q = q2
		}
	}
	start, end := q, q
	for n := 0; n < 4; n++ {
		s := q
		if n > 0 {
			s = skipSpace(text, end)
			if s == end || hasBreak(text, end, s) {
				break
			}
		}
		e := phraseWordEnd(text, s)
		if e == s {
			break
		}
		w := text[s:e]
		if stopword(w) || wordValue(w) > 0 {
			break
		}
		if n > 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) {
			break
		}
		end = e
		if plural(w) {
			break // the head noun: "a third of Kazakhs use it"
		}
	}
	return start, end, end > start
}

// plural reports whether w looks like a plural noun: "exports", "Kazakhs",
// but not "Kazakhstan’s", "gas", "analysis", "bonus".
func plural(w string) bool {
	n := len(w)
	if n < 3 || w[n-1] != 's' {
		return false
	}
	switch w[n-2] {
	case 's', 'u', 'i', '\'', 0x99: // "gas" has 'a'; "’" ends in 0x99
		return false
	}
	return !equalFold(w, "gas") && !equalFold(w, "news") && !equalFold(w, "this") && !equalFold(w, "its")
}

// hasBreak reports whether text[a:b] holds a line break.
func hasBreak(text string, a, b int) bool {
	return strings.ContainsAny(text[a:b], "\n\r")
}

// phraseWordEnd reads a word of letters with inner hyphens and apostrophes
// ("Russian-speaking", "Kazakhstan’s").
func phraseWordEnd(text string, i int) int {
	e := wordEnd(text, i)
	if e == i {
		return i
	}
	for e < len(text) {
		n := 0
		switch {
		case text[e] == '-' || text[e] == '\'':
			n = 1
		case strings.HasPrefix(text[e:], "’"):
			n = len("’")
		}
		if n == 0 || !letterAt(text, e+n) {
			break
		}
		e = wordEnd(text, e+n)
	}
	return e
}

// ofBefore matches "noun phrase of" right before i ("trade of $26
// billion") and returns the phrase and where it starts.
func ofBefore(text string, i, floor int) (s, e, ws int, ok bool) {
	os, oe := prevWord(text, i)
	if os == oe || os < floor || !(equalFold(text[os:oe], "of") || equalFold(text[os:oe], "worth")) || oe == i {
		return 0, 0, 0, false
	}
	end := skipSpaceBack(text, os)
	if end == os || hasBreak(text, end, os) {
		return 0, 0, 0, false
	}
	start := end
	words := 3
	if equalFold(text[os:oe], "worth") {
		words = 1
	}
	for n := 0; n < words; n++ {
		e := start
		if n > 0 {
			e = skipSpaceBack(text, start)
			if e == start || hasBreak(text, e, start) {
				break
			}
		}
		s := phraseWordStart(text, e)
		if s == e || s < floor {
			break
		}
		w := text[s:e]
		if stopword(w) || determiner(w) || wordValue(w) > 0 ||
			n > 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")) {
			break
		}
		start = s
	}
	if start == end {
		return 0, 0, 0, false
	}
	return start, end, start, true
}

// phraseWordStart is phraseWordEnd backwards.
func phraseWordStart(text string, e int) int {
	s := wordStart(text, e)
	if s == e {
		return e
	}
	for s > 0 {
		n := 0
		switch {
		case text[s-1] == '-' || text[s-1] == '\'':
			n = 1
		case strings.HasSuffix(text[:s], "’"):
			n = len("’")
		}
		if n == 0 || !letterBefore(text, s-n) {
			break
		}
		s = wordStart(text, s-n)
	}
	return s
}

// peopleAfter matches a people noun after p, with up to two modifiers:
// "troops", "Russian troops", "ethnic Russians".
func peopleAfter(text string, p int) (int, string, bool) {
	q := skipSpace(text, p)
	if q == p {
		return 0, "", false
	}
	end := q
	for n := 0; n < 3; n++ {
		s := q
		if n > 0 {
			s = skipSpace(text, end)
			if s == end || hasBreak(text, end, s) {
				return 0, "", false
			}
		}
		e := phraseWordEnd(text, s)
		if e == s {
			return 0, "", false
		}
		w := text[s:e]
		if peopleNoun(w) {
			if isDemonym(w) && !isUpper(w[0]) {
				return 0, "", false
			}
			return e, lowerASCII(text[q:e]), true
		}
		if stopword(w) || wordValue(w) > 0 {
			return 0, "", false
		}
		end = e
	}
	return 0, "", false
}

// isDemonym reports whether a people noun names a people ("Russians"),
// which must be capitalised.
func isDemonym(w string) bool {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "russians", "kazakhs", "ukrainians", "uzbeks", "kyrgyz", "tajiks",
		"turkmen", "belarusians", "armenians", "georgians", "azerbaijanis",
		"germans", "uighurs", "uyghurs", "koreans", "tatars", "chinese",
		"americans", "europeans", "afghans":
		return true
	}
	return false
}

// strongAfter matches "-strong contingent": a force of that many people.
func strongAfter(text string, p int) (int, string, bool) {
	e, ok := matchPhrase(text, p, "-strong", true)
	if !ok {
		return 0, "", false
	}
	if s, we, ok := nounAfter(text, e); ok {
		return we, lowerASCII(text[s:we]), true
	}
	return e, "", true
}
