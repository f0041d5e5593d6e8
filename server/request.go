package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
)

// A route is one endpoint of the API. The route table is the one list of
// endpoints: the mux, the parameter checks and the OpenAPI test read it.
type route struct {
	Method, Path string
	Name         string   // the metrics label
	Params       []string // the query parameters it accepts
	Heavy        bool     // runs under the heavy deadline, one per CPU at a time
	Cache        bool     // answers are kept until the next write
	Handle       func(ctx context.Context, q *request) (any, error)
}

// request is an API request with its query parameters checked against the
// route's list.
type request struct {
	*http.Request
	s     *Server
	route *route
	query map[string][]string
}

// errTooLarge is the cause of a body over the limit.
var errTooLarge = errors.New("request body too large")

// param returns the query parameter name ("" if absent). Asking for a
// parameter the route does not declare is a bug in the route table.
func (q *request) param(name string) string {
	if !slices.Contains(q.route.Params, name) {
		panic(fmt.Sprintf("server: route %s reads undeclared parameter %q", q.route.Path, name))
	}
	v := q.query[name]
	if len(v) == 0 {
		return ""
	}
	return strings.TrimSpace(v[len(v)-1])
}

// required returns a parameter that must be given.
func (q *request) required(name string) (string, error) {
	v := q.param(name)
	if v == "" {
		return "", badParam(name, "required")
	}
	return v, nil
}

// list returns a parameter given as a comma-separated list, repeated, or
// both.
func (q *request) list(name string) []string {
	q.param(name)
	var out []string
	for _, v := range q.query[name] {
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				out = append(out, x)
			}
		}
	}
	return out
}

// integer returns an integer parameter in [lo, hi], or def when absent.
func (q *request) integer(name string, def, lo, hi int) (int, error) {
	v := q.param(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return 0, badParam(name, "want an integer, got %q", v)
	}
	if n < lo || n > hi {
		return 0, badParam(name, "want %d to %d, got %d", lo, hi, n)
	}
	return n, nil
}

// date returns a date parameter (YYYY, YYYY-MM or YYYY-MM-DD; a coarse date
// means its last day), or today when absent.
func (q *request) date(name string) (time.Time, error) {
	v := q.param(name)
	if v == "" {
		return q.s.today(), nil
	}
	d, err := leverage.ParseDate(v)
	if err != nil {
		return time.Time{}, badParam(name, "%v", err)
	}
	return d.Last(), nil
}

// body reads the request body, up to the server's limit.
func (q *request) body() ([]byte, error) {
	b, err := io.ReadAll(q.Body)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, fmt.Errorf("%w: the limit is %d bytes", errTooLarge, mbe.Limit)
	}
	if err != nil {
		return nil, &statusError{http.StatusBadRequest, leverage.EINVALID, "reading the body: " + err.Error(), ""}
	}
	return b, nil
}

// decode reads the body as one JSON object into v, refusing unknown fields.
func (q *request) decode(v any) error {
	b, err := q.body()
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return &statusError{http.StatusBadRequest, leverage.EINVALID, "malformed JSON body: " + err.Error(), ""}
	}
	if dec.More() {
		return &statusError{http.StatusBadRequest, leverage.EINVALID, "malformed JSON body: more than one value", ""}
	}
	return nil
}

// requireToken refuses the request unless it carries the write token.
func (q *request) requireToken(what string) error {
	if q.s.cfg.Token == "" {
		return &statusError{http.StatusForbidden, "forbidden", what + " writes, and this server is read-only (start it with --token-file)", ""}
	}
	if !q.s.authorized(q.Request) {
		return &statusError{http.StatusUnauthorized, "unauthorized", what + " needs the bearer token (Authorization: Bearer …)", ""}
	}
	return nil
}

// today is the date answers default to.
func (s *Server) today() time.Time {
	n := s.cfg.Now().UTC()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}
