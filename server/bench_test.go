package server_test

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/leverage-dev/leverage/server"
)

// benchServer is a server over the built-in dataset for benchmarks.
func benchServer(b *testing.B) *server.Server {
	s, err := server.New(server.Config{Store: builtinStore(b), Now: now})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkAssessCached is the flagship assessment answered from the
// cache: the path the load test's requests take.
func BenchmarkAssessCached(b *testing.B) {
	s := benchServer(b)
	req := httptest.NewRequest("GET", "/api/v1/assess?a=RUS&b=KAZ", nil)
	s.ServeHTTP(httptest.NewRecorder(), req)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkAssessComputed computes the assessment each time, on a model
// already loaded: a cache miss on a date seen before.
func BenchmarkAssessComputed(b *testing.B) {
	s := benchServer(b)
	req := httptest.NewRequest("GET", "/api/v1/assess?a=RUS&b=KAZ", nil)
	s.ServeHTTP(httptest.NewRecorder(), req)
	b.ReportAllocs()
	for b.Loop() {
		s.DropAnswers()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkAssessCold loads the model from the store and computes: the
// first request after a write.
func BenchmarkAssessCold(b *testing.B) {
	s := benchServer(b)
	req := httptest.NewRequest("GET", "/api/v1/assess?a=RUS&b=KAZ", nil)
	b.ReportAllocs()
	for b.Loop() {
		s.Invalidate()
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkAssessNewDate builds a model for a date not seen before from
// the rows already read, and computes: a move of the dashboard's slider.
func BenchmarkAssessNewDate(b *testing.B) {
	s := benchServer(b)
	s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/v1/assess?a=RUS&b=KAZ", nil))
	b.ReportAllocs()
	day := 0
	for b.Loop() {
		day++
		s.DropModels()
		req := httptest.NewRequest("GET", fmt.Sprintf("/api/v1/assess?a=RUS&b=KAZ&as_of=2020-01-%02d", 1+day%28), nil)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
