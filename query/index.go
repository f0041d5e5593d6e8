package query

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/leverage-dev/leverage"
	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence/panel"
)

// Profiles lists the influence index profiles.
var Profiles = []string{"open", "fbic"}

// State names a state of the influence index, which counts states by COW
// code.
type State struct {
	COW  int    `json:"cow"`
	Code string `json:"code"` // ISO3, or the COW abbreviation without one
	Name string `json:"name"`
}

// StateOf labels a COW code.
func StateOf(cw *country.Crosswalk, cow int) State {
	c, ok := cw.Country(cow)
	if !ok {
		return State{COW: cow, Code: strconv.Itoa(cow), Name: "COW " + strconv.Itoa(cow)}
	}
	code := c.ISO3
	if code == "" {
		code = c.COWAbb
	}
	return State{COW: cow, Code: code, Name: c.Name}
}

// ResolveState finds the COW code of a state named by ISO3, COW code or
// abbreviation, or name. An unknown name is EINVALID, with suggestions.
func ResolveState(cw *country.Crosswalk, arg string) (int, error) {
	if c, ok := cw.COW(arg); ok {
		return c, nil
	}
	type cand struct {
		label string
		d     int
	}
	var cs []cand
	q := leverage.Fold(arg)
	for _, c := range cw.Countries() {
		d := leverage.Levenshtein(q, leverage.Fold(c.Name))
		if c.ISO3 != "" {
			d = min(d, leverage.Levenshtein(q, leverage.Fold(c.ISO3)))
		}
		if d <= max(2, len(q)/3) {
			s := StateOf(cw, c.COW)
			cs = append(cs, cand{fmt.Sprintf("%s (%s, COW %d)", c.Name, s.Code, c.COW), d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	msg := fmt.Sprintf("unknown state %q", arg)
	if len(cs) > 0 {
		msg += "; did you mean"
		for i, c := range cs[:min(3, len(cs))] {
			if i > 0 {
				msg += ","
			}
			msg += " " + c.label
		}
		msg += "?"
	}
	return 0, leverage.Errorf(leverage.EINVALID, "%s", msg)
}

// CheckProfile returns EINVALID for an unknown index profile.
func CheckProfile(p string) error {
	if !slices.Contains(Profiles, p) {
		return leverage.Errorf(leverage.EINVALID, "unknown profile %q (want open or fbic)", p)
	}
	return nil
}

// TopQuery asks for the top influencers of Target, or the states Source
// influences most, in a year.
type TopQuery struct {
	Profile        string
	Target, Source string // exactly one is set
	Year           int    // 0: the latest in the panel
	N              int
}

// Top is a ranking of the influence index (schema leverage.index-top/v1).
type Top struct {
	Schema  string   `json:"schema"`
	Profile string   `json:"profile"`
	Year    int      `json:"year"`
	Target  *State   `json:"target,omitempty"`
	Source  *State   `json:"source,omitempty"`
	Rows    []TopRow `json:"rows"`
	Sources []string `json:"sources"` // what the profile's index is computed from
}

// TopRow is one state of a ranking.
type TopRow struct {
	Rank       int     `json:"rank"`
	State      string  `json:"state"`
	Code       string  `json:"code"`
	COW        int     `json:"cow"`
	Index      float64 `json:"index"`
	Bandwidth  float64 `json:"bandwidth"`
	Dependence float64 `json:"dependence"`
}

// RankTop ranks the influencers of q.Target, or the targets of q.Source, in
// the stored panel of q.Profile. ENOTFOUND if no panel is stored, or if the
// stored one is a subset without all the rows of the ranking
// ([panel.CheckRanking]).
func RankTop(ctx context.Context, st leverage.InfluenceService, cw *country.Crosswalk, q TopQuery) (*Top, error) {
	if err := CheckProfile(q.Profile); err != nil {
		return nil, &ArgError{"profile", err}
	}
	if (q.Target == "") == (q.Source == "") {
		return nil, badArg("target", "give one of target and source")
	}
	if q.N < 1 {
		return nil, badArg("n", "n must be at least 1, got %d", q.N)
	}
	iq := leverage.InfluenceQuery{Profile: q.Profile, From: q.Year, To: q.Year}
	t := &Top{Schema: "leverage.index-top/v1", Profile: q.Profile, Rows: []TopRow{}, Sources: method.IndexSources[q.Profile]}
	var err error
	name := q.Target
	if q.Target != "" {
		if iq.B, err = ResolveState(cw, q.Target); err != nil {
			return nil, &ArgError{"target", err}
		}
		s := StateOf(cw, iq.B)
		t.Target = &s
	} else {
		if iq.A, err = ResolveState(cw, q.Source); err != nil {
			return nil, &ArgError{"source", err}
		}
		s := StateOf(cw, iq.A)
		t.Source, name = &s, q.Source
	}
	p, rows, err := st.Influence(ctx, iq)
	if err != nil {
		return nil, err
	}
	if err := panel.CheckRanking(p, iq.A, iq.B, q.Year); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, leverage.Errorf(leverage.ENOTFOUND, "the %s index has no rows for %s%s", q.Profile, name, inYear(q.Year))
	}
	t.Year = rows[len(rows)-1].Year // rows are ordered by year
	for _, r := range rows {
		if r.Year != t.Year {
			continue
		}
		other := r.A
		if q.Source != "" {
			other = r.B
		}
		s := StateOf(cw, other)
		t.Rows = append(t.Rows, TopRow{Rank: len(t.Rows) + 1, State: s.Name, Code: s.Code, COW: other, Index: r.Index, Bandwidth: r.Bandwidth, Dependence: r.Dependence})
	}
	t.Rows = t.Rows[:min(q.N, len(t.Rows))]
	return t, nil
}

func inYear(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf(" in %d", y)
}

// SeriesQuery asks for A's index over B, year by year.
type SeriesQuery struct {
	Profile  string
	A, B     string
	From, To int // 0 for open ends
}

// Series is a pair's index over the years (schema leverage.index-series/v1).
type Series struct {
	Schema     string        `json:"schema"`
	Profile    string        `json:"profile"`
	A          State         `json:"a"`
	B          State         `json:"b"`
	Components []string      `json:"components"` // the keys of each point's components
	Points     []panel.Point `json:"points"`
	Sources    []string      `json:"sources"` // what the profile's index is computed from
}

// IndexSeries returns A's yearly index over B from the stored panel of
// q.Profile.
func IndexSeries(ctx context.Context, st leverage.InfluenceService, cw *country.Crosswalk, q SeriesQuery) (*Series, error) {
	if err := CheckProfile(q.Profile); err != nil {
		return nil, &ArgError{"profile", err}
	}
	a, err := ResolveState(cw, q.A)
	if err != nil {
		return nil, &ArgError{"a", err}
	}
	b, err := ResolveState(cw, q.B)
	if err != nil {
		return nil, &ArgError{"b", err}
	}
	p, pts, err := panel.Series(ctx, st, q.Profile, a, b, q.From, q.To)
	if err != nil {
		return nil, err
	}
	s := &Series{Schema: "leverage.index-series/v1", Profile: q.Profile, A: StateOf(cw, a), B: StateOf(cw, b), Components: p.Components, Points: pts, Sources: method.IndexSources[q.Profile]}
	if len(pts) == 0 {
		return nil, leverage.Errorf(leverage.ENOTFOUND, "the %s index has no rows for %s over %s", q.Profile, s.A.Name, s.B.Name)
	}
	return s, nil
}
