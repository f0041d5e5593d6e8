package gem

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
	"github.com/leverage-dev/leverage/importer/importertest"
	"github.com/leverage-dev/leverage/transit"
)

func crosswalk(t testing.TB) *country.Crosswalk {
	t.Helper()
	cw, err := country.Load()
	if err != nil {
		t.Fatal(err)
	}
	return cw
}

// check fails the test unless r is storable: a valid dataset citing its
// one source, and a valid network whose edges cite it.
func check(t testing.TB, r *Result) {
	t.Helper()
	if err := r.Dataset.Validate(); err != nil {
		t.Fatalf("dataset: %v", err)
	}
	if len(r.Dataset.Sources) != 1 || r.Dataset.Sources[0].ID != Dataset {
		t.Fatalf("sources %v, want one with id %s", r.Dataset.Sources, Dataset)
	}
	if err := r.Network.Validate(); err != nil {
		t.Fatalf("network: %v", err)
	}
	for _, v := range r.Network.Nodes {
		if !strings.HasPrefix(v.ID, Dataset+"/") {
			t.Fatalf("node id %s lacks the dataset's prefix", v.ID)
		}
	}
	for _, e := range r.Network.Edges {
		if !strings.HasPrefix(e.ID, Dataset+"/") || !slices.Equal(e.Sources, []string{Dataset}) {
			t.Fatalf("edge %s: id without the dataset's prefix, or sources %q", e.ID, e.Sources)
		}
	}
}

// edges returns r's edges by id.
func edges(r *Result) map[string]leverage.Edge {
	m := map[string]leverage.Edge{}
	for _, e := range r.Network.Edges {
		m[e.ID] = e
	}
	return m
}

func TestMtPerYear(t *testing.T) {
	for _, tc := range []struct{ bbl, mt float64 }{{1340000, 66.7}, {20000, 1.0}, {0, 0}} {
		if got := transit.MtPerYear(tc.bbl); math.Abs(got-tc.mt) > 0.05 {
			t.Errorf("MtPerYear(%g) = %g, want about %g", tc.bbl, got, tc.mt)
		}
	}
}

