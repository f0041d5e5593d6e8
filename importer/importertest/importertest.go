// Package importertest holds helpers for the importers' tests: reading
// fixtures, finding the shared open data, running imports, printing
// observations, and the checks every successful import must pass.
package importertest

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
)

// Func is an importer.
type Func func([]importer.File) (*importer.Result, error)

// WithCrosswalk returns imp reading country names or codes through the
// country crosswalk.
func WithCrosswalk(t testing.TB, imp func([]importer.File, *country.Crosswalk) (*importer.Result, error)) Func {
	t.Helper()
	cw, err := country.Load()
	if err != nil {
		t.Fatal(err)
	}
	return func(files []importer.File) (*importer.Result, error) { return imp(files, cw) }
}

// Import runs imp on files and fails the test unless it succeeds with a
// result that passes [Check].
func Import(t testing.TB, imp Func, files []importer.File) *importer.Result {
	t.Helper()
	r, err := imp(files)
	if err != nil {
		t.Fatal(err)
	}
	Check(t, r)
	return r
}

// WantError fails the test unless imp fails on in, as a file named f.csv,
// with the message want.
func WantError(t testing.TB, imp Func, in, want string) {
	t.Helper()
	if _, err := imp([]importer.File{{Name: "f.csv", Data: []byte(in)}}); err == nil || err.Error() != want {
		t.Errorf("import of %q:\ngot  %v\nwant %s", in, err, want)
	}
}

// Fuzz fuzzes imp on one file named f.csv, seeded with the named files of
// testdata, and checks every import that succeeds.
func Fuzz(f *testing.F, imp Func, seeds ...string) {
	for _, fl := range Files(f, "testdata", seeds...) {
		f.Add(fl.Data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if r, err := imp([]importer.File{{Name: "f.csv", Data: data}}); err == nil {
			Check(t, r)
		}
	})
}

// Files reads the named files from dir.
func Files(t testing.TB, dir string, names ...string) []importer.File {
	t.Helper()
	var files []importer.File
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, importer.File{Name: n, Data: b})
	}
	return files
}

// SharedData returns the path of file in the shared open data folder
// ($LEVERAGE_TESTDATA, or ../shared/data beside the repository), skipping
// the test when it is absent.
func SharedData(t testing.TB, file string) string {
	t.Helper()
	dir := os.Getenv("LEVERAGE_TESTDATA")
	if dir == "" {
		_, here, _, _ := runtime.Caller(0)
		dir = filepath.Join(filepath.Dir(here), "..", "..", "..", "shared", "data")
	}
	path := filepath.Join(dir, file)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared open data not found (%v): set LEVERAGE_TESTDATA to the folder holding peacesciencer/, cepii/ and un_migrant_stock/", err)
	}
	return path
}

// ReadShared reads files of the shared open data folder, skipping the test
// when they are absent.
func ReadShared(t testing.TB, files ...string) []importer.File {
	t.Helper()
	var paths []string
	for _, f := range files {
		paths = append(paths, SharedData(t, f))
	}
	fs, err := importer.ReadFiles(paths...)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// Rows formats r's observations as "variable A B year value", in order.
func Rows(r *importer.Result) []string {
	o := r.Observations
	rows := make([]string, o.Len())
	for i := range rows {
		rows[i] = fmt.Sprintf("%s %d %d %d %s", o.Variables[o.Var[i]].Name, o.A[i], o.B[i], o.Year[i],
			strconv.FormatFloat(o.Value[i], 'f', -1, 64))
	}
	return rows
}

// WantRows fails the test unless r's observations are want, as [Rows]
// formats them.
func WantRows(t testing.TB, r *importer.Result, want []string) {
	t.Helper()
	if got := Rows(r); !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// Value returns the value of variable v for (a, b) in year, and whether r
// has it.
func Value(r *importer.Result, v string, a, b, year int) (float64, bool) {
	o := r.Observations
	vi := o.Variable(v)
	for i := range o.Len() {
		if int(o.Var[i]) == vi && int(o.A[i]) == a && int(o.B[i]) == b && int(o.Year[i]) == year {
			return o.Value[i], true
		}
	}
	return 0, false
}

// Check fails the test unless r is a storable import: a valid dataset
// citing its one source, valid observations of variables that cite it, no
// row twice, rows in key order, and non-directed rows with A < B.
func Check(t testing.TB, r *importer.Result) {
	t.Helper()
	d, o := r.Dataset, r.Observations
	if err := d.Validate(); err != nil {
		t.Fatalf("dataset: %v", err)
	}
	if len(d.Sources) != 1 || d.Sources[0].ID != d.Name {
		t.Fatalf("dataset %s: sources %v, want one with id %s", d.Name, d.Sources, d.Name)
	}
	if err := o.Validate(d.Name); err != nil {
		t.Fatalf("observations: %v", err)
	}
	for _, v := range o.Variables {
		if v.Source != d.Name {
			t.Fatalf("variable %s cites %q, want %q", v.Name, v.Source, d.Name)
		}
	}
	for i := range o.Len() {
		v := o.Variables[o.Var[i]]
		if v.Dyadic && !v.Directed && o.A[i] >= o.B[i] {
			t.Fatalf("row %d of non-directed %s: A %d not below B %d", i, v.Name, o.A[i], o.B[i])
		}
		if i > 0 {
			p := [4]int32{o.Var[i-1], o.A[i-1], o.B[i-1], o.Year[i-1]}
			c := [4]int32{o.Var[i], o.A[i], o.B[i], o.Year[i]}
			if !less(p, c) {
				t.Fatalf("rows %d and %d out of order or repeated: %v, %v", i-1, i, p, c)
			}
		}
	}
}

func less(a, b [4]int32) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}
