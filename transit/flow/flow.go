// Package flow computes maximum flows and minimum cuts in directed graphs
// with float64 capacities, on plain slices.
//
// A [Graph] holds the topology only: nodes 0..N-1 and edges numbered in the
// order they were added, parallel edges and self-loops allowed. Capacities
// are given per call, so one graph serves many what-if questions (an asset
// or a state's edges set to zero) without being rebuilt:
//
//	b := flow.NewBuilder(4)
//	pipe := b.AddEdge(0, 1)
//	...
//	g := b.Build()
//	r, err := g.MaxFlow(0, 3, caps)
//	caps[pipe] = 0
//	r2, err := g.MaxFlow(0, 3, caps)
//
// A Graph is safe for concurrent use. [Graph.MaxFlow] reuses work buffers
// between calls; a [Solver] does the same for callers that keep their own.
//
// The maximum flow is computed with the highest-label push-relabel method
// with the global-relabeling and gap heuristics (Goldberg & Tarjan 1988;
// Cherkassky & Goldberg 1997), in its partial augment-relabel form
// (Goldberg 2008). Residual capacities at or below
// ε = [Epsilon] × the largest finite capacity count as zero, so rounding
// never leaves phantom residual paths; see docs/methodology.md, "Maximum
// flow and minimum cut".
package flow

import (
	"errors"
	"fmt"
	"math"
	"sync"
)

// Epsilon is the tolerance of residual tests, relative to the largest
// finite capacity of a call: an edge whose residual capacity is at most
// Epsilon × that capacity counts as saturated. That is about 4,500 times
// the spacing of float64 values at the largest capacity, and far below
// any capacity that matters next to it.
const Epsilon = 1e-12

// Builder collects the edges of a Graph.
type Builder struct {
	n        int
	from, to []int32
}

// NewBuilder returns a Builder for a graph with nodes 0..n-1.
func NewBuilder(n int) *Builder {
	if n < 0 || n > math.MaxInt32 {
		panic(fmt.Sprintf("flow: NewBuilder: node count %d out of range", n))
	}
	return &Builder{n: n}
}

// AddEdge adds a directed edge and returns its id: 0, 1, 2, ... in the
// order edges are added. Parallel edges and self-loops are allowed (a
// self-loop never carries flow). It panics if from or to is not a node.
func (b *Builder) AddEdge(from, to int) int {
	if from < 0 || from >= b.n || to < 0 || to >= b.n {
		panic(fmt.Sprintf("flow: AddEdge(%d, %d): node out of range [0, %d)", from, to, b.n))
	}
	if len(b.from) >= math.MaxInt32/2 {
		panic("flow: AddEdge: too many edges")
	}
	b.from = append(b.from, int32(from))
	b.to = append(b.to, int32(to))
	return len(b.from) - 1
}

// Build returns the graph of the edges added so far. The Builder can go on
// being used; later edges do not change the returned Graph.
func (b *Builder) Build() *Graph {
	n, m := b.n, len(b.from)
	g := &Graph{
		n:     n,
		from:  append([]int32(nil), b.from...),
		to:    append([]int32(nil), b.to...),
		start: make([]int32, n+1),
		fwd:   make([]int32, m),
		bwd:   make([]int32, m),
	}
	arcs := 0
	for e := range m {
		u, v := b.from[e], b.to[e]
		if u == v {
			continue
		}
		g.start[u+1]++
		g.start[v+1]++
		arcs += 2
	}
	for u := range n {
		g.start[u+1] += g.start[u]
	}
	g.arcs = make([]arc, arcs)
	pos := make([]int32, n)
	copy(pos, g.start[:n])
	for e := range m {
		u, v := b.from[e], b.to[e]
		if u == v {
			g.fwd[e], g.bwd[e] = -1, -1
			continue
		}
		a, r := pos[u], pos[v]
		pos[u]++
		pos[v]++
		g.arcs[a] = arc{head: v, rev: r}
		g.arcs[r] = arc{head: u, rev: a}
		g.fwd[e], g.bwd[e] = a, r
	}
	return g
}

// arc is one direction of an edge in the residual graph: the forward arc
// has the edge's capacity, the reverse arc carries the edge's flow back.
type arc struct {
	head int32 // the node the arc points to
	rev  int32 // the index of the opposite arc
}

// Graph is a directed graph with dense node ids 0..N-1 and edge ids
// 0..M-1, stored in compressed sparse row form. It is immutable and safe
// for concurrent use.
type Graph struct {
	n        int
	from, to []int32
	start    []int32 // the arcs of node u are arcs[start[u]:start[u+1]]
	arcs     []arc
	fwd, bwd []int32 // edge id -> its forward and backward arcs, -1 for a self-loop
	pool     sync.Pool
}

