package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// ReplaceDataset validates d and, in one transaction, removes everything
// stored under d.Name and stores d in its place. It returns the error of
// d.Validate unchanged if d breaks a rule of the model, EINVALID if d holds
// something the store cannot keep exactly (a malformed date, a NaN value),
// ECONFLICT if d reuses an identifier that another dataset holds, and the
// context's error if ctx ends first. Whenever it returns an error, nothing
// has changed.
func (db *DB) ReplaceDataset(ctx context.Context, d *leverage.Dataset) error {
	if err := storecheck.Dataset(d); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sqlite: replace dataset %s: %w", d.Name, err)
	}
	// The transaction runs on a context that is never canceled, and ctx is
	// checked before each statement and before the commit instead. Were the
	// commit itself cancelable, the driver could report ctx's error for a
	// commit that had taken place. (The price: waiting for another writer's
	// lock, at most busyTimeout, ignores ctx.)
	txCtx := context.WithoutCancel(ctx)
	tx, err := db.db.BeginTx(txCtx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: replace dataset %s: %w", d.Name, err)
	}
	defer tx.Rollback()
	w := &writer{cancel: ctx, ctx: txCtx, tx: tx, dataset: d.Name}
	defer w.close()
	if err := w.replace(d); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sqlite: replace dataset %s: %w", d.Name, err)
	}
	if err := tx.Commit(); err != nil {
		if strings.Contains(err.Error(), "FOREIGN KEY") {
			return leverage.Errorf(leverage.ECONFLICT, "replace dataset %s: facts of another dataset refer to an actor, relation or source it no longer holds", d.Name)
		}
		return fmt.Errorf("sqlite: replace dataset %s: commit: %w", d.Name, err)
	}
	return nil
}

// replace deletes the rows of the dataset and inserts d's.
func (w *writer) replace(d *leverage.Dataset) error {
	// Facts added to other datasets (AddFacts) may refer to d's actors,
	// relations and sources: foreign keys are checked at the commit, once
	// d is back in place.
	w.exec(nil, `PRAGMA defer_foreign_keys = ON`, "defer foreign keys")
	// Deleting a variable deletes its observations. Edges go before the
	// nodes they join.
	w.exec(nil, `DELETE FROM variables WHERE dataset = ?`, "delete variables", d.Name)
	for _, table := range []string{"network_edges", "network_nodes", "fact_sources", "facts", "names", "actors", "relations", "sources"} {
		// table is one of the constants above, never input.
		w.exec(nil, `DELETE FROM `+table+` WHERE dataset = ?`, "delete "+table, d.Name)
	}
	now := time.Now().UTC().Format(time.RFC3339Nano)
	w.exec(nil, `INSERT INTO datasets (name, version, loaded_at) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version, loaded_at = excluded.loaded_at`,
		"version", d.Name, d.Version, now)

	insSource := w.prepare(`INSERT INTO sources
		(id, dataset, kind, title, publisher, url, date, accessed, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	insRelation := w.prepare(`INSERT INTO relations
		(id, dataset, channel, kind, object, units, description)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	insActor := w.prepare(`INSERT INTO actors
		(id, dataset, kind, name, iso3, cow, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	insName := w.prepare(`INSERT INTO names
		(actor, position, dataset, text, kind, valid_from, valid_to, source)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	insFact := w.prepare(`INSERT INTO facts
		(id, dataset, subject, relation, object, value, text, unit, valid_from, valid_to, year, confidence, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	insFactSource := w.prepare(`INSERT INTO fact_sources
		(fact_id, position, dataset, source_id)
		VALUES (?, ?, ?, ?)`)

	for _, s := range d.Sources {
		w.exec(insSource, "", "source "+s.ID,
			s.ID, d.Name, string(s.Kind), s.Title, s.Publisher, s.URL, dateArg(s.Date), dateArg(s.Accessed), s.Note)
	}
	for _, r := range d.Relations {
		units, err := json.Marshal(r.Units)
		if err != nil && w.err == nil {
			w.err = fmt.Errorf("sqlite: replace dataset %s: relation %s: encode units: %w", d.Name, r.ID, err)
		}
		w.exec(insRelation, "", "relation "+r.ID,
			r.ID, d.Name, string(r.Channel), string(r.Kind), r.Object, string(units), r.Description)
	}
	for _, a := range d.Actors {
		w.exec(insActor, "", "actor "+a.ID,
			a.ID, d.Name, string(a.Kind), a.Name, a.ISO3, a.COW, a.Note)
		for i, n := range a.Names {
			w.exec(insName, "", fmt.Sprintf("actor %s: name %q", a.ID, n.Text),
				a.ID, i, d.Name, n.Text, string(n.Kind), dateArg(n.Valid.From), dateArg(n.Valid.To), nullString(n.Source))
		}
	}
	for _, f := range d.Facts {
		w.exec(insFact, "", "fact "+f.ID, factArgs(d.Name, f)...)
		for i, s := range f.Sources {
			w.exec(insFactSource, "", fmt.Sprintf("fact %s: source %s", f.ID, s), f.ID, i, d.Name, s)
		}
	}
	return w.err
}

// writer runs the statements of one ReplaceDataset, keeping the first error
// so the caller checks once.
type writer struct {
	cancel  context.Context // the caller's context, checked before each statement
	ctx     context.Context // the transaction's context, never canceled
	tx      *sql.Tx
	dataset string
	stmts   []*sql.Stmt
	err     error
}

// prepare prepares query in the transaction; on error it returns nil and
// records the error.
func (w *writer) prepare(query string) *sql.Stmt {
	if w.err != nil {
		return nil
	}
	s, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		w.err = fmt.Errorf("sqlite: replace dataset %s: prepare: %w", w.dataset, err)
		return nil
	}
	w.stmts = append(w.stmts, s)
	return s
}

// exec runs the prepared statement s, or query if s is nil, with args,
// unless an earlier step failed or the caller's context has ended. A
// failure becomes an error about item.
func (w *writer) exec(s *sql.Stmt, query, item string, args ...any) {
	if w.err != nil {
		return
	}
	if err := w.cancel.Err(); err != nil {
		w.err = fmt.Errorf("sqlite: replace dataset %s: %w", w.dataset, err)
		return
	}
	var err error
	if s != nil {
		_, err = s.ExecContext(w.ctx, args...)
	} else {
		_, err = w.tx.ExecContext(w.ctx, query, args...)
	}
	if err != nil {
		w.err = writeError(err, "dataset "+w.dataset+": "+item)
	}
}

// close closes the prepared statements.
func (w *writer) close() {
	for _, s := range w.stmts {
		s.Close()
	}
}

// factArgs are the columns of the facts table for f, in order.
func factArgs(dataset string, f *leverage.Fact) []any {
	var value, year any
	if f.Value != nil {
		value = *f.Value
	}
	if f.Year != 0 {
		year = f.Year
	}
	return []any{f.ID, dataset, f.Subject, f.Relation, nullString(f.Object), value, f.Text, f.Unit,
		dateArg(f.Valid.From), dateArg(f.Valid.To), year, string(f.Confidence), f.Note}
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

// DatasetVersion returns the version stored under name, or "" if no dataset
// of that name is stored.
func (db *DB) DatasetVersion(ctx context.Context, name string) (string, error) {
	var v string
	err := db.db.QueryRowContext(ctx, `SELECT version FROM datasets WHERE name = ?`, name).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("sqlite: dataset version %s: %w", name, err)
	}
	return v, nil
}
