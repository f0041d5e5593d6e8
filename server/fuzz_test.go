package server_test

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/server"
)

// FuzzAPI sends arbitrary query strings and bodies to the endpoints: every
// answer is 2xx, or an error in the documented shape below 500.
func FuzzAPI(f *testing.F) {
	st := builtinStore(f)
	s, err := server.New(server.Config{Store: st, Now: now, MaxDraws: 200})
	if err != nil {
		f.Fatal(err)
	}
	paths := []string{"/api/v1/assess", "/api/v1/transit", "/api/v1/actors", "/api/v1/facts", "/api/v1/sources",
		"/api/v1/index/top", "/api/v1/index/series", "/api/v1/scenarios/run", "/api/v1/read"}
	f.Add(uint8(0), "a=RUS&b=KAZ&year=2014", "")
	f.Add(uint8(1), "exporter=KAZ&without=CPC,BTC&without_state=RUS", "")
	f.Add(uint8(2), "q=nur&kind=place&as_of=2020-02", "")
	f.Add(uint8(3), "actor=KAZ&channel=energy&relation=oil_exports", "")
	f.Add(uint8(7), "", `{"scenario":"cpc-2022","draws":3,"seed":9,"holder":"RUS","as_of":"2022"}`)
	f.Add(uint8(8), "name=x", "Russia and Kazakhstan signed 2 deals worth $3 billion in 2024.")
	f.Add(uint8(0), "a=%ff&b=\x00&as_of=-1", "")
	f.Fuzz(func(t *testing.T, which uint8, rawQuery, body string) {
		path := paths[int(which)%len(paths)]
		method := "GET"
		if strings.HasSuffix(path, "/run") || strings.HasSuffix(path, "/read") {
			method = "POST"
		}
		req := httptest.NewRequest(method, "/", strings.NewReader(body))
		req.URL.Path, req.URL.RawQuery = path, rawQuery
		req.Header.Set("Content-Type", "application/json")
		if strings.HasSuffix(path, "/read") {
			req.Header.Set("Content-Type", "text/plain")
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s?%s: status %d: %s", method, path, rawQuery, w.Code, w.Body)
		}
		if w.Code >= 400 {
			var e apiError
			if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error.Status != w.Code || e.Error.Message == "" {
				t.Fatalf("%s %s?%s: status %d with a body not in the error shape: %s", method, path, rawQuery, w.Code, w.Body)
			}
		}
		if ct := w.Header().Get("Content-Type"); ct != "application/json" {
			t.Fatalf("%s %s?%s: status %d, content type %q", method, path, rawQuery, w.Code, ct)
		}
	})
}
