package storetest

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
)

// pipes returns a dataset "pipes" with one source and a network that uses
// every field of the model, with unknown (NaN) coordinates, capacity and
// share, deliberately not in id order.
func pipes(version string) (*leverage.Dataset, *leverage.Network) {
	d := &leverage.Dataset{Name: "pipes", Version: version, Sources: []*leverage.Source{
		{ID: "p-gem", Kind: leverage.SourceDataset, Title: "Pipeline tracker"},
		{ID: "p-kmg", Kind: leverage.SourceOfficial, Title: "Annual report"},
	}}
	nan := math.NaN()
	n := &leverage.Network{
		Nodes: []leverage.Node{
			{ID: "p-tengiz", Name: "Tengiz", Kind: leverage.ProductionNode, Lat: 46.15, Lon: 53.38, State: "KAZ", Producer: "KAZ"},
			{ID: "p-novo", Name: "Novorossiysk", Kind: leverage.TerminalNode, Lat: 44.72, Lon: 37.77, State: "RUS"},
			{ID: "p-atyrau", Name: "Atyrau", Kind: leverage.JunctionNode, Lat: 47.1, Lon: 51.9, State: "KAZ"},
			{ID: "p-samara", Name: "Samara", Kind: leverage.JunctionNode, Lat: nan, Lon: nan},
			{ID: "p-china", Name: "China", Kind: leverage.MarketNode, Lat: nan, Lon: 82.5},
		},
		Edges: []leverage.Edge{
			{
				ID: "p-cpc", From: "p-tengiz", To: "p-novo", Name: "CPC", Kind: leverage.PipelineEdge, Commodity: "crude",
				Capacity: 66.7, Status: leverage.Operating, Operator: "CPC",
				Owners: []leverage.Stake{{Owner: "Transneft", Share: 0.24}, {Owner: "Others", Share: nan}},
				States: []string{"KAZ", "RUS"}, Asset: "cpc-pipeline", Valid: period("2001", ""),
				Path:    [][2]float64{{46.15, 53.38}, {45.5, 45.1}, {44.72, 37.77}},
				Sources: []string{"p-gem", "p-kmg"},
			},
			{
				ID: "p-uas", From: "p-atyrau", To: "p-samara", Name: "Atyrau-Samara", Kind: leverage.PipelineEdge, Commodity: "crude",
				Capacity: nan, Status: leverage.Mothballed, Valid: period("1970-05-01", "2030-12"), Sources: []string{"p-gem"},
			},
			{
				ID: "p-ngl", From: "p-atyrau", To: "p-china", Name: "NGL line", Kind: leverage.RailEdge, Commodity: "ngl",
				Capacity: 0, Status: leverage.Proposed, States: []string{"KAZ", "CHN"}, Sources: []string{"p-kmg"},
			},
		},
	}
	return d, n
}

// sorted returns a copy of n with nodes and edges ordered by id, as
// NetworkService.Network returns them.
func sorted(n *leverage.Network) *leverage.Network {
	c := &leverage.Network{Nodes: slices.Clone(n.Nodes), Edges: slices.Clone(n.Edges)}
	slices.SortFunc(c.Nodes, func(a, b leverage.Node) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Edges, func(a, b leverage.Edge) int { return strings.Compare(a.ID, b.ID) })
	return c
}

// sameNetwork fails the test unless got and want print alike, which
// counts NaN equal to NaN.
func sameNetwork(t *testing.T, what string, got, want *leverage.Network) {
	t.Helper()
	g, w := fmt.Sprintf("%+v", *got), fmt.Sprintf("%+v", *want)
	if g != w {
		t.Errorf("%s differs\ngot:\n%s\nwant:\n%s", what, g, w)
	}
}

// network reads the network matching f and fails the test on error.
func network(t *testing.T, s leverage.Store, f leverage.NetworkFilter) *leverage.Network {
	t.Helper()
	n, err := s.Network(context.Background(), f)
	if err != nil {
		t.Fatalf("Network(%+v): %v", f, err)
	}
	return n
}

// edgeIDs returns the ids of n's edges and nodes.
func edgeIDs(n *leverage.Network) (edges, nodes []string) {
	edges, nodes = []string{}, []string{}
	for _, e := range n.Edges {
		edges = append(edges, e.ID)
	}
	for _, v := range n.Nodes {
		nodes = append(nodes, v.ID)
	}
	return edges, nodes
}

