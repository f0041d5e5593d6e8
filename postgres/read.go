package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/leverage-dev/leverage"
)

// Actors returns the actors matching f, ordered by id, each with its names
// in stored order.
func (db *DB) Actors(ctx context.Context, f leverage.ActorFilter) ([]*leverage.Actor, error) {
	var actors []*leverage.Actor
	err := db.read(ctx, func(tx pgx.Tx) error {
		var err error
		actors, err = readActors(ctx, tx, f)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: load actors: %w", err)
	}
	return actors, nil
}

// readActors reads the actors matching f, and their names, in tx.
func readActors(ctx context.Context, tx pgx.Tx, f leverage.ActorFilter) ([]*leverage.Actor, error) {
	var w where
	if len(f.IDs) > 0 {
		w.add("id = ANY(" + w.arg(f.IDs) + ")")
	}
	if f.Kind != "" {
		w.add("kind = " + w.arg(string(f.Kind)))
	}
	var actors []*leverage.Actor
	err := func() error {
		rows, err := tx.Query(ctx, `SELECT id, kind, name, iso3, cow, note FROM actors`+w.sql()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		byID := make(map[string]*leverage.Actor)
		err = scanAll(rows, func() error {
			a := new(leverage.Actor)
			if err := rows.Scan(&a.ID, &a.Kind, &a.Name, &a.ISO3, &a.COW, &a.Note); err != nil {
				return err
			}
			actors = append(actors, a)
			byID[a.ID] = a
			return nil
		})
		if err != nil || len(actors) == 0 {
			return err
		}

		rows, err = tx.Query(ctx, `SELECT actor, text, kind, valid_from, valid_to, source FROM names
			WHERE actor IN (SELECT id FROM actors`+w.sql()+`) ORDER BY actor, position`, w.args...)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				actor         string
				n             leverage.Name
				from, to, src *string
			)
			if err := rows.Scan(&actor, &n.Text, &n.Kind, &from, &to, &src); err != nil {
				return err
			}
			if src != nil {
				n.Source = *src
			}
			if err := parsePeriod(&n.Valid, from, to); err != nil {
				return fmt.Errorf("actor %s: name %q: %w", actor, n.Text, err)
			}
			if a := byID[actor]; a != nil {
				a.Names = append(a.Names, n)
			}
			return nil
		})
	}()
	return actors, err
}

