package flow_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/leverage-dev/leverage/transit/flow"
)

type edge struct {
	from, to int
	cap      float64
}

func build(n int, edges []edge) (*flow.Graph, []float64) {
	b := flow.NewBuilder(n)
	caps := make([]float64, len(edges))
	for i, e := range edges {
		if id := b.AddEdge(e.from, e.to); id != i {
			panic("edge ids not in order")
		}
		caps[i] = e.cap
	}
	return b.Build(), caps
}

var inf = math.Inf(1)

// clrs is the network of Cormen, Leiserson, Rivest & Stein, Introduction
// to Algorithms, figure 26.1: s = 0, t = 5, maximum flow 23.
var clrs = []edge{
	{0, 1, 16}, {0, 2, 13}, {1, 3, 12}, {2, 1, 4}, {2, 4, 14},
	{3, 2, 9}, {3, 5, 20}, {4, 3, 7}, {4, 5, 4},
}

func TestMaxFlowKnown(t *testing.T) {
	for _, tt := range []struct {
		name  string
		n     int
		edges []edge
		s, t  int
		want  float64
		cut   []int
	}{
		{"CLRS 26.1", 6, clrs, 0, 5, 23, []int{2, 7, 8}},
		{"single edge", 2, []edge{{0, 1, 3.5}}, 0, 1, 3.5, []int{0}},
		{"parallel edges", 2, []edge{{0, 1, 2}, {0, 1, 3}, {0, 1, 0}}, 0, 1, 5, []int{0, 1}},
		{"antiparallel edges", 3, []edge{{0, 1, 4}, {1, 0, 9}, {1, 2, 6}}, 0, 2, 4, []int{0}},
		{"unreachable sink", 4, []edge{{0, 1, 5}, {2, 3, 5}}, 0, 3, 0, nil},
		{"sink reached backwards only", 3, []edge{{0, 1, 5}, {2, 1, 5}}, 0, 2, 0, nil},
		{"zero capacities", 3, []edge{{0, 1, 0}, {1, 2, 7}, {0, 2, 1}}, 0, 2, 1, []int{2}},
		{"all zero", 2, []edge{{0, 1, 0}}, 0, 1, 0, nil},
		{"no edges", 2, nil, 0, 1, 0, nil},
		{"self-loops", 3, []edge{{0, 0, 9}, {0, 1, 2}, {1, 1, 9}, {1, 2, 3}}, 0, 2, 2, []int{1}},
		{"infinite edge off every path", 4, []edge{{0, 1, inf}, {1, 3, 2}, {0, 2, 3}, {2, 3, inf}}, 0, 3, 5, []int{1, 2}},
		{"infinite edges in series with a finite one", 3, []edge{{0, 1, inf}, {1, 2, 7}}, 0, 2, 7, []int{1}},
		{"infinite edge into the source", 3, []edge{{1, 0, inf}, {0, 2, 4}}, 0, 2, 4, []int{1}},
		{"source in the middle", 4, []edge{{1, 0, 5}, {0, 2, 3}, {2, 3, 8}, {0, 3, 1}}, 0, 3, 4, []int{1, 3}},
		{"fractional", 4, []edge{{0, 1, 0.1}, {0, 2, 0.2}, {1, 3, 0.3}, {2, 3, 0.1}}, 0, 3, 0.2, []int{0, 3}},
		{"back flow needed", 4, []edge{{0, 1, 1}, {0, 2, 1}, {1, 2, 1}, {1, 3, 1}, {2, 3, 1}}, 0, 3, 2, []int{0, 1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, caps := build(tt.n, tt.edges)
			r, err := g.MaxFlow(tt.s, tt.t, caps)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(r.Value-tt.want) > 1e-12 {
				t.Errorf("value %v, want %v", r.Value, tt.want)
			}
			if !slices.Equal(r.Cut, tt.cut) {
				t.Errorf("cut %v, want %v", r.Cut, tt.cut)
			}
			check(t, g, tt.s, tt.t, caps, r)
			v, err := g.MaxFlowValue(tt.s, tt.t, caps)
			if err != nil || math.Abs(v-tt.want) > 1e-12 {
				t.Errorf("MaxFlowValue = %v, %v; want %v", v, err, tt.want)
			}
		})
	}
}

func TestMaxFlowErrors(t *testing.T) {
	g, caps := build(6, clrs)
	nan := slices.Clone(caps)
	nan[3] = math.NaN()
	neg := slices.Clone(caps)
	neg[0] = -1
	for _, tt := range []struct {
		name string
		s, t int
		caps []float64
	}{
		{"s == t", 2, 2, caps},
		{"source out of range", -1, 5, caps},
		{"sink out of range", 0, 6, caps},
		{"NaN capacity", 0, 5, nan},
		{"negative capacity", 0, 5, neg},
		{"capacities short", 0, 5, caps[:8]},
	} {
		if _, err := g.MaxFlow(tt.s, tt.t, tt.caps); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
		if _, err := g.MaxFlowValue(tt.s, tt.t, tt.caps); err == nil {
			t.Errorf("%s: MaxFlowValue: no error", tt.name)
		}
	}
	g, caps = build(4, []edge{{0, 1, inf}, {1, 2, 3}, {1, 3, inf}, {3, 2, inf}})
	if _, err := g.MaxFlow(0, 2, caps); !errors.Is(err, flow.ErrInfinite) {
		t.Errorf("infinite path: err %v, want ErrInfinite", err)
	}
	caps[2] = 5
	if r, err := g.MaxFlow(0, 2, caps); err != nil || r.Value != 8 {
		t.Errorf("infinite path broken: %v, %v; want 8", r, err)
	}
}

func TestBuilderPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("AddEdge to a node out of range did not panic")
		}
	}()
	flow.NewBuilder(2).AddEdge(0, 2)
}

func TestGraphAccessors(t *testing.T) {
	b := flow.NewBuilder(3)
	b.AddEdge(0, 1)
	b.AddEdge(2, 2)
	g := b.Build()
	b.AddEdge(1, 2) // after Build: not in g
	if g.Nodes() != 3 || g.Edges() != 2 {
		t.Fatalf("nodes %d edges %d, want 3 and 2", g.Nodes(), g.Edges())
	}
	if f, to := g.Ends(1); f != 2 || to != 2 {
		t.Errorf("Ends(1) = %d, %d", f, to)
	}
}

// check verifies that r is a feasible flow whose value is the capacity of
// its cut, and that the cut is the one read off the residual graph.
func check(t *testing.T, g *flow.Graph, s, tt int, caps []float64, r *flow.Result) {
	t.Helper()
	total := 0.0
	for _, c := range caps {
		if !math.IsInf(c, 1) {
			total += c
		}
	}
	tol := 1e-9 * max(1, total)
	if len(r.Flow) != g.Edges() || len(r.SourceSide) != g.Nodes() {
		t.Fatalf("result sizes %d, %d", len(r.Flow), len(r.SourceSide))
	}
	net := make([]float64, g.Nodes())
	for e, f := range r.Flow {
		if !(f >= 0 && f <= caps[e]) {
			t.Fatalf("edge %d: flow %v outside [0, %v]", e, f, caps[e])
		}
		u, v := g.Ends(e)
		net[u] -= f
		net[v] += f
	}
	for v, x := range net {
		if v != s && v != tt && math.Abs(x) > tol {
			t.Fatalf("node %d: flow in - out = %v", v, x)
		}
	}
	if math.Abs(net[tt]-r.Value) > tol || math.Abs(-net[s]-r.Value) > tol {
		t.Fatalf("value %v, net flow into t %v, out of s %v", r.Value, net[tt], -net[s])
	}
	if !r.SourceSide[s] || r.SourceSide[tt] {
		t.Fatalf("source side: s %v, t %v", r.SourceSide[s], r.SourceSide[tt])
	}
	var cut []int
	sum := 0.0
	for e, c := range caps {
		u, v := g.Ends(e)
		if c > 0 && r.SourceSide[u] && !r.SourceSide[v] {
			cut = append(cut, e)
			sum += c
		}
	}
	if !slices.Equal(cut, r.Cut) {
		t.Fatalf("cut %v, want the edges leaving the source side %v", r.Cut, cut)
	}
	if sum != r.Value {
		t.Fatalf("value %v, cut capacity %v", r.Value, sum)
	}
}

// randomGraph returns a random graph with parallel edges, self-loops,
// zero, fractional and sometimes infinite capacities.
func randomGraph(rng *rand.Rand) (n int, edges []edge) {
	n = 2 + rng.IntN(25)
	m := rng.IntN(5 * n)
	kind := rng.IntN(4)
	for range m {
		e := edge{from: rng.IntN(n), to: rng.IntN(n)}
		switch kind {
		case 0: // small integers
			e.cap = float64(rng.IntN(10))
		case 1: // reals over several orders of magnitude
			e.cap = math.Exp(rng.NormFloat64() * 3)
		case 2: // sparse capacities, some infinite
			switch rng.IntN(10) {
			case 0:
				e.cap = inf
			case 1, 2, 3:
				e.cap = 0
			default:
				e.cap = float64(1 + rng.IntN(100))
			}
		default: // Mt/y-like decimals
			e.cap = float64(rng.IntN(1000)) / 10
		}
		edges = append(edges, e)
	}
	// Layered edges forward from s=0 to t=n-1 so that flows are not trivial.
	for range rng.IntN(2 * n) {
		u := rng.IntN(n - 1)
		v := u + 1 + rng.IntN(n-1-u)
		edges = append(edges, edge{u, v, float64(1 + rng.IntN(20))})
	}
	return n, edges
}

// oracle is gonum's maximum flow on the same graph, with parallel edges
// merged and self-loops dropped.
func oracle(n int, edges []edge, s, t int) float64 {
	merged := map[[2]int]float64{}
	for _, e := range edges {
		if e.from != e.to {
			merged[[2]int{e.from, e.to}] += e.cap
		}
	}
	g := simple.NewWeightedDirectedGraph(0, 0)
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for k, c := range merged {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(k[0]), simple.Node(k[1]), c))
	}
	return network.MaxFlowDinic(g, simple.Node(s), simple.Node(t), 0)
}

func TestMaxFlowRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	iters := 5000
	if testing.Short() {
		iters = 1000
	}
	for i := range iters {
		n, edges := randomGraph(rng)
		g, caps := build(n, edges)
		s, tt := 0, n-1
		if rng.IntN(4) == 0 {
			s, tt = rng.IntN(n), rng.IntN(n)
			if s == tt {
				continue
			}
		}
		r, err := g.MaxFlow(s, tt, caps)
		if errors.Is(err, flow.ErrInfinite) {
			continue
		}
		if err != nil {
			t.Fatalf("graph %d: %v", i, err)
		}
		if testing.Verbose() {
			t.Logf("graph %d s %d t %d: %v", i, s, tt, edges)
		}
		check(t, g, s, tt, caps, r)
		want := oracle(n, edges, s, tt)
		if math.Abs(r.Value-want) > 1e-9*max(1, math.Abs(want)) {
			t.Fatalf("graph %d (n %d, %d edges): value %v, gonum %v\n%v", i, n, len(edges), r.Value, want, edges)
		}
		if v, err := g.MaxFlowValue(s, tt, caps); err != nil || math.Abs(v-r.Value) > 1e-9*max(1, r.Value) {
			t.Fatalf("graph %d: MaxFlowValue %v, %v; MaxFlow %v", i, v, err, r.Value)
		}

		// Lowering capacities never raises the value; raising them never
		// lowers it.
		lower, higher := slices.Clone(caps), slices.Clone(caps)
		for e := range caps {
			switch rng.IntN(4) {
			case 0:
				lower[e] = 0
			case 1:
				lower[e] *= rng.Float64()
				higher[e] += float64(rng.IntN(5))
			}
		}
		tol := 1e-9 * max(1, r.Value)
		if rl, err := g.MaxFlow(s, tt, lower); err == nil {
			check(t, g, s, tt, lower, rl)
			if rl.Value > r.Value+tol {
				t.Fatalf("graph %d: lowering capacities raised the value from %v to %v", i, r.Value, rl.Value)
			}
		} else if !errors.Is(err, flow.ErrInfinite) {
			t.Fatal(err)
		}
		if rh, err := g.MaxFlow(s, tt, higher); err == nil {
			check(t, g, s, tt, higher, rh)
			if rh.Value < r.Value-tol {
				t.Fatalf("graph %d: raising capacities lowered the value from %v to %v", i, r.Value, rh.Value)
			}
		} else if !errors.Is(err, flow.ErrInfinite) {
			t.Fatal(err)
		}
	}
}

// TestMaxFlowInfiniteOracle checks ErrInfinite against a search over the
// infinite edges.
func TestMaxFlowInfiniteOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		n := 2 + rng.IntN(8)
		var edges []edge
		for range rng.IntN(3 * n) {
			c := float64(rng.IntN(5))
			if rng.IntN(3) == 0 {
				c = inf
			}
			edges = append(edges, edge{rng.IntN(n), rng.IntN(n), c})
		}
		g, caps := build(n, edges)
		_, err := g.MaxFlow(0, n-1, caps)
		seen := make([]bool, n)
		seen[0] = true
		for changed := true; changed; {
			changed = false
			for _, e := range edges {
				if seen[e.from] && !seen[e.to] && math.IsInf(e.cap, 1) {
					seen[e.to], changed = true, true
				}
			}
		}
		if errors.Is(err, flow.ErrInfinite) != seen[n-1] {
			t.Fatalf("err %v, infinite path %v: %v", err, seen[n-1], edges)
		}
	}
}

// TestMaxFlowReuse checks that one graph answers many calls, also at once,
// and that a Solver gives the same results as Graph.MaxFlow.
func TestMaxFlowReuse(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	n, edges := 40, []edge(nil)
	for range 300 {
		edges = append(edges, edge{rng.IntN(n), rng.IntN(n), float64(rng.IntN(50))})
	}
	g, caps := build(n, edges)
	want, err := g.MaxFlow(0, n-1, caps)
	if err != nil {
		t.Fatal(err)
	}
	sv := g.NewSolver()
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for e := range caps {
				c := slices.Clone(caps)
				c[e] = 0
				r1, err1 := g.MaxFlow(0, n-1, c)
				r2, err2 := g.MaxFlow(0, n-1, caps)
				if err1 != nil || err2 != nil || r1.Value > want.Value || r2.Value != want.Value || !slices.Equal(r2.Flow, want.Flow) {
					t.Errorf("edge %d removed: %v %v %v %v", e, r1, err1, r2, err2)
					return
				}
			}
		})
	}
	wg.Wait()
	for range 3 {
		r, err := sv.MaxFlow(0, n-1, caps)
		if err != nil || r.Value != want.Value || !slices.Equal(r.Flow, want.Flow) || !slices.Equal(r.Cut, want.Cut) {
			t.Fatalf("solver reuse: %v, %v", r, err)
		}
	}
}
