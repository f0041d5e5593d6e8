// Package storetest checks that an implementation of [leverage.Store] keeps
// the contract every store shares: what is stored reads back equal, filters
// select what they document, and a failed replace (of a dataset, its
// observations or its network) changes nothing.
//
// A store's tests call [Run] with a function that opens an empty store.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
)

// Run runs the conformance suite as subtests of t. open must return a new,
// empty store for the test it is given and arrange for the store to be
// closed when that test ends, for instance with t.Cleanup.
//
// Besides the documented contract of [leverage.Store], the suite expects
// identifiers to be unique across datasets: a dataset that reuses an id
// another dataset holds is refused with [leverage.ECONFLICT].
func Run(t *testing.T, open func(t *testing.T) leverage.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s leverage.Store)
	}{
		{"Empty", testEmpty},
		{"RoundTrip", testRoundTrip},
		{"ActorFilter", testActorFilter},
		{"FactFilter", testFactFilter},
		{"SourceFilter", testSourceFilter},
		{"Replace", testReplace},
		{"Invalid", testInvalid},
		{"DatasetVersion", testDatasetVersion},
		{"TwoDatasets", testTwoDatasets},
		{"ConflictLeavesStoreUnchanged", testConflict},
		{"CanceledContext", testCanceled},
		{"CanceledMidway", testCanceledMidway},
		{"Observations", testObservations},
		{"ObservationConflict", testObservationConflict},
		{"Influence", testInfluence},
		{"Network", testNetwork},
		{"NetworkInvalid", testNetworkInvalid},
		{"NetworkConflict", testNetworkConflict},
		{"AddFacts", testAddFacts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.fn(t, open(t))
		})
	}
}

// f64 returns a pointer to v.
func f64(v float64) *float64 { return &v }

// period builds a Period from two dates, "" for an open end.
func period(from, to string) leverage.Period {
	return leverage.Period{From: leverage.MustDate(from), To: leverage.MustDate(to)}
}

