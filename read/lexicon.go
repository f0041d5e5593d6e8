package read

import (
	"encoding/binary"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/leverage-dev/leverage"
)

// lexicon finds the lexemes of data/lexicons.csv in a sentence: words and
// phrases, lower case, a final * matching any ending.
//
// Entries are found by their first word. Those whose first word begins
// with two or three lower-case ASCII letters (see start) are in byFirst,
// by that word, or, when they are a single word ending in * (a stem), in
// byStem, by its first three letters; stems marks those starts. The few
// other entries are tried at each word that begins with their first byte.
type lexicon struct {
	entries    []entry
	byFirst    wordTable
	byStem     wordTable
	stems      [(starts + 63) / 64]uint64
	other      []int32 // entries whose first word begins otherwise ("re-export*")
	otherFirst [256]bool
}

// starts bounds the numbers start gives.
const starts = 27 * 27 * 27

// start returns a number below starts for a word's first three bytes, or
// its two bytes if it has two, or -1 when they are not all lower-case
// ASCII letters.
func start(w string) int {
	if len(w) < 2 {
		return -1
	}
	a, b, c := letter27[w[0]], letter27[w[1]], uint8(0)
	if len(w) > 2 {
		if c = letter27[w[2]]; c == 0 {
			return -1
		}
	}
	if a == 0 || b == 0 {
		return -1
	}
	return (int(a)*27+int(b))*27 + int(c)
}

// letter27 numbers the lower-case ASCII letters from 1 to 26; other
// bytes are 0.
var letter27 = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(c-'a') + 1
	}
	return t
}()

type entry struct {
	Lexeme
	words  []string
	prefix bool   // the last word is a prefix
	topic  int8   // for a topic, its channel's index in leverage.Channels; else -1
	why    string // for a dependence cue, "dependence: <term>", for Candidate.Why
}

func newLexicon(lx []Lexeme) *lexicon {
	l := &lexicon{}
	byFirst, byStem := map[string][]int32{}, map[string][]int32{}
	for _, x := range lx {
		e := entry{Lexeme: x, words: strings.Fields(strings.ToLower(x.Term)), topic: -1}
		if len(e.words) == 0 {
			continue
		}
		if x.Kind == "topic" {
			e.topic = int8(slices.Index(leverage.Channels, x.Channel))
		}
		if x.Kind == "dependence" {
			e.why = "dependence: " + x.Term
		}
		last := e.words[len(e.words)-1]
		if strings.HasSuffix(last, "*") {
			e.prefix = true
			e.words[len(e.words)-1] = strings.TrimSuffix(last, "*")
		}
		i := int32(len(l.entries))
		l.entries = append(l.entries, e)
		first := e.words[0]
		stem := e.prefix && len(e.words) == 1
		switch t := start(first); {
		case t < 0 || stem && len(first) < 3:
			// A two-letter stem ("un*") may begin longer words: it goes
			// with the others.
			l.other = append(l.other, i)
			if first == "" {
				for c := range l.otherFirst {
					l.otherFirst[c] = true
				}
			} else {
				l.otherFirst[first[0]] = true
			}
		case stem:
			byStem[first[:3]] = append(byStem[first[:3]], i)
			l.stems[t/64] |= 1 << (t % 64)
		default:
			byFirst[first] = append(byFirst[first], i)
		}
	}
	l.byFirst, l.byStem = newWordTable(byFirst), newWordTable(byStem)
	return l
}

// wordTable maps words to lists of entries: an open-addressing hash
// table at most a quarter full, so that a word no entry begins with (most
// words) costs, mostly, the probe of one empty slot.
type wordTable struct {
	slots   []wordSlot
	mask    uint32
	words   []string
	entries [][]int32
}

type wordSlot struct {
	hash uint32
	i    int32 // the word's index in words and entries; -1: an empty slot
}