func TestImport(t *testing.T) {
	r, err := Import(importertest.Files(t, "testdata", "goit.csv"), crosswalk(t))
	if err != nil {
		t.Fatal(err)
	}
	check(t, r)
	want := Counts{Units: 8, Segments: 9, Endpoints: 18, Snapped: 5, Junctions: 1, Dropped: 2, Nodes: 12, Edges: 8,
		NoCapacity: 3, NoStates: 2, Ambiguous: 1}
	if r.Counts != want {
		t.Errorf("counts\n%+v, want\n%+v", r.Counts, want)
	}
	es := edges(r)
	var ids []string
	for _, e := range r.Network.Edges {
		ids = append(ids, e.ID)
	}
	wantIDs := []string{
		"gem-oil/alpha-pipeline/1", "gem-oil/alpha-pipeline/2", "gem-oil/beta-pipeline--beta-1/1",
		"gem-oil/gamma-line/1.1", "gem-oil/gamma-line/1.2", "gem-oil/delta/1", "gem-oil/epsilon/1", "gem-oil/eta/2",
	}
	if !slices.Equal(ids, wantIDs) {
		t.Fatalf("edges %q, want %q", ids, wantIDs)
	}

	// Alpha's two segments meet where the first ends; Beta starts 2.4 km
	// from Alpha's end and joins it; Gamma passes 2.3 km from the joint
	// of Alpha's segments and is split there.
	a1, a2, b1 := es["gem-oil/alpha-pipeline/1"], es["gem-oil/alpha-pipeline/2"], es["gem-oil/beta-pipeline--beta-1/1"]
	g1, g2 := es["gem-oil/gamma-line/1.1"], es["gem-oil/gamma-line/1.2"]
	const (
		nodeA = "gem-oil/node/46.0000_53.0000"
		nodeB = "gem-oil/node/46.5000_50.0000"
		nodeC = "gem-oil/node/47.0000_48.0000"
	)
	for _, tc := range []struct {
		e        leverage.Edge
		from, to string
	}{
		{a1, nodeA, nodeB}, {a2, nodeB, nodeC}, {b1, nodeC, "gem-oil/node/48.0000_45.0000"},
		{g1, "gem-oil/node/45.0000_50.0300", nodeB}, {g2, nodeB, "gem-oil/node/48.0000_50.0300"},
	} {
		if tc.e.From != tc.from || tc.e.To != tc.to {
			t.Errorf("edge %s: %s -> %s, want %s -> %s", tc.e.ID, tc.e.From, tc.e.To, tc.from, tc.to)
		}
	}

	// The attributes.
	if got := fmt.Sprintf("%.2f %s %s %v %q %v %s %v", a1.Capacity, a1.Commodity, a1.Status, a1.Owners, a1.States, a1.Valid.From, a1.Asset, a1.Path); got !=
		`66.73 crude operating [{Transneft 1} {Chevron 0.15}] ["KAZ"] 2001 gem-oil/alpha-pipeline [[46 53] [46.2 51.5] [46.5 50]]` {
		t.Errorf("alpha/1: %s", got)
	}
	if a1.Name != "Alpha Pipeline" || b1.Name != "Beta 1" || b1.Asset != "gem-oil/beta-pipeline" {
		t.Errorf("names %q, %q, asset %q", a1.Name, b1.Name, b1.Asset)
	}
	if !math.IsNaN(b1.Capacity) || b1.Status != leverage.Construction || !slices.Equal(b1.States, []string{"KAZ", "RUS"}) ||
		len(b1.Owners) != 1 || !math.IsNaN(b1.Owners[0].Share) || !b1.Valid.From.IsZero() {
		t.Errorf("beta/1: %+v", b1)
	}
	if g1.Commodity != "ngl" || math.Abs(g1.Capacity-0.9959) > 1e-4 || g1.Status != leverage.Proposed || !g1.Valid.From.IsZero() {
		t.Errorf("gamma/1.1: %+v", g1)
	}
	// The split point is on Gamma's line, level with the node.
	if len(g1.Path) != 2 || g1.Path[1] != [2]float64{46.5, 50.03} || g2.Path[0] != g1.Path[1] || g2.Path[1] != [2]float64{48, 50.03} {
		t.Errorf("gamma's paths %v, %v", g1.Path, g2.Path)
	}
	for id, states := range map[string][]string{"gem-oil/delta/1": nil, "gem-oil/epsilon/1": nil, "gem-oil/eta/2": {"CHN"}} {
		if got := es[id].States; !slices.Equal(got, states) {
			t.Errorf("%s: states %q, want %q", id, got, states)
		}
	}

	// A node lies in a state when every edge it joins lies in that state
	// alone.
	nodeStates := map[string]string{}
	for _, v := range r.Network.Nodes {
		nodeStates[v.ID] = v.State
		if v.Kind != leverage.JunctionNode || v.Name == "" {
			t.Errorf("node %+v", v)
		}
	}
	if nodeStates[nodeA] != "KAZ" || nodeStates[nodeB] != "" || nodeStates[nodeC] != "" {
		t.Errorf("node states %v", nodeStates)
	}

	var unplaced, notes []string
	for _, p := range r.Unplaced {
		unplaced = append(unplaced, p.String())
	}
	for _, p := range r.Notes {
		notes = append(notes, p.String())
	}
	wantUnplaced := []string{
		`goit.csv:5: Delta: countries "Palestine" not in the crosswalk: states unknown`,
		`goit.csv:6: Epsilon: no countries given: states unknown`,
		`goit.csv:7: Zeta: a point, not a route: no edges`,
		`goit.csv:9: Theta: every segment dropped: no edges`,
	}
	wantNotes := []string{
		`goit.csv:3: Beta 1: 2 states over 1 segments: each edge lies in all of them`,
		`goit.csv:4: Gamma Line: start year "abc" is not a year: ignored`,
		`goit.csv:8: Eta: segment 1: both ends snap to one node: dropped`,
		`goit.csv:9: Theta: segment 1: both ends snap to one node: dropped`,
	}
	if !slices.Equal(unplaced, wantUnplaced) {
		t.Errorf("unplaced\n%s\nwant\n%s", strings.Join(unplaced, "\n"), strings.Join(wantUnplaced, "\n"))
	}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("notes\n%s\nwant\n%s", strings.Join(notes, "\n"), strings.Join(wantNotes, "\n"))
	}
}

