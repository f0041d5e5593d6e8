package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/server"
	"github.com/leverage-dev/leverage/sqlite"
)

const token = "s3cret-token"

// now is the clock of every test server.
func now() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) }

// openBuiltin returns a new in-memory store holding the built-in dataset
// and index panel.
func openBuiltin() (leverage.Store, error) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		return nil, err
	}
	if err := query.LoadBuiltin(ctx, st, now()); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// builtinStore is openBuiltin for one test.
func builtinStore(t testing.TB) leverage.Store {
	t.Helper()
	st, err := openBuiltin()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newServer returns a test server over a fresh store, changed by cfg.
func newServer(t testing.TB, cfg func(*server.Config)) *httptest.Server {
	t.Helper()
	c := server.Config{Store: builtinStore(t), Now: now}
	if cfg != nil {
		cfg(&c)
	}
	s, err := server.New(c)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

var (
	sharedOnce sync.Once
	shared     *httptest.Server
)

// sharedServer is one read-only server for the tests that only read.
func sharedServer(t *testing.T) *httptest.Server {
	sharedOnce.Do(func() {
		st, err := openBuiltin()
		if err != nil {
			panic(err)
		}
		s, err := server.New(server.Config{Store: st, Now: now})
		if err != nil {
			panic(err)
		}
		shared = httptest.NewServer(s)
	})
	return shared
}

// call makes a request and returns the status and body.
func call(t *testing.T, ts *httptest.Server, method, path, contentType string, body io.Reader, header ...string) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// apiError is the error shape every failure has.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Code    string `json:"code"`
		Message string `json:"message"`
		Param   string `json:"param"`
	} `json:"error"`
}