// Nodes returns the number of nodes.
func (g *Graph) Nodes() int { return g.n }

// Edges returns the number of edges.
func (g *Graph) Edges() int { return len(g.from) }

// Ends returns the tail and head of edge e.
func (g *Graph) Ends(e int) (from, to int) { return int(g.from[e]), int(g.to[e]) }

// Result is a maximum flow and a minimum cut.
type Result struct {
	// Value is the flow value, equal to the capacity of Cut: the sum of
	// the capacities of its edges, in edge order.
	Value float64
	// Flow is the flow on each edge, by edge id: 0 <= Flow[e] <= caps[e],
	// and at every node but the source and the sink what flows in flows
	// out (to within the rounding of the sums).
	Flow []float64
	// SourceSide marks the nodes reachable from the source in the
	// residual graph of the flow: the smallest source side of a minimum
	// cut.
	SourceSide []bool
	// Cut lists, in increasing order, the ids of the edges of positive
	// capacity from the source side to the rest: a minimum cut.
	Cut []int
}

// ErrInfinite is returned when the source and the sink are joined by a
// path of edges of infinite capacity.
var ErrInfinite = errors.New("the maximum flow is infinite: a path of edges of infinite capacity joins the source and the sink")

// MaxFlow computes a maximum flow from s to t and a minimum cut, with
// capacity caps[e] on edge e. len(caps) must be g.Edges(); a capacity is
// a number >= 0, +Inf for an uncapacitated edge, 0 for a removed one.
// NaN, negative capacities, s == t and nodes out of range are errors, and
// so is an infinite maximum flow ([ErrInfinite]). If t cannot be reached
// from s, Value is 0 and Cut is empty. The graph is not modified.
func (g *Graph) MaxFlow(s, t int, caps []float64) (*Result, error) {
	sv, _ := g.pool.Get().(*Solver)
	if sv == nil {
		sv = g.NewSolver()
	}
	r, err := sv.MaxFlow(s, t, caps)
	g.pool.Put(sv)
	return r, err
}

// MaxFlowValue returns the value of a maximum flow from s to t, as MaxFlow
// does, without computing the flow on each edge.
func (g *Graph) MaxFlowValue(s, t int, caps []float64) (float64, error) {
	sv, _ := g.pool.Get().(*Solver)
	if sv == nil {
		sv = g.NewSolver()
	}
	v, err := sv.MaxFlowValue(s, t, caps)
	g.pool.Put(sv)
	return v, err
}

// Solver computes maximum flows on one Graph, keeping its work buffers
// from one call to the next. A Solver is not safe for concurrent use;
// Graph.MaxFlow keeps a pool of them.
type Solver struct {
	g   *Graph
	eps float64 // residual capacities <= eps count as zero

	res    []resArc  // the residual graph: g's arcs with their residual capacities
	excess []float64 // per node
	label  []int32   // per node: distance label
	cur    []int32   // per node: current arc
	// Highest-label buckets: per label, a list of the active nodes and a
	// doubly linked list of all the nodes (for the gap heuristic).
	activeHead, allHead []int32
	activeNext          []int32
	allNext, allPrev    []int32
	queue               []int32
	alive               []int32 // the nodes reached by the last global relabeling
	top                 int32   // no node has a label in (top, n)
}

// NewSolver returns a Solver for g.
func (g *Graph) NewSolver() *Solver {
	n, na := g.n, len(g.arcs)
	sv := &Solver{
		g:          g,
		res:        make([]resArc, na),
		excess:     make([]float64, n),
		label:      make([]int32, n),
		cur:        make([]int32, n),
		activeHead: make([]int32, n+1),
		allHead:    make([]int32, n+1),
		activeNext: make([]int32, n),
		allNext:    make([]int32, n),
		allPrev:    make([]int32, n),
		queue:      make([]int32, 0, n),
		alive:      make([]int32, 0, n),
	}
	for a, x := range g.arcs {
		sv.res[a] = resArc{head: x.head, rev: x.rev}
	}
	return sv
}

// resArc is an arc of the residual graph. Its head and opposite arc are
// copied from the Graph so that one cache line holds all a scan needs.
type resArc struct {
	rcap float64 // residual capacity
	back float64 // the residual capacity of the opposite arc
	head int32
	rev  int32
}

