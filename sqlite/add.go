package sqlite

import (
	"context"
	"fmt"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/storecheck"
)

// AddFacts stores sources and facts under the dataset name, adding to what
// it holds; see [leverage.FactService]. The facts are checked against
// everything stored, as Dataset.Validate checks a dataset's own facts.
func (db *DB) AddFacts(ctx context.Context, dataset string, sources []*leverage.Source, facts []*leverage.Fact) error {
	added, err := storecheck.AddFacts(ctx, db, dataset, sources, facts)
	if err != nil {
		return err
	}
	return db.write(ctx, "add facts to dataset "+dataset, func(w *writer) error {
		w.dataset = dataset // errors name the dataset, as when it is replaced
		w.exec(nil, `INSERT INTO datasets (name, version, loaded_at) VALUES (?, 'added', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
			ON CONFLICT (name) DO UPDATE SET loaded_at = excluded.loaded_at`, "dataset", dataset)
		for _, s := range added {
			w.exec(nil, `INSERT INTO sources (id, dataset, kind, title, publisher, url, date, accessed, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, "source "+s.ID,
				s.ID, dataset, string(s.Kind), s.Title, s.Publisher, s.URL, dateArg(s.Date), dateArg(s.Accessed), s.Note)
		}
		for _, f := range facts {
			w.exec(nil, `INSERT INTO facts (id, dataset, subject, relation, object, value, text, unit, valid_from, valid_to, year, confidence, note)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, "fact "+f.ID, factArgs(dataset, f)...)
			for i, s := range f.Sources {
				w.exec(nil, `INSERT INTO fact_sources (fact_id, position, dataset, source_id) VALUES (?, ?, ?, ?)`,
					fmt.Sprintf("fact %s: source %s", f.ID, s), f.ID, i, dataset, s)
			}
		}
		return nil
	})
}
