package zzold

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// NearMiss is a run of words that looks like a known name but is not one.
type NearMiss struct {
	Start, End int     // byte offsets into the original text
	Text       string  // text[Start:End]
	Entry      int     // the closest entry
	Distance   float64 // normalised edit distance over tokens, in (0, 1)
}

// The near-miss tuning. They are documented on NearMisses.
const (
	// NearMissThreshold bounds the distances NearMisses reports: they are
	// below it.
	NearMissThreshold = 0.34
	// wordSnap is the character distance above which two words are
	// different words rather than one misspelt: substituting them costs
	// the whole word, as do more than two edits. "kasyma"/"kassym" is 0.33
	// (two edits), "eurasian"/"european" three edits, "relations"/
	// "federation" 0.5.
	wordSnap = 0.4
	// stopWeight is the weight of a function word such as "of" or "the".
	stopWeight = 0.25
)

// stopwords are the function words that weigh little in a name.
var stopwords = map[string]bool{
	"a": true, "an": true, "and": true, "at": true, "by": true, "de": true, "del": true,
	"der": true, "des": true, "di": true, "du": true, "el": true, "for": true, "in": true,
	"la": true, "le": true, "of": true, "on": true, "the": true, "to": true, "van": true,
	"via": true, "von": true, "y": true,
}

// nearIndex is what NearMisses compares runs of words with: the entries'
// distinct word sequences, each token's weight, and the sequences of two
// content words or more by each of their content words.
type nearIndex struct {
	groups  []nearGroup
	longest int                // the most words in a name of groups
	weight  map[string]float64 // token → weight, from how many names hold it
	ids     map[string]int32   // token of a name → a number, for NearMisses' memo
	names   []string           // number → token
	byTok   map[string][]int32 // content token → groups of two content tokens or more
}

// nearGroup is the entries that share one sequence of normalised words.
type nearGroup struct {
	toks    []string
	ids     []int32   // each of toks in ids
	w       []float64 // the weight of each of toks
	entries []int     // in order; the first is the one reported
}

func buildNear(entries []Entry) nearIndex {
	ix := nearIndex{weight: map[string]float64{}, byTok: map[string][]int32{}, ids: map[string]int32{}}
	var n normaliser
	seen := map[string]int{}
	df := map[string]int{}
	for i, e := range entries {
		toks := wordNorms(e.Name, &n)
		if len(toks) == 0 {
			continue
		}
		key := strings.Join(toks, " ")
		if gi, ok := seen[key]; ok {
			ix.groups[gi].entries = append(ix.groups[gi].entries, i)
			continue
		}
		seen[key] = len(ix.groups)
		ix.groups = append(ix.groups, nearGroup{toks: toks, entries: []int{i}})
		for k, t := range toks {
			if !contains(toks[:k], t) {
				df[t]++
			}
		}
	}
	for t, d := range df {
		ix.weight[t] = 1 / (1 + math.Log(float64(d)))
	}
	for gi := range ix.groups {
		gr := &ix.groups[gi]
		for _, t := range gr.toks {
			gr.w = append(gr.w, ix.w(t))
			id, ok := ix.ids[t]
			if !ok {
				id = int32(len(ix.names))
				ix.ids[t] = id
				ix.names = append(ix.names, t)
			}
			gr.ids = append(gr.ids, id)
		}
		if content(gr.toks) < 2 {
			continue
		}
		ix.longest = max(ix.longest, len(gr.toks))
		for k, t := range gr.toks {
			if !stopwords[t] && !contains(gr.toks[:k], t) {
				ix.byTok[t] = append(ix.byTok[t], int32(gi))
			}
		}
	}
	return ix
}

// wordNorms returns the normalised words of a name, leaving out
// punctuation.
func wordNorms(name string, n *normaliser) []string {
	var out []string
	var buf []byte
	scan(name, func(t token) {
		if t.kind == tokWord {
			buf = n.fold(buf[:0], name[t.start:t.end])
			out = append(out, string(buf))
		}
	})
	return out
}

