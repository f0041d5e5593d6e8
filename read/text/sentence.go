package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) of the text.
type Span struct{ Start, End int }

// Sentences splits text into sentences and returns their spans in order.
//
// It starts from the UAX #29 sentence boundaries and then
//
//   - joins splits after abbreviations: titles ("Mr.", "Dr.", "Gen.", "Lt.",
//     "St."), before numbers ("No. 2", "Art. 7", "Jan. 5"), and after
//     initials, dotted acronyms and months ("J. Smith", "U.S. Army") unless a
//     word that usually opens a sentence follows ("the U.S. The");
//   - joins splits before a lower-case word ("“Stop!” he said.");
//   - splits at paragraph breaks (a blank line) and at the line break after a
//     heading-like line: a short line, without final punctuation, that opens a
//     sentence and is followed by a line that starts with a capital, a digit
//     or a list marker; other line breaks inside a sentence are soft wraps;
//   - splits where a space is missing after a full stop ("influence.The")
//     and after an ellipsis followed by a capital ("… Then").
//
// Leading and trailing white space is outside the spans; every other
// character of text is in exactly one span.
func Sentences(text string) []Span {
	pieces := rawPieces(text)
	out := make([]Span, 0, len(pieces))
	cur := -1 // start of the sentence being built
	for i, p := range pieces {
		if p.blank {
			if cur >= 0 {
				out = appendTrimmed(out, text, cur, pieces[i-1].end)
				cur = -1
			}
			continue
		}
		if cur < 0 {
			cur = p.start
		}
		if i+1 < len(pieces) && !pieces[i+1].blank && join(text, cur, p, pieces[i+1]) {
			continue
		}
		out = appendTrimmed(out, text, cur, p.end)
		cur = -1
	}
	return out
}

// piece is a UAX #29 sentence, possibly cut further at a missing space or
// an ellipsis.
type piece struct {
	start, end int  // the bytes of the piece, trailing space included
	line       bool // it ends with a line break
	para       bool // it ends with a paragraph separator (U+2029)
	cut        bool // it ends where a space is missing or a sentence starts in lower case
	blank      bool // it holds only white space
}

func rawPieces(text string) []piece {
	out := make([]piece, 0, len(text)/64+1)
	bs := boundaries{text: text}
	for next := 0; next < len(text); {
		start, end := next, bs.end(next)
		next = end
		// Cut at "word.Word", "word. lower" and "… Word", which UAX #29
		// keeps together.
		dot, e2 := indexByte(text, start, end, '.'), indexByte(text, start, end, 0xE2)
		for dot >= 0 || e2 >= 0 {
			var k, cut int
			if e2 < 0 || dot >= 0 && dot < e2 {
				k = dot
				if cut = missingSpaceCut(text, start, k, end); cut == 0 {
					cut = lowerStartCut(text, start, k, end)
				}
				dot = indexByte(text, k+1, end, '.')
			} else {
				k = e2
				if k+2 < end && text[k+1] == 0x80 && text[k+2] == 0xA6 { // …
					cut = ellipsisCut(text, start, k, end)
				}
				e2 = indexByte(text, k+1, end, 0xE2)
			}
			if cut > 0 {
				p := newPiece(text, start, cut)
				p.cut = true
				out = append(out, p)
				start = cut
			}
		}
		out = append(out, newPiece(text, start, end))
	}
	return out
}

// indexByte returns the index of the first c in text[from:end], or -1.
func indexByte(text string, from, end int, c byte) int {
	if from >= end {
		return -1
	}
	if i := strings.IndexByte(text[from:end], c); i >= 0 {
		return from + i
	}
	return -1
}

func newPiece(text string, start, end int) piece {
	p := piece{start: start, end: end, blank: true}
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			p.blank = false
			break
		}
		i += n
	}
	// The trailing white space tells how the piece ends.
	for j := end; j > start; {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if !unicode.IsSpace(r) {
			break
		}
		switch r {
		case '\n', '\r', '\v', '\f', 0x85, 0x2028:
			p.line = true
		case 0x2029:
			p.para = true
		}
		j -= n
	}
	return p
}

