package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
	"golang.org/x/text/cases"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// tokKind says what a token is.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters or digits
	tokPunct                // punctuation or a symbol
	tokDash                 // a dash with space around it: "Kazakhstan – Russia"
	tokBreak                // a paragraph break: two or more line breaks
)

// The normalised forms of the pseudo-tokens a gap can produce.
const (
	normDash  = "-"
	normBreak = "\n\n"
)

// token is one word or punctuation mark of a text. Whitespace and the
// hyphens or dashes written between two words without spaces
// ("Kassym-Jomart") are not tokens: they only separate them.
type token struct {
	start, end int     // bytes of the original text; a word's end leaves out a possessive 's
	kind       tokKind // word, punctuation or a pseudo-token for a gap
	join       bool    // joined to the previous token by a hyphen or dash, without spaces
	ascii      bool    // known to be ASCII (when false, it may be ASCII or not); an ASCII word is letters and digits
}

// class is what a UAX #29 segment looks like.
type class uint8

const (
	clWord class = iota
	clSpace
	clDash
	clApos
	clPunct
)

// scan splits text into tokens with UAX #29 word boundaries and calls emit
// for each, in order. It adds to UAX #29:
//
//   - hyphens and dashes between two words without spaces join nothing:
//     "Kassym-Jomart" is the two tokens "Kassym" and "Jomart", like
//     "Kassym Jomart", with join set on the second;
//   - a dash with spaces around it is a tokDash pseudo-token, and two or
//     more line breaks a tokBreak, so names do not match across them;
//   - an apostrophe UAX #29 does not keep inside a word (‘ ` ´ ′) does join
//     two words written around it with no space: "d‘Ivoire" is one word,
//     like "d’Ivoire";
//   - a full stop or colon between two words of two letters or more, the
//     second capitalised, splits them, as scraped pages drop the space
//     after a full stop ("Ukraine.This"), while "U.S." and "e.g." stay
//     whole;
//   - a possessive 's or ’s is left out of a word's end.
func scan(text string, emit func(token)) {
	sc := scanner{text: text}
	for {
		batch := sc.next()
		if len(batch) == 0 {
			return
		}
		for _, t := range batch {
			emit(t)
		}
	}
}

// scanBatch is about how many tokens scanner.next returns at a time.
const scanBatch = 256

// scanner is scan as an iterator over batches of tokens, so that Find's
// loop over them makes no call per token: the state of scan between two
// UAX #29 segments.
type scanner struct {
	text string
	pos  int // the next segment starts here
	it   *words.Iterator[string]
	toks []token // the batch being filled

	word       token // the word waiting to be emitted
	haveWord   bool
	held       bool // an apostrophe right after word, waiting to see if a word follows
	heldS      int
	heldE      int
	newlines   int
	space      bool
	dash       bool
	dashS      int
	dashE      int
	breakStart int
}

// next returns the next tokens of the text, none at its end. The slice is
// reused by the following call.
func (s *scanner) next() []token {
	s.toks = s.toks[:0]
	text := s.text
	if s.pos >= len(text) {
		return s.toks
	}
	for s.pos < len(text) && len(s.toks) < scanBatch {
		pos := s.pos
		// The commonest segments, a single space, and a word of ASCII
		// letters and digits or an ASCII punctuation mark after a plain
		// gap, are taken here as nextFast and handle would take them.
		b := text[pos]
		if b == ' ' && !s.held && (pos+1 == len(text) || text[pos+1] < utf8.RuneSelf && text[pos+1] != ' ') {
			s.space = true
			s.pos++
			continue
		}
		if alnum[b] && !s.held && !s.dash && s.newlines < 2 {
			e := pos + 1
			for e < len(text) && alnum[text[e]] {
				e++
			}
			if e == len(text) || text[e] == ' ' || wordEndsAt(text, e) {
				s.flush()
				s.newlines, s.space = 0, false
				s.word = token{start: pos, end: e, kind: tokWord, ascii: true}
				s.haveWord = true
				s.pos = e
				continue
			}
		}
		if asciiPunct[b] && !s.held && !s.dash && s.newlines < 2 && (pos+1 == len(text) || text[pos+1] < utf8.RuneSelf) {
			s.flush()
			s.newlines, s.space = 0, false
			s.toks = append(s.toks, token{start: pos, end: pos + 1, kind: tokPunct, ascii: true})
			s.pos++
			continue
		}
		e, c, ascii, fast := nextFast(text, pos)
		if !fast {
			e, c = nextSlow(text, pos, &s.it)
			if c == clWord {
				s.splitStops(pos, e)
				s.pos = e
				continue
			}
		}
		s.handle(pos, e, c, ascii)
		s.pos = e
	}
	if s.pos >= len(text) {
		if s.held {
			s.flush()
			s.toks = append(s.toks, token{start: s.heldS, end: s.heldE, kind: tokPunct})
			s.held = false
		}
		s.flush()
	}
	return s.toks
}

