package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// ReplaceInfluence stores p in place of the stored panel of its profile, in
// one transaction. Whenever it returns an error, nothing has changed.
// report, if not nil, is told how many rows have been sent every few
// thousand rows and when all have been written.
func (db *DB) ReplaceInfluence(ctx context.Context, p *leverage.InfluencePanel, report func(int)) error {
	if err := storecheck.Influence(p); err != nil {
		return err
	}
	n := p.Len()
	// Rows go in in key order: appending to the primary key's B-tree is
	// far cheaper than inserting all over it.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		return cmp.Or(cmp.Compare(p.B[i], p.B[j]), cmp.Compare(p.Year[i], p.Year[j]), cmp.Compare(p.A[i], p.A[j]))
	})
	what := "replace influence panel " + p.Profile
	return db.write(ctx, what, func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue(`DELETE FROM influence WHERE profile = $1`, p.Profile)
		b.Queue(`DELETE FROM influence_panels WHERE profile = $1`, p.Profile)
		b.Queue(`INSERT INTO influence_panels (profile, weights, inputs, components, built_at) VALUES ($1, $2, $3, $4, $5)`,
			p.Profile, p.Weights, p.Inputs, orEmpty(p.Components), p.BuiltAt)
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return err
		}
		parts := make([]float64, len(p.Parts))
		c := copyRows{
			table:   "influence",
			columns: []string{"profile", "b", "year", "a", "bandwidth", "dependence", "value", "parts"},
			n:       n,
			row: func(k int, v []any) {
				i := order[k]
				for j, col := range p.Parts {
					parts[j] = col[i]
				}
				v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7] = p.Profile, p.B[i], p.Year[i], p.A[i], p.Bandwidth[i], p.Dependence[i], p.Index[i], parts
			},
			item: func(key string) string {
				return "row (profile, b, year, a) " + key
			},
			report: report,
		}
		return c.run(ctx, tx, "influence panel "+p.Profile)
	})
}

// Influence returns the panel's metadata and the rows matching q, ordered
// by year, then by index, largest first, then by influencer and target.
func (db *DB) Influence(ctx context.Context, q leverage.InfluenceQuery) (*leverage.InfluencePanel, []leverage.InfluenceRow, error) {
	p := &leverage.InfluencePanel{Profile: q.Profile}
	var out []leverage.InfluenceRow
	err := db.read(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `SELECT weights, inputs, components, built_at FROM influence_panels WHERE profile = $1`, q.Profile).
			Scan(&p.Weights, &p.Inputs, &p.Components, &p.BuiltAt)
		if errors.Is(err, pgx.ErrNoRows) {
			return leverage.Errorf(leverage.ENOTFOUND, "no %s index in the store: run leverage index build --profile %s", q.Profile, q.Profile)
		}
		if err != nil {
			return err
		}
		var w where
		w.add("profile = " + w.arg(q.Profile))
		if q.A != 0 {
			w.add("a = " + w.arg(q.A))
		}
		if q.B != 0 {
			w.add("b = " + w.arg(q.B))
		}
		if q.From != 0 {
			w.add("year >= " + w.arg(q.From))
		}
		if q.To != 0 {
			w.add("year <= " + w.arg(q.To))
		}
		rows, err := tx.Query(ctx, `SELECT a, b, year, bandwidth, dependence, value, parts FROM influence`+
			w.sql()+` ORDER BY year, value DESC, a, b`, w.args...)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var r leverage.InfluenceRow
			if err := rows.Scan(&r.A, &r.B, &r.Year, &r.Bandwidth, &r.Dependence, &r.Index, &r.Parts); err != nil {
				return err
			}
			if len(r.Parts) != len(p.Components) {
				return fmt.Errorf("row %d, %d, %d: %d components, want %d", r.A, r.B, r.Year, len(r.Parts), len(p.Components))
			}
			out = append(out, r)
			return nil
		})
	})
	if err != nil {
		if leverage.ErrorCode(err) == leverage.ENOTFOUND {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("postgres: load influence %s: %w", q.Profile, err)
	}
	return p, out, nil
}
