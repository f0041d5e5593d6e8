package assess_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// pairWorld gives Ruritania and Syldavia three channels:
//   - political: Ruritania's elite ties to Syldavia's are coded 3, nothing
//     the other way, so Syldavia has no political score over Ruritania;
//   - people: Ruritanian is a state language in Syldavia (3), Syldavian
//     has no status in Ruritania (0);
//   - geography: a land border and 1,000 km between capitals, the same
//     both ways.
func pairWorld() *world {
	return newWorld().states().
		fact("elite", "RUR", "elite_ties", "SYL", val(3)).
		fact("lang-syl", "SYL", "language_status", "RUR", val(3)).
		fact("lang-rur", "RUR", "language_status", "SYL", val(0)).
		fact("contig-rs", "RUR", "contiguity", "SYL", val(1)).
		fact("contig-sr", "SYL", "contiguity", "RUR", val(1)).
		fact("dist", "RUR", "capital_distance", "SYL", val(1000))
}

func TestCompositeAndAsymmetry(t *testing.T) {
	// Geography both ways: (0.25 x 1 + 0.2 x (1 - ln 11 / ln 201)) / 0.45.
	g := (0.25 + 0.2*(1-math.Log(11)/math.Log(201))) / 0.45
	tests := []struct {
		name            string
		weights         map[string]string // replaced rows of the default weights
		fwd, rev        float64           // composites
		fwdCov, revCov  float64
		asym            float64
		people, geoGaps [2]float64 // forward and reverse channel scores
	}{
		{
			name: "default weights",
			// Forward: political 1, people 1, geography g. Reverse: people
			// 0, geography g. Asymmetry over people and geography only.
			fwd: (1 + 1 + g) / 3, rev: (0 + g) / 2, fwdCov: 3.0 / 7, revCov: 2.0 / 7,
			asym:   (1+g)/2 - (0+g)/2,
			people: [2]float64{1, 0}, geoGaps: [2]float64{g, g},
		},
		{
			name:    "people weighs 3",
			weights: map[string]string{"people,,1": "people,,3"},
			fwd:     (1 + 3*1 + g) / 5, rev: (3*0 + g) / 4, fwdCov: 5.0 / 9, revCov: 4.0 / 9,
			asym:   (3*1+g)/4 - (3*0+g)/4,
			people: [2]float64{1, 0}, geoGaps: [2]float64{g, g},
		},
		{
			name:    "language status as context only",
			weights: map[string]string{"people,language_status,0.2": "people,language_status,0"},
			// People has no scored indicator left: no score either way.
			fwd: (1 + g) / 2, rev: g, fwdCov: 2.0 / 7, revCov: 1.0 / 7,
			asym:   0,
			people: [2]float64{none, none}, geoGaps: [2]float64{g, g},
		},
		{
			name:    "geography weighs nothing",
			weights: map[string]string{"geography,,1": "geography,,0"},
			// Channels of weight 0 count neither for the score nor for
			// the coverage: 2 of 6 and 1 of 6.
			fwd: 1, rev: 0, fwdCov: 2.0 / 6, revCov: 1.0 / 6,
			asym:   1,
			people: [2]float64{1, 0}, geoGaps: [2]float64{g, g},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := defaultWeights
			for old, new := range tt.weights {
				if !strings.Contains(text, old+"\n") {
					t.Fatalf("no row %q in the default weights", old)
				}
				text = strings.Replace(text, old+"\n", new+"\n", 1)
			}
			w, err := assess.ParseWeights(strings.NewReader(text), "w.csv")
			if err != nil {
				t.Fatal(err)
			}
			m := pairWorld().model("2022-06-30")
			as, err := assess.Assess(m, "RUR", "SYL", assess.Options{AsOf: m.AsOf, Weights: w})
			if err != nil {
				t.Fatal(err)
			}
			checkNum(t, "forward composite", as.Forward.Composite, tt.fwd)
			checkNum(t, "reverse composite", as.Reverse.Composite, tt.rev)
			if math.Abs(as.Forward.Coverage-tt.fwdCov) > tol || math.Abs(as.Reverse.Coverage-tt.revCov) > tol {
				t.Errorf("coverage = %v, %v; want %v, %v", as.Forward.Coverage, as.Reverse.Coverage, tt.fwdCov, tt.revCov)
			}
			checkNum(t, "asymmetry", as.Asymmetry, tt.asym)
			checkNum(t, "forward people", channel(t, as.Forward, leverage.People).Score, tt.people[0])
			checkNum(t, "reverse people", channel(t, as.Reverse, leverage.People).Score, tt.people[1])
			checkNum(t, "forward geography", channel(t, as.Forward, leverage.Geography).Score, tt.geoGaps[0])
			checkNum(t, "reverse geography", channel(t, as.Reverse, leverage.Geography).Score, tt.geoGaps[1])
			checkNum(t, "forward political", channel(t, as.Forward, leverage.Political).Score, 1)
			// An indicator of weight 0 is context: its value, no score.
			lang := indicator(t, as.Forward, leverage.People, "language_status")
			wantScore := 1.0
			if lang.Weight == 0 {
				wantScore = none
			}
			checkNum(t, "language_status value", lang.Value, 3)
			checkNum(t, "language_status score", lang.Score, wantScore)

			// A channel without data has no score, not 0, and says why.
			for _, d := range []assess.Direction{as.Forward, as.Reverse} {
				for _, ch := range []leverage.Channel{leverage.Energy, leverage.Trade, leverage.Bloc, leverage.Security} {
					c := channel(t, d, ch)
					if c.Score != nil || c.Coverage != 0 || !strings.HasPrefix(c.Missing, "no data") {
						t.Errorf("%s over %s, %s: score %v, coverage %v, missing %q; want none, 0, no data",
							d.Holder.ID, d.Target.ID, ch, c.Score, c.Coverage, c.Missing)
					}
				}
			}
			if c := channel(t, as.Reverse, leverage.Political); c.Score != nil || !strings.HasPrefix(c.Missing, "no data") {
				t.Errorf("reverse political: score %v, missing %q; want none, no data", c.Score, c.Missing)
			}
			// Gaps: forward minus reverse where both are scored.
			for _, gp := range as.Gaps {
				f, r := channel(t, as.Forward, gp.Channel).Score, channel(t, as.Reverse, gp.Channel).Score
				want := none
				if f != nil && r != nil {
					want = *f - *r
				}
				checkNum(t, "gap "+string(gp.Channel), gp.Gap, want)
			}
			if len(as.Gaps) != len(leverage.Channels) {
				t.Errorf("%d gaps, want %d", len(as.Gaps), len(leverage.Channels))
			}
		})
	}
}

