package leverage

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Match is an actor found by [Resolve] or [Search], with the name that
// matched it.
type Match struct {
	Actor *Actor
	Name  Name // the name that matched; Kind "code" names are ids and codes
}

// Fold normalises a name for matching: compatibility decomposition, accents
// removed, case folded, and runs of punctuation and spaces turned into one
// space. "Nur-Sultan", "NUR SULTAN" and "nur_sultan" all fold to
// "nur sultan"; "Türkiye" folds to "turkiye".
func Fold(s string) string {
	if isASCII(s) { // ASCII needs neither decomposition nor Unicode case folding
		return squeeze(strings.ToLower(s))
	}
	return squeeze(unicodeFold(s))
}

// unicodeFold decomposes s, drops its accents and folds its case.
func unicodeFold(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)))
	s, _, _ = transform.String(t, s)
	return cases.Fold().String(s)
}

// squeeze keeps letters and digits, drops apostrophes, and turns other runs
// of characters into one space between words.
func squeeze(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else if r != '\'' && r != '’' {
			space = true
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// keys returns every string an actor can be named by, with the Name each
// stands for.
func keys(a *Actor) []Match {
	m := []Match{{a, Name{Text: a.ID, Kind: "code"}}, {a, Name{Text: a.Name, Kind: NameOfficial}}}
	if a.ISO3 != "" && a.ISO3 != a.ID {
		m = append(m, Match{a, Name{Text: a.ISO3, Kind: "code"}})
	}
	if a.COW != 0 {
		m = append(m, Match{a, Name{Text: strconv.Itoa(a.COW), Kind: "code"}})
	}
	for _, n := range a.Names {
		m = append(m, Match{a, n})
	}
	return m
}

// Resolve finds the actor that query names exactly, by id, ISO3 code, COW
// code or any of its names, ignoring case, accents and punctuation. A name
// in force on the day of at wins over a historical or ambiguous one. It
// returns ENOTFOUND, with up to three suggestions in the message, when
// nothing matches.
func Resolve(actors []*Actor, query string, at time.Time) (Match, error) {
	q := Fold(query)
	// The common case, an id that no other actor's code matches, is
	// decided without folding every name: codes rank first.
	var hit *Actor
	codes := 0
	for _, a := range actors {
		switch {
		case Fold(a.ID) == q:
			hit = a
			codes++
		case a.ISO3 != "" && Fold(a.ISO3) == q, a.COW != 0 && strconv.Itoa(a.COW) == q:
			codes++
		}
	}
	if codes == 1 && hit != nil {
		return Match{hit, Name{Text: hit.ID, Kind: "code"}}, nil
	}
	var found []Match
	for _, a := range actors {
		for _, k := range keys(a) {
			if Fold(k.Name.Text) == q {
				found = append(found, k)
				break
			}
		}
	}
	switch len(found) {
	case 0:
		if s := Suggest(actors, query, 3); len(s) > 0 {
			return Match{}, Errorf(ENOTFOUND, "unknown actor %q; did you mean %s?", query, strings.Join(s, ", "))
		}
		return Match{}, Errorf(ENOTFOUND, "unknown actor %q", query)
	case 1:
		return found[0], nil
	}
	// Prefer codes and states, then names in force at the date.
	sort.SliceStable(found, func(i, j int) bool { return rank(found[i], at) < rank(found[j], at) })
	if rank(found[0], at) == rank(found[1], at) {
		return Match{}, Errorf(EINVALID, "actor %q is ambiguous: %s or %s", query, found[0].Actor.ID, found[1].Actor.ID)
	}
	return found[0], nil
}

func rank(m Match, at time.Time) int {
	switch {
	case m.Name.Kind == "code":
		return 0
	case m.Actor.Kind == State:
		return 1
	case m.Name.Valid.Contains(at):
		return 2
	}
	return 3
}

// Search returns the actors whose id, codes or names contain query after
// folding, best matches first: exact matches, then prefixes, then
// substrings. An empty query returns every actor.
func Search(actors []*Actor, query string) []Match {
	q := Fold(query)
	type scored struct {
		Match
		score int
	}
	var out []scored
	for _, a := range actors {
		best := scored{score: -1}
		for _, k := range keys(a) {
			f := Fold(k.Name.Text)
			s := -1
			switch {
			case q == "":
				s = 0
			case f == q:
				s = 3
			case strings.HasPrefix(f, q):
				s = 2
			case strings.Contains(f, q):
				s = 1
			}
			if s > best.score {
				best = scored{k, s}
			}
		}
		if best.score >= 0 {
			out = append(out, best)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].Actor.ID < out[j].Actor.ID
	})
	m := make([]Match, len(out))
	for i, s := range out {
		m[i] = s.Match
	}
	return m
}

// Suggest returns up to n actor ids whose names are nearest to query by
// edit distance, for "did you mean" messages.
func Suggest(actors []*Actor, query string, n int) []string {
	q := Fold(query)
	type cand struct {
		label string
		d     int
	}
	var c []cand
	for _, a := range actors {
		best := -1
		for _, k := range keys(a) {
			d := Levenshtein(q, Fold(k.Name.Text))
			if best < 0 || d < best {
				best = d
			}
		}
		// Allow about one edit in three characters.
		if best >= 0 && best <= max(2, len([]rune(q))/3) {
			c = append(c, cand{a.ID + " (" + a.Name + ")", best})
		}
	}
	sort.SliceStable(c, func(i, j int) bool {
		if c[i].d != c[j].d {
			return c[i].d < c[j].d
		}
		return c[i].label < c[j].label
	})
	var out []string
	for i := 0; i < len(c) && i < n; i++ {
		out = append(out, c[i].label)
	}
	return out
}

// Levenshtein returns the edit distance between a and b in runes.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
