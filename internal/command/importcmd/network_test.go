package importcmd_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer/importertest"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/sqlite"
)

const goit = `project,unit,type,parent,countries,status,start_year,capacity,geom,route,url
Caspian Pipeline,,oil_pipelines,Transneft [24.00%]; Chevron [15.00%],"Kazakhstan, Russia",operating,2001,1340000,line,"46.18,53.42:47.1,51.9:44.95,37.95",https://www.gem.wiki/Caspian_Pipeline
Atyrau-Samara,,oil_pipelines,,Kazakhstan,operating,1970,,line,"47.12,51.93:49.5,51.5;49.5,51.5:53.0,50.5",
Uzen-Atyrau,,oil_pipelines,,,operating,1968,,line,"43.3,52.8:47.09,51.91",
`

// network returns the version stored for dataset and the stored network.
func network(t *testing.T, db, dataset string) (string, *leverage.Network) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	v, err := st.DatasetVersion(ctx, dataset)
	if err != nil {
		t.Fatal(err)
	}
	n, err := st.Network(ctx, leverage.NetworkFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return v, n
}

func TestImportNetwork(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	path := write(t, dir, "goit.csv", goit)

	out, errOut, code := cli(t, db, "import", "gem-oil", path, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s struct {
		Dataset, Version, Replaced string
		SnapKm                     float64 `json:"snap_km"`
		Counts                     map[string]int
		Unplaced                   []struct{ Unit, Reason string }
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	// Uzen-Atyrau ends where Atyrau-Samara starts, and CPC is split there.
	if s.Dataset != "gem-oil" || s.SnapKm != 5 || s.Counts["units"] != 3 || s.Counts["edges"] != 5 || s.Counts["nodes"] != 6 || s.Counts["junctions"] != 1 ||
		s.Counts["no_states"] != 1 || s.Counts["ambiguous"] != 2 || len(s.Unplaced) != 1 || s.Unplaced[0].Unit != "Uzen-Atyrau" {
		t.Errorf("summary %+v", s)
	}
	version, n := network(t, db, "gem-oil")
	if version != s.Version || len(n.Edges) != 5 || len(n.Nodes) != 6 {
		t.Fatalf("stored version %q, %d edges, %d nodes; want %q, 5, 6", version, len(n.Edges), len(n.Nodes), s.Version)
	}

	// Importing again replaces the network with the same one.
	out, errOut, code = cli(t, db, "import", "gem-oil", path)
	if code != 0 {
		t.Fatalf("re-import: exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"dataset    gem-oil", "replaced   " + version,
		"nodes      6 (2 of 8 segment ends snapped within 5 km)",
		"junctions  1 (a segment end meeting",
		"edges      5 (3 without capacity, 1 in no known state, 2 in several)",
		"Unplaced (1):\n  " + path + ":4: Uzen-Atyrau: no countries given: states unknown",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("re-import output lacks %q:\n%s", want, out)
		}
	}
	if v, again := network(t, db, "gem-oil"); v != version || len(again.Edges) != len(n.Edges) {
		t.Errorf("after re-import: version %q, %d edges", v, len(again.Edges))
	}

	// A malformed file fails with its position and changes nothing.
	bad := write(t, dir, "bad.csv", goit+`X,,oil_pipelines,,Russia,operating,,,line,"1,2:3,x",`+"\n")
	_, errOut, code = cli(t, db, "import", "gem-oil", bad)
	if code != cmdutil.ExitError || !strings.Contains(errOut, `bad.csv:5:48: field route: want a point latitude,longitude in degrees, got "3,x"`) {
		t.Errorf("malformed file: exit %d, error %q", code, errOut)
	}
	if v, after := network(t, db, "gem-oil"); v != version || len(after.Edges) != len(n.Edges) {
		t.Errorf("after a failed import: version %q, %d edges", v, len(after.Edges))
	}
}

func TestImportNetworkShared(t *testing.T) {
	if testing.Short() {
		t.Skip("stores the whole GEM file")
	}
	path := importertest.SharedData(t, "gem/goit_map_data.csv")
	db := filepath.Join(t.TempDir(), "test.db")
	out, errOut, code := cli(t, db, "import", "gem-oil", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	t.Log(out[:strings.Index(out, "\nUnplaced")])
	if !strings.Contains(out, "Uzen-Atyrau-Samara (UAS) Pipeline: no countries given") {
		t.Errorf("output does not list Uzen-Atyrau-Samara as unplaced:\n%s", out)
	}
	_, n := network(t, db, "gem-oil")
	if len(n.Edges) < 1500 {
		t.Errorf("%d edges stored", len(n.Edges))
	}
}
