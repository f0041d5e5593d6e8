package assess_test

import (
	"math"
	"testing"

	"github.com/leverage-dev/leverage"
)

// tradeWorld is Syldavia's trade, in USD m:
//
//	year  exports  imports  with Borduria                              GDP
//	2020  1000     800      exports_to 250, imports_from 160,          -
//	                        import_share 50 (full year; the flow wins)
//	2021  1200     1000     trade_with 500, import_share 30            4000
//	2022  1500     1100     exports_to 300, import_share 40 "H1",      5000
//	                        trade_share 35 "Jan-Sep"
//
// and exports of 100 to China in 2022 (counter-leverage). The United
// States are an actor without any trade with Syldavia.
func tradeWorld() *world {
	return newWorld().states().
		actor("CHN", leverage.State, "China").actor("USA", leverage.State, "United States").
		fact("x20", "SYL", "exports_total", "", val(1000), year(2020)).
		fact("m20", "SYL", "imports_total", "", val(800), year(2020)).
		fact("xb20", "SYL", "exports_to", "BOR", val(250), year(2020)).
		fact("mb20", "SYL", "imports_from", "BOR", val(160), year(2020)).
		fact("ms20", "SYL", "import_share", "BOR", val(50), year(2020)).
		fact("x21", "SYL", "exports_total", "", val(1200), year(2021)).
		fact("m21", "SYL", "imports_total", "", val(1000), year(2021)).
		fact("tb21", "SYL", "trade_with", "BOR", val(500), year(2021)).
		fact("ms21", "SYL", "import_share", "BOR", val(30), year(2021)).
		fact("gdp21", "SYL", "gdp", "", val(4000), year(2021)).
		fact("x22", "SYL", "exports_total", "", val(1500), year(2022)).
		fact("m22", "SYL", "imports_total", "", val(1100), year(2022)).
		fact("xb22", "SYL", "exports_to", "BOR", val(300), year(2022)).
		fact("ms22", "SYL", "import_share", "BOR", val(40), year(2022), text("H1")).
		fact("ts22", "SYL", "trade_share", "BOR", val(35), year(2022), text("Jan-Sep")).
		fact("gdp22", "SYL", "gdp", "", val(5000), year(2022)).
		fact("hhi21", "SYL", "partner_hhi", "", val(0.25), year(2021)).
		fact("xc22", "SYL", "exports_to", "CHN", val(100), year(2022))
}

func logPercent(p float64) float64 { return math.Log(1+p) / math.Log(101) }