func testNetwork(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	sameNetwork(t, "empty store", network(t, s, leverage.NetworkFilter{}), &leverage.Network{})
	d, n := pipes("1")
	if err := s.ReplaceNetwork(ctx, d, n); err != nil {
		t.Fatal(err)
	}
	_, want := pipes("1")
	sameNetwork(t, "round trip", network(t, s, leverage.NetworkFilter{}), sorted(want))
	if v, _ := s.DatasetVersion(ctx, "pipes"); v != "1" {
		t.Errorf("version %q, want 1", v)
	}
	srcs, err := s.Sources(ctx, leverage.SourceFilter{IDs: []string{"p-gem"}})
	if err != nil || len(srcs) != 1 {
		t.Errorf("the network's dataset's sources: %v, %v", srcs, err)
	}

	for _, tc := range []struct {
		f            leverage.NetworkFilter
		edges, nodes []string
	}{
		{leverage.NetworkFilter{Commodity: "crude"}, []string{"p-cpc", "p-uas"}, []string{"p-atyrau", "p-novo", "p-samara", "p-tengiz"}},
		{leverage.NetworkFilter{Commodity: "ngl"}, []string{"p-ngl"}, []string{"p-atyrau", "p-china"}},
		{leverage.NetworkFilter{Commodity: "gas"}, []string{}, []string{}},
		{leverage.NetworkFilter{States: []string{"RUS"}}, []string{"p-cpc"}, []string{"p-novo", "p-tengiz"}},
		{leverage.NetworkFilter{States: []string{"CHN", "RUS"}}, []string{"p-cpc", "p-ngl"}, []string{"p-atyrau", "p-china", "p-novo", "p-tengiz"}},
		{leverage.NetworkFilter{Commodity: "crude", States: []string{"KAZ"}}, []string{"p-cpc"}, []string{"p-novo", "p-tengiz"}},
		{leverage.NetworkFilter{States: []string{"ARM"}}, []string{}, []string{}},
	} {
		edges, nodes := edgeIDs(network(t, s, tc.f))
		equal(t, fmt.Sprintf("edges of %+v", tc.f), edges, tc.edges)
		equal(t, fmt.Sprintf("nodes of %+v", tc.f), nodes, tc.nodes)
	}

	// Replacing the dataset replaces its network, and leaves other
	// datasets' alone.
	replace(t, s, alpha("v1"))
	d2, n2 := pipes("2")
	n2.Edges = n2.Edges[:1]
	n2.Nodes = n2.Nodes[:3]
	if err := s.ReplaceNetwork(ctx, d2, n2); err != nil {
		t.Fatal(err)
	}
	edges, nodes := edgeIDs(network(t, s, leverage.NetworkFilter{}))
	equal(t, "edges after replace", edges, []string{"p-cpc"})
	equal(t, "nodes after replace", nodes, []string{"p-atyrau", "p-novo", "p-tengiz"})
	if len(snapshot(t, s, "alpha").Facts) != len(alpha("v1").Facts) {
		t.Error("replacing a network touched another dataset")
	}

	// Storing the dataset alone removes its network.
	if err := s.ReplaceDataset(ctx, d2); err != nil {
		t.Fatal(err)
	}
	sameNetwork(t, "after ReplaceDataset", network(t, s, leverage.NetworkFilter{}), &leverage.Network{})
}

