package assess_test

import (
	"encoding/csv"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// The tests build small models by hand: a few fictional states
// (Syldavia, Borduria, Ruritania, Freedonia) and the facts of one
// channel, and check the indicators against values worked out from
// docs/methodology.md. Expected values are written as the arithmetic that
// gives them, so a reader can follow each one.

const tol = 1e-9

// none, as a wanted value or score, means "no value" (a nil pointer).
var none = math.NaN()

// relationKinds mirrors data/relations.csv for the relations the channels
// read; TestRelationKindsMatchDataset keeps the two in step.
var relationKinds = map[string]leverage.RelationKind{
	"member_of": leverage.StateRelation, "org_type": leverage.StateRelation,
	"located_in": leverage.StateRelation, "crosses": leverage.StateRelation,
	"capacity": leverage.StateRelation, "route_segment": leverage.StateRelation,
	"exports_via": leverage.StateRelation, "route_volume": leverage.AnnualRelation,
	"oil_exports": leverage.AnnualRelation,
	"exports_to":  leverage.AnnualRelation, "imports_from": leverage.AnnualRelation,
	"trade_with": leverage.AnnualRelation, "exports_total": leverage.AnnualRelation,
	"imports_total": leverage.AnnualRelation, "export_share": leverage.AnnualRelation,
	"import_share": leverage.AnnualRelation, "trade_share": leverage.AnnualRelation,
	"gdp": leverage.AnnualRelation, "partner_hhi": leverage.AnnualRelation,
	"igo_shared": leverage.AnnualRelation, "igo_total": leverage.AnnualRelation,
	"defense_pact": leverage.AnnualRelation, "leases_facility": leverage.StateRelation,
	"deployment": leverage.EventRelation, "cinc": leverage.AnnualRelation,
	"ethnic_share": leverage.AnnualRelation, "migrant_stock": leverage.AnnualRelation,
	"population": leverage.AnnualRelation, "language_status": leverage.StateRelation,
	"elite_ties": leverage.StateRelation, "stance_on_unrest": leverage.EventRelation,
	"alignment": leverage.StateRelation, "contiguity": leverage.StateRelation,
	"border_length": leverage.StateRelation, "capital_distance": leverage.StateRelation,
}

func relations() []*leverage.Relation {
	var out []*leverage.Relation
	for id, k := range relationKinds {
		out = append(out, &leverage.Relation{ID: id, Kind: k, Units: []string{""}, Description: id})
	}
	slices.SortFunc(out, func(a, b *leverage.Relation) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// defaultWeights is the weights table of docs/methodology.md;
// TestDefaultWeightsFile checks data/weights.csv against it.
const defaultWeights = `channel,indicator,weight
energy,,1
energy,transit_share,0.4
energy,capacity_share,0.2
energy,cut_loss,0.4
energy,n_minus_1,0
energy,route_hhi,0
energy,transit_volume,0
trade,,1
trade,export_share,0.2
trade,import_share,0.2
trade,trade_share,0.35
trade,trade_gdp,0.25
trade,partner_hhi,0
bloc,,1
bloc,shared_bloc,0.35
bloc,bloc_weight,0.35
bloc,shared_igos,0.3
security,,1
security,alliance,0.15
security,defense_pact,0.15
security,facilities,0.2
security,deployments,0.25
security,capability_share,0.25
people,,1
people,diaspora_share,0.4
people,migrants_from_a,0.2
people,migrants_in_a,0.2
people,language_status,0.2
political,,1
political,elite_ties,0.35
political,stance_on_unrest,0.3
political,alignment,0.35
geography,,1
geography,contiguity,0.25
geography,border_length,0.15
geography,capital_distance,0.2
geography,gateway,0.4
`

func weights(t testing.TB) assess.Weights {
	t.Helper()
	w, err := assess.ParseWeights(strings.NewReader(defaultWeights), "defaults.csv")
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// world collects the actors and facts of a small test model.
type world struct {
	actors []*leverage.Actor
	facts  []*leverage.Fact
}

func newWorld() *world { return &world{} }

func (w *world) actor(id string, kind leverage.ActorKind, name string, names ...leverage.Name) *world {
	w.actors = append(w.actors, &leverage.Actor{ID: id, Kind: kind, Name: name, Names: names})
	return w
}

// states adds the usual fictional states.
func (w *world) states() *world {
	return w.actor("SYL", leverage.State, "Syldavia", leverage.Name{Text: "Syldavian", Kind: leverage.NameDemonym}).
		actor("BOR", leverage.State, "Borduria", leverage.Name{Text: "Bordurian", Kind: leverage.NameDemonym}).
		actor("RUR", leverage.State, "Ruritania", leverage.Name{Text: "Ruritanian", Kind: leverage.NameDemonym}).
		actor("FRE", leverage.State, "Freedonia")
}

type opt func(*leverage.Fact)

func val(v float64) opt       { return func(f *leverage.Fact) { f.Value = &v } }
func year(y int) opt          { return func(f *leverage.Fact) { f.Year = y } }
func text(s string) opt       { return func(f *leverage.Fact) { f.Text = s } }
func from(d string) opt       { return func(f *leverage.Fact) { f.Valid.From = leverage.MustDate(d) } }
func until(d string) opt      { return func(f *leverage.Fact) { f.Valid.To = leverage.MustDate(d) } }
func sources(s ...string) opt { return func(f *leverage.Fact) { f.Sources = s } }

// fact adds a fact citing the source "src-<id>" unless told otherwise.
func (w *world) fact(id, subject, rel, object string, opts ...opt) *world {
	f := &leverage.Fact{ID: id, Subject: subject, Relation: rel, Object: object,
		Sources: []string{"src-" + id}, Confidence: leverage.Data}
	for _, o := range opts {
		o(f)
	}
	w.facts = append(w.facts, f)
	return w
}

// asset adds an asset with a capacity (NaN: unknown) and the states it
// crosses.
func (w *world) asset(id, name string, capacity float64, states ...string) *world {
	w.actor(id, leverage.Asset, name)
	if !math.IsNaN(capacity) {
		w.fact(id+"-cap", id, "capacity", "", val(capacity))
	}
	for _, s := range states {
		w.fact(id+"-crosses-"+s, id, "crosses", s)
	}
	return w
}

// route adds exporter's route through the assets, in order.
func (w *world) route(exporter, id, name string, assets ...string) *world {
	w.actor(id, leverage.Route, name)
	w.fact("via-"+id, exporter, "exports_via", id)
	for i, a := range assets {
		w.fact(id+"-seg-"+a, id, "route_segment", a, val(float64(i+1)))
	}
	return w
}

func (w *world) volume(route string, y int, mt float64, opts ...opt) *world {
	return w.fact(route+"-vol-"+strconv.Itoa(y), route, "route_volume", "", append([]opt{val(mt), year(y)}, opts...)...)
}

// model indexes the world as of the day given as YYYY-MM-DD.
func (w *world) model(asOf string) *assess.Model {
	seen := map[string]bool{}
	var srcs []*leverage.Source
	for _, f := range w.facts {
		for _, s := range f.Sources {
			if !seen[s] {
				seen[s] = true
				srcs = append(srcs, &leverage.Source{ID: s, Kind: leverage.SourceDataset, Title: "Source " + s})
			}
		}
	}
	return assess.NewModel(day(asOf), w.actors, relations(), srcs, w.facts)
}

func day(s string) time.Time { return leverage.MustDate(s).First() }

// run assesses a over b with the default weights; year 0 is the as-of year.
func run(t testing.TB, m *assess.Model, a, b string, y int) *assess.Assessment {
	t.Helper()
	as, err := assess.Assess(m, a, b, assess.Options{AsOf: m.AsOf, Year: y, Weights: weights(t)})
	if err != nil {
		t.Fatalf("Assess(%s, %s): %v", a, b, err)
	}
	return as
}

func channel(t testing.TB, d assess.Direction, ch leverage.Channel) assess.ChannelResult {
	t.Helper()
	for _, c := range d.Channels {
		if c.Channel == ch {
			return c
		}
	}
	t.Fatalf("no channel %s", ch)
	return assess.ChannelResult{}
}

func indicator(t testing.TB, d assess.Direction, ch leverage.Channel, id string) assess.Indicator {
	t.Helper()
	for _, in := range channel(t, d, ch).Indicators {
		if in.ID == id {
			return in
		}
	}
	t.Fatalf("no indicator %s.%s", ch, id)
	return assess.Indicator{}
}

// checkNum reports whether got matches want: nil for none, else within tol.
func checkNum(t testing.TB, what string, got *float64, want float64) {
	t.Helper()
	switch {
	case math.IsNaN(want) && got != nil:
		t.Errorf("%s = %v, want none", what, *got)
	case math.IsNaN(want):
	case got == nil:
		t.Errorf("%s = none, want %.6f", what, want)
	case math.Abs(*got-want) > tol:
		t.Errorf("%s = %.9f, want %.9f", what, *got, want)
	}
}

// want is what an indicator should show. Empty strings are not checked,
// except that missing is checked for being empty when value or score is
// given.
type want struct {
	value, score float64 // none for no value or score
	year         int
	text, note   string
	missing      string // substring of Missing
}

func checkIndicator(t testing.TB, in assess.Indicator, w want) {
	t.Helper()
	checkNum(t, in.ID+" value", in.Value, w.value)
	checkNum(t, in.ID+" score", in.Score, w.score)
	if in.Year != w.year {
		t.Errorf("%s year = %d, want %d", in.ID, in.Year, w.year)
	}
	if w.text != "" && in.Text != w.text {
		t.Errorf("%s text = %q, want %q", in.ID, in.Text, w.text)
	}
	if w.note != "" && !strings.Contains(in.Note, w.note) {
		t.Errorf("%s note = %q, want it to contain %q", in.ID, in.Note, w.note)
	}
	switch {
	case w.missing != "" && !strings.Contains(in.Missing, w.missing):
		t.Errorf("%s missing = %q, want it to contain %q", in.ID, in.Missing, w.missing)
	case w.missing == "" && in.Missing != "":
		t.Errorf("%s missing = %q, want a value", in.ID, in.Missing)
	}
	if in.Value != nil || in.Score != nil {
		if len(in.Facts) == 0 || len(in.Sources) == 0 {
			t.Errorf("%s has a value but cites facts %v and sources %v", in.ID, in.Facts, in.Sources)
		}
	}
}

func TestRelationKindsMatchDataset(t *testing.T) {
	f, err := os.Open("../data/relations.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]leverage.RelationKind{}
	for _, row := range rows[1:] {
		got[row[0]] = leverage.RelationKind(row[2])
	}
	for id, k := range relationKinds {
		if got[id] != k {
			t.Errorf("relation %s: data/relations.csv has kind %q, the tests use %q", id, got[id], k)
		}
	}
}