// alpha returns a fresh dataset named "alpha" that uses every field of the
// model. Its items are deliberately not in id order.
func alpha(version string) *leverage.Dataset {
	return &leverage.Dataset{
		Name:    "alpha",
		Version: version,
		Sources: []*leverage.Source{
			{
				ID: "un-comtrade", Kind: leverage.SourceDataset, Title: "UN Comtrade database",
				Publisher: "United Nations", URL: "https://comtradeplus.un.org/",
				Date: leverage.MustDate("2023"), Accessed: leverage.MustDate("2024-05-02"),
				Note: "HS 2709, reporter KAZ",
			},
			{
				ID: "csto-charter", Kind: leverage.SourceLegal, Title: "Charter of the Collective Security Treaty Organization",
				Date: leverage.MustDate("2002-10-07"),
			},
			{
				ID: "ap-2022", Kind: leverage.SourceNews, Title: "Court orders halt to CPC terminal",
				Publisher: "AP", Date: leverage.MustDate("2022-07"),
			},
		},
		Relations: []*leverage.Relation{
			{ID: "member", Channel: leverage.Security, Kind: leverage.StateRelation, Object: true, Units: []string{""}, Description: "subject is a member of object"},
			{ID: "capacity", Channel: leverage.Energy, Kind: leverage.StateRelation, Units: []string{"mt/y", "bcm/y"}, Description: "design capacity of an asset"},
			{ID: "export", Channel: leverage.Trade, Kind: leverage.AnnualRelation, Object: true, Units: []string{"usd", ""}, Description: "exports from subject to object in a year"},
			{ID: "located", Kind: leverage.EventRelation, Object: true, Units: []string{""}, Description: "subject lies in object"},
		},
		Actors: []*leverage.Actor{
			{
				ID: "RUS", Kind: leverage.State, Name: "Russia", ISO3: "RUS", COW: 365,
				Names: []leverage.Name{
					{Text: "Russian Federation", Kind: leverage.NameOfficial, Valid: period("1991-12-25", "")},
					{Text: "Russian SFSR", Kind: leverage.NameHistorical, Valid: period("1917-11", "1991-12-25"), Source: "csto-charter"},
					{Text: "Moscow", Kind: leverage.NameMetonym},
					{Text: "Russian", Kind: leverage.NameDemonym},
				},
				Note: "successor state of the USSR",
			},
			{
				ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ", COW: 705,
				Names: []leverage.Name{
					{Text: "Republic of Kazakhstan", Kind: leverage.NameOfficial, Valid: period("1991-12-16", "")},
					{Text: "Kazakh SSR", Kind: leverage.NameHistorical, Valid: period("1936", "1991-12")},
					{Text: "Qazaqstan", Kind: leverage.NameAlias},
				},
			},
			{
				ID: "CSTO", Kind: leverage.Organisation, Name: "Collective Security Treaty Organization",
				Names: []leverage.Name{{Text: "CSTO", Kind: leverage.NameAcronym, Source: "csto-charter"}},
			},
			{ID: "cpc-pipeline", Kind: leverage.Asset, Name: "CPC pipeline", Note: "Tengiz to Novorossiysk"},
			{ID: "CPC", Kind: leverage.Company, Name: "Caspian Pipeline Consortium"},
			{ID: "NVR", Kind: leverage.Place, Name: "Novorossiysk"},
		},
		Facts: []*leverage.Fact{
			{
				ID: "kaz-member-csto", Subject: "KAZ", Relation: "member", Object: "CSTO",
				Valid: period("1994-04-20", ""), Sources: []string{"csto-charter"}, Confidence: leverage.Verified,
			},
			{
				ID: "rus-member-csto", Subject: "RUS", Relation: "member", Object: "CSTO",
				Valid: period("1994", ""), Sources: []string{"csto-charter"}, Confidence: leverage.Verified,
			},
			{
				ID: "cpc-capacity", Subject: "cpc-pipeline", Relation: "capacity", Value: f64(67), Unit: "mt/y",
				Valid: period("2001-03", "2030"), Sources: []string{"un-comtrade", "ap-2022"}, Confidence: leverage.Secondary,
				Note: "after the 2018 expansion",
			},
			{
				ID: "cpc-capacity-gas", Subject: "cpc-pipeline", Relation: "capacity", Value: f64(0), Unit: "bcm/y",
				Sources: []string{"ap-2022"}, Confidence: leverage.Secondary,
			},
			{
				ID: "kaz-export-rus-2022", Subject: "KAZ", Relation: "export", Object: "RUS", Value: f64(8.77e9), Unit: "usd",
				Year: 2022, Sources: []string{"un-comtrade"}, Confidence: leverage.Data,
			},
			{
				ID: "kaz-export-rus-2021", Subject: "KAZ", Relation: "export", Object: "RUS", Text: "withheld",
				Year: 2021, Sources: []string{"un-comtrade"}, Confidence: leverage.Data,
			},
			{
				ID: "cpc-located-nvr", Subject: "cpc-pipeline", Relation: "located", Object: "NVR",
				Sources: []string{"ap-2022", "csto-charter", "ap-2022"}, Confidence: leverage.Secondary, Text: "terminal",
			},
		},
	}
}

// beta returns a fresh dataset named "beta" that shares no id with alpha
// and refers only to its own items.
func beta(version string) *leverage.Dataset {
	return &leverage.Dataset{
		Name:    "beta",
		Version: version,
		Sources: []*leverage.Source{
			{ID: "b-census", Kind: leverage.SourceOfficial, Title: "Population census", Date: leverage.MustDate("2021-10")},
		},
		Relations: []*leverage.Relation{
			{ID: "b-population", Channel: leverage.People, Kind: leverage.AnnualRelation, Units: []string{"persons"}, Description: "resident population"},
		},
		Actors: []*leverage.Actor{
			{ID: "b-ARM", Kind: leverage.State, Name: "Armenia", ISO3: "ARM", COW: 371},
		},
		Facts: []*leverage.Fact{
			{ID: "b-arm-pop-2021", Subject: "b-ARM", Relation: "b-population", Value: f64(2932731), Unit: "persons", Year: 2021, Sources: []string{"b-census"}, Confidence: leverage.Verified},
		},
	}
}