// TestSnapOrder checks that an endpoint joins the nearest node within
// reach, and that nodes stay where their first endpoint lies.
func TestSnapOrder(t *testing.T) {
	in := "project,unit,type,parent,countries,status,start_year,capacity,route\n" +
		"A,,oil_pipelines,,Russia,operating,,,\"50.0,40.0:51.0,40.0\"\n" +
		"B,,oil_pipelines,,Russia,operating,,,\"50.06,40.0:49.0,41.0\"\n" + // 6.7 km from A's start: a node of its own
		"C,,oil_pipelines,,Russia,operating,,,\"50.035,40.0:49.0,39.0\"\n" + // 3.9 km from A's start, 2.8 km from B's: B's
		"D,,oil_pipelines,,Russia,operating,,,\"51.0,219.9:52.0,40.0\"\n"
	_, err := Import([]importer.File{{Name: "f.csv", Data: []byte(in)}}, crosswalk(t))
	if err == nil || !strings.Contains(err.Error(), "f.csv:5:") {
		t.Fatalf("longitude 219.9: got %v", err)
	}
	in = strings.Replace(in, "219.9", "40.03", 1) // 2.1 km from A's end
	r, err := Import([]importer.File{{Name: "f.csv", Data: []byte(in)}}, crosswalk(t))
	if err != nil {
		t.Fatal(err)
	}
	check(t, r)
	es := edges(r)
	// C starts nearer B's start than A's, and passes A's start at once.
	if c := es["gem-oil/c/1.1"]; c.From != "gem-oil/node/50.0600_40.0000" || c.To != "gem-oil/node/50.0000_40.0000" {
		t.Errorf("C's first part: %s -> %s, want from B's start to A's", c.From, c.To)
	}
	if got := es["gem-oil/d/1"].From; got != "gem-oil/node/51.0000_40.0000" {
		t.Errorf("D starts at %s, want A's end", got)
	}
}

// TestAntimeridian checks snapping across longitude ±180.
func TestAntimeridian(t *testing.T) {
	in := "project,unit,type,parent,countries,status,start_year,capacity,route\n" +
		"A,,oil_pipelines,,Russia,operating,,,\"65.0,170.0:65.0,179.99\"\n" +
		"B,,oil_pipelines,,United States,operating,,,\"65.0,-179.99:65.0,-170.0\"\n"
	r, err := Import([]importer.File{{Name: "f.csv", Data: []byte(in)}}, crosswalk(t))
	if err != nil {
		t.Fatal(err)
	}
	es := edges(r)
	if es["gem-oil/a/1"].To != es["gem-oil/b/1"].From {
		t.Errorf("A ends at %s, B starts at %s: want one node", es["gem-oil/a/1"].To, es["gem-oil/b/1"].From)
	}
}

func TestErrors(t *testing.T) {
	cw := crosswalk(t)
	const header = "project,unit,type,parent,countries,status,start_year,capacity,geom,route,url\n"
	for _, tc := range []struct {
		row, want string
	}{
		{`A,,oil_pipelines,,Russia,planned,,,line,"1,2:3,4",`,
			`f.csv:2:26: field status: unknown status "planned" (want operating, idle, mothballed, construction, proposed, cancelled, shelved or retired)`},
		{`A,,oil_pipelines,,Russia,operating,,,line,"1,2:3,4:4x,5",`,
			`f.csv:2:52: field route: want a point latitude,longitude in degrees, got "4x,5"`},
		{`A,,oil_pipelines,,Russia,operating,,,line,"1,2;3,4:95,5",`,
			`f.csv:2:52: field route: want a point latitude,longitude in degrees, got "95,5"`},
		{`A,,oil_pipelines,,Russia,operating,,,line,1:2,`,
			`f.csv:2:43: field route: want a point latitude,longitude in degrees, got "1"`},
		{`A,,oil_pipelines,,Russia,operating,,12a,line,"1,2:3,4",`,
			`f.csv:2:37: field capacity: want a number, got "12a"`},
		{`A,,oil_pipelines,,Russia,operating,,-5,line,"1,2:3,4",`,
			`f.csv:2:37: field capacity: want a number of at least 0, got "-5"`},
		{`A,,gas_pipelines,,Russia,operating,,,line,"1,2:3,4",`,
			`f.csv:2:4: field type: want oil_pipelines or ngl_pipelines, got "gas_pipelines"`},
		{`A,,oil_pipelines,"X [50%]; Shell [150.0%]",Russia,operating,,,line,"1,2:3,4",`,
			`f.csv:2:34: field parent: want a share from 0% to 100% or "unknown %", got "150.0%"`},
		{`A,,oil_pipelines,"X [50]",Russia,operating,,,line,"1,2:3,4",`,
			`f.csv:2:21: field parent: want a share from 0% to 100% or "unknown %", got "50"`},
		{`,,oil_pipelines,,Russia,operating,,,line,"1,2:3,4",`,
			`f.csv:2:1: field project: want the name of a project or unit`},
		{`A,,oil_pipelines,,Russia,operating,,,line,"1,2:3,4`,
			`f.csv:2:52: extraneous or missing " in quoted-field`},
	} {
		_, err := Import([]importer.File{{Name: "f.csv", Data: []byte(header + tc.row + "\n")}}, cw)
		if err == nil || err.Error() != tc.want {
			t.Errorf("row %s:\ngot  %v\nwant %s", tc.row, err, tc.want)
		}
	}
	_, err := Import([]importer.File{{Name: "f.csv", Data: []byte("project,unit,type\n")}}, cw)
	if err == nil || !strings.HasPrefix(err.Error(), "f.csv:1: missing column parent") {
		t.Errorf("missing columns: %v", err)
	}
}

