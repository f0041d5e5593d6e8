package cmdutil_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/influence/panel"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/postgres"
	"github.com/leverage-dev/leverage/postgres/pgtest"
	"github.com/leverage-dev/leverage/sqlite"
)

// isUsage reports whether err is a *UsageError that maps to exit code 2.
func isUsage(err error) bool {
	var ue *cmdutil.UsageError
	return errors.As(err, &ue) && cmdutil.ExitCode(err) == cmdutil.ExitUsage
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, cmdutil.ExitOK},
		{errors.New("disk full"), cmdutil.ExitError},
		{leverage.Errorf(leverage.ENOTFOUND, "no such thing"), cmdutil.ExitError},
		{cmdutil.Usagef("bad %s", "flag"), cmdutil.ExitUsage},
		{&cmdutil.UsageError{Err: errors.New("bad")}, cmdutil.ExitUsage},
		{fmt.Errorf("assess: %w", cmdutil.Usagef("bad")), cmdutil.ExitUsage},
	}
	for _, tt := range tests {
		if got := cmdutil.ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
	if cmdutil.ExitOK != 0 || cmdutil.ExitError != 1 || cmdutil.ExitUsage != 2 {
		t.Error("exit codes must be 0, 1 and 2 as the README says")
	}
	inner := errors.New("inner")
	if err := (&cmdutil.UsageError{Err: inner}); !errors.Is(err, inner) || err.Error() != "inner" {
		t.Errorf("UsageError should unwrap to and print its error, got %q", err)
	}
}

func TestParseAsOf(t *testing.T) {
	now := time.Date(2026, 11, 26, 15, 4, 5, 6, time.UTC)
	f := &cmdutil.Factory{Now: func() time.Time { return now }}
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"", day(2026, 11, 26)}, // today, without the time of day
		{"2021", day(2021, 12, 31)},
		{"2021-12-31", day(2021, 12, 31)},
		{"2022-01-06", day(2022, 1, 6)},
		{"2021-06", day(2021, 6, 30)},
		{"2023-02", day(2023, 2, 28)},
		{"2024-02", day(2024, 2, 29)}, // leap year
		{"2024-02-29", day(2024, 2, 29)},
		{"2021-12", day(2021, 12, 31)},
		{" 2015 ", day(2015, 12, 31)},
		{"0001-01-01", day(1, 1, 1)},
	}
	for _, tt := range tests {
		got, err := f.ParseAsOf(tt.in)
		if err != nil {
			t.Errorf("ParseAsOf(%q): %v", tt.in, err)
			continue
		}
		if !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("ParseAsOf(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestParseAsOfInvalid(t *testing.T) {
	f := &cmdutil.Factory{Now: time.Now}
	for _, in := range []string{
		"2021-13-01", "2021-00", "2021-02-30", "2023-02-29", "2021-04-31", "2021-01-00",
		"21", "20210", "2021-1", "2021-1-01", "2021-01-1", "2021/01/01", "2021-01-01-01",
		"abcd", "0000", "-2021", "+2021", "2021-", "2021--01", "2021-01-01T00:00", "yesterday", "2021 06",
	} {
		got, err := f.ParseAsOf(in)
		if err == nil {
			t.Errorf("ParseAsOf(%q) = %v, want an error", in, got)
			continue
		}
		if !isUsage(err) {
			t.Errorf("ParseAsOf(%q): %v is not a usage error", in, err)
		}
		if !strings.HasPrefix(err.Error(), "--as-of: ") {
			t.Errorf("ParseAsOf(%q): error %q should name the flag", in, err)
		}
		if !got.IsZero() {
			t.Errorf("ParseAsOf(%q) returned %v with its error", in, got)
		}
	}
}

func actors() []*leverage.Actor {
	return []*leverage.Actor{
		{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ", COW: 705,
			Names: []leverage.Name{{Text: "Republic of Kazakhstan", Kind: leverage.NameOfficial}, {Text: "Qazaqstan", Kind: leverage.NameAlias}}},
		{ID: "RUS", Kind: leverage.State, Name: "Russia", ISO3: "RUS", COW: 365,
			Names: []leverage.Name{{Text: "Russian Federation", Kind: leverage.NameOfficial}}},
		{ID: "KGZ", Kind: leverage.State, Name: "Kyrgyzstan", ISO3: "KGZ", COW: 703},
		{ID: "TUR", Kind: leverage.State, Name: "Türkiye", ISO3: "TUR", COW: 640,
			Names: []leverage.Name{{Text: "Turkey", Kind: leverage.NameHistorical, Valid: leverage.Period{To: leverage.MustDate("2022-06")}}}},
		{ID: "CSTO", Kind: leverage.Organisation, Name: "Collective Security Treaty Organization",
			Names: []leverage.Name{{Text: "CSTO", Kind: leverage.NameAcronym}}},
	}
}

func TestResolveActor(t *testing.T) {
	at := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		arg, want string
	}{
		{"KAZ", "KAZ"},        // ISO3
		{"kaz", "KAZ"},        // any case
		{"705", "KAZ"},        // COW code
		{"365", "RUS"},        //
		{"Kazakhstan", "KAZ"}, // name
		{"KAZAKHSTAN", "KAZ"},
		{"kazakhstan", "KAZ"},
		{"russian federation", "RUS"}, // official name
		{"qazaqstan", "KAZ"},          // alias
		{"turkiye", "TUR"},            // accents ignored
		{"TURKEY", "TUR"},             // historical name
		{"  Kyrgyzstan ", "KGZ"},
		{"csto", "CSTO"}, // not only states
	}
	for _, tt := range tests {
		a, err := cmdutil.ResolveActor(actors(), tt.arg, at)
		if err != nil {
			t.Errorf("ResolveActor(%q): %v", tt.arg, err)
			continue
		}
		if a.ID != tt.want {
			t.Errorf("ResolveActor(%q) = %s, want %s", tt.arg, a.ID, tt.want)
		}
	}
}

