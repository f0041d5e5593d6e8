// Package sqlite stores the leverage model in an SQLite database file. It
// implements [leverage.Store] and needs no C compiler.
//
// The database keeps each dataset's rows under the dataset's name, so a
// dataset can be replaced as a whole without touching the others.
// Identifiers of actors, sources, relations, facts, network nodes and
// network edges are unique across datasets: a dataset that reuses another
// dataset's identifier is refused with [leverage.ECONFLICT].
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	sqlite "modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Memory is the path that opens a private in-memory database, which lives
// until the DB is closed.
const Memory = ":memory:"

// busyTimeout is how long a connection waits for another's lock.
const busyTimeout = 5 * time.Second

//go:embed migration/*.sql
var migrations embed.FS

// DB is a leverage store kept in an SQLite database. It is safe for
// concurrent use.
type DB struct {
	db *sql.DB
}

var _ leverage.Store = (*DB)(nil)

// Open opens the database at path, creating it and its parent directories
// if need be, and brings its schema up to date. The path [Memory] opens a
// fresh in-memory database.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: open: empty path")
	}
	params := url.Values{}
	params.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	params.Add("_pragma", "foreign_keys(1)")
	// 64 MB of page cache (the default is 2 MB) keeps bulk imports of
	// millions of rows from spilling pages to disk repeatedly.
	params.Add("_pragma", "cache_size(-65536)")
	memory := path == Memory
	var dsn string
	if memory {
		dsn = Memory + "?" + params.Encode()
	} else {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		// Writers take the write lock when they begin, so two writers wait
		// for each other under busy_timeout instead of failing on upgrade.
		params.Set("_txlock", "immediate")
		u, err := fileURI(path)
		if err != nil {
			return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
		}
		dsn = u + "?" + params.Encode()
	}
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if memory {
		// Each connection to ":memory:" is a database of its own: keep one.
		sdb.SetMaxOpenConns(1)
		sdb.SetMaxIdleConns(1)
		sdb.SetConnMaxLifetime(0)
		sdb.SetConnMaxIdleTime(0)
	}
	db := &DB{db: sdb}
	if err := db.init(ctx, memory); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return db, nil
}

// fileURI turns a file path into an SQLite URI, escaping the characters
// that URIs give a meaning to.
func fileURI(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // a Windows drive letter
	}
	u := url.URL{Scheme: "file", Path: abs}
	return u.String(), nil
}

// init checks the connection, turns on write-ahead logging for files and
// applies pending migrations.
func (db *DB) init(ctx context.Context, memory bool) error {
	if err := db.db.PingContext(ctx); err != nil {
		return err
	}
	if !memory {
		if err := db.setWAL(ctx); err != nil {
			return fmt.Errorf("set journal mode: %w", err)
		}
	}
	return db.migrate(ctx)
}

// setWAL turns on write-ahead logging. Changing the journal mode does not
// wait for other connections under busy_timeout, so it retries for as long.
func (db *DB) setWAL(ctx context.Context) error {
	const retry = 10 * time.Millisecond
	for tries := busyTimeout / retry; ; tries-- {
		var mode string
		err := db.db.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
		if err == nil {
			if !strings.EqualFold(mode, "wal") {
				return fmt.Errorf("got %q, want wal", mode)
			}
			return nil
		}
		var se *sqlite.Error
		if tries <= 0 || !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_BUSY {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(retry):
		}
	}
}

// migrate applies, in name order, every embedded migration not yet recorded
// in the migrations table.
func (db *DB) migrate(ctx context.Context) error {
	const create = `CREATE TABLE IF NOT EXISTS migrations (
		name       TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL
	) STRICT`
	if _, err := db.db.ExecContext(ctx, create); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	entries, err := fs.ReadDir(migrations, "migration") // sorted by name
	if err != nil {
		return fmt.Errorf("read migrations: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		if err := db.apply(ctx, e.Name()); err != nil {
			return fmt.Errorf("migration %s: %w", e.Name(), err)
		}
	}
	return nil
}

// apply runs one migration and records it, in one transaction, unless it
// is already recorded.
func (db *DB) apply(ctx context.Context, name string) error {
	body, err := migrations.ReadFile(path.Join("migration", name))
	if err != nil {
		return err
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	now := time.Now().UTC().Format(time.RFC3339)
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`, name, now); err != nil {
		return err
	}
	return tx.Commit()
}

// Close closes the database.
func (db *DB) Close() error {
	if err := db.db.Close(); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

// writeError turns a constraint violation met while writing item into a
// *leverage.Error that names item and hides the driver's text. Other errors
// are wrapped.
func writeError(err error, item string) error {
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_CONSTRAINT {
		return fmt.Errorf("sqlite: store %s: %w", item, err)
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY, sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_ROWID:
		return leverage.Errorf(leverage.ECONFLICT, "%s: id already stored, perhaps by another dataset", item)
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return leverage.Errorf(leverage.EINVALID, "%s: refers to something not stored", item)
	}
	return leverage.Errorf(leverage.EINVALID, "%s: breaks a rule of the store", item)
}
