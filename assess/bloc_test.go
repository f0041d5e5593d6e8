package assess_test

import (
	"slices"
	"testing"

	"github.com/leverage-dev/leverage"
)

// blocWorld: Ruritania and Borduria found a customs union in 2010;
// Syldavia joins on 2015-01-01 and Borduria leaves at the end of 2016.
// Ruritania and Syldavia also share a political club (not a union).
//
//	CINC   Ruritania  Syldavia  Borduria
//	2014   0.06       0.02      0.02
//	2016   0.05       0.03      -
//
// Syldavia belongs to 50 IGOs in 2014, 20 of them with Ruritania; a 2016
// count of shared IGOs has no total of that year.
func blocWorld() *world {
	return newWorld().states().
		actor("CU", leverage.Organisation, "Customs Union").
		actor("PC", leverage.Organisation, "Political Club").
		fact("cu-type", "CU", "org_type", "", text("customs_union")).
		fact("pc-type", "PC", "org_type", "", text("political_cooperation")).
		fact("cu-rur", "RUR", "member_of", "CU", from("2010-01-01")).
		fact("cu-bor", "BOR", "member_of", "CU", from("2010-01-01"), until("2016-12-31")).
		fact("cu-syl", "SYL", "member_of", "CU", from("2015-01-01")).
		fact("pc-rur", "RUR", "member_of", "PC", from("2000")).
		fact("pc-syl", "SYL", "member_of", "PC", from("2000")).
		fact("cinc-rur-14", "RUR", "cinc", "", val(0.06), year(2014)).
		fact("cinc-syl-14", "SYL", "cinc", "", val(0.02), year(2014)).
		fact("cinc-bor-14", "BOR", "cinc", "", val(0.02), year(2014)).
		fact("cinc-rur-16", "RUR", "cinc", "", val(0.05), year(2016)).
		fact("cinc-syl-16", "SYL", "cinc", "", val(0.03), year(2016)).
		fact("igo-shared-14", "SYL", "igo_shared", "RUR", val(20), year(2014)).
		fact("igo-total-14", "SYL", "igo_total", "", val(50), year(2014)).
		fact("igo-shared-16", "SYL", "igo_shared", "RUR", val(22), year(2016))
}

