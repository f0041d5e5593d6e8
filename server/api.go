package server

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/read"
	"github.com/leverage-dev/leverage/read/extract"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/simulate"
)

// apiRoutes is the API. docs/api.md describes it for people and
// openapi.json for programs; a test keeps the three in step.
func (s *Server) apiRoutes() []route {
	return []route{
		{Method: "GET", Path: "/api/v1/actors", Name: "actors", Params: []string{"q", "kind", "as_of"}, Cache: true, Handle: s.actors},
		{Method: "GET", Path: "/api/v1/actors/{id}", Name: "actor", Params: []string{"as_of"}, Cache: true, Handle: s.actor},
		{Method: "GET", Path: "/api/v1/facts", Name: "facts", Params: []string{"actor", "relation", "channel", "as_of"}, Cache: true, Handle: s.facts},
		{Method: "GET", Path: "/api/v1/sources", Name: "sources", Params: []string{"id"}, Cache: true, Handle: s.sources},
		{Method: "GET", Path: "/api/v1/sources/{id}", Name: "source", Cache: true, Handle: s.source},
		{Method: "GET", Path: "/api/v1/assess", Name: "assess", Params: []string{"a", "b", "as_of", "year"}, Cache: true, Handle: s.assess},
		{Method: "GET", Path: "/api/v1/index/top", Name: "index_top", Params: []string{"profile", "target", "source", "year", "n"}, Cache: true, Handle: s.indexTop},
		{Method: "GET", Path: "/api/v1/index/series", Name: "index_series", Params: []string{"profile", "a", "b", "from", "to"}, Cache: true, Handle: s.indexSeries},
		{Method: "GET", Path: "/api/v1/transit", Name: "transit", Params: []string{"exporter", "as_of", "year", "without", "without_state"}, Cache: true, Handle: s.transit},
		{Method: "GET", Path: "/api/v1/geometry", Name: "geometry", Cache: true, Handle: s.geometry},
		{Method: "GET", Path: "/api/v1/scenarios", Name: "scenarios", Cache: true, Handle: s.scenarios},
		{Method: "GET", Path: "/api/v1/scenarios/{name}", Name: "scenario", Cache: true, Handle: s.scenario},
		{Method: "POST", Path: "/api/v1/scenarios/run", Name: "scenario_run", Heavy: true, Handle: s.runScenario},
		{Method: "POST", Path: "/api/v1/read", Name: "read", Params: []string{"name", "accept"}, Heavy: true, Handle: s.read},
	}
}

func (s *Server) actors(ctx context.Context, q *request) (any, error) {
	at, err := q.date("as_of")
	if err != nil {
		return nil, err
	}
	kind := leverage.ActorKind(q.param("kind"))
	if kind != "" && !slices.Contains(leverage.ActorKinds, kind) {
		return nil, badParam("kind", "unknown kind %q", kind)
	}
	return query.SearchActors(ctx, s.cfg.Store, q.param("q"), kind, at)
}

func (s *Server) actor(ctx context.Context, q *request) (any, error) {
	at, err := q.date("as_of")
	if err != nil {
		return nil, err
	}
	id := q.PathValue("id")
	as, err := s.cfg.Store.Actors(ctx, leverage.ActorFilter{IDs: []string{id}})
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, leverage.Errorf(leverage.ENOTFOUND, "no actor %q", id)
	}
	return query.ActorRow{Actor: as[0], NameAtDate: as[0].NameAt(at)}, nil
}

func (s *Server) facts(ctx context.Context, q *request) (any, error) {
	actor, err := q.required("actor")
	if err != nil {
		return nil, err
	}
	fq := query.FactQuery{Actor: actor, Relation: q.param("relation"), Channel: q.param("channel"), At: s.today()}
	if q.param("as_of") != "" {
		if fq.AsOf, err = q.date("as_of"); err != nil {
			return nil, err
		}
		fq.At = fq.AsOf
	}
	_, facts, err := query.Facts(ctx, s.cfg.Store, fq)
	return facts, err
}

func (s *Server) sources(ctx context.Context, q *request) (any, error) {
	ids := q.list("id")
	srcs, err := s.cfg.Store.Sources(ctx, leverage.SourceFilter{IDs: ids})
	if err != nil {
		return nil, err
	}
	if len(srcs) < len(ids) {
		found := map[string]bool{}
		for _, x := range srcs {
			found[x.ID] = true
		}
		for _, id := range ids {
			if !found[id] {
				return nil, leverage.Errorf(leverage.ENOTFOUND, "no source %q", id)
			}
		}
	}
	if srcs == nil {
		srcs = []*leverage.Source{}
	}
	return srcs, nil
}

