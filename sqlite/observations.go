package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// batch is the number of rows one INSERT statement writes; many rows per
// statement cost far less than one statement per row.
const batch = 256

// ReplaceObservations validates d and o and, in one transaction, replaces
// everything stored under d.Name with d and o's variables and rows. Errors
// are as for ReplaceDataset; a repeated row is ECONFLICT. Whenever it
// returns an error, nothing has changed.
func (db *DB) ReplaceObservations(ctx context.Context, d *leverage.Dataset, o *leverage.Observations, report func(int)) error {
	if err := storecheck.Observations(d, o); err != nil {
		return err
	}
	return db.write(ctx, "replace dataset "+d.Name, func(w *writer) error {
		w.dataset = d.Name
		if err := w.replace(d); err != nil {
			return err
		}
		ids := make([]int64, len(o.Variables))
		for i, v := range o.Variables {
			if w.err != nil {
				break
			}
			if err := w.cancel.Err(); err != nil {
				return err
			}
			res, err := w.tx.ExecContext(w.ctx, `INSERT INTO variables
				(name, dataset, unit, dyadic, directed, description, source) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				v.Name, d.Name, v.Unit, v.Dyadic, v.Directed, v.Description, v.Source)
			if err != nil {
				return writeError(err, "dataset "+d.Name+": variable "+v.Name)
			}
			if ids[i], err = res.LastInsertId(); err != nil {
				return err
			}
		}
		return w.insertRows("observations", "(variable, a, b, year, value)", 5, o.Len(), report,
			func(i int, args []any) []any {
				return append(args, ids[o.Var[i]], o.A[i], o.B[i], o.Year[i], o.Value[i])
			}, func(i int) string {
				return fmt.Sprintf("observation of %s for %d, %d in %d", o.Variables[o.Var[i]].Name, o.A[i], o.B[i], o.Year[i])
			})
	})
}

// write runs fn in a transaction and commits it, or rolls it back if fn or
// the commit fails. Like ReplaceDataset, it checks ctx between statements
// rather than making the commit cancelable.
func (db *DB) write(ctx context.Context, what string, fn func(w *writer) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	txCtx := context.WithoutCancel(ctx)
	tx, err := db.db.BeginTx(txCtx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	defer tx.Rollback()
	w := &writer{cancel: ctx, ctx: txCtx, tx: tx, dataset: what}
	defer w.close()
	if err := fn(w); err != nil {
		return err
	}
	if w.err != nil {
		return w.err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("sqlite: %s: %w", what, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: %s: commit: %w", what, err)
	}
	return nil
}

// insertRows inserts n rows into table, batch rows per statement: row(i,
// args) appends the width values of row i; item(i) names row i in errors.
// report, if not nil, is called after each statement with the rows written.
func (w *writer) insertRows(table, columns string, width, n int, report func(int), row func(i int, args []any) []any, item func(i int) string) error {
	one := "(" + strings.Repeat("?, ", width-1) + "?)"
	full := w.prepare(`INSERT INTO ` + table + ` ` + columns + ` VALUES ` + strings.Repeat(one+", ", batch-1) + one)
	args := make([]any, 0, width*batch)
	for start := 0; start < n && w.err == nil; start += batch {
		end := min(start+batch, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		stmt, query := full, ""
		if end-start < batch {
			stmt, query = nil, `INSERT INTO `+table+` `+columns+` VALUES `+strings.Repeat(one+", ", end-start-1)+one
		}
		w.exec(stmt, query, "", args...)
		if w.err != nil {
			// Name the offending row: a failed statement leaves the
			// transaction as it was, so retry the batch row by row.
			w.err = nil
			for i := start; i < end && w.err == nil; i++ {
				w.exec(nil, `INSERT INTO `+table+` `+columns+` VALUES `+one, item(i), row(i, nil)...)
			}
			if w.err == nil {
				w.err = fmt.Errorf("sqlite: %s: insert into %s failed", w.dataset, table)
			}
			return w.err
		}
		if report != nil {
			report(end)
		}
	}
	return w.err
}

// Observations returns the rows matching f, ordered by variable name, A, B
// and year, with the variables they use.
func (db *DB) Observations(ctx context.Context, f leverage.ObservationFilter) (*leverage.Observations, error) {
	var w where
	w.in("v.name", f.Variables)
	if len(f.States) > 0 {
		ph := strings.Repeat("?, ", len(f.States)-1) + "?"
		args := make([]any, 0, 2*len(f.States))
		for _, s := range f.States {
			args = append(args, s)
		}
		for _, s := range f.States {
			args = append(args, s)
		}
		w.add("(o.a IN ("+ph+") OR o.b IN ("+ph+"))", args...)
	}
	if f.From != 0 {
		w.add("(o.year = 0 OR o.year >= ?)", f.From)
	}
	if f.To != 0 {
		w.add("(o.year = 0 OR o.year <= ?)", f.To)
	}
	o := new(leverage.Observations)
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT v.name, v.unit, v.dyadic, v.directed, v.description, v.source,
			o.a, o.b, o.year, o.value
			FROM observations o JOIN variables v ON v.id = o.variable`+w.sql()+`
			ORDER BY v.name, o.a, o.b, o.year`, w.args...)
		if err != nil {
			return err
		}
		index := map[string]int{}
		return scanAll(rows, func() error {
			var (
				v          leverage.Variable
				a, b, year int
				value      float64
			)
			if err := rows.Scan(&v.Name, &v.Unit, &v.Dyadic, &v.Directed, &v.Description, &v.Source, &a, &b, &year, &value); err != nil {
				return err
			}
			i, ok := index[v.Name]
			if !ok {
				i = len(o.Variables)
				index[v.Name] = i
				o.Variables = append(o.Variables, v)
			}
			o.Add(i, a, b, year, value)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: load observations: %w", err)
	}
	return o, nil
}

// Variables returns every stored variable, ordered by name.
func (db *DB) Variables(ctx context.Context) ([]leverage.Variable, error) {
	var vs []leverage.Variable
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT name, unit, dyadic, directed, description, source FROM variables ORDER BY name`)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var v leverage.Variable
			if err := rows.Scan(&v.Name, &v.Unit, &v.Dyadic, &v.Directed, &v.Description, &v.Source); err != nil {
				return err
			}
			vs = append(vs, v)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: load variables: %w", err)
	}
	return vs, nil
}
