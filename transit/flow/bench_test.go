package flow_test

import (
	"bytes"
	"sync"
	"testing"

	"github.com/leverage-dev/leverage/transit/flow"
	"github.com/leverage-dev/leverage/transit/flow/internal/gen"
)

// instances caches the generated benchmark instances by size.
var instances = sync.OnceValue(func() map[int][]*gen.Instance {
	m := map[int][]*gen.Instance{}
	for _, exp := range gen.Sizes() {
		m[exp] = gen.Families(exp)
	}
	return m
})

// BenchmarkMaxFlow times MaxFlow (flow, cut and all) on the families of
// package gen at 10^4, 10^5 and 10^6 edges.
func BenchmarkMaxFlow(b *testing.B) {
	for _, exp := range gen.Sizes() {
		for _, in := range instances()[exp] {
			b.Run(in.Name, func(b *testing.B) {
				var v float64
				for b.Loop() {
					r, err := in.Graph.MaxFlow(in.S, in.T, in.Caps)
					if err != nil {
						b.Fatal(err)
					}
					v = r.Value
				}
				b.ReportMetric(v, "flow")
			})
		}
	}
}

// BenchmarkMaxFlowValue times MaxFlowValue, the value only.
func BenchmarkMaxFlowValue(b *testing.B) {
	for _, exp := range gen.Sizes() {
		for _, in := range instances()[exp] {
			b.Run(in.Name, func(b *testing.B) {
				var v float64
				for b.Loop() {
					var err error
					if v, err = in.Graph.MaxFlowValue(in.S, in.T, in.Caps); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(v, "flow")
			})
		}
	}
}

// BenchmarkReadEdgeList times reading the 10^5-edge instances from CSV.
func BenchmarkReadEdgeList(b *testing.B) {
	for _, in := range instances()[5] {
		var buf bytes.Buffer
		if err := in.WriteCSV(&buf); err != nil {
			b.Fatal(err)
		}
		b.Run(in.Name, func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				if _, err := flow.ReadEdgeList(bytes.NewReader(buf.Bytes()), in.Name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBenchFamilies checks the flows of small instances of the benchmark
// families, and their values against gonum's.
func TestBenchFamilies(t *testing.T) {
	for _, in := range []*gen.Instance{gen.RMF(4, 12, 1), gen.Layered(20, 20, 3, 2), gen.Random(400, 1600, 3)} {
		r, err := in.Graph.MaxFlow(in.S, in.T, in.Caps)
		if err != nil {
			t.Fatal(err)
		}
		check(t, in.Graph, in.S, in.T, in.Caps, r)
		var edges []edge
		for e, c := range in.Caps {
			u, v := in.Graph.Ends(e)
			edges = append(edges, edge{u, v, c})
		}
		if want := oracle(in.Graph.Nodes(), edges, in.S, in.T); r.Value != want {
			t.Errorf("%s: value %v, gonum %v", in.Name, r.Value, want)
		}
	}
}

// TestBenchFlows checks the flows on the 10⁵- and 10⁶-edge benchmark
// networks: feasible, conserved, and equal to the capacity of the cut.
func TestBenchFlows(t *testing.T) {
	if testing.Short() {
		t.Skip("solves six networks of up to a million edges; skipped with -short")
	}
	for _, exp := range []int{5, 6} {
		for _, in := range instances()[exp] {
			r, err := in.Graph.MaxFlow(in.S, in.T, in.Caps)
			if err != nil {
				t.Fatal(err)
			}
			check(t, in.Graph, in.S, in.T, in.Caps, r)
		}
	}
}
