package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// statusWriter remembers the status and size of an answer.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}

// wrap turns a route into a handler: it checks the query parameters,
// limits the body, applies the deadline of heavy routes, answers from the
// cache when it can, and records metrics and a log line.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		start := time.Now()
		w := &statusWriter{ResponseWriter: rw}
		s.metrics.inflight.Inc()
		defer func() {
			if p := recover(); p != nil {
				s.cfg.Logger.Error("panic", "route", rt.Name, "panic", fmt.Sprint(p))
				if w.status == 0 {
					writeError(w, r, fmt.Errorf("panic: %v", p))
				}
			}
			s.metrics.inflight.Dec()
			d := time.Since(start)
			s.metrics.observe(rt.Name, r.Method, w.status, d)
			s.cfg.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "route", rt.Name,
				"status", w.status, "bytes", w.bytes, "duration_ms", float64(d.Microseconds())/1000)
		}()

		query := r.URL.Query()
		for name := range query {
			if !slices.Contains(rt.Params, name) {
				want := "none"
				if len(rt.Params) > 0 {
					want = strings.Join(rt.Params, ", ")
				}
				writeError(w, r, badParam(name, "unknown parameter (this endpoint takes: %s)", want))
				return
			}
		}
		var key string
		if rt.Cache {
			key = r.Method + " " + r.URL.Path + "?" + query.Encode() + "@" + s.today().Format(time.DateOnly)
			if b, ok := s.cache.answer(key); ok {
				writeBytes(w, http.StatusOK, b)
				return
			}
		}
		r.Body = http.MaxBytesReader(rw, r.Body, s.cfg.MaxBody)
		ctx := r.Context()
		if rt.Heavy {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, s.cfg.HeavyTimeout)
			defer cancel()
			select {
			case s.heavy <- struct{}{}:
				defer func() { <-s.heavy }()
			case <-ctx.Done():
				writeError(w, r, ctx.Err())
				return
			}
		}
		gen := s.cache.generation()
		v, err := rt.Handle(ctx, &request{Request: r, s: s, route: &rt, query: query})
		if err != nil {
			if se := toStatus(err); se.Status >= 500 && se.Status != http.StatusGatewayTimeout {
				s.cfg.Logger.Error("request failed", "route", rt.Name, "err", err)
			}
			writeError(w, r, err)
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			writeError(w, r, err)
			return
		}
		b = append(b, '\n')
		if rt.Cache {
			s.cache.keep(key, b, gen)
		}
		writeBytes(w, http.StatusOK, b)
	})
}
