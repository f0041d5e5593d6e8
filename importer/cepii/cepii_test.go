package cepii

import (
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/importer"
	"github.com/leverage-dev/leverage/importer/importertest"
)

func TestImport(t *testing.T) {
	r := importertest.Import(t, importertest.WithCrosswalk(t, Import), importertest.Files(t, "testdata", "dist_cepii.csv"))
	got := importertest.Rows(r)
	for _, want := range []string{
		"cepii-dist.contig 365 705 0 1",
		"cepii-dist.contig 705 365 0 1",
		"cepii-dist.smctry 705 365 0 1",
		"cepii-dist.distcap 705 365 0 2270.759",
		"cepii-dist.distw 365 705 0 2484.456", // directed: CEPII's two orders differ
		"cepii-dist.distw 705 365 0 2484.455",
		"cepii-dist.dist 345 860 0 11000", // SRB and the withdrawn TMP
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing row %q", want)
		}
	}
	if n := len(got); n != 2*12+10 {
		t.Errorf("%d rows, want 34 (no self-pair, no missing distw):\n%s", n, strings.Join(got, "\n"))
	}
	if want := []string{"ABW"}; !slices.Equal(r.Unplaced, want) {
		t.Errorf("unplaced %q, want %q", r.Unplaced, want)
	}
}

func TestCommas(t *testing.T) {
	in := "iso_o,iso_d,distcap\nKAZ,RUS,2270.8\n"
	r := importertest.Import(t, importertest.WithCrosswalk(t, Import), []importer.File{{Name: "f.csv", Data: []byte(in)}})
	importertest.WantRows(t, r, []string{"cepii-dist.distcap 705 365 0 2270.8"})
}

func TestErrors(t *testing.T) {
	run := importertest.WithCrosswalk(t, Import)
	for _, tc := range []struct {
		in, want string
	}{
		{"iso_o;iso_d;dist\nKAZ;RUS;22x\n", `f.csv:2:9: field dist: want a number, got "22x"`},
		{"iso_o;iso_d;contig\nKAZ;RUS;2\n", `f.csv:2:9: field contig: want 0 or 1, got "2"`},
		{"iso_o;iso_d;dist\nKAZ;RUSSIA;1\n", `f.csv:2:5: field iso_d: want an ISO 3166-1 alpha-3 code, got "RUSSIA"`},
		{"iso_o;iso_d;dist\nKAZ;RUS;1\nKAZ;RUS;1\n", `f.csv:3: pair (705, 365): repeats the row at f.csv:2`},
		{"iso_o;iso_d;dist\nTMP;RUS;1\nTLS;RUS;1\n", `f.csv:3: pair (860, 365): repeats the row at f.csv:2`},
		{"iso_o;iso_d;foo\n", `f.csv:1: no measure columns: want some of contig, comlang_off, comlang_ethno, colony, comcol, curcol, col45, smctry, dist, distcap, distw, distwces`},
		{"iso_o;dist\n", `f.csv:1: missing column iso_d (the header has iso_o, dist)`},
	} {
		importertest.WantError(t, run, tc.in, tc.want)
	}
}

func TestSharedData(t *testing.T) {
	r := importertest.Import(t, importertest.WithCrosswalk(t, Import), importertest.ReadShared(t, "cepii/dist_cepii.csv"))
	// The 190 codes placed give 190*189 ordered pairs of distinct states,
	// each with all 12 measures: the missing weighted distances are all of
	// territories.
	if n := r.Observations.Len(); n != 430920 {
		t.Errorf("%d rows, want 430920", n)
	}
	if got, ok := importertest.Value(r, Distcap, 365, 705, 0); !ok || got < 2270.75 || got > 2270.85 {
		t.Errorf("distcap Russia-Kazakhstan = %v, %v; want 2270.8 (research/flagship-facts.md)", got, ok)
	}
	if got, ok := importertest.Value(r, Contig, 705, 365, 0); !ok || got != 1 {
		t.Errorf("contig Kazakhstan-Russia = %v, %v; want 1", got, ok)
	}
	if len(r.Unplaced) != 34 || !slices.Contains(r.Unplaced, "HKG") || !slices.Contains(r.Unplaced, "PSE") {
		t.Errorf("unplaced %q, want 34 territories including HKG and PSE", r.Unplaced)
	}
}

func FuzzImport(f *testing.F) {
	f.Add([]byte("iso_o,iso_d,distcap\nKAZ,RUS,2270.8\n"))
	importertest.Fuzz(f, importertest.WithCrosswalk(f, Import), "dist_cepii.csv")
}
