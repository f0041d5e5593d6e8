package transit

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/leverage-dev/leverage/transit/flow"
)

// Part is one capacitated element of an export system: an asset (a
// pipeline, a port, a tanker leg) with the states it lies in.
type Part struct {
	Asset    string   // asset id
	Name     string   // display name
	Capacity float64  // Mt/y; NaN when unknown
	States   []string // states whose territory or waters it lies in
}

// System is an exporter's export routes as a flow network: a source for
// the exporter's production, a sink for the markets, and each part an arc
// of its capacity between an entry and an exit node, which the routes
// chain in order. Routes that share a part are capped together by it.
type System struct {
	Exporter string
	Routes   []Route
	Parts    []Part

	g      *flow.Graph
	caps   []float64 // per arc: the part's capacity, or +Inf for a link
	part   []int     // per arc: index into Parts, or -1 for a link
	s, t   int
	bound  float64        // the sum of the route capacities, which the flow never exceeds
	routed []bool         // per route: whether it has a known capacity and is in the network
	index  map[string]int // asset id -> index into Parts
}

// NewSystem builds the flow network of the exporter's routes. A route
// without any known capacity is left out. A part of unknown capacity is
// limited only by the routes through it: its arc gets the sum of their
// capacities.
func NewSystem(exporter string, routes []Route) *System {
	sys := &System{Exporter: exporter, Routes: routes, routed: make([]bool, len(routes))}
	through := map[string]float64{}
	for i, r := range routes {
		if c := r.Capacity(); !math.IsNaN(c) {
			sys.routed[i] = true
			sys.bound += c
			for _, s := range r.Segments {
				through[s.Asset] += c
			}
		}
	}
	// Node 0 is the source, node 1 the sink; part p has entry node 2+2p and
	// exit node 3+2p.
	index := map[string]int{}
	sys.index = index
	for i, r := range routes {
		if !sys.routed[i] {
			continue
		}
		for _, s := range r.Segments {
			if _, ok := index[s.Asset]; !ok {
				index[s.Asset] = len(sys.Parts)
				sys.Parts = append(sys.Parts, Part{Asset: s.Asset, Name: s.Name, Capacity: s.Capacity, States: s.States})
			}
		}
	}
	b := flow.NewBuilder(2 + 2*len(sys.Parts))
	arc := func(from, to int, c float64, part int) {
		b.AddEdge(from, to)
		sys.caps = append(sys.caps, c)
		sys.part = append(sys.part, part)
	}
	for p, part := range sys.Parts {
		c := part.Capacity
		if math.IsNaN(c) {
			c = through[part.Asset]
		}
		arc(2+2*p, 3+2*p, c, p)
	}
	for i, r := range routes {
		if !sys.routed[i] {
			continue
		}
		prev := 0
		for _, s := range r.Segments {
			p := index[s.Asset]
			arc(prev, 2+2*p, math.Inf(1), -1)
			prev = 3 + 2*p
		}
		arc(prev, 1, math.Inf(1), -1)
	}
	sys.g, sys.s, sys.t = b.Build(), 0, 1
	return sys
}

// Flow is a maximum flow through the system with some parts removed.
type Flow struct {
	Value float64   // Mt/y the system can carry
	Parts []float64 // per part: Mt/y it carries in this flow
	Cut   []int     // indices into System.Parts of a minimum cut: the parts that bound Value
}

// Flow returns a maximum flow with the parts for which removed returns
// true taken out (nil removes none).
func (sys *System) Flow(removed func(p *Part) bool) (*Flow, error) {
	caps := slices.Clone(sys.caps)
	for e, p := range sys.part {
		if p >= 0 && removed != nil && removed(&sys.Parts[p]) {
			caps[e] = 0
		}
	}
	out := &Flow{Parts: make([]float64, len(sys.Parts))}
	if sys.g.Edges() == 0 {
		return out, nil
	}
	r, err := sys.g.MaxFlow(sys.s, sys.t, caps)
	if err != nil {
		return nil, fmt.Errorf("export system of %s: %w", sys.Exporter, err)
	}
	out.Value = math.Min(r.Value, sys.bound)
	for e, p := range sys.part {
		if p >= 0 {
			out.Parts[p] += r.Flow[e] // a part may have an arc each way
		}
	}
	for _, e := range r.Cut {
		if p := sys.part[e]; p >= 0 && !slices.Contains(out.Cut, p) {
			out.Cut = append(out.Cut, p)
		}
	}
	return out, nil
}

