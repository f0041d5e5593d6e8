package influence

import (
	"math"
	"strings"
)

// Both profiles share FBIC's structure: bandwidth is a weighted sum of
// normalised indicators, dependence a weighted sum of ln(1 + x) of
// percentages, and the index their product, each scaled by a maximum over
// the whole panel. Those maxima are common to every row, so the order of
// the rows by index, and with it every ranking, depends only on
//
//	score = (Σ w_i · bandwidth_i) · (Σ w_j · ln(1 + dependence_j))
//
// which a stored panel's components let anyone recompute for new weights
// without the rest of the panel.

// Component names in a stored panel are "<part>.<indicator>", with part
// bandwidth (a normalised indicator) or dependence (a percentage).
const (
	BandwidthPart  = "bandwidth"
	DependencePart = "dependence"
)

// Score returns the value that orders rows as the index does, for weights
// w, from a row's components named by components. Components whose part
// is neither bandwidth nor dependence, and weights of other parts, are
// ignored. It is NaN if a weighted component is NaN.
func Score(w Weights, components []string, parts []float64) float64 {
	var bw, dep float64
	for i, name := range components {
		part, ind, ok := strings.Cut(name, ".")
		if !ok {
			continue
		}
		wt, ok := w.Get(part, ind)
		if !ok || wt == 0 {
			continue
		}
		switch part {
		case BandwidthPart:
			bw += wt * parts[i]
		case DependencePart:
			dep += wt * math.Log1p(parts[i])
		}
	}
	return bw * dep
}