func (s *Server) source(ctx context.Context, q *request) (any, error) {
	id := q.PathValue("id")
	srcs, err := s.cfg.Store.Sources(ctx, leverage.SourceFilter{IDs: []string{id}})
	if err != nil {
		return nil, err
	}
	if len(srcs) == 0 {
		return nil, leverage.Errorf(leverage.ENOTFOUND, "no source %q", id)
	}
	return srcs[0], nil
}

// dated reads what the model-based endpoints share: the parameters in
// required, the as_of date and the data year, and the model as of that
// date.
func (s *Server) dated(ctx context.Context, q *request, required ...string) (args []string, asOf time.Time, year int, m *assess.Model, err error) {
	for _, name := range required {
		v, err := q.required(name)
		if err != nil {
			return nil, asOf, 0, nil, err
		}
		args = append(args, v)
	}
	if asOf, err = q.date("as_of"); err != nil {
		return nil, asOf, 0, nil, err
	}
	if year, err = q.integer("year", 0, 1816, 9999); err != nil {
		return nil, asOf, 0, nil, err
	}
	m, err = s.cache.model(ctx, asOf)
	return args, asOf, year, m, err
}

func (s *Server) assess(ctx context.Context, q *request) (any, error) {
	ab, asOf, year, m, err := s.dated(ctx, q, "a", "b")
	if err != nil {
		return nil, err
	}
	return query.Assess(ctx, s.cfg.Store, m, ab[0], ab[1], assess.Options{AsOf: asOf, Year: year, Weights: s.weights})
}

func (s *Server) indexTop(ctx context.Context, q *request) (any, error) {
	n, err := q.integer("n", 10, 1, 1000)
	if err != nil {
		return nil, err
	}
	year, err := q.integer("year", 0, 1816, 9999)
	if err != nil {
		return nil, err
	}
	tq := query.TopQuery{Profile: cmp.Or(q.param("profile"), "open"), Target: q.param("target"), Source: q.param("source"), Year: year, N: n}
	return query.RankTop(ctx, s.cfg.Store, s.countries, tq)
}

func (s *Server) indexSeries(ctx context.Context, q *request) (any, error) {
	sq := query.SeriesQuery{Profile: cmp.Or(q.param("profile"), "open")}
	var err error
	if sq.A, err = q.required("a"); err != nil {
		return nil, err
	}
	if sq.B, err = q.required("b"); err != nil {
		return nil, err
	}
	if sq.From, err = q.integer("from", 0, 1816, 9999); err != nil {
		return nil, err
	}
	if sq.To, err = q.integer("to", 0, 1816, 9999); err != nil {
		return nil, err
	}
	return query.IndexSeries(ctx, s.cfg.Store, s.countries, sq)
}

func (s *Server) transit(ctx context.Context, q *request) (any, error) {
	args, asOf, year, m, err := s.dated(ctx, q, "exporter")
	if err != nil {
		return nil, err
	}
	opts := query.TransitOptions{AsOf: asOf, Year: year, Without: q.list("without"), WithoutStates: q.list("without_state")}
	return query.Transit(m, args[0], opts)
}

func (s *Server) geometry(ctx context.Context, q *request) (any, error) {
	return query.Geometry(ctx, s.cfg.Store)
}

func (s *Server) scenarios(ctx context.Context, q *request) (any, error) {
	return scenario.BuiltinSummaries()
}

func (s *Server) scenario(ctx context.Context, q *request) (any, error) {
	name := q.PathValue("name")
	if _, _, err := scenario.BuiltinFile(name); err != nil {
		return nil, leverage.Errorf(leverage.ENOTFOUND, "%v", err)
	}
	m, err := s.cache.model(ctx, s.today())
	if err != nil {
		return nil, err
	}
	return scenario.Builtin(name, m)
}

// RunRequest is the body of POST /api/v1/scenarios/run.
type RunRequest struct {
	Scenario string `json:"scenario"` // a built-in scenario's name
	Spec     string `json:"spec"`     // or an uploaded scenario file (YAML or JSON); needs the token
	Draws    *int   `json:"draws"`    // default 1000
	Seed     uint64 `json:"seed"`     // default 1
	Holder   string `json:"holder"`   // default RUS
	Target   string `json:"target"`   // default KAZ
	AsOf     string `json:"as_of"`    // default: the scenario's start
}