func newWordTable(m map[string][]int32) wordTable {
	n := 4
	for n < 4*len(m) {
		n *= 2
	}
	t := wordTable{slots: make([]wordSlot, n), mask: uint32(n - 1)}
	for i := range t.slots {
		t.slots[i].i = -1
	}
	for _, w := range slices.Sorted(maps.Keys(m)) {
		h := hashWord(w)
		k := h & t.mask
		for t.slots[k].i >= 0 {
			k = (k + 1) & t.mask
		}
		t.slots[k] = wordSlot{h, int32(len(t.words))}
		t.words = append(t.words, w)
		t.entries = append(t.entries, m[w])
	}
	return t
}

// get returns the entries of w, whose hash (hashWord) is h; nil if none.
func (t *wordTable) get(w string, h uint32) []int32 {
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		s := t.slots[k]
		if s.i < 0 {
			return nil
		}
		if s.hash == h && t.words[s.i] == w {
			return t.entries[s.i]
		}
	}
}

// 32-bit FNV-1a.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashWord is 32-bit FNV-1a with a final mix.
func hashWord(w string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * fnvPrime
	}
	return mix(h)
}

func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	return h ^ h>>13
}

// word is a lower-case word of a sentence with its byte span.
type word struct {
	text       string
	start, end int
	hash       uint32 // hashWord(text)
	hyphen     bool   // it may hold a hyphen
}

// words splits s[start:end] into words of letters, digits, inner
// apostrophes and hyphens, appending them to out[:0]; low is s with its
// ASCII letters in lower case (see lowerASCII), and words are slices of
// it, so that a word's offsets are those of the text. A possessive 's is
// dropped, as are other letters' case.
func words(out []word, s, low string, start, end int) []word {
	out = out[:0]
	t := low[:end] // bounds the loops below: the compiler then drops their checks
	for i := start; i < len(t); {
		switch wordByte[t[i]] {
		case wordSep, wordInner:
			i++
			continue
		case wordMulti:
			if n, ok := wordRune(s, i, end); !ok {
				i += n
				continue
			}
		}
		// A word starts at i. Its ASCII letters, digits, apostrophes and
		// hyphens, all of most words, are hashed in a loop of their own,
		// and the rest, if any, read rune by rune.
		j, h, classes := asciiRun(t, i)
		ascii := j == len(t) || wordByte[t[j]] != wordMulti
		if !ascii {
			j = wordEnd(s, j, end)
		}
		w := t[i:j]
		if w[len(w)-1] >= utf8.RuneSelf {
			w = lowerWord(s[i:j]) // other letters: fold them properly
		}
		if last := w[len(w)-1]; last == 's' || last == '\'' {
			w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"), "'")
		}
		if h = mix(h); !ascii || len(w) < j-i {
			h = hashWord(w)
		}
		out = append(out, word{w, i, j, h, !ascii || classes&wordInner != 0})
		i = j
	}
	return out
}

// asciiRun returns the end of the run of ASCII letters, digits,
// apostrophes and hyphens at t[i:], its FNV-1a hash (before mix), and the
// union of its bytes' classes (see wordByte).
func asciiRun(t string, i int) (int, uint32, uint8) {
	h, classes := uint32(fnvOffset), uint8(0)
	for ; i < len(t); i++ {
		c := t[i]
		k := wordByte[c]
		if k&(wordAlnum|wordInner) == 0 {
			break
		}
		h = (h ^ uint32(c)) * fnvPrime
		classes |= k
	}
	return i, h, classes
}

// wordEnd returns the end of the word that goes on at s[j]: letters,
// digits, apostrophes and hyphens.
func wordEnd(s string, j, end int) int {
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
	return j
}

// The classes of wordByte.
const (
	wordSep   = 0         // ASCII, not in a word
	wordAlnum = 1 << iota // an ASCII letter or digit
	wordInner             // an apostrophe or a hyphen, in a word but not at its start
	wordMulti             // a byte of a non-ASCII character
)

// wordByte classifies bytes for words.
var wordByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = wordMulti
		case asciiWord[c]:
			t[c] = wordAlnum
		case c == '\'' || c == '-':
			t[c] = wordInner
		}
	}
	return t
}()

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
// length, so offsets into it are offsets into s. It lowers eight bytes at
// a time (see lower8) into a buffer.
func lowerASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var buf [4096]byte
	for len(s) > 0 {
		n := min(len(s), len(buf))
		i := 0
		for ; i+8 <= n; i += 8 {
			binary.LittleEndian.PutUint64(buf[i:], lower8(load8(s, i)))
		}
		for ; i < n; i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		b.Write(buf[:n])
		s = s[n:]
	}
	return b.String()
}

