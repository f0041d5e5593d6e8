package sqlite

import (
	"context"
	"fmt"

	"github.com/leverage-dev/leverage"
)

// AddFacts stores sources and facts under the dataset name, adding to what
// it holds; see [leverage.FactService]. The facts are checked against
// everything stored, as Dataset.Validate checks a dataset's own facts.
func (db *DB) AddFacts(ctx context.Context, dataset string, sources []*leverage.Source, facts []*leverage.Fact) error {
	if dataset == "" {
		return leverage.Errorf(leverage.EINVALID, "dataset name required")
	}
	// The world the facts may refer to: everything stored, and the sources
	// given (a stored source wins).
	actors, err := db.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return err
	}
	rels, err := db.Relations(ctx)
	if err != nil {
		return err
	}
	stored, err := db.Sources(ctx, leverage.SourceFilter{})
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, s := range stored {
		have[s.ID] = true
	}
	var added []*leverage.Source
	for _, s := range sources {
		if err := s.Validate(); err != nil {
			return err
		}
		if !have[s.ID] {
			have[s.ID] = true
			added = append(added, s)
		}
	}
	world := &leverage.Dataset{Name: dataset, Actors: actors, Relations: rels, Sources: append(stored, added...)}
	if err := world.Index(); err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, f := range facts {
		if ids[f.ID] {
			return leverage.Errorf(leverage.ECONFLICT, "fact %s given twice", f.ID)
		}
		ids[f.ID] = true
		if err := world.CheckFact(f); err != nil {
			return err
		}
	}
	if err := checkStorable(&leverage.Dataset{Name: dataset, Sources: added, Facts: facts}); err != nil {
		return err
	}
	return db.write(ctx, "add facts to dataset "+dataset, func(w *writer) error {
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
