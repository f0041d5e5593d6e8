// Package assess turns the stored facts into an explained assessment of the
// leverage one actor holds over another: a score in [0, 1] for each channel
// (energy transit, trade, economic bloc, security, people and language,
// political, geography), the indicators behind each score with their
// values, years, transforms, weights, facts and sources, a weighted
// composite, and the same for the reverse direction with the asymmetry.
//
// docs/methodology.md defines every indicator, transform and weight.
package assess

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/measure"
)

// Options select the date, data year and weights of an assessment.
type Options struct {
	AsOf    time.Time // only facts on the record at this date are used
	Year    int       // latest data year to use; 0 means AsOf's year
	Weights Weights
}

// Ref names an actor in a result.
type Ref struct {
	ID   string `json:"id"`
	Name string `json:"name"` // the name in force at the as-of date
}

// Indicator is one measured input of a channel score.
type Indicator struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	Value     *float64 `json:"value"`          // as measured, in Unit; null when missing
	Unit      string   `json:"unit,omitempty"` // "%", "Mt", "km", "ordinal", ...
	Text      string   `json:"text,omitempty"` // coded value or qualification
	Year      int      `json:"year,omitempty"` // data year, for annual figures
	Date      string   `json:"date,omitempty"` // period, for dated facts
	Score     *float64 `json:"score"`          // Value transformed to [0, 1]; null when missing or context-only
	Weight    float64  `json:"weight"`         // weight in the channel score; 0 = context
	Transform string   `json:"transform"`      // how Value maps to Score
	Facts     []string `json:"facts"`          // ids of the facts used
	Sources   []string `json:"sources"`        // ids of the sources those facts cite
	Note      string   `json:"note,omitempty"`
	Missing   string   `json:"missing,omitempty"` // why there is no value
}

func (in *Indicator) cite(fs ...*leverage.Fact) {
	for _, f := range fs {
		if f == nil || slices.Contains(in.Facts, f.ID) {
			continue
		}
		in.Facts = append(in.Facts, f.ID)
		for _, s := range f.Sources {
			if !slices.Contains(in.Sources, s) {
				in.Sources = append(in.Sources, s)
			}
		}
	}
}

// set records a measured value and its score; a NaN score is left null.
func (in *Indicator) set(value float64, score float64) {
	in.Value = &value
	in.setScore(score)
}

// setScore records a score with no measured value, such as "no deployment
// with a troop number" or "not contiguous"; a NaN score is left null.
func (in *Indicator) setScore(score float64) {
	if !math.IsNaN(score) {
		in.Score = &score
	}
}

// Route is an export route as the energy channel saw it.
type Route struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Chain      []string `json:"chain"`                // asset names in order
	Assets     []string `json:"assets"`               // asset ids in order
	Capacity   *float64 `json:"capacity_mt_y"`        // lesser-of capacity; null when unknown
	Bottleneck string   `json:"bottleneck,omitempty"` // asset that sets it
	States     []string `json:"states"`
	Market     string   `json:"market,omitempty"` // the state whose own market it delivers to; absent for world markets
	CrossesA   bool     `json:"crosses_holder"`
	Volume     *float64 `json:"volume_mt,omitempty"`
	VolumeYear int      `json:"volume_year,omitempty"`
	Facts      []string `json:"facts"`
	Sources    []string `json:"sources"`
}

// Partner is one of the target's other partners, shown as counter-leverage.
type Partner struct {
	Ref
	Indicators []Indicator `json:"indicators"`
}

// ChannelResult is one channel's score with the indicators behind it.
type ChannelResult struct {
	Channel    leverage.Channel `json:"channel"`
	Title      string           `json:"title"`
	Score      *float64         `json:"score"`    // null when no scored indicator has data
	Coverage   float64          `json:"coverage"` // share of the indicator weight that had data
	Weight     float64          `json:"weight"`   // weight in the composite
	Indicators []Indicator      `json:"indicators"`
	Routes     []Route          `json:"routes,omitempty"`   // energy only
	Partners   []Partner        `json:"partners,omitempty"` // trade only: counter-leverage
	Missing    string           `json:"missing,omitempty"`
}

// Direction is the assessment of one actor's leverage over another.
type Direction struct {
	Holder    Ref             `json:"holder"`
	Target    Ref             `json:"target"`
	Composite *float64        `json:"composite"`
	Coverage  float64         `json:"coverage"` // share of channel weight with a score
	Channels  []ChannelResult `json:"channels"`
}

// ChannelGap is the per-channel asymmetry: forward minus reverse score.
type ChannelGap struct {
	Channel leverage.Channel `json:"channel"`
	Gap     *float64         `json:"gap"` // null unless both directions have a score
}

// Assessment is the full answer for a pair: both directions and the
// asymmetry between them.
type Assessment struct {
	Schema    string             `json:"schema"` // "leverage.assessment/v1"
	AsOf      string             `json:"as_of"`
	Year      int                `json:"year"` // latest data year allowed
	Forward   Direction          `json:"forward"`
	Reverse   Direction          `json:"reverse"`
	Asymmetry *float64           `json:"asymmetry"` // composite gap over the channels scored both ways
	Gaps      []ChannelGap       `json:"channel_asymmetry"`
	Index     []*IndexSummary    `json:"index,omitempty"` // where an influence index panel is stored
	Sources   []*leverage.Source `json:"sources"`         // every source cited above
}

// Schema is the identifier of the JSON layout of [Assessment].
const Schema = "leverage.assessment/v1"