func TestBloc(t *testing.T) {
	igos := want{value: 100 * 20.0 / 50, score: 0.4, year: 2014, note: "20 of 50"}
	tests := []struct {
		name       string
		asOf       string
		year       int
		a, b       string
		score      float64
		indicators map[string]want
		facts      map[string][]string
	}{
		{
			name: "before Syldavia joins", asOf: "2014-12-31", a: "RUR", b: "SYL",
			score: (0.35*0 + 0.35*0 + 0.3*0.4) / 1.0,
			indicators: map[string]want{
				"shared_bloc": {value: 0, score: 0, text: "no shared customs or economic union"},
				"bloc_weight": {value: 0, score: 0, text: "no shared union"},
				"shared_igos": igos,
			},
		},
		{
			name: "on the day Syldavia joins", asOf: "2015-01-01", a: "RUR", b: "SYL",
			// Three members; CINC 2014: 0.06 / (0.06 + 0.02 + 0.02).
			score: (0.35*1 + 0.35*0.6 + 0.3*0.4) / 1.0,
			indicators: map[string]want{
				"shared_bloc": {value: 1, score: 1, text: "Customs Union"},
				"bloc_weight": {value: 60, score: 0.6, year: 2014, text: "Customs Union, 3 members"},
				"shared_igos": igos,
			},
			facts: map[string][]string{
				"shared_bloc": {"cu-rur", "cu-syl", "cu-type"},
				"bloc_weight": {"cinc-rur-14", "cinc-syl-14", "cinc-bor-14", "cu-rur", "cu-syl", "cu-type"},
			},
		},
		{
			name: "2016: Borduria has no CINC that year, so 2014", asOf: "2016-06-30", a: "RUR", b: "SYL",
			// The 2016 shared count has no 2016 total: the latest year
			// with both is 2014.
			score: (0.35*1 + 0.35*0.6 + 0.3*0.4) / 1.0,
			indicators: map[string]want{
				"shared_bloc": {value: 1, score: 1},
				"bloc_weight": {value: 60, score: 0.6, year: 2014, text: "Customs Union, 3 members"},
				"shared_igos": igos,
			},
		},
		{
			name: "2017: Borduria has left, two members", asOf: "2017-06-30", a: "RUR", b: "SYL",
			// CINC 2016: 0.05 / (0.05 + 0.03).
			score: (0.35*1 + 0.35*0.625 + 0.3*0.4) / 1.0,
			indicators: map[string]want{
				"shared_bloc": {value: 1, score: 1},
				"bloc_weight": {value: 62.5, score: 0.625, year: 2016, text: "Customs Union, 2 members"},
				"shared_igos": igos,
			},
		},
		{
			name: "2017 with data year 2015", asOf: "2017-06-30", year: 2015, a: "RUR", b: "SYL",
			// Members at the as-of date, CINC of 2014: 0.06 / (0.06 + 0.02).
			score: (0.35*1 + 0.35*0.75 + 0.3*0.4) / 1.0,
			indicators: map[string]want{
				"shared_bloc": {value: 1, score: 1},
				"bloc_weight": {value: 75, score: 0.75, year: 2014},
				"shared_igos": igos,
			},
		},
		{
			name: "Syldavia's weight over Ruritania", asOf: "2017-06-30", a: "SYL", b: "RUR",
			score: (0.35*1 + 0.35*0.375) / 0.7,
			indicators: map[string]want{
				"shared_bloc": {value: 1, score: 1},
				"bloc_weight": {value: 37.5, score: 0.375, year: 2016},
				"shared_igos": {value: none, score: none, missing: "no IGO membership counts"},
			},
		},
		{
			name: "one side with memberships: a measured 0", asOf: "2017-06-30", a: "FRE", b: "SYL",
			score: 0,
			indicators: map[string]want{
				"shared_bloc": {value: 0, score: 0},
				"bloc_weight": {value: 0, score: 0},
				"shared_igos": {value: none, score: none, missing: "no IGO membership counts"},
			},
		},
		{
			name: "no memberships on either side: no data", asOf: "2017-06-30", a: "FRE", b: "BOR",
			score: none,
			indicators: map[string]want{
				"shared_bloc": {value: none, score: none, missing: "no memberships on record for either state"},
				"bloc_weight": {value: none, score: none, missing: "no memberships on record for either state"},
				"shared_igos": {value: none, score: none, missing: "no IGO membership counts"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := run(t, blocWorld().model(tt.asOf), tt.a, tt.b, tt.year)
			c := channel(t, as.Forward, leverage.Bloc)
			checkNum(t, "channel score", c.Score, tt.score)
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.Bloc, id), w)
			}
			for id, fs := range tt.facts {
				if in := indicator(t, as.Forward, leverage.Bloc, id); !sameSet(in.Facts, fs) {
					t.Errorf("%s cites %v, want %v", id, in.Facts, fs)
				}
			}
		})
	}
}

// TestBlocWeightLargestUnion: with two shared unions, the holder's larger
// weight counts.
func TestBlocWeightLargestUnion(t *testing.T) {
	w := blocWorld().
		actor("EU2", leverage.Organisation, "Economic Union").
		fact("eu2-type", "EU2", "org_type", "", text("economic_union")).
		fact("eu2-rur", "RUR", "member_of", "EU2", from("2000")).
		fact("eu2-syl", "SYL", "member_of", "EU2", from("2000")).
		fact("eu2-fre", "FRE", "member_of", "EU2", from("2000")).
		fact("cinc-fre-16", "FRE", "cinc", "", val(0.42), year(2016))
	// Customs Union: 0.05/0.08 = 62.5 %; Economic Union: 0.05/0.5 = 10 %.
	as := run(t, w.model("2017-06-30"), "RUR", "SYL", 0)
	checkIndicator(t, indicator(t, as.Forward, leverage.Bloc, "shared_bloc"), want{value: 1, score: 1, text: "Customs Union, Economic Union"})
	checkIndicator(t, indicator(t, as.Forward, leverage.Bloc, "bloc_weight"), want{value: 62.5, score: 0.625, year: 2016, text: "Customs Union, 2 members"})
	checkNum(t, "channel score", channel(t, as.Forward, leverage.Bloc).Score, 0.35+0.35*0.625+0.3*0.4)

	// The facts are cited in the order of the unions, the same every run.
	wantFacts := []string{"cu-rur", "cu-syl", "cu-type", "eu2-rur", "eu2-syl", "eu2-type"}
	for i := range 20 {
		as := run(t, w.model("2017-06-30"), "RUR", "SYL", 0)
		if got := indicator(t, as.Forward, leverage.Bloc, "shared_bloc").Facts; !slices.Equal(got, wantFacts) {
			t.Fatalf("run %d: shared_bloc cites %v, want %v", i, got, wantFacts)
		}
	}
}