func TestErrors(t *testing.T) {
	ts := sharedServer(t)
	big := strings.Repeat("x", 11<<20)
	tests := []struct {
		name, method, path, body string
		status                   int
		code, param, message     string
	}{
		{"unknown actor", "GET", "/api/v1/assess?a=RUX&b=KAZ", "", 400, "invalid", "a", "did you mean RUS"},
		{"missing parameter", "GET", "/api/v1/assess?a=RUS", "", 400, "invalid", "b", "required"},
		{"unknown parameter", "GET", "/api/v1/assess?a=RUS&b=KAZ&yeer=2020", "", 400, "invalid", "yeer", "this endpoint takes: a, b, as_of, year"},
		{"bad year", "GET", "/api/v1/assess?a=RUS&b=KAZ&year=twenty", "", 400, "invalid", "year", "want an integer"},
		{"year out of range", "GET", "/api/v1/assess?a=RUS&b=KAZ&year=99", "", 400, "invalid", "year", "want 1816 to 9999"},
		{"bad date", "GET", "/api/v1/assess?a=RUS&b=KAZ&as_of=2021-13-01", "", 400, "invalid", "as_of", ""},
		{"unknown asset", "GET", "/api/v1/transit?exporter=KAZ&without=NOPE", "", 400, "invalid", "without", "the system's assets"},
		{"unknown state removed", "GET", "/api/v1/transit?exporter=KAZ&without_state=Atlantis", "", 400, "invalid", "without_state", "unknown actor"},
		{"no routes", "GET", "/api/v1/transit?exporter=CHN", "", 404, "not_found", "", "no export routes"},
		{"unknown channel", "GET", "/api/v1/facts?actor=KAZ&channel=magic", "", 400, "invalid", "channel", "unknown channel"},
		{"unknown relation", "GET", "/api/v1/facts?actor=KAZ&relation=owes", "", 400, "invalid", "relation", "unknown relation"},
		{"unknown fact actor", "GET", "/api/v1/facts?actor=Narnia", "", 400, "invalid", "actor", "unknown actor"},
		{"not a state removed", "GET", "/api/v1/transit?exporter=KAZ&without_state=CPC", "", 400, "invalid", "without_state", "not a state"},
		{"unknown target", "GET", "/api/v1/index/top?target=Ruritania", "", 400, "invalid", "target", "unknown state"},
		{"unknown profile", "GET", "/api/v1/index/top?target=KAZ&profile=secret", "", 400, "invalid", "profile", "unknown profile"},
		{"outside the built-in panel", "GET", "/api/v1/index/top?target=UZB", "", 404, "not_found", "", "build the full panel"},
		{"unknown state", "GET", "/api/v1/index/series?a=RUS&b=Ruritania", "", 400, "invalid", "b", "unknown state"},
		{"no fbic panel", "GET", "/api/v1/index/top?target=KAZ&profile=fbic", "", 404, "not_found", "", ""},
		{"top needs one side", "GET", "/api/v1/index/top", "", 400, "invalid", "target", "give one of"},
		{"unknown kind", "GET", "/api/v1/actors?kind=planet", "", 400, "invalid", "kind", "unknown kind"},
		{"unknown source", "GET", "/api/v1/sources/nope", "", 404, "not_found", "", "no source"},
		{"unknown scenario", "GET", "/api/v1/scenarios/nope", "", 404, "not_found", "", ""},
		{"unknown endpoint", "GET", "/api/v1/nothing", "", 404, "not_found", "", "see /openapi.json"},
		{"wrong method", "DELETE", "/api/v1/assess?a=RUS&b=KAZ", "", 405, "method_not_allowed", "", "allowed: GET"},
		{"GET on a POST route", "GET", "/api/v1/read", "", 405, "method_not_allowed", "", "allowed: POST"},
		{"malformed JSON", "POST", "/api/v1/scenarios/run", `{"scenario": "cpc-2022",`, 400, "invalid", "", "malformed JSON"},
		{"unknown field", "POST", "/api/v1/scenarios/run", `{"scenario": "cpc-2022", "drawz": 10}`, 400, "invalid", "", `unknown field "drawz"`},
		{"two values", "POST", "/api/v1/scenarios/run", `{"scenario": "cpc-2022"} {}`, 400, "invalid", "", "more than one value"},
		{"too many draws", "POST", "/api/v1/scenarios/run", `{"scenario": "cpc-2022", "draws": 1000000000}`, 400, "invalid", "draws", "want 0 to 100000"},
		{"unknown built-in", "POST", "/api/v1/scenarios/run", `{"scenario": "nope"}`, 400, "invalid", "scenario", "built-in scenarios"},
		{"unknown holder", "POST", "/api/v1/scenarios/run", `{"scenario": "cpc-2022", "holder": "Narnia", "draws": 0}`, 400, "invalid", "holder", "unknown actor"},
		{"upload without token", "POST", "/api/v1/scenarios/run", `{"spec": "name: x"}`, 403, "forbidden", "", "read-only"},
		{"accept without token", "POST", "/api/v1/read?accept=all", "Russia and Kazakhstan signed a treaty.", 403, "forbidden", "", "read-only"},
		{"empty article", "POST", "/api/v1/read", "   ", 422, "invalid", "", "no article text"},
		{"oversized body", "POST", "/api/v1/read", big, 413, "too_large", "", "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			ct := ""
			if tt.body != "" {
				body, ct = strings.NewReader(tt.body), "application/json"
				if strings.HasSuffix(tt.path, "/read") || strings.Contains(tt.path, "/read?") {
					ct = "text/plain"
				}
			}
			status, b := call(t, ts, tt.method, tt.path, ct, body)
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, b)
			}
			var e apiError
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatalf("not the error shape: %v: %s", err, b)
			}
			if e.Error.Status != tt.status || e.Error.Code != tt.code || e.Error.Param != tt.param || !strings.Contains(e.Error.Message, tt.message) {
				t.Errorf("got %+v, want status %d code %q param %q message containing %q", e.Error, tt.status, tt.code, tt.param, tt.message)
			}
		})
	}
}

