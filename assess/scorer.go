package assess

import (
	"math"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/measure"
)

// Scorer scores a's leverage over b on variants of one model (see
// [Model.With]), as a scenario engine needs thousands of times over. It
// recomputes only the channels whose inputs a variant changes: those that
// looked up a changed relation when the base model was scored. A channel
// that never read a relation cannot be affected by changing it, since its
// computation up to any such read is the same on both models.
type Scorer struct {
	a, b    string
	year    int
	w       Weights
	reads   []map[string]bool // per channel: the relations it looked up
	base    []float64         // per channel: its score on the base model, NaN when missing
	weights []float64         // per channel
}

// NewScorer scores the base model and records what each channel reads.
func NewScorer(m *Model, a, b string, opt Options) (*Scorer, error) {
	if _, err := Assess(m, a, b, opt); err != nil { // checks the pair
		return nil, err
	}
	s := &Scorer{a: a, b: b, year: opt.Year, w: opt.Weights}
	if s.year == 0 {
		s.year = m.AsOf.Year()
	}
	for _, ch := range leverage.Channels {
		t := *m
		t.reads, t.brief = map[string]bool{}, true
		c := channel(&t, ch, a, b, s.year, s.w)
		s.reads = append(s.reads, t.reads)
		s.base = append(s.base, scoreOf(c))
		s.weights = append(s.weights, c.Weight)
	}
	return s, nil
}

func scoreOf(c ChannelResult) float64 {
	if c.Score == nil {
		return math.NaN()
	}
	return *c.Score
}

// Base writes the channel scores of the base model into dst, in
// [leverage.Channels] order (NaN when missing), and returns the composite.
func (s *Scorer) Base(dst []float64) float64 {
	copy(dst, s.base)
	return s.composite(dst)
}

// Weights returns the channel weights, in [leverage.Channels] order.
func (s *Scorer) Weights() []float64 { return s.weights }

// Scores writes the channel scores of v, a variant of the base model, into
// dst, in [leverage.Channels] order (NaN when missing), and returns the
// composite (NaN when no channel has a score).
func (s *Scorer) Scores(v *Model, dst []float64) float64 {
	changed := v.Changed()
	for i := range leverage.Channels {
		dst[i] = s.base[i]
		for _, rel := range changed {
			if s.reads[i][rel] {
				dst[i] = s.Score(v, i)
				break
			}
		}
	}
	return s.composite(dst)
}

func (s *Scorer) composite(scores []float64) float64 {
	v, _ := measure.WeightedMean(scores, s.weights)
	return v
}

// Reads reports whether channel i (in [leverage.Channels] order) read the
// relation when the base model was scored.
func (s *Scorer) Reads(i int, rel string) bool { return s.reads[i][rel] }

// Score returns channel i's score on v, a variant of the base model (NaN
// when missing).
func (s *Scorer) Score(v *Model, i int) float64 {
	t := *v
	t.brief = true
	return scoreOf(channel(&t, leverage.Channels[i], s.a, s.b, s.year, s.w))
}

// Composite returns the weighted mean of channel scores given in
// [leverage.Channels] order, as an assessment's composite.
func (s *Scorer) Composite(scores []float64) float64 { return s.composite(scores) }
