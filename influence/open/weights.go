package open

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/leverage-dev/leverage/influence"
)

//go:embed weights.csv
var weightsCSV string

// WeightsFile is the name under which [DefaultWeights] reports errors.
const WeightsFile = "influence/open/weights.csv"

// Indicators lists the (part, indicator) pairs a weights file of the open
// profile must give, and may only give.
var indicators = [...][2]string{
	{"bandwidth", "trade"}, {"bandwidth", "igos"}, {"bandwidth", "ally"},
	{"dependence", "dep_share"}, {"dependence", "dep_imp"},
	{"ally", "defense"}, {"ally", "offense"}, {"ally", "neutral"}, {"ally", "nonagg"}, {"ally", "consul"},
}

// DefaultWeights returns the weights of the spec (influence/open/weights.csv):
// bandwidth trade 0.49, igos 0.30, ally 0.21; dependence dep_share and
// dep_imp 0.5 each; and the alliance score's coefficients, part "ally":
// defense 3, offense 2, neutral, nonagg and consul 1.
func DefaultWeights() influence.Weights {
	w, err := influence.ParseWeights(strings.NewReader(weightsCSV), WeightsFile)
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return w
}

// CheckWeights returns an error, naming file, when w lacks one of the open
// profile's weights or has a weight the profile does not use.
func CheckWeights(w influence.Weights, file string) error {
	return w.Require(file, indicators[:]...)
}

// weights are the numbers Compute uses.
type weights struct {
	trade, igos, ally                         float64 // bandwidth
	depShare, depImp                          float64 // dependence
	defense, offense, neutral, nonagg, consul float64 // alliance score
}

func weightsOf(w influence.Weights) (weights, error) {
	if err := CheckWeights(w, "weights"); err != nil {
		return weights{}, fmt.Errorf("open index: %w", err)
	}
	get := func(part, ind string) float64 { v, _ := w.Get(part, ind); return v }
	return weights{
		trade: get("bandwidth", "trade"), igos: get("bandwidth", "igos"), ally: get("bandwidth", "ally"),
		depShare: get("dependence", "dep_share"), depImp: get("dependence", "dep_imp"),
		defense: get("ally", "defense"), offense: get("ally", "offense"), neutral: get("ally", "neutral"),
		nonagg: get("ally", "nonagg"), consul: get("ally", "consul"),
	}, nil
}
