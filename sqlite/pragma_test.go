package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// TestPragmas checks that every connection of the pool, not only the first,
// enforces foreign keys and waits for locks.
func TestPragmas(t *testing.T) {
	for _, path := range []string{Memory, filepath.Join(t.TempDir(), "x", "leverage.db")} {
		ctx := context.Background()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		n := 3
		if path == Memory {
			n = 1
		}
		for i := range n {
			// Hold each connection so the next is a new one.
			c, err := db.db.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			var fk, busy int
			if err := c.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
				t.Fatal(err)
			}
			if err := c.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy); err != nil {
				t.Fatal(err)
			}
			if fk != 1 || busy != 5000 {
				t.Errorf("%s: connection %d: foreign_keys = %d, busy_timeout = %d; want 1, 5000", path, i, fk, busy)
			}
		}
	}
}
