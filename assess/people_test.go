package assess_test

import (
	"strconv"
	"testing"

	"github.com/leverage-dev/leverage"
)

// peopleWorld: ethnic Ruritanians are 9 % of Syldavia's population in the
// 2011 census and 15.54 % in 2021. 300,000 people born in Ruritania live
// in Syldavia in 2015 and 500,000 in 2020; 1,200,000 born in Syldavia live
// in Ruritania in 2020. Ruritanian has status 2 in Syldavia from 1995 and
// 1 from 2023. pops gives Syldavia's population (thousands) by year.
func peopleWorld(pops map[int]float64) *world {
	w := newWorld().states().
		fact("eth-11", "SYL", "ethnic_share", "RUR", val(9), year(2011)).
		fact("eth-21", "SYL", "ethnic_share", "RUR", val(15.54), year(2021)).
		fact("mig-15", "SYL", "migrant_stock", "RUR", val(300000), year(2015)).
		fact("mig-20", "SYL", "migrant_stock", "RUR", val(500000), year(2020)).
		fact("emi-20", "RUR", "migrant_stock", "SYL", val(1200000), year(2020)).
		fact("lang-95", "SYL", "language_status", "RUR", val(2), text("used in state institutions"), from("1995")).
		fact("lang-23", "SYL", "language_status", "RUR", val(1), text("minority language"), from("2023"))
	for y, p := range pops {
		w.fact("pop-"+strconv.Itoa(y), "SYL", "population", "", val(p), year(y))
	}
	return w
}

func TestPeople(t *testing.T) {
	pops := map[int]float64{2019: 12000, 2021: 12500}
	tests := []struct {
		name       string
		asOf       string
		year       int
		score      float64
		indicators map[string]want
	}{
		{
			name: "2022", asOf: "2022-12-31",
			// Migrant stocks of 2020; the population years 2019 and 2021
			// are equally near, and the earlier one is preferred.
			score: (0.4*logPercent(15.54) + 0.2*logPercent(100*500000/12000e3) + 0.2*logPercent(100*1200000/12000e3) + 0.2*2.0/3) / 1.0,
			indicators: map[string]want{
				"diaspora_share":  {value: 15.54, score: logPercent(15.54), year: 2021},
				"migrants_from_a": {value: 100 * 500000 / 12000e3, score: logPercent(100 * 500000 / 12000e3), year: 2020, note: "500000 people; population 12000 thousand in 2019"},
				"migrants_in_a":   {value: 100 * 1200000 / 12000e3, score: logPercent(10), year: 2020},
				"language_status": {value: 2, score: 2.0 / 3, text: "used in state institutions"},
			},
		},
		{
			name: "2024: the later language status", asOf: "2024-06-30",
			score: (0.4*logPercent(15.54) + 0.2*logPercent(100*500000/12000e3) + 0.2*logPercent(10) + 0.2*1.0/3) / 1.0,
			indicators: map[string]want{
				"language_status": {value: 1, score: 1.0 / 3, text: "minority language"},
			},
		},
		{
			name: "data year 2016", asOf: "2022-12-31", year: 2016,
			// Census of 2011; the 2015 migrant stock has no population
			// figure up to 2016.
			score: (0.4*logPercent(9) + 0.2*2.0/3) / 0.6,
			indicators: map[string]want{
				"diaspora_share":  {value: 9, score: logPercent(9), year: 2011},
				"migrants_from_a": {value: none, score: none, missing: "no population figure for Syldavia"},
				"migrants_in_a":   {value: none, score: none, missing: "no migrant stock on record"},
				"language_status": {value: 2, score: 2.0 / 3},
			},
		},
		{
			name: "data year 2010: language only", asOf: "2022-12-31", year: 2010,
			score: 2.0 / 3,
			indicators: map[string]want{
				"diaspora_share": {value: none, score: none, missing: "no census share of ethnic Ruritanian in Syldavia on record"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := run(t, peopleWorld(pops).model(tt.asOf), "RUR", "SYL", tt.year)
			checkNum(t, "channel score", channel(t, as.Forward, leverage.People).Score, tt.score)
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.People, id), w)
			}
		})
	}
}

// TestMigrantPopulationYear: the target's population is taken from the
// year nearest the migrant stock's (earlier on ties), never from a year
// after the data year.
func TestMigrantPopulationYear(t *testing.T) {
	tests := []struct {
		name    string
		pops    map[int]float64
		year    int
		popYear int // 0: no population
		pop     float64
	}{
		{"nearest year, later", map[int]float64{2017: 11000, 2021: 12500}, 0, 2021, 12500},
		{"the later year is after the data year", map[int]float64{2017: 11000, 2021: 12500}, 2020, 2017, 11000},
		{"tie: the earlier year", map[int]float64{2019: 12000, 2021: 12500}, 0, 2019, 12000},
		{"same year", map[int]float64{2019: 12000, 2020: 10000, 2021: 12500}, 0, 2020, 10000},
		{"only after the data year", map[int]float64{2021: 12500}, 2020, 0, 0},
		{"only after the as-of date", map[int]float64{2023: 12500}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := run(t, peopleWorld(tt.pops).model("2022-12-31"), "RUR", "SYL", tt.year)
			for _, c := range []struct {
				id     string
				stock  float64
				fact   string
				people string
			}{{"migrants_from_a", 500000, "mig-20", "500000 people"}, {"migrants_in_a", 1200000, "emi-20", "1200000 people"}} {
				in := indicator(t, as.Forward, leverage.People, c.id)
				if tt.popYear == 0 {
					checkIndicator(t, in, want{value: none, score: none, missing: "no population figure for Syldavia"})
					continue
				}
				pct := 100 * c.stock / (tt.pop * 1000)
				checkIndicator(t, in, want{value: pct, score: logPercent(pct), year: 2020,
					note: c.people + "; population " + strconv.FormatFloat(tt.pop, 'f', 0, 64) + " thousand in " + strconv.Itoa(tt.popYear)})
				if want := []string{c.fact, "pop-" + strconv.Itoa(tt.popYear)}; !sameSet(in.Facts, want) {
					t.Errorf("%s cites %v, want %v", c.id, in.Facts, want)
				}
			}
		})
	}
}
