// Package pgtest gives tests an empty PostgreSQL schema of their own on the
// server that LEVERAGE_TEST_POSTGRES names, such as
// postgres://leverage@127.0.0.1:5432/leverage_test?sslmode=disable. Tests
// skip, with a message saying so, when the variable is not set; .ci/run
// starts a server and sets it.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Env is the environment variable that names the test server.
const Env = "LEVERAGE_TEST_POSTGRES"

// URL creates a schema with a unique name on the test server, drops it with
// everything in it when t ends, and returns the server's URL with the
// search path set to that schema: what it opens is empty. It skips t when
// no test server is set, and fails t when the server cannot be used.
func URL(t testing.TB) string {
	t.Helper()
	base := Server(t)
	schema := Name(t, "test_")
	Exec(t, base, "CREATE SCHEMA "+schema)
	t.Cleanup(func() { Exec(t, base, "DROP SCHEMA "+schema+" CASCADE") })
	return WithSearchPath(t, base, schema)
}

// Server returns the test server's URL, or skips t when it is not set.
func Server(t testing.TB) string {
	t.Helper()
	base := strings.TrimSpace(os.Getenv(Env))
	if base == "" {
		t.Skipf("no PostgreSQL server for tests: set %s to a database URL such as postgres://leverage@127.0.0.1:5432/leverage_test?sslmode=disable (.ci/run starts one)", Env)
	}
	return base
}

// WithSearchPath returns the URL base with its search path set to schema.
func WithSearchPath(t testing.TB, base, schema string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s must be a postgres:// URL", Env)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Name returns prefix followed by random letters and digits, a name for
// a schema, role or database of one test.
func Name(t testing.TB, prefix string) string {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	return prefix + hex.EncodeToString(b[:])
}

// Exec runs the statements sql on a connection of its own to connString,
// and fails t if they fail.
func Exec(t testing.TB, connString, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, connString)
	if err != nil {
		t.Fatalf("connect to the test server (%s): %v", Env, err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
