package root_test

import (
	"bytes"
	"context"
	"encoding/json"
	"github.com/leverage-dev/leverage/internal/golden"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/command/root"
)

// cli runs the leverage command on a database in dir and returns its
// output, error output and exit code.
func cli(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &cmdutil.Factory{
		Out: &out, ErrOut: &errOut,
		Now:    func() time.Time { return time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return map[string]string{"LEVERAGE_DB": filepath.Join(dir, "test.db")}[k] },
	}
	code := root.Run(context.Background(), f, args)
	return out.String(), errOut.String(), code
}

func TestAssessFlagshipGolden(t *testing.T) {
	dir := t.TempDir()
	for _, format := range []string{"json", "md"} {
		out, errOut, code := cli(t, dir, "assess", "RUS", "KAZ", "--as-of", "2025-12-31", "--format", format)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		golden.Check(t, "assess-rus-kaz."+format, out)
	}
}

type assessment struct {
	AsOf    string `json:"as_of"`
	Forward struct {
		Channels []channel `json:"channels"`
	} `json:"forward"`
	Reverse struct {
		Channels []channel `json:"channels"`
	} `json:"reverse"`
	Sources []struct {
		ID string `json:"id"`
	} `json:"sources"`
}

type channel struct {
	Channel    string   `json:"channel"`
	Score      *float64 `json:"score"`
	Indicators []struct {
		ID      string   `json:"id"`
		Value   *float64 `json:"value"`
		Score   *float64 `json:"score"`
		Sources []string `json:"sources"`
		Facts   []string `json:"facts"`
	} `json:"indicators"`
	Routes []struct {
		ID      string   `json:"id"`
		Sources []string `json:"sources"`
	} `json:"routes"`
}