// missingSpaceCut returns where to cut "influence.The unrest" (after the
// full stop at k), or 0.
func missingSpaceCut(text string, start, k, end int) int {
	if k+2 >= end || !isUpper(text[k+1]) || !isLower(text[k+2]) {
		return 0
	}
	ws := k
	for ws > start && isLower(text[ws-1]) {
		ws--
	}
	if k-ws < 3 || (ws > start && (isLetter(text[ws-1]) || text[ws-1] == '.')) {
		return 0
	}
	if abbrevClass(text[ws:k]) != abbrevNone {
		return 0
	}
	return k + 1
}

// lowerStartCut returns where to cut "governments. the unrest", a
// sentence that a scraped page starts in lower case, or 0. It cuts only
// after a lower-case word of three letters or more that is not an
// abbreviation.
func lowerStartCut(text string, start, k, end int) int {
	if k+2 >= end || text[k+1] != ' ' {
		return 0
	}
	j := k + 1
	for j < end && text[j] == ' ' {
		j++
	}
	if j+1 >= end || !isLower(text[j]) || !isLower(text[j+1]) {
		return 0
	}
	ws := k
	for ws > start && isLower(text[ws-1]) {
		ws--
	}
	if k-ws < 3 || ws > start && text[ws-1] != ' ' {
		return 0
	}
	if abbrevClass(text[ws:k]) != abbrevNone {
		return 0
	}
	var buf [16]byte
	switch string(fold(&buf, text[ws:k])) {
	case "etc", "incl", "excl", "esp", "viz", "approx", "est", "govt", "dept",
		"corp", "inc", "ltd", "bros", "misc", "resp", "orig", "mln", "bln",
		"min", "max", "avg", "aka", "pcs", "sqm", "ibid", "var", "seq":
		return 0
	}
	return j
}

// ellipsisCut returns where to cut after the ellipsis at k when spaces and
// a capital follow it, or 0.
func ellipsisCut(text string, start, k, end int) int {
	before := false
	for _, r := range text[start:k] {
		if !unicode.IsSpace(r) {
			before = true
			break
		}
	}
	if !before {
		return 0
	}
	j := k + 3
	for j < end && isCloser(text, j) > 0 {
		j += isCloser(text, j)
	}
	sp := j
	for j < end && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j == sp || j >= end || !isUpper(text[j]) {
		return 0
	}
	return j
}

