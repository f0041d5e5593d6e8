package data_test

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

func TestGeometryBuiltin(t *testing.T) {
	shapes, err := data.Geometry()
	if err != nil {
		t.Fatal(err)
	}
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	byAsset := map[string]data.Shape{}
	for _, s := range shapes {
		byAsset[s.Asset] = s
		if len(s.Points) == 0 || len(s.Labels) != len(s.Points) || len(s.Notes) != len(s.Points) || len(s.Sources) == 0 {
			t.Errorf("%s: %d points, %d labels, %d notes, sources %v", s.Asset, len(s.Points), len(s.Labels), len(s.Notes), s.Sources)
		}
		for _, p := range s.Points {
			// Everything drawn lies between the Black Sea, the Mediterranean
			// coast of Türkiye and Xinjiang; a swapped lon and lat would not.
			if p[0] < 30 || p[0] > 90 || p[1] < 35 || p[1] > 60 {
				t.Errorf("%s: point %v outside the region", s.Asset, p)
			}
		}
	}
	// Every asset and place of the dataset is drawn.
	for _, a := range d.Actors {
		if a.Kind != leverage.Asset && a.Kind != leverage.Place {
			continue
		}
		if _, ok := byAsset[a.ID]; !ok {
			t.Errorf("%s %s has no geometry", a.Kind, a.ID)
		}
	}
	// Terminals, ports and places are points; the rest are lines.
	points := map[string]bool{"CPC-TERMINAL": true, "AKTAU-PORT": true, "ASTANA": true, "MOSCOW": true, "BAIKONUR": true}
	for _, s := range shapes {
		if got := len(s.Points) == 1; got != points[s.Asset] {
			t.Errorf("%s: %d points", s.Asset, len(s.Points))
		}
	}
	// Lines start and end where they should (lon, lat within 0.3 degrees).
	ends := []struct {
		asset    string
		last     bool
		lon, lat float64
	}{
		{"CPC", false, 53.38, 46.15},               // Tengiz
		{"ATYRAU-SAMARA", false, 51.88, 47.10},     // Atyrau
		{"KENKIYAK-KUMKOL", true, 65.72, 46.42},    // Kumkol
		{"ATASU-ALASHANKOU", true, 82.56, 45.17},   // Alashankou
		{"OMSK-PAVLODAR", false, 73.37, 54.99},     // Omsk
		{"OMSK-PAVLODAR", true, 76.97, 52.29},      // Pavlodar
		{"BTC", true, 35.93, 36.87},                // Ceyhan
		{"TANKER-AKTAU-BAKU", false, 51.20, 43.60}, // Aktau
		{"TANKER-AKTAU-MAKHACHKALA", true, 47.50, 42.98},
		{"RAIL-KAZ-RUS", true, 37.77, 44.72}, // Novorossiysk
		{"ASTANA", false, 71.45, 51.17},
		{"MOSCOW", false, 37.62, 55.75},
	}
	for _, e := range ends {
		s := byAsset[e.asset]
		if len(s.Points) == 0 {
			continue
		}
		p := s.Points[0]
		if e.last {
			p = s.Points[len(s.Points)-1]
		}
		if math.Abs(p[0]-e.lon) > 0.3 || math.Abs(p[1]-e.lat) > 0.3 {
			t.Errorf("%s: end %v, want near %v, %v", e.asset, p, e.lon, e.lat)
		}
	}
	// What was drawn by hand says so; what comes from GEM does not.
	for asset, want := range map[string]bool{"CPC": false, "BTC": false, "AKTAU-PORT": false, "ASTANA": false,
		"CPC-TERMINAL": true, "TANKER-AKTAU-BAKU": true, "TANKER-AKTAU-MAKHACHKALA": true, "RAIL-KAZ-RUS": true} {
		if got := byAsset[asset].Approximate; got != want {
			t.Errorf("%s: approximate %v, want %v", asset, got, want)
		}
	}
}