// capacity is the value of a maximum flow with the given parts removed;
// the network is small and well formed, so it cannot fail.
func (sys *System) capacity(removed func(p *Part) bool) float64 {
	f, err := sys.Flow(removed)
	if err != nil {
		panic(err) // capacities are finite or +Inf only on links, never NaN
	}
	return f.Value
}

// Capacity returns what the system can carry, in Mt/y.
func (sys *System) Capacity() float64 { return sys.capacity(nil) }

// WithoutAsset returns the capacity left without the asset.
func (sys *System) WithoutAsset(asset string) float64 {
	return sys.capacity(func(p *Part) bool { return p.Asset == asset })
}

// WithoutState returns the capacity left without every part in the state.
func (sys *System) WithoutState(state string) float64 {
	return sys.capacity(func(p *Part) bool { return slices.Contains(p.States, state) })
}

// Largest returns the part of largest known capacity, ties to the asset id
// that sorts first, and false if no capacity is known.
func (sys *System) Largest() (Part, bool) {
	best := -1
	for i, p := range sys.Parts {
		if math.IsNaN(p.Capacity) {
			continue
		}
		if best < 0 || p.Capacity > sys.Parts[best].Capacity || (p.Capacity == sys.Parts[best].Capacity && p.Asset < sys.Parts[best].Asset) {
			best = i
		}
	}
	if best < 0 {
		return Part{}, false
	}
	return sys.Parts[best], true
}

