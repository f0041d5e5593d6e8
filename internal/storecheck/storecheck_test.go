package storecheck

import (
	"context"
	"math"
	"testing"

	"github.com/leverage-dev/leverage"
)

func TestDates(t *testing.T) {
	ok := []leverage.Date{{}, {Year: 2019}, {Year: 2019, Month: 3}, {Year: 2019, Month: 3, Day: 20}, {Year: 1, Month: 1, Day: 1}}
	if err := Dates("x", ok...); err != nil {
		t.Errorf("Dates(%v): %v", ok, err)
	}
	for _, d := range []leverage.Date{{Year: 2020, Month: 13}, {Year: 2020, Day: 3}, {Month: 3}, {Year: 12345}, {Year: 2021, Month: 2, Day: 30}} {
		if err := Dates("fact f", d); leverage.ErrorCode(err) != leverage.EINVALID {
			t.Errorf("Dates(%+v) = %v, want EINVALID", d, err)
		}
	}
}

func TestCoordinate(t *testing.T) {
	for _, c := range []struct {
		x, limit float64
		want     bool
	}{{math.NaN(), 90, true}, {90, 90, true}, {-180, 180, true}, {90.5, 90, false}, {math.Inf(1), 180, false}} {
		if got := Coordinate(c.x, c.limit); got != c.want {
			t.Errorf("Coordinate(%v, %v) = %v, want %v", c.x, c.limit, got, c.want)
		}
	}
}

func TestInfluence(t *testing.T) {
	good := func() *leverage.InfluencePanel {
		return &leverage.InfluencePanel{Profile: "open", Components: []string{"trade"},
			A: []int32{365}, B: []int32{705}, Year: []int32{2014},
			Bandwidth: []float64{0.5}, Dependence: []float64{0.5}, Index: []float64{0.5}, Parts: [][]float64{{1}}}
	}
	if err := Influence(good()); err != nil {
		t.Fatalf("a good panel: %v", err)
	}
	for name, edit := range map[string]func(p *leverage.InfluencePanel){
		"no profile":        func(p *leverage.InfluencePanel) { p.Profile = "" },
		"short column":      func(p *leverage.InfluencePanel) { p.Year = nil },
		"unnamed component": func(p *leverage.InfluencePanel) { p.Components = nil },
		"short component":   func(p *leverage.InfluencePanel) { p.Parts[0] = nil },
		"NaN index":         func(p *leverage.InfluencePanel) { p.Index[0] = math.NaN() },
		"infinite":          func(p *leverage.InfluencePanel) { p.Bandwidth[0] = math.Inf(1) },
	} {
		p := good()
		edit(p)
		if err := Influence(p); leverage.ErrorCode(err) != leverage.EINVALID {
			t.Errorf("%s: %v, want EINVALID", name, err)
		}
	}
}

// world is a fixed World.
type world struct {
	actors    []*leverage.Actor
	relations []*leverage.Relation
	sources   []*leverage.Source
}

func (w world) Actors(context.Context, leverage.ActorFilter) ([]*leverage.Actor, error) {
	return w.actors, nil
}
func (w world) Relations(context.Context) ([]*leverage.Relation, error) { return w.relations, nil }
func (w world) Sources(context.Context, leverage.SourceFilter) ([]*leverage.Source, error) {
	return w.sources, nil
}

func TestAddFacts(t *testing.T) {
	ctx := context.Background()
	w := world{
		actors:    []*leverage.Actor{{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan"}, {ID: "CSTO", Kind: leverage.Organisation, Name: "CSTO"}},
		relations: []*leverage.Relation{{ID: "member", Kind: leverage.StateRelation, Object: true, Units: []string{""}, Description: "membership"}},
		sources:   []*leverage.Source{{ID: "stored", Kind: leverage.SourceNews, Title: "Stored"}},
	}
	fact := func(id, src string) *leverage.Fact {
		return &leverage.Fact{ID: id, Subject: "KAZ", Relation: "member", Object: "CSTO", Sources: []string{src}, Confidence: leverage.Secondary}
	}
	given := []*leverage.Source{
		{ID: "stored", Kind: leverage.SourceNews, Title: "Another title"}, // the stored one wins
		{ID: "new", Kind: leverage.SourceNews, Title: "New"},
	}
	added, err := AddFacts(ctx, w, "read", given, []*leverage.Fact{fact("f1", "stored"), fact("f2", "new")})
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 1 || added[0].ID != "new" {
		t.Errorf("sources to add: %v, want only new", added)
	}
	for name, c := range map[string]struct {
		dataset string
		facts   []*leverage.Fact
		code    string
	}{
		"no dataset":     {"", []*leverage.Fact{fact("f1", "stored")}, leverage.EINVALID},
		"given twice":    {"read", []*leverage.Fact{fact("f1", "stored"), fact("f1", "stored")}, leverage.ECONFLICT},
		"unknown source": {"read", []*leverage.Fact{fact("f1", "nowhere")}, leverage.EINVALID},
	} {
		if _, err := AddFacts(ctx, w, c.dataset, nil, c.facts); leverage.ErrorCode(err) != c.code {
			t.Errorf("%s: %v, want %s", name, err, c.code)
		}
	}
}
