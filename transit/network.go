package transit

import (
	"math"
	"slices"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/transit/flow"
)

// NetworkStats says how much of a network a system built from it uses.
type NetworkStats struct {
	Edges           int `json:"edges"`            // edges kept: the commodity's, operating, with a known capacity
	UnknownCapacity int `json:"unknown_capacity"` // operating edges of the commodity without a capacity
	Assumed         int `json:"assumed"`          // of those, edges given the assumed capacity rather than left out
	NoState         int `json:"no_state"`         // kept edges in no known state, which no jurisdictional cut removes
	Entries         int `json:"entries"`          // nodes the exporter's production enters at
	Exits           int `json:"exits"`            // nodes where the flow has left the exporter
}

// NewNetworkSystem builds the export system of exporter from a transport
// network such as the one imported from Global Energy Monitor: the
// capacity of its lines to carry the commodity out of its territory. Only
// operating edges of the commodity with a known capacity are kept. As the
// order in which a source draws a line need not be the direction of flow,
// every edge may be used either way.
//
// Each edge is a part of its own (its Asset groups the edges of one
// project for WithoutAsset). The exporter's side of the network is the
// nodes of lines that lie in it alone; the far side, the nodes of lines
// that lie outside it. A node on both is a border point and counts as
// already abroad. Lines listed in the exporter and other states cross the
// border somewhere along their chain; a loose end of such a chain is
// placed on the side the chain does not otherwise reach. The source feeds
// every node on the exporter's side and every node on the far side drains
// to the sink, so the maximum flow is what the exporter's lines can carry
// across its borders when oil may enter anywhere on them (the network does
// not say where it is produced): feeders limit only the lines they alone
// supply.
//
// assume, if positive, is the capacity (Mt/y) given to edges whose
// capacity is unknown instead of leaving them out: a what-if for networks
// whose capacities are sparse.
//
// at, unless zero, keeps only the edges valid on that day (a line that
// started later, or an outage's period, is left out).
func NewNetworkSystem(exporter, commodity string, n *leverage.Network, assume float64, at time.Time) (*System, NetworkStats) {
	var st NetworkStats
	node := make(map[string]int, len(n.Nodes))
	for i, v := range n.Nodes {
		node[v.ID] = i
	}
	var kept []*leverage.Edge
	for i := range n.Edges {
		e := &n.Edges[i]
		if e.Commodity != commodity || e.Status != leverage.Operating || (!at.IsZero() && !e.Valid.Contains(at)) {
			continue
		}
		if math.IsNaN(e.Capacity) {
			st.UnknownCapacity++
			if !(assume > 0) {
				continue
			}
			st.Assumed++
		}
		kept = append(kept, e)
		if len(e.States) == 0 {
			st.NoState++
		}
	}
	st.Edges = len(kept)
	const (
		home = 1 << iota
		abroad
	)
	side := make([]int, len(n.Nodes))
	degree := make([]int, len(n.Nodes))
	var crossing []*leverage.Edge // lines in the exporter and other states
	for _, e := range kept {
		a, b := node[e.From], node[e.To]
		degree[a]++
		degree[b]++
		switch {
		case len(e.States) == 1 && e.States[0] == exporter:
			side[a] |= home
			side[b] |= home
		case len(e.States) > 0 && !e.Crosses(exporter):
			side[a] |= abroad
			side[b] |= abroad
		case len(e.States) > 1:
			crossing = append(crossing, e)
		}
	}
	// The border lies somewhere along each chain of crossing lines; only
	// the chain's loose ends, which meet no other line, are placed: on the
	// side the rest of the chain does not reach, or, for a chain that meets
	// nothing on either side, the first end drawn at home and the others
	// abroad. Its inner nodes only pass the flow on.
	parent := make([]int, len(n.Nodes))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, e := range crossing {
		parent[find(node[e.From])] = find(node[e.To])
	}
	reach := map[int]int{} // chain root: the sides its nodes reach
	for _, e := range crossing {
		for _, v := range []int{node[e.From], node[e.To]} {
			reach[find(v)] |= side[v]
		}
	}
	first := map[int]bool{} // chain roots whose first loose end is placed
	for _, e := range crossing {
		for _, v := range []int{node[e.From], node[e.To]} {
			if degree[v] != 1 || side[v] != 0 {
				continue
			}
			switch root := find(v); reach[root] {
			case abroad:
				side[v] = home
			case home:
				side[v] = abroad
			case 0:
				if !first[root] {
					side[v], first[root] = home, true
				} else {
					side[v] = abroad
				}
			}
		}
	}

	sys := &System{Exporter: exporter, bound: math.Inf(1)}
	b := flow.NewBuilder(2 + len(n.Nodes))
	arc := func(from, to int, c float64, part int) {
		b.AddEdge(from, to)
		sys.caps = append(sys.caps, c)
		sys.part = append(sys.part, part)
	}
	for _, e := range kept {
		p := len(sys.Parts)
		asset := e.Asset
		if asset == "" {
			asset = e.ID
		}
		c := e.Capacity
		if math.IsNaN(c) {
			c = assume
		}
		sys.Parts = append(sys.Parts, Part{Asset: asset, Name: e.Name, Capacity: c, States: e.States})
		u, v := 2+node[e.From], 2+node[e.To]
		arc(u, v, c, p)
		arc(v, u, c, p)
	}
	for i, s := range side {
		switch {
		case s&abroad != 0:
			arc(2+i, 1, math.Inf(1), -1)
			st.Exits++
		case s&home != 0:
			arc(0, 2+i, math.Inf(1), -1)
			st.Entries++
		}
	}
	sys.g, sys.s, sys.t = b.Build(), 0, 1
	return sys, st
}

// Involved returns the states that any part carrying flow in f lies in:
// only their cuts can lower the flow, since a maximum flow that uses none
// of a state's parts survives their removal.
func (sys *System) Involved(f *Flow) []string {
	var out []string
	for i, p := range sys.Parts {
		if f.Parts[i] <= 0 {
			continue
		}
		for _, s := range p.States {
			if s != sys.Exporter && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	slices.Sort(out)
	return out
}