// States returns the sorted states any part lies in, other than the
// exporter.
func (sys *System) States() []string {
	var out []string
	for _, p := range sys.Parts {
		for _, s := range p.States {
			if s != sys.Exporter && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Chokepoint is one state's power to cut the exporter's exports.
type Chokepoint struct {
	State    string  `json:"state"`
	Role     string  `json:"role"`     // "transit", or "buyer" for a state whose routes end in its own market`
	Lost     float64 `json:"lost"`     // Mt/y of export capacity lost without the state's parts
	Share    float64 `json:"share"`    // Lost over the system's capacity, in [0, 1]
	Exposure float64 `json:"exposure"` // share of recorded flows crossing the state, in [0, 1]; NaN without volumes
}

// Chokepoints ranks every state the system crosses, other than the
// exporter, by the export capacity its jurisdictional cut removes, then by
// the share of recorded flows crossing it, then by code: transit states
// first, then buyers. A buyer is a state every route crossing which ends in
// its own market: its cut is a refusal to buy rather than to let pass.
// volumes gives each route's volume in one year (NaN or missing when
// unknown).
func (sys *System) Chokepoints(volumes []float64) []Chokepoint {
	base, err := sys.Flow(nil)
	if err != nil {
		panic(err) // see capacity
	}
	total := base.Value
	involved := sys.Involved(base)
	var out []Chokepoint
	for _, st := range sys.States() {
		c := Chokepoint{State: st, Role: "buyer", Exposure: Exposure(sys.Routes, volumes, st)}
		if slices.Contains(involved, st) {
			c.Lost = total - sys.WithoutState(st)
		}
		if len(sys.Routes) == 0 {
			c.Role = "transit"
		}
		for _, r := range sys.Routes {
			if r.Crosses(st) && r.Market != st {
				c.Role = "transit"
			}
		}
		if total > 0 {
			c.Share = c.Lost / total
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Chokepoint) int {
		return cmp.Or(-cmp.Compare(a.Role, b.Role), -cmp.Compare(a.Lost, b.Lost), -cmp.Compare(nanTo0(a.Exposure), nanTo0(b.Exposure)), cmp.Compare(a.State, b.State))
	})
	return out
}

func nanTo0(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// Exposure returns the share of the recorded volume that crosses state:
// the volumes of the routes crossing it over the volume of all routes with
// a volume. volumes is parallel to routes (NaN or short for unknown). It is
// NaN when no volume is recorded.
func Exposure(routes []Route, volumes []float64, state string) float64 {
	var via, all float64
	any := false
	for i, r := range routes {
		if i >= len(volumes) || math.IsNaN(volumes[i]) {
			continue
		}
		any = true
		all += volumes[i]
		if r.Crosses(state) {
			via += volumes[i]
		}
	}
	if !any || all == 0 {
		return math.NaN()
	}
	return via / all
}

// Effective returns each part's capacity in the flow network, in Mt/y: its
// known capacity, or for a part of unknown capacity the sum of the
// capacities of the routes through it.
func (sys *System) Effective() []float64 {
	out := make([]float64, len(sys.Parts))
	for e, p := range sys.part {
		if p >= 0 {
			out[p] = sys.caps[e]
		}
	}
	return out
}

// CapacityWith returns what the system can carry, in Mt/y, with each part's
// capacity set to caps[p] (non-negative; see Effective for the capacities
// as recorded). len(caps) must be len(sys.Parts).
func (sys *System) CapacityWith(caps []float64) (float64, error) {
	if len(caps) != len(sys.Parts) {
		return 0, fmt.Errorf("export system of %s: %d capacities for %d parts", sys.Exporter, len(caps), len(sys.Parts))
	}
	if sys.g.Edges() == 0 {
		return 0, nil
	}
	arcs := slices.Clone(sys.caps)
	for e, p := range sys.part {
		if p >= 0 {
			arcs[e] = caps[p]
		}
	}
	v, err := sys.g.MaxFlowValue(sys.s, sys.t, arcs)
	if err != nil {
		return 0, fmt.Errorf("export system of %s: %w", sys.Exporter, err)
	}
	var bound float64 // as sys.bound, with these capacities
	for i, r := range sys.Routes {
		if !sys.routed[i] {
			continue
		}
		c := math.Inf(1)
		for _, s := range r.Segments {
			c = math.Min(c, caps[sys.index[s.Asset]])
		}
		bound += c
	}
	return math.Min(v, bound), nil
}

// Part returns the index in Parts of the asset's part, or -1.
func (sys *System) Part(asset string) int {
	if p, ok := sys.index[asset]; ok {
		return p
	}
	return -1
}

// Recapacitated returns the system with the capacities of routes, which
// must chain the same assets as sys.Routes, in the same order. It shares
// the flow network with sys, so it costs far less than NewSystem; it
// returns false, and no system, when routes differ in their assets or in
// which of them have a known capacity (which changes the network).
func (sys *System) Recapacitated(routes []Route) (*System, bool) {
	if len(routes) != len(sys.Routes) {
		return nil, false
	}
	out := *sys
	out.Routes = routes
	out.Parts = slices.Clone(sys.Parts)
	out.caps = slices.Clone(sys.caps)
	out.bound = 0
	through := make([]float64, len(sys.Parts))
	for i, r := range routes {
		old := sys.Routes[i].Segments
		if len(r.Segments) != len(old) {
			return nil, false
		}
		for j, s := range r.Segments {
			if s.Asset != old[j].Asset {
				return nil, false
			}
		}
		c := r.Capacity()
		if math.IsNaN(c) == sys.routed[i] {
			return nil, false
		}
		if !sys.routed[i] {
			continue
		}
		out.bound += c
		for _, s := range r.Segments {
			p := sys.index[s.Asset]
			through[p] += c
			out.Parts[p].Capacity = s.Capacity
		}
	}
	for e, p := range out.part {
		if p < 0 {
			continue
		}
		c := out.Parts[p].Capacity
		if math.IsNaN(c) {
			c = through[p]
		}
		out.caps[e] = c
	}
	return &out, true
}
