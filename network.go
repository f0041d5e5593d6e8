package leverage

import (
	"context"
	"math"
	"slices"
)

// NodeKind says what a network node is.
type NodeKind string

// The kinds of node.
const (
	ProductionNode NodeKind = "production" // where a state's exportable output enters the network
	JunctionNode   NodeKind = "junction"   // where lines meet or change hands
	BorderNode     NodeKind = "border"     // a border crossing
	TerminalNode   NodeKind = "terminal"   // a loading terminal or port
	RefineryNode   NodeKind = "refinery"
	MarketNode     NodeKind = "market" // a sink: world markets, or a buyer's system
)

// NodeKinds lists every valid NodeKind.
var NodeKinds = []NodeKind{ProductionNode, JunctionNode, BorderNode, TerminalNode, RefineryNode, MarketNode}

// EdgeKind says how an edge carries its commodity.
type EdgeKind string

// The kinds of edge.
const (
	PipelineEdge EdgeKind = "pipeline"
	TankerEdge   EdgeKind = "tanker" // a sea leg, with the port that loads it
	RailEdge     EdgeKind = "rail"
)

// EdgeKinds lists every valid EdgeKind.
var EdgeKinds = []EdgeKind{PipelineEdge, TankerEdge, RailEdge}

// Status is an asset's operating status, in Global Energy Monitor's terms.
type Status string

// The statuses. Only operating edges carry flow unless a caller says
// otherwise.
const (
	Operating    Status = "operating"
	Idle         Status = "idle"
	Mothballed   Status = "mothballed"
	Construction Status = "construction"
	Proposed     Status = "proposed"
	Cancelled    Status = "cancelled"
	Shelved      Status = "shelved"
	Retired      Status = "retired"
)

// Statuses lists every valid Status.
var Statuses = []Status{Operating, Idle, Mothballed, Construction, Proposed, Cancelled, Shelved, Retired}

// Node is a place in a transport network.
type Node struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     NodeKind `json:"kind"`
	Lat      float64  `json:"lat"`                // NaN when unknown
	Lon      float64  `json:"lon"`                // NaN when unknown
	State    string   `json:"state,omitempty"`    // ISO3 code of the state it lies in, if known
	Producer string   `json:"producer,omitempty"` // for a production node: the state whose output enters here
}

// Stake is an owner's share of an asset.
type Stake struct {
	Owner string  `json:"owner"`
	Share float64 `json:"share"` // fraction in [0, 1]; NaN when not given
}

// Edge is a directed link that carries a commodity from one node to
// another: a pipeline segment, a tanker leg or a rail link.
type Edge struct {
	ID        string       `json:"id"`
	From      string       `json:"from"`
	To        string       `json:"to"`
	Name      string       `json:"name"`
	Kind      EdgeKind     `json:"kind"`
	Commodity string       `json:"commodity"` // "crude", "ngl", "gas"
	Capacity  float64      `json:"capacity"`  // Mt/y; NaN when unknown
	Status    Status       `json:"status"`
	Operator  string       `json:"operator,omitempty"`
	Owners    []Stake      `json:"owners,omitempty"`
	States    []string     `json:"states"`          // ISO3 codes of the states whose territory or waters it lies in
	Asset     string       `json:"asset,omitempty"` // the asset (actor id, or a dataset's unit id) it is part of: removing the asset removes all its edges
	Valid     Period       `json:"valid,omitzero"`  // when it exists: from its start year; an outage is a period it is not valid
	Path      [][2]float64 `json:"path,omitempty"`  // polyline, (lat, lon) pairs, for maps
	Sources   []string     `json:"sources"`
}

// Crosses reports whether e lies in state.
func (e *Edge) Crosses(state string) bool { return slices.Contains(e.States, state) }

// Network is a transport network: nodes and the directed edges between
// them, as one dataset holds it.
type Network struct {
	Nodes []Node
	Edges []Edge
}

// Validate checks the network on its own: unique node and edge ids, edges
// between known nodes, known kinds and statuses, capacities that are NaN
// or non-negative and finite, owners' shares in [0, 1], valid periods, and
// at least one source per edge.
func (n *Network) Validate() error {
	nodes := make(map[string]bool, len(n.Nodes))
	for _, v := range n.Nodes {
		switch {
		case v.ID == "":
			return Errorf(EINVALID, "node id required")
		case nodes[v.ID]:
			return Errorf(ECONFLICT, "node %s defined twice", v.ID)
		case !slices.Contains(NodeKinds, v.Kind):
			return Errorf(EINVALID, "node %s: unknown kind %q", v.ID, v.Kind)
		case v.Kind == ProductionNode && v.Producer == "":
			return Errorf(EINVALID, "node %s: a production node names its producer", v.ID)
		}
		nodes[v.ID] = true
	}
	edges := make(map[string]bool, len(n.Edges))
	for i := range n.Edges {
		e := &n.Edges[i]
		switch {
		case e.ID == "":
			return Errorf(EINVALID, "edge id required")
		case edges[e.ID]:
			return Errorf(ECONFLICT, "edge %s defined twice", e.ID)
		case !nodes[e.From]:
			return Errorf(EINVALID, "edge %s: unknown node %q", e.ID, e.From)
		case !nodes[e.To]:
			return Errorf(EINVALID, "edge %s: unknown node %q", e.ID, e.To)
		case e.From == e.To:
			return Errorf(EINVALID, "edge %s: a loop on node %s", e.ID, e.From)
		case !slices.Contains(EdgeKinds, e.Kind):
			return Errorf(EINVALID, "edge %s: unknown kind %q", e.ID, e.Kind)
		case !slices.Contains(Statuses, e.Status):
			return Errorf(EINVALID, "edge %s: unknown status %q", e.ID, e.Status)
		case e.Commodity == "":
			return Errorf(EINVALID, "edge %s: commodity required", e.ID)
		case !math.IsNaN(e.Capacity) && (e.Capacity < 0 || math.IsInf(e.Capacity, 0)):
			return Errorf(EINVALID, "edge %s: capacity %v must be a non-negative number", e.ID, e.Capacity)
		case len(e.Sources) == 0:
			return Errorf(EINVALID, "edge %s: an edge must cite at least one source", e.ID)
		}
		if err := e.Valid.Validate(); err != nil {
			return Errorf(EINVALID, "edge %s: %v", e.ID, err)
		}
		for _, s := range e.Owners {
			if !math.IsNaN(s.Share) && (s.Share < 0 || s.Share > 1) {
				return Errorf(EINVALID, "edge %s: owner %s's share %v outside [0, 1]", e.ID, s.Owner, s.Share)
			}
		}
		edges[e.ID] = true
	}
	return nil
}

// NetworkFilter selects parts of stored networks. Zero fields do not filter.
type NetworkFilter struct {
	Commodity string   // only edges of this commodity
	States    []string // only edges lying in one of these states (and the nodes they join)
}

// NetworkService keeps transport networks, one per dataset.
type NetworkService interface {
	// ReplaceNetwork validates d and n and, in one transaction, replaces
	// everything stored under d.Name with d and n. Whenever it returns an
	// error, nothing has changed.
	ReplaceNetwork(ctx context.Context, d *Dataset, n *Network) error
	// Network returns the union of the stored networks' nodes and edges
	// matching f, nodes and edges ordered by id.
	Network(ctx context.Context, f NetworkFilter) (*Network, error)
}
