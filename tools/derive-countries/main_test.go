package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	crosswalk "github.com/leverage-dev/leverage/country"
)

// committed is the generated file, relative to this package's directory.
var committed = filepath.Join("..", "..", "country", "countries.csv")

// sharedData is the shared open data folder: $LEVERAGE_TESTDATA, or
// ../shared/data beside the repository (relative to this directory).
func sharedData() string {
	if dir := os.Getenv("LEVERAGE_TESTDATA"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "..", "shared", "data")
}

// TestCommittedFileIsFresh fails when country/countries.csv differs from a
// fresh derivation, so that it cannot go stale.
func TestCommittedFileIsFresh(t *testing.T) {
	dir := sharedData()
	for _, f := range []string{statesFile, codelistFile} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Skipf("shared open data not found (%v): set LEVERAGE_TESTDATA to the folder holding peacesciencer/ and countrycode/", err)
		}
	}
	out, n, err := generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n != 217 {
		t.Errorf("%d states, want the 217 of the COW list v2016", n)
	}
	if _, err := crosswalk.Parse(bytes.NewReader(out), "countries.csv"); err != nil {
		t.Fatalf("output does not parse: %v", err)
	}
	got, err := os.ReadFile(committed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, out) {
		t.Errorf("%s is stale: run `go run ./tools/derive-countries` in the repository root", committed)
	}
}