func TestAssessHeader(t *testing.T) {
	w := pairWorld()
	w.actors[0].Names = append(w.actors[0].Names, leverage.Name{Text: "Old Syldavia", Kind: leverage.NameHistorical, Valid: leverage.Period{To: leverage.MustDate("2000")}})
	tests := []struct {
		asOf       string
		year, want int
		name       string
	}{
		{"2022-06-30", 0, 2022, "Syldavia"},
		{"2022-06-30", 2019, 2019, "Syldavia"},
		{"1999-06-30", 0, 1999, "Old Syldavia"},
	}
	for _, tt := range tests {
		as := run(t, w.model(tt.asOf), "RUR", "SYL", tt.year)
		if as.Schema != "leverage.assessment/v1" {
			t.Errorf("schema = %q", as.Schema)
		}
		if as.AsOf != tt.asOf || as.Year != tt.want {
			t.Errorf("as of %s, year %d: got as-of %q, year %d; want %q, %d", tt.asOf, tt.year, as.AsOf, as.Year, tt.asOf, tt.want)
		}
		if as.Forward.Holder != (assess.Ref{ID: "RUR", Name: "Ruritania"}) || as.Forward.Target != (assess.Ref{ID: "SYL", Name: tt.name}) {
			t.Errorf("forward = %v over %v, want Ruritania over %s", as.Forward.Holder, as.Forward.Target, tt.name)
		}
		if as.Reverse.Holder.ID != "SYL" || as.Reverse.Target.ID != "RUR" {
			t.Errorf("reverse = %v over %v, want SYL over RUR", as.Reverse.Holder, as.Reverse.Target)
		}
		for i, c := range as.Forward.Channels {
			if c.Channel != leverage.Channels[i] || c.Title != leverage.Channels[i].Title() || c.Weight != 1 {
				t.Errorf("channel %d = %s %q weight %v, want %s", i, c.Channel, c.Title, c.Weight, leverage.Channels[i])
			}
		}
	}
}

