// Package gazetteer finds the names of the model's actors in text, and the
// runs of words that look like a known name but are not one.
//
// # Tokens
//
// Text and names are split into tokens at UAX #29 word boundaries
// (github.com/clipperhouse/uax29/v2/words; plain ASCII and words of Latin,
// Greek and Cyrillic letters take a shortcut that cuts at the same places,
// checked against the package by a test and the fuzz target). Whitespace
// is not a token. On top of UAX #29:
//
//   - a hyphen or dash written between two words without spaces
//     (- ‐ ‑ ‒ – — ― −) only separates them: "Kassym-Jomart" is
//     "Kassym Jomart", "Nur-Sultan" is "Nur Sultan";
//   - a dash with spaces around it, every other punctuation mark, and a
//     paragraph break (two line breaks or more) are tokens of their own, so
//     a name never matches across them unless it is written with them; a
//     single line break is a space;
//   - a possessive 's is not part of the word: "Russia's" and "Kazakhstan’s"
//     match "Russia" and "Kazakhstan", and the mention ends before the
//     apostrophe;
//   - a full stop or colon between two words of two letters or more, the
//     second capitalised, is a token of its own: scraped pages drop the
//     space after a full stop ("Ukraine.This"), while "U.S." stays whole;
//   - an apostrophe UAX #29 splits at (‘ ` ´ ′) joins two words written
//     around it without spaces, as ’ and ' do: "d‘Ivoire".
//
// # Normalisation
//
// Each token is normalised with golang.org/x/text: NFKD, combining marks
// and format characters (such as the soft hyphen) dropped, case-folded
// (cases.Fold); a table of those forms, built from x/text on first use,
// folds the runes of the common scripts without calling it. So "Türkiye",
// "TÜRKİYE" and "Turkiye" are one token, and "Côte d’Ivoire" and
// "cote d'ivoire" one name. Besides, apostrophes
// (’ ‘ ʼ ` ´ ′) are all ', double quotes (“ ” „ « ») are ", and the
// British -isation is spelled -ization, so "Shanghai Cooperation
// Organization" matches "Shanghai Cooperation Organisation".
//
// # Case
//
// Most names match whatever their case, as news pages write
// "kazakhstan" or "NUR-SULTAN". Two kinds of name are narrower:
//
//   - acronyms (NameKind acronym: CSTO, EU, US, CPC) match only as written
//     in the dataset, case included (after NFKD, so full-width "ＣＳＴＯ"
//     is "CSTO"): "us", "eu" or "Cpc" in running text are not names;
//   - demonyms and metonyms ("Kazakh", "Moscow", "the Kremlin") match only
//     where each of their words written with a capital in the dataset
//     starts with a capital in the text, so that proper nouns match and
//     the ordinary words a metonym can also be do not: "the Kremlin" and
//     "The Kremlin" match, "the kremlin" and "kazakh" do not.
//
// Official names, aliases and historical names match in any case; a
// common word used as one ("turkey" for the alias "Turkey") matches too.
//
// # Matching
//
// The names are a trie over sequences of normalised tokens. Find makes one
// pass over the text's tokens, looking each up in the names' vocabulary (a
// hash table, after a bitmap of the vocabulary's token shapes has ruled
// out most words without normalising them), and at each token takes the
// longest name that starts there and whose case rules hold, then goes on
// after it: mentions are leftmost-longest, do not overlap, and start and
// end on token boundaries. Thousands of names cost the same pass as ten.
// A mention lists every entry with that name (a demonym several actors
// share, an official and a historical name written alike); Find does not
// look at dates: Entry.Valid says when each name was in use.
//
// NearMisses finds what Find does not: runs of words close to a name of
// two words or more, by an edit distance over words (see NearMisses).
//
// A Gazetteer is immutable once built and safe for concurrent use.
package gazetteer

import (
	"slices"

	"github.com/leverage-dev/leverage"
)

// Entry is one name of an actor.
type Entry struct {
	Actor    string             // actor id
	Kind     leverage.ActorKind // the actor's kind
	Name     string             // as written in the dataset
	NameKind leverage.NameKind  // official, alias, acronym, demonym, metonym, historical; the actor's main name counts as official
	Valid    leverage.Period    // when the name was in use; zero = always
}

