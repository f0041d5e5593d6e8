package query

import (
	"context"
	"time"

	"github.com/leverage-dev/leverage"
	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/influence/panel"
)

// Assess assesses the leverage the actor named a holds over the one named b
// (ISO3, COW code or name) and b's over a, and adds where the pair stands
// in each stored influence index panel up to the assessment's data year.
func Assess(ctx context.Context, st leverage.InfluenceService, m *method.Model, a, b string, opts method.Options) (*method.Assessment, error) {
	actA, err := resolveArg(m, "a", a, opts.AsOf)
	if err != nil {
		return nil, err
	}
	actB, err := resolveArg(m, "b", b, opts.AsOf)
	if err != nil {
		return nil, err
	}
	as, err := method.Assess(m, actA.ID, actB.ID, opts)
	if err != nil {
		return nil, err
	}
	if actA.COW == 0 || actB.COW == 0 {
		return as, nil
	}
	for _, profile := range Profiles {
		_, pts, err := panel.Series(ctx, st, profile, actA.COW, actB.COW, 0, as.Year)
		if leverage.ErrorCode(err) == leverage.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		var years, ranks, of []int
		var values, bw, dep []float64
		for _, p := range pts {
			years, ranks, of = append(years, p.Year), append(ranks, p.Rank), append(of, p.Of)
			values, bw, dep = append(values, p.Index), append(bw, p.Bandwidth), append(dep, p.Dependence)
		}
		if x := method.NewIndexSummary(profile, years, ranks, of, values, bw, dep); x != nil {
			as.AddIndex(m, x)
		}
	}
	return as, nil
}

// Resolve finds the actor arg names in m (id, ISO3 or COW code, or any
// name in force at the date at); an unknown name is EINVALID.
func Resolve(m *method.Model, arg string, at time.Time) (*leverage.Actor, error) {
	x, err := leverage.Resolve(m.Actors(), arg, at)
	if err != nil {
		return nil, leverage.Errorf(leverage.EINVALID, "%v", err)
	}
	return x.Actor, nil
}

// resolveArg is Resolve for the argument arg of a question.
func resolveArg(m *method.Model, arg, name string, at time.Time) (*leverage.Actor, error) {
	a, err := Resolve(m, name, at)
	if err != nil {
		return nil, &ArgError{arg, err}
	}
	return a, nil
}