// big returns a dataset named "gamma" with n facts, large enough that
// storing it takes a while.
func big(version string, n int) *leverage.Dataset {
	d := &leverage.Dataset{
		Name:      "gamma",
		Version:   version,
		Sources:   []*leverage.Source{{ID: "g-src", Kind: leverage.SourceDataset, Title: "Gamma data"}},
		Relations: []*leverage.Relation{{ID: "g-flow", Channel: leverage.Trade, Kind: leverage.AnnualRelation, Object: true, Units: []string{"usd"}, Description: "a flow"}},
	}
	for i := range 10 {
		d.Actors = append(d.Actors, &leverage.Actor{ID: fmt.Sprintf("g-%d", i), Kind: leverage.Company, Name: fmt.Sprintf("Gamma %d", i)})
	}
	for i := range n {
		d.Facts = append(d.Facts, &leverage.Fact{
			ID: fmt.Sprintf("g-%s-%06d", version, i), Subject: fmt.Sprintf("g-%d", i%10), Relation: "g-flow",
			Object: fmt.Sprintf("g-%d", (i+1)%10), Value: f64(float64(i)), Unit: "usd", Year: 2000 + i%20,
			Sources: []string{"g-src"}, Confidence: leverage.Data,
		})
	}
	return d
}

// replace stores d and fails the test on error.
func replace(t *testing.T, s leverage.Store, d *leverage.Dataset) {
	t.Helper()
	if err := s.ReplaceDataset(context.Background(), d); err != nil {
		t.Fatalf("ReplaceDataset(%s %s): %v", d.Name, d.Version, err)
	}
}

// contents is everything a store returns without filters.
type contents struct {
	Actors    []*leverage.Actor
	Facts     []*leverage.Fact
	Sources   []*leverage.Source
	Relations []*leverage.Relation
	Versions  map[string]string
}

// snapshot reads everything s holds, and the versions of the named datasets.
func snapshot(t *testing.T, s leverage.Store, names ...string) contents {
	t.Helper()
	ctx := context.Background()
	var c contents
	var err error
	if c.Actors, err = s.Actors(ctx, leverage.ActorFilter{}); err != nil {
		t.Fatalf("Actors: %v", err)
	}
	if c.Facts, err = s.Facts(ctx, leverage.FactFilter{}); err != nil {
		t.Fatalf("Facts: %v", err)
	}
	if c.Sources, err = s.Sources(ctx, leverage.SourceFilter{}); err != nil {
		t.Fatalf("Sources: %v", err)
	}
	if c.Relations, err = s.Relations(ctx); err != nil {
		t.Fatalf("Relations: %v", err)
	}
	c.Versions = make(map[string]string)
	for _, n := range names {
		if c.Versions[n], err = s.DatasetVersion(ctx, n); err != nil {
			t.Fatalf("DatasetVersion(%q): %v", n, err)
		}
	}
	return c
}

// want is what a store holding exactly ds returns without filters: the
// datasets' items merged and ordered by id.
func want(ds ...*leverage.Dataset) contents {
	c := contents{Versions: make(map[string]string)}
	for _, d := range ds {
		c.Actors = append(c.Actors, d.Actors...)
		c.Facts = append(c.Facts, d.Facts...)
		c.Sources = append(c.Sources, d.Sources...)
		c.Relations = append(c.Relations, d.Relations...)
		c.Versions[d.Name] = d.Version
	}
	slices.SortFunc(c.Actors, func(a, b *leverage.Actor) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Facts, func(a, b *leverage.Fact) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Sources, func(a, b *leverage.Source) int { return strings.Compare(a.ID, b.ID) })
	slices.SortFunc(c.Relations, func(a, b *leverage.Relation) int { return strings.Compare(a.ID, b.ID) })
	return c
}

// equal fails the test, showing both sides, unless got deeply equals want.
func equal(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("%s differs\ngot:\n%s\nwant:\n%s", what, g, w)
	}
}

// ids returns the ids of items, in order.
func ids[T any](items []*T, id func(*T) string) []string {
	out := []string{}
	for _, x := range items {
		out = append(out, id(x))
	}
	return out
}

func actorID(a *leverage.Actor) string   { return a.ID }
func factID(f *leverage.Fact) string     { return f.ID }
func sourceID(s *leverage.Source) string { return s.ID }