// FromActors returns the entries of every actor's main Name (as an official
// name, always valid) and of each of its Names, in order. The main name is
// left out when the actor's Names hold the same text: then they say when
// it was in use (Astana's Names date "Astana" before 2019-03 and from
// 2022-09-17, and a main name always valid would hide that it was not in
// use in between).
func FromActors(actors []*leverage.Actor) []Entry {
	var out []Entry
	for _, a := range actors {
		if a == nil {
			continue
		}
		dated := false
		for _, n := range a.Names {
			if n.Text == a.Name {
				dated = true
				break
			}
		}
		if !dated && a.Name != "" {
			out = append(out, Entry{Actor: a.ID, Kind: a.Kind, Name: a.Name, NameKind: leverage.NameOfficial})
		}
		for _, n := range a.Names {
			if n.Text == "" {
				continue
			}
			out = append(out, Entry{Actor: a.ID, Kind: a.Kind, Name: n.Text, NameKind: n.Kind, Valid: n.Valid})
		}
	}
	return out
}

// Mention is a name found in the text.
type Mention struct {
	Start, End int   // byte offsets into the original text
	Entries    []int // indices of the entries this text matches; a name can belong to several actors or entries
}

// Gazetteer finds names of actors in text. It is immutable after New and
// safe for concurrent use.
type Gazetteer struct {
	entries []Entry
	rules   []rule
	ruled   []bool // whether entry i has case rules

	vocab  table                // normalised token → id
	maxLen int                  // longest normalised token, in bytes
	filter [1 << 15 / 64]uint64 // the vocabulary's shapes: see shape
	root   []int32              // token id → child of the root, or -1
	edges  map[uint64]int32     // node<<32 | token id → child
	ends   []int32              // node n's entries, whose names end there, are ended[ends[n]:ends[n+1]]
	ended  []int32

	near nearIndex
}

// rule is what a text must also satisfy to match an entry.
type rule struct {
	cased []string // acronyms: each token as it must be written (after NFKD); nil otherwise
	caps  []bool   // demonyms and metonyms: the tokens that must start with a capital; nil otherwise
}

// New builds a gazetteer of entries. Entries whose name has no token never
// match.
func New(entries []Entry) *Gazetteer {
	g := &Gazetteer{
		entries: append([]Entry(nil), entries...),
		rules:   make([]rule, len(entries)),
		ruled:   make([]bool, len(entries)),
		edges:   make(map[uint64]int32),
	}
	building := [][]int32{nil} // node → entries, flattened into ends and ended at the end
	var n normaliser
	var buf []byte
	for i, e := range g.entries {
		var toks []token
		scan(e.Name, func(t token) { toks = append(toks, t) })
		if len(toks) == 0 {
			continue
		}
		node := int32(0)
		for _, t := range toks {
			buf = n.normOf(buf[:0], e.Name, t)
			id := g.vocab.add(buf)
			if int(id) == len(g.root) {
				g.root = append(g.root, -1)
				g.maxLen = max(g.maxLen, len(buf))
				k := shape(buf)
				g.filter[k/64] |= 1 << (k % 64)
			}
			node = g.child(node, id, &building)
		}
		building[node] = append(building[node], int32(i))
		switch e.NameKind {
		case leverage.NameAcronym:
			r := make([]string, len(toks))
			for k, t := range toks {
				if t.kind == tokWord || t.kind == tokPunct {
					r[k] = n.cased(e.Name[t.start:t.end])
				}
			}
			g.rules[i].cased = r
			g.ruled[i] = true
		case leverage.NameDemonym, leverage.NameMetonym:
			caps := make([]bool, len(toks))
			for k, t := range toks {
				caps[k] = t.kind == tokWord && capitalised(e.Name[t.start:t.end])
			}
			g.rules[i].caps = caps
			g.ruled[i] = true
		}
	}
	g.ends = make([]int32, 0, len(building)+1)
	for _, es := range building {
		g.ends = append(g.ends, int32(len(g.ended)))
		g.ended = append(g.ended, es...)
	}
	g.ends = append(g.ends, int32(len(g.ended)))
	g.near = buildNear(g.entries)
	return g
}

