package zzold

// table maps normalised tokens to their ids: an open-addressing hash table
// over one string of all the keys, with no pointers per key, so that the
// lookup on every token of a text is a hash over a few bytes and, mostly,
// one probe; and so that a large vocabulary costs the garbage collector
// nothing to scan.
type table struct {
	slots []slot
	keys  []byte // the keys, one after the other
	n     int
}

type slot struct {
	hash     uint32
	id       int32 // -1 when empty
	off, len uint32
}

// 32-bit FNV-1a.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hash is 32-bit FNV-1a with a final mix.
func hash(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h ^= uint32(c)
		h *= fnvPrime
	}
	return mix(h)
}

func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	return h
}

func (t *table) get(b []byte) (int32, bool) { return t.getHash(b, hash(b)) }

// getHash is get with b's hash already computed.
func (t *table) getHash(b []byte, h uint32) (int32, bool) {
	if len(t.slots) == 0 {
		return -1, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.id < 0 {
			return -1, false
		}
		if s.hash == h && int(s.len) == len(b) && string(t.keys[s.off:s.off+s.len]) == string(b) {
			return s.id, true
		}
	}
}

// add adds key b with the next id, which it returns, or returns b's id.
func (t *table) add(b []byte) int32 {
	if id, ok := t.get(b); ok {
		return id
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	id := int32(t.n)
	t.put(slot{hash: hash(b), id: id, off: uint32(len(t.keys)), len: uint32(len(b))})
	t.keys = append(t.keys, b...)
	t.n++
	return id
}

func (t *table) put(s slot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].id >= 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *table) grow() {
	old := t.slots
	t.slots = make([]slot, max(16, 2*len(old)))
	for i := range t.slots {
		t.slots[i].id = -1
	}
	for _, s := range old {
		if s.id >= 0 {
			t.put(s)
		}
	}
}
