package leverage_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
)

// astana is the capital of Kazakhstan with its names as the built-in
// dataset records them.
func astana() *leverage.Actor {
	return &leverage.Actor{
		ID: "ASTANA", Kind: leverage.Place, Name: "Astana",
		Names: []leverage.Name{
			{Text: "Astana", Kind: leverage.NameOfficial, Valid: leverage.Period{From: leverage.MustDate("2022-09-17")}},
			{Text: "Nur-Sultan", Kind: leverage.NameHistorical, Valid: leverage.Period{From: leverage.MustDate("2019-03"), To: leverage.MustDate("2022-09-16")}},
			{Text: "Astana", Kind: leverage.NameHistorical, Valid: leverage.Period{To: leverage.MustDate("2019-03")}},
		},
	}
}

func testActors() []*leverage.Actor {
	return []*leverage.Actor{
		{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ", COW: 705,
			Names: []leverage.Name{{Text: "Kazakh", Kind: leverage.NameDemonym}}},
		{ID: "RUS", Kind: leverage.State, Name: "Russia", ISO3: "RUS", COW: 365,
			Names: []leverage.Name{
				{Text: "Russian Federation", Kind: leverage.NameAlias},
				{Text: "Moscow", Kind: leverage.NameMetonym},
			}},
		{ID: "TUR", Kind: leverage.State, Name: "Türkiye", ISO3: "TUR", COW: 640,
			Names: []leverage.Name{{Text: "Turkey", Kind: leverage.NameHistorical, Valid: leverage.Period{To: leverage.MustDate("2022-06")}}}},
		{ID: "KMG", Kind: leverage.Company, Name: "KazMunayGas",
			Names: []leverage.Name{{Text: "KMG", Kind: leverage.NameAcronym}}},
		{ID: "SAMRUK", Kind: leverage.Company, Name: "Samruk-Kazyna"},
		{ID: "MOW", Kind: leverage.Place, Name: "Moscow"},
		astana(),
	}
}

func TestResolve(t *testing.T) {
	actors := testActors()
	at := day(2024, 1, 1)
	tests := []struct {
		query    string
		wantID   string
		wantName string
		wantKind leverage.NameKind
	}{
		{"KAZ", "KAZ", "KAZ", "code"},
		{"kaz", "KAZ", "KAZ", "code"},
		{"705", "KAZ", "705", "code"},
		{"365", "RUS", "365", "code"},
		{"Kazakhstan", "KAZ", "Kazakhstan", leverage.NameOfficial},
		{"KAZAKHSTAN", "KAZ", "Kazakhstan", leverage.NameOfficial},
		{"kazakhstan", "KAZ", "Kazakhstan", leverage.NameOfficial},
		{"Kazakh", "KAZ", "Kazakh", leverage.NameDemonym},
		{"russian federation", "RUS", "Russian Federation", leverage.NameAlias},
		{"Turkiye", "TUR", "Türkiye", leverage.NameOfficial},
		{"turkey", "TUR", "Turkey", leverage.NameHistorical},
		{"nur sultan", "ASTANA", "Nur-Sultan", leverage.NameHistorical},
		{"Nur-Sultan", "ASTANA", "Nur-Sultan", leverage.NameHistorical},
		{"NUR_SULTAN", "ASTANA", "Nur-Sultan", leverage.NameHistorical},
		{"astana", "ASTANA", "ASTANA", "code"},
		{"samruk kazyna", "SAMRUK", "Samruk-Kazyna", leverage.NameOfficial},
		{"kmg", "KMG", "KMG", "code"},
		// "Moscow" names both the city and, as a metonym, Russia: the state
		// outranks a place.
		{"Moscow", "RUS", "Moscow", leverage.NameMetonym},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m, err := leverage.Resolve(actors, tt.query, at)
			if err != nil {
				t.Fatalf("Resolve(%q): got error %v, want %s", tt.query, err, tt.wantID)
			}
			if m.Actor.ID != tt.wantID {
				t.Errorf("Resolve(%q): got actor %s, want %s", tt.query, m.Actor.ID, tt.wantID)
			}
			if m.Name.Text != tt.wantName || m.Name.Kind != tt.wantKind {
				t.Errorf("Resolve(%q): got name %q (%s), want %q (%s)", tt.query, m.Name.Text, m.Name.Kind, tt.wantName, tt.wantKind)
			}
		})
	}
}