func TestResolveActorUnknown(t *testing.T) {
	at := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		arg     string
		suggest []string // empty: no "did you mean"
	}{
		{"Kazakstan", []string{"KAZ (Kazakhstan)"}},
		{"KAZZ", []string{"KAZ (Kazakhstan)"}},
		{"Kyrgystan", []string{"KGZ (Kyrgyzstan)"}},
		{"russia federation", []string{"RUS (Russia)"}},
		{"706", []string{"KAZ (Kazakhstan)"}},
		{"Atlantis", nil},
		{"", nil},
	}
	for _, tt := range tests {
		a, err := cmdutil.ResolveActor(actors(), tt.arg, at)
		if err == nil {
			t.Errorf("ResolveActor(%q) = %s, want an error", tt.arg, a.ID)
			continue
		}
		if a != nil {
			t.Errorf("ResolveActor(%q) returned %s with its error", tt.arg, a.ID)
		}
		if !isUsage(err) {
			t.Errorf("ResolveActor(%q): %v is not a usage error (exit 2)", tt.arg, err)
		}
		if code := leverage.ErrorCode(err); code != leverage.ENOTFOUND {
			t.Errorf("ResolveActor(%q): error code %q, want %q", tt.arg, code, leverage.ENOTFOUND)
		}
		msg := err.Error()
		if !strings.Contains(msg, fmt.Sprintf("unknown actor %q", tt.arg)) {
			t.Errorf("ResolveActor(%q): error %q should quote the argument", tt.arg, msg)
		}
		if len(tt.suggest) == 0 {
			if strings.Contains(msg, "did you mean") {
				t.Errorf("ResolveActor(%q): %q suggests something for a name nothing resembles", tt.arg, msg)
			}
			continue
		}
		if !strings.Contains(msg, "did you mean") {
			t.Errorf("ResolveActor(%q): %q has no suggestion", tt.arg, msg)
		}
		for _, s := range tt.suggest {
			if !strings.Contains(msg, s) {
				t.Errorf("ResolveActor(%q): %q does not suggest %s", tt.arg, msg, s)
			}
		}
	}
}

func TestResolveActorAmbiguous(t *testing.T) {
	as := []*leverage.Actor{
		{ID: "X1", Kind: leverage.Company, Name: "Transit"},
		{ID: "X2", Kind: leverage.Company, Name: "Transit"},
	}
	_, err := cmdutil.ResolveActor(as, "transit", time.Now())
	if err == nil || !isUsage(err) || !strings.Contains(err.Error(), "ambiguous") {
		t.Errorf("ResolveActor on two actors of the same name: got %v, want an ambiguous usage error", err)
	}
}

