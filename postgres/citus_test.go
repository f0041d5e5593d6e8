package postgres_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage/postgres/pgtest"
)

// citusTable is how docs/deploy.md distributes one table on Citus.
type citusTable struct {
	table    string
	column   string // distribution column; "" for a reference table
	colocate string // the colocate_with argument of a distributed table
}

// citusPlan lists every table of the schema, but schema_migrations, in the
// order the calls of docs/deploy.md run them: a reference table after
// those it refers to.
var citusPlan = []citusTable{
	{table: "datasets"},
	{table: "sources"},
	{table: "relations"},
	{table: "actors"},
	{table: "names"},
	{table: "variables"},
	{table: "influence_panels"},
	{table: "network_nodes"},
	{table: "network_edges"},
	{table: "facts", column: "id", colocate: "none"},
	{table: "fact_sources", column: "fact_id", colocate: "facts"},
	{table: "observations", column: "a", colocate: "none"},
	{table: "influence", column: "b", colocate: "none"},
}

// call is the SQL that distributes t.
func (t citusTable) call() string {
	if t.column == "" {
		return fmt.Sprintf("SELECT create_reference_table('%s');", t.table)
	}
	return fmt.Sprintf("SELECT create_distributed_table('%s', '%s', colocate_with => '%s');", t.table, t.column, t.colocate)
}

// TestCitusReady checks, on a plain PostgreSQL server, the rules Citus puts
// on the schema once distributed as docs/deploy.md says: every unique key
// of a distributed table holds its distribution column, and foreign keys
// go only from a reference table to an earlier reference table, or from a
// distributed table to a reference table (not through its distribution
// column with SET NULL or SET DEFAULT) or to a colocated table on the
// distribution column. It also checks that the document gives the calls.
func TestCitusReady(t *testing.T) {
	ctx := context.Background()
	url := pgtest.URL(t)
	open(t, url)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)

	plan := map[string]citusTable{}
	order := map[string]int{}
	for i, x := range citusPlan {
		plan[x.table], order[x.table] = x, i
	}
	rows, _ := conn.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migrations' ORDER BY 1`)
	tables, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	var planned []string
	for _, x := range citusPlan {
		planned = append(planned, x.table)
	}
	slices.Sort(planned)
	if !slices.Equal(tables, planned) {
		t.Errorf("tables %v, but the Citus plan has %v", tables, planned)
	}

	// Unique indexes (primary keys included) of distributed tables.
	rows, _ = conn.Query(ctx, `SELECT c.relname, i.indexrelid::regclass::text,
			array(SELECT a.attname::text FROM unnest(i.indkey) k JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k)
		FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
		WHERE i.indisunique AND c.relnamespace = current_schema()::regnamespace`)
	type index struct {
		table, name string
		columns     []string
	}
	indexes, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (index, error) {
		var x index
		return x, r.Scan(&x.table, &x.name, &x.columns)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range indexes {
		if p, ok := plan[x.table]; ok && p.column != "" && !slices.Contains(x.columns, p.column) {
			t.Errorf("unique index %s %v of %s lacks its distribution column %s", x.name, x.columns, x.table, p.column)
		}
	}

	// Foreign keys.
	rows, _ = conn.Query(ctx, `SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text, c.confdeltype::text,
			array(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k),
			array(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k)
		FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`)
	type fkey struct {
		name, from, to, onDelete string
		fromCols, toCols         []string
	}
	fkeys, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (fkey, error) {
		var x fkey
		return x, r.Scan(&x.name, &x.from, &x.to, &x.onDelete, &x.fromCols, &x.toCols)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range fkeys {
		from, to := plan[k.from], plan[k.to]
		switch {
		case from.column == "" && to.column != "":
			t.Errorf("%s: reference table %s refers to distributed table %s", k.name, k.from, k.to)
		case from.column == "" && order[k.to] > order[k.from]:
			t.Errorf("%s: reference table %s refers to %s, made a reference table after it", k.name, k.from, k.to)
		case from.column != "" && to.column == "":
			if i := slices.Index(k.fromCols, from.column); i >= 0 && (k.onDelete == "n" || k.onDelete == "d") {
				t.Errorf("%s: SET NULL or SET DEFAULT on distribution column %s", k.name, from.column)
			}
		case from.column != "" && to.column != "":
			i := slices.Index(k.fromCols, from.column)
			if to.table != from.colocate && from.table != to.colocate || i < 0 || k.toCols[i] != to.column {
				t.Errorf("%s: %s refers to %s, not colocated on the distribution column", k.name, k.from, k.to)
			}
		}
	}

	doc, err := os.ReadFile("../docs/deploy.md")
	if err != nil {
		t.Fatal(err)
	}
	at := 0
	for _, x := range citusPlan {
		i := strings.Index(string(doc[at:]), x.call())
		if i < 0 {
			t.Errorf("docs/deploy.md lacks %s after the calls before it", x.call())
			continue
		}
		at += i
	}
}
