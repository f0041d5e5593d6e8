package scenario_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/scenario"
)

// docExamples returns the ```yaml blocks of docs/scenarios.md, each a
// complete scenario, keyed by "docs/scenarios.md:LINE".
func docExamples(t *testing.T) map[string][]byte {
	t.Helper()
	b, err := os.ReadFile("../docs/scenarios.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	var (
		cur   *bytes.Buffer
		start int
	)
	for i, line := range strings.Split(string(b), "\n") {
		switch {
		case cur == nil && strings.TrimSpace(line) == "```yaml":
			cur, start = &bytes.Buffer{}, i+2
		case cur != nil && strings.TrimSpace(line) == "```":
			out[fmt.Sprintf("docs/scenarios.md:%d", start)] = cur.Bytes()
			cur = nil
		case cur != nil:
			cur.WriteString(line + "\n")
		}
	}
	if len(out) < 4 {
		t.Fatalf("found %d yaml examples in docs/scenarios.md, want at least 4", len(out))
	}
	return out
}

// allFiles returns the documentation examples and the built-in scenarios.
func allFiles(t *testing.T) map[string][]byte {
	files := docExamples(t)
	names, _ := fs.Glob(data.Scenarios(), "*.yaml")
	for _, name := range names {
		b, err := fs.ReadFile(data.Scenarios(), name)
		if err != nil {
			t.Fatal(err)
		}
		files["data/scenarios/"+name] = b
	}
	return files
}

// TestDocExamples parses and validates every example of docs/scenarios.md.
func TestDocExamples(t *testing.T) {
	ds, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for file, b := range docExamples(t) {
		s, err := scenario.Parse(b, file)
		if err == nil {
			err = scenario.Validate(s, ds)
		}
		if err != nil {
			t.Errorf("%v (the line is counted from the block's first line)", err)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("../docs/scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("scenario.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("scenario.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// asJSON converts YAML to the JSON value a schema validator reads.
func asJSON(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchema checks that the documentation examples and the built-in
// scenarios validate against docs/scenario.schema.json, and that the
// schema rejects what the parser rejects for its shape.
func TestSchema(t *testing.T) {
	sch := compileSchema(t)
	for file, b := range allFiles(t) {
		if err := sch.Validate(asJSON(t, b)); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	for name, edit := range map[string][2]string{
		"unknown key":          {"duration: 30d", "durration: 30d"},
		"key of another type":  {"asset: CPC", "asset: CPC\n    state: RUS"},
		"unknown type":         {"type: disable_asset", "type: disable"},
		"fraction above 1":     {"capacity_cut: 0.5", "capacity_cut: 1.5"},
		"bad duration":         {"duration: 30d", "duration: 30 days"},
		"duration and end":     {"duration: 30d", "duration: 30d\n    end: 2026-05"},
		"unknown distribution": {"capacity_cut: 0.5", "capacity_cut: {beta: {a: 1}}"},
		"lognormal both forms": {"capacity_cut: 0.5", "capacity_cut: {lognormal: {mu: 0, sigma: 1, median: 1, p95: 2}}"},
		"bad date":             {"start: 2026-03-01", "start: 2026-13-01"},
		"missing required":     {"    asset: CPC\n", ""},
		"bad step":             {"step: month", "step: fortnight"},
		"bad name":             {"name: test", "name: Test"},
	} {
		text := strings.Replace(base, edit[0], edit[1], 1)
		if text == base {
			t.Fatalf("%s: %q not in base", name, edit[0])
		}
		if _, err := scenario.Parse([]byte(text), "t.yaml"); err == nil {
			t.Errorf("%s: the parser accepts it", name)
		}
		if err := sch.Validate(asJSON(t, []byte(text))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestJSONRoundTrip checks that the JSON form of every built-in scenario
// and documentation example meets the schema and parses back to the same
// scenario.
func TestJSONRoundTrip(t *testing.T) {
	ds, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	sch := compileSchema(t)
	for file, b := range allFiles(t) {
		s, err := scenario.Parse(b, file)
		if err != nil {
			t.Fatal(err)
		}
		if err := scenario.Validate(s, ds); err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if err := sch.Validate(asJSON(t, j)); err != nil {
			t.Errorf("%s: JSON form fails the schema: %v\n%s", file, err, j)
		}
		back, err := scenario.Parse(j, file+".json")
		if err != nil {
			t.Errorf("%s: JSON form does not parse: %v\n%s", file, err, j)
			continue
		}
		if err := scenario.Validate(back, ds); err != nil {
			t.Errorf("%s: JSON form does not validate: %v", file, err)
		}
		j2, _ := json.Marshal(back)
		if string(j) != string(j2) {
			t.Errorf("%s: round trip differs:\n%s\n%s", file, j, j2)
		}
	}
}