func testEmpty(t *testing.T, s leverage.Store) {
	c := snapshot(t, s, "alpha")
	if len(c.Actors)+len(c.Facts)+len(c.Sources)+len(c.Relations) != 0 {
		t.Errorf("new store holds %d actors, %d facts, %d sources, %d relations; want none",
			len(c.Actors), len(c.Facts), len(c.Sources), len(c.Relations))
	}
	if v := c.Versions["alpha"]; v != "" {
		t.Errorf("DatasetVersion of a new store = %q, want \"\"", v)
	}
}

func testRoundTrip(t *testing.T, s leverage.Store) {
	d := alpha("v1")
	replace(t, s, d)
	got, w := snapshot(t, s, "alpha"), want(alpha("v1"))
	equal(t, "actors", got.Actors, w.Actors)
	equal(t, "facts", got.Facts, w.Facts)
	equal(t, "sources", got.Sources, w.Sources)
	equal(t, "relations", got.Relations, w.Relations)
	equal(t, "versions", got.Versions, w.Versions)

	// A value of zero is a value, not the absence of one.
	for _, f := range got.Facts {
		if f.ID == "cpc-capacity-gas" && f.Value == nil {
			t.Errorf("fact %s: value 0 read back as no value", f.ID)
		}
	}
}

func testActorFilter(t *testing.T, s leverage.Store) {
	d := alpha("v1")
	replace(t, s, d)
	byID := make(map[string]*leverage.Actor)
	for _, a := range alpha("v1").Actors {
		byID[a.ID] = a
	}
	tests := []struct {
		name   string
		filter leverage.ActorFilter
		want   []string
	}{
		{"none", leverage.ActorFilter{}, []string{"CPC", "CSTO", "KAZ", "NVR", "RUS", "cpc-pipeline"}},
		{"empty ids", leverage.ActorFilter{IDs: []string{}}, []string{"CPC", "CSTO", "KAZ", "NVR", "RUS", "cpc-pipeline"}},
		{"ids", leverage.ActorFilter{IDs: []string{"KAZ", "CSTO"}}, []string{"CSTO", "KAZ"}},
		{"one id", leverage.ActorFilter{IDs: []string{"RUS"}}, []string{"RUS"}},
		{"unknown id", leverage.ActorFilter{IDs: []string{"KAZ", "nowhere"}}, []string{"KAZ"}},
		{"kind", leverage.ActorFilter{Kind: leverage.State}, []string{"KAZ", "RUS"}},
		{"other kind", leverage.ActorFilter{Kind: leverage.Asset}, []string{"cpc-pipeline"}},
		{"kind with none", leverage.ActorFilter{Kind: leverage.Person}, []string{}},
		{"ids and kind", leverage.ActorFilter{IDs: []string{"KAZ", "CSTO", "CPC"}, Kind: leverage.Organisation}, []string{"CSTO"}},
		{"ids and other kind", leverage.ActorFilter{IDs: []string{"KAZ"}, Kind: leverage.Company}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Actors(context.Background(), tt.filter)
			if err != nil {
				t.Fatalf("Actors(%+v): %v", tt.filter, err)
			}
			equal(t, "ids", ids(got, actorID), tt.want)
			for _, a := range got {
				equal(t, "actor "+a.ID, a, byID[a.ID])
			}
		})
	}
}

