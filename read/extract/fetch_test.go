package extract_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage/read/extract"
)

func TestFetch(t *testing.T) {
	const page = "<html><body><p>Kazakhstan</p></body></html>"
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") == "" {
			http.Error(w, "no user agent", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2000))) // Content-Length announced
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		for range 20 { // chunked: no Content-Length
			w.Write([]byte(strings.Repeat("x", 100)))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/page", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name     string
		url      string
		maxBytes int64
		timeout  time.Duration
		body     string
		ctype    string
		errIs    error
		errHas   string
	}{
		{name: "ok", url: srv.URL + "/page", body: page, ctype: "text/html; charset=utf-8"},
		{name: "redirect followed", url: srv.URL + "/redirect", body: page, ctype: "text/html; charset=utf-8"},
		{name: "at the limit", url: srv.URL + "/page", maxBytes: int64(len(page)), body: page, ctype: "text/html; charset=utf-8"},
		{name: "not found", url: srv.URL + "/missing", errHas: "404 Not Found"},
		{name: "announced too large", url: srv.URL + "/big", maxBytes: 1000, errIs: extract.ErrTooLarge, errHas: "2000 bytes announced"},
		{name: "streamed too large", url: srv.URL + "/stream", maxBytes: 1000, errIs: extract.ErrTooLarge, errHas: "more than 1000 bytes"},
		{name: "timeout", url: srv.URL + "/slow", timeout: 100 * time.Millisecond, errIs: context.DeadlineExceeded},
		{name: "not http", url: "file:///etc/passwd", errHas: "not an http or https URL"},
		{name: "no host", url: "http://", errHas: "not an http or https URL"},
		{name: "bad url", url: "http://%zz", errHas: "fetch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			if tt.timeout > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
				defer cancel()
			}
			body, ctype, err := extract.Fetch(ctx, srv.Client(), tt.url, tt.maxBytes)
			if tt.errIs == nil && tt.errHas == "" {
				if err != nil {
					t.Fatal(err)
				}
				if string(body) != tt.body || ctype != tt.ctype {
					t.Errorf("Fetch = %q, %q; want %q, %q", body, ctype, tt.body, tt.ctype)
				}
				return
			}
			if err == nil {
				t.Fatalf("Fetch = %q, nil; want an error", body)
			}
			if tt.errIs != nil && !errors.Is(err, tt.errIs) {
				t.Errorf("err = %v, want one wrapping %v", err, tt.errIs)
			}
			if !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("err = %v, want it to mention %q", err, tt.errHas)
			}
		})
	}

	// The client's own timeout applies too.
	quick := &http.Client{Timeout: 100 * time.Millisecond}
	if _, _, err := extract.Fetch(context.Background(), quick, srv.URL+"/slow", 0); err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Errorf("client timeout: err = %v, want a timeout", err)
	}

	// A nil client works, with the default timeout.
	if _, _, err := extract.Fetch(context.Background(), nil, srv.URL+"/page", 0); err != nil {
		t.Errorf("nil client: %v", err)
	}
}

// Fetch and Extract together: a page from a server becomes a Document.
func TestFetchExtract(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=windows-1252")
		w.Write([]byte("Caf\xe9 owners in Almaty said prices rose by a fifth this year, the third rise in a row.\n"))
	}))
	defer srv.Close()
	body, ctype, err := extract.Fetch(context.Background(), srv.Client(), srv.URL, 0)
	if err != nil {
		t.Fatal(err)
	}
	d, err := extract.Extract(strings.NewReader(string(body)), ctype, extract.Options{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Text, "Café owners") {
		t.Errorf("Text = %q", d.Text)
	}
}
