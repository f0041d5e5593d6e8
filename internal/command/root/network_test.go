package root_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxflowEdges is the network of Cormen et al., Introduction to
// Algorithms, figure 26.1 (maximum flow 23), with a note column and a
// node name holding a comma.
const maxflowEdges = `from,to,capacity,note
s,v1,16,
s,"v2, north",13,
v1,v3,12,
"v2, north",v1,4,
"v2, north",v4,14,
v3,"v2, north",9,
v3,t,20,
v4,v3,7,
v4,t,4,
t,isolated,inf,an edge out of the sink
`

func writeEdges(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "edges.csv")
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestNetworkMaxflow(t *testing.T) {
	db := t.TempDir()
	edges := writeEdges(t, maxflowEdges)

	out, errOut, code := cli(t, db, "network", "maxflow", "--edges", edges, "--source", "s", "--sink", "t")
	if code != 0 || out != "Maximum flow from s to t: 23\n" {
		t.Fatalf("table: exit %d, %q, %q", code, out, errOut)
	}

	out, errOut, code = cli(t, db, "network", "maxflow", "--edges", edges, "--source", "s", "--sink", "t", "--cut")
	want := `Maximum flow from s to t: 23
Minimum cut: 3 edges; 4 of 7 nodes on the source side

ROW  FROM  TO  CAPACITY
3    v1    v3  12
8    v4    v3  7
9    v4    t   4
`
	if code != 0 || out != want {
		t.Fatalf("table --cut: exit %d, %s\ngot\n%s\nwant\n%s", code, errOut, out, want)
	}

	out, errOut, code = cli(t, db, "network", "maxflow", "--edges", edges, "--source", "s", "--sink", "t", "--cut", "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var r struct {
		MaxFlow    float64 `json:"max_flow"`
		Nodes      int     `json:"nodes"`
		Edges      int     `json:"edges"`
		SourceSide int     `json:"source_side"`
		Cut        []struct {
			Row      int     `json:"row"`
			From     string  `json:"from"`
			To       string  `json:"to"`
			Capacity float64 `json:"capacity"`
		} `json:"cut"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	sum := 0.0
	for _, c := range r.Cut {
		sum += c.Capacity
	}
	if r.MaxFlow != 23 || r.Nodes != 7 || r.Edges != 10 || r.SourceSide != 4 || len(r.Cut) != 3 || sum != 23 || r.Cut[0].Row != 3 {
		t.Errorf("json: %+v", r)
	}

	out, _, code = cli(t, db, "network", "maxflow", "--edges", edges, "--source", "v2, north", "--sink", "v3", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 2 || strings.Join(rows[1], "|") != "v2, north|v3|11" {
		t.Errorf("csv: exit %d, %v, %q", code, err, rows)
	}
	out, _, code = cli(t, db, "network", "maxflow", "--edges", edges, "--source", "s", "--sink", "t", "--cut", "--format", "csv")
	if code != 0 || out != "from,to,capacity\nv1,v3,12\nv4,v3,7\nv4,t,4\n" {
		t.Errorf("csv --cut: exit %d, %q", code, out)
	}

	// The sink unreachable: 0 and an empty cut.
	out, _, code = cli(t, db, "network", "maxflow", "--edges", edges, "--source", "t", "--sink", "s", "--cut")
	if code != 0 || !strings.HasPrefix(out, "Maximum flow from t to s: 0\nMinimum cut: 0 edges; 2 of 7") {
		t.Errorf("unreachable sink: exit %d, %q", code, out)
	}
}

func TestNetworkMaxflowErrors(t *testing.T) {
	db := t.TempDir()
	edges := writeEdges(t, maxflowEdges)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--source", "s", "--sink", "t"}, 2, "missing --edges"},
		{[]string{"--edges", edges, "--source", "s"}, 2, "missing --sink"},
		{[]string{"--edges", edges, "--source", "V1", "--sink", "t"}, 2, `--source: no node named "V1" in ` + edges + `; did you mean "v1"?`},
		{[]string{"--edges", edges, "--source", "s", "--sink", "nowhere"}, 2, `--sink: no node named "nowhere"`},
		{[]string{"--edges", edges, "--source", "s", "--sink", "s"}, 2, "the same node"},
		{[]string{"--edges", edges, "--source", "s", "--sink", "t", "--format", "md"}, 2, "--format"},
		{[]string{"--edges", edges, "--source", "s", "--sink", "t", "extra"}, 2, "accepts 0 arg"},
		{[]string{"--edges", filepath.Join(t.TempDir(), "none.csv"), "--source", "s", "--sink", "t"}, 1, "no such file"},
		{[]string{"--edges", writeEdges(t, "from,to,capacity\na,b,1\nb,c,x\n"), "--source", "a", "--sink", "c"}, 1, `edges.csv:3:5: field capacity: want a number >= 0, got "x"`},
		{[]string{"--edges", writeEdges(t, "from,to,capacity\na,b,inf\nb,c,inf\n"), "--source", "a", "--sink", "c"}, 1, "the maximum flow is infinite"},
	} {
		_, errOut, code := cli(t, db, append([]string{"network", "maxflow"}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want exit %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