func testFactFilter(t *testing.T, s leverage.Store) {
	replace(t, s, alpha("v1"))
	replace(t, s, beta("v1"))
	byID := make(map[string]*leverage.Fact)
	for _, f := range append(alpha("v1").Facts, beta("v1").Facts...) {
		byID[f.ID] = f
	}
	all := []string{"b-arm-pop-2021", "cpc-capacity", "cpc-capacity-gas", "cpc-located-nvr",
		"kaz-export-rus-2021", "kaz-export-rus-2022", "kaz-member-csto", "rus-member-csto"}
	tests := []struct {
		name   string
		filter leverage.FactFilter
		want   []string
	}{
		{"none", leverage.FactFilter{}, all},
		{"empty lists", leverage.FactFilter{Actors: []string{}, Relations: []string{}}, all},
		{"actor as subject or object", leverage.FactFilter{Actors: []string{"RUS"}},
			[]string{"kaz-export-rus-2021", "kaz-export-rus-2022", "rus-member-csto"}},
		{"actor as object only", leverage.FactFilter{Actors: []string{"CSTO"}},
			[]string{"kaz-member-csto", "rus-member-csto"}},
		{"actor as subject only", leverage.FactFilter{Actors: []string{"cpc-pipeline"}},
			[]string{"cpc-capacity", "cpc-capacity-gas", "cpc-located-nvr"}},
		{"several actors", leverage.FactFilter{Actors: []string{"NVR", "b-ARM"}},
			[]string{"b-arm-pop-2021", "cpc-located-nvr"}},
		{"subject and object both listed", leverage.FactFilter{Actors: []string{"KAZ", "RUS"}},
			[]string{"kaz-export-rus-2021", "kaz-export-rus-2022", "kaz-member-csto", "rus-member-csto"}},
		{"actor without facts", leverage.FactFilter{Actors: []string{"CPC"}}, []string{}},
		{"unknown actor", leverage.FactFilter{Actors: []string{"nowhere"}}, []string{}},
		{"relation", leverage.FactFilter{Relations: []string{"capacity"}},
			[]string{"cpc-capacity", "cpc-capacity-gas"}},
		{"relations", leverage.FactFilter{Relations: []string{"member", "b-population"}},
			[]string{"b-arm-pop-2021", "kaz-member-csto", "rus-member-csto"}},
		{"source", leverage.FactFilter{Source: "ap-2022"},
			[]string{"cpc-capacity", "cpc-capacity-gas", "cpc-located-nvr"}},
		{"source cited twice by one fact", leverage.FactFilter{Source: "csto-charter"},
			[]string{"cpc-located-nvr", "kaz-member-csto", "rus-member-csto"}},
		{"unknown source", leverage.FactFilter{Source: "nowhere"}, []string{}},
		{"actor and relation", leverage.FactFilter{Actors: []string{"KAZ"}, Relations: []string{"export"}},
			[]string{"kaz-export-rus-2021", "kaz-export-rus-2022"}},
		{"relation and source", leverage.FactFilter{Relations: []string{"capacity", "located"}, Source: "un-comtrade"},
			[]string{"cpc-capacity"}},
		{"all three", leverage.FactFilter{Actors: []string{"RUS", "NVR"}, Relations: []string{"member", "located"}, Source: "csto-charter"},
			[]string{"cpc-located-nvr", "rus-member-csto"}},
		{"all three, no match", leverage.FactFilter{Actors: []string{"KAZ"}, Relations: []string{"export"}, Source: "ap-2022"},
			[]string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Facts(context.Background(), tt.filter)
			if err != nil {
				t.Fatalf("Facts(%+v): %v", tt.filter, err)
			}
			equal(t, "ids", ids(got, factID), tt.want)
			// A fact comes back whole, with every source it cites, not
			// only the one filtered on.
			for _, f := range got {
				equal(t, "fact "+f.ID, f, byID[f.ID])
			}
		})
	}
}

func testSourceFilter(t *testing.T, s leverage.Store) {
	replace(t, s, alpha("v1"))
	byID := make(map[string]*leverage.Source)
	for _, x := range alpha("v1").Sources {
		byID[x.ID] = x
	}
	tests := []struct {
		name   string
		filter leverage.SourceFilter
		want   []string
	}{
		{"none", leverage.SourceFilter{}, []string{"ap-2022", "csto-charter", "un-comtrade"}},
		{"empty ids", leverage.SourceFilter{IDs: []string{}}, []string{"ap-2022", "csto-charter", "un-comtrade"}},
		{"ids", leverage.SourceFilter{IDs: []string{"un-comtrade", "ap-2022"}}, []string{"ap-2022", "un-comtrade"}},
		{"unknown id", leverage.SourceFilter{IDs: []string{"nowhere", "csto-charter"}}, []string{"csto-charter"}},
		{"only unknown ids", leverage.SourceFilter{IDs: []string{"nowhere"}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Sources(context.Background(), tt.filter)
			if err != nil {
				t.Fatalf("Sources(%+v): %v", tt.filter, err)
			}
			equal(t, "ids", ids(got, sourceID), tt.want)
			for _, x := range got {
				equal(t, "source "+x.ID, x, byID[x.ID])
			}
		})
	}
}

