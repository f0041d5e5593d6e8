package transit

import (
	"math"

	"github.com/leverage-dev/leverage"
)

// BarrelsPerTonne is the number of barrels in a tonne of crude oil of
// typical (world average) density, the factor of BP's Statistical Review
// of World Energy, "Approximate conversion factors" (1 tonne of crude oil
// = 7.33 barrels). Applied to NGL it overstates their tonnage somewhat
// (NGLs are lighter: about 11-12 barrels a tonne).
const BarrelsPerTonne = 7.33

// MtPerYear converts a capacity in barrels a day to million tonnes a year:
// bbl/d × 365 / [BarrelsPerTonne] / 10⁶. 1 Mt/y is about 20,000 bbl/d;
// CPC's 1,340,000 bbl/d is 66.7 Mt/y.
func MtPerYear(bblPerDay float64) float64 {
	return bblPerDay * 365 / BarrelsPerTonne / 1e6
}

// Capacity returns the value of a capacity fact in Mt/y, converting from
// bbl/d; NaN when the fact has no value.
func Capacity(f *leverage.Fact) float64 {
	v, ok := f.Float()
	if !ok {
		return math.NaN()
	}
	if f.Unit == "bbl/d" {
		return MtPerYear(v)
	}
	return v
}