func TestResolvePlaceByHistoricalName(t *testing.T) {
	m, err := leverage.Resolve(testActors(), "nur sultan", day(2020, 6, 1))
	if err != nil {
		t.Fatalf("Resolve(\"nur sultan\"): got error %v", err)
	}
	if m.Actor.Kind != leverage.Place {
		t.Errorf("Resolve(\"nur sultan\") kind: got %s, want %s", m.Actor.Kind, leverage.Place)
	}
	if got, want := m.Actor.NameAt(day(2020, 6, 1)), "Nur-Sultan"; got != want {
		t.Errorf("NameAt(2020-06-01): got %q, want %q", got, want)
	}
}

func TestResolveNotFound(t *testing.T) {
	actors := testActors()
	tests := []struct {
		query   string
		suggest string // an id the message must name; "" for no suggestion
	}{
		{"Kazakstan", "KAZ"},
		{"Rusia", "RUS"},
		{"Nur Sultn", "ASTANA"},
		{"Turkiy", "TUR"},
		{"Zimbabwe", ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			m, err := leverage.Resolve(actors, tt.query, day(2024, 1, 1))
			if err == nil {
				t.Fatalf("Resolve(%q): got %s, want an error", tt.query, m.Actor.ID)
			}
			if got := leverage.ErrorCode(err); got != leverage.ENOTFOUND {
				t.Errorf("Resolve(%q) error code: got %q, want %q", tt.query, got, leverage.ENOTFOUND)
			}
			msg := err.Error()
			if tt.suggest == "" {
				if strings.Contains(msg, "did you mean") {
					t.Errorf("Resolve(%q): got %q, want no suggestion", tt.query, msg)
				}
				return
			}
			if !strings.Contains(msg, "did you mean") || !strings.Contains(msg, tt.suggest) {
				t.Errorf("Resolve(%q): got %q, want a \"did you mean\" naming %s", tt.query, msg, tt.suggest)
			}
		})
	}
}

func TestResolveAmbiguous(t *testing.T) {
	actors := []*leverage.Actor{
		{ID: "CPC", Kind: leverage.Asset, Name: "Caspian Pipeline Consortium"},
		{ID: "CPC-CO", Kind: leverage.Company, Name: "CPC Company",
			Names: []leverage.Name{{Text: "Caspian Pipeline Consortium", Kind: leverage.NameAlias}}},
	}
	_, err := leverage.Resolve(actors, "caspian pipeline consortium", day(2024, 1, 1))
	if got := leverage.ErrorCode(err); got != leverage.EINVALID {
		t.Errorf("Resolve of an ambiguous name: got code %q (%v), want %q", got, err, leverage.EINVALID)
	}
}

func TestResolvePrefersNameInForce(t *testing.T) {
	// Astana was Akmola until 1998; the region around it still is.
	actors := []*leverage.Actor{
		{ID: "ASTANA", Kind: leverage.Place, Name: "Astana", Names: []leverage.Name{
			{Text: "Akmola", Kind: leverage.NameHistorical, Valid: leverage.Period{To: leverage.MustDate("1998-05-06")}}}},
		{ID: "AKMOLA-REGION", Kind: leverage.Place, Name: "Akmola Region", Names: []leverage.Name{
			{Text: "Akmola", Kind: leverage.NameAlias}}},
	}
	m, err := leverage.Resolve(actors, "akmola", day(2024, 1, 1))
	if err != nil || m.Actor.ID != "AKMOLA-REGION" {
		t.Errorf("Resolve(akmola, 2024): got %v, %v, want AKMOLA-REGION", m.Actor, err)
	}
	// In 1995 both names were in force.
	if _, err := leverage.Resolve(actors, "akmola", day(1995, 1, 1)); leverage.ErrorCode(err) != leverage.EINVALID {
		t.Errorf("Resolve(akmola, 1995): got %v, want an %s ambiguity error", err, leverage.EINVALID)
	}
}

func TestSuggest(t *testing.T) {
	actors := testActors()
	got := leverage.Suggest(actors, "Kazakstan", 3)
	if len(got) == 0 || !strings.HasPrefix(got[0], "KAZ ") {
		t.Errorf("Suggest(Kazakstan): got %v, want KAZ first", got)
	}
	if got := leverage.Suggest(actors, "ka", 1); len(got) > 1 {
		t.Errorf("Suggest(ka, 1): got %d suggestions, want at most 1", len(got))
	}
	if got := leverage.Suggest(actors, "Zimbabwe", 3); len(got) != 0 {
		t.Errorf("Suggest(Zimbabwe): got %v, want none", got)
	}
}

