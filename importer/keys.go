package importer

import "fmt"

// Pos is a row of an input file.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Key packs a state pair and a number k into one map key. b is 0 for a
// single state; k is the year (0 for a timeless row) or another number
// that tells a state's or pair's rows apart. b must be below 2^16 and k
// below 2^24.
func Key(a, b, k int) uint64 {
	return uint64(a)<<40 | uint64(b)<<24 | uint64(k)&0xffffff
}

// Unkey returns the parts of a key made by [Key].
func Unkey(key uint64) (a, b, k int) {
	return int(key >> 40), int(key >> 24 & 0xffff), int(key & 0xffffff)
}

// Keys remembers where each key was first seen, to reject repeated rows.
type Keys struct {
	m     map[uint64]uint64 // key -> file index << 32 | line
	files []string
}

// NewKeys returns an empty set sized for about n keys.
func NewKeys(n int) *Keys {
	return &Keys{m: make(map[uint64]uint64, n)}
}

// Add records key at the current row of t. If key was added before, it
// returns an error naming both rows, with the key described by describe.
func (k *Keys) Add(t *Table, key uint64, describe func(a, b, k int) string) error {
	if p, dup := k.m[key]; dup {
		prev := Pos{File: k.files[p>>32], Line: int(p & 0xffffffff)}
		return t.RowErrorf("%s: repeats the row at %s", describe(Unkey(key)), prev)
	}
	if len(k.files) == 0 || k.files[len(k.files)-1] != t.File() {
		k.files = append(k.files, t.File())
	}
	k.m[key] = uint64(len(k.files)-1)<<32 | uint64(t.Line())
	return nil
}

// PairYear describes a key made by Key(a, b, year), for Add.
func PairYear(a, b, year int) string { return fmt.Sprintf("pair (%d, %d) in %d", a, b, year) }

// StateYear describes a key made by Key(a, 0, year), for Add.
func StateYear(a, _, year int) string { return fmt.Sprintf("state %d in %d", a, year) }

// Pairs accepts the rows of a non-directed table that may list a pair in
// either order or in both, as peacesciencer's "directed" versions of
// symmetric COW data do. A row whose mirror image was seen with the same
// values adds nothing; a row that repeats one seen in the same order, or
// whose mirror image has other values, is an error naming both rows.
type Pairs struct {
	m map[uint64]pairRow
}

type pairRow struct {
	pos     Pos
	flipped bool
	values  []float64
}

// NewPairs returns an empty set sized for about n rows.
func NewPairs(n int) *Pairs {
	return &Pairs{m: make(map[uint64]pairRow, n)}
}

// Add records the current row of t for the pair (a, b) and the key k (a
// year, or any other number that tells rows of a pair apart), with its
// values; NaN stands for a missing value. It reports whether the row is
// new; describe describes the row in errors.
func (p *Pairs) Add(t *Table, a, b, k int, values []float64, describe func(a, b, k int) string) (bool, error) {
	flipped := a > b
	if flipped {
		a, b = b, a
	}
	key := Key(a, b, k)
	prev, seen := p.m[key]
	if !seen {
		p.m[key] = pairRow{Pos{t.File(), t.Line()}, flipped, append([]float64(nil), values...)}
		return true, nil
	}
	if prev.flipped == flipped {
		return false, t.RowErrorf("%s: repeats the row at %s", describe(a, b, k), prev.pos)
	}
	for i, v := range values {
		w := prev.values[i]
		if v != w && !(v != v && w != w) {
			return false, t.RowErrorf("%s: differs from its mirror image at %s", describe(a, b, k), prev.pos)
		}
	}
	return false, nil
}
