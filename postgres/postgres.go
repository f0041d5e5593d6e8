// Package postgres stores the leverage model in a PostgreSQL database. It
// implements [leverage.Store] with pgx and needs no C compiler.
//
// It keeps the rules of package sqlite: the database keeps each dataset's
// rows under the dataset's name, so a dataset can be replaced as a whole
// without touching the others, in one transaction; identifiers of actors,
// sources, relations, facts, network nodes and network edges are unique
// across datasets, and a dataset that reuses another dataset's identifier
// is refused with [leverage.ECONFLICT]. Both stores pass the same
// conformance suite (package storetest) and refuse the same input with the
// same errors (package internal/storecheck).
//
// Open brings the schema up to date from the migrations embedded in the
// package, under an advisory lock, so that processes opening the same
// database at once apply each migration once. The schema is ready to be
// distributed with Citus; docs/deploy.md says how.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/leverage-dev/leverage"
)

//go:embed migration/*.sql
var migrations embed.FS

// The first keys of the advisory locks the store takes: while migrating
// ("leve"), and while writing ("levw"). The second key is a hash of the
// schema, so that stores in different schemas of one database do not wait
// for each other.
const (
	migrateLock = 0x6c657665
	writeLock   = 0x6c657677
)

// DB is a leverage store kept in a PostgreSQL database. It is safe for
// concurrent use. Readers see a snapshot and never wait; writers take
// turns (see write).
type DB struct {
	pool   *pgxpool.Pool
	schema int32 // hash of the schema, the second key of the advisory locks
}

var _ leverage.Store = (*DB)(nil)

// IsURL reports whether s names a PostgreSQL database: a URL of the scheme
// postgres or postgresql. Anything else is taken for an SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns the URL u with its password, if any, replaced by "xxxxx",
// for messages. A string that does not parse as a URL comes back as a
// placeholder rather than risk showing a password.
func Redact(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return "(a PostgreSQL URL that does not parse)"
	}
	q := p.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		p.RawQuery = q.Encode()
	}
	return p.Redacted()
}

// Open connects to the database at connString, a URL such as
// postgres://user@host:5432/leverage?sslmode=disable (or a libpq keyword
// string), and brings its schema up to date. The tables are created in the
// first schema of the search path, which the URL may set with
// search_path=NAME. Errors do not show the password.
func Open(ctx context.Context, connString string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(connString)
	if err != nil {
		// pgx's message quotes the string, with the password masked on a
		// best-effort basis: mask what it may have missed.
		return nil, fmt.Errorf("postgres: open: %s", scrub(err.Error()))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	db := &DB{pool: pool}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open: %w", err)
	}
	return db, nil
}

// passwordRE matches a password in a URL or a keyword string.
var passwordRE = regexp.MustCompile(`(?i)(password=|://[^:/@\s]*:)[^@&\s]*`)

// scrub removes passwords from a message.
func scrub(msg string) string { return passwordRE.ReplaceAllString(msg, "${1}xxxxx") }

