package gazetteer

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The runes foldTable covers: all of two-byte UTF-8 (Latin-1, Latin
// Extended, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic…), Latin
// Extended Additional (Vietnamese), General Punctuation (dashes,
// apostrophes, quotes, format characters), CJK punctuation and kana, and
// the half- and full-width forms. Hangul syllables and CJK ideographs
// have their forms computed (see formOf).
const (
	foldLow1, foldHigh1 = 0x80, 0x800
	foldLow2, foldHigh2 = 0x1E00, 0x2070
	foldLow3, foldHigh3 = 0x3000, 0x3100
	foldLow4, foldHigh4 = 0xFF00, 0xFFF0
)

// foldIndex returns the index of r in foldTable.entries, or -1.
func foldIndex(r rune) int {
	const (
		base2 = foldHigh1 - foldLow1
		base3 = base2 + foldHigh2 - foldLow2
		base4 = base3 + foldHigh3 - foldLow3
	)
	switch {
	case foldLow1 <= r && r < foldHigh1:
		return int(r - foldLow1)
	case foldLow2 <= r && r < foldHigh2:
		return int(r-foldLow2) + base2
	case foldLow3 <= r && r < foldHigh3:
		return int(r-foldLow3) + base3
	case foldLow4 <= r && r < foldHigh4:
		return int(r-foldLow4) + base4
	}
	return -1
}

// foldEntry is the matching form of one rune: the bytes
// foldTable.bytes[off:off+n], or, when slow is set, a rune whose form the
// table cannot give on its own (see buildFoldTable).
type foldEntry struct {
	off  uint16
	n    uint8
	slow bool
}

// foldTable holds the matching form of each rune it covers, as the
// normaliser's x/text path gives it for the rune alone.
type foldTable struct {
	entries [foldHigh1 - foldLow1 + foldHigh2 - foldLow2 + foldHigh3 - foldLow3 + foldHigh4 - foldLow4]foldEntry
	bytes   []byte
}

var (
	foldOnce sync.Once
	folds    *foldTable
)

// runeFolds returns the fold table, building it on first use.
func runeFolds() *foldTable {
	foldOnce.Do(func() { folds = buildFoldTable() })
	return folds
}

// buildFoldTable computes each covered rune's matching form with the
// normaliser's x/text path. The form of a token is then the forms of its
// runes one after the other: NFKD decomposes rune by rune and only
// reorders the marks of non-zero combining class, which are dropped;
// case folding maps rune by rune without context; and the apostrophe,
// quote and mark rules look at one rune at a time. A rune is marked slow,
// for the x/text path to handle the whole token, when its NFKD form keeps
// a rune of non-zero combining class that is not dropped, which
// reordering could move past its neighbours' marks.
func buildFoldTable() *foldTable {
	t := new(foldTable)
	var n normaliser
	var buf []byte
	add := func(i int, r rune) {
		buf = n.foldSlow(buf[:0], string(r))
		if len(buf) > 255 || len(t.bytes)+len(buf) > 0xFFFF || keepsOrderedMark(string(r)) {
			t.entries[i] = foldEntry{slow: true}
			return
		}
		t.entries[i] = foldEntry{off: uint16(len(t.bytes)), n: uint8(len(buf))}
		t.bytes = append(t.bytes, buf...)
	}
	for r := rune(0); r <= foldHigh4; r++ {
		if i := foldIndex(r); i >= 0 {
			add(i, r)
		}
	}
	return t
}

// keepsOrderedMark reports whether the NFKD form of s holds a rune of
// non-zero canonical combining class that the normaliser does not drop.
func keepsOrderedMark(s string) bool {
	d := norm.NFKD.String(s)
	for i := 0; i < len(d); {
		p := norm.NFKD.PropertiesString(d[i:])
		r, _ := utf8.DecodeRuneInString(d[i:])
		if p.CCC() != 0 && !dropped(r) {
			return true
		}
		i += p.Size()
	}
	return false
}

// formOf appends the matching form of the rune r, size bytes of UTF-8
// at s[i:], to dst; ok is false when r is outside the table and the
// computed ranges, or marked slow.
func (t *foldTable) formOf(dst []byte, s string, i int, r rune, size int) (out []byte, ok bool) {
	switch {
	case 0x4E00 <= r && r <= 0x9FFF:
		// CJK Unified Ideographs: no decomposition, no case.
		return append(dst, s[i:i+size]...), true
	case hangulBase <= r && r < hangulBase+hangulCount:
		return appendJamo(dst, r), true
	}
	k := foldIndex(r)
	if k < 0 || t.entries[k].slow {
		return dst, false
	}
	e := t.entries[k]
	return append(dst, t.bytes[e.off:int(e.off)+int(e.n)]...), true
}

// The Hangul syllables, which NFKD decomposes by arithmetic into two or
// three conjoining jamo (The Unicode Standard, 3.12).
const (
	hangulBase  = 0xAC00
	hangulCount = 11172
	jamoL       = 0x1100
	jamoV       = 0x1161
	jamoT       = 0x11A7
	jamoVCount  = 21
	jamoTCount  = 28
)

// appendJamo appends the NFKD form of the Hangul syllable r.
func appendJamo(dst []byte, r rune) []byte {
	k := r - hangulBase
	dst = utf8.AppendRune(dst, jamoL+k/(jamoVCount*jamoTCount))
	dst = utf8.AppendRune(dst, jamoV+k%(jamoVCount*jamoTCount)/jamoTCount)
	if t := k % jamoTCount; t > 0 {
		dst = utf8.AppendRune(dst, jamoT+t)
	}
	return dst
}