func TestTradeIndicators(t *testing.T) {
	tests := []struct {
		name       string
		year       int
		score      float64
		coverage   float64
		indicators map[string]want
		facts      map[string][]string // indicator -> facts it must cite
	}{
		{
			name: "2022: part-year shares as published",
			// Exports: direct 300 of 1500. Imports: only a part-year
			// share, never multiplied by the full-year total, so as
			// published; trade likewise (not 300 + 0.4 x 1100).
			// Trade/GDP: no trade total in 2022, so 2021: 500 of 4000.
			year:     0,
			score:    (0.2*0.2 + 0.2*0.4 + 0.35*0.35 + 0.25*logPercent(12.5)) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"export_share": {value: 100 * 300.0 / 1500, score: 0.2, year: 2022, note: "300 of 1500 USD m"},
				"import_share": {value: 40, score: 0.4, year: 2022, text: "H1", note: "as published"},
				"trade_share":  {value: 35, score: 0.35, year: 2022, text: "Jan-Sep", note: "as published"},
				"trade_gdp":    {value: 100 * 500.0 / 4000, score: logPercent(12.5), year: 2021, note: "500 of 4000 USD m"},
				"partner_hhi":  {value: 0.25, score: none, year: 2021, note: "2500 on the 10,000 scale; equivalent to 4.0 equal partners"},
			},
			facts: map[string][]string{
				"export_share": {"xb22", "x22"},
				"import_share": {"ms22"},
				"trade_share":  {"ts22"},
				"trade_gdp":    {"tb21", "gdp21"},
			},
		},
		{
			name: "2021: shares times totals, exports as trade minus imports",
			// M = 30 % x 1000 = 300; T = 500; X = T - M = 200.
			year:     2021,
			score:    (0.2*200/1200 + 0.2*0.3 + 0.35*500/2200 + 0.25*logPercent(12.5)) / 1.0,
			coverage: 1,
			indicators: map[string]want{
				"export_share": {value: 100 * 200.0 / 1200, score: 200.0 / 1200, year: 2021, note: "200 of 1200 USD m"},
				"import_share": {value: 100 * 300.0 / 1000, score: 0.3, year: 2021, note: "300 of 1000 USD m"},
				"trade_share":  {value: 100 * 500.0 / 2200, score: 500.0 / 2200, year: 2021, note: "500 of 2200 USD m"},
				"trade_gdp":    {value: 12.5, score: logPercent(12.5), year: 2021},
				"partner_hhi":  {value: 0.25, score: none, year: 2021},
			},
			facts: map[string][]string{
				"export_share": {"tb21", "ms21", "m21", "x21"},
				"import_share": {"ms21", "m21"},
				"trade_share":  {"tb21", "x21", "m21"},
			},
		},
		{
			name: "2020: direct flows win over a published share",
			// X = 250 of 1000, M = 160 of 800 (not 50 %), T = 410 of 1800.
			year:     2020,
			score:    (0.2*0.25 + 0.2*0.2 + 0.35*410/1800) / 0.75,
			coverage: 0.75,
			indicators: map[string]want{
				"export_share": {value: 25, score: 0.25, year: 2020},
				"import_share": {value: 20, score: 0.2, year: 2020},
				"trade_share":  {value: 100 * 410.0 / 1800, score: 410.0 / 1800, year: 2020},
				"trade_gdp":    {value: none, score: none, missing: "no year with both Syldavia's GDP and its trade with Borduria"},
				"partner_hhi":  {value: none, score: none, missing: "no partner concentration figure for Syldavia"},
			},
			facts: map[string][]string{"import_share": {"mb20", "m20"}},
		},
		{
			name: "2019: nothing yet", year: 2019, score: none, coverage: 0,
			indicators: map[string]want{
				"export_share": {value: none, score: none, missing: "no exports figures for Syldavia with Borduria"},
				"import_share": {value: none, score: none, missing: "no imports figures"},
				"trade_share":  {value: none, score: none, missing: "no trade figures"},
				"trade_gdp":    {value: none, score: none, missing: "no year"},
				"partner_hhi":  {value: none, score: none, missing: "no partner"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := run(t, tradeWorld().model("2022-12-31"), "BOR", "SYL", tt.year)
			c := channel(t, as.Forward, leverage.Trade)
			checkNum(t, "channel score", c.Score, tt.score)
			if math.Abs(c.Coverage-tt.coverage) > tol {
				t.Errorf("coverage = %v, want %v", c.Coverage, tt.coverage)
			}
			if len(c.Indicators) != len(tt.indicators) {
				t.Errorf("%d indicators, want %d", len(c.Indicators), len(tt.indicators))
			}
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.Trade, id), w)
			}
			for id, fs := range tt.facts {
				in := indicator(t, as.Forward, leverage.Trade, id)
				if !sameSet(in.Facts, fs) {
					t.Errorf("%s cites %v, want %v", id, in.Facts, fs)
				}
			}
		})
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, x := range a {
		seen[x]++
	}
	for _, x := range b {
		if seen[x] == 0 {
			return false
		}
		seen[x]--
	}
	return true
}

// TestTradeCounterLeverage: the target's other main partners (China, EU,
// Russia, United States, Türkiye, where present and with data) are listed
// with their shares, never the holder itself.
func TestTradeCounterLeverage(t *testing.T) {
	tests := []struct {
		holder   string
		partners []string
	}{
		{"BOR", []string{"CHN"}}, // USA is present but has no figures
		{"CHN", nil},             // China is the holder
	}
	for _, tt := range tests {
		t.Run(tt.holder, func(t *testing.T) {
			as := run(t, tradeWorld().model("2022-12-31"), tt.holder, "SYL", 0)
			ps := channel(t, as.Forward, leverage.Trade).Partners
			var ids []string
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			if !sameSet(ids, tt.partners) {
				t.Fatalf("partners = %v, want %v", ids, tt.partners)
			}
			for _, p := range ps {
				if p.Name != "China" {
					t.Errorf("partner name = %q, want China", p.Name)
				}
				for _, in := range p.Indicators {
					switch in.ID {
					case "export_share":
						checkIndicator(t, in, want{value: 100 * 100.0 / 1500, score: 100.0 / 1500, year: 2022})
					case "import_share", "trade_share":
						checkIndicator(t, in, want{value: none, score: none, missing: "figures for Syldavia with China"})
					default:
						t.Errorf("unexpected partner indicator %s", in.ID)
					}
				}
			}
		})
	}
	// China as holder: its own export share is the one computed above.
	as := run(t, tradeWorld().model("2022-12-31"), "CHN", "SYL", 0)
	checkIndicator(t, indicator(t, as.Forward, leverage.Trade, "export_share"), want{value: 100 * 100.0 / 1500, score: 100.0 / 1500, year: 2022})
}