// TestGeometryFromGEM checks the rows that cite the GEM extract against the
// shared copy of it: each point is a vertex of the named GEM line (rounded
// to 4 decimals), in order along it, and each line keeps its ends.
func TestGeometryFromGEM(t *testing.T) {
	dir := os.Getenv("LEVERAGE_TESTDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "data")
	}
	f, err := os.Open(filepath.Join(dir, "gem", "goit_map_data.csv"))
	if err != nil {
		t.Skipf("shared data not found at %s (set LEVERAGE_TESTDATA): %v", dir, err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	route := func(project, unit string) [][2]float64 {
		for _, r := range rows[1:] {
			if r[col["project"]] != project || r[col["unit"]] != unit {
				continue
			}
			var pts [][2]float64
			for _, seg := range strings.Split(r[col["route"]], ";") {
				for _, p := range strings.Split(seg, ":") {
					lat, lon, _ := strings.Cut(p, ",")
					la, err1 := strconv.ParseFloat(lat, 64)
					lo, err2 := strconv.ParseFloat(lon, 64)
					if err1 != nil || err2 != nil {
						t.Fatalf("%s: bad point %q", project, p)
					}
					pts = append(pts, [2]float64{lo, la})
				}
			}
			return pts
		}
		t.Fatalf("GEM has no %s / %q", project, unit)
		return nil
	}
	// The GEM line of each asset, and the part of it that is drawn.
	lines := map[string]struct {
		project, unit string
		first, last   int // vertex indices of the drawn ends; -1 for GEM's last
	}{
		"CPC":              {"Caspian Pipeline", "", 0, -1},
		"ATYRAU-SAMARA":    {"Uzen-Atyrau-Samara (UAS) Pipeline", "", 15, 0}, // from Atyrau back to Samara
		"KENKIYAK-KUMKOL":  {"Kazakhstan-China Pipeline", "Kenkiyak-Kumkol", 0, -1},
		"ATASU-ALASHANKOU": {"Kazakhstan-China Pipeline", "Atasu-Alashankou", 0, -1},
		"OMSK-PAVLODAR":    {"Omsk-Pavlodar Oil Pipeline", "", 0, -1},
		"BTC":              {"Baku-Tbilisi-Ceyhan Pipeline", "", 0, -1},
		"AKTAU-PORT":       {"Ozen-Zhetybay-Aktau Oil Pipeline", "", -1, -1},
	}
	aktau := route("Ozen-Zhetybay-Aktau Oil Pipeline", "")
	aktauEnd := aktau[len(aktau)-1]
	shapes, err := data.Geometry()
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b [2]float64) bool {
		return math.Abs(a[0]-b[0]) <= 5e-5+1e-9 && math.Abs(a[1]-b[1]) <= 5e-5+1e-9
	}
	checked := 0
	for _, s := range shapes {
		l, isLine := lines[s.Asset]
		if !isLine {
			// Other shapes may start at Aktau port, taken from GEM.
			for i, p := range s.Points {
				if strings.Contains(s.Notes[i], "AKTAU-PORT") && !same(p, aktauEnd) {
					t.Errorf("%s point %d: %v, want Aktau port %v", s.Asset, i+1, p, aktauEnd)
				}
			}
			continue
		}
		checked++
		if len(s.Sources) != 1 || s.Sources[0] != "gem-goit-map" {
			t.Errorf("%s: sources %v, want gem-goit-map only", s.Asset, s.Sources)
		}
		gem := route(l.project, l.unit)
		at := func(i int) int {
			if i < 0 {
				return len(gem) - 1
			}
			return i
		}
		first, last := at(l.first), at(l.last)
		step := 1
		if last < first {
			step = -1
		}
		// Walk the GEM vertices from first towards last, matching each drawn
		// point in turn.
		k := first
		for i, p := range s.Points {
			for k != last+step && !same(p, gem[k]) {
				k += step
			}
			if k == last+step {
				t.Errorf("%s point %d %v: not a vertex of GEM's %s in order", s.Asset, i+1, p, l.project)
				break
			}
			if i == 0 && k != first {
				t.Errorf("%s: starts at GEM vertex %d, want %d", s.Asset, k, first)
			}
			if i == len(s.Points)-1 && k != last {
				t.Errorf("%s: ends at GEM vertex %d, want %d", s.Asset, k, last)
			}
		}
	}
	if checked != len(lines) {
		t.Errorf("checked %d GEM shapes, want %d", checked, len(lines))
	}
}

func TestParseGeometry(t *testing.T) {
	in := "# comment\nasset,seq,lon,lat,label,source,note\n" +
		"CPC,1,53.4201,46.1764,Tengiz,s1,\n" +
		"CPC,2, 37.9545 ,44.955,,s1; s2,\n" +
		"ASTANA,1,71.446,51.1801,Astana,s2,approximate: by hand\n"
	shapes, err := data.ParseGeometry(strings.NewReader(in), "g.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(shapes) != 2 {
		t.Fatalf("got %d shapes, want 2", len(shapes))
	}
	cpc, astana := shapes[0], shapes[1]
	if cpc.Asset != "CPC" || len(cpc.Points) != 2 || cpc.Points[1] != [2]float64{37.9545, 44.955} ||
		cpc.Labels[0] != "Tengiz" || cpc.Labels[1] != "" || strings.Join(cpc.Sources, ",") != "s1,s2" || cpc.Approximate {
		t.Errorf("got %+v", cpc)
	}
	if astana.Asset != "ASTANA" || len(astana.Points) != 1 || !astana.Approximate || astana.Notes[0] != "approximate: by hand" {
		t.Errorf("got %+v", astana)
	}
	// label and note are optional columns; order is free.
	shapes, err = data.ParseGeometry(strings.NewReader("source,lat,lon,seq,asset\ns1,-90,180,1,X\n"), "g.csv", nil)
	if err != nil || len(shapes) != 1 || shapes[0].Points[0] != [2]float64{180, -90} || shapes[0].Labels[0] != "" {
		t.Errorf("got %+v, %v", shapes, err)
	}
}

func TestParseGeometryRejects(t *testing.T) {
	refs := &leverage.Dataset{
		Actors: []*leverage.Actor{
			{ID: "CPC", Kind: leverage.Asset, Name: "CPC"},
			{ID: "ASTANA", Kind: leverage.Place, Name: "Astana"},
			{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ"},
		},
		Sources: []*leverage.Source{{ID: "s1", Kind: leverage.SourceDataset, Title: "S1"}, {ID: "s2", Kind: leverage.SourceOfficial, Title: "S2"}},
	}
	if err := refs.Index(); err != nil {
		t.Fatal(err)
	}
	const head = "asset,seq,lon,lat,label,source,note\n"
	many := head
	for i := 1; i <= data.MaxShapePoints+1; i++ {
		many += "CPC," + strconv.Itoa(i) + ",50,45,,s1,\n"
	}
	tests := []struct {
		name, content, want string
	}{
		{"unknown actor", head + "XYZ,1,50,45,,s1,\n", `g.csv:2: field asset: unknown actor "XYZ"`},
		{"state", head + "KAZ,1,67,48,,s1,\n", "g.csv:2: field asset: actor KAZ is a state; want an asset or a place"},
		{"no asset", head + ",1,50,45,,s1,\n", "g.csv:2: field asset: required"},
		{"first seq not 1", head + "CPC,2,50,45,,s1,\n", `g.csv:2: field seq: want 1 (the points of CPC are numbered 1, 2, ... in order), got "2"`},
		{"seq gap", head + "CPC,1,50,45,,s1,\nCPC,3,51,45,,s1,\n", `g.csv:3: field seq: want 2`},
		{"seq repeated", head + "CPC,1,50,45,,s1,\nCPC,1,51,45,,s1,\n", `g.csv:3: field seq: want 2`},
		{"seq not a number", head + "CPC,one,50,45,,s1,\n", `g.csv:2: field seq: want 1`},
		{"rows apart", head + "CPC,1,50,45,,s1,\nASTANA,1,71,51,,s1,\nCPC,2,51,45,,s1,\n", "g.csv:4: field asset: CPC already drawn on lines 2 to 2; keep a shape's rows together"},
		{"too many points", many, "g.csv:27: field seq: CPC has more than 25 points: simplify the line"},
		{"lon too large", head + "CPC,1,180.5,45,,s1,\n", `g.csv:2: field lon: want a longitude in degrees from -180 to 180, got "180.5"`},
		{"lat too small", head + "CPC,1,50,-91,,s1,\n", `g.csv:2: field lat: want a latitude in degrees from -90 to 90, got "-91"`},
		{"lat NaN", head + "CPC,1,50,NaN,,s1,\n", `g.csv:2: field lat: want a latitude`},
		{"lon Inf", head + "CPC,1,+Inf,45,,s1,\n", `g.csv:2: field lon: want a longitude`},
		{"lon empty", head + "CPC,1,,45,,s1,\n", `g.csv:2: field lon: want a longitude in degrees from -180 to 180, got ""`},
		{"lat with comma", head + "CPC,1,50,\"45,5\",,s1,\n", `g.csv:2: field lat: want a latitude`},
		{"no source", head + "CPC,1,50,45,,,\n", "g.csv:2: field source: required"},
		{"unknown source", head + "CPC,1,50,45,,s1;s9,\n", `g.csv:2: field source: unknown source "s9"`},
		{"empty source id", head + "CPC,1,50,45,,s1;;s2,\n", `g.csv:2: field source: empty source id in "s1;;s2"`},
		{"missing column", "asset,seq,lon,lat\nCPC,1,50,45\n", "g.csv:1: field source: missing column"},
		{"unknown column", "asset,seq,lon,lat,source,height\nCPC,1,50,45,s1,3\n", "g.csv:1: field height: unknown column"},
		{"short row", head + "CPC,1,50,45\n", "g.csv:2: 4 fields, want 7"},
		{"empty file", "", "g.csv:1: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := data.ParseGeometry(strings.NewReader(tt.content), "g.csv", refs)
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %q, want it to contain %q", err, tt.want)
			}
			var fe *data.FileError
			if !errors.As(err, &fe) || fe.File != "g.csv" {
				t.Errorf("got %T, want a *data.FileError naming the file", err)
			}
		})
	}
	// Without refs, only the rows' own fields are checked.
	if _, err := data.ParseGeometry(strings.NewReader(head+"KAZ,1,67,48,,s9,\n"), "g.csv", nil); err != nil {
		t.Errorf("without refs: %v", err)
	}
}

