package flow_test

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/transit/flow"
)

func TestReadEdgeList(t *testing.T) {
	in := "\ufeffnote,To,from,capacity\n" +
		"a,Aktau,Tengiz,5.2\n" +
		"b,\"Novorossiysk, CPC\",Tengiz,67\n" +
		"c,Novorossiysk,\"Novorossiysk, CPC\",inf\n" +
		"d,Tengiz,Tengiz,1e3\n"
	l, err := flow.ReadEdgeList(strings.NewReader(in), "x.csv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Tengiz", "Aktau", "Novorossiysk, CPC", "Novorossiysk"}; !slices.Equal(l.Names, want) {
		t.Errorf("names %q, want %q", l.Names, want)
	}
	if want := []float64{5.2, 67, math.Inf(1), 1000}; !slices.Equal(l.Caps, want) {
		t.Errorf("caps %v, want %v", l.Caps, want)
	}
	if l.Graph.Edges() != 4 || l.Graph.Nodes() != 4 {
		t.Fatalf("%d nodes, %d edges", l.Graph.Nodes(), l.Graph.Edges())
	}
	if u, v := l.Graph.Ends(2); u != 2 || v != 3 {
		t.Errorf("edge 2: %d -> %d, want 2 -> 3", u, v)
	}
	if id, ok := l.Node("Novorossiysk"); !ok || id != 3 {
		t.Errorf("Node(Novorossiysk) = %d, %v", id, ok)
	}
	if _, ok := l.Node("Baku"); ok {
		t.Error("Node(Baku) found")
	}
	s, _ := l.Node("Tengiz")
	tt, _ := l.Node("Novorossiysk")
	if r, err := l.Graph.MaxFlow(s, tt, l.Caps); err != nil || r.Value != 67 {
		t.Errorf("max flow %v, %v; want 67", r, err)
	}
}

func TestReadEdgeListErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", "x.csv: empty file: want a header from,to,capacity"},
		{"from,to\na,b\n", `x.csv:1: header: want columns from, to and capacity, got "from,to"`},
		{"from,to,capacity\na,b,x\n", `x.csv:2:5: field capacity: want a number >= 0, got "x"`},
		{"from,to,capacity\na,b,1\na,b,-2\n", `x.csv:3:5: field capacity: want a number >= 0, got "-2"`},
		{"from,to,capacity\na,b,NaN\n", `x.csv:2:5: field capacity: want a number >= 0, got "NaN"`},
		{"from,to,capacity\na,b,\n", `x.csv:2:5: field capacity: want a number >= 0, got ""`},
		{"from,to,capacity\na,b,1e999\n", `x.csv:2:5: field capacity: want a number >= 0, got "1e999"`},
		{"from,to,capacity\n,b,1\n", `x.csv:2:1: field from: want a node name, got ""`},
		{"capacity,from,to\n1,a,\n", `x.csv:2:5: field to: want a node name, got ""`},
		{"from,to,capacity\na,b,1,2\n", "x.csv:2:1: wrong number of fields"},
		{"from,to,capacity\na,\"b,1\n", "x.csv:2:"},
	} {
		_, err := flow.ReadEdgeList(strings.NewReader(tt.in), "x.csv")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %s", tt.in, err, tt.want)
		}
	}
}

func TestWriteEdgeList(t *testing.T) {
	g, caps := build(3, []edge{{0, 1, 1.5}, {1, 2, inf}, {2, 0, 0}})
	var buf bytes.Buffer
	names := []string{"a", "b,c", `"d"`}
	if err := flow.WriteEdgeList(&buf, g, caps, func(v int) string { return names[v] }); err != nil {
		t.Fatal(err)
	}
	want := "from,to,capacity\na,\"b,c\",1.5\n\"b,c\",\"\"\"d\"\"\",+Inf\n\"\"\"d\"\"\",a,0\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
	if err := flow.WriteEdgeList(&buf, g, caps[:1], func(v int) string { return names[v] }); err == nil {
		t.Error("short capacities: no error")
	}
}

// FuzzReadEdgeList checks that any input is read or rejected without a
// panic, and that what is read is a valid edge list that writes back to
// the same graph.
func FuzzReadEdgeList(f *testing.F) {
	for _, s := range []string{
		"from,to,capacity\na,b,1\nb,c,2.5\n",
		"from,to,capacity\na,b,inf\nb,a,+Inf\n",
		"to,capacity,from,x\nb,0,a,\n",
		"from,to,capacity\n\"a,b\",\"c\"\"d\",1e-3\n",
		"from,to,capacity\na,b,x\n",
		"from,to,capacity\na,a,-1\n",
		"\ufefffrom,to,capacity\r\nA,B,3\r\n",
		"from,to,capacity\n\na,b,1\r\n\r\nb,c,2\r",
		"from,to,capacity\na,b,1,\n",
		"from,to,capacity\na\r,b\r\r,1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		l, err := flow.ReadEdgeList(strings.NewReader(in), "fuzz.csv")
		// Files without quotes take a quicker path than encoding/csv:
		// the same result.
		l2, err2 := flow.ReadEdgeListCSV(in, "fuzz.csv")
		if (err == nil) != (err2 == nil) || err != nil && err.Error() != err2.Error() {
			t.Fatalf("error %v, through encoding/csv %v", err, err2)
		}
		if err == nil && (!slices.Equal(l.Names, l2.Names) || !slices.Equal(l.Caps, l2.Caps) || l.Graph.Edges() != l2.Graph.Edges()) {
			t.Fatalf("read %q %v, through encoding/csv %q %v", l.Names, l.Caps, l2.Names, l2.Caps)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv:") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		g := l.Graph
		if len(l.Caps) != g.Edges() || len(l.Names) != g.Nodes() {
			t.Fatalf("%d caps, %d names for %d edges, %d nodes", len(l.Caps), len(l.Names), g.Edges(), g.Nodes())
		}
		for i, name := range l.Names {
			if id, ok := l.Node(name); !ok || id != i || name == "" {
				t.Fatalf("node %d %q: Node = %d, %v", i, name, id, ok)
			}
		}
		for _, c := range l.Caps {
			if !(c >= 0) {
				t.Fatalf("capacity %v", c)
			}
		}
		var buf bytes.Buffer
		if err := flow.WriteEdgeList(&buf, g, l.Caps, func(v int) string { return l.Names[v] }); err != nil {
			t.Fatal(err)
		}
		l2, err = flow.ReadEdgeList(&buf, "again.csv")
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		if !slices.Equal(l2.Names, l.Names) || !slices.Equal(l2.Caps, l.Caps) || l2.Graph.Edges() != g.Edges() {
			t.Fatalf("round trip: %q %v, want %q %v", l2.Names, l2.Caps, l.Names, l.Caps)
		}
		for e := range g.Edges() {
			u, v := g.Ends(e)
			u2, v2 := l2.Graph.Ends(e)
			if u != u2 || v != v2 {
				t.Fatalf("edge %d: %d -> %d, read back %d -> %d", e, u, v, u2, v2)
			}
		}
		if g.Nodes() >= 2 {
			if _, err := g.MaxFlow(0, g.Nodes()-1, l.Caps); err != nil && !strings.Contains(err.Error(), "infinite") {
				t.Fatal(err)
			}
		}
	})
}
