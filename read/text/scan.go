package text

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nextDigit returns the index of the first ASCII digit in text[i:], or
// len(text). It tests eight bytes at a time: in each byte, seven bits
// added to 0x80-'0' reach bit 7 from '0' on, added to 0x80-'9'-1 from
// past '9' on, and never carry into the next byte; a byte is a digit when
// the first sum has bit 7 and the second and the byte itself do not.
func nextDigit(text string, i int) int {
	const ones = 0x0101010101010101
	for ; i+8 <= len(text); i += 8 {
		s := text[i : i+8]
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56 // one load
		low7 := x & (0x7f * ones)
		from0 := low7 + (0x80-'0')*ones
		past9 := low7 + (0x80-'9'-1)*ones
		if digits := from0 &^ past9 &^ x & (0x80 * ones); digits != 0 {
			return i + bits.TrailingZeros64(digits)/8 // the first byte is the lowest
		}
	}
	for ; i < len(text); i++ {
		if isDigit(text[i]) {
			return i
		}
	}
	return len(text)
}
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return isUpper(c) || isLower(c) }

// lowerASCII returns w in lower case; it allocates only when w has capitals.
func lowerASCII(w string) string {
	for i := 0; i < len(w); i++ {
		if isUpper(w[i]) {
			return strings.ToLower(w)
		}
	}
	return w
}

// fold writes w in lower case into buf and returns it; it returns nil when
// w is longer than buf. Switching on string(fold(&buf, w)) does not
// allocate.
func fold(buf *[16]byte, w string) []byte {
	if len(w) > len(buf) {
		return nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)]
}

// isCloser returns the length of the closing quote or bracket at text[i], or 0.
func isCloser(text string, i int) int {
	switch text[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	}
	if text[i] < 0x80 {
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '»', '’', '”', '›':
		return n
	}
	return 0
}