func TestArgs(t *testing.T) {
	tests := []struct {
		name  string
		check cobra.PositionalArgs
		args  []string
		msg   string // empty: no error
	}{
		{"exact 2 of 2", cmdutil.ExactArgs(2), []string{"RUS", "KAZ"}, ""},
		{"exact 2 of 1", cmdutil.ExactArgs(2), []string{"RUS"}, "accepts 2 arg(s), received 1"},
		{"exact 2 of 3", cmdutil.ExactArgs(2), []string{"RUS", "KAZ", "CHN"}, "accepts 2 arg(s), received 3"},
		{"exact 2 of 0", cmdutil.ExactArgs(2), nil, "accepts 2 arg(s), received 0"},
		{"exact 0 of 0", cmdutil.ExactArgs(0), nil, ""},
		{"exact 0 of 1", cmdutil.ExactArgs(0), []string{"x"}, "accepts 0 arg(s), received 1"},
		{"max 1 of 0", cmdutil.MaxArgs(1), nil, ""},
		{"max 1 of 1", cmdutil.MaxArgs(1), []string{"KAZ"}, ""},
		{"max 1 of 2", cmdutil.MaxArgs(1), []string{"KAZ", "RUS"}, "accepts at most 1 arg(s), received 2"},
	}
	for _, tt := range tests {
		err := tt.check(&cobra.Command{Use: "test"}, tt.args)
		switch {
		case tt.msg == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tt.name, err)
		case tt.msg == "":
		case err == nil:
			t.Errorf("%s: no error, want %q", tt.name, tt.msg)
		case !isUsage(err):
			t.Errorf("%s: %v is not a usage error (exit 2)", tt.name, err)
		case !strings.Contains(err.Error(), tt.msg):
			t.Errorf("%s: error %q, want %q", tt.name, err, tt.msg)
		}
	}
}

func TestCheckFormat(t *testing.T) {
	tests := []struct {
		format string
		ok     bool
	}{
		{"table", true}, {"json", true}, {"csv", true}, {"md", true},
		{"xml", false}, {"", false}, {"JSON", false}, {"markdown", false},
	}
	for _, tt := range tests {
		err := cmdutil.CheckFormat(tt.format, cmdutil.ListFormats...)
		if tt.ok != (err == nil) {
			t.Errorf("CheckFormat(%q) = %v, want ok=%v", tt.format, err, tt.ok)
			continue
		}
		if err != nil && (!isUsage(err) || !strings.Contains(err.Error(), `unknown format "`+tt.format+`" (want table, json, csv, md)`)) {
			t.Errorf("CheckFormat(%q): %v should be a usage error naming the formats", tt.format, err)
		}
	}
}

func TestWriteList(t *testing.T) {
	type item struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	headers := []string{"id", "name"}
	rows := [][]string{{"KAZ", "Kazakhstan"}, {"X", `a|b, "c"`}}
	items := []item{{"KAZ", "Kazakhstan"}, {"X", `a|b, "c"`}}
	tests := []struct {
		format string
		rows   [][]string
		v      any
		want   string
	}{
		{"table", rows, items, "ID   NAME\nKAZ  Kazakhstan\nX    a|b, \"c\"\n"},
		{"csv", rows, items, "id,name\nKAZ,Kazakhstan\nX,\"a|b, \"\"c\"\"\"\n"},
		{"md", rows, items, "| id | name |\n|---|---|\n| KAZ | Kazakhstan |\n| X | a\\|b, \"c\" |\n"},
		{"json", rows, items, "[\n  {\n    \"id\": \"KAZ\",\n    \"name\": \"Kazakhstan\"\n  },\n  {\n    \"id\": \"X\",\n    \"name\": \"a|b, \\\"c\\\"\"\n  }\n]\n"},
		// No rows: the headers alone, and an empty JSON list.
		{"table", nil, []item{}, "ID  NAME\n"},
		{"csv", nil, []item{}, "id,name\n"},
		{"md", nil, []item{}, "| id | name |\n|---|---|\n"},
		{"json", nil, []item{}, "[]\n"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		if err := cmdutil.WriteList(&b, tt.format, headers, tt.rows, tt.v); err != nil {
			t.Errorf("WriteList(%s, %d rows): %v", tt.format, len(tt.rows), err)
			continue
		}
		if got := b.String(); got != tt.want {
			t.Errorf("WriteList(%s, %d rows):\n got %q\nwant %q", tt.format, len(tt.rows), got, tt.want)
		}
	}
}

// The machine formats read back to what was written.
func TestWriteListRoundTrip(t *testing.T) {
	headers := []string{"id", "title", "note"}
	rows := [][]string{
		{"s1", "Comma, quote \" and pipe |", ""},
		{"s2", "Line\nbreak", "ü – ✓"},
		{"s3", "", "x"},
	}
	var b bytes.Buffer
	if err := cmdutil.WriteList(&b, "csv", headers, rows, nil); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&b)
	r.FieldsPerRecord = len(headers)
	got, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	want := append([][]string{headers}, rows...)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("CSV read back as %q, want %q", got, want)
	}

	b.Reset()
	in := map[string][]float64{"values": {0, 1.5, -2}}
	if err := cmdutil.WriteList(&b, "json", headers, rows, in); err != nil {
		t.Fatal(err)
	}
	var out map[string][]float64
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatalf("JSON does not read back: %v", err)
	}
	if fmt.Sprint(out) != fmt.Sprint(in) {
		t.Errorf("JSON read back as %v, want %v", out, in)
	}

	b.Reset()
	if err := cmdutil.WriteList(&b, "md", headers, rows[:1], nil); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if n := strings.Count(line, "|") - strings.Count(line, `\|`); n != len(headers)+1 {
			t.Errorf("Markdown line %d has %d cell separators, want %d: %q", i+1, n, len(headers)+1, line)
		}
	}
}

func TestDefaultDBPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	all := env(map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/u", "LocalAppData": `C:\Users\u\AppData\Local`})
	var want string
	switch runtime.GOOS {
	case "windows":
		want = filepath.Join(`C:\Users\u\AppData\Local`, "leverage", "leverage.db")
	case "darwin":
		want = filepath.Join("/home/u", "Library", "Application Support", "leverage", "leverage.db")
	default:
		want = filepath.Join("/xdg", "leverage", "leverage.db")
		got, err := cmdutil.DefaultDBPath(env(map[string]string{"HOME": "/home/u"}))
		if w := filepath.Join("/home/u", ".local", "share", "leverage", "leverage.db"); err != nil || got != w {
			t.Errorf("DefaultDBPath without XDG_DATA_HOME = %q, %v; want %q", got, err, w)
		}
	}
	if got, err := cmdutil.DefaultDBPath(all); err != nil || got != want {
		t.Errorf("DefaultDBPath = %q, %v; want %q", got, err, want)
	}
	if got, err := cmdutil.DefaultDBPath(env(nil)); err == nil || !strings.Contains(err.Error(), "LEVERAGE_DB") {
		t.Errorf("DefaultDBPath with no environment = %q, %v; want an error pointing to LEVERAGE_DB", got, err)
	}
}

// factory returns a Factory whose environment is env and nothing else.
func factory(dbPath string, env map[string]string) *cmdutil.Factory {
	return &cmdutil.Factory{
		Now:    time.Now,
		Getenv: func(k string) string { return env[k] },
		DBPath: dbPath,
	}
}

func openStore(t *testing.T, f *cmdutil.Factory) leverage.Store {
	t.Helper()
	st, err := f.OpenStore(context.Background())
	if err != nil {
		t.Fatalf("OpenStore: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func count(t *testing.T, st leverage.Store) (actors, facts int) {
	t.Helper()
	ctx := context.Background()
	as, err := st.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := st.Facts(ctx, leverage.FactFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(as), len(fs)
}

// The path comes from --db, else LEVERAGE_DB, else the default; the
// database is created there, directories included.
func TestOpenStorePath(t *testing.T) {
	dir := t.TempDir()
	flagPath := filepath.Join(dir, "flag", "a.db")
	envPath := filepath.Join(dir, "env", "b.db")
	xdg := filepath.Join(dir, "xdg")
	tests := []struct {
		name   string
		dbPath string
		env    map[string]string
		want   string
	}{
		{"--db wins", flagPath, map[string]string{"LEVERAGE_DB": envPath, "XDG_DATA_HOME": xdg, "HOME": dir, "LocalAppData": xdg}, flagPath},
		{"LEVERAGE_DB", "", map[string]string{"LEVERAGE_DB": envPath, "XDG_DATA_HOME": xdg, "HOME": dir, "LocalAppData": xdg}, envPath},
	}
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		tests = append(tests, struct {
			name   string
			dbPath string
			env    map[string]string
			want   string
		}{"default", "", map[string]string{"XDG_DATA_HOME": xdg, "HOME": dir}, filepath.Join(xdg, "leverage", "leverage.db")})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			openStore(t, factory(tt.dbPath, tt.env))
			if _, err := os.Stat(tt.want); err != nil {
				t.Errorf("database not created at %s: %v", tt.want, err)
			}
		})
	}
}

func TestOpenStoreErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("not a directory"), 0o644); err != nil {
		t.Fatal(err)
	}
	notDB := filepath.Join(dir, "not.db")
	if err := os.WriteFile(notDB, bytes.Repeat([]byte("not a database "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		dbPath string
		env    map[string]string
		msg    string
	}{
		{"no path at all", "", nil, "set LEVERAGE_DB or pass --db"},
		{"under a file", filepath.Join(file, "x.db"), nil, "open database " + filepath.Join(file, "x.db")},
		{"not a database", notDB, nil, notDB},
	}
	for _, tt := range tests {
		st, err := factory(tt.dbPath, tt.env).OpenStore(context.Background())
		if err == nil {
			st.Close()
			t.Errorf("%s: OpenStore succeeded", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: error %q, want %q", tt.name, err, tt.msg)
		}
	}
}

// stub is a tiny valid dataset stored under the built-in dataset's name: it
// lets a test see whether OpenStore replaced what was stored.
func stub(version string) *leverage.Dataset {
	return &leverage.Dataset{
		Name:      data.BuiltinName,
		Version:   version,
		Sources:   []*leverage.Source{{ID: "stub-src", Kind: leverage.SourceNews, Title: "A story"}},
		Relations: []*leverage.Relation{{ID: "stub-rel", Kind: leverage.StateRelation, Units: []string{""}, Description: "a relation"}},
		Actors:    []*leverage.Actor{{ID: "STUB", Kind: leverage.Company, Name: "Stub"}},
		Facts: []*leverage.Fact{{ID: "stub-fact", Subject: "STUB", Relation: "stub-rel", Sources: []string{"stub-src"},
			Confidence: leverage.Secondary}},
	}
}

// writeStored replaces the built-in dataset stored at path with d, through
// the store API, as an older or newer binary would have left it.
func writeStored(t *testing.T, path string, d *leverage.Dataset) {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.ReplaceDataset(ctx, d); err != nil {
		t.Fatalf("storing the stub dataset: %v", err)
	}
}

func TestOpenStoreLoadsBuiltin(t *testing.T) {
	ds, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if ds.Version == "" {
		t.Fatal("built-in dataset has no version")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leverage.db")
	f := factory(path, nil)

	// First use creates the database and loads the built-in dataset.
	st := openStore(t, f)
	if v, err := st.DatasetVersion(ctx, data.BuiltinName); err != nil || v != ds.Version {
		t.Fatalf("first open: stored version %q, %v; want %q", v, err, ds.Version)
	}
	if a, fs := count(t, st); a != len(ds.Actors) || fs != len(ds.Facts) {
		t.Fatalf("first open: %d actors and %d facts stored, want %d and %d", a, fs, len(ds.Actors), len(ds.Facts))
	}
	if kaz, err := st.Actors(ctx, leverage.ActorFilter{IDs: []string{"KAZ"}}); err != nil || len(kaz) != 1 || kaz[0].COW != 705 {
		t.Errorf("first open: KAZ = %v, %v", kaz, err)
	}
	st.Close()

	tests := []struct {
		name          string
		stored        *leverage.Dataset // written before OpenStore; nil: leave as is
		reload        bool              // OpenStore must replace what is stored
		actors, facts int               // stored after OpenStore
	}{
		{"reopen", nil, false, len(ds.Actors), len(ds.Facts)},
		// Stored content that claims the binary's version is kept: no reload.
		{"same version", stub(ds.Version), false, 1, 1},
		{"same version, again", nil, false, 1, 1},
		// Any other version is replaced by the built-in dataset.
		{"older version", stub("0000000000000000"), true, len(ds.Actors), len(ds.Facts)},
		{"unchanged after reload", nil, false, len(ds.Actors), len(ds.Facts)},
		{"other version", stub("x"), true, len(ds.Actors), len(ds.Facts)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.stored != nil {
				writeStored(t, path, tt.stored)
			}
			st := openStore(t, f)
			defer st.Close()
			v, err := st.DatasetVersion(ctx, data.BuiltinName)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.stored != nil && !tt.reload && v != tt.stored.Version:
				t.Errorf("stored version %q was replaced by %q", tt.stored.Version, v)
			case tt.reload && v != ds.Version:
				t.Errorf("stored version %q, want the built-in %q", v, ds.Version)
			}
			if a, fs := count(t, st); a != tt.actors || fs != tt.facts {
				t.Errorf("%d actors and %d facts stored, want %d and %d", a, fs, tt.actors, tt.facts)
			}
		})
	}
}

// A postgres:// or postgresql:// URL, from --db or LEVERAGE_DB, opens a
// PostgreSQL store and loads the built-in dataset into it; anything else is
// an SQLite file.
func TestOpenStorePostgres(t *testing.T) {
	ctx := context.Background()
	ds, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Server(t)
	tests := []struct {
		name   string
		dbPath func(url string) string
		env    func(url string) map[string]string
	}{
		{"--db", func(u string) string { return u }, func(string) map[string]string { return nil }},
		{"LEVERAGE_DB", func(string) string { return "" }, func(u string) map[string]string { return map[string]string{"LEVERAGE_DB": u} }},
		{"postgresql scheme", func(u string) string { return "postgresql://" + strings.TrimPrefix(u, "postgres://") }, func(string) map[string]string { return nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := pgtest.URL(t)
			// Chdir: were the URL taken for a file path, SQLite would
			// create it under the working directory.
			t.Chdir(t.TempDir())
			st := openStore(t, factory(tt.dbPath(url), tt.env(url)))
			if _, ok := st.(*postgres.DB); !ok {
				t.Fatalf("OpenStore opened a %T, want a *postgres.DB", st)
			}
			if v, err := st.DatasetVersion(ctx, ds.Name); err != nil || v != ds.Version {
				t.Errorf("built-in dataset version %q, %v; want %q", v, err, ds.Version)
			}
			if actors, facts := count(t, st); actors != len(ds.Actors) || facts != len(ds.Facts) {
				t.Errorf("store holds %d actors and %d facts, want %d and %d", actors, facts, len(ds.Actors), len(ds.Facts))
			}
			if entries, _ := os.ReadDir("."); len(entries) != 0 {
				t.Errorf("OpenStore created %s in the working directory", entries[0].Name())
			}
		})
	}
}

// Without a server, a PostgreSQL URL still selects PostgreSQL: the error
// names the URL, without its password, and no file is created.
func TestOpenStorePostgresUnreachable(t *testing.T) {
	t.Chdir(t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f := factory("postgres://u:secret@127.0.0.1:1/leverage?sslmode=disable&connect_timeout=2", nil)
	st, err := f.OpenStore(ctx)
	if err == nil {
		st.Close()
		t.Fatal("OpenStore succeeded without a server")
	}
	if msg := err.Error(); strings.Contains(msg, "secret") || !strings.Contains(msg, "open database postgres://u:xxxxx@127.0.0.1:1/leverage") {
		t.Errorf("error %q: want the URL without its password", msg)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("OpenStore created %s in the working directory", entries[0].Name())
	}
}

// tinyPanel is a one-row open panel with inputs as its Inputs.
func tinyPanel(inputs string) *leverage.InfluencePanel {
	return &leverage.InfluencePanel{Profile: "open", Weights: "w", Inputs: inputs, Components: []string{"c"}, BuiltAt: "2020-01-01T00:00:00Z",
		A: []int32{2}, B: []int32{705}, Year: []int32{2000}, Bandwidth: []float64{0.5}, Dependence: []float64{0.5}, Index: []float64{0.25},
		Parts: [][]float64{{1}}}
}

// openPanel returns the stored open panel's metadata and number of rows.
func openPanel(t *testing.T, st leverage.Store) (*leverage.InfluencePanel, int) {
	t.Helper()
	p, rows, err := st.Influence(context.Background(), leverage.InfluenceQuery{Profile: "open"})
	if err != nil {
		t.Fatalf("stored open panel: %v", err)
	}
	return p, len(rows)
}

// checkBuiltinPanel opens the store f names again and again: the first
// open stores the built-in subset of the open panel, later ones leave it,
// a built-in one of another version is replaced, and a panel built by
// "leverage index build" is kept.
func checkBuiltinPanel(t *testing.T, f *cmdutil.Factory) {
	ctx := context.Background()
	gz := data.OpenPanel()
	want, s, err := panel.ReadSubset(gz, "data/"+data.OpenPanelFile, "open", open.DefaultWeights(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if want.Len() < 20000 || !s.Has(705) || !s.Has(365) || s.From != 1992 {
		t.Fatalf("built-in panel: %d rows of %v from %d; want Kazakhstan and Russia from 1992", want.Len(), s.States, s.From)
	}
	first := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { return first }

	st := openStore(t, f)
	p, n := openPanel(t, st)
	got, ok := panel.ParseSubset(p.Inputs)
	switch {
	case !ok:
		t.Fatalf("first open: stored panel's inputs %q do not describe the built-in subset", p.Inputs)
	case got.Version != panel.FileVersion(gz) || got.File != "data/index/open-panel.csv.gz":
		t.Errorf("first open: stored %s version %s, want data/index/open-panel.csv.gz version %s", got.File, got.Version, panel.FileVersion(gz))
	case n != want.Len():
		t.Errorf("first open: %d rows stored, want %d", n, want.Len())
	case !slices.Equal(got.Sources, []string{"cow-states-2016", "cow-trade-v4", "cow-igo-v3", "atop-5.1"}):
		t.Errorf("first open: sources %v", got.Sources)
	case p.BuiltAt != first.Format(time.RFC3339) || p.Weights != want.Weights || !slices.Equal(p.Components, want.Components):
		t.Errorf("first open: built at %s, weights %q, components %v", p.BuiltAt, p.Weights, p.Components)
	}
	if srcs, err := st.Sources(ctx, leverage.SourceFilter{IDs: got.Sources}); err != nil || len(srcs) != len(got.Sources) {
		t.Errorf("the panel's sources %v: %d stored (%v), want all of them in the built-in dataset", got.Sources, len(srcs), err)
	}
	st.Close()

	// A second open writes nothing: the panel keeps its build time.
	f.Now = func() time.Time { return first.Add(time.Hour) }
	st = openStore(t, f)
	if loaded, err := panel.StoreBuiltin(ctx, st, data.OpenPanel(), "data/"+data.OpenPanelFile, f.Now()); loaded || err != nil {
		t.Errorf("second load: loaded %v, %v; want nothing done", loaded, err)
	}
	if p, _ := openPanel(t, st); p.BuiltAt != first.Format(time.RFC3339) {
		t.Errorf("second open: panel rebuilt at %s", p.BuiltAt)
	}

	// The built-in panel of another version is replaced.
	old := *got
	old.Version = "0000000000000000"
	if err := st.ReplaceInfluence(ctx, tinyPanel(old.String()), nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = openStore(t, f)
	if p, n := openPanel(t, st); n != want.Len() || p.Inputs != got.String() {
		t.Errorf("older built-in panel: %d rows with inputs %q after open, want the built-in %d rows", n, p.Inputs, want.Len())
	}

	// A panel the user built stays.
	if err := st.ReplaceInfluence(ctx, tinyPanel("files in ../shared/data/peacesciencer"), nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = openStore(t, f)
	if p, n := openPanel(t, st); n != 1 || p.Inputs != "files in ../shared/data/peacesciencer" {
		t.Errorf("user-built panel: %d rows with inputs %q after open, want it kept", n, p.Inputs)
	}
	if loaded, err := panel.StoreBuiltin(ctx, st, data.OpenPanel(), "data/"+data.OpenPanelFile, f.Now()); loaded || err != nil {
		t.Errorf("load over a user-built panel: loaded %v, %v; want nothing done", loaded, err)
	}
}

func TestOpenStoreLoadsBuiltinPanel(t *testing.T) {
	checkBuiltinPanel(t, factory(filepath.Join(t.TempDir(), "leverage.db"), nil))
}

func TestOpenStoreLoadsBuiltinPanelPostgres(t *testing.T) {
	checkBuiltinPanel(t, factory(pgtest.URL(t), nil))
}
