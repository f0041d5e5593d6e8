// Package transit computes what a state's export routes can carry and what
// is left when an asset or a whole jurisdiction is removed: route chains
// with the lesser-of rule, the export-side N-1 test and the jurisdictional
// ("N-state") cut.
//
// Routes are chains of assets; together they form a small network whose
// maximum flow is what the export system can carry, so routes that share an
// asset (two tanker legs out of one port) are capped together by it. A
// fuller network model with junctions, jurisdictions and min-cuts comes
// with the transit issue.
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
// maximum flow through the network the routes form. Each asset is a node
// whose capacity is its own; a route links its assets in order from the
// exporter to the markets. Routes sharing an asset (two tanker legs out of
// one port) are thereby capped together by it. Routes without any known
// capacity are left out; an asset of unknown capacity is limited only by
// the routes through it, and the total by the sum of route capacities.
//
// The maximum flow is found with the Edmonds-Karp algorithm (Edmonds and
// Karp, 1972), which suffices for a few dozen assets.
func TotalCapacity(routes []Route) float64 {
	// Node 0 is the exporter, node 1 the markets; asset a has an entry node
	// in[a] and an exit node in[a]+1 joined by an arc of its capacity.
	in := map[string]int{}
	n := 2
	type arc struct {
		to, rev int     // head node; index of the reverse arc in adj[to]
		res     float64 // residual capacity
	}
	var adj [][]arc
	grow := func(k int) {
		for len(adj) < k {
			adj = append(adj, nil)
		}
	}
	addArc := func(u, v int, c float64) {
		grow(max(u, v) + 1)
		adj[u] = append(adj[u], arc{v, len(adj[v]), c})
		adj[v] = append(adj[v], arc{u, len(adj[u]) - 1, 0})
	}
	// An asset of unknown capacity carries at most what the routes through
	// it can; the total never exceeds the sum of the routes' capacities.
	through := map[string]float64{}
	var sum float64
	for _, r := range routes {
		if c := r.Capacity(); !math.IsNaN(c) {
			sum += c
			for _, s := range r.Segments {
				through[s.Asset] += c
			}
		}
	}
	for _, r := range routes {
		if math.IsNaN(r.Capacity()) {
			continue
		}
		prev := 0
		for _, s := range r.Segments {
			k, ok := in[s.Asset]
			if !ok {
				k = n
				in[s.Asset] = k
				n += 2
				c := s.Capacity
				if math.IsNaN(c) {
					c = through[s.Asset]
				}
				addArc(k, k+1, c)
			}
			addArc(prev, k, math.Inf(1))
			prev = k + 1
		}
		addArc(prev, 1, math.Inf(1))
	}
	grow(n)
	var total float64
	for {
		// Breadth-first search for a shortest augmenting path.
		from := make([][2]int, n)
		seen := make([]bool, n)
		seen[0] = true
		queue := []int{0}
		for len(queue) > 0 && !seen[1] {
			u := queue[0]
			queue = queue[1:]
			for i, e := range adj[u] {
				if !seen[e.to] && e.res > 1e-12 {
					seen[e.to] = true
					from[e.to] = [2]int{u, i}
					queue = append(queue, e.to)
				}
			}
		}
		if !seen[1] {
			return math.Min(total, sum)
		}
		push := math.Inf(1)
		for v := 1; v != 0; v = from[v][0] {
			push = math.Min(push, adj[from[v][0]][from[v][1]].res)
		}
		for v := 1; v != 0; v = from[v][0] {
			u, i := from[v][0], from[v][1]
			adj[u][i].res -= push
			adj[v][adj[u][i].rev].res += push
		}
		total += push
	}
}

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
	best, cap := "", math.NaN()
	for _, r := range routes {
		for _, s := range r.Segments {
			if math.IsNaN(s.Capacity) {
				continue
			}
			if math.IsNaN(cap) || s.Capacity > cap || (s.Capacity == cap && s.Asset < best) {
				best, cap = s.Asset, s.Capacity
			}
		}
	}
	return best, cap
}

// NMinus1 is the export-side adaptation of the N-1 formula of Regulation
// (EU) 2017/1938, Annex II: the capacity left when the single largest
// infrastructure is lost, over the volume to be exported, in percent:
//
//	N-1 [%] = C(routes without the largest asset) / Q_exp * 100
//
// The system passes the standard at 100% or more. It returns the largest
// asset's id with the result, and NaN when exportable is not positive.
func NMinus1(routes []Route, exportable float64) (pct float64, lost string) {
	if !(exportable > 0) {
		return math.NaN(), ""
	}
	lost, _ = LargestAsset(routes)
	return TotalCapacity(Without(routes, lost)) / exportable * 100, lost
}

// NMinusState is the jurisdictional cut: the capacity left when every
// route crossing state is closed, over the volume to be exported, in
// percent. It returns NaN when exportable is not positive.
//
//	N-J [%] = C(routes avoiding J) / Q_exp * 100
func NMinusState(routes []Route, state string, exportable float64) float64 {
	if !(exportable > 0) {
		return math.NaN()
	}
	return TotalCapacity(Avoiding(routes, state)) / exportable * 100
}