// alpha2 is a second version of alpha: items removed, changed and added.
func alpha2() *leverage.Dataset {
	d := alpha("v2")
	// Drop the place and the fact that used it, and a membership.
	d.Actors = slices.DeleteFunc(d.Actors, func(a *leverage.Actor) bool { return a.ID == "NVR" })
	d.Facts = slices.DeleteFunc(d.Facts, func(f *leverage.Fact) bool {
		return f.ID == "cpc-located-nvr" || f.ID == "rus-member-csto"
	})
	d.Relations = slices.DeleteFunc(d.Relations, func(r *leverage.Relation) bool { return r.ID == "located" })
	for _, a := range d.Actors {
		if a.ID == "KAZ" {
			a.Names = []leverage.Name{
				{Text: "Qazaqstan Respublikasy", Kind: leverage.NameOfficial, Valid: period("2023-03", ""), Source: "un-comtrade"},
				a.Names[0],
			}
		}
		if a.ID == "RUS" {
			a.Names = nil
		}
	}
	for _, f := range d.Facts {
		if f.ID == "cpc-capacity" {
			f.Value = f64(72.5)
			f.Sources = []string{"ap-2022"}
		}
	}
	for _, r := range d.Relations {
		if r.ID == "capacity" {
			r.Units = []string{"bcm/y", "mt/y", "b/d"}
		}
	}
	d.Sources = append(d.Sources, &leverage.Source{ID: "eia-2024", Kind: leverage.SourceAnalysis, Title: "Kazakhstan country brief", Accessed: leverage.MustDate("2024")})
	d.Facts = append(d.Facts, &leverage.Fact{
		ID: "cpc-throughput", Subject: "cpc-pipeline", Relation: "capacity", Value: f64(1.5e6), Unit: "b/d",
		Valid: period("2024-01-01", "2024-12-31"), Sources: []string{"eia-2024"}, Confidence: leverage.Secondary,
	})
	return d
}

func testReplace(t *testing.T, s leverage.Store) {
	replace(t, s, alpha("v1"))
	replace(t, s, alpha2())
	equal(t, "store after second version", snapshot(t, s, "alpha"), want(alpha2()))

	// Going back restores the first version exactly.
	replace(t, s, alpha("v1"))
	equal(t, "store after first version again", snapshot(t, s, "alpha"), want(alpha("v1")))

	// Storing the same version twice is harmless.
	replace(t, s, alpha("v1"))
	equal(t, "store after same version twice", snapshot(t, s, "alpha"), want(alpha("v1")))
}

// editActor returns a function that applies edit to actor id of a dataset.
func editActor(id string, edit func(a *leverage.Actor)) func(d *leverage.Dataset) {
	return func(d *leverage.Dataset) {
		for _, a := range d.Actors {
			if a.ID == id {
				edit(a)
			}
		}
	}
}

// editFact returns a function that applies edit to fact id of a dataset.
func editFact(id string, edit func(f *leverage.Fact)) func(d *leverage.Dataset) {
	return func(d *leverage.Dataset) {
		for _, f := range d.Facts {
			if f.ID == id {
				edit(f)
			}
		}
	}
}

