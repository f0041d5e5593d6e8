package fbic

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/leverage-dev/leverage/influence"
)

//go:embed weights.csv
var weightsCSV []byte

// Parts of the profile's weights.
const (
	PartBandwidth      = "bandwidth"       // standard bandwidth
	PartDependence     = "dependence"      // standard dependence
	PartBandwidthPlus  = "bandwidth_plus"  // FBIC-plus bandwidth
	PartDependencePlus = "dependence_plus" // FBIC-plus dependence
)

// Dimensions of the profile's weights.
const (
	Political = "political"
	Economic  = "economic"
	Security  = "security"
)

// DefaultWeights returns FBIC's own weights (weights.csv in this package).
func DefaultWeights() influence.Weights {
	w, err := influence.ParseWeights(bytes.NewReader(weightsCSV), "fbic/weights.csv")
	if err != nil {
		panic(err) // the embedded file is checked by the tests
	}
	return w
}

// CheckWeights reports, naming file, the first way w differs in shape from
// the default weights: a missing or unknown (part, indicator) pair, an
// indicator under another dimension than FBIC's, or a part whose weights are
// all zero.
func CheckWeights(w influence.Weights, file string) error {
	def := DefaultWeights()
	pairs := make([][2]string, len(def))
	dim := map[[2]string]string{}
	for i, x := range def {
		pairs[i] = [2]string{x.Part, x.Indicator}
		dim[pairs[i]] = x.Dimension
	}
	if err := w.Require(file, pairs...); err != nil {
		return err
	}
	total := map[string]float64{}
	for _, x := range w {
		if want := dim[[2]string{x.Part, x.Indicator}]; x.Dimension != want {
			return fmt.Errorf("%s: weight of %s %s: dimension must be %s, got %q", file, x.Part, x.Indicator, want, x.Dimension)
		}
		total[x.Part] += x.Value
	}
	for _, p := range []string{PartBandwidth, PartDependence, PartBandwidthPlus, PartDependencePlus} {
		if total[p] == 0 {
			return fmt.Errorf("%s: the weights of part %s are all zero", file, p)
		}
	}
	return nil
}

// IsDefault reports whether w gives every indicator FBIC's own weight.
func IsDefault(w influence.Weights) bool {
	def := DefaultWeights()
	if len(w) != len(def) {
		return false
	}
	for _, x := range def {
		if v, ok := w.Get(x.Part, x.Indicator); !ok || v != x.Value {
			return false
		}
	}
	return true
}

// inputs returns the FBIC columns the weights read: all of them, and those
// only the FBIC-plus parts read.
func inputs(w influence.Weights) (all, plusOnly []string) {
	std := map[string]bool{}
	seen := map[string]bool{}
	for _, x := range w {
		if x.Part == PartBandwidth || x.Part == PartDependence {
			std[x.Indicator] = true
		}
	}
	for _, x := range w {
		if seen[x.Indicator] {
			continue
		}
		seen[x.Indicator] = true
		all = append(all, x.Indicator)
		if !std[x.Indicator] {
			plusOnly = append(plusOnly, x.Indicator)
		}
	}
	return all, plusOnly
}
