// Package cmdutil holds what every command of the leverage CLI shares: the
// input and output streams, the clock, opening the store (loading the
// built-in dataset on first use), date and actor arguments, output formats
// and the exit codes.
package cmdutil

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/postgres"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/sqlite"
)

// Exit codes of the leverage command.
const (
	ExitOK    = 0
	ExitError = 1 // the command failed
	ExitUsage = 2 // the command was called wrongly
)

// Factory gives commands their dependencies. Tests replace its fields.
type Factory struct {
	In          io.Reader // standard input, for commands that read "-"
	Out, ErrOut io.Writer
	Now         func() time.Time
	Getenv      func(string) string
	DBPath      string // from --db: a file or a postgres:// URL; empty means LEVERAGE_DB or the default path
}

// UsageError marks an error as the caller's fault: exit code 2.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef returns a *UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{fmt.Errorf(format, args...)}
}

// ExitCode maps an error returned by a command to the process exit code.
func ExitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue):
		return ExitUsage
	}
	return ExitError
}

// DefaultDBPath returns where the database lives when neither --db nor
// LEVERAGE_DB says: the user's data directory (XDG_DATA_HOME or
// ~/.local/share on Unix, Application Support on macOS, LocalAppData on
// Windows), in a leverage folder.
func DefaultDBPath(getenv func(string) string) (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = getenv("LocalAppData")
	case "darwin":
		if h := getenv("HOME"); h != "" {
			dir = filepath.Join(h, "Library", "Application Support")
		}
	default:
		dir = getenv("XDG_DATA_HOME")
		if dir == "" {
			if h := getenv("HOME"); h != "" {
				dir = filepath.Join(h, ".local", "share")
			}
		}
	}
	if dir == "" {
		return "", errors.New("cannot find the user's data directory: set LEVERAGE_DB or pass --db")
	}
	return filepath.Join(dir, "leverage", "leverage.db"), nil
}

// OpenStore opens the database named by --db, LEVERAGE_DB or the default
// path, creating it if needed: a PostgreSQL database when the name is a
// postgres:// or postgresql:// URL, an SQLite file otherwise. When the
// built-in dataset stored there is missing or differs from the one in the
// binary, it is (re)loaded in one transaction; so is the built-in subset
// of the open index panel (see [panel.StoreBuiltin]). Messages name a URL
// without its password.
func (f *Factory) OpenStore(ctx context.Context) (leverage.Store, error) {
	path := f.DBPath
	if path == "" {
		path = f.Getenv("LEVERAGE_DB")
	}
	if path == "" {
		var err error
		if path, err = DefaultDBPath(f.Getenv); err != nil {
			return nil, err
		}
	}
	db, name, err := openDB(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", name, err)
	}
	if err := query.LoadBuiltin(ctx, db, f.Now()); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return db, nil
}

// openDB opens the store at path, a PostgreSQL URL or an SQLite file, and
// returns it with the name to show for it.
func openDB(ctx context.Context, path string) (leverage.Store, string, error) {
	if postgres.IsURL(path) {
		name := postgres.Redact(path)
		db, err := postgres.Open(ctx, path)
		if err != nil {
			return nil, name, err
		}
		return db, name, nil
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, path, err
	}
	return db, path, nil
}

// ParseAsOf reads an --as-of value (YYYY, YYYY-MM or YYYY-MM-DD; a coarse
// date means its last day). Empty means today.
func (f *Factory) ParseAsOf(s string) (time.Time, error) {
	if s == "" {
		n := f.Now().UTC()
		return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	d, err := leverage.ParseDate(s)
	if err != nil {
		return time.Time{}, Usagef("--as-of: %v", err)
	}
	return d.Last(), nil
}

// CheckFormat returns a usage error unless format is one of allowed.
func CheckFormat(format string, allowed ...string) error {
	if !slices.Contains(allowed, format) {
		return Usagef("--format: unknown format %q (want %s)", format, strings.Join(allowed, ", "))
	}
	return nil
}

// ResolveActor finds the actor a command argument names (ISO3, COW code or
// name, in any case). An unknown name is a usage error with suggestions.
func ResolveActor(actors []*leverage.Actor, arg string, at time.Time) (*leverage.Actor, error) {
	m, err := leverage.Resolve(actors, arg, at)
	if err != nil {
		return nil, &UsageError{err}
	}
	return m.Actor, nil
}

// ExactArgs is cobra.ExactArgs returning a usage error.
func ExactArgs(n int) cobra.PositionalArgs { return usage(cobra.ExactArgs(n)) }

// MaxArgs is cobra.MaximumNArgs returning a usage error.
func MaxArgs(n int) cobra.PositionalArgs { return usage(cobra.MaximumNArgs(n)) }

func usage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &UsageError{err}
		}
		return nil
	}
}

// NewFactory returns a Factory on the process's streams, clock and
// environment.
func NewFactory() *Factory {
	return &Factory{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Now: time.Now, Getenv: os.Getenv}
}

// Weights reads the channel and indicator weights of an assessment from
// path, or the built-in weights (data/weights.csv) when path is "".
func Weights(path string) (assess.Weights, error) {
	if path == "" {
		return query.BuiltinWeights()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return assess.Weights{}, fmt.Errorf("read weights: %w", err)
	}
	return assess.ParseWeights(bytes.NewReader(b), path)
}

// Model opens the store and loads the model as of asOf. The caller closes
// the store.
func (f *Factory) Model(ctx context.Context, asOf time.Time) (leverage.Store, *assess.Model, error) {
	st, err := f.OpenStore(ctx)
	if err != nil {
		return nil, nil, err
	}
	m, err := assess.LoadModel(ctx, st, asOf)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, m, nil
}

// Usage returns err as a usage error (exit code 2) when its code is
// [leverage.EINVALID], the code package query gives bad arguments, and
// err itself otherwise.
func Usage(err error) error {
	if leverage.ErrorCode(err) == leverage.EINVALID {
		return &UsageError{Err: err}
	}
	return err
}