// MaxFlow is Graph.MaxFlow on the solver's buffers.
func (sv *Solver) MaxFlow(s, t int, caps []float64) (*Result, error) {
	if err := sv.prepare(s, t, caps); err != nil {
		return nil, err
	}
	g := sv.g
	sv.maxPreflow(int32(s), int32(t))
	sv.returnExcess(int32(s), int32(t))

	r := &Result{Flow: make([]float64, len(g.from)), SourceSide: make([]bool, g.n)}
	for e, a := range g.fwd {
		if a < 0 {
			continue
		}
		f := sv.res[a].back
		r.Flow[e] = min(max(f, 0), caps[e])
	}
	sv.reachFrom(int32(s), r.SourceSide)
	r.Cut, r.Value = cutOf(g, caps, r.SourceSide)
	return r, nil
}

// MaxFlowValue is Graph.MaxFlowValue on the solver's buffers.
func (sv *Solver) MaxFlowValue(s, t int, caps []float64) (float64, error) {
	if err := sv.prepare(s, t, caps); err != nil {
		return 0, err
	}
	sv.maxPreflow(int32(s), int32(t))
	// The nodes that cannot reach t in the residual graph of a maximum
	// preflow form the source side of a minimum cut.
	sv.globalRelabel(int32(s), int32(t), false)
	g := sv.g
	n := int32(g.n)
	v := 0.0
	for e, c := range caps {
		if c > 0 && sv.label[g.from[e]] >= n && sv.label[g.to[e]] < n {
			v += c
		}
	}
	return v, nil
}

// cutOf returns the edges of positive capacity leaving the source side
// and the sum of their capacities.
func cutOf(g *Graph, caps []float64, side []bool) ([]int, float64) {
	var cut []int
	v := 0.0
	for e, c := range caps {
		if c > 0 && side[g.from[e]] && !side[g.to[e]] {
			cut = append(cut, e)
			v += c
		}
	}
	return cut, v
}

// prepare checks the arguments and sets the residual capacities: caps on
// forward arcs, with +Inf replaced by a finite bound larger than any
// finite cut, and 0 on reverse arcs.
func (sv *Solver) prepare(s, t int, caps []float64) error {
	g := sv.g
	switch {
	case s < 0 || s >= g.n:
		return fmt.Errorf("source %d: not a node of the graph (0..%d)", s, g.n-1)
	case t < 0 || t >= g.n:
		return fmt.Errorf("sink %d: not a node of the graph (0..%d)", t, g.n-1)
	case s == t:
		return fmt.Errorf("the source and the sink are the same node, %d", s)
	case len(caps) != len(g.from):
		return fmt.Errorf("%d capacities for %d edges", len(caps), len(g.from))
	}
	total, largest, inf := 0.0, 0.0, false
	for e, c := range caps {
		switch {
		case math.IsNaN(c) || c < 0:
			return fmt.Errorf("edge %d (%d -> %d): capacity %v: want a number >= 0", e, g.from[e], g.to[e], c)
		case math.IsInf(c, 1):
			inf = true
		default:
			total += c
			largest = max(largest, c)
		}
	}
	if total > math.MaxFloat64/4 {
		return errors.New("the finite capacities sum to more than a float64 can hold")
	}
	sv.eps = Epsilon * largest
	big := 2*total + 1 // more than any cut of finite edges
	res := sv.res
	for e, a := range g.fwd {
		if a < 0 {
			continue
		}
		c := caps[e]
		if c > math.MaxFloat64 {
			c = big
		}
		r := g.bwd[e]
		res[a].rcap, res[a].back = c, 0
		res[r].rcap, res[r].back = 0, c
	}
	if inf && sv.infinitePath(int32(s), int32(t), big) {
		return ErrInfinite
	}
	return nil
}

// infinitePath reports whether t can be reached from s over arcs of
// residual capacity big, the stand-in for +Inf.
func (sv *Solver) infinitePath(s, t int32, big float64) bool {
	g := sv.g
	seen := sv.label // scratch: 1 = seen
	clear(seen)
	q := append(sv.queue[:0], s)
	seen[s] = 1
	for i := 0; i < len(q); i++ {
		u := q[i]
		for a := g.start[u]; a < g.start[u+1]; a++ {
			v := sv.res[a].head
			if seen[v] != 0 || sv.res[a].rcap != big {
				continue
			}
			if v == t {
				sv.queue = q
				return true
			}
			seen[v] = 1
			q = append(q, v)
		}
	}
	sv.queue = q
	return false
}

// reachFrom marks the nodes reachable from s over residual arcs.
func (sv *Solver) reachFrom(s int32, side []bool) {
	g := sv.g
	q := append(sv.queue[:0], s)
	side[s] = true
	for i := 0; i < len(q); i++ {
		u := q[i]
		for a := g.start[u]; a < g.start[u+1]; a++ {
			v := sv.res[a].head
			if !side[v] && sv.res[a].rcap > sv.eps {
				side[v] = true
				q = append(q, v)
			}
		}
	}
	sv.queue = q
}
