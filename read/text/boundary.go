package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// boundaries finds the UAX #29 sentence boundaries of a text, the ones
// sentences.FromString gives, without running the UAX #29 rules over every
// byte.
//
// A boundary comes only after a sentence terminator (. ! ? and their kin,
// STerm and ATerm) or a paragraph separator (a line break), perhaps
// followed by closing punctuation and spaces: every rule that breaks
// (SB4, SB11) looks back to one of them. So boundaries skips to the next
// rune that could be one, a candidate, and runs the UAX #29 split function
// (sentences.SplitFunc) on a small window around it only:
//
//   - the window starts at the last letter or digit before the candidate.
//     The split function's state after a letter or digit is the same
//     whatever came before it (every "last seen" property it keeps is that
//     rune's), so starting there decides as starting at the sentence's
//     start would;
//   - the window ends after the first letter after the candidate: the
//     rules decide every position up to that letter without looking past
//     it (SB8, which looks ahead, stops at a letter), and none breaks
//     after a letter. The split function is told more text follows, so
//     it reports a boundary only where the whole text has one.
//
// Where a window cannot be built so (no letter within reach, invalid
// UTF-8), the UAX #29 iterator reads the sentence from its start, as
// before. TestBoundariesMatchUAX29 and FuzzSentences check that the two
// agree; TestSentenceRunes checks the rune classes below against the
// uax29 tables.
type boundaries struct {
	text string
	it   *sentences.Iterator[string]
	buf  []byte
}

// window is how far past a candidate boundaries looks for a letter before
// it hands the sentence to the UAX #29 iterator.
const window = 256

// end returns the end of the UAX #29 sentence that starts at s, which is
// a boundary.
func (b *boundaries) end(s int) int {
	text := b.text
	pos := s // no boundary lies in (s, pos)
	for {
		c := nextCandidate(text, pos)
		if c < 0 {
			return len(text)
		}
		if e, ok := settled(text, c); ok {
			return e
		}
		q := s
		if c > s {
			q = lastLetterOrDigit(text, s, c)
		}
		w, ok := letterAfter(text, c)
		if !ok || !utf8.ValidString(text[q:w]) {
			return b.slow(s)
		}
		b.buf = append(b.buf[:0], text[q:w]...)
		if adv, _, _ := sentences.SplitFunc(b.buf, w == len(text)); adv > 0 {
			return q + adv
		}
		pos = w
	}
}

// settled returns the end of the sentence that the candidate at c ends
// when it is one of the commonest, which settle without the split
// function, and ASCII is around it (the uax29 package reads invalid UTF-8
// its own way): a line feed not after a carriage return ends a sentence
// (SB4), and so do a full stop and a line feed (SB11), and a full stop
// and spaces before a capital (SB11; SB6 to SB8a do not apply). ok is
// false otherwise.
func settled(text string, c int) (end int, ok bool) {
	if c > 0 && text[c-1] >= utf8.RuneSelf {
		return 0, false
	}
	switch text[c] {
	case '\n':
		if (c == 0 || text[c-1] != '\r') && (c+1 == len(text) || text[c+1] < utf8.RuneSelf) {
			return c + 1, true
		}
	case '.':
		if c+1 < len(text) && text[c+1] == '\n' && (c+2 == len(text) || text[c+2] < utf8.RuneSelf) {
			return c + 2, true
		}
		sp := c + 1
		for sp < len(text) && text[sp] == ' ' {
			sp++
		}
		if sp > c+1 && sp < len(text) && isUpper(text[sp]) {
			return sp, true
		}
	}
	return 0, false
}

// slow returns the end of the sentence that starts at s by the UAX #29
// iterator.
func (b *boundaries) slow(s int) int {
	if b.it == nil {
		b.it = sentences.FromString("")
	}
	b.it.SetText(b.text[s:])
	b.it.Next()
	return s + b.it.End()
}

// nextCandidate returns the start of the first rune at or after i that may
// be a sentence terminator or a paragraph separator, or -1.
func nextCandidate(text string, i int) int {
	for i < len(text) {
		for i < len(text) && !stopByte[text[i]] {
			i++
		}
		if i == len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			// Invalid UTF-8 is no terminator; a window over it goes to
			// the slow path.
			i++
			continue
		}
		if !inertRune(r) {
			return i
		}
		i += n
	}
	return -1
}