// child returns the child of node along token id, adding it if needed.
func (g *Gazetteer) child(node, id int32, building *[][]int32) int32 {
	if node == 0 {
		if c := g.root[id]; c >= 0 {
			return c
		}
	} else if c, ok := g.edges[uint64(node)<<32|uint64(uint32(id))]; ok {
		return c
	}
	c := int32(len(*building))
	*building = append(*building, nil)
	if node == 0 {
		g.root[id] = c
	} else {
		g.edges[uint64(node)<<32|uint64(uint32(id))] = c
	}
	return c
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns entry i, as given to New.
func (g *Gazetteer) Entry(i int) Entry { return g.entries[i] }

// ftok is a token of the text being searched: a token some name holds, or
// -1 for a run of tokens none holds.
type ftok struct {
	start, end int
	id         int32
}

// chunk is how many tokens Find gathers before matching them, at the next
// unknown token: no name crosses one, so matching in chunks is exact and
// keeps memory flat.
const chunk = 4096

// Find returns the names in text, leftmost-longest, non-overlapping and on
// token boundaries, in order. text[m.Start:m.End] is the name as written
// (without a possessive 's).
func (g *Gazetteer) Find(text string) []Mention {
	if len(g.root) == 0 || text == "" {
		return nil
	}
	f := &finder{g: g, text: text, buf: make([]byte, 0, max(64, g.maxLen))}
	f.toks = make([]ftok, 0, min(chunk+64, len(text)/4+8))
	unknown := false
	sc := scanner{text: text}
	for batch := sc.next(); len(batch) > 0; batch = sc.next() {
		for _, t := range batch {
			// Most words are ruled out here by their shape, without a
			// call (see excluded).
			id := int32(-1)
			if n := t.end - t.start; !t.ascii || n == 0 || n > g.maxLen {
				id = f.lookup(t)
			} else if k := asciiShape(text[t.start:t.end]); g.filter[k/64]&(1<<(k%64)) != 0 {
				id = f.lookupASCII(text[t.start:t.end])
			}
			if id >= 0 {
				unknown = false
				f.toks = append(f.toks, ftok{start: t.start, end: t.end, id: id})
				continue
			}
			if unknown {
				continue
			}
			unknown = true
			if len(f.toks) >= chunk {
				f.match()
				f.toks = f.toks[:0]
			}
			f.toks = append(f.toks, ftok{id: -1})
		}
	}
	f.match()
	nhits := len(f.hits)
	for _, b := range f.full {
		nhits += len(b)
	}
	if nhits == 0 {
		return nil
	}
	// The mentions' entries share one array.
	all := make([]int, len(f.ents))
	for i, e := range f.ents {
		all[i] = int(e)
	}
	out := make([]Mention, 0, nhits)
	for _, b := range append(f.full, f.hits) {
		for _, h := range b {
			out = append(out, Mention{Start: h.start, End: h.end, Entries: all[h.from:h.to:h.to]})
		}
	}
	return out
}

// finder is the state of one call of Find.
type finder struct {
	g    *Gazetteer
	text string
	n    normaliser
	buf  []byte
	toks []ftok
	hits []hit   // the hits of the block being filled
	full [][]hit // the blocks before it, filled: blocks, not one slice, are not copied to grow
	ents []int32 // the entries of every hit
}

// hit is a mention while Find runs: its entries are ents[from:to].
type hit struct {
	start, end int
	from, to   int
}

// match finds the mentions in f.toks, leftmost-longest.
func (f *finder) match() {
	g, toks := f.g, f.toks
	for i := 0; i < len(toks); {
		if toks[i].id < 0 || g.root[toks[i].id] < 0 {
			i++
			continue
		}
		node := g.root[toks[i].id]
		best, from := -1, len(f.ents)
		for j := i; ; {
			if ends := g.ended[g.ends[node]:g.ends[node+1]]; len(ends) > 0 {
				mark := len(f.ents)
				if cap(f.ents)-len(f.ents) < len(ends) {
					// Double: append grows large slices by a quarter, copying too often.
					f.ents = slices.Grow(f.ents, len(f.ents)+len(ends))
				}
				for _, e := range ends {
					if !g.ruled[e] || g.accept(e, f.text, toks[i:j+1], &f.n) {
						f.ents = append(f.ents, e)
					}
				}
				if len(f.ents) > mark {
					if mark > from {
						// Keep only the longest: move these down over a shorter match.
						f.ents = append(f.ents[:from], f.ents[mark:]...)
					}
					best = j
				}
			}
			j++
			if j >= len(toks) || toks[j].id < 0 {
				break
			}
			c, ok := g.edges[uint64(node)<<32|uint64(uint32(toks[j].id))]
			if !ok {
				break
			}
			node = c
		}
		if best < 0 {
			i++
			continue
		}
		if len(f.hits) == cap(f.hits) {
			if len(f.hits) > 0 {
				f.full = append(f.full, f.hits)
			}
			f.hits = make([]hit, 0, min(4096, 2*cap(f.hits)+64))
		}
		f.hits = append(f.hits, hit{start: toks[i].start, end: toks[best].end, from: from, to: len(f.ents)})
		i = best + 1
	}
}

// lookup returns the id of token t, or -1 when no name holds it.
func (f *finder) lookup(t token) int32 {
	g := f.g
	raw := f.text[t.start:t.end]
	if t.kind == tokWord || t.kind == tokPunct {
		// ASCII normalises to as many bytes, with the same shape: most
		// words are ruled out before they are folded.
		if !t.ascii && !isASCII(raw) {
			goto slow
		}
		if g.excluded(raw) {
			return -1
		}
		return f.lookupASCII(raw)
	}
slow:
	f.buf = f.n.normOf(f.buf[:0], f.text, t)
	if b := f.buf; len(b) > 0 {
		if k := shape(b); len(b) > g.maxLen || g.filter[k/64]&(1<<(k%64)) == 0 {
			return -1
		}
	}
	return f.get(f.buf, hash(f.buf))
}

// lookupASCII returns the id of the ASCII token raw, which excluded does
// not rule out, or -1.
func (f *finder) lookupASCII(raw string) int32 {
	// Case-fold and hash in one pass.
	if cap(f.buf) < len(raw) {
		f.buf = make([]byte, 0, len(raw))
	}
	buf := f.buf[:len(raw)]
	h := uint32(fnvOffset)
	for i := 0; i < len(raw); i++ {
		c := foldASCII[raw[i]]
		h = (h ^ uint32(c)) * fnvPrime
		buf[i] = c
	}
	if len(buf) >= 8 && (buf[len(buf)-1] == 'n' || buf[len(buf)-1] == 's') {
		if b := izationFix(buf, 0); string(b) != raw {
			return f.get(b, hash(b))
		}
	}
	return f.get(buf, mix(h))
}

// foldASCII folds ASCII as the normaliser does: letters in lower case, a
// backquote an apostrophe.
var foldASCII = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		switch {
		case 'A' <= c && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c == '`':
			t[c] = '\''
		}
	}
	return t
}()