// Facts returns the facts matching f, ordered by id, each with its sources
// in stored order.
func (db *DB) Facts(ctx context.Context, f leverage.FactFilter) ([]*leverage.Fact, error) {
	var w where
	if len(f.Actors) > 0 {
		list := w.arg(f.Actors)
		w.add("(subject = ANY(" + list + ") OR object = ANY(" + list + "))")
	}
	if len(f.Relations) > 0 {
		w.add("relation = ANY(" + w.arg(f.Relations) + ")")
	}
	if f.Source != "" {
		w.add("id IN (SELECT fact_id FROM fact_sources WHERE source_id = " + w.arg(f.Source) + ")")
	}
	var facts []*leverage.Fact
	err := db.read(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, subject, relation, object, value, text, unit,
			valid_from, valid_to, year, confidence, note FROM facts`+w.sql()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		byID := make(map[string]*leverage.Fact)
		err = scanAll(rows, func() error {
			var (
				x                leverage.Fact
				object, from, to *string
				year             *int
			)
			if err := rows.Scan(&x.ID, &x.Subject, &x.Relation, &object, &x.Value, &x.Text, &x.Unit,
				&from, &to, &year, &x.Confidence, &x.Note); err != nil {
				return err
			}
			if object != nil {
				x.Object = *object
			}
			if year != nil {
				x.Year = *year
			}
			if err := parsePeriod(&x.Valid, from, to); err != nil {
				return fmt.Errorf("fact %s: %w", x.ID, err)
			}
			facts = append(facts, &x)
			byID[x.ID] = &x
			return nil
		})
		if err != nil || len(facts) == 0 {
			return err
		}

		rows, err = tx.Query(ctx, `SELECT fact_id, source_id FROM fact_sources
			WHERE fact_id IN (SELECT id FROM facts`+w.sql()+`) ORDER BY fact_id, position`, w.args...)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var id, src string
			if err := rows.Scan(&id, &src); err != nil {
				return err
			}
			if x := byID[id]; x != nil {
				x.Sources = append(x.Sources, src)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: load facts: %w", err)
	}
	return facts, nil
}

// Sources returns the sources matching f, ordered by id.
func (db *DB) Sources(ctx context.Context, f leverage.SourceFilter) ([]*leverage.Source, error) {
	sources, err := readSources(ctx, db.pool, f)
	if err != nil {
		return nil, fmt.Errorf("postgres: load sources: %w", err)
	}
	return sources, nil
}

// readSources reads the sources matching f with q.
func readSources(ctx context.Context, q querier, f leverage.SourceFilter) ([]*leverage.Source, error) {
	var w where
	if len(f.IDs) > 0 {
		w.add("id = ANY(" + w.arg(f.IDs) + ")")
	}
	rows, err := q.Query(ctx, `SELECT id, kind, title, publisher, url, date, accessed, note
		FROM sources`+w.sql()+` ORDER BY id`, w.args...)
	if err != nil {
		return nil, err
	}
	var sources []*leverage.Source
	err = scanAll(rows, func() error {
		var (
			s              leverage.Source
			date, accessed *string
			err            error
		)
		if err := rows.Scan(&s.ID, &s.Kind, &s.Title, &s.Publisher, &s.URL, &date, &accessed, &s.Note); err != nil {
			return err
		}
		if s.Date, err = parseDate(date); err != nil {
			return fmt.Errorf("source %s: %w", s.ID, err)
		}
		if s.Accessed, err = parseDate(accessed); err != nil {
			return fmt.Errorf("source %s: %w", s.ID, err)
		}
		sources = append(sources, &s)
		return nil
	})
	return sources, err
}

// Relations returns every relation, ordered by id.
func (db *DB) Relations(ctx context.Context) ([]*leverage.Relation, error) {
	relations, err := readRelations(ctx, db.pool)
	if err != nil {
		return nil, fmt.Errorf("postgres: load relations: %w", err)
	}
	return relations, nil
}

// readRelations reads every relation with q.
func readRelations(ctx context.Context, q querier) ([]*leverage.Relation, error) {
	rows, err := q.Query(ctx, `SELECT id, channel, kind, object, units, description FROM relations ORDER BY id`)
	if err != nil {
		return nil, err
	}
	var relations []*leverage.Relation
	err = scanAll(rows, func() error {
		var r leverage.Relation
		if err := rows.Scan(&r.ID, &r.Channel, &r.Kind, &r.Object, &r.Units, &r.Description); err != nil {
			return err
		}
		relations = append(relations, &r)
		return nil
	})
	return relations, err
}

// querier runs queries: the pool, or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// txWorld is what a transaction sees of the stored actors, relations and
// sources, for storecheck.AddFacts.
type txWorld struct{ tx pgx.Tx }

func (w txWorld) Actors(ctx context.Context, f leverage.ActorFilter) ([]*leverage.Actor, error) {
	return readActors(ctx, w.tx, f)
}

func (w txWorld) Relations(ctx context.Context) ([]*leverage.Relation, error) {
	return readRelations(ctx, w.tx)
}

func (w txWorld) Sources(ctx context.Context, f leverage.SourceFilter) ([]*leverage.Source, error) {
	return readSources(ctx, w.tx, f)
}

// read runs fn in a read-only transaction that sees one snapshot of the
// database, so that the queries it makes agree with each other.
func (db *DB) read(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

// scanAll calls scan for each row of rows and closes them.
func scanAll(rows pgx.Rows, scan func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := scan(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// where builds the WHERE clause of a query from conditions joined by AND,
// and the arguments of their placeholders.
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder ("$1", "$2", ...).
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

// add adds a condition. It must be made of constants and placeholders
// from arg, never of input.
func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// sql returns the clause with a leading space, or "" if there are no
// conditions.
func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// parseDate reads a stored date; NULL is the zero Date.
func parseDate(s *string) (leverage.Date, error) {
	if s == nil {
		return leverage.Date{}, nil
	}
	return leverage.ParseDate(*s)
}

// parsePeriod reads a stored period into p.
func parsePeriod(p *leverage.Period, from, to *string) error {
	var err error
	if p.From, err = parseDate(from); err != nil {
		return err
	}
	p.To, err = parseDate(to)
	return err
}