// lower8 lowers the ASCII letters among eight bytes, the first in the
// lowest. In each byte, seven bits added to 0x80-'A' reach bit 7 from 'A'
// on, added to 0x80-'Z'-1 from past 'Z' on, and never carry into the next
// byte; a byte is an upper-case letter when the first sum has bit 7 and
// the second and the byte itself do not, and its bit 5 is then set.
func lower8(x uint64) uint64 {
	const ones = 0x0101010101010101
	low7 := x & (0x7f * ones)
	fromA := low7 + (0x80-'A')*ones
	pastZ := low7 + (0x80-'Z'-1)*ones
	upper := fromA &^ pastZ &^ x & (0x80 * ones)
	return x | upper>>2
}

// load8 returns the eight bytes of s from i on, the first in the lowest:
// the compiler makes it one load.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hit is a lexeme found in a sentence.
type hit struct {
	*entry
	start, end int // byte span
}

// find appends the lexemes in the words to dst, at each word in the
// order of the lexicon, and returns it.
func (l *lexicon) find(dst []hit, ws []word) []hit {
	var buf [8]int32
	for i := range ws {
		w := ws[i].text
		// The entries whose first word can be w: w itself, w up to a
		// hyphen ("russian" in "russian-speaking"), or a stem w begins
		// with. They all begin as w does.
		ks := l.byFirst.get(w, ws[i].hash)
		if t := start(w); t >= 0 {
			stem := l.stems[t/64]&(1<<(t%64)) != 0 // then w has three letters or more
			if stem || ws[i].hyphen {
				ks = append(buf[:0], ks...)
				for h := 3; h < len(w); h++ {
					if w[h] == '-' {
						ks = append(ks, l.byFirst.get(w[:h], hashWord(w[:h]))...)
					}
				}
				if stem {
					for _, k := range l.byStem.get(w[:3], hashWord(w[:3])) {
						if strings.HasPrefix(w, l.entries[k].words[0]) {
							ks = append(ks, k)
						}
					}
				}
				slices.Sort(ks)
			}
		}
		for _, k := range ks {
			// The first word is matched already.
			if e := &l.entries[k]; len(e.words) == 1 || e.matchFrom(ws, i, 1) {
				dst = append(dst, hit{e, ws[i].start, ws[i+len(e.words)-1].end})
			}
		}
		if w != "" && l.otherFirst[w[0]] {
			dst = l.others(dst, ws, i)
		}
	}
	return dst
}

// others appends to dst the entries of l.other found at ws[i].
func (l *lexicon) others(dst []hit, ws []word, i int) []hit {
	for _, k := range l.other {
		if e := &l.entries[k]; e.first(ws[i].text) && e.matchFrom(ws, i, 0) {
			dst = append(dst, hit{e, ws[i].start, ws[i+len(e.words)-1].end})
		}
	}
	return dst
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

// matchFrom reports whether the entry's words from its word k on follow
// at ws[i+k], the entry beginning at ws[i]: the same words, the last one
// only begun when the entry ends in *, and a hyphenated word matching its
// first part ("russian-speaking" for "russian").
func (e *entry) matchFrom(ws []word, i, k int) bool {
	if i+len(e.words) > len(ws) {
		return false
	}
	for ; k < len(e.words); k++ {
		w, got := e.words[k], ws[i+k].text
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
// "" when none.
func channelOf(hits []hit) leverage.Channel {
	var count [8]int // per channel, in leverage.Channels order
	for _, h := range hits {
		if h.topic >= 0 {
			count[h.topic]++
		}
	}
	best, n := -1, 0
	for i := range leverage.Channels {
		if count[i] > n {
			best, n = i, count[i]
		}
	}
	if best < 0 {
		return ""
	}
	return leverage.Channels[best]
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
