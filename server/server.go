// Package server serves the leverage model over HTTP: a JSON API under
// /api/v1 that answers through the same packages as the command line
// (query, assess, transit, simulate, read), the dashboard's files at /, an
// OpenAPI 3 description at /openapi.json, /healthz and Prometheus metrics
// at /metrics.
//
// The API is read-only unless a bearer token is configured; writes (storing
// facts read from an article, running an uploaded scenario, importing a
// dataset) need it. Errors are JSON objects of one shape:
//
//	{"error": {"status": 400, "code": "invalid", "message": "…", "param": "year"}}
package server

import (
	"context"
	"crypto/subtle"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/country"
)

// Config is what a Server needs. Store is required.
type Config struct {
	Store  leverage.Store
	Token  string       // bearer token that writes need; empty refuses every write
	Assets fs.FS        // the dashboard, served at /; nil serves none
	Logger *slog.Logger // nil discards logs
	Now    func() time.Time

	MaxBody      int64         // largest request body in bytes; 0 means 10 MB
	HeavyTimeout time.Duration // deadline of scenario runs and reads; 0 means 60 s
	MaxDraws     int           // most Monte Carlo draws a run may ask for; 0 means 100,000
}

// Server is an http.Handler serving the API and the dashboard. It is safe
// for concurrent use.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	metrics *metrics
	cache   *cache
	routes  []route

	heavy     chan struct{}      // a slot for each heavy request running: one per CPU
	weights   assess.Weights     // the built-in weights of assessments
	countries *country.Crosswalk // the states the influence index knows
}

// New returns a server over cfg.Store.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, leverage.Errorf(leverage.EINVALID, "server: no store")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 10 << 20
	}
	if cfg.HeavyTimeout <= 0 {
		cfg.HeavyTimeout = 60 * time.Second
	}
	if cfg.MaxDraws <= 0 {
		cfg.MaxDraws = 100_000
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), metrics: newMetrics(), cache: newCache(cfg.Store),
		heavy: make(chan struct{}, runtime.GOMAXPROCS(0))}
	if err := s.loadStatic(); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.routes = s.apiRoutes()
	for _, rt := range s.routes {
		s.mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	s.mux.HandleFunc("GET /healthz", s.healthz)
	s.mux.Handle("GET /metrics", s.metrics.handler())
	s.mux.HandleFunc("GET /openapi.json", serveOpenAPI)
	var files http.Handler
	if cfg.Assets != nil {
		files = http.FileServerFS(cfg.Assets)
	}
	s.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if allow := s.allowed(r.URL.Path); allow != "" {
			w.Header().Set("Allow", allow)
			writeError(w, r, &statusError{http.StatusMethodNotAllowed, "method_not_allowed", r.Method + " is not allowed on " + r.URL.Path + " (allowed: " + allow + ")", ""})
			return
		}
		switch {
		case strings.HasPrefix(r.URL.Path, "/api/") || files == nil:
			writeError(w, r, leverage.Errorf(leverage.ENOTFOUND, "no endpoint %s %s (see /openapi.json)", r.Method, r.URL.Path))
		case r.Method != http.MethodGet && r.Method != http.MethodHead:
			w.Header().Set("Allow", "GET, HEAD")
			writeError(w, r, &statusError{http.StatusMethodNotAllowed, "method_not_allowed", r.Method + " is not allowed here", ""})
		default:
			// The dashboard loads nothing from elsewhere.
			w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			files.ServeHTTP(w, r)
		}
	})
	return s, nil
}

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

// allowed lists the methods of the API routes whose pattern matches path,
// or "" if none does.
func (s *Server) allowed(path string) string {
	var methods []string
	for _, rt := range s.routes {
		if matches(rt.Path, path) && !slices.Contains(methods, rt.Method) {
			methods = append(methods, rt.Method)
		}
	}
	return strings.Join(methods, ", ")
}

// matches reports whether path fits pattern, whose {name} segments match
// any one segment.
func matches(pattern, path string) bool {
	ps, xs := strings.Split(pattern, "/"), strings.Split(path, "/")
	if len(ps) != len(xs) {
		return false
	}
	for i, p := range ps {
		if p != xs[i] && !(strings.HasPrefix(p, "{") && xs[i] != "") {
			return false
		}
	}
	return true
}

// Invalidate drops every cached model and answer; the server calls it
// after its own writes, and a caller that writes to the store another way
// calls it too.
func (s *Server) Invalidate() { s.cache.invalidate() }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if _, err := s.cfg.Store.DatasetVersion(ctx, "builtin"); err != nil {
		s.cfg.Logger.Error("health check", "err", err) // the cause may name hosts and users: logged, not shown
		writeError(w, r, &statusError{http.StatusServiceUnavailable, "unavailable", "the store does not answer", ""})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// authorized reports whether r carries the configured bearer token,
// compared in constant time.
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// Timeouts bound how long a connection may take, so that slow or stalled
// clients cannot hold the server's connections.
type Timeouts struct {
	ReadHeader time.Duration // to read a request's headers
	Read       time.Duration // to read a whole request, body included
	Write      time.Duration // from the end of the headers to the end of the answer
	Idle       time.Duration // a kept-alive connection waiting for its next request
}

// DefaultTimeouts leave heavy requests (60 s by default) time to finish.
var DefaultTimeouts = Timeouts{ReadHeader: 5 * time.Second, Read: 30 * time.Second, Write: 90 * time.Second, Idle: 120 * time.Second}

// HTTPServer returns an http.Server serving s at addr with the timeouts t.
func (s *Server) HTTPServer(addr string, t Timeouts) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      t.Write,
		IdleTimeout:       t.Idle,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
	}
}