func TestSharedData(t *testing.T) {
	files := importertest.ReadShared(t, "gem/goit_map_data.csv")
	start := time.Now()
	r, err := Import(files, crosswalk(t))
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	check(t, r)
	t.Logf("%s: %+v, %d unplaced, %d notes, in %v", files[0].Name, r.Counts, len(r.Unplaced), len(r.Notes), elapsed)
	if r.Counts.Units != 1018 || r.Counts.Edges < 1500 || r.Counts.Nodes < 1000 {
		t.Errorf("counts %+v: want 1018 units and a network of thousands of edges", r.Counts)
	}
	var cpc, atasu int
	for _, e := range r.Network.Edges {
		switch {
		case e.Asset == "gem-oil/caspian-pipeline":
			cpc++
			if math.Abs(e.Capacity-66.7) > 0.1 || !slices.Equal(e.States, []string{"KAZ", "RUS"}) || e.Status != leverage.Operating ||
				e.Valid.From.Year != 2001 || e.Commodity != "crude" {
				t.Errorf("CPC edge %s: %.2f Mt/y, states %q, %s from %v; want 66.7, KAZ and RUS, operating from 2001", e.ID, e.Capacity, e.States, e.Status, e.Valid.From)
			}
		case e.Name == "Atasu-Alashankou":
			atasu++
			if !slices.Equal(e.States, []string{"KAZ", "CHN"}) {
				t.Errorf("Atasu-Alashankou edge %s: states %q, want KAZ and CHN", e.ID, e.States)
			}
		}
	}
	if cpc == 0 || atasu == 0 {
		t.Errorf("%d CPC edges, %d Atasu-Alashankou edges; want some of each", cpc, atasu)
	}
	uzen := slices.ContainsFunc(r.Unplaced, func(p Problem) bool {
		return strings.HasPrefix(p.Unit, "Uzen-Atyrau-Samara") && strings.Contains(p.Reason, "no countries")
	})
	if !uzen {
		t.Error("Uzen-Atyrau-Samara not reported unplaced")
	}
	if elapsed > 5*time.Second {
		t.Errorf("import took %v; want well under a second", elapsed)
	}
	// The same input gives the same network.
	again, err := Import(files, crosswalk(t))
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(again.Network) != fmt.Sprint(r.Network) {
		t.Error("a second import differs")
	}
}

func BenchmarkImport(b *testing.B) {
	files := importertest.ReadShared(b, "gem/goit_map_data.csv")
	cw := crosswalk(b)
	for b.Loop() {
		if _, err := Import(files, cw); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzImport(f *testing.F) {
	cw := crosswalk(f)
	for _, fl := range importertest.Files(f, "testdata", "goit.csv") {
		f.Add(fl.Data)
	}
	f.Add([]byte("project,unit,type,parent,countries,status,start_year,capacity,route\nA,,oil_pipelines,X [1%],Russia,idle,1,1,\"1,2:1,2.1;;1,2.1:1,2\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := Import([]importer.File{{Name: "f.csv", Data: data}}, cw); err == nil {
			check(t, r)
		}
	})
}