// letterAt reports whether a letter (of any script) starts at text[i].
func letterAt(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	if c := text[i]; c < 0x80 {
		return isLetter(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// letterBefore reports whether a letter (of any script) ends at text[i].
func letterBefore(text string, i int) bool {
	if i <= 0 || i > len(text) {
		return false
	}
	if c := text[i-1]; c < 0x80 {
		return isLetter(c)
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

// hspace returns the length of the horizontal space at text[i], or 0:
// space, tab, no-break, thin and narrow no-break spaces.
func hspace(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	switch text[i] {
	case ' ', '\t':
		return 1
	case 0xC2:
		if i+1 < len(text) && text[i+1] == 0xA0 {
			return 2
		}
	case 0xE2:
		if i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x89 || text[i+2] == 0xAF || text[i+2] == 0x8A) {
			return 3
		}
	}
	return 0
}

// hspaceBefore returns the length of the horizontal space ending at text[i], or 0.
func hspaceBefore(text string, i int) int {
	if i <= 0 {
		return 0
	}
	switch text[i-1] {
	case ' ', '\t':
		return 1
	case 0xA0:
		if i >= 2 && text[i-2] == 0xC2 {
			return 2
		}
	case 0x89, 0xAF, 0x8A:
		if i >= 3 && text[i-3] == 0xE2 && text[i-2] == 0x80 {
			return 3
		}
	}
	return 0
}

// skipSpace skips horizontal space and at most one line break from i.
func skipSpace(text string, i int) int {
	lines := 0
	for i < len(text) {
		if n := hspace(text, i); n > 0 {
			i += n
			continue
		}
		if (text[i] == '\n' || text[i] == '\r') && lines == 0 {
			lines++
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			i++
			continue
		}
		break
	}
	return i
}

// skipSpaceBack skips horizontal space and at most one line break back from i.
func skipSpaceBack(text string, i int) int {
	lines := 0
	for i > 0 {
		if n := hspaceBefore(text, i); n > 0 {
			i -= n
			continue
		}
		if (text[i-1] == '\n' || text[i-1] == '\r') && lines == 0 {
			lines++
			if text[i-1] == '\n' && i >= 2 && text[i-2] == '\r' {
				i--
			}
			i--
			continue
		}
		break
	}
	return i
}

// alnum and letter mark the ASCII letters and digits, and the ASCII
// letters: loops over text test them rather than branch on the ranges,
// which mispredicts.
var alnum, letter = func() (a, l [256]bool) {
	for c := range a {
		l[c] = isLetter(byte(c))
		a[c] = l[c] || isDigit(byte(c))
	}
	return a, l
}()

// wordEnd returns the end of the run of letters starting at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < 0x80 {
			if !letter[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return i
}

// wordStart returns the start of the run of letters ending at i.
func wordStart(text string, i int) int {
	for i > 0 {
		c := text[i-1]
		if c < 0x80 {
			if !isLetter(c) {
				break
			}
			i--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return i
}

// prevWord returns the run of letters before i, across space and at most
// one line break; ws == we when there is none.
func prevWord(text string, i int) (ws, we int) {
	we = skipSpaceBack(text, i)
	return wordStart(text, we), we
}

// nextWord returns the run of letters after i, across space and at most one
// line break; ws == we when there is none.
func nextWord(text string, i int) (ws, we int) {
	ws = skipSpace(text, i)
	return ws, wordEnd(text, ws)
}

// equalFold reports whether w equals the lower-case ASCII string lower,
// ignoring ASCII case.
func equalFold(w, lower string) bool {
	if len(w) != len(lower) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// matchPhrase matches the lower-case ASCII phrase p at text[i:], ignoring
// ASCII case; a space in p matches horizontal space and at most one line
// break, and a phrase that ends in a letter or digit must end a word. It
// returns the end of the match.
func matchPhrase(text string, i int, p string, fold bool) (int, bool) {
	j := i
	for k := 0; k < len(p); k++ {
		if p[k] == ' ' {
			e := skipSpace(text, j)
			if e == j {
				return 0, false
			}
			j = e
			continue
		}
		if j >= len(text) {
			return 0, false
		}
		c := text[j]
		if fold && isUpper(c) {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return 0, false
		}
		j++
	}
	if last := p[len(p)-1]; (isLetter(last) || isDigit(last)) && j < len(text) && (letterAt(text, j) || isDigit(text[j])) {
		return 0, false
	}
	return j, true
}

// stopword reports whether w is a function word or a common verb, which
// ends the noun phrase a quantity measures.
func stopword(w string) bool {
	var buf [16]byte
	switch string(fold(&buf, w)) {
	case "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by",
		"with", "without", "into", "onto", "over", "under", "about", "against",
		"between", "among", "through", "during", "before", "after", "above",
		"below", "up", "down", "out", "off", "via", "per", "than", "as", "and",
		"or", "but", "nor", "so", "yet", "is", "are", "was", "were", "be",
		"been", "being", "has", "have", "had", "do", "does", "did", "will",
		"would", "shall", "should", "can", "could", "may", "might", "must",
		"it", "its", "this", "that", "these", "those", "their", "his", "her",
		"our", "your", "my", "which", "who", "whom", "whose", "what", "when",
		"where", "while", "if", "then", "there", "here", "also", "not", "no",
		"only", "just", "more", "most", "less", "least", "very", "such", "each",
		"every", "all", "some", "any", "both", "either", "neither", "other",
		"another", "same", "own", "said", "says", "say", "according", "told",
		"including", "include", "includes", "since", "until", "whereas",
		"although", "though", "because", "due", "go", "goes", "went", "make",
		"made", "makes", "take", "took", "remain", "remains", "reach",
		"reaches", "rose", "rise", "rises", "fell", "fall", "falls", "grew",
		"grow", "grows", "stood", "stand", "stands", "amount", "amounts",
		"total", "totals", "worth", "account", "accounts", "pass", "passes",
		"flow", "flows", "come", "comes", "came", "run", "runs", "get", "gets",
		"got", "now", "still", "last", "next", "year", "years", "ago",
		"annually", "yearly", "daily", "respectively", "alone", "combined",
		"together", "overall", "compared", "versus", "vs", "toward",
		"towards", "across", "around", "along", "within", "beyond", "despite",
		"amid", "like", "unlike", "plus", "minus", "however":
		return true
	}
	return false
}