func matchIDs(ms []leverage.Match) []string {
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.Actor.ID)
	}
	return ids
}

func TestSearch(t *testing.T) {
	actors := testActors()
	tests := []struct {
		query string
		want  []string
	}{
		// exact id, then prefix (KazMunayGas), then substring (Samruk-Kazyna)
		{"kaz", []string{"KAZ", "KMG", "SAMRUK"}},
		{"KAZ", []string{"KAZ", "KMG", "SAMRUK"}},
		// two exact matches (the city's name, Russia's metonym): by id
		{"moscow", []string{"MOW", "RUS"}},
		// exact name before prefix of another name
		{"russia", []string{"RUS"}},
		{"ast", []string{"ASTANA"}},
		{"nur", []string{"ASTANA"}},
		{"sultan", []string{"ASTANA"}},
		{"tur", []string{"TUR"}},
		{"stan", []string{"ASTANA", "KAZ"}}, // substrings, by id
		{"7", []string{"KAZ"}},
		{"nothing like it", nil},
		// empty query: everyone, by id
		{"", []string{"ASTANA", "KAZ", "KMG", "MOW", "RUS", "SAMRUK", "TUR"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := matchIDs(leverage.Search(actors, tt.query)); !slices.Equal(got, tt.want) {
				t.Errorf("Search(%q): got %v, want %v", tt.query, got, tt.want)
			}
		})
	}
}

func TestSearchPrefixBeforeSubstringByID(t *testing.T) {
	// Both are substring matches for "stan" except ZSTAN, a prefix match
	// on its name; ties between substring matches go by id.
	actors := []*leverage.Actor{
		{ID: "B", Kind: leverage.State, Name: "Kyrgyzstan"},
		{ID: "A", Kind: leverage.State, Name: "Pakistan"},
		{ID: "ZSTAN", Kind: leverage.Place, Name: "Stanley"},
	}
	if got, want := matchIDs(leverage.Search(actors, "stan")), []string{"ZSTAN", "A", "B"}; !slices.Equal(got, want) {
		t.Errorf("Search(stan): got %v, want %v", got, want)
	}
}

