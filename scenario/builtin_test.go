package scenario_test

import (
	"testing"

	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/scenario"
)

// TestBuiltin parses and validates every built-in scenario against the
// built-in dataset.
func TestBuiltin(t *testing.T) {
	ds, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	names := scenario.BuiltinNames()
	want := []string{"cpc-2022", "cpc-drone-2025", "diversification", "increased-pressure", "internal-instability"}
	if len(names) != len(want) {
		t.Errorf("built-in scenarios %v, want %v", names, want)
	}
	for _, name := range names {
		s, err := scenario.Builtin(name, ds)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if s.Description == "" || len(s.Sources) == 0 {
			t.Errorf("%s: want a description and sources", name)
		}
		for i, sh := range s.Shocks {
			if len(sh.Sources) == 0 {
				t.Errorf("%s: shock %d (%s) cites no source", name, i+1, sh.Label())
			}
		}
	}
}
