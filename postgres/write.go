package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// ReplaceDataset validates d and, in one transaction, removes everything
// stored under d.Name and stores d in its place. It returns the error of
// d.Validate unchanged if d breaks a rule of the model, EINVALID if d holds
// something the store cannot keep exactly (a malformed date, a NaN value),
// ECONFLICT if d reuses an identifier that another dataset holds or drops
// one that facts of another dataset refer to, and the context's error if
// ctx ends first. Whenever it returns an error, nothing has changed.
func (db *DB) ReplaceDataset(ctx context.Context, d *leverage.Dataset) error {
	if err := storecheck.Dataset(d); err != nil {
		return err
	}
	return db.write(ctx, "replace dataset "+d.Name, func(tx pgx.Tx) error {
		return replace(ctx, tx, d)
	})
}

// write runs fn in a transaction and commits it, or rolls it back if fn or
// the commit fails. Writers take turns: each transaction first takes an
// advisory lock of the schema, held until it ends, so that a replace and
// the checks it makes of what other datasets refer to see no other
// writer's work under way. Statements run on ctx: when it ends, the
// statement under way stops and the connection is dropped, which rolls the
// transaction back. The commit, once sent, is not canceled, so that an
// error always means nothing was written.
func (db *DB) write(ctx context.Context, what string, fn func(tx pgx.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("postgres: %s: %w", what, err)
	}
	// READ COMMITTED whatever the server's default: each statement after
	// the lock sees what the writers before this one committed. (Under
	// REPEATABLE READ the snapshot would date from before the wait.)
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return canceled(ctx, what, err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, $2)`, writeLock, db.schema); err != nil {
		return canceled(ctx, what, fmt.Errorf("wait for other writers: %w", err))
	}
	if err := fn(tx); err != nil {
		return canceled(ctx, what, err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("postgres: %s: %w", what, err)
	}
	if err := tx.Commit(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("postgres: %s: commit: %w", what, err)
	}
	return nil
}

// canceled returns err, or the context's error if ctx has ended: a
// statement stopped by the context fails with some error of the
// connection's. Errors other than a *leverage.Error are wrapped with what
// was being done.
func canceled(ctx context.Context, what string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		return fmt.Errorf("postgres: %s: %w", what, cerr)
	}
	var le *leverage.Error
	if errors.As(err, &le) {
		return err
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}

// replace deletes the rows of the dataset and stores d's. Facts of other
// datasets (AddFacts) may refer to d's actors, relations and sources:
// when d no longer holds one they refer to, it returns ECONFLICT.
func replace(ctx context.Context, tx pgx.Tx, d *leverage.Dataset) error {
	// The ids the dataset held, to see which it drops.
	var oldActors, oldRelations, oldSources []string
	b := &pgx.Batch{}
	// Observations go with their variables, edges before the nodes they
	// join, facts' sources before facts, names before actors.
	b.Queue(`DELETE FROM observations WHERE variable IN (SELECT id FROM variables WHERE dataset = $1)`, d.Name)
	for _, table := range []string{"variables", "network_edges", "network_nodes", "fact_sources", "facts", "names"} {
		// table is one of the constants above, never input.
		b.Queue(`DELETE FROM `+table+` WHERE dataset = $1`, d.Name)
	}
	for _, x := range []struct {
		table string
		ids   *[]string
	}{{"actors", &oldActors}, {"relations", &oldRelations}, {"sources", &oldSources}} {
		b.Queue(`DELETE FROM `+x.table+` WHERE dataset = $1 RETURNING id`, d.Name).Query(func(rows pgx.Rows) error {
			var err error
			*x.ids, err = pgx.CollectRows(rows, pgx.RowTo[string])
			return err
		})
	}
	b.Queue(`INSERT INTO datasets (name, version, loaded_at) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at`,
		d.Name, d.Version, time.Now().UTC())
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("delete the old rows: %w", err)
	}

	var names, factSources int
	for _, a := range d.Actors {
		names += len(a.Names)
	}
	for _, f := range d.Facts {
		factSources += len(f.Sources)
	}
	label := "dataset " + d.Name
	copies := []copyRows{
		{
			table:   "sources",
			columns: []string{"id", "dataset", "kind", "title", "publisher", "url", "date", "accessed", "note"},
			n:       len(d.Sources),
			row: func(i int, v []any) {
				s := d.Sources[i]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] = s.ID, d.Name, string(s.Kind), s.Title, s.Publisher, s.URL, dateArg(s.Date), dateArg(s.Accessed), s.Note
			},
			item: func(key string) string { return "source " + key },
		},
		{
			table:   "relations",
			columns: []string{"id", "dataset", "channel", "kind", "object", "units", "description"},
			n:       len(d.Relations),
			row: func(i int, v []any) {
				r := d.Relations[i]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6] = r.ID, d.Name, string(r.Channel), string(r.Kind), r.Object, orEmpty(r.Units), r.Description
			},
			item: func(key string) string { return "relation " + key },
		},
		{
			table:   "actors",
			columns: []string{"id", "dataset", "kind", "name", "iso3", "cow", "note"},
			n:       len(d.Actors),
			row: func(i int, v []any) {
				a := d.Actors[i]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6] = a.ID, d.Name, string(a.Kind), a.Name, a.ISO3, a.COW, a.Note
			},
			item: func(key string) string { return "actor " + key },
		},
		{
			table:   "names",
			columns: []string{"actor", "position", "dataset", "text", "kind", "valid_from", "valid_to", "source"},
			n:       names,
			row: nested(func(i int) int { return len(d.Actors[i].Names) }, func(i, j int, v []any) {
				a := d.Actors[i]
				n := &a.Names[j]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] = a.ID, j, d.Name, n.Text, string(n.Kind), dateArg(n.Valid.From), dateArg(n.Valid.To), nullString(n.Source)
			}),
			item: func(key string) string { return "name (actor, position) " + key },
		},
		factCopy(d.Name, d.Facts),
		factSourceCopy(d.Name, d.Facts, factSources),
	}
	for i := range copies {
		if err := copies[i].run(ctx, tx, label); err != nil {
			return err
		}
	}
	return checkReferences(ctx, tx, d,
		dropped(oldActors, d.Actors, func(a *leverage.Actor) string { return a.ID }),
		dropped(oldRelations, d.Relations, func(r *leverage.Relation) string { return r.ID }),
		dropped(oldSources, d.Sources, func(s *leverage.Source) string { return s.ID }))
}

// dropped returns the ids among old that no item of now has.
func dropped[T any](old []string, now []T, id func(T) string) []string {
	if len(old) == 0 {
		return nil
	}
	kept := make(map[string]bool, len(now))
	for _, x := range now {
		kept[id(x)] = true
	}
	var out []string
	for _, s := range old {
		if !kept[s] {
			out = append(out, s)
		}
	}
	return out
}

// checkReferences returns ECONFLICT if a fact of a dataset other than d
// refers to one of the actors, relations or sources d no longer holds.
// (d's own facts refer only to d's items: d.Validate saw to it.)
func checkReferences(ctx context.Context, tx pgx.Tx, d *leverage.Dataset, actors, relations, sources []string) error {
	var fact, dataset string
	if len(actors) > 0 || len(relations) > 0 {
		err := tx.QueryRow(ctx, `SELECT id, dataset FROM facts
			WHERE dataset <> $1 AND (subject = ANY($2) OR object = ANY($2) OR relation = ANY($3))
			ORDER BY id LIMIT 1`, d.Name, orEmpty(actors), orEmpty(relations)).Scan(&fact, &dataset)
		if err == nil {
			return leverage.Errorf(leverage.ECONFLICT, "replace dataset %s: fact %s of dataset %s refers to an actor or relation it no longer holds", d.Name, fact, dataset)
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("check what other datasets refer to: %w", err)
		}
	}
	if len(sources) > 0 {
		err := tx.QueryRow(ctx, `SELECT fact_id, dataset FROM fact_sources
			WHERE dataset <> $1 AND source_id = ANY($2) ORDER BY fact_id LIMIT 1`, d.Name, sources).Scan(&fact, &dataset)
		if err == nil {
			return leverage.Errorf(leverage.ECONFLICT, "replace dataset %s: fact %s of dataset %s cites a source it no longer holds", d.Name, fact, dataset)
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("check what other datasets refer to: %w", err)
		}
	}
	return nil
}

// factCopy returns the copy of facts into the facts table.
func factCopy(dataset string, facts []*leverage.Fact) copyRows {
	return copyRows{
		table: "facts",
		columns: []string{"id", "dataset", "subject", "relation", "object", "value", "text", "unit",
			"valid_from", "valid_to", "year", "confidence", "note"},
		n: len(facts),
		row: func(i int, v []any) {
			f := facts[i]
			var value, year any
			if f.Value != nil {
				value = *f.Value
			}
			if f.Year != 0 {
				year = f.Year
			}
			v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] = f.ID, dataset, f.Subject, f.Relation, nullString(f.Object), value, f.Text, f.Unit
			v[8], v[9], v[10], v[11], v[12] = dateArg(f.Valid.From), dateArg(f.Valid.To), year, string(f.Confidence), f.Note
		},
		item: func(key string) string { return "fact " + key },
	}
}

// factSourceCopy returns the copy of the sources facts cite, n in all, into
// the fact_sources table.
func factSourceCopy(dataset string, facts []*leverage.Fact, n int) copyRows {
	return copyRows{
		table:   "fact_sources",
		columns: []string{"fact_id", "position", "dataset", "source_id"},
		n:       n,
		row: nested(func(i int) int { return len(facts[i].Sources) }, func(i, j int, v []any) {
			f := facts[i]
			v[0], v[1], v[2], v[3] = f.ID, j, dataset, f.Sources[j]
		}),
		item: func(key string) string { return "fact source (fact, position) " + key },
	}
}

// nested turns rows held in lists (the names of each actor, the sources of
// each fact) into one sequence: list i holds count(i) items, and row(i, j,
// v) fills v with item j of list i. The rows must be asked for in order,
// once each, and no more of them than the lists hold.
func nested(count func(i int) int, row func(i, j int, v []any)) func(k int, v []any) {
	i, j := 0, 0
	return func(_ int, v []any) {
		for j >= count(i) {
			i, j = i+1, 0
		}
		row(i, j, v)
		j++
	}
}

// dateArg is d as stored: its String form, or NULL for the zero Date.
func dateArg(d leverage.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.String()
}

// nullString is s, or NULL for the empty string.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// orEmpty is s, or an empty slice for nil, so that it is stored as an
// empty array rather than NULL.
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// DatasetVersion returns the version stored under name, or "" if no dataset
// of that name is stored.
func (db *DB) DatasetVersion(ctx context.Context, name string) (string, error) {
	var v string
	err := db.pool.QueryRow(ctx, `SELECT version FROM datasets WHERE name = $1`, name).Scan(&v)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("postgres: dataset version %s: %w", name, err)
	}
	return v, nil
}
