package panel

import (
	"context"

	"github.com/leverage-dev/leverage"
)

// Point is one year of an influencer's series over a target.
type Point struct {
	Year       int                `json:"year"`
	Index      float64            `json:"index"`
	Rank       int                `json:"rank"` // among the target's influencers that year
	Of         int                `json:"of"`   // number of influencers ranked
	Bandwidth  float64            `json:"bandwidth"`
	Dependence float64            `json:"dependence"`
	Components map[string]float64 `json:"components"`
}

// Series returns the stored panel's metadata and A's yearly index over B in
// years from..to (0 for open ends), with A's rank among B's influencers.
// ENOTFOUND if the profile has no stored panel, or if the stored panel is
// a subset without all of B's influencers ([CheckRanking]).
func Series(ctx context.Context, st leverage.InfluenceService, profile string, a, b, from, to int) (*leverage.InfluencePanel, []Point, error) {
	p, rows, err := st.Influence(ctx, leverage.InfluenceQuery{Profile: profile, B: b, From: from, To: to})
	if err != nil {
		return nil, nil, err
	}
	if err := CheckRanking(p, 0, b, 0); err != nil {
		return nil, nil, err
	}
	var out []Point
	rank, of, year := 0, map[int]int{}, 0
	for _, r := range rows { // by year, then index descending
		if r.Year != year {
			year, rank = r.Year, 0
		}
		rank++
		of[r.Year]++
		if r.A != a {
			continue
		}
		s := Point{Year: r.Year, Index: r.Index, Rank: rank, Bandwidth: r.Bandwidth, Dependence: r.Dependence, Components: map[string]float64{}}
		for j, c := range p.Components {
			s.Components[c] = r.Parts[j]
		}
		out = append(out, s)
	}
	for i := range out {
		out[i].Of = of[out[i].Year]
	}
	return p, out, nil
}
