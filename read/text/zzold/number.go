package zzold

import "math"

// A numeral is a number as written: digits or words.
type numeral struct {
	start, end int
	value      float64
	plain      bool // digits only: no separator, no decimal point
	words      bool // written in words ("two", "a dozen")
	fraction   bool // a fraction in words ("a third"); value is in per cent
	bad        bool // not a quantity: a version or dotted date ("1.2.3")
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// digitValue accumulates the digits of text[a:b], skipping anything else;
// frac counts the digits after the decimal mark at dec (or -1).
func digitValue(text string, a, b, dec int) float64 {
	var mant uint64
	n, frac := 0, 0
	var big float64 // used when the mantissa overflows 19 digits
	for i := a; i < b; i++ {
		c := text[i]
		if !isDigit(c) {
			continue
		}
		if dec >= 0 && i > dec {
			frac++
		}
		if n < 19 {
			mant = mant*10 + uint64(c-'0')
		} else {
			if n == 19 {
				big = float64(mant)
			}
			big = big*10 + float64(c-'0')
		}
		n++
	}
	v := float64(mant)
	if n > 19 {
		v = big
	}
	for frac > 0 {
		k := min(frac, len(pow10)-1)
		v /= pow10[k]
		frac -= k
	}
	return v
}

// digits3 reports whether text[i:i+3] are digits and no digit follows.
func digits3(text string, i int) bool {
	return i+3 <= len(text) && isDigit(text[i]) && isDigit(text[i+1]) && isDigit(text[i+2]) &&
		(i+3 == len(text) || !isDigit(text[i+3]))
}

// lexDigits reads the number written in digits at text[i]; text[i] is a
// digit and text[i-1] is not. Thousands are grouped by commas ("2,500"),
// by spaces ("2 500") or, when there are at least two groups or a decimal
// comma follows, by full stops ("2.500.000", "1.234,5").
func lexDigits(text string, i int) numeral {
	j := i
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	lead := j - i
	num := numeral{start: i, end: j, plain: true}
	dec := -1
	switch {
	case lead <= 3 && j < len(text) && text[j] == ',' && digits3(text, j+1):
		for j < len(text) && text[j] == ',' && digits3(text, j+1) {
			j += 4
		}
		num.plain = false
		if j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]) {
			dec = j
			j++
			for j < len(text) && isDigit(text[j]) {
				j++
			}
		}
	case lead <= 3 && j < len(text) && text[j] == '.' && digits3(text, j+1) &&
		j+5 < len(text) && (text[j+4] == '.' && digits3(text, j+5) || text[j+4] == ',' && isDigit(text[j+5])):
		for j < len(text) && text[j] == '.' && digits3(text, j+1) {
			j += 4
		}
		num.plain = false
		if j+1 < len(text) && text[j] == ',' && isDigit(text[j+1]) {
			dec = j
			j++
			for j < len(text) && isDigit(text[j]) {
				j++
			}
		}
	case lead <= 3 && hspace(text, j) > 0 && digits3(text, j+hspace(text, j)) && !sepDigit(text, j+hspace(text, j)+3):
		for {
			n := hspace(text, j)
			if n == 0 || !digits3(text, j+n) || sepDigit(text, j+n+3) {
				break
			}
			j += n + 3
		}
		num.plain = false
	case j+1 < len(text) && text[j] == '.' && isDigit(text[j+1]):
		dec = j
		j++
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		num.plain = false
	}
	// "1.2.3", "05.01.2022", "2,500.5.1": not a quantity.
	if j+1 < len(text) && (text[j] == '.' || text[j] == ',') && isDigit(text[j+1]) {
		num.bad = true
		for j < len(text) && (isDigit(text[j]) || text[j] == '.' || text[j] == ',') && !(text[j] == '.' && (j+1 == len(text) || !isDigit(text[j+1]))) {
			j++
		}
	}
	num.end = j
	if !num.bad {
		num.value = digitValue(text, i, j, dec)
		if math.IsInf(num.value, 0) || math.IsNaN(num.value) {
			num.bad = true
		}
	}
	return num
}

