package assess_test

import (
	"math"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage"
)

// fade is the event weight 0.5^(age/10) of an event that ended the given
// number of days before the as-of date.
func fade(days float64) float64 { return math.Pow(0.5, days/365.25/10) }

// securityWorld: Ruritania, Syldavia and Borduria are in an alliance;
// Ruritania leases a base in Syldavia (and one in Borduria, and an old one
// in Syldavia given up in 2010); ATOP codes no pact in 2010 and one in
// 2018; CINC 2014: Ruritania 0.03, Syldavia 0.01.
func securityWorld() *world {
	return newWorld().states().
		actor("ALL", leverage.Organisation, "Alliance").
		actor("OTH", leverage.Organisation, "Other Alliance").
		actor("BASE", leverage.Place, "Base").actor("BASE2", leverage.Place, "Base Two").actor("OLD", leverage.Place, "Old Base").
		fact("all-type", "ALL", "org_type", "", text("security_alliance")).
		fact("oth-type", "OTH", "org_type", "", text("security_alliance")).
		fact("all-rur", "RUR", "member_of", "ALL", from("2000")).
		fact("all-syl", "SYL", "member_of", "ALL", from("2000")).
		fact("all-bor", "BOR", "member_of", "ALL", from("2000")).
		fact("pact-10", "RUR", "defense_pact", "SYL", val(0), year(2010)).
		fact("pact-18", "RUR", "defense_pact", "SYL", val(1), year(2018)).
		fact("lease-base", "RUR", "leases_facility", "BASE", val(100), from("2000"), until("2040")).
		fact("base-in-syl", "BASE", "located_in", "SYL").
		fact("lease-base2", "RUR", "leases_facility", "BASE2", from("2000")).
		fact("base2-in-bor", "BASE2", "located_in", "BOR").
		fact("lease-old", "RUR", "leases_facility", "OLD", from("1995"), until("2010")).
		fact("old-in-syl", "OLD", "located_in", "SYL").
		fact("cinc-rur", "RUR", "cinc", "", val(0.03), year(2014)).
		fact("cinc-syl", "SYL", "cinc", "", val(0.01), year(2014))
}

func TestSecurity(t *testing.T) {
	// As of 2022-01-19, the alliance's force (2020-01-06 to 2020-01-19,
	// 731 days ago) with Ruritania's own contingent (to 2020-01-15) is
	// the most recent deployment.
	dep := fade(731)
	tests := []struct {
		name       string
		a, b       string
		year       int
		score      float64
		coverage   float64
		indicators map[string]want
	}{
		{
			name: "Ruritania over Syldavia", a: "RUR", b: "SYL",
			score:    (0.15*1 + 0.15*1 + 0.2*1 + 0.25*dep + 0.25*0.75) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"alliance":         {value: 1, score: 1, text: "Alliance"},
				"defense_pact":     {value: 1, score: 1, year: 2018},
				"facilities":       {value: 1, score: 1, text: "Base (2000 to 2040)"},
				"deployments":      {value: 2500, score: dep, text: "Alliance force"},
				"capability_share": {value: 75, score: 0.75, year: 2014, note: "CINC 0.03000 vs 0.01000"},
			},
		},
		{
			name: "data year 2012: the 2010 ATOP row", a: "RUR", b: "SYL", year: 2012,
			// The only CINC figures are of 2014, after the data year.
			score:    (0.15*1 + 0.15*0 + 0.2*1 + 0.25*dep) / 0.75,
			coverage: 0.75,
			indicators: map[string]want{
				"defense_pact":     {value: 0, score: 0, year: 2010},
				"capability_share": {value: none, score: none, missing: "no year with both capability indices"},
			},
		},
		{
			name: "Borduria, a member that sent no one", a: "BOR", b: "SYL",
			score:    1,
			coverage: 0.15,
			indicators: map[string]want{
				"alliance":         {value: 1, score: 1},
				"defense_pact":     {value: none, score: none, missing: "no ATOP record for this pair"},
				"facilities":       {value: none, score: none, missing: "no facility of Borduria in Syldavia on record"},
				"deployments":      {value: none, score: none, missing: "no deployment of Borduria's forces in Syldavia on record"},
				"capability_share": {value: none, score: none, missing: "no year with both capability indices"},
			},
		},
		{
			name: "Freedonia, in no alliance", a: "FRE", b: "SYL",
			score:    0,
			coverage: 0.15,
			indicators: map[string]want{
				"alliance": {value: 0, score: 0, text: "no shared military alliance"},
			},
		},
		{
			name: "Syldavia over Ruritania", a: "SYL", b: "RUR",
			// ATOP rows are directed: none for Syldavia -> Ruritania here.
			score:    (0.15*1 + 0.25*0.25) / 0.4,
			coverage: 0.4,
			indicators: map[string]want{
				"alliance":         {value: 1, score: 1},
				"defense_pact":     {value: none, score: none, missing: "no ATOP record"},
				"facilities":       {value: none, score: none, missing: "no facility"},
				"deployments":      {value: none, score: none, missing: "no deployment"},
				"capability_share": {value: 25, score: 0.25, year: 2014},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := securityWorld().
				fact("dep-all", "ALL", "deployment", "SYL", val(2500), text("Alliance force"), from("2020-01-06"), until("2020-01-19")).
				fact("dep-rur", "RUR", "deployment", "SYL", val(1000), from("2020-01-06"), until("2020-01-15"))
			as := run(t, w.model("2022-01-19"), tt.a, tt.b, tt.year)
			c := channel(t, as.Forward, leverage.Security)
			checkNum(t, "channel score", c.Score, tt.score)
			if math.Abs(c.Coverage-tt.coverage) > tol {
				t.Errorf("coverage = %v, want %v", c.Coverage, tt.coverage)
			}
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.Security, id), w)
			}
		})
	}
}