func testNetworkInvalid(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	d, n := pipes("1")
	if err := s.ReplaceNetwork(ctx, d, n); err != nil {
		t.Fatal(err)
	}
	before := network(t, s, leverage.NetworkFilter{})
	for _, tc := range []struct {
		name string
		edit func(d *leverage.Dataset, n *leverage.Network)
		code string
	}{
		{"unknown node", func(_ *leverage.Dataset, n *leverage.Network) { n.Edges[0].To = "p-nowhere" }, leverage.EINVALID},
		{"unknown status", func(_ *leverage.Dataset, n *leverage.Network) { n.Edges[1].Status = "planned" }, leverage.EINVALID},
		{"negative capacity", func(_ *leverage.Dataset, n *leverage.Network) { n.Edges[1].Capacity = -1 }, leverage.EINVALID},
		{"unknown source", func(_ *leverage.Dataset, n *leverage.Network) { n.Edges[2].Sources = []string{"elsewhere"} }, leverage.EINVALID},
		{"bad latitude", func(_ *leverage.Dataset, n *leverage.Network) { n.Nodes[1].Lat = 91 }, leverage.EINVALID},
		{"NaN path", func(_ *leverage.Dataset, n *leverage.Network) { n.Edges[0].Path[1][0] = math.NaN() }, leverage.EINVALID},
		{"bad date", func(_ *leverage.Dataset, n *leverage.Network) {
			n.Edges[0].Valid.From = leverage.Date{Year: 2001, Month: 13}
		}, leverage.EINVALID},
		{"node twice", func(_ *leverage.Dataset, n *leverage.Network) { n.Nodes = append(n.Nodes, n.Nodes[0]) }, leverage.ECONFLICT},
		{"invalid dataset", func(d *leverage.Dataset, _ *leverage.Network) { d.Sources[0].Title = "" }, leverage.EINVALID},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, n := pipes("2")
			tc.edit(d, n)
			if err := s.ReplaceNetwork(ctx, d, n); leverage.ErrorCode(err) != tc.code {
				t.Errorf("got %v, want %s", err, tc.code)
			}
			sameNetwork(t, "after a failed replace", network(t, s, leverage.NetworkFilter{}), before)
			if v, _ := s.DatasetVersion(ctx, "pipes"); v != "1" {
				t.Errorf("version after a failed replace %q, want 1", v)
			}
		})
	}
}

func testNetworkConflict(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	d, n := pipes("1")
	if err := s.ReplaceNetwork(ctx, d, n); err != nil {
		t.Fatal(err)
	}
	before := network(t, s, leverage.NetworkFilter{})
	// other is a second dataset whose network is valid on its own.
	other := func() (*leverage.Dataset, *leverage.Network) {
		d := &leverage.Dataset{Name: "other", Version: "1", Sources: []*leverage.Source{{ID: "o-src", Kind: leverage.SourceDataset, Title: "Other"}}}
		n := &leverage.Network{
			Nodes: []leverage.Node{{ID: "o-a", Kind: leverage.JunctionNode, Lat: 1, Lon: 2}, {ID: "o-b", Kind: leverage.MarketNode, Lat: 3, Lon: 4}},
			Edges: []leverage.Edge{{ID: "o-ab", From: "o-a", To: "o-b", Kind: leverage.TankerEdge, Commodity: "crude", Capacity: 1, Status: leverage.Operating, Sources: []string{"o-src"}}},
		}
		return d, n
	}
	for _, tc := range []struct {
		name string
		edit func(n *leverage.Network)
	}{
		{"node", func(n *leverage.Network) {
			n.Nodes[1].ID = "p-novo"
			n.Edges[0].To = "p-novo"
		}},
		{"edge", func(n *leverage.Network) { n.Edges[0].ID = "p-cpc" }},
		{"late edge", func(n *leverage.Network) {
			for i := range 600 {
				e := n.Edges[0]
				e.ID = fmt.Sprintf("o-%d", i)
				n.Edges = append(n.Edges, e)
			}
			e := n.Edges[0]
			e.ID = "p-uas"
			n.Edges = append(n.Edges, e)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, n := other()
			tc.edit(n)
			err := s.ReplaceNetwork(ctx, d, n)
			if leverage.ErrorCode(err) != leverage.ECONFLICT {
				t.Fatalf("got %v, want ECONFLICT", err)
			}
			if msg := err.Error(); strings.Contains(strings.ToLower(msg), "constraint") {
				t.Errorf("error %q shows the driver's text", msg)
			}
			sameNetwork(t, "after a conflict", network(t, s, leverage.NetworkFilter{}), before)
			if v, _ := s.DatasetVersion(ctx, "other"); v != "" {
				t.Errorf("dataset other stored as %q after a conflict", v)
			}
		})
	}
	d2, n2 := other()
	if err := s.ReplaceNetwork(ctx, d2, n2); err != nil {
		t.Fatal(err)
	}
	edges, _ := edgeIDs(network(t, s, leverage.NetworkFilter{}))
	equal(t, "edges of two datasets", edges, []string{"o-ab", "p-cpc", "p-ngl", "p-uas"})
}