// flush emits the waiting word, without a possessive 's.
func (s *scanner) flush() {
	if s.haveWord {
		w := s.word
		if c := s.text[w.end-1]; !w.ascii && (c == 's' || c == 'S') { // an ASCII word has no apostrophe
			w.end = possessiveEnd(s.text, w.start, w.end)
		}
		s.toks = append(s.toks, w)
		s.haveWord = false
	}
}

// handle takes the segment text[st:e] of class c, which is ASCII if
// ascii is set.
func (s *scanner) handle(st, e int, c class, ascii bool) {
	if s.held {
		s.held = false
		if c == clWord && st == s.heldE {
			s.word.end = e
			s.word.ascii = false
			return
		}
		s.flush()
		s.toks = append(s.toks, token{start: s.heldS, end: s.heldE, kind: tokPunct})
	}
	switch c {
	case clSpace:
		n := countNewlines(s.text[st:e])
		if s.newlines < 2 && s.newlines+n >= 2 {
			s.breakStart = st
		}
		s.newlines += n
		s.space = true
		return
	case clDash:
		if !s.dash {
			s.dashS = st
		}
		s.dash = true
		s.dashE = e
		return
	case clApos:
		if s.haveWord && st == s.word.end && !s.space && !s.dash && s.newlines == 0 {
			s.held, s.heldS, s.heldE = true, st, e
			return
		}
		c = clPunct
	}
	// A word or a punctuation mark: settle the gap before it.
	s.flush()
	join := false
	switch {
	case s.newlines >= 2:
		s.toks = append(s.toks, token{start: s.breakStart, end: s.breakStart, kind: tokBreak})
	case s.dash && (s.space || s.newlines > 0):
		s.toks = append(s.toks, token{start: s.dashS, end: s.dashE, kind: tokDash})
	case s.dash:
		join = true
	}
	s.newlines, s.space, s.dash = 0, false, false
	if c == clWord {
		s.word = token{start: st, end: e, kind: tokWord, join: join, ascii: ascii}
		s.haveWord = true
	} else {
		s.toks = append(s.toks, token{start: st, end: e, kind: tokPunct, join: join, ascii: ascii})
	}
}

// nextFast returns the end and class of the UAX #29 word segment starting
// at pos when it is one the rules settle without looking further: a run of
// ASCII letters and digits and of the letters of wordLetters (with a ’
// between two ASCII letters), of spaces, a line break or an ASCII
// punctuation mark, followed by ASCII that cannot join it; ascii says the
// segment is ASCII. ok is false otherwise, and the
// caller asks UAX #29. TestSegmentsMatchUAX29 checks the two agree.
func nextFast(text string, pos int) (end int, c class, ascii, ok bool) {
	b := text[pos]
	switch {
	case isAlnum(b) || wordLetterAt(text, pos) > 0:
		// ALetter and Numeric join (WB5, WB8, WB9, WB10).
		e := pos
		ascii = true
		for e < len(text) {
			if isAlnum(text[e]) {
				e++
				continue
			}
			n := wordLetterAt(text, e)
			if n == 0 {
				// A right single quotation mark between two ASCII letters
				// joins them (WB6, WB7): "Russia’s" is one word.
				if isLetter(text[e-1]) && e+3 < len(text) && isLetter(text[e+3]) && text[e:e+3] == "’" {
					e += 4
					ascii = false
					continue
				}
				break
			}
			e += n
			ascii = false
		}
		if !wordEndsAt(text, e) {
			return 0, 0, false, false
		}
		return e, clWord, ascii, true
	case b == ' ':
		e := pos + 1
		for e < len(text) && text[e] == ' ' {
			e++
		}
		if e == len(text) || text[e] < utf8.RuneSelf {
			return e, clSpace, true, true
		}
	case b == '\n':
		return pos + 1, clSpace, true, true
	case b < utf8.RuneSelf && b != '_' && b != '\r':
		if pos+1 == len(text) || text[pos+1] < utf8.RuneSelf {
			return pos + 1, classify(text[pos : pos+1]), true, true
		}
	}
	return 0, 0, false, false
}

// wordLetterAt returns the length of the letter of wordLetters at text[i],
// or 0.
func wordLetterAt(text string, i int) int {
	if i+1 >= len(text) {
		return 0
	}
	c0, c1 := text[i], text[i+1]
	if c0 < 0xC2 || c0 >= 0xE0 || c1&0xC0 != 0x80 {
		return 0 // not two-byte UTF-8
	}
	if r := rune(c0&0x1F)<<6 | rune(c1&0x3F); r < rune(len(wordLetters)) && wordLetters[r] {
		return 2
	}
	return 0
}

