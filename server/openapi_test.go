package server_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/leverage-dev/leverage/server"
)

// loadDoc loads and validates the served OpenAPI document.
func loadDoc(t *testing.T) *openapi3.T {
	t.Helper()
	ts := sharedServer(t)
	status, b := call(t, ts, "GET", "/openapi.json", "", nil)
	if status != 200 {
		t.Fatalf("GET /openapi.json: %d", status)
	}
	doc, err := openapi3.NewLoader().LoadFromData(b)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("the document is not valid OpenAPI 3: %v", err)
	}
	return doc
}

// TestOpenAPIMatchesRoutes checks that the document lists exactly the
// server's endpoints, each with exactly the query parameters it accepts.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	doc := loadDoc(t)
	s, err := server.New(server.Config{Store: builtinStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	served := map[string][]string{ // "METHOD path" -> query parameters
		"GET /healthz": nil, "GET /metrics": nil, "GET /openapi.json": nil,
	}
	for _, rt := range server.Routes(s) {
		served[rt.Method+" "+rt.Path] = rt.Params
	}
	documented := map[string][]string{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			var params []string
			for _, p := range op.Parameters {
				if p.Value.In == "query" {
					params = append(params, p.Value.Name)
				}
			}
			documented[method+" "+path] = params
		}
	}
	for ep, params := range served {
		dp, ok := documented[ep]
		if !ok {
			t.Errorf("%s is served but not documented", ep)
			continue
		}
		a, b := slices.Clone(params), slices.Clone(dp)
		sort.Strings(a)
		sort.Strings(b)
		if !slices.Equal(a, b) {
			t.Errorf("%s: the handler accepts %v, the document lists %v", ep, a, b)
		}
	}
	for ep := range documented {
		if _, ok := served[ep]; !ok {
			t.Errorf("%s is documented but not served", ep)
		}
	}
}

// TestResponsesMatchOpenAPI checks requests and answers, good and bad,
// against the document's schemas.
func TestResponsesMatchOpenAPI(t *testing.T) {
	doc := loadDoc(t)
	doc.Servers = nil // match paths as they are
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	article, err := os.ReadFile("../internal/command/root/testdata/read/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	ts := sharedServer(t)
	tests := []struct {
		method, path, contentType, body string
		status                          int
	}{
		{"GET", "/healthz", "", "", 200},
		{"GET", "/api/v1/actors?q=astana", "", "", 200},
		{"GET", "/api/v1/actors?kind=state&as_of=2020", "", "", 200},
		{"GET", "/api/v1/actors/KAZ", "", "", 200},
		{"GET", "/api/v1/actors/NOPE", "", "", 404},
		{"GET", "/api/v1/facts?actor=KAZ&channel=energy&as_of=2021-12-31", "", "", 200},
		{"GET", "/api/v1/sources", "", "", 200},
		{"GET", "/api/v1/sources?id=kmg-ar2020", "", "", 200},
		{"GET", "/api/v1/sources/kmg-ar2020", "", "", 200},
		{"GET", "/api/v1/assess?a=RUS&b=KAZ", "", "", 200},
		{"GET", "/api/v1/assess?a=KAZ&b=RUS&as_of=2014&year=2014", "", "", 200},
		{"GET", "/api/v1/assess?a=RUS", "", "", 400},
		{"GET", "/api/v1/index/top?target=KAZ", "", "", 200},
		{"GET", "/api/v1/index/top?source=RUS&year=2010&n=5", "", "", 200},
		{"GET", "/api/v1/index/top?target=UZB", "", "", 404}, // outside the built-in subset
		{"GET", "/api/v1/index/series?a=RUS&b=KAZ&from=1995", "", "", 200},
		{"GET", "/api/v1/transit?exporter=KAZ", "", "", 200},
		{"GET", "/api/v1/transit?exporter=KAZ&without=CPC&without_state=RUS", "", "", 200},
		{"GET", "/api/v1/geometry", "", "", 200},
		{"GET", "/api/v1/geometry?zoom=3", "", "", 400},
		{"GET", "/api/v1/sources/kmg-ar2020?full=1", "", "", 400},
		{"GET", "/api/v1/scenarios", "", "", 200},
		{"GET", "/api/v1/scenarios/cpc-2022", "", "", 200},
		{"GET", "/api/v1/scenarios/nope", "", "", 404},
		{"POST", "/api/v1/scenarios/run", "application/json", `{"scenario":"cpc-drone-2025","draws":50,"seed":7}`, 200},
		{"POST", "/api/v1/scenarios/run", "application/json", `{"spec":"name: x"}`, 403},
		{"POST", "/api/v1/read?name=article.txt", "text/plain", string(article), 200},
		{"POST", "/api/v1/read?accept=all", "text/plain", string(article), 403},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, ts.URL+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			if tt.contentType != "" {
				req.Header.Set("Content-Type", tt.contentType)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tt.status, body)
			}
			// Match the request as the document sees it.
			vreq, _ := http.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			if tt.contentType != "" {
				vreq.Header.Set("Content-Type", tt.contentType)
			}
			route, params, err := router.FindRoute(vreq)
			if err != nil {
				t.Fatalf("the document has no route for it: %v", err)
			}
			in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
			if tt.status < 400 {
				if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
					t.Errorf("the request breaks the document: %v", err)
				}
			}
			out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
				Options: &openapi3filter.Options{IncludeResponseStatus: true}}
			out.SetBodyBytes(body)
			if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
				t.Errorf("the answer breaks the document: %.2000v", err)
			}
		})
	}
}
