package query

import (
	"context"

	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/simulate"
)

// RunScenario checks sc against m, a model as of the scenario's start,
// and plays it out: ro's Holder and Target may be any name of an actor.
// A scenario that names what m lacks, and unknown actors, are EINVALID.
func RunScenario(ctx context.Context, m *method.Model, sc *scenario.Scenario, ro simulate.Options) (*simulate.Result, error) {
	if err := scenario.Validate(sc, m); err != nil {
		return nil, err
	}
	holder, err := resolveArg(m, "holder", ro.Holder, m.AsOf)
	if err != nil {
		return nil, err
	}
	target, err := resolveArg(m, "target", ro.Target, m.AsOf)
	if err != nil {
		return nil, err
	}
	ro.Holder, ro.Target = holder.ID, target.ID
	return simulate.Run(ctx, m, sc, ro)
}
