// Package serve implements `leverage serve`: the JSON API and the web
// dashboard over the same database as the other commands.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/server"
	"github.com/leverage-dev/leverage/web"
)

// Options are the flags of the serve command.
type Options struct {
	Addr         string
	TokenFile    string
	LogFormat    string
	MaxBody      int64
	HeavyTimeout time.Duration
	MaxDraws     int
	Timeouts     server.Timeouts
	NoDashboard  bool
}

// NewCmd returns the serve command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{Timeouts: server.DefaultTimeouts}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API and the web dashboard",
		Long: `Serve the JSON API (/api/v1, described at /openapi.json and in docs/api.md)
and the web dashboard (/) over the database the other commands use, with
/healthz and Prometheus metrics at /metrics. Logs go to standard error as
JSON lines (or text with --log-format text).

The server is read-only unless --token-file names a file holding a bearer
token: writes (accepting facts read from an article, running an uploaded
scenario) then need "Authorization: Bearer TOKEN". It stops gracefully on
SIGINT or SIGTERM, finishing the requests under way (a second signal
stops it at once).`,
		Example: `  leverage serve
  leverage serve --addr 127.0.0.1:9000 --token-file ~/.config/leverage/token
  LEVERAGE_DB=postgres://leverage@db/leverage leverage serve --addr :8080`,
		Args: cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return run(cmd.Context(), f, opts) },
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	fl.StringVar(&opts.TokenFile, "token-file", "", "file holding the bearer token that writes need (default: read-only)")
	fl.StringVar(&opts.LogFormat, "log-format", "json", "log format: json or text")
	fl.Int64Var(&opts.MaxBody, "max-body", 10<<20, "largest request body, in bytes")
	fl.DurationVar(&opts.HeavyTimeout, "heavy-timeout", 60*time.Second, "deadline of scenario runs and reads")
	fl.IntVar(&opts.MaxDraws, "max-draws", 100_000, "most Monte Carlo draws a scenario run may ask for")
	fl.DurationVar(&opts.Timeouts.ReadHeader, "read-header-timeout", opts.Timeouts.ReadHeader, "time to read a request's headers")
	fl.DurationVar(&opts.Timeouts.Read, "read-timeout", opts.Timeouts.Read, "time to read a whole request")
	fl.DurationVar(&opts.Timeouts.Write, "write-timeout", opts.Timeouts.Write, "time to write an answer")
	fl.DurationVar(&opts.Timeouts.Idle, "idle-timeout", opts.Timeouts.Idle, "time a kept-alive connection may wait")
	fl.BoolVar(&opts.NoDashboard, "no-dashboard", false, "serve the API only")
	return cmd
}

func run(ctx context.Context, f *cmdutil.Factory, opts *Options) error {
	var h slog.Handler
	switch opts.LogFormat {
	case "json":
		h = slog.NewJSONHandler(f.ErrOut, nil)
	case "text":
		h = slog.NewTextHandler(f.ErrOut, nil)
	default:
		return cmdutil.Usagef("--log-format: want json or text, got %q", opts.LogFormat)
	}
	if opts.MaxBody <= 0 || opts.HeavyTimeout <= 0 || opts.MaxDraws <= 0 {
		return cmdutil.Usagef("--max-body, --heavy-timeout and --max-draws must be positive")
	}
	if opts.Timeouts.Write <= opts.HeavyTimeout {
		return cmdutil.Usagef("--write-timeout (%v) must be longer than --heavy-timeout (%v), or heavy answers are cut off", opts.Timeouts.Write, opts.HeavyTimeout)
	}
	token, err := readToken(opts.TokenFile)
	if err != nil {
		return err
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg := server.Config{Store: st, Token: token, Logger: slog.New(h), Now: f.Now,
		MaxBody: opts.MaxBody, HeavyTimeout: opts.HeavyTimeout, MaxDraws: opts.MaxDraws}
	if !opts.NoDashboard {
		cfg.Assets = web.Assets()
	}
	s, err := server.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return cmdutil.Usagef("--addr: %v", err)
	}
	srv := s.HTTPServer(opts.Addr, opts.Timeouts)
	mode := "read-only"
	if token != "" {
		mode = "writes need the token"
	}
	fmt.Fprintf(f.ErrOut, "leverage: serving on http://%s/ (%s); stop with Ctrl-C\n", ln.Addr(), mode)

	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	stop() // a second signal ends the process at once
	grace := opts.HeavyTimeout + 5*time.Second
	cfg.Logger.Info("shutting down", "grace", grace.String())
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shut down: requests still running after %v: %w", grace, err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// readToken reads the bearer token from path ("" for none). An empty file
// is an error: it would look like a token and guard nothing.
func readToken(path string) (string, error) {
	if path == "" {
		return "", nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", cmdutil.Usagef("--token-file: %v", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" {
		return "", cmdutil.Usagef("--token-file: %s is empty", path)
	}
	if strings.ContainsAny(tok, " \t\r\n") {
		return "", cmdutil.Usagef("--token-file: %s holds more than one word", path)
	}
	return tok, nil
}