func testInvalid(t *testing.T, s leverage.Store) {
	replace(t, s, alpha("v1"))
	replace(t, s, beta("v1"))
	tests := []struct {
		name    string
		corrupt func(d *leverage.Dataset)
		code    string
	}{
		{"fact without source", editFact("kaz-member-csto", func(f *leverage.Fact) { f.Sources = nil }), leverage.EINVALID},
		{"fact citing unknown source", editFact("cpc-capacity", func(f *leverage.Fact) {
			f.Sources = append(f.Sources, "nowhere")
		}), leverage.EINVALID},
		{"fact citing another dataset's source", editFact("cpc-capacity", func(f *leverage.Fact) {
			f.Sources = []string{"b-census"}
		}), leverage.EINVALID},
		{"fact with unknown subject", editFact("cpc-capacity", func(f *leverage.Fact) { f.Subject = "nowhere" }), leverage.EINVALID},
		{"fact with unknown relation", editFact("cpc-capacity", func(f *leverage.Fact) { f.Relation = "nowhere" }), leverage.EINVALID},
		{"name citing unknown source", editActor("KAZ", func(a *leverage.Actor) {
			a.Names[1].Source = "nowhere"
		}), leverage.EINVALID},
		{"actor without name", editActor("CSTO", func(a *leverage.Actor) { a.Name = "" }), leverage.EINVALID},
		{"actor defined twice", func(d *leverage.Dataset) {
			d.Actors = append(d.Actors, &leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan"})
		}, leverage.ECONFLICT},
		{"fact defined twice", func(d *leverage.Dataset) {
			d.Facts = append(d.Facts, d.Facts[0])
		}, leverage.ECONFLICT},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, s, "alpha", "beta")
			d := alpha2()
			tt.corrupt(d)
			err := s.ReplaceDataset(context.Background(), d)
			if code := leverage.ErrorCode(err); code != tt.code {
				t.Fatalf("ReplaceDataset: error %v (code %q), want code %q", err, code, tt.code)
			}
			// The error is the one Validate gives, unchanged.
			if verr := d.Validate(); verr == nil || err.Error() != verr.Error() {
				t.Errorf("ReplaceDataset: error %q, want Validate's %v", err, verr)
			}
			var le *leverage.Error
			if !errors.As(err, &le) {
				t.Errorf("ReplaceDataset: error %T is not a *leverage.Error", err)
			}
			equal(t, "store after refused replace", snapshot(t, s, "alpha", "beta"), before)
		})
	}
	equal(t, "store after all refused replaces", snapshot(t, s, "alpha", "beta"), want(alpha("v1"), beta("v1")))
}

func testDatasetVersion(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	check := func(name, want string) {
		t.Helper()
		got, err := s.DatasetVersion(ctx, name)
		if err != nil {
			t.Fatalf("DatasetVersion(%q): %v", name, err)
		}
		if got != want {
			t.Errorf("DatasetVersion(%q) = %q, want %q", name, got, want)
		}
	}
	check("alpha", "")
	check("", "")
	replace(t, s, alpha("2024-05-01.1"))
	check("alpha", "2024-05-01.1")
	check("beta", "")
	replace(t, s, alpha2())
	check("alpha", "v2")
	replace(t, s, beta(""))
	check("beta", "")
	check("alpha", "v2")
}

func testTwoDatasets(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	replace(t, s, alpha("v1"))
	replace(t, s, beta("v1"))
	equal(t, "store with both", snapshot(t, s, "alpha", "beta"), want(alpha("v1"), beta("v1")))

	// Replacing one leaves the other alone.
	replace(t, s, alpha2())
	equal(t, "store after replacing alpha", snapshot(t, s, "alpha", "beta"), want(alpha2(), beta("v1")))
	b2 := beta("v2")
	b2.Facts[0].Value = f64(2990900)
	replace(t, s, b2)
	equal(t, "store after replacing beta", snapshot(t, s, "alpha", "beta"), want(alpha2(), b2))

	// Each dataset's items are found through filters.
	facts, err := s.Facts(ctx, leverage.FactFilter{Actors: []string{"b-ARM"}})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "beta's facts", facts, b2.Facts)

	// An empty version of a dataset removes its items only.
	replace(t, s, &leverage.Dataset{Name: "beta", Version: "v3"})
	w := want(alpha2())
	w.Versions["beta"] = "v3"
	equal(t, "store after emptying beta", snapshot(t, s, "alpha", "beta"), w)
}

