package server_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/postgres"
	"github.com/leverage-dev/leverage/postgres/pgtest"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/server"
)

// TestOverPostgres serves the built-in dataset from PostgreSQL and checks
// that the answers are those served from SQLite, byte for byte, and that a
// write goes through. It skips without a test server (pgtest).
func TestOverPostgres(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := query.LoadBuiltin(ctx, db, now()); err != nil {
		t.Fatal(err)
	}
	s, err := server.New(server.Config{Store: db, Now: now, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	pg := httptest.NewServer(s)
	defer pg.Close()
	lite := newServer(t, nil)
	for _, path := range []string{
		"/api/v1/assess?a=RUS&b=KAZ",
		"/api/v1/assess?a=KAZ&b=CHN&as_of=2019-06",
		"/api/v1/transit?exporter=KAZ&without=CPC",
		"/api/v1/actors?q=nur",
		"/api/v1/facts?actor=KAZ&channel=security",
		"/api/v1/sources",
		"/api/v1/geometry",
		"/api/v1/scenarios/cpc-2022",
	} {
		sp, bp := call(t, pg, "GET", path, "", nil)
		sl, bl := call(t, lite, "GET", path, "", nil)
		if sp != 200 || sl != 200 {
			t.Errorf("%s: status %d on PostgreSQL, %d on SQLite", path, sp, sl)
			continue
		}
		if !bytes.Equal(bp, bl) {
			t.Errorf("%s: PostgreSQL and SQLite answer differently", path)
		}
	}
	run := `{"scenario":"cpc-drone-2025","draws":100,"seed":3}`
	_, rp := call(t, pg, "POST", "/api/v1/scenarios/run", "application/json", strings.NewReader(run))
	_, rl := call(t, lite, "POST", "/api/v1/scenarios/run", "application/json", strings.NewReader(run))
	if !bytes.Equal(rp, rl) {
		t.Error("the same scenario run answers differently on PostgreSQL and SQLite")
	}
	article := "Kazakhstan exported 46.3 million tonnes of crude through the CPC pipeline in 2024, the company said on 5 January 2025."
	status, b := call(t, pg, "POST", "/api/v1/read?accept=all&name=https://example.org/pg", "text/plain", strings.NewReader(article), "Authorization", "Bearer "+token)
	if status != 200 {
		t.Fatalf("accept on PostgreSQL: %d %s", status, b)
	}
	_, facts := call(t, pg, "GET", "/api/v1/facts?actor=KAZ&relation=oil_exports", "", nil)
	if !strings.Contains(string(facts), `"read-example-org-pg"`) {
		t.Errorf("the accepted fact is not among Kazakhstan's oil exports: %.500s", facts)
	}
}
