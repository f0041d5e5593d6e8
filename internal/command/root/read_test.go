package root_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/command/root"
	"github.com/leverage-dev/leverage/internal/golden"
)

// TestReadArticle reads the fixture article: a plain-text page with its
// furniture and errors of the kinds news pages carry.
func TestReadArticle(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := cli(t, dir, "read", "testdata/read/article.txt", "--format", "md")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden.Check(t, "read-article.md", out)

	out, _, _ = cli(t, dir, "read", "testdata/read/article.txt", "--format", "json")
	var r struct {
		Schema string `json:"schema"`
		Text   string `json:"text"`
		Actors []struct {
			Actor string `json:"actor"`
		} `json:"actors"`
		Candidates []struct {
			ID      string `json:"id"`
			Channel string `json:"channel"`
		} `json:"candidates"`
		Flags []struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		} `json:"flags"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, f := range r.Flags {
		kinds[f.Kind]++
	}
	for _, k := range []string{"near_miss", "anachronism", "contradiction", "truncated", "unsourced"} {
		if kinds[k] == 0 {
			t.Errorf("no %s flag: %+v", k, r.Flags)
		}
	}
	if strings.Contains(r.Text, "Adblock") || strings.Contains(r.Text, "You may also like") || r.Schema != "leverage.read/v1" {
		t.Errorf("schema %q; furniture left in the text:\n%s", r.Schema, r.Text)
	}
}

// TestReadInputs reads a URL from a local server, standard input and a
// folder, and checks --text and the input limits.
func TestReadInputs(t *testing.T) {
	page, err := os.ReadFile("testdata/read/page.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/page":
			w.Header().Set("Content-Type", "text/html; charset=windows-1252")
			w.Write(page)
		case "/slow":
			time.Sleep(2 * time.Second)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()

	out, errOut, code := cli(t, dir, "read", srv.URL+"/page", "--text")
	if code != 0 || !strings.Contains(out, "Café owners in Astana, and the rôle of the CSTO") || strings.Contains(out, "Cookie policy") {
		t.Errorf("URL --text: exit %d %s\n%s", code, errOut, out)
	}
	out, _, code = cli(t, dir, "read", srv.URL+"/page", "--format", "json")
	if code != 0 || !strings.Contains(out, `"date": "2025-03-02"`) || !strings.Contains(out, `"actor": "CPC-CO"`) {
		t.Errorf("URL: exit %d\n%s", code, out)
	}
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"read", srv.URL + "/missing"}, 1, "404"},
		{[]string{"read", srv.URL + "/slow", "--timeout", "200ms"}, 1, "deadline"},
		{[]string{"read", srv.URL + "/page", "--max-bytes", "100"}, 1, "100"},
		{[]string{"read", "testdata/read/article.txt", "--max-bytes", "100"}, 1, "--max-bytes"},
		{[]string{"read", "testdata/read/nope.txt"}, 1, "no such file"},
		{[]string{"read", "testdata/read/article.txt", "--format", "csv"}, 2, "unknown format"},
		{[]string{"read"}, 2, "accepts 1 arg"},
	} {
		_, errOut, code := cli(t, dir, tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%v: exit %d %q, want %d with %q", tc.args, code, errOut, tc.code, tc.msg)
		}
	}

	// Standard input.
	var stdout, stderr bytes.Buffer
	art, _ := os.ReadFile("testdata/read/article.txt")
	f := &cmdutil.Factory{In: bytes.NewReader(art), Out: &stdout, ErrOut: &stderr,
		Now:    func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return map[string]string{"LEVERAGE_DB": filepath.Join(dir, "test.db")}[k] }}
	if code := root.Run(context.Background(), f, []string{"read", "-", "--text"}); code != 0 || !strings.HasPrefix(stdout.String(), "NUR-SULTAN – Kazakhstan relies on Russia") {
		t.Errorf("stdin: exit %d %s\n%s", code, stderr.String(), stdout.String())
	}

	// A folder: every file in it, in one JSON array.
	out, errOut, code = cli(t, dir, "read", "testdata/read", "--format", "json")
	var all []json.RawMessage
	if code != 0 || json.Unmarshal([]byte(out), &all) != nil || len(all) != 2 {
		t.Errorf("folder: exit %d %s, %d results", code, errOut, len(all))
	}
}

// TestReadAccept stores chosen candidates with the article as their source,
// all or nothing.
func TestReadAccept(t *testing.T) {
	dir := t.TempDir()
	facts := func() string {
		out, _, _ := cli(t, dir, "facts", "KAZ", "--format", "csv")
		return out
	}
	before := facts()
	_, errOut, code := cli(t, dir, "read", "testdata/read/article.txt", "--accept", "c1,c99")
	if code != 2 || !strings.Contains(errOut, `no candidate "c99"`) || facts() != before {
		t.Errorf("--accept c1,c99: exit %d %q; the store changed: %v", code, errOut, facts() != before)
	}
	_, errOut, code = cli(t, dir, "read", "testdata/read/article.txt", "--accept", "c1,c2")
	if code != 0 || !strings.Contains(errOut, "stored 2 facts") {
		t.Fatalf("--accept c1,c2: exit %d %q", code, errOut)
	}
	after := facts()
	if !strings.Contains(after, "read-testdata-read-article-txt-c1") || !strings.Contains(after, "read-testdata-read-article-txt-c2") {
		t.Errorf("accepted facts not stored:\n%s", after)
	}
	// Accepting again conflicts, and stores nothing more.
	_, errOut, code = cli(t, dir, "read", "testdata/read/article.txt", "--accept", "all")
	if code != 1 || !strings.Contains(errOut, "nothing stored") || facts() != after {
		t.Errorf("--accept all again: exit %d %q", code, errOut)
	}
	out, _, _ := cli(t, dir, "sources", "--format", "csv")
	if !strings.Contains(out, "read-testdata-read-article-txt") {
		t.Errorf("the article is not a stored source:\n%s", out)
	}
}
