package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	neturl "net/url"
	"os"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/postgres"
	"github.com/leverage-dev/leverage/postgres/pgtest"
	"github.com/leverage-dev/leverage/storetest"
)

// open opens a store at url and closes it when t ends.
func open(t *testing.T, url string) *postgres.DB {
	t.Helper()
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

// TestStore runs the conformance suite, each test in a schema of its own.
func TestStore(t *testing.T) {
	pgtest.Server(t)
	storetest.Run(t, func(t *testing.T) leverage.Store {
		return open(t, pgtest.URL(t))
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

func TestReopen(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	db, err := postgres.Open(ctx, url)
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
		db = open(t, url)
		if v, err := db.DatasetVersion(ctx, "test"); err != nil || v != "v1" {
			t.Fatalf("DatasetVersion after reopening = %q, %v; want v1", v, err)
		}
		facts, err := db.Facts(ctx, leverage.FactFilter{})
		if err != nil || len(facts) != 1 || facts[0].Valid.From.String() != "2019-03" {
			t.Fatalf("Facts after reopening = %v, %v", facts, err)
		}
	}
	entries, err := os.ReadDir("migration")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(entries) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(entries))
	}
}

// Processes opening a new database at once wait for each other's
// migrations instead of failing.
func TestConcurrentOpen(t *testing.T) {
	url := pgtest.URL(t)
	errs := make(chan error, 8)
	for range cap(errs) {
		go func() {
			db, err := postgres.Open(context.Background(), url)
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

// Writers replacing the same dataset at once take turns: none fails.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	a, b := open(t, url), open(t, url)
	errs := make(chan error, 20)
	for i := range cap(errs) {
		db := a
		if i%2 == 1 {
			db = b
		}
		go func() { errs <- db.ReplaceDataset(ctx, dataset(fmt.Sprint("v", i))) }()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if facts, err := a.Facts(ctx, leverage.FactFilter{}); err != nil || len(facts) != 1 {
		t.Errorf("after concurrent replaces: %d facts, %v; want 1", len(facts), err)
	}
}

// Identifiers sort byte by byte, as in Go and SQLite, whatever the
// database's collation.
func TestOrderIsBytewise(t *testing.T) {
	ctx := context.Background()
	db := open(t, pgtest.URL(t))
	d := dataset("v1")
	ids := []string{"b", "A", "a-b", "ab", "B", "_x", "a", "Z9", "é"}
	d.Actors = nil
	for _, id := range ids {
		d.Actors = append(d.Actors, &leverage.Actor{ID: id, Kind: leverage.Company, Name: "N " + id})
	}
	d.Facts[0].Subject = "a"
	if err := db.ReplaceDataset(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, err := db.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, a := range got {
		order = append(order, a.ID)
	}
	want := slices.Clone(ids)
	slices.Sort(want)
	if !slices.Equal(order, want) {
		t.Errorf("actors in order %q, want %q", order, want)
	}
}

// TestUnstorable checks the rules the store adds to Dataset.Validate, as
// package sqlite's test of the same name does.
func TestUnstorable(t *testing.T) {
	ctx := context.Background()
	db := open(t, pgtest.URL(t))
	if err := db.ReplaceDataset(ctx, dataset("v1")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		corrupt func(d *leverage.Dataset)
	}{
		{"no name", func(d *leverage.Dataset) { d.Name = "" }},
		{"month 13", func(d *leverage.Dataset) { d.Sources[0].Date = leverage.Date{Year: 2020, Month: 13} }},
		{"day without month", func(d *leverage.Dataset) { d.Sources[0].Accessed = leverage.Date{Year: 2020, Day: 3} }},
		{"five-digit year", func(d *leverage.Dataset) { d.Facts[0].Valid.To = leverage.Date{Year: 12345} }},
		{"NaN", func(d *leverage.Dataset) { v := math.NaN(); d.Facts[0].Value = &v }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := dataset("v2")
			tt.corrupt(d)
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
	db := open(t, pgtest.URL(t))
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

// observations returns a dataset "bulk" with n rows of one dyadic
// variable.
func observations(version string, n int) (*leverage.Dataset, *leverage.Observations) {
	d := &leverage.Dataset{Name: "bulk", Version: version, Sources: []*leverage.Source{{ID: "bulk-src", Kind: leverage.SourceDataset, Title: "Bulk"}}}
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: "bulk.x", Dyadic: true, Directed: true, Description: "x", Source: "bulk-src"},
	}}
	for i := range n {
		o.Add(0, 1+i%200, 1+(i/200)%200, i/20000, float64(i))
	}
	return d, o
}

// A bulk write stopped by its context midway leaves what was stored, and
// progress is reported as the rows go.
func TestObservationsCanceledMidway(t *testing.T) {
	ctx := context.Background()
	db := open(t, pgtest.URL(t))
	d, o := observations("1", 1000)
	if err := db.ReplaceObservations(ctx, d, o, nil); err != nil {
		t.Fatal(err)
	}
	d2, o2 := observations("2", 120_000)
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var reports []int
	err := db.ReplaceObservations(cctx, d2, o2, func(n int) {
		reports = append(reports, n)
		if n >= 40_000 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ReplaceObservations canceled midway: %v, want context.Canceled", err)
	}
	if len(reports) < 2 || !slices.IsSorted(reports) {
		t.Errorf("progress reports %v, want several, increasing", reports)
	}
	if v, _ := db.DatasetVersion(ctx, "bulk"); v != "1" {
		t.Errorf("version after a canceled import = %q, want 1", v)
	}
	got, err := db.Observations(ctx, leverage.ObservationFilter{})
	if err != nil || got.Len() != 1000 {
		t.Fatalf("after a canceled import: %d rows, %v; want 1000", got.Len(), err)
	}
	// The store is still usable, and a whole import is reported whole.
	reports = nil
	if err := db.ReplaceObservations(ctx, d2, o2, func(n int) { reports = append(reports, n) }); err != nil {
		t.Fatal(err)
	}
	if len(reports) == 0 || reports[len(reports)-1] != o2.Len() {
		t.Errorf("last progress report %v, want %d", reports, o2.Len())
	}
	got, err = db.Observations(ctx, leverage.ObservationFilter{Variables: []string{"bulk.x"}, States: []int{7}, From: 3, To: 4})
	if err != nil {
		t.Fatal(err)
	}
	var want int // rows of state 7 in years 3 and 4, and timeless rows (year 0)
	for i := range o2.Len() {
		if (o2.A[i] == 7 || o2.B[i] == 7) && (o2.Year[i] == 0 || o2.Year[i] >= 3 && o2.Year[i] <= 4) {
			want++
		}
	}
	if got.Len() != want || want == 0 {
		t.Errorf("filtered: %d rows, want %d", got.Len(), want)
	}
}

// A role that may only read and write rows, with the grants of
// docs/deploy.md, uses a database its owner has brought up to date.
func TestAppRole(t *testing.T) {
	ctx := context.Background()
	owner := pgtest.URL(t)
	open(t, owner)
	u, err := neturl.Parse(owner)
	if err != nil {
		t.Fatal(err)
	}
	schema, role := u.Query().Get("search_path"), pgtest.Name(t, "app_")
	server := pgtest.Server(t)
	pgtest.Exec(t, server, fmt.Sprintf(`CREATE ROLE %[2]s LOGIN;
		GRANT USAGE ON SCHEMA %[1]s TO %[2]s;
		GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %[1]s TO %[2]s;
		GRANT USAGE ON ALL SEQUENCES IN SCHEMA %[1]s TO %[2]s`, schema, role))
	t.Cleanup(func() { pgtest.Exec(t, server, fmt.Sprintf("DROP OWNED BY %[1]s; DROP ROLE %[1]s", role)) })
	u.User = neturl.User(role)
	db := open(t, u.String())
	if err := db.ReplaceDataset(ctx, dataset("v1")); err != nil {
		t.Fatalf("ReplaceDataset as %s: %v", role, err)
	}
	d, o := observations("1", 10)
	if err := db.ReplaceObservations(ctx, d, o, nil); err != nil {
		t.Fatalf("ReplaceObservations as %s: %v", role, err)
	}
	// Nor may it create tables: the schema is the owner's.
	conn, err := pgx.Connect(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE x (a int)"); err == nil {
		t.Errorf("%s created a table", role)
	}
}
