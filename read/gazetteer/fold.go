package gazetteer

import (
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The runes foldTable covers: all of two-byte UTF-8 (Latin-1, Latin
// Extended, IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic…), Latin
// Extended Additional (Vietnamese) and General Punctuation (dashes,
// apostrophes, quotes, format characters).
const (
	foldLow1, foldHigh1 = 0x80, 0x800
	foldLow2, foldHigh2 = 0x1E00, 0x2070
)

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
	entries [foldHigh1 - foldLow1 + foldHigh2 - foldLow2]foldEntry
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
	for r := rune(foldLow1); r < foldHigh1; r++ {
		add(int(r-foldLow1), r)
	}
	for r := rune(foldLow2); r < foldHigh2; r++ {
		add(int(r-foldLow2+foldHigh1-foldLow1), r)
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

// lookup returns the matching form of r, or ok false when r is outside
// the table or marked slow.
func (t *foldTable) lookup(r rune) (form []byte, ok bool) {
	var e foldEntry
	switch {
	case foldLow1 <= r && r < foldHigh1:
		e = t.entries[r-foldLow1]
	case foldLow2 <= r && r < foldHigh2:
		e = t.entries[r-foldLow2+foldHigh1-foldLow1]
	default:
		return nil, false
	}
	if e.slow {
		return nil, false
	}
	return t.bytes[e.off : int(e.off)+int(e.n)], true
}