// wordLetters marks the letters of Latin-1, Latin Extended-A and -B, Greek
// and Cyrillic, whose UAX #29 word property is ALetter, so that nextFast
// takes words in those scripts without asking UAX #29 (modifier letters
// are left out).
var wordLetters = func() (t [0x530]bool) {
	for r := range rune(len(t)) {
		t[r] = (0xC0 <= r && r <= 0x24F || 0x386 <= r) && unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r)
	}
	return t
}()

// wordEndsAt reports whether the run of ASCII letters and digits that
// ends at e (text[e] is none) is a whole UAX #29 word segment, which ASCII
// after it settles: a mark between two letters (.:') or two digits (.,;')
// joins them (WB6, WB7, WB11, WB12), as does an underscore, and what comes
// after a non-ASCII rune is for UAX #29 to say.
func wordEndsAt(text string, e int) bool {
	if e == len(text) {
		return true
	}
	f := text[e]
	if f >= utf8.RuneSelf || f == '_' {
		return false
	}
	digit := '0' <= text[e-1] && text[e-1] <= '9'
	var joins bool
	switch f {
	case '.', '\'':
		joins = true
	case ':':
		joins = !digit
	case ',', ';':
		joins = digit
	}
	if joins && e+1 < len(text) {
		n := text[e+1]
		if n >= utf8.RuneSelf || digit && '0' <= n && n <= '9' || !digit && isLetter(n) {
			return false
		}
	}
	return true
}

// nextSlow returns the end and class of the UAX #29 word segment starting
// at pos, from the uax29 package.
func nextSlow(text string, pos int, it **words.Iterator[string]) (int, class) {
	if *it == nil {
		*it = words.FromString("")
	}
	(*it).SetText(text[pos:])
	(*it).Next()
	e := pos + max(1, (*it).End())
	return e, classify(text[pos:e])
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

func isAlnum(b byte) bool { return alnum[b] }

// asciiPunct marks the ASCII bytes that are a punctuation mark of their
// own (clPunct) when ASCII follows: what nextFast and classify make them.
var asciiPunct = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		b := byte(c)
		t[c] = b != '_' && b != '\r' && classify(string(b)) == clPunct
	}
	return t
}()

// alnum marks the ASCII letters and digits: a table, as branches on the
// bytes of text mispredict.
var alnum = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// splitStops hands the word text[st:e] to handle, split at each full stop
// or colon between two parts of two letters or more the second of which
// starts with a capital: "Ukraine.This" is "Ukraine", ".", "This".
func (s *scanner) splitStops(st, e int) {
	text := s.text
	w := text[st:e]
	if strings.IndexByte(w, '.') < 0 && strings.IndexByte(w, ':') < 0 {
		s.handle(st, e, clWord, false)
		return
	}
	part := st // start of the current part
	for i := st; i < e; i++ {
		if text[i] != '.' && text[i] != ':' {
			continue
		}
		left, right := text[part:i], text[i+1:e]
		if k := strings.IndexAny(right, ".:"); k >= 0 {
			right = right[:k]
		}
		if letters(left) >= 2 && letters(right) >= 2 && capitalised(right) && endsWithLetter(left) {
			s.handle(part, i, clWord, false)
			s.handle(i, i+1, clPunct, false)
			part = i + 1
		}
	}
	s.handle(part, e, clWord, false)
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func endsWithLetter(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

func classify(v string) class {
	b := v[0]
	if b < utf8.RuneSelf {
		switch {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9':
			return clWord
		case b == ' ', b == '\t', b == '\n', b == '\r', b == '\v', b == '\f':
			return clSpace
		case b == '-':
			return clDash
		case b == '\'' || b == '`':
			if len(v) == 1 {
				return clApos
			}
		}
		return clPunct
	}
	r, size := utf8.DecodeRuneInString(v)
	switch {
	case unicode.IsLetter(r), unicode.IsNumber(r):
		return clWord
	case unicode.IsSpace(r):
		return clSpace
	case isDash(r):
		return clDash
	case isApos(r) && size == len(v):
		return clApos
	}
	return clPunct
}

func countNewlines(v string) int {
	n := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\n', '\v', '\f':
			n++
		case '\r':
			if i+1 == len(v) || v[i+1] != '\n' {
				n++
			}
		case 0xe2: // U+2028 line separator, U+2029 paragraph separator
			if strings.HasPrefix(v[i:], "\u2028") {
				n++
			} else if strings.HasPrefix(v[i:], "\u2029") {
				n += 2
			}
		}
	}
	return n
}

func isDash(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63', '\uFF0D':
		return true
	}
	return false
}

func isApos(r rune) bool {
	switch r {
	case '\'', '`', '\u2018', '\u2019', '\u02BC', '\u00B4', '\u2032', '\uFF07':
		return true
	}
	return false
}