func assessJSON(t *testing.T, dir string, args ...string) assessment {
	t.Helper()
	out, errOut, code := cli(t, dir, append([]string{"assess", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a assessment
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// Every number in the flagship assessment must cite a source that
// `leverage sources` knows.
func TestEveryNumberHasAResolvableSource(t *testing.T) {
	dir := t.TempDir()
	out, _, code := cli(t, dir, "sources", "--format", "json")
	if code != 0 {
		t.Fatal("sources failed")
	}
	var srcs []struct{ ID string }
	if err := json.Unmarshal([]byte(out), &srcs); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	for _, s := range srcs {
		known[s.ID] = true
	}
	for _, asOf := range []string{"2025-12-31", "2021-12-31"} {
		a := assessJSON(t, dir, "RUS", "KAZ", "--as-of", asOf)
		numbers := 0
		for _, chs := range [][]channel{a.Forward.Channels, a.Reverse.Channels} {
			for _, c := range chs {
				for _, in := range c.Indicators {
					if in.Value == nil && in.Score == nil {
						continue
					}
					numbers++
					if len(in.Sources) == 0 || len(in.Facts) == 0 {
						t.Errorf("%s %s.%s: a number without facts or sources", asOf, c.Channel, in.ID)
					}
					for _, s := range in.Sources {
						if !known[s] {
							t.Errorf("%s %s.%s: source %q does not resolve in `leverage sources`", asOf, c.Channel, in.ID, s)
						}
					}
				}
				for _, r := range c.Routes {
					if len(r.Sources) == 0 {
						t.Errorf("route %s has no source", r.ID)
					}
				}
			}
		}
		if numbers < 25 {
			t.Errorf("%s: only %d sourced numbers; want the full assessment", asOf, numbers)
		}
		for _, s := range a.Sources {
			if !known[s.ID] {
				t.Errorf("listed source %q is not stored", s.ID)
			}
		}
	}
}

func indicator(a assessment, ch, id string) (value, score *float64) {
	for _, c := range a.Forward.Channels {
		if c.Channel != ch {
			continue
		}
		for _, in := range c.Indicators {
			if in.ID == id {
				return in.Value, in.Score
			}
		}
	}
	return nil, nil
}

func TestAsOfChangesTheAnswer(t *testing.T) {
	dir := t.TempDir()
	now := assessJSON(t, dir, "RUS", "KAZ")
	before := assessJSON(t, dir, "RUS", "KAZ", "--as-of", "2021-12-31")
	if v, _ := indicator(now, "security", "deployments"); v == nil || *v != 2500 {
		t.Errorf("today: want the January 2022 CSTO deployment of 2,500, got %v", v)
	}
	if v, _ := indicator(before, "security", "deployments"); v != nil {
		t.Errorf("as of 2021-12-31: got a deployment %v, want none (it began 2022-01-06)", *v)
	}
	// EAEU from 2015-01-01: shared at the end of 2015, not at the end of 2014.
	in2015 := assessJSON(t, dir, "RUS", "KAZ", "--as-of", "2015-12-31")
	in2014 := assessJSON(t, dir, "RUS", "KAZ", "--as-of", "2014-12-31")
	if v, _ := indicator(in2015, "bloc", "shared_bloc"); v == nil || *v != 1 {
		t.Errorf("2015: want a shared union, got %v", v)
	}
	if v, _ := indicator(in2014, "bloc", "shared_bloc"); v == nil || *v != 0 {
		t.Errorf("2014: want no shared union yet, got %v", v)
	}
}

func TestOtherPairsSayWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	for _, pair := range [][2]string{{"KAZ", "RUS"}, {"RUS", "BLR"}, {"CHN", "KAZ"}, {"KAZ", "UZB"}} {
		out, errOut, code := cli(t, dir, "assess", pair[0], pair[1])
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", pair, code, errOut)
		}
		if !strings.Contains(out, "no data") {
			t.Errorf("%v: want channels without data said so", pair)
		}
		a := assessJSON(t, dir, pair[0], pair[1])
		for _, c := range a.Forward.Channels {
			for _, in := range c.Indicators {
				if in.Value == nil && in.Score != nil && *in.Score != 0 {
					t.Errorf("%v %s.%s: a score without a measured value", pair, c.Channel, in.ID)
				}
			}
		}
	}
}

func TestActorsAndFactsUseNamesOfTheDate(t *testing.T) {
	dir := t.TempDir()
	out, _, code := cli(t, dir, "actors", "nur-sultan")
	if code != 0 || !strings.Contains(out, "ASTANA") || !strings.Contains(out, "2019-03 to 2022-09-16") || !strings.Contains(out, "capital of KAZ") {
		t.Errorf("actors nur-sultan: got exit %d\n%s", code, out)
	}
	out, _, _ = cli(t, dir, "facts", "KAZ", "--as-of", "2021-12-31", "--relation", "capital")
	if !strings.Contains(out, "Nur-Sultan (ASTANA)") {
		t.Errorf("facts KAZ --as-of 2021-12-31: want the capital named Nur-Sultan, got\n%s", out)
	}
	out, _, _ = cli(t, dir, "facts", "705", "--relation", "capital")
	if !strings.Contains(out, "Astana (ASTANA)") {
		t.Errorf("facts 705 today: want Astana, got\n%s", out)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"assess", "RUS", "KAZZ"}, 2, "did you mean KAZ (Kazakhstan)"},
		{[]string{"assess", "RUS"}, 2, "accepts 2 arg(s)"},
		{[]string{"assess", "RUS", "KAZ", "--format", "xml"}, 2, "unknown format"},
		{[]string{"assess", "RUS", "KAZ", "--as-of", "2021-13-01"}, 2, "--as-of"},
		{[]string{"assess", "RUS", "KAZ", "--bogus"}, 2, "unknown flag"},
		{[]string{"assess", "RUS", "RUS"}, 2, "itself"},
		{[]string{"assess", "RUS", "CSTO"}, 2, "between states"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"assess", "RUS", "KAZ", "--weights", "/nonexistent/w.csv"}, 1, "read weights"},
		{[]string{"assess", "russia", "705"}, 0, ""},
		{[]string{"version"}, 0, ""},
	}
	for _, tt := range tests {
		_, errOut, code := cli(t, dir, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.msg) {
			t.Errorf("%v: got exit %d %q, want %d with %q", tt.args, code, errOut, tt.code, tt.msg)
		}
	}
}

func TestWeightsOverride(t *testing.T) {
	dir := t.TempDir()
	w, err := os.ReadFile("../../../data/weights.csv")
	if err != nil {
		t.Fatal(err)
	}
	// Weigh only energy: the composite becomes the energy score.
	var lines []string
	for _, l := range strings.Split(string(w), "\n") {
		if strings.HasSuffix(l, ",,1") && !strings.HasPrefix(l, "energy") {
			l = strings.TrimSuffix(l, "1") + "0"
		}
		lines = append(lines, l)
	}
	path := filepath.Join(dir, "w.csv")
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644)
	out, errOut, code := cli(t, dir, "assess", "RUS", "KAZ", "--weights", path, "--format", "json")
	if code != 0 {
		t.Fatal(errOut)
	}
	var a struct {
		Forward struct {
			Composite *float64 `json:"composite"`
			Channels  []struct {
				Score *float64 `json:"score"`
			} `json:"channels"`
		} `json:"forward"`
	}
	json.Unmarshal([]byte(out), &a)
	if a.Forward.Composite == nil || *a.Forward.Composite != *a.Forward.Channels[0].Score {
		t.Errorf("with only energy weighted, composite %v should equal the energy score %v", a.Forward.Composite, a.Forward.Channels[0].Score)
	}
	os.WriteFile(path, []byte("channel,indicator,weight\nenergy,,x\n"), 0o644)
	if _, errOut, code := cli(t, dir, "assess", "RUS", "KAZ", "--weights", path); code != 1 || !strings.Contains(errOut, "w.csv:2: field weight") {
		t.Errorf("bad weights file: got exit %d %q", code, errOut)
	}
}
