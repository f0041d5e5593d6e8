package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// ReplaceInfluence stores p in place of the stored panel of its profile, in
// one transaction. Whenever it returns an error, nothing has changed.
func (db *DB) ReplaceInfluence(ctx context.Context, p *leverage.InfluencePanel, report func(int)) error {
	if err := storecheck.Influence(p); err != nil {
		return err
	}
	n := p.Len()
	components, err := json.Marshal(p.Components)
	if err != nil {
		return fmt.Errorf("sqlite: influence panel %s: %w", p.Profile, err)
	}
	// Rows go in in key order: appending to the table's B-tree is far
	// cheaper than inserting all over it.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		return cmp.Or(cmp.Compare(p.B[i], p.B[j]), cmp.Compare(p.Year[i], p.Year[j]), cmp.Compare(p.A[i], p.A[j]))
	})
	return db.write(ctx, "replace influence panel "+p.Profile, func(w *writer) error {
		w.exec(nil, `DELETE FROM influence_panels WHERE profile = ?`, "delete panel", p.Profile)
		w.exec(nil, `INSERT INTO influence_panels (profile, weights, inputs, components, built_at) VALUES (?, ?, ?, ?, ?)`,
			"panel", p.Profile, p.Weights, p.Inputs, string(components), p.BuiltAt)
		return w.insertRows("influence", "(profile, b, year, a, bandwidth, dependence, value, parts)", 8, n, report,
			func(k int, args []any) []any {
				i := order[k]
				parts := make([]byte, 8*len(p.Parts))
				for j, col := range p.Parts {
					binary.LittleEndian.PutUint64(parts[8*j:], math.Float64bits(col[i]))
				}
				return append(args, p.Profile, p.B[i], p.Year[i], p.A[i], p.Bandwidth[i], p.Dependence[i], p.Index[i], parts)
			}, func(k int) string {
				i := order[k]
				return fmt.Sprintf("row %d, %d, %d", p.A[i], p.B[i], p.Year[i])
			})
	})
}

// Influence returns the panel's metadata and the rows matching q, ordered
// by year, then by index, largest first, then by influencer and target.
func (db *DB) Influence(ctx context.Context, q leverage.InfluenceQuery) (*leverage.InfluencePanel, []leverage.InfluenceRow, error) {
	p := &leverage.InfluencePanel{Profile: q.Profile}
	var out []leverage.InfluenceRow
	err := db.read(ctx, func(tx *sql.Tx) error {
		var components string
		err := tx.QueryRowContext(ctx, `SELECT weights, inputs, components, built_at FROM influence_panels WHERE profile = ?`, q.Profile).
			Scan(&p.Weights, &p.Inputs, &components, &p.BuiltAt)
		if errors.Is(err, sql.ErrNoRows) {
			return leverage.Errorf(leverage.ENOTFOUND, "no %s index in the store: run leverage index build --profile %s", q.Profile, q.Profile)
		}
		if err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(components), &p.Components); err != nil {
			return fmt.Errorf("components: %w", err)
		}
		w := where{conds: []string{"profile = ?"}, args: []any{q.Profile}}
		if q.A != 0 {
			w.add("a = ?", q.A)
		}
		if q.B != 0 {
			w.add("b = ?", q.B)
		}
		if q.From != 0 {
			w.add("year >= ?", q.From)
		}
		if q.To != 0 {
			w.add("year <= ?", q.To)
		}
		rows, err := tx.QueryContext(ctx, `SELECT a, b, year, bandwidth, dependence, value, parts FROM influence`+
			w.sql()+` ORDER BY year, value DESC, a, b`, w.args...)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				r     leverage.InfluenceRow
				parts []byte
			)
			if err := rows.Scan(&r.A, &r.B, &r.Year, &r.Bandwidth, &r.Dependence, &r.Index, &parts); err != nil {
				return err
			}
			if len(parts) != 8*len(p.Components) {
				return fmt.Errorf("row %d, %d, %d: %d bytes of components, want %d", r.A, r.B, r.Year, len(parts), 8*len(p.Components))
			}
			r.Parts = make([]float64, len(p.Components))
			for j := range r.Parts {
				r.Parts[j] = math.Float64frombits(binary.LittleEndian.Uint64(parts[8*j:]))
			}
			out = append(out, r)
			return nil
		})
	})
	if err != nil {
		if leverage.ErrorCode(err) == leverage.ENOTFOUND {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("sqlite: load influence %s: %w", q.Profile, err)
	}
	return p, out, nil
}