func (s *Server) runScenario(ctx context.Context, q *request) (any, error) {
	var rr RunRequest
	if err := q.decode(&rr); err != nil {
		return nil, err
	}
	draws := 1000
	if rr.Draws != nil {
		draws = *rr.Draws
	}
	if draws < 0 || draws > s.cfg.MaxDraws {
		return nil, badParam("draws", "want 0 to %d, got %d", s.cfg.MaxDraws, draws)
	}
	if rr.Seed == 0 {
		rr.Seed = 1
	}
	if rr.Holder == "" {
		rr.Holder = "RUS"
	}
	if rr.Target == "" {
		rr.Target = "KAZ"
	}
	var sc *scenario.Scenario
	var err error
	switch {
	case (rr.Scenario == "") == (rr.Spec == ""):
		return nil, badParam("scenario", "give one of scenario (a built-in name) and spec (a scenario file)")
	case rr.Spec != "":
		if err := q.requireToken("running an uploaded scenario"); err != nil {
			return nil, err
		}
		if sc, err = scenario.Parse([]byte(rr.Spec), "spec"); err != nil {
			return nil, &query.ArgError{Arg: "spec", Err: err}
		}
	default:
		if sc, err = scenario.Builtin(rr.Scenario, nil); err != nil {
			return nil, badParam("scenario", "%v (the built-in scenarios: %s)", err, strings.Join(scenario.BuiltinNames(), ", "))
		}
	}
	asOf := sc.Horizon.Start.First()
	if rr.AsOf != "" {
		d, err := leverage.ParseDate(rr.AsOf)
		if err != nil {
			return nil, badParam("as_of", "%v", err)
		}
		asOf = d.Last()
	}
	m, err := s.cache.model(ctx, asOf)
	if err != nil {
		return nil, err
	}
	r, err := query.RunScenario(ctx, m, sc, simulate.Options{Holder: rr.Holder, Target: rr.Target, Weights: s.weights, Draws: draws, Seed: rr.Seed})
	var bad *scenario.Error
	if errors.As(err, &bad) { // the scenario names what the model lacks
		arg := "scenario"
		if rr.Spec != "" {
			arg = "spec"
		}
		return nil, &query.ArgError{Arg: arg, Err: err}
	}
	return r, err
}

func (s *Server) read(ctx context.Context, q *request) (any, error) {
	accept, name := q.param("accept"), q.param("name")
	if accept != "" {
		if err := q.requireToken("accepting candidate facts"); err != nil {
			return nil, err
		}
		if name == "" { // it makes the ids of the facts stored
			return nil, badParam("name", "required with accept: the article's address or name, recorded as its source")
		}
	}
	body, err := q.body()
	if err != nil {
		return nil, err
	}
	opts := extract.Options{MaxBytes: s.cfg.MaxBody}
	if strings.HasPrefix(name, "http://") || strings.HasPrefix(name, "https://") {
		opts.URL = name
	}
	doc, err := extract.Extract(bytes.NewReader(body), q.Header.Get("Content-Type"), opts)
	if err != nil {
		return nil, &statusError{http.StatusUnprocessableEntity, leverage.EINVALID, fmt.Sprintf("no article text in the body: %v", err), ""}
	}
	rd, err := s.cache.articleReader(ctx, s.today(), s.cfg.Now)
	if err != nil {
		return nil, err
	}
	// The reader does not stop midway: past the deadline the answer is
	// given up, and the reading finishes unheard.
	done := make(chan *read.Result, 1)
	go func() { done <- rd.Read(doc, cmp.Or(name, "article")) }()
	var res *read.Result
	select {
	case res = <-done:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if accept != "" {
		facts, err := query.Accept(res, accept)
		if err != nil {
			return nil, err
		}
		if err := s.cfg.Store.AddFacts(ctx, "read", []*leverage.Source{res.Source}, facts); err != nil {
			return nil, err
		}
		s.Invalidate()
		s.cfg.Logger.Info("accepted facts", "source", res.Source.ID, "facts", len(facts))
	}
	return res, nil
}

// loadStatic reads what every request shares: the built-in weights and the
// country crosswalk.
func (s *Server) loadStatic() error {
	w, err := query.BuiltinWeights()
	if err != nil {
		return err
	}
	cw, err := country.Load()
	if err != nil {
		return err
	}
	s.weights, s.countries = w, cw
	return nil
}