func testConflict(t *testing.T, s leverage.Store) {
	replace(t, s, alpha("v1"))
	replace(t, s, beta("v1"))
	// Each case is a valid beta that reuses one of alpha's ids, so the store
	// refuses it only after it has begun replacing beta.
	tests := []struct {
		name  string
		clash func(d *leverage.Dataset)
	}{
		{"actor", func(d *leverage.Dataset) {
			d.Actors = append(d.Actors, &leverage.Actor{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan"})
		}},
		{"source", func(d *leverage.Dataset) {
			d.Sources = append(d.Sources, &leverage.Source{ID: "ap-2022", Kind: leverage.SourceNews, Title: "Another story"})
		}},
		{"relation", func(d *leverage.Dataset) {
			d.Relations = append(d.Relations, &leverage.Relation{ID: "member", Kind: leverage.StateRelation, Object: true, Units: []string{""}, Description: "membership"})
		}},
		{"fact", func(d *leverage.Dataset) {
			d.Facts = append(d.Facts, &leverage.Fact{ID: "kaz-member-csto", Subject: "b-ARM", Relation: "b-population",
				Value: f64(1), Unit: "persons", Year: 2022, Sources: []string{"b-census"}, Confidence: leverage.Data})
		}},
		{"last fact", func(d *leverage.Dataset) {
			for i := range 50 {
				d.Facts = append(d.Facts, &leverage.Fact{ID: fmt.Sprintf("b-extra-%d", i), Subject: "b-ARM", Relation: "b-population",
					Value: f64(float64(i)), Unit: "persons", Year: 1990 + i, Sources: []string{"b-census"}, Confidence: leverage.Data})
			}
			d.Facts = append(d.Facts, &leverage.Fact{ID: "rus-member-csto", Subject: "b-ARM", Relation: "b-population",
				Value: f64(1), Unit: "persons", Year: 2023, Sources: []string{"b-census"}, Confidence: leverage.Data})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, s, "alpha", "beta")
			d := beta("v2")
			tt.clash(d)
			if err := d.Validate(); err != nil {
				t.Fatalf("test dataset invalid: %v", err)
			}
			err := s.ReplaceDataset(context.Background(), d)
			if code := leverage.ErrorCode(err); code != leverage.ECONFLICT {
				t.Fatalf("ReplaceDataset: error %v (code %q), want code %q", err, code, leverage.ECONFLICT)
			}
			if msg := err.Error(); strings.Contains(strings.ToLower(msg), "constraint") {
				t.Errorf("ReplaceDataset: error %q shows the driver's text", msg)
			}
			equal(t, "store after conflict", snapshot(t, s, "alpha", "beta"), before)
		})
	}
	equal(t, "store after all conflicts", snapshot(t, s, "alpha", "beta"), want(alpha("v1"), beta("v1")))
}

func testCanceled(t *testing.T, s leverage.Store) {
	replace(t, s, alpha("v1"))
	before := snapshot(t, s, "alpha")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.ReplaceDataset(ctx, alpha2()); err == nil {
		t.Fatal("ReplaceDataset with a canceled context succeeded")
	} else if !errors.Is(err, context.Canceled) {
		t.Errorf("ReplaceDataset with a canceled context: %v, want context.Canceled", err)
	}
	equal(t, "store after canceled replace", snapshot(t, s, "alpha"), before)

	// The store is still usable.
	replace(t, s, alpha2())
	equal(t, "store after replace", snapshot(t, s, "alpha"), want(alpha2()))
}

func testCanceledMidway(t *testing.T, s leverage.Store) {
	const n = 3000
	ctx := context.Background()
	replace(t, s, alpha("v1"))

	// Time a full replace, to cancel others at points along the way.
	start := time.Now()
	replace(t, s, big("v2", n))
	full := time.Since(start)
	replace(t, s, big("v1", 10))

	// Whenever the context ends, the store holds either the old dataset or
	// the new one, never a mixture, and an error means the old one.
	for _, frac := range []float64{0, 0.1, 0.25, 0.5, 0.75, 0.9, 2} {
		delay := time.Duration(frac * float64(full))
		before := snapshot(t, s, "alpha", "gamma")
		d := big("v2", n)
		cctx, cancel := context.WithTimeout(ctx, delay)
		err := s.ReplaceDataset(cctx, d)
		cancel()
		t.Logf("timeout %v of %v: %v", delay, full, err)
		if err == nil {
			equal(t, fmt.Sprintf("store after replace that beat a %v timeout", delay), snapshot(t, s, "alpha", "gamma"), want(alpha("v1"), big("v2", n)))
			replace(t, s, big("v1", 10))
			continue
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("ReplaceDataset with a %v timeout: %v, want context.DeadlineExceeded", delay, err)
		}
		equal(t, fmt.Sprintf("store after replace stopped by a %v timeout", delay), snapshot(t, s, "alpha", "gamma"), before)
	}
	equal(t, "store at the end", snapshot(t, s, "alpha", "gamma"), want(alpha("v1"), big("v1", 10)))
}
