package read

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/leverage-dev/leverage"
)

// lexicon finds the lexemes of data/lexicons.csv in a sentence: words and
// phrases, lower case, a final * matching any ending.
type lexicon struct {
	entries []entry
	// byStart lists, per first three (or, for a two-letter word, two)
	// lower-case ASCII letters, the entries whose first word begins so;
	// most words of a text begin no entry and cost one array lookup.
	byStart [27*27*27 + 27*27][]int32
	other   []int32 // entries whose first word begins otherwise ("re-export*")
}

// start returns the index in lexicon.byStart of a word's beginning, or -1
// when it does not begin with two or three ASCII letters.
func start(w string) int {
	if len(w) == 2 {
		if t := letters(w); t >= 0 {
			return 27*27*27 + t
		}
		return -1
	}
	return trigram(w)
}

// letters returns the index of a two-letter word, or -1.
func letters(w string) int {
	n := 0
	for i := 0; i < 2; i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return -1
		}
		n = n*27 + int(c-'a'+1)
	}
	return n
}

// trigram returns the index in lexicon.starts of a word's first three
// bytes, or -1 when they are not all ASCII letters.
func trigram(w string) int {
	if len(w) < 3 {
		return -1
	}
	n := 0
	for i := 0; i < 3; i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return -1
		}
		n = n*27 + int(c-'a'+1)
	}
	return n
}

type entry struct {
	Lexeme
	words  []string
	prefix bool // the last word is a prefix
}

func newLexicon(lx []Lexeme) *lexicon {
	l := &lexicon{}
	for _, x := range lx {
		e := entry{Lexeme: x, words: strings.Fields(strings.ToLower(x.Term))}
		if len(e.words) == 0 {
			continue
		}
		last := e.words[len(e.words)-1]
		if strings.HasSuffix(last, "*") {
			e.prefix = true
			e.words[len(e.words)-1] = strings.TrimSuffix(last, "*")
		}
		i := int32(len(l.entries))
		l.entries = append(l.entries, e)
		first := e.words[0]
		// A two-letter prefix ("un*") may begin longer words: it goes with
		// the others.
		if t := start(first); t >= 0 && !(e.prefix && len(e.words) == 1 && len(first) < 3) {
			l.byStart[t] = append(l.byStart[t], i)
		} else {
			l.other = append(l.other, i)
		}
	}
	return l
}

// word is a lower-case word of a sentence with its byte span.
type word struct {
	text       string
	start, end int
}

// words splits s[start:end] into words of letters, digits, inner
// apostrophes and hyphens, appending them to out[:0]; low is s with its
// ASCII letters in lower case (see lowerASCII), and words are slices of
// it, so that a word's offsets are those of the text. A possessive 's is
// dropped, as are other letters' case.
func words(out []word, s, low string, start, end int) []word {
	out = out[:0]
	i := start
	for i < end {
		if c := s[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++ // the common case, inline
			continue
		}
		n, ok := wordRune(s, i, end)
		if !ok {
			i += n
			continue
		}
		j := i + n
		for j < end {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiWord[c] || c == '\'' || c == '-' {
					j++
					continue
				}
				break
			}
			n, ok := wordRune(s, j, end)
			if !ok && !strings.HasPrefix(s[j:end], "’") {
				break
			}
			j += n
		}
		w := low[i:j]
		if w[len(w)-1] >= utf8.RuneSelf {
			w = lowerWord(s[i:j]) // other letters: fold them properly
		}
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "'")
		out = append(out, word{w, i, j})
		i = j
	}
	return out
}

// wordRune returns the length of the character at s[i] and whether it is
// a letter or a digit.
func wordRune(s string, i, end int) (int, bool) {
	if c := s[i]; c < utf8.RuneSelf {
		return 1, asciiWord[c]
	}
	r, n := utf8.DecodeRuneInString(s[i:end])
	return n, unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lowerASCII returns s with its ASCII letters in lower case: the same
// length, so offsets into it are offsets into s.
func lowerASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	from := 0 // s[from:i] is written as it is
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[from:i])
			b.WriteByte(c + 'a' - 'A')
			from = i + 1
		}
	}
	b.WriteString(s[from:])
	return b.String()
}

// hit is a lexeme found in a sentence.
type hit struct {
	*entry
	start, end int // byte span
}

// find returns the lexemes in the words, longest first at each position.
func (l *lexicon) find(ws []word) []hit {
	var out []hit
	for i := range ws {
		w := ws[i].text
		if t := start(w); t >= 0 {
			for _, k := range l.byStart[t] {
				if e := &l.entries[k]; e.first(w) && e.match(ws, i) {
					out = append(out, hit{e, ws[i].start, ws[i+len(e.words)-1].end})
				}
			}
		}
		for _, k := range l.other {
			if e := &l.entries[k]; e.first(w) && e.match(ws, i) {
				out = append(out, hit{e, ws[i].start, ws[i+len(e.words)-1].end})
			}
		}
	}
	return out
}

// first reports whether w can be the entry's first word: a cheap test
// before match.
func (e *entry) first(w string) bool {
	f := e.words[0]
	if len(w) < len(f) {
		return false
	}
	if len(w) == len(f) {
		return w == f
	}
	return (e.prefix && len(e.words) == 1) || w[len(f)] == '-' && w[:len(f)] == f
}

// match reports whether the entry's words begin at ws[i]: the same words,
// the last one only begun when the entry ends in *, and a hyphenated word
// matching its first part ("russian-speaking" for "russian").
func (e *entry) match(ws []word, i int) bool {
	if i+len(e.words) > len(ws) {
		return false
	}
	for k, w := range e.words {
		got := ws[i+k].text
		if k == len(e.words)-1 && e.prefix {
			if !strings.HasPrefix(got, w) {
				return false
			}
		} else if got != w && !(strings.HasPrefix(got, w) && strings.HasPrefix(got[len(w):], "-")) {
			return false
		}
	}
	return true
}

// channelOf returns the channel a sentence's topic words point to most,
// with how many of its words do; "" when none.
func channelOf(hits []hit) (leverage.Channel, int) {
	var count [8]int // per channel, in leverage.Channels order
	for _, h := range hits {
		if h.Kind == "topic" {
			if i := slices.Index(leverage.Channels, h.Channel); i >= 0 {
				count[i]++
			}
		}
	}
	best, n := -1, 0
	for i := range leverage.Channels {
		if count[i] > n {
			best, n = i, count[i]
		}
	}
	if best < 0 {
		return "", 0
	}
	return leverage.Channels[best], n
}

// topicTerms appends the terms of the topic words of channel ch to dst.
func topicTerms(dst []string, hits []hit, ch leverage.Channel) []string {
	for _, h := range hits {
		if h.Kind == "topic" && h.Channel == ch {
			dst = append(dst, h.Term)
		}
	}
	return dst
}

func hasKind(hits []hit, kind string) (hit, bool) {
	for _, h := range hits {
		if h.Kind == kind {
			return h, true
		}
	}
	return hit{}, false
}

// lowerWord returns w in lower case with curly apostrophes made straight,
// without copying when it already is.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			return strings.ReplaceAll(strings.ToLower(w), "’", "'")
		}
	}
	return w
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()