func TestFacilitiesCite(t *testing.T) {
	as := run(t, securityWorld().model("2022-01-19"), "RUR", "SYL", 0)
	in := indicator(t, as.Forward, leverage.Security, "facilities")
	if want := []string{"lease-base", "base-in-syl"}; !sameSet(in.Facts, want) {
		t.Errorf("facilities cite %v, want %v", in.Facts, want)
	}
	// As of 2005 the old base still counts too.
	as = run(t, securityWorld().model("2005-06-30"), "RUR", "SYL", 0)
	checkIndicator(t, indicator(t, as.Forward, leverage.Security, "facilities"), want{value: 2, score: 1})
}

// TestDeployments: a state's own deployments count; an organisation's
// count for a member only if the member had a deployment of its own in the
// target overlapping it. The most recent counts, faded by 0.5^(age/10),
// age from its end (0 while it lasts).
func TestDeployments(t *testing.T) {
	type dep struct {
		id, subject, object string
		troops              float64 // NaN: no number
		from, to            string
	}
	ownOld := dep{"own-old", "RUR", "SYL", 500, "2010-01", "2011-12"}            // ended 2011-12-31
	allForce := dep{"all-force", "ALL", "SYL", 2500, "2020-01-06", "2020-01-19"} // ended 731 days before
	ownPart := dep{"own-part", "RUR", "SYL", 1000, "2020-01-06", "2020-01-15"}
	tests := []struct {
		name  string
		deps  []dep
		value float64
		score float64
		date  string
	}{
		// 2011-12-31 to 2022-01-19: 3653 + 19 days.
		{"own, ended", []dep{ownOld}, 500, fade(3672), "2010-01 to 2011-12"},
		{"own, without a troop number", []dep{{"d", "RUR", "SYL", math.NaN(), "2010-01", "2011-12"}}, none, fade(3672), "2010-01 to 2011-12"},
		{"own, ongoing", []dep{ownOld, {"d", "RUR", "SYL", 300, "2021-06", ""}}, 300, 1, "from 2021-06"},
		{"own, ending after the as-of date", []dep{{"d", "RUR", "SYL", 300, "2021-06", "2030"}}, 300, 1, "2021-06 to 2030"},
		{"own, not yet begun", []dep{{"d", "RUR", "SYL", 300, "2023", ""}}, none, none, ""},
		{"own, in another state", []dep{{"d", "RUR", "BOR", 300, "2021", ""}}, none, none, ""},
		{"organisation's, with the holder taking part", []dep{ownOld, allForce, ownPart}, 2500, fade(731), "2020-01-06 to 2020-01-19"},
		{"organisation's, holder sent no one", []dep{allForce}, none, none, ""},
		{"organisation's, holder's own deployment at another time", []dep{ownOld, allForce}, 500, fade(3672), "2010-01 to 2011-12"},
		{"organisation's, holder deployed elsewhere", []dep{allForce, {"d", "RUR", "BOR", 1000, "2020-01-06", "2020-01-15"}}, none, none, ""},
		// 2020-01-15 to 2022-01-19: 735 days.
		{"organisation the holder is not a member of", []dep{{"oth", "OTH", "SYL", 9000, "2020-01-06", "2020-01-19"}, ownPart}, 1000, fade(735), "2020-01-06 to 2020-01-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := securityWorld()
			for _, d := range tt.deps {
				opts := []opt{from(d.from)}
				if d.to != "" {
					opts = append(opts, until(d.to))
				}
				if !math.IsNaN(d.troops) {
					opts = append(opts, val(d.troops))
				}
				w.fact(d.id, d.subject, "deployment", d.object, opts...)
			}
			as := run(t, w.model("2022-01-19"), "RUR", "SYL", 0)
			in := indicator(t, as.Forward, leverage.Security, "deployments")
			w2 := want{value: tt.value, score: tt.score}
			if math.IsNaN(tt.score) {
				w2.missing = "no deployment of Ruritania's forces in Syldavia on record"
			}
			checkIndicator(t, in, w2)
			if in.Date != tt.date {
				t.Errorf("date = %q, want %q", in.Date, tt.date)
			}
		})
	}
}

// TestDeploymentTieStable: two organisations' deployments ending the same
// day score the same; the result and its citations must not depend on the
// order in which the holder's memberships are visited.
func TestDeploymentTieStable(t *testing.T) {
	w := securityWorld().
		fact("oth-rur", "RUR", "member_of", "OTH", from("2000")).
		fact("dep-all", "ALL", "deployment", "SYL", val(2500), from("2020-01-06"), until("2020-01-19")).
		fact("dep-oth", "OTH", "deployment", "SYL", val(900), from("2020-01-06"), until("2020-01-19")).
		fact("dep-rur", "RUR", "deployment", "SYL", from("2020-01-06"), until("2020-01-19"))
	first := indicator(t, run(t, w.model("2022-01-19"), "RUR", "SYL", 0).Forward, leverage.Security, "deployments")
	checkNum(t, "score", first.Score, fade(731))
	if first.Value == nil {
		t.Fatalf("value = none, want a troop number from one of the organisations")
	}
	for i := range 30 {
		in := indicator(t, run(t, w.model("2022-01-19"), "RUR", "SYL", 0).Forward, leverage.Security, "deployments")
		if *in.Value != *first.Value || !slices.Equal(in.Facts, first.Facts) {
			t.Fatalf("run %d: value %v, facts %v; first run: value %v, facts %v", i, *in.Value, in.Facts, *first.Value, first.Facts)
		}
	}
}
