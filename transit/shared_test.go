package transit_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
	"github.com/leverage-dev/leverage/importer/gem"
	"github.com/leverage-dev/leverage/transit"
)

// sharedGEM imports the shared GEM pipeline file, or skips.
func sharedGEM(tb testing.TB) *leverage.Network {
	tb.Helper()
	dir := os.Getenv("LEVERAGE_TESTDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	path := filepath.Join(dir, "gem", "goit_map_data.csv")
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("shared data not found at %s (set LEVERAGE_TESTDATA): %v", dir, err)
	}
	files, err := importer.ReadFiles(path)
	if err != nil {
		tb.Fatal(err)
	}
	cw, err := country.Load()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := gem.Import(files, cw)
	if err != nil {
		tb.Fatal(err)
	}
	return r.Network
}

// TestGEMNetwork checks the GEM network's answers for Kazakhstan: of its
// lines only the CPC has a capacity in the extract, so its cross-border
// capacity is the CPC's 66.7 Mt/y and Russia's cut takes all of it; with
// 10 Mt/y assumed for lines without a capacity, Russia still tops the
// ranking and China's line appears.
func TestGEMNetwork(t *testing.T) {
	n := sharedGEM(t)
	sys, st := transit.NewNetworkSystem("KAZ", "crude", n, 0, time.Time{})
	if got := sys.Capacity(); !near(got, transit.MtPerYear(1340000), 1e-6) {
		t.Errorf("KAZ capacity %v, want the CPC's %v (stats %+v)", got, transit.MtPerYear(1340000), st)
	}
	ch := sys.Chokepoints(nil)
	if len(ch) == 0 || ch[0].State != "RUS" || !near(ch[0].Share, 1, 1e-9) {
		t.Errorf("chokepoints %+v, want Russia with all of it", ch)
	}
	sys, _ = transit.NewNetworkSystem("KAZ", "crude", n, 10, time.Time{})
	ch = sys.Chokepoints(nil)
	found := false
	for _, c := range ch {
		found = found || (c.State == "CHN" && c.Lost > 0)
	}
	if len(ch) == 0 || ch[0].State != "RUS" || !found || !near(ch[0].Share, 0.878, 0.001) {
		t.Errorf("with assumed capacities: %+v, want Russia first and China losing capacity", ch)
	}
}