// join reports whether the sentence that started at cur and ends with piece
// p goes on into piece next.
func join(text string, cur int, p, next piece) bool {
	if p.para || p.cut {
		return false
	}
	cs, ce := trimSpace(text, cur, p.end)
	if ce <= cs {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(text[cs:ce])
	ns, ne := trimSpace(text, next.start, next.end)
	if p.line {
		if endsSentence(text, cs, ce) {
			return last == '.' && abbrevJoin(text, cs, ce, ns, ne)
		}
		if startsListItem(text, ns, ne) {
			return false
		}
		ls := lineStart(text, cs, ce)
		if ls == cs && atLineStart(text, cs) && headingLike(text, ls, ce) && startsCapital(text, ns, ne) {
			return false
		}
		return true
	}
	if last == '.' && (abbrevJoin(text, cs, ce, ns, ne) || listNumber(text, cs, ce)) {
		return true
	}
	return startsLower(text, ns, ne)
}

// endsSentence reports whether text[cs:ce] ends with final punctuation,
// perhaps followed by closing quotes or brackets.
func endsSentence(text string, cs, ce int) bool {
	j := ce
	for j > cs {
		r, n := utf8.DecodeLastRuneInString(text[cs:j])
		switch r {
		case '"', '\'', ')', ']', '}', '»', '’', '”', '›':
			j -= n
			continue
		case '.', '!', '?', '…', '‼', '⁇', '。', '！', '？':
			return true
		}
		return false
	}
	return false
}

// lineStart returns the start of the last line of text[cs:ce].
func lineStart(text string, cs, ce int) int {
	for j := ce - 1; j >= cs; j-- {
		switch text[j] {
		case '\n', '\r':
			s, _ := trimSpace(text, j+1, ce)
			return s
		}
	}
	return cs
}

// atLineStart reports whether only spaces stand between the start of a
// line and i.
func atLineStart(text string, i int) bool {
	for i > 0 {
		switch text[i-1] {
		case ' ', '\t':
			i--
			continue
		case '\n', '\r':
			return true
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(r) {
			return false
		}
		i -= n
	}
	return true
}

// headingLike reports whether the line text[ls:le], which has no final
// punctuation, reads as a heading rather than as a wrapped line of prose.
func headingLike(text string, ls, le int) bool {
	if le-ls > 150 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[ls:le])
	switch last {
	case ',', ';', '(', '-', '–', '—', '/', '&', '+':
		return false
	}
	words, capital := 0, 0
	lastWord := ""
	for i := ls; i < le; {
		for i < le && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		if i >= le {
			break
		}
		ws := i
		for i < le && text[i] != ' ' && text[i] != '\t' {
			i++
		}
		words++
		w := text[ws:i]
		lastWord = w
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) || stopword(w) {
			capital++
		}
	}
	if words > 15 || continuationWord(lastWord) {
		return false
	}
	return words <= 8 || 2*capital >= words
}

// continuationWord reports whether a line ending in w must go on.
func continuationWord(w string) bool {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by",
		"with", "and", "or", "but", "nor", "as", "into", "onto", "than", "that",
		"which", "who", "whose", "its", "their", "his", "her", "our", "via",
		"per", "over", "under", "about", "between", "among", "through",
		"during", "against", "without", "within", "is", "are", "was", "were":
		return true
	}
	return false
}

// startsListItem reports whether text[ns:ne] starts with a bullet or "1." or "1)".
func startsListItem(text string, ns, ne int) bool {
	if ns >= ne {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[ns:ne])
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '◦', '‣', '●', '■':
		return ns+n < ne && (text[ns+n] == ' ' || text[ns+n] == '\t')
	}
	j := ns
	for j < ne && isDigit(text[j]) {
		j++
	}
	return j > ns && j-ns <= 3 && j+1 < ne && (text[j] == '.' || text[j] == ')') && text[j+1] == ' '
}

// firstLetter returns the first rune of text[ns:ne] after opening quotes
// and brackets.
func firstLetter(text string, ns, ne int) rune {
	for i := ns; i < ne; {
		r, n := utf8.DecodeRuneInString(text[i:ne])
		switch r {
		case '"', '\'', '(', '[', '{', '«', '‘', '“', '‹', '¿', '¡':
			i += n
			continue
		}
		return r
	}
	return utf8.RuneError
}

func startsCapital(text string, ns, ne int) bool {
	r := firstLetter(text, ns, ne)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) || startsListItem(text, ns, ne)
}

func startsLower(text string, ns, ne int) bool {
	return unicode.IsLower(firstLetter(text, ns, ne))
}

// Abbreviation classes.
const (
	abbrevNone   = iota
	abbrevTitle  // always followed by a name: "Mr.", "Gen."
	abbrevNumber // followed by a number: "No. 2", "Art. 7"
	abbrevWeak   // initials, acronyms, months: join unless a sentence opener follows
)

