package postgres

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"postgres://u@h/db":         true,
		"postgresql://h:5433/db":    true,
		"postgres:/x":               false,
		"/home/u/leverage.db":       false,
		"leverage.db":               false,
		"host=localhost dbname=lev": false, // keyword strings are for Open, not for --db
		"":                          false,
	} {
		if got := IsURL(s); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://u:secret@h:5432/db?sslmode=disable":   "postgres://u:xxxxx@h:5432/db?sslmode=disable",
		"postgres://u@h/db":                               "postgres://u@h/db",
		"postgres://h/db?password=secret&sslmode=require": "postgres://h/db?password=xxxxx&sslmode=require",
		"postgres://u:secret@[::1":                        "(a PostgreSQL URL that does not parse)",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// Open's errors never show the password, whether the string does not
// parse or the server is not there.
func TestOpenErrorsHidePassword(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, s := range []string{
		"postgres://u:secret@127.0.0.1:1/db?sslmode=disable&connect_timeout=2",
		"postgres://u:secret@127.0.0.1:notaport/db",
		"postgres://u:secret@127.0.0.1/db?sslmode=nonsense",
	} {
		db, err := Open(ctx, s)
		if err == nil {
			db.Close()
			t.Errorf("Open(%q) succeeded", s)
			continue
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q): error %q shows the password", s, err)
		}
	}
}
