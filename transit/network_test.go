package transit_test

import (
	"slices"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/transit"
)

// gemLike is a small network in the shape of an imported one: Kazakh
// feeders into two cross-border lines (one to Russia, whose ends meet
// nothing else but a Russian line at the far end; one to China drawn from
// the border inward), and lines elsewhere.
func gemLike() *leverage.Network {
	node := func(id string) leverage.Node {
		return leverage.Node{ID: id, Name: id, Kind: leverage.JunctionNode}
	}
	edge := func(id, from, to string, c float64, states ...string) leverage.Edge {
		return leverage.Edge{ID: id, From: from, To: to, Name: id, Kind: leverage.PipelineEdge, Commodity: "crude",
			Capacity: c, Status: leverage.Operating, States: states, Asset: id, Sources: []string{"test"}}
	}
	n := &leverage.Network{}
	for _, id := range []string{"tengiz", "atyrau", "novo", "port", "border", "china", "kumkol", "x", "y"} {
		n.Nodes = append(n.Nodes, node(id))
	}
	n.Edges = []leverage.Edge{
		edge("feeder", "tengiz", "atyrau", 100, "KAZ"),
		edge("cpc", "atyrau", "novo", 67, "KAZ", "RUS"),
		edge("novo-port", "novo", "port", 80, "RUS"),
		edge("alashankou", "border", "kumkol", 20, "KAZ", "CHN"), // drawn from the border inward
		edge("kumkol-feed", "kumkol", "atyrau", 6, "KAZ"),
		edge("elsewhere", "x", "y", 500, "USA"),
	}
	unknown := edge("unknown", "tengiz", "x", 0, "KAZ", "USA")
	unknown.Capacity = nan
	planned := edge("planned", "tengiz", "y", 30, "KAZ", "USA")
	planned.Status = leverage.Proposed
	n.Edges = append(n.Edges, unknown, planned)
	return n
}

func TestNetworkSystem(t *testing.T) {
	sys, st := transit.NewNetworkSystem("KAZ", "crude", gemLike(), 0, time.Time{})
	if st.Edges != 6 || st.UnknownCapacity != 1 {
		t.Errorf("stats %+v, want 6 edges kept and 1 without capacity", st)
	}
	fl, err := sys.Flow(nil)
	if err != nil {
		t.Fatal(err)
	}
	// CPC 67 out to Russia; the China line's inner end meets a Kazakh
	// line, so its border end is abroad: 20 Mt/y, fed at Kumkol (every node
	// on the exporter's side may inject).
	if !near(fl.Value, 87, 1e-9) {
		t.Errorf("export capacity %v, want 87", fl.Value)
	}
	var cut []string
	for _, i := range fl.Cut {
		cut = append(cut, sys.Parts[i].Asset)
	}
	slices.Sort(cut)
	if !slices.Equal(cut, []string{"alashankou", "cpc"}) {
		t.Errorf("cut %v, want alashankou and cpc", cut)
	}
	ch := sys.Chokepoints(nil)
	if len(ch) < 2 || ch[0].State != "RUS" || !near(ch[0].Lost, 67, 1e-9) || ch[1].State != "CHN" || !near(ch[1].Lost, 20, 1e-9) {
		t.Errorf("chokepoints %+v, want RUS 67 then CHN 20", ch)
	}
	if got := sys.WithoutAsset("cpc"); !near(got, 20, 1e-9) {
		t.Errorf("without CPC %v, want 20", got)
	}
	// A state the flow never touches loses nothing.
	for _, c := range ch {
		if c.State == "USA" && c.Lost != 0 {
			t.Errorf("USA loses %v", c.Lost)
		}
	}
}

func TestNetworkSystemAssumed(t *testing.T) {
	// The unknown line KAZ–USA gets 10 Mt/y: an exit of its own.
	sys, st := transit.NewNetworkSystem("KAZ", "crude", gemLike(), 10, time.Time{})
	if st.Assumed != 1 || st.Edges != 7 {
		t.Errorf("stats %+v, want 1 assumed of 7 edges", st)
	}
	if got := sys.Capacity(); !near(got, 97, 1e-9) {
		t.Errorf("capacity %v, want 97", got)
	}
}

// BenchmarkNetworkChokepoints builds an exporter's system from the whole
// GEM network and ranks every state's chokepoint leverage over it.
func BenchmarkNetworkChokepoints(b *testing.B) {
	n := sharedGEM(b)
	for _, exporter := range []string{"KAZ", "USA", "RUS"} {
		b.Run(exporter, func(b *testing.B) {
			for b.Loop() {
				sys, _ := transit.NewNetworkSystem(exporter, "crude", n, 10, time.Time{})
				sys.Chokepoints(nil)
			}
		})
	}
}

func TestNetworkSystemAsOf(t *testing.T) {
	n := gemLike()
	for i := range n.Edges {
		if n.Edges[i].ID == "cpc" {
			n.Edges[i].Valid.From = leverage.MustDate("2001")
		}
	}
	sys, _ := transit.NewNetworkSystem("KAZ", "crude", n, 0, time.Date(2000, 6, 1, 0, 0, 0, 0, time.UTC))
	if got := sys.Capacity(); !near(got, 20, 1e-9) {
		t.Errorf("capacity in 2000 = %v, want 20: the CPC started in 2001", got)
	}
}
