package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/leverage-dev/leverage"
)

// Actors returns the actors matching f, ordered by id, each with its names
// in stored order.
func (db *DB) Actors(ctx context.Context, f leverage.ActorFilter) ([]*leverage.Actor, error) {
	var w where
	w.in("id", f.IDs)
	if f.Kind != "" {
		w.add("kind = ?", string(f.Kind))
	}
	var actors []*leverage.Actor
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, kind, name, iso3, cow, note FROM actors`+w.sql()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		byID := make(map[string]*leverage.Actor)
		err = scanAll(rows, func() error {
			a := new(leverage.Actor)
			var kind string
			if err := rows.Scan(&a.ID, &kind, &a.Name, &a.ISO3, &a.COW, &a.Note); err != nil {
				return err
			}
			a.Kind = leverage.ActorKind(kind)
			actors = append(actors, a)
			byID[a.ID] = a
			return nil
		})
		if err != nil || len(actors) == 0 {
			return err
		}

		rows, err = tx.QueryContext(ctx, `SELECT actor, text, kind, valid_from, valid_to, source FROM names
			WHERE actor IN (SELECT id FROM actors`+w.sql()+`) ORDER BY actor, position`, w.args...)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				actor, kind   string
				n             leverage.Name
				from, to, src sql.NullString
			)
			if err := rows.Scan(&actor, &n.Text, &kind, &from, &to, &src); err != nil {
				return err
			}
			n.Kind = leverage.NameKind(kind)
			n.Source = src.String
			if err := parsePeriod(&n.Valid, from, to); err != nil {
				return fmt.Errorf("actor %s: name %q: %w", actor, n.Text, err)
			}
			if a := byID[actor]; a != nil {
				a.Names = append(a.Names, n)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: load actors: %w", err)
	}
	return actors, nil
}

// Facts returns the facts matching f, ordered by id, each with its sources
// in stored order.
func (db *DB) Facts(ctx context.Context, f leverage.FactFilter) ([]*leverage.Fact, error) {
	var w where
	if len(f.Actors) > 0 {
		list, args := placeholders(f.Actors)
		w.add("(subject IN "+list+" OR object IN "+list+")", append(args, args...)...)
	}
	w.in("relation", f.Relations)
	if f.Source != "" {
		w.add("id IN (SELECT fact_id FROM fact_sources WHERE source_id = ?)", f.Source)
	}
	var facts []*leverage.Fact
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, subject, relation, object, value, text, unit,
			valid_from, valid_to, year, confidence, note FROM facts`+w.sql()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		byID := make(map[string]*leverage.Fact)
		err = scanAll(rows, func() error {
			var (
				x                leverage.Fact
				object, from, to sql.NullString
				value            sql.NullFloat64
				year             sql.NullInt64
				confidence       string
			)
			if err := rows.Scan(&x.ID, &x.Subject, &x.Relation, &object, &value, &x.Text, &x.Unit,
				&from, &to, &year, &confidence, &x.Note); err != nil {
				return err
			}
			x.Object = object.String
			if value.Valid {
				v := value.Float64
				x.Value = &v
			}
			x.Year = int(year.Int64)
			x.Confidence = leverage.Confidence(confidence)
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

		rows, err = tx.QueryContext(ctx, `SELECT fact_id, source_id FROM fact_sources
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
		return nil, fmt.Errorf("sqlite: load facts: %w", err)
	}
	return facts, nil
}

// Sources returns the sources matching f, ordered by id.
func (db *DB) Sources(ctx context.Context, f leverage.SourceFilter) ([]*leverage.Source, error) {
	var w where
	w.in("id", f.IDs)
	var sources []*leverage.Source
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, kind, title, publisher, url, date, accessed, note
			FROM sources`+w.sql()+` ORDER BY id`, w.args...)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				s              leverage.Source
				kind           string
				date, accessed sql.NullString
				err            error
			)
			if err := rows.Scan(&s.ID, &kind, &s.Title, &s.Publisher, &s.URL, &date, &accessed, &s.Note); err != nil {
				return err
			}
			s.Kind = leverage.SourceKind(kind)
			if s.Date, err = parseDate(date); err != nil {
				return fmt.Errorf("source %s: %w", s.ID, err)
			}
			if s.Accessed, err = parseDate(accessed); err != nil {
				return fmt.Errorf("source %s: %w", s.ID, err)
			}
			sources = append(sources, &s)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: load sources: %w", err)
	}
	return sources, nil
}

// Relations returns every relation, ordered by id.
func (db *DB) Relations(ctx context.Context) ([]*leverage.Relation, error) {
	var relations []*leverage.Relation
	err := db.read(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, channel, kind, object, units, description
			FROM relations ORDER BY id`)
		if err != nil {
			return err
		}
		return scanAll(rows, func() error {
			var (
				r             leverage.Relation
				channel, kind string
				units         string
			)
			if err := rows.Scan(&r.ID, &channel, &kind, &r.Object, &units, &r.Description); err != nil {
				return err
			}
			r.Channel = leverage.Channel(channel)
			r.Kind = leverage.RelationKind(kind)
			if err := json.Unmarshal([]byte(units), &r.Units); err != nil {
				return fmt.Errorf("relation %s: units: %w", r.ID, err)
			}
			relations = append(relations, &r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: load relations: %w", err)
	}
	return relations, nil
}

// read runs fn in a read-only transaction, so that the queries it makes see
// the same state of the database.
func (db *DB) read(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// scanAll calls scan for each row of rows and closes them.
func scanAll(rows *sql.Rows, scan func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := scan(); err != nil {
			return err
		}
	}
	return rows.Err()
}

// where builds the WHERE clause of a query from conditions joined by AND,
// each with its placeholders' arguments.
type where struct {
	conds []string
	args  []any
}

// add adds a condition and the arguments of its placeholders.
func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// in adds "column is one of values" unless values is empty. column must be
// a constant, never input.
func (w *where) in(column string, values []string) {
	if len(values) > 0 {
		list, args := placeholders(values)
		w.add(column+" IN "+list, args...)
	}
}

// placeholders returns "(?, ?, ...)" with one placeholder per value, and the
// values as arguments.
func placeholders(values []string) (string, []any) {
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	return "(" + strings.Repeat("?, ", len(values)-1) + "?)", args
}

// sql returns the clause with a leading space, or "" if there are no
// conditions.
func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// parseDate reads a stored date; NULL is the zero Date.
func parseDate(s sql.NullString) (leverage.Date, error) {
	if !s.Valid {
		return leverage.Date{}, nil
	}
	return leverage.ParseDate(s.String)
}

// parsePeriod reads a stored period into p.
func parsePeriod(p *leverage.Period, from, to sql.NullString) error {
	var err error
	if p.From, err = parseDate(from); err != nil {
		return err
	}
	p.To, err = parseDate(to)
	return err
}