func contains(s []string, t string) bool {
	for _, v := range s {
		if v == t {
			return true
		}
	}
	return false
}

// content counts the words of toks that are not function words.
func content(toks []string) int {
	c := 0
	for _, t := range toks {
		if !stopwords[t] {
			c++
		}
	}
	return c
}

func (ix *nearIndex) w(t string) float64 {
	if stopwords[t] {
		return stopWeight
	}
	if w, ok := ix.weight[t]; ok {
		return w
	}
	return 1
}

// NearMisses returns the runs of words in text that are close to a known
// name of two words or more but are none of its names: misnamed
// organisations ("Collective Security Treaty Association" for
// "Collective Security Treaty Organization") and misspelt people
// ("kasyma-Zomart tokayev", "Nursultan Nazarbaev"). found is what
// g.Find(text) returned; when nil, NearMisses calls Find.
//
// A run is a sequence of words with no punctuation, dash with spaces or
// paragraph break inside, that does not cut a hyphenated word, holds at
// least one word starting with a capital and two words that are not
// function words ("of", "the", ...), and shares at least one such word
// with the name it is compared with (so a run whose every word is misspelt
// is not found). A run may not lie inside a found mention or cut one, but
// it may hold whole mentions and go beyond them; it is then not compared
// with the entries of those mentions.
//
// A run is compared with each name of one word fewer, as many or one more.
// The distance is an edit distance over words, each weighted: a function
// word 0.25, a word of the names 1/(1+ln n) when n distinct names hold it
// (so "Republic" or "Union" count less than "Kazakhstan"), any other word
// 1. Inserting or deleting a word costs its weight; substituting one costs
// the larger of the two weights times their character distance: the
// optimal string alignment distance (Levenshtein with transpositions)
// divided by the longer word's length, or 1 when that is over 0.4 or more
// than two edits (a different word, not a typo: "Eurasian" for
// "European"). Case is ignored. The sum is divided by the larger total
// weight of the run and the name. A run is reported when its distance to
// a name is above 0 and below NearMissThreshold and the cheapest
// alignment substitutes at least one word of the name that is not a
// function word: a run that only adds or drops words is part of a name
// ("Collective Security Treaty", "Kassym-Jomart") or a name with words
// around it, not a misnaming. Each run is reported with its closest name;
// of overlapping runs, the closest wins; the result is in text order.
//
// Names of a single word are not compared: a word one letter away from a
// name is as often another word (Austria, Iraq, Uzbekistani) as a typo.
func (g *Gazetteer) NearMisses(text string, found []Mention) []NearMiss {
	ix := &g.near
	if len(ix.byTok) == 0 || text == "" {
		return nil
	}
	if found == nil {
		found = g.Find(text)
	}
	mentions := append([]Mention(nil), found...)
	sort.Slice(mentions, func(i, j int) bool { return mentions[i].Start < mentions[j].Start })

	type wtok struct {
		start, end int
		norm       string
		w          float64
		caps, join bool
		stop       bool
		seg        int
		id         int32   // as in ix.ids, or a number past them
		groups     []int32 // the names of two words or more holding this word
	}
	var toks []wtok
	var n normaliser
	var buf []byte
	seg := 0
	local := map[string]int32{} // the words of the text that are not words of names
	var localNames []string
	scan(text, func(t token) {
		if t.kind != tokWord {
			seg++
			return
		}
		buf = n.fold(buf[:0], text[t.start:t.end])
		var norm string
		id, ok := ix.ids[string(buf)]
		switch {
		case ok:
			norm = ix.names[id]
		default:
			if id, ok = local[string(buf)]; ok {
				norm = localNames[id-int32(len(ix.names))]
			} else {
				norm = string(buf)
				id = int32(len(ix.names) + len(localNames))
				local[norm] = id
				localNames = append(localNames, norm)
			}
		}
		toks = append(toks, wtok{start: t.start, end: t.end, norm: norm, w: ix.w(norm),
			caps: capitalised(text[t.start:t.end]), join: t.join, stop: stopwords[norm], seg: seg,
			id: id, groups: ix.byTok[norm]})
	})

	type cand struct {
		a, l, group int
		d           float64
		off         int // |l - words of the name|
	}
	var (
		cands    []cand
		excluded []int
		run      []string
		runIDs   []int32
		runW     []float64
		d        = distancer{memo: map[uint64]float64{}}
	)
	stamp := make([]int, len(ix.groups)) // the last window that tried each name, plus one
	window := 0
	for a := range toks {
		if a > 0 && toks[a].join && toks[a-1].seg == toks[a].seg {
			continue // inside a hyphenated word
		}
		caps, words, indexed := false, 0, 0
		for l := 1; l <= ix.longest+1 && a+l <= len(toks); l++ {
			b := a + l - 1
			if toks[b].seg != toks[a].seg {
				break
			}
			caps = caps || toks[b].caps
			if !toks[b].stop {
				words++
			}
			if len(toks[b].groups) > 0 {
				indexed++
			}
			if l < 2 || !caps || words < 2 || indexed == 0 {
				continue
			}
			if b+1 < len(toks) && toks[b+1].join && toks[b+1].seg == toks[b].seg {
				continue // would cut a hyphenated word
			}
			// Mentions: none may hold the run or be cut by it.
			ws, we := toks[a].start, toks[b].end
			excluded = excluded[:0]
			ok := true
			k := sort.Search(len(mentions), func(i int) bool { return mentions[i].End > ws })
			for ; k < len(mentions) && mentions[k].Start < we; k++ {
				m := mentions[k]
				if m.End <= ws {
					continue
				}
				if m.Start < ws || m.End > we || (m.Start == ws && m.End == we) {
					ok = false
					break
				}
				excluded = append(excluded, m.Entries...)
			}
			if !ok {
				continue
			}
			window++
			run, runIDs, runW = run[:0], runIDs[:0], runW[:0]
			for _, t := range toks[a : b+1] {
				run = append(run, t.norm)
				runIDs = append(runIDs, t.id)
				runW = append(runW, t.w)
			}
			for _, t := range toks[a : b+1] {
				for _, gi := range t.groups {
					if stamp[gi] == window {
						continue
					}
					stamp[gi] = window
					gr := &ix.groups[gi]
					if abs(l-len(gr.toks)) > 1 || overlaps(excluded, gr.entries) {
						continue
					}
					dist, changed := d.distance(run, runIDs, runW, gr)
					if changed && dist > 0 && dist < NearMissThreshold {
						cands = append(cands, cand{a: a, l: l, group: int(gi), d: dist, off: abs(l - len(gr.toks))})
					}
				}
			}
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		ci, cj := cands[i], cands[j]
		if ci.d != cj.d {
			return ci.d < cj.d
		}
		if ci.off != cj.off {
			return ci.off < cj.off
		}
		if ci.a != cj.a {
			return ci.a < cj.a
		}
		return ci.group < cj.group
	})
	used := make([]bool, len(toks))
	var out []NearMiss
next:
	for _, c := range cands {
		for k := c.a; k < c.a+c.l; k++ {
			if used[k] {
				continue next
			}
		}
		for k := c.a; k < c.a+c.l; k++ {
			used[k] = true
		}
		s, e := toks[c.a].start, toks[c.a+c.l-1].end
		out = append(out, NearMiss{Start: s, End: e, Text: text[s:e], Entry: ix.groups[c.group].entries[0], Distance: c.d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func overlaps(a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distancer computes distances with buffers it reuses.
type distancer struct {
	prev, cur []cell
	ra, rb    []rune
	osa       [3][]int
	memo      map[uint64]float64 // word ids → wordCost
}

type cell struct {
	cost float64
	sub  bool // the cheapest alignment so far substitutes a word of the name
}

// distance is the weighted edit distance over tokens between a run and a
// name, divided by the larger of their total weights, at most 1. changed
// reports whether the cheapest alignment substitutes a word of the name
// that is not a function word with another word; when it does not, the run
// is only part of the name or the name with words around it.
func (d *distancer) distance(run []string, ids []int32, wr []float64, gr *nearGroup) (float64, bool) {
	name, wn := gr.toks, gr.w
	m, n := len(run), len(name)
	var tr, tn float64
	for _, w := range wr {
		tr += w
	}
	for _, w := range wn {
		tn += w
	}
	total := max(tr, tn)
	if total == 0 {
		return 0, false
	}
	// Costs only grow down the table: once a whole row is at the
	// threshold, so is the end.
	limit := NearMissThreshold * total
	// better reports whether a is cheaper than b, or as cheap without a
	// substitution: ties go to "not a changed name".
	better := func(a, b cell) bool { return a.cost < b.cost || (a.cost == b.cost && !a.sub && b.sub) }
	d.prev = append(d.prev[:0], make([]cell, n+1)...)
	d.cur = append(d.cur[:0], make([]cell, n+1)...)
	prev, cur := d.prev, d.cur
	for j := 1; j <= n; j++ {
		prev[j] = cell{prev[j-1].cost + wn[j-1], false}
	}
	for i := 1; i <= m; i++ {
		cur[0] = cell{prev[0].cost + wr[i-1], false}
		low := cur[0].cost
		for j := 1; j <= n; j++ {
			best := prev[j-1]
			if ids[i-1] != gr.ids[j-1] {
				key := uint64(uint32(ids[i-1]))<<32 | uint64(uint32(gr.ids[j-1]))
				c, ok := d.memo[key]
				if !ok {
					c = d.wordCost(run[i-1], name[j-1])
					d.memo[key] = c
				}
				best.cost += c * max(wr[i-1], wn[j-1])
				best.sub = best.sub || !stopwords[name[j-1]]
			}
			if c := (cell{prev[j].cost + wr[i-1], prev[j].sub}); better(c, best) {
				best = c
			}
			if c := (cell{cur[j-1].cost + wn[j-1], cur[j-1].sub}); better(c, best) {
				best = c
			}
			cur[j] = best
			low = min(low, best.cost)
		}
		if low >= limit {
			return 1, false
		}
		prev, cur = cur, prev
	}
	return min(1, prev[n].cost/total), prev[n].sub
}

// wordCost is the cost of writing word a for word b: their optimal string
// alignment distance (Levenshtein with transpositions) over runes, divided
// by the longer one's length, or 1 when the words differ by more than a
// typo (over wordSnap, or more than two edits).
func (d *distancer) wordCost(a, b string) float64 {
	if abs(len(a)-len(b)) > 2*utf8.UTFMax {
		return 1 // more than two runes apart in length
	}
	d.ra, d.rb = d.ra[:0], d.rb[:0]
	for _, r := range a {
		d.ra = append(d.ra, r)
	}
	for _, r := range b {
		d.rb = append(d.rb, r)
	}
	la, lb := len(d.ra), len(d.rb)
	if abs(la-lb) > 2 {
		return 1
	}
	if la == 0 && lb == 0 {
		return 0
	}
	e := d.osaDistance(d.ra, d.rb)
	c := float64(e) / float64(max(la, lb))
	if e > 2 || c > wordSnap {
		return 1
	}
	return c
}

// osaDistance is the optimal string alignment distance between a and b.
func (d *distancer) osaDistance(a, b []rune) int {
	n := len(b)
	for k := range d.osa {
		d.osa[k] = append(d.osa[k][:0], make([]int, n+1)...)
	}
	pp, prev, cur := d.osa[0], d.osa[1], d.osa[2] // rows i-2, i-1, i
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[n]
}
