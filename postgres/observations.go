package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// ReplaceObservations validates d and o and, in one transaction, replaces
// everything stored under d.Name with d and o's variables and rows. Errors
// are as for ReplaceDataset; a repeated row is ECONFLICT. Whenever it
// returns an error, nothing has changed. The rows go in by COPY; report,
// if not nil, is told how many have been sent every few thousand rows and
// when all have been written.
func (db *DB) ReplaceObservations(ctx context.Context, d *leverage.Dataset, o *leverage.Observations, report func(int)) error {
	if err := storecheck.Observations(d, o); err != nil {
		return err
	}
	return db.write(ctx, "replace dataset "+d.Name, func(tx pgx.Tx) error {
		if err := replace(ctx, tx, d); err != nil {
			return err
		}
		ids := make([]int32, len(o.Variables))
		byID := make(map[int32]string, len(o.Variables))
		b := &pgx.Batch{}
		for i, v := range o.Variables {
			b.Queue(`INSERT INTO variables (name, dataset, unit, dyadic, directed, description, source)
				VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
				v.Name, d.Name, v.Unit, v.Dyadic, v.Directed, v.Description, v.Source).QueryRow(func(row pgx.Row) error {
				if err := row.Scan(&ids[i]); err != nil {
					return writeError(err, "dataset "+d.Name+": variable "+v.Name)
				}
				byID[ids[i]] = v.Name
				return nil
			})
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		c := copyRows{
			table:   "observations",
			columns: []string{"variable", "a", "b", "year", "value"},
			n:       o.Len(),
			row: func(i int, v []any) {
				v[0], v[1], v[2], v[3], v[4] = ids[o.Var[i]], o.A[i], o.B[i], o.Year[i], o.Value[i]
			},
			item: func(key string) string {
				// The key is variable, a, b, year.
				f := strings.Split(key, ", ")
				if len(f) == 4 {
					if id, err := strconv.ParseInt(f[0], 10, 32); err == nil && byID[int32(id)] != "" {
						return fmt.Sprintf("observation of %s for %s, %s in %s", byID[int32(id)], f[1], f[2], f[3])
					}
				}
				return "observation " + key
			},
			report: report,
		}
		return c.run(ctx, tx, "dataset "+d.Name)
	})
}

// Observations returns the rows matching f, ordered by variable name, A, B
// and year, with the variables they use.
func (db *DB) Observations(ctx context.Context, f leverage.ObservationFilter) (*leverage.Observations, error) {
	var w where
	if len(f.Variables) > 0 {
		w.add("v.name = ANY(" + w.arg(f.Variables) + ")")
	}
	if len(f.States) > 0 {
		states := make([]int32, len(f.States))
		for i, s := range f.States {
			states[i] = int32(s)
		}
		list := w.arg(states)
		w.add("(o.a = ANY(" + list + ") OR o.b = ANY(" + list + "))")
	}
	if f.From != 0 {
		w.add("(o.year = 0 OR o.year >= " + w.arg(f.From) + ")")
	}
	if f.To != 0 {
		w.add("(o.year = 0 OR o.year <= " + w.arg(f.To) + ")")
	}
	o := new(leverage.Observations)
	err := db.read(ctx, func(tx pgx.Tx) error {
		vars, err := variables(ctx, tx)
		if err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT o.variable, o.a, o.b, o.year, o.value
			FROM observations o JOIN variables v ON v.id = o.variable`+w.sql()+`
			ORDER BY v.name, o.a, o.b, o.year`, w.args...)
		if err != nil {
			return err
		}
		// The index of each variable in o.Variables, added as rows use it.
		index := map[int32]int{}
		var (
			id          int32
			a, b, year  int32
			value       float64
			lastID      int32 = -1
			last        int
			scanTargets = []any{&id, &a, &b, &year, &value}
		)
		return scanAll(rows, func() error {
			if err := rows.Scan(scanTargets...); err != nil {
				return err
			}
			if id != lastID {
				i, ok := index[id]
				if !ok {
					v, known := vars[id]
					if !known {
						return fmt.Errorf("observation of unknown variable %d", id)
					}
					i = len(o.Variables)
					index[id] = i
					o.Variables = append(o.Variables, v)
				}
				lastID, last = id, i
			}
			o.Var = append(o.Var, int32(last))
			o.A = append(o.A, a)
			o.B = append(o.B, b)
			o.Year = append(o.Year, year)
			o.Value = append(o.Value, value)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: load observations: %w", err)
	}
	return o, nil
}

// variables returns every stored variable by id.
func variables(ctx context.Context, tx pgx.Tx) (map[int32]leverage.Variable, error) {
	rows, err := tx.Query(ctx, `SELECT id, name, unit, dyadic, directed, description, source FROM variables`)
	if err != nil {
		return nil, err
	}
	vars := map[int32]leverage.Variable{}
	err = scanAll(rows, func() error {
		var (
			id int32
			v  leverage.Variable
		)
		if err := rows.Scan(&id, &v.Name, &v.Unit, &v.Dyadic, &v.Directed, &v.Description, &v.Source); err != nil {
			return err
		}
		vars[id] = v
		return nil
	})
	return vars, err
}

// Variables returns every stored variable, ordered by name.
func (db *DB) Variables(ctx context.Context) ([]leverage.Variable, error) {
	rows, err := db.pool.Query(ctx, `SELECT name, unit, dyadic, directed, description, source FROM variables ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("postgres: load variables: %w", err)
	}
	var vs []leverage.Variable
	err = scanAll(rows, func() error {
		var v leverage.Variable
		if err := rows.Scan(&v.Name, &v.Unit, &v.Dyadic, &v.Directed, &v.Description, &v.Source); err != nil {
			return err
		}
		vs = append(vs, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: load variables: %w", err)
	}
	return vs, nil
}
