package assess

// IndexSummary places the pair in a stored influence index panel: the
// holder's index over the target in the latest year up to the assessment's
// data year, its rank among the target's influencers, and the series.
type IndexSummary struct {
	Profile    string       `json:"profile"` // "open" or "fbic"
	Year       int          `json:"year"`
	Value      float64      `json:"value"`
	Bandwidth  float64      `json:"bandwidth"`
	Dependence float64      `json:"dependence"`
	Rank       int          `json:"rank"` // among the target's influencers in Year
	Of         int          `json:"of"`
	Trend      *float64     `json:"trend"` // change of Value over the previous ten years of the series; null if shorter
	TrendFrom  int          `json:"trend_from,omitempty"`
	Series     []IndexPoint `json:"series"`
	Sources    []string     `json:"sources"` // the datasets the profile is computed from
}

// IndexPoint is one year of an IndexSummary's series.
type IndexPoint struct {
	Year  int     `json:"year"`
	Value float64 `json:"value"`
	Rank  int     `json:"rank"`
}

// IndexSources are the ids of the built-in sources each profile's panel is
// computed from.
var IndexSources = map[string][]string{
	"open": {"cow-trade-v4", "cow-igo-v3", "atop-5.1", "cow-states-2016"},
	"fbic": {"fbic-2021"},
}

// NewIndexSummary summarises a series of (year, value, rank, of,
// bandwidth, dependence) points, ordered by year, as of its last point.
func NewIndexSummary(profile string, years, ranks, of []int, values, bandwidth, dependence []float64) *IndexSummary {
	n := len(years)
	if n == 0 {
		return nil
	}
	s := &IndexSummary{Profile: profile, Year: years[n-1], Value: values[n-1], Bandwidth: bandwidth[n-1], Dependence: dependence[n-1],
		Rank: ranks[n-1], Of: of[n-1], Sources: IndexSources[profile]}
	for i := range n {
		s.Series = append(s.Series, IndexPoint{Year: years[i], Value: values[i], Rank: ranks[i]})
		if years[i] == s.Year-10 {
			d := s.Value - values[i]
			s.Trend, s.TrendFrom = &d, years[i]
		}
	}
	return s
}

// AddIndex adds x to the assessment and its sources to the source list.
func (as *Assessment) AddIndex(m *Model, x *IndexSummary) {
	as.Index = append(as.Index, x)
	as.Sources = cited(m, as)
}