// possessiveEnd returns the end of the word text[start:end] without a
// possessive 's (any apostrophe, s or S), when something is left before it.
func possessiveEnd(text string, start, end int) int {
	if end-start < 3 {
		return end
	}
	if last := text[end-1]; last != 's' && last != 'S' {
		return end
	}
	r, size := utf8.DecodeLastRuneInString(text[start : end-1])
	if isApos(r) && end-1-size > start {
		return end - 1 - size
	}
	return end
}

// capitalised reports whether a word starts with an upper-case (or
// title-case) letter.
func capitalised(w string) bool {
	if w == "" {
		return false
	}
	if b := w[0]; b < utf8.RuneSelf {
		return 'A' <= b && b <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// normaliser turns tokens into the form names are matched in. It is not safe
// for concurrent use: each call of Find has its own. Its buffers are
// reused, so normalising a token allocates nothing once they have grown.
type normaliser struct {
	caser  *cases.Caser
	folds  *foldTable
	nfkd   []byte // the token in NFKD
	base   []byte // ... without marks, quotes unified
	folded []byte // ... case-folded
}

// fold appends the matching form of one token to dst: NFKD, without
// combining marks or format characters, case-folded, with every apostrophe
// written ' and every double quote ", and with the British -isation
// spelled -ization. Tokens are single words or marks, so no spaces come in.
//
// ASCII is folded here, and the runes of foldTable by its table; a token
// with any other rune goes through golang.org/x/text (foldSlow), which the
// table was built from, so the two agree.
func (n *normaliser) fold(dst []byte, s string) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			dst = append(dst, c)
			i++
			continue
		}
		if n.folds == nil {
			n.folds = runeFolds()
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var ok bool
		if dst, ok = n.folds.formOf(dst, s, i, r, size); !ok {
			return n.foldSlow(dst[:start], s)
		}
		i += size
	}
	return izationFix(dst, start)
}

// foldSlow is fold by golang.org/x/text alone.
func (n *normaliser) foldSlow(dst []byte, s string) []byte {
	start := len(dst)
	base := n.appendBase(n.base[:0], s)
	n.base = base
	if isASCII(string(base)) { // no allocation: the conversion does not escape
		for _, c := range base {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return izationFix(dst, start)
	}
	if n.caser == nil {
		c := cases.Fold()
		n.caser = &c
	}
	folded, _, _ := transform.Append(n.caser, n.folded[:0], base)
	n.folded = folded
	// Folding can bring back marks (U+0130 folds to i and a dot above).
	for len(folded) > 0 {
		r, size := utf8.DecodeRune(folded)
		if !dropped(r) {
			dst = append(dst, folded[:size]...)
		}
		folded = folded[size:]
	}
	return izationFix(dst, start)
}

// cased returns a token in the form acronyms are compared in: like fold but
// keeping case.
func (n *normaliser) cased(s string) string {
	if isASCII(s) && !strings.Contains(s, "`") {
		return s
	}
	return string(n.appendBase(nil, s))
}

// appendBase appends s in NFKD without combining marks and format
// characters, with apostrophes and quotes unified.
func (n *normaliser) appendBase(dst []byte, s string) []byte {
	n.nfkd = norm.NFKD.AppendString(n.nfkd[:0], s)
	for d := n.nfkd; len(d) > 0; {
		r, size := utf8.DecodeRune(d)
		c := d[:size]
		d = d[size:]
		if r < utf8.RuneSelf {
			if r == '`' {
				r = '\''
			}
			dst = append(dst, byte(r))
			continue
		}
		switch {
		case dropped(r):
			continue
		case isApos(r):
			dst = append(dst, '\'')
		case r == '\u201C' || r == '\u201D' || r == '\u201E' || r == '\u00AB' || r == '\u00BB' || r == '\uFF02':
			dst = append(dst, '"')
		default:
			dst = append(dst, c...)
		}
	}
	return dst
}

func dropped(r rune) bool {
	return r >= 0x300 && (unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r)) ||
		r == '\u00AD'
}

// isASCII reports whether s is ASCII, whose tokens normalise to as many
// bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// izationFix rewrites a token in dst[start:] ending in -isation(s) to
// -ization(s), so "Organisation" and "Organization" are one name.
func izationFix(dst []byte, start int) []byte {
	w := dst[start:]
	n := len(w)
	if n > 0 && w[n-1] == 's' {
		n--
	}
	if n >= 8 && string(w[n-7:n]) == "isation" {
		w[n-6] = 'z'
	}
	return dst
}

// normOf returns the matching form of a token of text.
func (n *normaliser) normOf(dst []byte, text string, t token) []byte {
	switch t.kind {
	case tokDash:
		return append(dst, normDash...)
	case tokBreak:
		return append(dst, normBreak...)
	}
	return n.fold(dst, text[t.start:t.end])
}
