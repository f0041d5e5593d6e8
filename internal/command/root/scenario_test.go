package root_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/internal/golden"
)

func TestScenarioList(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := cli(t, dir, "scenario", "list", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var list []struct {
		Name   string `json:"name"`
		Shocks int    `json:"shocks"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range list {
		names = append(names, s.Name)
		if s.Shocks == 0 {
			t.Errorf("%s: no shocks", s.Name)
		}
	}
	if got := strings.Join(names, " "); got != "cpc-2022 cpc-drone-2025 diversification increased-pressure internal-instability" {
		t.Errorf("scenarios %s", got)
	}
	out, _, code = cli(t, dir, "scenario", "list")
	if code != 0 || !strings.Contains(out, "Increased Russian pressure") {
		t.Errorf("table: exit %d:\n%s", code, out)
	}
}

func TestScenarioShow(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := cli(t, dir, "scenario", "show", "cpc-2022")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Storm damage to SPM-3", "CPC-TERMINAL", "2022-08-22", "tass-1496709", "https://tass.com/economy/1496709"} {
		if !strings.Contains(out, want) {
			t.Errorf("show cpc-2022: missing %q in\n%s", want, out)
		}
	}
	out, _, code = cli(t, dir, "scenario", "show", "cpc-drone-2025", "--format", "yaml")
	if code != 0 || !strings.HasPrefix(out, "# Historical replay") || !strings.Contains(out, "Kropotkinskaya") {
		t.Errorf("show --format yaml: exit %d:\n%s", code, out)
	}
	out, _, code = cli(t, dir, "scenario", "show", "cpc-drone-2025", "--format", "json")
	var js struct {
		Name   string `json:"name"`
		Shocks []struct {
			Asset       string `json:"asset"`
			CapacityCut struct {
				Uniform struct{ Min, Max float64 } `json:"uniform"`
			} `json:"capacity_cut"`
		} `json:"shocks"`
	}
	if err := json.Unmarshal([]byte(out), &js); code != 0 || err != nil || js.Name != "cpc-drone-2025" || len(js.Shocks) != 1 ||
		js.Shocks[0].Asset != "CPC" || js.Shocks[0].CapacityCut.Uniform.Min != 0.3 || js.Shocks[0].CapacityCut.Uniform.Max != 0.4 {
		t.Errorf("show --format json: exit %d, %v, %+v:\n%s", code, err, js, out)
	}
	// The JSON form is itself a scenario file.
	path := filepath.Join(dir, "drone.json")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := cli(t, dir, "scenario", "validate", path); code != 0 || !strings.Contains(out, "ok: scenario cpc-drone-2025") {
		t.Errorf("validate the JSON form: exit %d: %s%s", code, out, errOut)
	}
	_, errOut, code = cli(t, dir, "scenario", "show", "no-such")
	if code != 2 || !strings.Contains(errOut, "cpc-2022") {
		t.Errorf("unknown scenario: exit %d, %q; want 2 listing the scenarios", code, errOut)
	}
}

func TestScenarioValidate(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	write := func(path, text string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(good, `name: test
sources: [portnews-327064, {title: My own judgement}]
horizon: {start: 2026-01, end: 2026-12}
shocks:
  - type: disable_asset
    asset: CPC
    capacity_cut: {uniform: {min: 0.2, max: 0.5}}
    start: 2026-03-01
    duration: 30d
`)
	out, errOut, code := cli(t, dir, "scenario", "validate", good)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := good + ": ok: scenario test, 1 shocks (disable_asset), 2026-01 to 2026-12 by month, 1 uncertain numbers\n"
	if out != want {
		t.Errorf("got %q, want %q", out, want)
	}

	for _, tc := range []struct {
		name, text, want string
	}{
		{"unknown asset", strings.Replace(mustRead(t, good), "asset: CPC", "asset: NOPE", 1),
			"bad.yaml:6:12: shock 1 (disable_asset): asset: unknown actor \"NOPE\""},
		{"negative capacity", strings.Replace(mustRead(t, good), "{uniform: {min: 0.2, max: 0.5}}", "-0.5", 1),
			"bad.yaml:7:19: shock 1 (disable_asset): capacity_cut: want a fraction in [0, 1], got -0.5"},
		{"bad date", strings.Replace(mustRead(t, good), "2026-03-01", "2026-02-30", 1),
			"bad.yaml:8:12: shock 1 (disable_asset): start: date \"2026-02-30\": day out of range"},
		{"unknown key", strings.Replace(mustRead(t, good), "duration: 30d", "durration: 30d", 1),
			"bad.yaml:9:5: shock 1 (disable_asset): unknown key \"durration\""},
		{"syntax", "name: [x\n", "bad.yaml:1:"},
	} {
		bad := filepath.Join(dir, "bad.yaml")
		write(bad, tc.text)
		_, errOut, code := cli(t, dir, "scenario", "validate", bad)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", tc.name, code)
		}
		if !strings.Contains(errOut, filepath.Join(dir, tc.want)) {
			t.Errorf("%s: got %q, want it to contain %q", tc.name, errOut, tc.want)
		}
	}
	_, _, code = cli(t, dir, "scenario", "validate", filepath.Join(dir, "missing.yaml"))
	if code != 1 {
		t.Errorf("missing file: exit %d, want 1", code)
	}
	_, _, code = cli(t, dir, "scenario", "validate")
	if code != 2 {
		t.Errorf("no argument: exit %d, want 2", code)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestScenarioRun runs the replay end to end: its Markdown report is a
// golden file, and its JSON is byte-identical across worker counts.
func TestScenarioRun(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := cli(t, dir, "scenario", "run", "cpc-drone-2025", "--draws", "500", "--seed", "3", "--format", "md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden.Check(t, "scenario-run-cpc-drone-2025.md", out)

	var first string
	for _, w := range []string{"1", "2", "5"} {
		out, errOut, code := cli(t, dir, "scenario", "run", "increased-pressure", "--draws", "300", "--seed", "9", "--workers", w, "--format", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if first == "" {
			first = out
		} else if out != first {
			t.Fatalf("--workers %s gives another JSON than --workers 1", w)
		}
	}
	var r struct {
		Schema string `json:"schema"`
		Draws  struct {
			N int `json:"n"`
		} `json:"draws"`
	}
	if err := json.Unmarshal([]byte(first), &r); err != nil || r.Schema != "leverage.scenario-run/v1" || r.Draws.N != 300 {
		t.Errorf("JSON: %v, schema %q, %d draws", err, r.Schema, r.Draws.N)
	}
}

func TestScenarioCompareAndErrors(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := cli(t, dir, "scenario", "compare", "increased-pressure", "diversification", "--draws", "100")
	if code != 0 || !strings.Contains(out, "Scenarios compared: increased-pressure vs diversification") {
		t.Fatalf("exit %d: %s\n%s", code, errOut, out)
	}
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("name: bad\nsources: [portnews-327064]\nhorizon: {start: 2027-01, end: 2027-12}\nshocks:\n  - type: disable_asset\n    asset: NOPE\n    start: 2027-02\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"scenario", "run", bad}, 1, "bad.yaml:6:12: shock 1 (disable_asset): asset: unknown actor \"NOPE\""},
		{[]string{"scenario", "run", "no-such-scenario"}, 2, "neither a built-in scenario"},
		{[]string{"scenario", "run", "cpc-2022", "--draws", "-1"}, 2, "--draws"},
		{[]string{"scenario", "run", "cpc-2022", "--format", "csv"}, 2, "unknown format"},
		{[]string{"scenario", "run", "cpc-2022", "--holder", "XXX"}, 2, "XXX"},
		{[]string{"scenario", "compare", "cpc-2022"}, 2, "accepts 2 arg(s)"},
	} {
		_, errOut, code := cli(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: got exit %d %q, want %d with %q", tt.args, code, errOut, tt.code, tt.msg)
		}
	}
}