// stopByte marks the bytes nextCandidate stops at: the ASCII terminators
// (. ! ?), line breaks (and, to be safe, the other ASCII controls that end
// lines), and the bytes of non-ASCII runes, which it looks at rune by rune.
var stopByte = func() (t [256]bool) {
	for _, c := range ".!?\n\r\v\f" {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = true
	}
	return t
}()

// lastLetterOrDigit returns the start of the last letter or ASCII digit in
// text[s:c], or s when there is none.
func lastLetterOrDigit(text string, s, c int) int {
	for i := c; i > s; {
		if b := text[i-1]; b < utf8.RuneSelf {
			i--
			if isLetter(b) || isDigit(b) {
				return i
			}
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s:i])
		i -= n
		if sentenceLetter(r) {
			return i
		}
	}
	return s
}

// letterAfter returns the end of the first letter after the rune at c, and
// false when there is none within the window (the end of the text is
// fine: it returns len(text)) or invalid UTF-8 comes first.
func letterAfter(text string, c int) (int, bool) {
	_, n := utf8.DecodeRuneInString(text[c:])
	limit := min(len(text), c+window)
	for i := c + n; i < len(text); {
		if i >= limit {
			return 0, false
		}
		if b := text[i]; b < utf8.RuneSelf {
			i++
			if isLetter(b) {
				return i, true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			return 0, false
		}
		i += n
		if sentenceLetter(r) {
			return i, true
		}
	}
	return len(text), true
}

// sentenceLetter reports whether r is a letter whose UAX #29 sentence
// property is Upper, Lower or OLetter: an ASCII letter, or a letter of the
// Latin, Greek, Cyrillic, Hangul, kana or CJK blocks most news is written
// in (other letters are left to the slow path: a few are Extend).
func sentenceLetter(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	case r < smallRunes:
		return smallRune[r]&smallLetter != 0
	case 0x1E00 <= r && r <= 0x1EFF: // Latin Extended Additional
		return unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r)
	}
	return 0x3041 <= r && r <= 0x3096 || // Hiragana
		0x30A1 <= r && r <= 0x30FA || // Katakana
		0x4E00 <= r && r <= 0x9FFF || // CJK Unified Ideographs
		0xAC00 <= r && r <= 0xD7A3 // Hangul syllables
}

// inertRune reports whether the non-ASCII rune r is known to be neither a
// sentence terminator nor a paragraph separator: letters, combining marks
// and common quotes, dashes, spaces and symbols.
func inertRune(r rune) bool {
	if r < smallRunes {
		return smallRune[r]&smallInert != 0
	}
	if sentenceLetter(r) || r < 0x2000 && unicode.Is(unicode.Mn, r) {
		return true
	}
	switch r {
	case '‘', '’', '‚', '“', '”', '„', '‹', '›', '–', '—', '‐', '‑', '−',
		'\u2009', '\u200A', '\u200B', '\u200C', '\u200D', '\u202F',
		'•', '€', '₽', '₸', '™', '№', '′', '″', '…',
		'、', '「', '」', '『', '』', '（', '）', '，', '：':
		return true
	}
	return false
}

// smallRune holds the classes of the two-byte runes below smallRunes
// (Latin-1 to Cyrillic), which are looked up for every rune of text in
// those scripts.
var smallRune = func() (t [smallRunes]uint8) {
	for r := rune(0x80); r < smallRunes; r++ {
		// Latin-1 letters, Latin Extended-A and -B, Greek, Cyrillic.
		if (0xC0 <= r && r <= 0x24F || 0x386 <= r && r <= 0x52F) && unicode.IsLetter(r) && !unicode.Is(unicode.Lm, r) {
			t[r] |= smallLetter | smallInert
		}
		if unicode.Is(unicode.Mn, r) {
			t[r] |= smallInert
		}
		switch r {
		case '\u00A0', '«', '»', '\u00AD', '·', '°', '£', '¥', '©', '®', '§', '×', '¡', '¿':
			t[r] |= smallInert
		}
	}
	return t
}()

// smallRunes bounds the runes of smallRune.
const smallRunes = 0x530

// The classes of smallRune.
const (
	smallLetter = 1 << iota // sentenceLetter
	smallInert              // inertRune
)
