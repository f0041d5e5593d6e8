package root_test

import (
	"encoding/json"
	"github.com/leverage-dev/leverage/internal/golden"
	"strings"
	"testing"
)

type transitReport struct {
	Capacity float64 `json:"capacity_mt_y"`
	MinCut   []struct {
		Asset string `json:"asset"`
	} `json:"min_cut"`
	NMinus1 *struct {
		Percent float64 `json:"percent"`
		Passes  bool    `json:"passes"`
		Lost    struct {
			Asset string `json:"asset"`
		} `json:"largest"`
	} `json:"n_minus_1"`
	Chokepoints []struct {
		State  string   `json:"state"`
		Role   string   `json:"role"`
		Lost   float64  `json:"lost_mt_y"`
		NState *float64 `json:"n_state"`
	} `json:"chokepoints"`
	WhatIf *struct {
		Capacity float64  `json:"capacity_mt_y"`
		Percent  *float64 `json:"percent_of_exports"`
	} `json:"what_if"`
	Sources []struct {
		ID string `json:"id"`
	} `json:"sources"`
}

func transitJSON(t *testing.T, dir string, args ...string) transitReport {
	t.Helper()
	out, errOut, code := cli(t, dir, append([]string{"transit"}, append(args, "--format", "json")...)...)
	if code != 0 {
		t.Fatalf("transit %v: exit %d: %s", args, code, errOut)
	}
	var r transitReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("transit %v: %v", args, err)
	}
	return r
}

// TestTransitFlagship holds the flagship checks of the transit issue:
// Kazakhstan fails N-1 by a wide margin (40–60%), removing Russia's
// jurisdiction leaves 16–36% of exports, and Russia tops the chokepoint
// ranking, followed by the states of the Trans-Caspian route.
func TestTransitFlagship(t *testing.T) {
	dir := t.TempDir()
	r := transitJSON(t, dir, "KAZ")
	if r.NMinus1 == nil || r.NMinus1.Passes || r.NMinus1.Percent < 40 || r.NMinus1.Percent > 60 || r.NMinus1.Lost.Asset != "CPC" {
		t.Errorf("N-1 = %+v, want 40–60%% without the CPC, failing", r.NMinus1)
	}
	if len(r.Chokepoints) < 4 || r.Chokepoints[0].State != "RUS" {
		t.Fatalf("chokepoints = %+v, want Russia first", r.Chokepoints)
	}
	if n := r.Chokepoints[0].NState; n == nil || *n < 15.5 || *n > 36 {
		t.Errorf("N-RUS = %v, want 16–36%%", n)
	}
	var next []string
	for _, c := range r.Chokepoints[1:4] {
		next = append(next, c.State)
	}
	if strings.Join(next, " ") != "AZE GEO TUR" {
		t.Errorf("after Russia: %v, want the Trans-Caspian states AZE GEO TUR", next)
	}
	if last := r.Chokepoints[len(r.Chokepoints)-1]; last.State != "CHN" || last.Role != "buyer" {
		t.Errorf("China: %+v, want listed last as buyer", last)
	}
	if r.Capacity < 95.6 || r.Capacity > 95.8 || len(r.MinCut) != 4 {
		t.Errorf("capacity %v with cut %v, want 95.7 Mt/y bounded by 4 assets", r.Capacity, r.MinCut)
	}
	// What-if answers.
	w := transitJSON(t, dir, "KAZ", "--without", "cpc")
	if w.WhatIf == nil || w.WhatIf.Capacity < 28.6 || w.WhatIf.Capacity > 28.8 {
		t.Errorf("without CPC: %+v, want 28.7 Mt/y", w.WhatIf)
	}
	w = transitJSON(t, dir, "KAZ", "--without-state", "russia", "--without", "AKTAU-PORT")
	if w.WhatIf == nil || w.WhatIf.Capacity < 5.9 || w.WhatIf.Capacity > 6.1 {
		t.Errorf("without Russia and Aktau: %+v, want 6 Mt/y (China only)", w.WhatIf)
	}
	// Every source cited resolves in `leverage sources`.
	out, _, _ := cli(t, dir, "sources", "--format", "json")
	for _, s := range r.Sources {
		if !strings.Contains(out, `"`+s.ID+`"`) {
			t.Errorf("source %s not in leverage sources", s.ID)
		}
	}
}

func TestTransitGoldenAndErrors(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := cli(t, dir, "transit", "KAZ", "--format", "md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden.Check(t, "transit-kaz.md", out)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"transit", "KAZ", "--without", "NOPE"}, "the system's assets"},
		{[]string{"transit", "KAZ", "--commodity", "gas"}, "crude oil only"},
		{[]string{"transit", "Kazakstn"}, "did you mean"},
		{[]string{"transit"}, "accepts 1 arg"},
	} {
		_, errOut, code := cli(t, dir, tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %q; want exit 2 with %q", tt.args, code, errOut, tt.want)
		}
	}
	if _, errOut, code := cli(t, dir, "transit", "ARM"); code != 1 || !strings.Contains(errOut, "no export routes") {
		t.Errorf("transit ARM: exit %d, %q", code, errOut)
	}
}

func TestTransitImportedNetwork(t *testing.T) {
	dir := t.TempDir()
	// No network stored yet: a failure that says what to import.
	if _, errOut, code := cli(t, dir, "transit", "KAZ", "--network", "imported"); code != 1 || !strings.Contains(errOut, "leverage import gem-oil") {
		t.Errorf("no network: exit %d, %q", code, errOut)
	}
	if _, errOut, code := cli(t, dir, "import", "gem-oil", "../../../importer/gem/testdata/goit.csv"); code != 0 {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	out, errOut, code := cli(t, dir, "transit", "KAZ", "--network", "imported", "--format", "json")
	if code != 0 {
		t.Fatalf("transit: exit %d: %s", code, errOut)
	}
	var r struct {
		Schema   string  `json:"schema"`
		Capacity float64 `json:"capacity_mt_y"`
		Sources  []struct {
			ID string `json:"id"`
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Schema != "leverage.transit-network/v1" || len(r.Sources) == 0 || r.Capacity < 0 {
		t.Errorf("report %+v", r)
	}
	if _, errOut, code := cli(t, dir, "transit", "KAZ", "--network", "nope"); code != 2 || !strings.Contains(errOut, "--network") {
		t.Errorf("bad --network: exit %d, %q", code, errOut)
	}
}