// FuzzParseGeometry checks that no input makes the geometry parser panic,
// and that every shape it accepts keeps the file's rules.
func FuzzParseGeometry(f *testing.F) {
	f.Add("asset,seq,lon,lat,label,source,note\nCPC,1,53.4201,46.1764,Tengiz,s1,\nCPC,2,37.9545,44.955,,s1;s2,approximate\n")
	f.Add("# c\nsource,lat,lon,seq,asset\ns1,-90,180,1,X\n")
	f.Add("asset,seq,lon,lat,source\nA,1,1e2,NaN,s\n")
	f.Fuzz(func(t *testing.T, in string) {
		shapes, err := data.ParseGeometry(strings.NewReader(in), "fuzz.csv", nil)
		if err != nil {
			var fe *data.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %T %v, want a *data.FileError", err, err)
			}
			return
		}
		seen := map[string]bool{}
		for _, s := range shapes {
			if s.Asset == "" || seen[s.Asset] {
				t.Fatalf("parser accepted asset %q twice or empty", s.Asset)
			}
			seen[s.Asset] = true
			n := len(s.Points)
			if n == 0 || n > data.MaxShapePoints || len(s.Labels) != n || len(s.Notes) != n || len(s.Sources) == 0 {
				t.Fatalf("parser accepted a bad shape %+v", s)
			}
			for _, p := range s.Points {
				if !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
					t.Fatalf("parser accepted point %v", p)
				}
			}
			for _, id := range s.Sources {
				if id == "" || strings.ContainsAny(id, ";") {
					t.Fatalf("parser accepted source id %q", id)
				}
			}
		}
	})
}
