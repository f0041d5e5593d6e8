package root_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/command/root"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe starts `leverage serve` on a free port, asks it for the
// dashboard and an assessment, and stops it as SIGTERM would: the command
// shuts down gracefully and exits 0.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	var errOut syncBuffer
	f := &cmdutil.Factory{
		Out: io.Discard, ErrOut: &errOut,
		Now:    func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return map[string]string{"LEVERAGE_DB": filepath.Join(dir, "test.db")}[k] },
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	exit := make(chan int, 1)
	go func() { exit <- root.Run(ctx, f, []string{"serve", "--addr", "127.0.0.1:0", "--log-format", "text"}) }()

	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
	var base string
	for deadline := time.Now().Add(20 * time.Second); base == "" && time.Now().Before(deadline); {
		select {
		case code := <-exit:
			t.Fatalf("serve exited %d early: %s", code, errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
		base = addr.FindString(errOut.String())
	}
	if base == "" {
		t.Fatalf("serve printed no address: %s", errOut.String())
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, body := get("/"); status != 200 || !strings.Contains(body, "<html") {
		t.Errorf("GET /: %d %.200s", status, body)
	}
	if status, body := get("/api/v1/assess?a=RUS&b=KAZ"); status != 200 || !strings.Contains(body, `"leverage.assessment/v1"`) {
		t.Errorf("GET assess: %d %.200s", status, body)
	}
	if !strings.Contains(errOut.String(), "read-only") {
		t.Errorf("serve did not say it is read-only: %s", errOut.String())
	}
	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit %d after shutdown: %s", code, errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errOut.String(), "shutting down") {
		t.Errorf("no shutdown in the log: %s", errOut.String())
	}
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"serve", "--token-file", empty},
		{"serve", "--token-file", filepath.Join(dir, "missing")},
		{"serve", "--log-format", "xml"},
		{"serve", "--addr", "not an address"},
		{"serve", "extra"},
	} {
		_, errOut, code := cli(t, dir, args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2: %s", args, code, errOut)
		}
	}
}
