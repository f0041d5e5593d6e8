package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// AddFacts stores sources and facts under the dataset name, adding to what
// it holds; see [leverage.FactService]. The facts are checked against
// everything stored, as Dataset.Validate checks a dataset's own facts, in
// the transaction that writes them, while other writers wait: what they
// refer to cannot go meanwhile.
func (db *DB) AddFacts(ctx context.Context, dataset string, sources []*leverage.Source, facts []*leverage.Fact) error {
	if dataset == "" {
		return leverage.Errorf(leverage.EINVALID, "dataset name required")
	}
	var factSources int
	for _, f := range facts {
		factSources += len(f.Sources)
	}
	return db.write(ctx, "add facts to dataset "+dataset, func(tx pgx.Tx) error {
		added, err := storecheck.AddFacts(ctx, txWorld{tx}, dataset, sources, facts)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO datasets (name, version, loaded_at) VALUES ($1, 'added', $2)
			ON CONFLICT (name) DO UPDATE SET loaded_at = excluded.loaded_at`, dataset, time.Now().UTC()); err != nil {
			return fmt.Errorf("record the dataset: %w", err)
		}
		label := "dataset " + dataset
		src := copyRows{
			table:   "sources",
			columns: []string{"id", "dataset", "kind", "title", "publisher", "url", "date", "accessed", "note"},
			n:       len(added),
			row: func(i int, v []any) {
				s := added[i]
				v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8] = s.ID, dataset, string(s.Kind), s.Title, s.Publisher, s.URL, dateArg(s.Date), dateArg(s.Accessed), s.Note
			},
			item: func(key string) string { return "source " + key },
		}
		for _, c := range []copyRows{src, factCopy(dataset, facts), factSourceCopy(dataset, facts, factSources)} {
			if err := c.run(ctx, tx, label); err != nil {
				return err
			}
		}
		return nil
	})
}
