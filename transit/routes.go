// Package transit computes what a state's export routes can carry and what
// is left when an asset or a whole jurisdiction is removed: route chains
// with the lesser-of rule, the export-side N-1 test and the jurisdictional
// ("N-state") cut.
//
// Routes are chains of assets; together they form a network ([System])
// whose maximum flow is what the export system can carry, so routes that
// share an asset (two tanker legs out of one port) are capped together by
// it. Its minimum cut names the assets that bound the exports, and the
// jurisdictional cut of every state ranks the states by the capacity they
// control (Chokepoints). The flow algorithms are in the subpackage flow.
package transit

import (
	"math"
	"slices"
	"sort"
)

// Segment is one asset in a route's chain.
type Segment struct {
	Asset    string   // asset id
	Name     string   // display name
	Capacity float64  // Mt/y; NaN when unknown
	States   []string // states whose territory or waters it lies in
}

// Route is an export route: a chain of segments from the exporter to a
// market.
type Route struct {
	ID       string
	Name     string
	Segments []Segment
	Market   string // the state whose own market the route delivers to; "" for world markets
}

// Capacity returns the lesser-of capacity along the chain: the smallest
// known segment capacity. It returns NaN when no segment's capacity is
// known.
func (r Route) Capacity() float64 {
	c := math.NaN()
	for _, s := range r.Segments {
		if !math.IsNaN(s.Capacity) && (math.IsNaN(c) || s.Capacity < c) {
			c = s.Capacity
		}
	}
	return c
}

// Bottleneck returns the asset that sets the route's capacity, or "".
func (r Route) Bottleneck() string {
	c := r.Capacity()
	for _, s := range r.Segments {
		if s.Capacity == c {
			return s.Asset
		}
	}
	return ""
}

// States returns the sorted states any segment of r lies in.
func (r Route) States() []string {
	var out []string
	for _, s := range r.Segments {
		for _, st := range s.States {
			if !slices.Contains(out, st) {
				out = append(out, st)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Crosses reports whether any segment of r lies in state.
func (r Route) Crosses(state string) bool {
	for _, s := range r.Segments {
		if slices.Contains(s.States, state) {
			return true
		}
	}
	return false
}

// has reports whether r uses asset.
func (r Route) has(asset string) bool {
	for _, s := range r.Segments {
		if s.Asset == asset {
			return true
		}
	}
	return false
}

// TotalCapacity returns what the routes can carry together, in Mt/y: the
// maximum flow through the network they form (see [System]).
func TotalCapacity(routes []Route) float64 { return NewSystem("", routes).Capacity() }

// Without returns the routes that do not use asset.
func Without(routes []Route, asset string) []Route {
	var out []Route
	for _, r := range routes {
		if !r.has(asset) {
			out = append(out, r)
		}
	}
	return out
}

// Avoiding returns the routes that do not cross state.
func Avoiding(routes []Route, state string) []Route {
	var out []Route
	for _, r := range routes {
		if !r.Crosses(state) {
			out = append(out, r)
		}
	}
	return out
}

// LargestAsset returns the asset with the largest known capacity on any of
// the routes and that capacity, or "" and NaN when none is known. Ties go to
// the asset id that sorts first.
func LargestAsset(routes []Route) (string, float64) {
	p, ok := NewSystem("", routes).Largest()
	if !ok {
		return "", math.NaN()
	}
	return p.Asset, p.Capacity
}

// NMinus1 is the export-side adaptation of the N-1 formula of Regulation
// (EU) 2017/1938, Annex II: the capacity left when the single largest
// infrastructure is lost, over the volume to be exported, in percent:
//
//	N-1 [%] = C(system without the largest asset) / Q_exp * 100
//
// The system passes the standard at 100% or more. It returns the largest
// asset's id with the result, and NaN when exportable is not positive.
func NMinus1(routes []Route, exportable float64) (pct float64, lost string) {
	if !(exportable > 0) {
		return math.NaN(), ""
	}
	sys := NewSystem("", routes)
	p, ok := sys.Largest()
	if !ok {
		return sys.Capacity() / exportable * 100, ""
	}
	return sys.WithoutAsset(p.Asset) / exportable * 100, p.Asset
}

// NMinusState is the jurisdictional cut: the capacity left when every part
// in state is closed, over the volume to be exported, in percent. It
// returns NaN when exportable is not positive.
//
//	N-J [%] = C(system without J's parts) / Q_exp * 100
func NMinusState(routes []Route, state string, exportable float64) float64 {
	if !(exportable > 0) {
		return math.NaN()
	}
	return NewSystem("", routes).WithoutState(state) / exportable * 100
}
