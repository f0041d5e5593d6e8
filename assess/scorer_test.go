package assess_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// randomChanges removes, revalues and adds facts of the world, as a
// scenario does: it returns the changes and the fact list they lead to.
// New facts copy a fact on the record, so they are on the record too.
func randomChanges(r *rand.Rand, w *world, m *assess.Model) ([]assess.Change, []*leverage.Fact) {
	facts := slices.Clone(w.facts)
	var changes []assess.Change
	for range 1 + r.IntN(6) {
		if len(facts) == 0 {
			break
		}
		i := r.IntN(len(facts))
		old := facts[i]
		if old.Relation == "oil_exports" {
			continue // which exporters the dataset models is a property of the whole dataset; see Model.With
		}
		switch r.IntN(3) {
		case 0:
			changes = append(changes, assess.Change{Old: old})
			facts = slices.Delete(facts, i, i+1)
		case 1:
			if !slices.Contains(m.All(old.Relation, old.Subject, old.Object), old) {
				continue // replacements must be on the record too
			}
			nf := *old
			v := r.Float64() * 100
			nf.Value = &v
			changes = append(changes, assess.Change{Old: old, New: &nf})
			facts[i] = &nf
		default:
			if !slices.Contains(m.All(old.Relation, old.Subject, old.Object), old) {
				continue // not on the record
			}
			nf := *old
			nf.ID = fmt.Sprintf("%s-added-%d", old.ID, r.IntN(1000))
			v := r.Float64() * 100
			nf.Value = &v
			changes = append(changes, assess.Change{New: &nf})
			facts = append(facts, &nf)
		}
	}
	return changes, facts
}

// TestWithEqualsRebuilt checks that a variant answers as a model built
// from the changed facts would, and that the scorer's scores of the
// variant are those of a full assessment.
func TestWithEqualsRebuilt(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, 11))
		w := randomWorld(r)
		asOf := fmt.Sprintf("%d-%02d-%02d", 2012+r.IntN(14), 1+r.IntN(12), 1+r.IntN(28))
		m := w.model(asOf)
		a, b := "S1", "S2"
		opt := assess.Options{AsOf: m.AsOf, Weights: weights(t)}
		sc, err := assess.NewScorer(m, a, b, opt)
		if err != nil {
			t.Fatal(err)
		}
		changes, facts := randomChanges(r, w, m)
		v := m.With(changes)
		// A second round of changes on the variant composes with the first.
		more, facts2 := randomChanges(r, &world{actors: w.actors, facts: facts}, v)
		v2 := v.With(more)
		for k, c := range []struct {
			v     *assess.Model
			facts []*leverage.Fact
		}{{v, facts}, {v2, facts2}} {
			rebuilt := (&world{actors: w.actors, facts: c.facts}).model(asOf)
			// The rebuilt model cites only the sources its facts cite.
			got, err := assess.Assess(c.v, a, b, opt)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := assess.Assess(rebuilt, a, b, opt)
			got.Sources, want.Sources = nil, nil
			gj, _ := json.Marshal(got)
			wj, _ := json.Marshal(want)
			if string(gj) != string(wj) {
				i := 0
				for i < len(gj) && i < len(wj) && gj[i] == wj[i] {
					i++
				}
				t.Fatalf("seed %d round %d: variant and rebuilt model differ at byte %d:\n%s\n%s", seed, k, i, gj[max(0, i-200):min(len(gj), i+100)], wj[max(0, i-200):min(len(wj), i+100)])
			}
			scores := make([]float64, len(leverage.Channels))
			comp := sc.Scores(c.v, scores)
			for i, ch := range got.Forward.Channels {
				want := math.NaN()
				if ch.Score != nil {
					want = *ch.Score
				}
				if !same(scores[i], want) {
					t.Fatalf("seed %d round %d: %s score %v from the scorer, %v from Assess", seed, k, ch.Channel, scores[i], want)
				}
			}
			want2 := math.NaN()
			if got.Forward.Composite != nil {
				want2 = *got.Forward.Composite
			}
			if !same(comp, want2) {
				t.Fatalf("seed %d round %d: composite %v from the scorer, %v from Assess", seed, k, comp, want2)
			}
		}
	}
}

func same(x, y float64) bool {
	return (math.IsNaN(x) && math.IsNaN(y)) || math.Abs(x-y) <= 1e-12
}