// Assess computes a's leverage over b and b's over a from the model.
func Assess(m *Model, a, b string, opt Options) (*Assessment, error) {
	if a == b {
		return nil, leverage.Errorf(leverage.EINVALID, "an actor holds no leverage over itself: %s", a)
	}
	for _, id := range []string{a, b} {
		if act := m.Actor(id); act == nil {
			return nil, leverage.Errorf(leverage.ENOTFOUND, "unknown actor %q", id)
		} else if act.Kind != leverage.State {
			return nil, leverage.Errorf(leverage.EINVALID, "%s is a %s; assessments are between states", id, act.Kind)
		}
	}
	year := opt.Year
	if year == 0 {
		year = m.AsOf.Year()
	}
	as := &Assessment{Schema: Schema, AsOf: leverage.DateOf(m.AsOf).String(), Year: year}
	as.Forward = direction(m, a, b, year, opt.Weights)
	as.Reverse = direction(m, b, a, year, opt.Weights)

	var fw, rv, ws []float64
	for i, fc := range as.Forward.Channels {
		rc := as.Reverse.Channels[i]
		g := ChannelGap{Channel: fc.Channel}
		if fc.Score != nil && rc.Score != nil {
			d := *fc.Score - *rc.Score
			g.Gap = &d
			fw = append(fw, *fc.Score)
			rv = append(rv, *rc.Score)
			ws = append(ws, fc.Weight)
		}
		as.Gaps = append(as.Gaps, g)
	}
	if f, _ := measure.WeightedMean(fw, ws); !math.IsNaN(f) {
		r, _ := measure.WeightedMean(rv, ws)
		d := f - r
		as.Asymmetry = &d
	}
	as.Sources = cited(m, as)
	return as, nil
}

// method returns the function that computes a channel.
func method(ch leverage.Channel) func(*Model, string, string, int) ChannelResult {
	switch ch {
	case leverage.Energy:
		return energy
	case leverage.Trade:
		return trade
	case leverage.Bloc:
		return bloc
	case leverage.Security:
		return security
	case leverage.People:
		return people
	case leverage.Political:
		return political
	}
	return geography
}

// channel computes and scores one channel of a's leverage over b.
func channel(m *Model, ch leverage.Channel, a, b string, year int, w Weights) ChannelResult {
	c := method(ch)(m, a, b, year)
	c.Channel, c.Title, c.Weight = ch, ch.Title(), w.Channel[ch]
	score(&c, w)
	return c
}

func direction(m *Model, a, b string, year int, w Weights) Direction {
	d := Direction{Holder: Ref{a, m.Name(a)}, Target: Ref{b, m.Name(b)}}
	var scores, weights []float64
	for _, ch := range leverage.Channels {
		c := channel(m, ch, a, b, year, w)
		d.Channels = append(d.Channels, c)
		s := math.NaN()
		if c.Score != nil {
			s = *c.Score
		}
		scores = append(scores, s)
		weights = append(weights, c.Weight)
	}
	if v, cov := measure.WeightedMean(scores, weights); !math.IsNaN(v) {
		d.Composite, d.Coverage = &v, cov
	}
	return d
}

// score sets each indicator's weight and the channel's score and coverage.
func score(c *ChannelResult, w Weights) {
	var xs, ws []float64
	for i := range c.Indicators {
		in := &c.Indicators[i]
		in.Weight = w.Indicator[string(c.Channel)+"."+in.ID]
		if in.Weight == 0 {
			in.Score = nil // context only
			continue
		}
		s := math.NaN()
		if in.Score != nil {
			s = *in.Score
		}
		xs = append(xs, s)
		ws = append(ws, in.Weight)
	}
	v, cov := measure.WeightedMean(xs, ws)
	c.Coverage = cov
	if !math.IsNaN(v) {
		c.Score = &v
		return
	}
	if c.Missing == "" {
		c.Missing = "no data: none of this channel's scored indicators has facts for this pair"
	}
}

// cited returns every source the assessment cites, sorted by id.
func cited(m *Model, as *Assessment) []*leverage.Source {
	ids := map[string]bool{}
	add := func(ss []string) {
		for _, s := range ss {
			ids[s] = true
		}
	}
	for _, d := range []Direction{as.Forward, as.Reverse} {
		for _, c := range d.Channels {
			for _, in := range c.Indicators {
				add(in.Sources)
			}
			for _, r := range c.Routes {
				add(r.Sources)
			}
			for _, p := range c.Partners {
				for _, in := range p.Indicators {
					add(in.Sources)
				}
			}
		}
	}
	for _, x := range as.Index {
		add(x.Sources)
	}
	var out []*leverage.Source
	for id := range ids {
		if s := m.Source(id); s != nil {
			out = append(out, s)
		} else {
			out = append(out, &leverage.Source{ID: id, Title: fmt.Sprintf("(source %s not stored)", id)})
		}
	}
	slices.SortFunc(out, func(x, y *leverage.Source) int {
		switch {
		case x.ID < y.ID:
			return -1
		case x.ID > y.ID:
			return 1
		}
		return 0
	})
	return out
}

// indicatorKeys lists "channel.indicator" for every indicator the method
// computes, in report order.
func indicatorKeys() []string {
	return []string{
		"energy.transit_share", "energy.capacity_share", "energy.cut_loss", "energy.n_minus_1", "energy.route_hhi", "energy.transit_volume",
		"trade.export_share", "trade.import_share", "trade.trade_share", "trade.trade_gdp", "trade.partner_hhi",
		"bloc.shared_bloc", "bloc.bloc_weight", "bloc.shared_igos",
		"security.alliance", "security.defense_pact", "security.facilities", "security.deployments", "security.capability_share",
		"people.diaspora_share", "people.migrants_from_a", "people.migrants_in_a", "people.language_status",
		"political.elite_ties", "political.stance_on_unrest", "political.alignment",
		"geography.contiguity", "geography.border_length", "geography.capital_distance", "geography.gateway",
	}
}
