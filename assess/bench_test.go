package assess_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/data"
)

// flagship returns the built-in model and weights as of a fixed day.
func flagship(b *testing.B) (*assess.Model, assess.Options) {
	d, err := data.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	w, err := assess.ParseWeights(bytes.NewReader(data.DefaultWeights()), "weights.csv")
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)
	return assess.NewModel(at, d.Actors, d.Relations, d.Sources, d.Facts), assess.Options{AsOf: at, Weights: w}
}

func BenchmarkAssess(b *testing.B) {
	m, opt := flagship(b)
	for b.Loop() {
		if _, err := assess.Assess(m, "RUS", "KAZ", opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScorer scores variants with one changed fact: a capacity (the
// energy channel recomputes) and an import share (trade recomputes).
func BenchmarkScorer(b *testing.B) {
	m, opt := flagship(b)
	s, err := assess.NewScorer(m, "RUS", "KAZ", opt)
	if err != nil {
		b.Fatal(err)
	}
	dst := make([]float64, len(leverage.Channels))
	for _, c := range []struct{ name, rel, subject, object string }{
		{"energy", "capacity", "CPC", ""},
		{"trade", "import_share", "KAZ", "RUS"},
	} {
		old := m.Latest(c.rel, c.subject, c.object, 9999)
		nf := *old
		v := *old.Value / 2
		nf.Value = &v
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				s.Scores(m.With([]assess.Change{{Old: old, New: &nf}}), dst)
			}
		})
	}
}