// abbrevClass classifies the word before a full stop (without the stop).
func abbrevClass(w string) int {
	if len(w) == 1 && isUpper(w[0]) {
		return abbrevWeak
	}
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj",
		"capt", "cpt", "sgt", "cpl", "adm", "brig", "cmdr", "gov", "sen", "rep",
		"rev", "hon", "pres", "st", "ste", "mt", "ft", "rt", "mme", "vs", "e.g", "i.e",
		"cf", "viz", "approx", "ca", "esp", "incl":
		return abbrevTitle
	case "no", "nos", "art", "arts", "fig", "figs", "vol", "vols", "p", "pp",
		"para", "paras", "sec", "ch", "chap", "eq", "nr", "ed":
		return abbrevNumber
	case "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
		"nov", "dec", "al", "jr", "sr", "u.s", "u.k", "u.n", "e.u", "u.s.s.r",
		"u.a.e", "d.c":
		return abbrevWeak
	}
	// Dotted acronyms of single capitals: "N.A.T.O".
	if len(w) >= 3 && len(w)%2 == 1 {
		for i := 0; i < len(w); i++ {
			if (i%2 == 0 && !isUpper(w[i])) || (i%2 == 1 && w[i] != '.') {
				return abbrevNone
			}
		}
		return abbrevWeak
	}
	return abbrevNone
}

// abbrevJoin reports whether the full stop that ends text[cs:ce] closes an
// abbreviation that the sentence goes on after, into text[ns:ne].
func abbrevJoin(text string, cs, ce, ns, ne int) bool {
	dot := ce - 1
	ws := dot
	for ws > cs && (isLetter(text[ws-1]) || text[ws-1] == '.') {
		ws--
	}
	if ws == dot || (ws > cs && !isSpaceOrOpen(text[ws-1])) {
		return false
	}
	if ns >= ne {
		return false
	}
	switch abbrevClass(text[ws:dot]) {
	case abbrevTitle:
		return true
	case abbrevNumber:
		return isDigit(text[ns])
	case abbrevWeak:
		if isDigit(text[ns]) {
			return true
		}
		we := ns
		for we < ne && isLetter(text[we]) {
			we++
		}
		return we > ns && !opener(text[ns:we])
	}
	return false
}

// listNumber reports whether text[cs:ce] is, or ends with ": " and, a list
// number such as "1.", which belongs to the sentence after it.
func listNumber(text string, cs, ce int) bool {
	j := ce - 1
	d := j
	for d > cs && isDigit(text[d-1]) {
		d--
	}
	if d == j || j-d > 2 {
		return false
	}
	if d == cs {
		return true
	}
	p := d
	for p > cs && text[p-1] == ' ' {
		p--
	}
	return p > cs && p < d && text[p-1] == ':'
}

func isSpaceOrOpen(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '(', '[', '"', '\'':
		return true
	}
	return c >= 0x80 // a non-ASCII quote or space; letters were handled
}

// opener reports whether a capitalised w usually opens a sentence.
func opener(w string) bool {
	switch w {
	case "The", "A", "An", "It", "Its", "This", "That", "These", "Those",
		"There", "Their", "They", "He", "She", "We", "I", "You", "His", "Her",
		"Our", "In", "On", "At", "By", "For", "From", "With", "Without", "But",
		"And", "Or", "So", "Yet", "However", "Meanwhile", "Moreover",
		"Furthermore", "Also", "Although", "Though", "While", "When", "Where",
		"What", "Why", "How", "Who", "Which", "If", "As", "After", "Before",
		"Since", "Until", "Despite", "Instead", "Then", "Thus", "Still", "Some",
		"Many", "Most", "All", "Both", "Each", "Such", "No", "Not", "One",
		"Last", "Next", "First", "Earlier", "Later", "Today", "Yesterday",
		"Now", "Here", "Under", "Over", "Amid", "Among", "According", "Officials",
		"Analysts", "Experts", "Critics", "Other", "Another", "Several", "Few":
		return true
	}
	return false
}

func appendTrimmed(out []Span, text string, a, b int) []Span {
	a, b = trimSpace(text, a, b)
	if a < b {
		out = append(out, Span{a, b})
	}
	return out
}

// trimSpace narrows [a, b) to exclude leading and trailing white space.
func trimSpace(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}