func TestAssessErrors(t *testing.T) {
	m := newWorld().states().actor("ORG", leverage.Organisation, "Club").model("2022-06-30")
	tests := []struct {
		a, b, code, msg string
	}{
		{"RUR", "RUR", leverage.EINVALID, "an actor holds no leverage over itself: RUR"},
		{"RUR", "XXX", leverage.ENOTFOUND, `unknown actor "XXX"`},
		{"XXX", "RUR", leverage.ENOTFOUND, `unknown actor "XXX"`},
		{"ORG", "RUR", leverage.EINVALID, "ORG is a organisation; assessments are between states"},
		{"RUR", "ORG", leverage.EINVALID, "assessments are between states"},
	}
	for _, tt := range tests {
		as, err := assess.Assess(m, tt.a, tt.b, assess.Options{Weights: weights(t)})
		if err == nil || as != nil {
			t.Errorf("Assess(%s, %s) = %v, %v; want an error", tt.a, tt.b, as, err)
			continue
		}
		if leverage.ErrorCode(err) != tt.code || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("Assess(%s, %s) error = %s %q, want %s %q", tt.a, tt.b, leverage.ErrorCode(err), err, tt.code, tt.msg)
		}
	}
}

// TestSources: the assessment lists every source its indicators and
// routes cite, sorted, and names a source it does not store.
func TestSources(t *testing.T) {
	w := pairWorld().fact("dist2", "SYL", "border_length", "RUR", val(500), sources("zz-unstored", "src-dist"))
	m := assess.NewModel(day("2022-06-30"), w.actors, relations(), []*leverage.Source{
		{ID: "src-elite", Kind: leverage.SourceAnalysis, Title: "Elites"},
		{ID: "src-dist", Kind: leverage.SourceDataset, Title: "Distances"},
	}, w.facts)
	as := run(t, m, "RUR", "SYL", 0)
	var ids []string
	for _, s := range as.Sources {
		ids = append(ids, s.ID)
	}
	want := []string{"src-contig-rs", "src-contig-sr", "src-dist", "src-elite", "src-lang-rur", "src-lang-syl", "zz-unstored"}
	if !slices.Equal(ids, want) {
		t.Fatalf("sources = %v, want %v", ids, want)
	}
	if as.Sources[3].Title != "Elites" {
		t.Errorf("stored source title = %q, want Elites", as.Sources[3].Title)
	}
	if as.Sources[6].Title != "(source zz-unstored not stored)" {
		t.Errorf("unstored source title = %q", as.Sources[6].Title)
	}
}

// TestFactsOnRecord: only facts on the record at the as-of date are used,
// by relation kind: a state must hold that day, an event must have begun
// (and stays after it ends), an annual figure's year must have begun.
func TestFactsOnRecord(t *testing.T) {
	w := newWorld().states().
		fact("elite", "RUR", "elite_ties", "SYL", val(3), from("2020-03-01"), until("2021-02")).
		fact("stance", "RUR", "stance_on_unrest", "SYL", val(3), from("2020-03-01"), until("2020-03-10")).
		fact("eth", "SYL", "ethnic_share", "RUR", val(10), year(2021))
	tests := []struct {
		asOf                  string
		elite, stance, ethnic bool
	}{
		{"2020-02-29", false, false, false},
		{"2020-03-01", true, true, false},
		{"2021-01-01", true, true, true},
		{"2021-02-28", true, true, true},
		{"2021-03-01", false, true, true},
	}
	for _, tt := range tests {
		as := run(t, w.model(tt.asOf), "RUR", "SYL", 0)
		for _, c := range []struct {
			ch   leverage.Channel
			id   string
			want bool
		}{{leverage.Political, "elite_ties", tt.elite}, {leverage.Political, "stance_on_unrest", tt.stance}, {leverage.People, "diaspora_share", tt.ethnic}} {
			if got := indicator(t, as.Forward, c.ch, c.id).Value != nil; got != c.want {
				t.Errorf("as of %s: %s has a value: %v, want %v", tt.asOf, c.id, got, c.want)
			}
		}
	}
}