// migrate applies, in name order, every embedded migration not yet recorded
// in the schema_migrations table, each in a transaction of its own with its
// record. When some are pending it holds an advisory lock meanwhile, so
// that a second process opening the database waits, then finds them
// applied. When none are, it writes nothing: a role that may only read and
// write rows opens a database its owner has brought up to date.
func (db *DB) migrate(ctx context.Context) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Release()
	var (
		schema *string
		hash   *int32
	)
	if err := conn.QueryRow(ctx, `SELECT current_schema(), hashtext(current_schema())`).Scan(&schema, &hash); err != nil {
		return fmt.Errorf("find schema: %w", err)
	}
	if schema == nil || hash == nil {
		return errors.New("no schema to create the tables in: none of the search path exists")
	}
	db.schema = *hash
	pending, err := pendingMigrations(ctx, conn.Conn())
	if err != nil || len(pending) == 0 {
		return err
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, $2)`, migrateLock, db.schema); err != nil {
		return fmt.Errorf("lock schema %s for migrations: %w", *schema, err)
	}
	defer func() {
		// Were the unlock to fail, the connection is broken and its
		// session, and the lock with it, is gone.
		conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1, $2)`, migrateLock, db.schema)
	}()
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		name       text COLLATE "C" PRIMARY KEY,
		applied_at timestamptz NOT NULL DEFAULT now()
	)`
	if _, err := conn.Exec(ctx, create); err != nil {
		return fmt.Errorf("create schema_migrations table in schema %s: %w", *schema, err)
	}
	// Another process may have applied them while this one waited.
	if pending, err = pendingMigrations(ctx, conn.Conn()); err != nil {
		return err
	}
	for _, name := range pending {
		if err := apply(ctx, conn.Conn(), name); err != nil {
			return fmt.Errorf("migration %s: %w", name, err)
		}
	}
	return nil
}

// pendingMigrations returns the names of the embedded migrations that the
// schema_migrations table of the current schema does not record, in order:
// all of them if there is no such table.
func pendingMigrations(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	applied := map[string]bool{}
	var exists bool
	err := conn.QueryRow(ctx, `SELECT to_regclass(format('%I.schema_migrations', current_schema())) IS NOT NULL`).Scan(&exists)
	if err != nil {
		return nil, fmt.Errorf("look for schema_migrations: %w", err)
	}
	if exists {
		rows, err := conn.Query(ctx, `SELECT name FROM schema_migrations`)
		if err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		names, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return nil, fmt.Errorf("read schema_migrations: %w", err)
		}
		for _, n := range names {
			applied[n] = true
		}
	}
	entries, err := fs.ReadDir(migrations, "migration") // sorted by name
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var pending []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".sql") && !applied[e.Name()] {
			pending = append(pending, e.Name())
		}
	}
	return pending, nil
}

// apply runs one migration and records it, in one transaction.
func apply(ctx context.Context, conn *pgx.Conn, name string) error {
	body, err := migrations.ReadFile(path.Join("migration", name))
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		// Without arguments, Exec uses the simple protocol, which runs
		// every statement of the file.
		if _, err := tx.Exec(ctx, string(body)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (name) VALUES ($1)`, name)
		return err
	})
}

// Close closes every connection of the store.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Postgres error codes the store tells apart.
const (
	uniqueViolation     = "23505"
	foreignKeyViolation = "23503"
	integrityClass      = "23" // integrity constraint violations
	dataExceptionClass  = "22" // values the column's type cannot hold
)

// pgCode returns the SQLSTATE of err, or "".
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// keyRE finds the key values in the detail of a unique or foreign key
// violation: Key (id)=(KAZ) already exists.
var keyRE = regexp.MustCompile(`^Key \(.*?\)=\((.*)\) (?:already exists|is not present)`)

// violatedKey returns the key values a unique or foreign key violation
// names, as the server prints them ("KAZ", "1, 2, 20, 1500"), or "".
func violatedKey(err error) string {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return ""
	}
	if m := keyRE.FindStringSubmatch(pe.Detail); m != nil {
		return m[1]
	}
	return ""
}

// writeError turns a constraint violation met while writing item into a
// *leverage.Error that names item and hides the server's text. Other
// errors are wrapped.
func writeError(err error, item string) error {
	code := pgCode(err)
	switch {
	case code == uniqueViolation:
		return leverage.Errorf(leverage.ECONFLICT, "%s: id already stored, perhaps by another dataset", item)
	case code == foreignKeyViolation:
		return leverage.Errorf(leverage.EINVALID, "%s: refers to something not stored", item)
	case strings.HasPrefix(code, integrityClass), strings.HasPrefix(code, dataExceptionClass):
		return leverage.Errorf(leverage.EINVALID, "%s: breaks a rule of the store", item)
	}
	return fmt.Errorf("store %s: %w", item, err)
}