// sepDigit reports whether a separator and a digit follow at text[i], as in
// a longer number.
func sepDigit(text string, i int) bool {
	return i+1 < len(text) && (text[i] == ',' || text[i] == '.') && isDigit(text[i+1])
}

// wordValue returns the value of a number word ("seven", "forty"), or 0.
func wordValue(w string) float64 {
	if len(w) < 3 || len(w) > 9 {
		return 0
	}
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	case "twenty":
		return 20
	case "thirty":
		return 30
	case "forty":
		return 40
	case "fifty":
		return 50
	case "sixty":
		return 60
	case "seventy":
		return 70
	case "eighty":
		return 80
	case "ninety":
		return 90
	}
	return 0
}

// fractionValue returns the fraction a word names ("third", "quarters"), or 0.
func fractionValue(w string) float64 {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "half", "halves":
		return 1.0 / 2
	case "third", "thirds":
		return 1.0 / 3
	case "quarter", "quarters", "fourth", "fourths":
		return 1.0 / 4
	case "fifth", "fifths":
		return 1.0 / 5
	case "tenth", "tenths":
		return 1.0 / 10
	}
	return 0
}

// lexWords reads a number in words at the word text[i:we]: "two",
// "twenty-five", "two hundred", "a dozen", "a third", "two-thirds",
// "half". It reports false when the words are not a number.
func lexWords(text string, i, we int) (numeral, bool) {
	w := text[i:we]
	num := numeral{start: i, end: we, words: true}
	article := equalFold(w, "a") || equalFold(w, "an")
	var v float64
	if !article {
		v = wordValue(w)
	}
	if v == 0 && !article {
		if equalFold(w, "half") {
			num.value, num.fraction = 50, true
			return num, true
		}
		return num, false
	}
	j := we
	// "twenty-five", "twenty five"
	if v >= 20 && v < 100 {
		k := j
		if k < len(text) && text[k] == '-' {
			k++
		} else {
			k = skipSpace(text, k)
		}
		if e := wordEnd(text, k); e > k {
			if u := wordValue(text[k:e]); u > 0 && u < 10 {
				v += u
				j = e
			}
		}
	}
	// "a third", "two-thirds", "one quarter"
	if v < 20 {
		k := j
		if !article && k < len(text) && text[k] == '-' {
			k++
		} else {
			k = skipSpace(text, k)
		}
		if e := wordEnd(text, k); e > k {
			if f := fractionValue(text[k:e]); f > 0 && (article || v >= 1) {
				if article {
					v = 1
				}
				plural := text[e-1] == 's' || text[e-1] == 'S'
				if (v == 1) == !plural || equalFold(text[k:e], "half") {
					num.value, num.fraction, num.end = v*f*100, true, e
					return num, true
				}
			}
		}
	}
	ws, e := nextWord(text, j)
	next := text[ws:e]
	switch {
	case equalFold(next, "dozen"):
		if article {
			v = 1
		}
		v *= 12
		j = e
	case equalFold(next, "hundred"):
		if article {
			v = 1
		}
		v *= 100
		j = e
		// "two hundred and fifty", "two hundred fifty"
		k := skipSpace(text, j)
		if a, ok := matchPhrase(text, k, "and ", true); ok {
			k = a
		}
		if e2 := wordEnd(text, k); e2 > k {
			if u := wordValue(text[k:e2]); u > 0 {
				v += u
				j = e2
			}
		}
	case article:
		// "a million", "a thousand": the scale follows; the article counts one.
		if scaleWord(next) == 0 {
			return num, false
		}
		v = 1
	}
	num.value, num.end = v, j
	return num, true
}

// scaleWord returns the multiplier a scale word names ("million", "bn"),
// or 0.
func scaleWord(w string) float64 {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "thousand":
		return 1e3
	case "million", "mln", "mn":
		return 1e6
	case "billion", "bn", "bln":
		return 1e9
	case "trillion", "tn", "trn", "tln":
		return 1e12
	}
	return 0
}
