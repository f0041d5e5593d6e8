package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// checkEvery is how many rows a copy sends between looks at its context
// and reports of progress.
const checkEvery = 4096

// copyRows is one bulk write: n rows into table's columns by COPY, the
// fastest way into PostgreSQL.
type copyRows struct {
	table   string
	columns []string
	n       int
	// row fills v, one value per column, with row i. Rows are asked for in
	// order, once each.
	row func(i int, v []any)
	// item names, for errors, the row whose key the server reports, as
	// the server prints it ("KAZ", "1, 2, 20, 1500").
	item func(key string) string
	// report, if not nil, is told how many rows have been sent, every
	// checkEvery rows and at the end. While rows are sent it is called on
	// the goroutine pgx reads them on, never while the caller's code runs:
	// the caller is waiting for the copy.
	report func(done int)
}

// run copies the rows in tx. A constraint violation becomes a
// *leverage.Error about the row the server names, under label (such as
// "dataset alpha"); the end of ctx stops the copy.
func (c *copyRows) run(ctx context.Context, tx pgx.Tx, label string) error {
	if c.n == 0 {
		return nil
	}
	src := &rowSource{ctx: ctx, c: c, v: make([]any, len(c.columns))}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.columns, src); err != nil {
		if src.err != nil {
			return src.err
		}
		if code := pgCode(err); code != "" {
			key := violatedKey(err)
			if key == "" {
				return writeError(err, label+": "+c.table)
			}
			return writeError(err, label+": "+c.item(key))
		}
		return fmt.Errorf("copy into %s: %w", c.table, err)
	}
	if c.report != nil {
		c.report(c.n)
	}
	return nil
}

// rowSource feeds a copyRows to pgx's CopyFrom, stopping when its context
// ends.
type rowSource struct {
	ctx context.Context
	c   *copyRows
	i   int // rows sent
	v   []any
	err error
}

// Next prepares the next row, if any.
func (s *rowSource) Next() bool {
	if s.i >= s.c.n || s.err != nil {
		return false
	}
	if s.i%checkEvery == 0 && s.i > 0 {
		if err := s.ctx.Err(); err != nil {
			s.err = err
			return false
		}
		if s.c.report != nil {
			s.c.report(s.i)
		}
	}
	s.c.row(s.i, s.v)
	s.i++
	return true
}

// Values returns the row Next prepared.
func (s *rowSource) Values() ([]any, error) { return s.v, nil }

// Err returns why the copy stopped early, if it did.
func (s *rowSource) Err() error { return s.err }