func TestWritesNeedTheToken(t *testing.T) {
	ts := newServer(t, func(c *server.Config) { c.Token = token })
	article := "Kazakhstan exported 46.3 million tonnes of crude through the CPC pipeline in 2024, the company said on 5 January 2025."
	for _, auth := range []string{"", "Bearer wrong", "Bearer " + token + "x", "Basic " + token, token} {
		status, b := call(t, ts, "POST", "/api/v1/read?accept=all", "text/plain", strings.NewReader(article), "Authorization", auth)
		if status != 401 {
			t.Errorf("Authorization %q: status %d, want 401: %s", auth, status, b)
		}
	}
	// Reading without accepting needs no token.
	if status, b := call(t, ts, "POST", "/api/v1/read", "text/plain", strings.NewReader(article)); status != 200 {
		t.Fatalf("read: %d %s", status, b)
	}
	// Accepting needs a name, which makes the stored facts' ids.
	if status, b := call(t, ts, "POST", "/api/v1/read?accept=all", "text/plain", strings.NewReader(article), "Authorization", "Bearer "+token); status != 400 || !strings.Contains(string(b), `"param":"name"`) {
		t.Errorf("accept without a name: %d %s", status, b)
	}
	// Kazakhstan's oil export figures and its export system are read (and
	// cached) before the write.
	_, before := call(t, ts, "GET", "/api/v1/facts?actor=KAZ&relation=oil_exports", "", nil)
	_, transitBefore := call(t, ts, "GET", "/api/v1/transit?exporter=KAZ&year=2024", "", nil)
	status, b := call(t, ts, "POST", "/api/v1/read?accept=all&name=https://example.org/cpc", "text/plain", strings.NewReader(article), "Authorization", "Bearer "+token)
	if status != 200 {
		t.Fatalf("accept with the token: %d %s", status, b)
	}
	_, after := call(t, ts, "GET", "/api/v1/facts?actor=KAZ&relation=oil_exports", "", nil)
	var fb, fa []leverage.Fact
	if err := json.Unmarshal(before, &fb); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(after, &fa); err != nil {
		t.Fatal(err)
	}
	if len(fa) <= len(fb) {
		t.Errorf("oil export facts: %d before accepting, %d after; the cache kept the old answer or nothing was stored", len(fb), len(fa))
	}
	// The models are rebuilt: the 2024 export figure read from the article
	// is the one N-1 is now measured against.
	_, transitAfter := call(t, ts, "GET", "/api/v1/transit?exporter=KAZ&year=2024", "", nil)
	var tb, ta struct {
		Exports struct {
			Value float64 `json:"value"`
			Year  int     `json:"year"`
		} `json:"exports"`
	}
	if err := json.Unmarshal(transitBefore, &tb); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(transitAfter, &ta); err != nil {
		t.Fatal(err)
	}
	if tb.Exports.Year == 2024 || ta.Exports.Year != 2024 || ta.Exports.Value != 46.3 {
		t.Errorf("exports before accepting %+v, after %+v; want the accepted 46.3 Mt of 2024 after", tb.Exports, ta.Exports)
	}
	// An uploaded scenario runs with the token.
	spec, err := os.ReadFile("../data/scenarios/cpc-drone-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := json.Marshal(map[string]any{"spec": string(spec), "draws": 20})
	if status, b := call(t, ts, "POST", "/api/v1/scenarios/run", "application/json", bytes.NewReader(req), "Authorization", "Bearer "+token); status != 200 {
		t.Errorf("uploaded scenario with the token: %d %s", status, b)
	}
	if status, _ := call(t, ts, "POST", "/api/v1/scenarios/run", "application/json", bytes.NewReader(req)); status != 401 {
		t.Errorf("uploaded scenario without the token: %d, want 401", status)
	}
}

func TestSameAnswersAsCached(t *testing.T) {
	st := builtinStore(t)
	s, err := server.New(server.Config{Store: st, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, path := range []string{"/api/v1/assess?a=RUS&b=KAZ&as_of=2021-12-31", "/api/v1/transit?exporter=KAZ&without=BTC", "/api/v1/index/top?target=KAZ&n=3"} {
		_, first := call(t, ts, "GET", path, "", nil)
		_, cached := call(t, ts, "GET", path, "", nil)
		s.DropAnswers()
		_, recomputed := call(t, ts, "GET", path, "", nil)
		s.Invalidate()
		_, reloaded := call(t, ts, "GET", path, "", nil)
		if !bytes.Equal(first, cached) || !bytes.Equal(first, recomputed) || !bytes.Equal(first, reloaded) {
			t.Errorf("%s: the first, cached, recomputed and reloaded answers differ", path)
		}
	}
	if got := s.CachedAnswers(); got != 1 {
		t.Errorf("%d answers kept after the last request, want 1", got)
	}
}

func TestHeavyDeadline(t *testing.T) {
	ts := newServer(t, func(c *server.Config) { c.HeavyTimeout = 300 * time.Millisecond })
	// The central case alone loads the model in time.
	if status, b := call(t, ts, "POST", "/api/v1/scenarios/run", "application/json", strings.NewReader(`{"scenario": "increased-pressure", "draws": 0}`)); status != 200 {
		t.Fatalf("central case: %d %.300s", status, b)
	}
	start := time.Now()
	status, b := call(t, ts, "POST", "/api/v1/scenarios/run", "application/json", strings.NewReader(`{"scenario": "increased-pressure", "draws": 100000}`))
	if status != 504 {
		t.Fatalf("status %d, want 504: %.300s", status, b)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the answer came %v after the request, for a deadline of 300 ms", d)
	}
}

func TestHealthAndMetrics(t *testing.T) {
	ts := sharedServer(t)
	if status, b := call(t, ts, "GET", "/healthz", "", nil); status != 200 || !strings.Contains(string(b), `"ok"`) {
		t.Errorf("healthz: %d %s", status, b)
	}
	call(t, ts, "GET", "/api/v1/scenarios", "", nil)
	status, b := call(t, ts, "GET", "/metrics", "", nil)
	if status != 200 {
		t.Fatalf("metrics: %d", status)
	}
	for _, want := range []string{`leverage_http_requests_total{code="200",method="GET",route="scenarios"}`, "leverage_http_request_duration_seconds_bucket", "go_goroutines"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestSlowClientCutOff(t *testing.T) {
	s, err := server.New(server.Config{Store: builtinStore(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	srv := s.HTTPServer("", server.Timeouts{ReadHeader: 200 * time.Millisecond, Read: time.Second, Write: time.Second, Idle: time.Second})
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = srv
	ts.Start()
	defer ts.Close()
	conn, err := (&net.Dialer{}).Dial("tcp", ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A client that sends half a request line and stalls.
	if _, err := conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n")); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	b, _ := io.ReadAll(conn) // ends when the server closes the connection
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("the stalled connection stayed open %v", d)
	}
	if bytes.Contains(b, []byte("200 OK")) {
		t.Errorf("the stalled request was answered: %s", b)
	}
}

func TestDashboardFiles(t *testing.T) {
	assets := fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>leverage</title>")}}
	ts := newServer(t, func(c *server.Config) { c.Assets = assets })
	resp, err := ts.Client().Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "<title>leverage") {
		t.Fatalf("GET /: %d %s", resp.StatusCode, b)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if status, _ := call(t, ts, "POST", "/", "text/plain", strings.NewReader("x")); status != 405 {
		t.Errorf("POST /: %d, want 405", status)
	}
	if status, b := call(t, ts, "GET", "/api/v2/assess", "", nil); status != 404 || !strings.Contains(string(b), `"not_found"`) {
		t.Errorf("GET /api/v2/assess: %d %s", status, b)
	}
}