func (f *finder) get(b []byte, h uint32) int32 {
	if id, ok := f.g.vocab.getHash(b, h); ok {
		return id
	}
	return -1
}

// shape is a 15-bit digest of a normalised token: its length (up to 31)
// and the low five bits of its first and last bytes. An ASCII token
// normalises to as many bytes, with the same low bits at both ends (case
// folding flips bit 5 only; a backquote becomes an apostrophe), so Find
// can skip normalising and looking up an ASCII token whose shape no known
// token has: most words of a text.
func shape(norm []byte) uint {
	return uint(min(len(norm), 31))<<10 | uint(norm[0]&31)<<5 | uint(norm[len(norm)-1]&31)
}

// excluded reports whether no name holds the ASCII word or punctuation
// mark raw: it is empty, longer than any known token, or of a shape no
// known token has.
func (g *Gazetteer) excluded(raw string) bool {
	if raw == "" || len(raw) > g.maxLen {
		return true
	}
	k := asciiShape(raw)
	return g.filter[k/64]&(1<<(k%64)) == 0
}

// asciiShape is the shape of the normalised form of the ASCII token raw,
// from raw itself: case folding keeps the low five bits, and a backquote
// becomes an apostrophe (izationFix changes neither end).
func asciiShape(raw string) uint {
	first, last := raw[0], raw[len(raw)-1]
	if first == '`' {
		first = '\''
	}
	if last == '`' {
		last = '\''
	}
	return uint(min(len(raw), 31))<<10 | uint(first&31)<<5 | uint(last&31)
}

// accept reports whether the tokens of text match entry e's case rules.
func (g *Gazetteer) accept(e int32, text string, toks []ftok, n *normaliser) bool {
	r := &g.rules[e]
	if r.cased == nil && r.caps == nil {
		return true
	}
	if r.cased != nil {
		for k, t := range toks {
			if r.cased[k] != "" && n.cased(text[t.start:t.end]) != r.cased[k] {
				return false
			}
		}
	}
	if r.caps != nil {
		for k, t := range toks {
			if r.caps[k] && !capitalised(text[t.start:t.end]) {
				return false
			}
		}
	}
	return true
}