func TestSearchReportsBestName(t *testing.T) {
	ms := leverage.Search(testActors(), "nur")
	if len(ms) != 1 {
		t.Fatalf("Search(nur): got %d matches, want 1", len(ms))
	}
	if got, want := ms[0].Name.Text, "Nur-Sultan"; got != want {
		t.Errorf("Search(nur) name: got %q, want %q", got, want)
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Türkiye", "turkiye"},
		{"Nur-Sultan", "nur sultan"},
		{"NUR SULTAN", "nur sultan"},
		{"nur_sultan", "nur sultan"},
		{"  Nur -- Sultan  ", "nur sultan"},
		{"Côte d'Ivoire", "cote divoire"},
		{"Côte d’Ivoire", "cote divoire"},
		{"Kazakhstan's", "kazakhstans"},
		{"Atyrau–Samara", "atyrau samara"},
		{"Straße", "strasse"},
		{"ＫＡＺ", "kaz"}, // full-width letters
		{"705", "705"},
		{"", ""},
		{"---", ""},
	}
	for _, tt := range tests {
		if got := leverage.Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLevenshtein(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"", "abc", 3},
		{"astana", "astana", 0},
		{"kitten", "sitting", 3},
		{"flaw", "lawn", 2},
		{"kazakstan", "kazakhstan", 1},
		{"rusia", "russia", 1},
		{"türkiye", "turkiye", 1}, // runes, not bytes
		{"ab", "ba", 2},
		{"aktau", "atyrau", 3},
	}
	for _, tt := range tests {
		if got := leverage.Levenshtein(tt.a, tt.b); got != tt.want {
			t.Errorf("Levenshtein(%q, %q): got %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := leverage.Levenshtein(tt.b, tt.a); got != tt.want {
			t.Errorf("Levenshtein(%q, %q): got %d, want %d", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestActorNameAt(t *testing.T) {
	a := astana()
	tests := []struct {
		at   time.Time
		want string
	}{
		{day(2021, 12, 31), "Nur-Sultan"},
		{day(2019, 4, 1), "Nur-Sultan"},
		{day(2022, 9, 16), "Nur-Sultan"},
		{day(2022, 9, 17), "Astana"},
		{day(2023, 1, 1), "Astana"},
		{day(2010, 1, 1), "Astana"},
		{day(1998, 6, 10), "Astana"},
	}
	for _, tt := range tests {
		if got := a.NameAt(tt.at); got != tt.want {
			t.Errorf("NameAt(%s): got %q, want %q", tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
	plain := &leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan",
		Names: []leverage.Name{{Text: "Kazakh", Kind: leverage.NameDemonym}, {Text: "Republic of Kazakhstan", Kind: leverage.NameOfficial}}}
	if got := plain.NameAt(day(2020, 1, 1)); got != "Kazakhstan" {
		t.Errorf("NameAt without dated names: got %q, want %q", got, "Kazakhstan")
	}
}

func TestActorValidate(t *testing.T) {
	tests := []struct {
		name    string
		a       leverage.Actor
		wantErr bool
	}{
		{"state", leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ", COW: 705}, false},
		{"place with names", *astana(), false},
		{"no id", leverage.Actor{Kind: leverage.State, Name: "X"}, true},
		{"id with space", leverage.Actor{ID: "A B", Kind: leverage.Place, Name: "X"}, true},
		{"unknown kind", leverage.Actor{ID: "A", Kind: "planet", Name: "X"}, true},
		{"no name", leverage.Actor{ID: "A", Kind: leverage.Place}, true},
		{"company with ISO3", leverage.Actor{ID: "KMG", Kind: leverage.Company, Name: "KazMunayGas", ISO3: "KAZ"}, true},
		{"lower-case ISO3", leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "kaz"}, true},
		{"negative COW", leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", COW: -1}, true},
		{"empty name text", leverage.Actor{ID: "A", Kind: leverage.Place, Name: "X", Names: []leverage.Name{{Kind: leverage.NameAlias}}}, true},
		{"unknown name kind", leverage.Actor{ID: "A", Kind: leverage.Place, Name: "X", Names: []leverage.Name{{Text: "Y", Kind: "nickname"}}}, true},
		{"name period backwards", leverage.Actor{ID: "A", Kind: leverage.Place, Name: "X", Names: []leverage.Name{
			{Text: "Y", Kind: leverage.NameHistorical, Valid: leverage.Period{From: leverage.MustDate("2020"), To: leverage.MustDate("2019")}}}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.a.Validate()
			if (err != nil) != tt.wantErr {
				t.Fatalf("Validate(): got %v, want error %v", err, tt.wantErr)
			}
			if err != nil && leverage.ErrorCode(err) != leverage.EINVALID {
				t.Errorf("Validate() code: got %q, want %q", leverage.ErrorCode(err), leverage.EINVALID)
			}
		})
	}
}

func ptr(v float64) *float64 { return &v }

func TestFactValidate(t *testing.T) {
	valid := func() leverage.Fact {
		return leverage.Fact{ID: "cpc-capacity", Subject: "CPC", Relation: "capacity", Value: ptr(67), Unit: "Mt/y",
			Sources: []string{"portnews-327064"}, Confidence: leverage.Verified}
	}
	tests := []struct {
		name   string
		change func(*leverage.Fact)
		want   string // error code; "" for valid
	}{
		{"valid", func(*leverage.Fact) {}, ""},
		{"no sources", func(f *leverage.Fact) { f.Sources = nil }, leverage.EINVALID},
		{"empty source id", func(f *leverage.Fact) { f.Sources = []string{"a", ""} }, leverage.EINVALID},
		{"no id", func(f *leverage.Fact) { f.ID = "" }, leverage.EINVALID},
		{"id with comma", func(f *leverage.Fact) { f.ID = "a,b" }, leverage.EINVALID},
		{"no subject", func(f *leverage.Fact) { f.Subject = "" }, leverage.EINVALID},
		{"no relation", func(f *leverage.Fact) { f.Relation = "" }, leverage.EINVALID},
		{"unknown confidence", func(f *leverage.Fact) { f.Confidence = "rumour" }, leverage.EINVALID},
		{"negative year", func(f *leverage.Fact) { f.Year = -1 }, leverage.EINVALID},
		{"year too large", func(f *leverage.Fact) { f.Year = 10000 }, leverage.EINVALID},
		{"backwards period", func(f *leverage.Fact) {
			f.Valid = leverage.Period{From: leverage.MustDate("2022"), To: leverage.MustDate("2021")}
		}, leverage.EINVALID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := valid()
			tt.change(&f)
			if got := leverage.ErrorCode(f.Validate()); got != tt.want {
				t.Errorf("Validate() code: got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFactHoldsAt(t *testing.T) {
	deployment := leverage.Period{From: leverage.MustDate("2022-01-06"), To: leverage.MustDate("2022-01-19")}
	tests := []struct {
		name string
		f    leverage.Fact
		kind leverage.RelationKind
		at   time.Time
		want bool
	}{
		{"state before", leverage.Fact{Valid: deployment}, leverage.StateRelation, day(2022, 1, 5), false},
		{"state first day", leverage.Fact{Valid: deployment}, leverage.StateRelation, day(2022, 1, 6), true},
		{"state last day", leverage.Fact{Valid: deployment}, leverage.StateRelation, day(2022, 1, 19), true},
		{"state after", leverage.Fact{Valid: deployment}, leverage.StateRelation, day(2022, 1, 20), false},
		{"state open", leverage.Fact{}, leverage.StateRelation, day(1900, 1, 1), true},
		{"event before", leverage.Fact{Valid: deployment}, leverage.EventRelation, day(2022, 1, 5), false},
		{"event during", leverage.Fact{Valid: deployment}, leverage.EventRelation, day(2022, 1, 10), true},
		{"event stays on record", leverage.Fact{Valid: deployment}, leverage.EventRelation, day(2025, 1, 1), true},
		{"event open", leverage.Fact{}, leverage.EventRelation, day(1900, 1, 1), true},
		{"annual before year", leverage.Fact{Year: 2023}, leverage.AnnualRelation, day(2022, 12, 31), false},
		{"annual in year", leverage.Fact{Year: 2023}, leverage.AnnualRelation, day(2023, 1, 1), true},
		{"annual later", leverage.Fact{Year: 2023}, leverage.AnnualRelation, day(2030, 6, 1), true},
		{"annual with period ended", leverage.Fact{Year: 2023, Valid: leverage.Period{To: leverage.MustDate("2024")}}, leverage.AnnualRelation, day(2025, 1, 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.HoldsAt(tt.kind, tt.at); got != tt.want {
				t.Errorf("HoldsAt(%s, %s): got %v, want %v", tt.kind, tt.at.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}

func TestFactFloat(t *testing.T) {
	if v, ok := (&leverage.Fact{Value: ptr(17.5)}).Float(); v != 17.5 || !ok {
		t.Errorf("Float(): got %v, %v, want 17.5, true", v, ok)
	}
	if v, ok := (&leverage.Fact{}).Float(); v != 0 || ok {
		t.Errorf("Float() without value: got %v, %v, want 0, false", v, ok)
	}
}

// smallDataset is a valid dataset with one of each kind of relation.
func smallDataset() *leverage.Dataset {
	return &leverage.Dataset{
		Name: "test",
		Actors: []*leverage.Actor{
			{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ", COW: 705},
			{ID: "RUS", Kind: leverage.State, Name: "Russia", ISO3: "RUS", COW: 365},
			{ID: "CPC", Kind: leverage.Asset, Name: "Caspian Pipeline Consortium"},
			astana(),
		},
		Sources: []*leverage.Source{
			{ID: "kmg-ar2020", Kind: leverage.SourceOfficial, Title: "KMG annual report 2020"},
			{ID: "cow-trade", Kind: leverage.SourceDataset, Title: "COW trade v4"},
		},
		Relations: []*leverage.Relation{
			{ID: "capacity", Channel: leverage.Energy, Kind: leverage.StateRelation, Units: []string{"Mt/y"}, Description: "Nameplate capacity."},
			{ID: "crosses", Kind: leverage.StateRelation, Object: true, Units: []string{""}, Description: "Lies in a state's territory."},
			{ID: "exports_to", Channel: leverage.Trade, Kind: leverage.AnnualRelation, Object: true, Units: []string{"USD m"}, Description: "Exports in a year."},
		},
		Facts: []*leverage.Fact{
			{ID: "cpc-capacity", Subject: "CPC", Relation: "capacity", Value: ptr(67), Unit: "Mt/y", Sources: []string{"kmg-ar2020"}, Confidence: leverage.Verified},
			{ID: "cpc-crosses-rus", Subject: "CPC", Relation: "crosses", Object: "RUS", Sources: []string{"kmg-ar2020"}, Confidence: leverage.Verified},
			{ID: "kaz-rus-2014", Subject: "KAZ", Relation: "exports_to", Object: "RUS", Value: ptr(5000), Unit: "USD m", Year: 2014, Sources: []string{"cow-trade"}, Confidence: leverage.Data},
		},
	}
}

func TestDatasetValidate(t *testing.T) {
	tests := []struct {
		name    string
		change  func(*leverage.Dataset)
		want    string // error code; "" for valid
		wantMsg string // part of the message
	}{
		{"valid", func(*leverage.Dataset) {}, "", ""},
		{"unknown source", func(d *leverage.Dataset) { d.Facts[0].Sources = []string{"no-such-source"} }, leverage.EINVALID, "no-such-source"},
		{"unknown relation", func(d *leverage.Dataset) { d.Facts[0].Relation = "pipes_to" }, leverage.EINVALID, "pipes_to"},
		{"unknown subject", func(d *leverage.Dataset) { d.Facts[0].Subject = "BTC" }, leverage.EINVALID, "BTC"},
		{"unknown object", func(d *leverage.Dataset) { d.Facts[1].Object = "GEO" }, leverage.EINVALID, "GEO"},
		{"unit not allowed", func(d *leverage.Dataset) { d.Facts[0].Unit = "bbl/d" }, leverage.EINVALID, "bbl/d"},
		{"annual relation without year", func(d *leverage.Dataset) { d.Facts[2].Year = 0 }, leverage.EINVALID, "year"},
		{"year on a state relation", func(d *leverage.Dataset) { d.Facts[0].Year = 2020 }, leverage.EINVALID, "not annual"},
		{"missing object", func(d *leverage.Dataset) { d.Facts[1].Object = "" }, leverage.EINVALID, "needs an object"},
		{"object not taken", func(d *leverage.Dataset) { d.Facts[0].Object = "KAZ" }, leverage.EINVALID, "takes no object"},
		{"value without unit", func(d *leverage.Dataset) { d.Facts[1].Value = ptr(1) }, leverage.EINVALID, "without a unit"},
		{"fact without source", func(d *leverage.Dataset) { d.Facts[0].Sources = nil }, leverage.EINVALID, "source"},
		{"name cites unknown source", func(d *leverage.Dataset) { d.Actors[3].Names[0].Source = "sputnik" }, leverage.EINVALID, "sputnik"},
		{"invalid actor", func(d *leverage.Dataset) { d.Actors[2].Name = "" }, leverage.EINVALID, "CPC"},
		{"invalid source", func(d *leverage.Dataset) { d.Sources[0].Kind = "blog" }, leverage.EINVALID, "blog"},
		{"invalid relation", func(d *leverage.Dataset) { d.Relations[0].Units = nil }, leverage.EINVALID, "units"},
		{"duplicate actor", func(d *leverage.Dataset) {
			d.Actors = append(d.Actors, &leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan"})
		}, leverage.ECONFLICT, "KAZ"},
		{"duplicate fact", func(d *leverage.Dataset) { d.Facts = append(d.Facts, d.Facts[0]) }, leverage.ECONFLICT, "cpc-capacity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := smallDataset()
			tt.change(d)
			err := d.Validate()
			if got := leverage.ErrorCode(err); got != tt.want {
				t.Fatalf("Validate(): got code %q (%v), want %q", got, err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("Validate(): got %q, want it to mention %q", err, tt.wantMsg)
			}
		})
	}
}

func TestDatasetLookups(t *testing.T) {
	d := smallDataset()
	if err := d.Validate(); err != nil {
		t.Fatalf("Validate(): %v", err)
	}
	if a := d.Actor("ASTANA"); a == nil || a.Name != "Astana" {
		t.Errorf("Actor(ASTANA): got %v, want Astana", a)
	}
	if r := d.Relation("crosses"); r == nil || !r.Object {
		t.Errorf("Relation(crosses): got %v, want the crosses relation", r)
	}
	if s := d.Source("cow-trade"); s == nil || s.Kind != leverage.SourceDataset {
		t.Errorf("Source(cow-trade): got %v, want the COW dataset", s)
	}
	if d.Actor("NOPE") != nil || d.Relation("nope") != nil || d.Source("nope") != nil {
		t.Errorf("lookups of unknown ids: got non-nil, want nil")
	}
}

// TestFoldASCIIFastPath checks that folding ASCII without Unicode
// normalisation gives what the full path gives.
func TestFoldASCIIFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		b := make([]byte, r.IntN(12))
		for i := range b {
			b[i] = byte(r.IntN(0x80))
		}
		s := string(b)
		if got, want := leverage.Fold(s), leverage.FoldFull(s); got != want {
			t.Fatalf("Fold(%q) = %q, the full path gives %q", s, got, want)
		}
	}
}
