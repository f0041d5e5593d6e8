package root_test

import (
	"encoding/csv"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
)

// exportFixture is a GEM extract: CPC (two states, split where
// Atyrau-Samara starts), Atyrau-Samara (capacity unknown), an NGL line in
// Russia and a line in no known state.
const exportFixture = `project,unit,type,parent,countries,status,start_year,capacity,geom,route,url
Caspian Pipeline,,oil_pipelines,Transneft [24.00%]; Shell [unknown %],"Kazakhstan, Russia",operating,2001,1340000,line,"46.18,53.42:47.1,51.9:44.95,37.95",
Atyrau-Samara,,oil_pipelines,,Kazakhstan,operating,1970,,line,"47.12,51.93:53.0,50.5",
Volga NGL,,ngl_pipelines,,Russia,proposed,,20000,line,"53.0,50.5:55.0,49.0",
Nowhere,,oil_pipelines,,,operating,,1000,line,"10.0,10.0:11.0,11.0",
`

// geoJSON is the part of a FeatureCollection the tests read.
type geoJSON struct {
	Type     string `json:"type"`
	Features []struct {
		Type     string `json:"type"`
		Geometry *struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
		Properties map[string]any `json:"properties"`
	} `json:"features"`
}

// exportSetup imports exportFixture into a database in a new folder and
// returns the folder.
func exportSetup(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "goit.csv")
	if err := os.WriteFile(path, []byte(exportFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := cli(t, dir, "import", "gem-oil", path); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	return dir
}

func TestNetworkExportGeoJSON(t *testing.T) {
	dir := exportSetup(t)
	out, errOut, code := cli(t, dir, "network", "export")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var g geoJSON
	if err := json.Unmarshal([]byte(out), &g); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if g.Type != "FeatureCollection" {
		t.Errorf("type %q", g.Type)
	}
	kinds := map[string]int{}
	var cpc map[string]any
	var cpcLine [][2]float64
	for _, f := range g.Features {
		if f.Type != "Feature" || f.Geometry == nil {
			t.Fatalf("feature %+v", f)
		}
		kinds[f.Geometry.Type]++
		if f.Properties["id"] == "gem-oil/caspian-pipeline/1.1" {
			cpc = f.Properties
			if err := json.Unmarshal(f.Geometry.Coordinates, &cpcLine); err != nil {
				t.Fatal(err)
			}
		}
		switch f.Geometry.Type {
		case "LineString":
			if f.Properties["feature"] != "edge" {
				t.Errorf("line feature %v", f.Properties)
			}
		case "Point":
			if f.Properties["feature"] != "node" || f.Properties["kind"] != "junction" {
				t.Errorf("point feature %v", f.Properties)
			}
		}
	}
	// CPC is split in two where Atyrau-Samara starts: 5 edges, 7 nodes.
	if kinds["LineString"] != 5 || kinds["Point"] != 7 {
		t.Errorf("features %v, want 5 lines and 7 points", kinds)
	}
	if cpc == nil {
		t.Fatalf("no feature for CPC's first edge:\n%s", out)
	}
	if c, _ := cpc["capacity_mt_y"].(float64); math.Abs(c-66.73) > 0.01 || cpc["status"] != "operating" || cpc["commodity"] != "crude" ||
		cpc["kind"] != "pipeline" || cpc["asset"] != "gem-oil/caspian-pipeline" || cpc["valid_from"] != "2001" || cpc["name"] != "Caspian Pipeline" {
		t.Errorf("CPC properties %v", cpc)
	}
	if s, _ := json.Marshal(cpc["states"]); string(s) != `["KAZ","RUS"]` {
		t.Errorf("CPC states %s", s)
	}
	if s, _ := json.Marshal(cpc["owners"]); string(s) != `[{"owner":"Transneft","share":0.24},{"owner":"Shell","share":null}]` {
		t.Errorf("CPC owners %s", s)
	}
	// GeoJSON puts longitude first.
	if len(cpcLine) < 2 || cpcLine[0] != [2]float64{53.42, 46.18} {
		t.Errorf("CPC line %v, want it to start at [53.42, 46.18]", cpcLine)
	}
	// Unknown capacity is null.
	for _, f := range g.Features {
		if f.Properties["name"] == "Atyrau-Samara" {
			if c, ok := f.Properties["capacity_mt_y"]; !ok || c != nil {
				t.Errorf("Atyrau-Samara capacity %v, want null", c)
			}
		}
	}
}

func TestNetworkExportCSV(t *testing.T) {
	dir := exportSetup(t)
	rows := func(args ...string) [][]string {
		t.Helper()
		out, errOut, code := cli(t, dir, append([]string{"network", "export", "--format", "csv"}, args...)...)
		if code != 0 {
			t.Fatalf("%q: exit %d: %s", args, code, errOut)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%q: %v:\n%s", args, err, out)
		}
		if len(recs) == 0 || !slices.Equal(recs[0][:3], []string{"from", "to", "capacity"}) {
			t.Fatalf("%q: header %q, want it to start with from,to,capacity", args, recs)
		}
		return recs[1:]
	}
	ids := func(recs [][]string) []string {
		var out []string
		for _, r := range recs {
			out = append(out, r[3])
		}
		return out
	}
	all := rows()
	if len(all) != 5 {
		t.Fatalf("%d rows, want 5: %q", len(all), all)
	}
	byID := map[string][]string{}
	for _, r := range all {
		byID[r[3]] = r
	}
	cpc := byID["gem-oil/caspian-pipeline/1.2"]
	if cpc == nil || !strings.HasPrefix(cpc[2], "66.72") || cpc[7] != "operating" || cpc[8] != "KAZ;RUS" ||
		cpc[9] != "Transneft [24%]; Shell [unknown]" || cpc[0] != byID["gem-oil/atyrau-samara/1"][0] {
		t.Errorf("CPC's second edge %q; want it to start where Atyrau-Samara starts", cpc)
	}
	if r := byID["gem-oil/atyrau-samara/1"]; r[2] != "" {
		t.Errorf("Atyrau-Samara capacity %q, want empty", r[2])
	}

	want := []string{"gem-oil/atyrau-samara/1", "gem-oil/caspian-pipeline/1.1", "gem-oil/caspian-pipeline/1.2"}
	if got := ids(rows("--commodity", "crude", "--state", "KAZ")); !slices.Equal(got, want) {
		t.Errorf("crude in KAZ: %q, want %q", got, want)
	}
	if got := ids(rows("--state", "kazakhstan")); !slices.Equal(got, want) {
		t.Errorf("in kazakhstan: %q, want %q", got, want)
	}
	if got, want := ids(rows("--state", "RUS", "--commodity", "ngl")), []string{"gem-oil/volga-ngl/1"}; !slices.Equal(got, want) {
		t.Errorf("ngl in RUS: %q, want %q", got, want)
	}
	if got := ids(rows("--status", "proposed")); !slices.Equal(got, []string{"gem-oil/volga-ngl/1"}) {
		t.Errorf("proposed: %q", got)
	}
	if got := rows("--commodity", "gas"); len(got) != 0 {
		t.Errorf("gas: %q, want none", got)
	}
	for _, r := range rows("--unknown-capacity", "0") {
		if r[3] == "gem-oil/atyrau-samara/1" && r[2] != "0" {
			t.Errorf("--unknown-capacity 0: Atyrau-Samara's capacity %q", r[2])
		}
	}
}

func TestNetworkExportErrors(t *testing.T) {
	dir := t.TempDir()
	// An empty store exports an empty collection.
	out, errOut, code := cli(t, dir, "network", "export")
	if code != 0 || strings.TrimSpace(out) != `{"type":"FeatureCollection","features":[]}` {
		t.Errorf("empty store: exit %d, output %q, error %q", code, out, errOut)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "kml"}, `--format: unknown format "kml"`},
		{[]string{"--state", "Atlantis"}, `--state: unknown state "Atlantis"`},
		{[]string{"--status", "planned"}, `--status: unknown status "planned"`},
		{[]string{"--unknown-capacity", "-1"}, `--unknown-capacity: want a number >= 0 or inf, got "-1"`},
		{[]string{"extra"}, `accepts 0 arg(s), received 1`},
	} {
		_, errOut, code := cli(t, dir, append([]string{"network", "export"}, tc.args...)...)
		if code != cmdutil.ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: exit %d, error %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestNetworkExportToMaxflow feeds the CSV export to network maxflow.
func TestNetworkExportToMaxflow(t *testing.T) {
	dir := exportSetup(t)
	out, errOut, code := cli(t, dir, "network", "export", "--format", "csv", "--commodity", "crude", "--unknown-capacity", "0")
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	edges := filepath.Join(dir, "edges.csv")
	if err := os.WriteFile(edges, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = cli(t, dir, "network", "maxflow", "--edges", edges,
		"--source", "gem-oil/node/46.1800_53.4200", "--sink", "gem-oil/node/44.9500_37.9500")
	if code != 0 || !strings.Contains(out, "66.7257") {
		t.Errorf("maxflow along CPC: exit %d, output %q, error %q; want 66.7257...", code, out, errOut)
	}
}
