package sqlite_test

import (
	"context"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/sqlite"
	"github.com/leverage-dev/leverage/storetest"
)

// open opens a store at path and closes it when t ends.
func open(t *testing.T, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

func TestStoreFile(t *testing.T) {
	storetest.Run(t, func(t *testing.T) leverage.Store {
		return open(t, filepath.Join(t.TempDir(), "leverage.db"))
	})
}

func TestStoreMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) leverage.Store {
		return open(t, sqlite.Memory)
	})
}

// dataset is a small valid dataset.
func dataset(version string) *leverage.Dataset {
	v := 1.5
	return &leverage.Dataset{
		Name:      "test",
		Version:   version,
		Sources:   []*leverage.Source{{ID: "s", Kind: leverage.SourceNews, Title: "A story", Date: leverage.MustDate("2020-02")}},
		Relations: []*leverage.Relation{{ID: "r", Kind: leverage.StateRelation, Units: []string{"", "t"}, Description: "a relation"}},
		Actors:    []*leverage.Actor{{ID: "a", Kind: leverage.Company, Name: "A"}},
		Facts: []*leverage.Fact{{ID: "f", Subject: "a", Relation: "r", Value: &v, Unit: "t", Sources: []string{"s"},
			Confidence: leverage.Secondary, Valid: leverage.Period{From: leverage.MustDate("2019-03")}}},
	}
}

func TestOpenCreatesDirectories(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a", "b c", "d?#%.db")
	open(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leverage.db")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ReplaceDataset(ctx, dataset("v1")); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	// Opening again keeps the data and applies no migration twice.
	for range 2 {
		db = open(t, path)
		if v, err := db.DatasetVersion(ctx, "test"); err != nil || v != "v1" {
			t.Fatalf("DatasetVersion after reopening = %q, %v; want v1", v, err)
		}
		facts, err := db.Facts(ctx, leverage.FactFilter{})
		if err != nil || len(facts) != 1 || facts[0].Valid.From.String() != "2019-03" {
			t.Fatalf("Facts after reopening = %v, %v", facts, err)
		}
	}

	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	entries, err := os.ReadDir("migration")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := raw.QueryRow(`SELECT count(*) FROM migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(entries) {
		t.Errorf("migrations table has %d rows, want %d", n, len(entries))
	}
	var mode string
	if err := raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

func TestConcurrentOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leverage.db")
	errs := make(chan error, 8)
	for range cap(errs) {
		go func() {
			db, err := sqlite.Open(context.Background(), path)
			if err == nil {
				err = db.Close()
			}
			errs <- err
		}()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leverage.db")
	a, b := open(t, path), open(t, path)
	errs := make(chan error, 20)
	for i := range cap(errs) {
		db := a
		if i%2 == 1 {
			db = b
		}
		go func() { errs <- db.ReplaceDataset(ctx, dataset("v")) }()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestUnstorable checks the rules the store adds to Dataset.Validate, so
// that whatever it accepts reads back equal.
func TestUnstorable(t *testing.T) {
	tests := []struct {
		name    string
		corrupt func(d *leverage.Dataset)
	}{
		{"no name", func(d *leverage.Dataset) { d.Name = "" }},
		{"month 13", func(d *leverage.Dataset) { d.Sources[0].Date = leverage.Date{Year: 2020, Month: 13} }},
		{"day without month", func(d *leverage.Dataset) { d.Sources[0].Accessed = leverage.Date{Year: 2020, Day: 3} }},
		{"month without year", func(d *leverage.Dataset) { d.Facts[0].Valid.To = leverage.Date{Month: 3} }},
		{"five-digit year", func(d *leverage.Dataset) { d.Facts[0].Valid.To = leverage.Date{Year: 12345} }},
		{"NaN", func(d *leverage.Dataset) { v := math.NaN(); d.Facts[0].Value = &v }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			db := open(t, sqlite.Memory)
			if err := db.ReplaceDataset(ctx, dataset("v1")); err != nil {
				t.Fatal(err)
			}
			d := dataset("v2")
			tt.corrupt(d)
			if err := d.Validate(); err != nil {
				t.Fatalf("Validate already refuses the dataset: %v", err)
			}
			err := db.ReplaceDataset(ctx, d)
			if code := leverage.ErrorCode(err); code != leverage.EINVALID {
				t.Fatalf("ReplaceDataset: %v (code %q), want EINVALID", err, code)
			}
			if v, _ := db.DatasetVersion(ctx, "test"); v != "v1" {
				t.Errorf("version after refused replace = %q, want v1", v)
			}
		})
	}
}

func TestInfiniteValue(t *testing.T) {
	ctx := context.Background()
	db := open(t, sqlite.Memory)
	d := dataset("v1")
	inf := math.Inf(-1)
	d.Facts[0].Value = &inf
	if err := db.ReplaceDataset(ctx, d); err != nil {
		t.Fatal(err)
	}
	facts, err := db.Facts(ctx, leverage.FactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := facts[0].Float(); !ok || !math.IsInf(v, -1) {
		t.Errorf("value read back as %v, %v; want -Inf", v, ok)
	}
}
