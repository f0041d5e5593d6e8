// Package gen generates the deterministic max-flow instances the
// benchmarks of package flow run on, and that flowbench writes as CSV
// edge lists for NetworkX and igraph.
//
// Three families, each with integer capacities:
//
//   - rmf: Goldfarb & Grigoriadis' GENRMF (as in the DIMACS challenge and
//     Cherkassky & Goldberg 1997): b frames of a×a grids. Inside a frame
//     each node has arcs to its four neighbours of capacity c2·a²; each
//     node has one arc to a node of the next frame, by a random
//     permutation, with a capacity uniform in [c1, c2] = [1, 10000]. The
//     source is a corner of the first frame, the sink a corner of the
//     last.
//   - layered: a random level graph after the Washington generator's RLG:
//     w×l nodes in l levels of w; each node has arcs to d = 3 distinct
//     random nodes of the next level, capacity uniform in [1, 10000]; the
//     source feeds every node of the first level and every node of the
//     last feeds the sink, capacity 30000.
//   - random: a sparse random digraph: n nodes, m distinct random arcs
//     (no self-loops), capacity uniform in [1, 10000], with the source
//     and the sink each joined to √n random nodes.
//
// No family has parallel edges, so NetworkX's DiGraph holds them as they
// are. All randomness comes from math/rand/v2's PCG with a fixed seed.
package gen

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"

	"github.com/leverage-dev/leverage/transit/flow"
)

// Instance is a max-flow problem.
type Instance struct {
	Name  string // family-size, e.g. rmf-1e5
	Graph *flow.Graph
	Caps  []float64
	S, T  int
}

// WriteCSV writes the instance as an edge list: nodes are named s, t and
// by their id.
func (in *Instance) WriteCSV(w io.Writer) error {
	return flow.WriteEdgeList(w, in.Graph, in.Caps, func(v int) string {
		switch v {
		case in.S:
			return "s"
		case in.T:
			return "t"
		}
		return strconv.Itoa(v)
	})
}

// Sizes returns the edge counts the benchmarks use, as exponents of ten.
func Sizes() []int { return []int{4, 5, 6} }

// Families returns the instances of about 10^exp edges of every family.
func Families(exp int) []*Instance {
	m := int(math.Pow10(exp))
	return []*Instance{RMFEdges(m), LayeredEdges(m), RandomEdges(m)}
}

const maxCap = 10000

func capacity(rng *rand.Rand) float64 { return float64(1 + rng.IntN(maxCap)) }

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed)) }

// RMFEdges returns the GENRMF instance of about m edges, with frames a
// quarter as wide as the grid is long (b ≈ 4a).
func RMFEdges(m int) *Instance {
	// m = b(5a² - 4a) - a² with b = 4a.
	a := 2
	for (4*(a+1))*(5*(a+1)*(a+1)-4*(a+1))-(a+1)*(a+1) <= m {
		a++
	}
	b := (m + a*a) / (5*a*a - 4*a)
	in := RMF(a, b, uint64(m))
	in.Name = fmt.Sprintf("rmf-1e%d", int(math.Round(math.Log10(float64(m)))))
	return in
}

// RMF returns the GENRMF instance of b frames of a×a nodes.
func RMF(a, b int, seed uint64) *Instance {
	rng := newRand(seed)
	fr := a * a
	n := fr * b
	bl := flow.NewBuilder(n)
	var caps []float64
	add := func(u, v int, c float64) {
		bl.AddEdge(u, v)
		caps = append(caps, c)
	}
	inner := float64(maxCap * a * a)
	for k := range b {
		base := k * fr
		for i := range a {
			for j := range a {
				u := base + i*a + j
				if j+1 < a {
					add(u, u+1, inner)
					add(u+1, u, inner)
				}
				if i+1 < a {
					add(u, u+a, inner)
					add(u+a, u, inner)
				}
			}
		}
		if k+1 < b {
			perm := rng.Perm(fr)
			for i := range fr {
				add(base+i, base+fr+perm[i], capacity(rng))
			}
		}
	}
	return &Instance{Name: fmt.Sprintf("rmf-%dx%d", a, b), Graph: bl.Build(), Caps: caps, S: 0, T: n - 1}
}

// LayeredEdges returns the random level graph of about m edges, with as
// many levels as nodes in a level.
func LayeredEdges(m int) *Instance {
	const d = 3
	w := int(math.Sqrt(float64(m) / d))
	in := Layered(w, w, d, uint64(m))
	in.Name = fmt.Sprintf("layered-1e%d", int(math.Round(math.Log10(float64(m)))))
	return in
}

// Layered returns a random level graph of l levels of w nodes, each node
// with arcs to d distinct nodes of the next level.
func Layered(w, l, d int, seed uint64) *Instance {
	rng := newRand(seed)
	n := w*l + 2
	s, t := w*l, w*l+1
	bl := flow.NewBuilder(n)
	var caps []float64
	add := func(u, v int, c float64) {
		bl.AddEdge(u, v)
		caps = append(caps, c)
	}
	for i := range w {
		add(s, i, float64(d*maxCap))
	}
	picked := make([]int, 0, d)
	for k := 0; k+1 < l; k++ {
		for i := range w {
			picked = picked[:0]
			for len(picked) < min(d, w) {
				j := rng.IntN(w)
				dup := false
				for _, p := range picked {
					dup = dup || p == j
				}
				if !dup {
					picked = append(picked, j)
					add(k*w+i, (k+1)*w+j, capacity(rng))
				}
			}
		}
	}
	for i := range w {
		add((l-1)*w+i, t, float64(d*maxCap))
	}
	return &Instance{Name: fmt.Sprintf("layered-%dx%d", w, l), Graph: bl.Build(), Caps: caps, S: s, T: t}
}

// RandomEdges returns the sparse random instance of about m edges, with
// four edges per node.
func RandomEdges(m int) *Instance {
	in := Random(m/4, m, uint64(m))
	in.Name = fmt.Sprintf("random-1e%d", int(math.Round(math.Log10(float64(m)))))
	return in
}

// Random returns a random digraph of n nodes and m distinct edges,
// source and sink included: the source has edges to √n random nodes and
// √n random nodes have edges to the sink.
func Random(n, m int, seed uint64) *Instance {
	rng := newRand(seed)
	s, t := 0, n-1
	bl := flow.NewBuilder(n)
	var caps []float64
	seen := map[[2]int32]bool{}
	add := func(u, v int) {
		k := [2]int32{int32(u), int32(v)}
		if u == v || seen[k] || v == s || u == t {
			return
		}
		seen[k] = true
		bl.AddEdge(u, v)
		caps = append(caps, capacity(rng))
	}
	k := int(math.Sqrt(float64(n)))
	for len(caps) < k {
		add(s, rng.IntN(n))
	}
	for len(caps) < 2*k {
		add(rng.IntN(n), t)
	}
	for len(caps) < m {
		add(rng.IntN(n), rng.IntN(n))
	}
	return &Instance{Name: fmt.Sprintf("random-%d-%d", n, m), Graph: bl.Build(), Caps: caps, S: s, T: t}
}
