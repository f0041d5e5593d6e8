package importcmd_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/command/root"
	"github.com/leverage-dev/leverage/sqlite"
)

// cli runs the leverage command on the database db and returns its output,
// error output and exit code.
func cli(t *testing.T, db string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &cmdutil.Factory{
		Out: &out, ErrOut: &errOut,
		Now:    func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return map[string]string{"LEVERAGE_DB": db}[k] },
	}
	code := root.Run(context.Background(), f, args)
	return out.String(), errOut.String(), code
}

// write creates a file in dir and returns its path.
func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// stored returns the version stored for dataset and its number of rows.
func stored(t *testing.T, db, dataset string) (string, int) {
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
	vars, err := st.Variables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, x := range vars {
		if strings.HasPrefix(x.Name, dataset+".") {
			names = append(names, x.Name)
		}
	}
	if len(names) == 0 {
		return v, 0
	}
	o, err := st.Observations(ctx, leverage.ObservationFilter{Variables: names})
	if err != nil {
		t.Fatal(err)
	}
	return v, o.Len()
}

const (
	ndy = `ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2
2,20,1920,612,735,612,735
365,705,2014,7097,15524,7097,15524
`
	sy = `ccode,year,imports,exports
705,2014,48176,55484
`
)

func TestImportReimportAndFailure(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	ndyPath, syPath := write(t, dir, "ndy.csv", ndy), write(t, dir, "sy.csv", sy)

	out, errOut, code := cli(t, db, "import", "cow-trade", ndyPath, syPath, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if errOut != "" {
		t.Errorf("error output %q, want none (no progress bar off a terminal)", errOut)
	}
	var s struct {
		Dataset, Version, Replaced string
		Rows, From, To             int
		Variables                  []struct {
			Name string
			Rows int
		}
		Files []struct{ Path, Layout string }
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if s.Dataset != "cow-trade" || s.Rows != 10 || s.From != 1920 || s.To != 2014 || s.Replaced != "" ||
		len(s.Variables) != 4 || s.Variables[0].Name != "cow-trade.flow" || s.Variables[0].Rows != 4 ||
		len(s.Files) != 2 || s.Files[0].Layout != "peacesciencer cow_trade_ndy" {
		t.Errorf("summary %+v", s)
	}
	version, rows := stored(t, db, "cow-trade")
	if version != s.Version || rows != 10 {
		t.Fatalf("stored version %q with %d rows, want %q with 10", version, rows, s.Version)
	}

	// Importing again replaces the dataset with the same rows.
	out, errOut, code = cli(t, db, "import", "cow-trade", syPath, ndyPath)
	if code != 0 {
		t.Fatalf("re-import: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"dataset   cow-trade", "replaced  " + version, "rows      10", "years     1920-2014", "cow-trade.flow        USD m  directed  4     1920-2014"} {
		if !strings.Contains(out, want) {
			t.Errorf("re-import output lacks %q:\n%s", want, out)
		}
	}
	if v, n := stored(t, db, "cow-trade"); v != version || n != rows {
		t.Errorf("after re-import: version %q with %d rows, want %q with %d", v, n, version, rows)
	}

	// A malformed file fails with its position and changes nothing.
	bad := write(t, dir, "bad.csv", ndy+"2,30,1920,7x,1,1,1\n")
	_, errOut, code = cli(t, db, "import", "cow-trade", bad, syPath)
	if code != cmdutil.ExitError {
		t.Errorf("malformed file: exit %d, want 1", code)
	}
	if want := `bad.csv:4:11: field flow1: want a number, got "7x"`; !strings.Contains(errOut, want) {
		t.Errorf("malformed file: error %q, want it to contain %q", errOut, want)
	}
	if v, n := stored(t, db, "cow-trade"); v != version || n != rows {
		t.Errorf("after a failed import: version %q with %d rows, want %q with %d", v, n, version, rows)
	}

	// So does a repeated row.
	dup := write(t, dir, "dup.csv", ndy+"20,2,1920,1,1,1,1\n")
	_, errOut, code = cli(t, db, "import", "cow-trade", dup)
	if code != cmdutil.ExitError || !strings.Contains(errOut, "dup.csv:4: pair (2, 20) in 1920: repeats the row at "+dup+":2") {
		t.Errorf("repeated row: exit %d, error %q", code, errOut)
	}
	if v, n := stored(t, db, "cow-trade"); v != version || n != rows {
		t.Errorf("after a failed import: version %q with %d rows, want %q with %d", v, n, version, rows)
	}

	// A missing file is a failure too.
	if _, _, code := cli(t, db, "import", "cow-trade", filepath.Join(dir, "nope.csv")); code != cmdutil.ExitError {
		t.Errorf("missing file: exit %d, want 1", code)
	}
}

func TestUnplaced(t *testing.T) {
	dir := t.TempDir()
	path := write(t, dir, "stock.csv", "Year,Dest,Kazakhstan,Russian Federation,Channel Islands\n2019,Kazakhstan,0,2458414,3\n2019,Caribbean,5,7,0\n")
	out, errOut, code := cli(t, filepath.Join(dir, "test.db"), "import", "un-migrant", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"rows      1", "unplaced  2", "No COW state code, skipped (2): Caribbean; Channel Islands"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "test.db")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "missing dataset: want one of cow-trade, cow-igo, atop, cow-alliance, cow-contiguity, cow-nmc, cow-states, un-migrant, cepii-dist, gem-oil"},
		{[]string{"import", "cow-trades", "x.csv"}, `unknown dataset "cow-trades"`},
		{[]string{"import", "cepii-dist"}, "cepii-dist: no files given; it takes CEPII GeoDist: dist_cepii.csv"},
		{[]string{"import", "atop", "x.csv", "--format", "md"}, `--format: unknown format "md"`},
	} {
		_, errOut, code := cli(t, db, tc.args...)
		if code != cmdutil.ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: exit %d, error %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
	out, _, code := cli(t, db, "import", "--help")
	if code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, want := range []string{"cow-trade", "Dyadic_COW_4.0.csv", "cow-igo", "dyadic_formatv3.csv", "atop", "cow-alliance", "cow-contiguity", "cow-nmc", "cow-states", "un-migrant", "cepii-dist", "dist_cepii.csv", "gem-oil", "goit_map_data.csv"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help lacks %q", want)
		}
	}
}

// TestSourceIDs checks that no import's source id, which is its dataset's
// name, is taken by the built-in dataset: source ids are unique in the
// store.
func TestSourceIDs(t *testing.T) {
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"cow-trade", "cow-igo", "atop", "cow-alliance", "cow-contiguity", "cow-nmc", "cow-states", "un-migrant", "cepii-dist", "gem-oil"} {
		for _, s := range d.Sources {
			if s.ID == name {
				t.Errorf("the built-in dataset has a source %s, the id of an import's source", name)
			}
		}
	}
}
