package assess_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/leverage-dev/leverage"
)

func TestPolitical(t *testing.T) {
	// Ruritania intervened in Syldavia's unrest of January 2012 (code 3,
	// ended 2012-01-19) and has made statements on unrest there since
	// June 2021 (code 1, ongoing). Ten years on (3653 days) the
	// intervention scores 3/3 x 0.5^(3653/365.25/10), still above 1/3;
	// twenty years on (7305 days) it scores 0.25, below the statements.
	base := func() *world {
		return newWorld().states().
			fact("elite-1", "RUR", "elite_ties", "SYL", val(1), text("limited"), from("2000")).
			fact("elite-2", "RUR", "elite_ties", "SYL", val(2), text("close"), from("2016")).
			fact("stance-12", "RUR", "stance_on_unrest", "SYL", val(3), text("intervention"), from("2012-01-06"), until("2012-01-19")).
			fact("stance-21", "RUR", "stance_on_unrest", "SYL", val(1), text("statements"), from("2021-06")).
			fact("align-syl", "SYL", "alignment", "RUR", val(1), text("neutral"), from("2022")).
			// The reverse direction's alignment: Ruritania with Syldavia.
			fact("align-rur", "RUR", "alignment", "SYL", val(3), text("supports"), from("2022"))
	}
	tests := []struct {
		name       string
		w          *world
		asOf       string
		a, b       string
		score      float64
		indicators map[string]want
	}{
		{
			name: "ten years after the intervention", w: base(), asOf: "2022-01-19", a: "RUR", b: "SYL",
			score: (0.35*2.0/3 + 0.3*fade(3653) + 0.35*1.0/3) / 1.0,
			indicators: map[string]want{
				"elite_ties":       {value: 2, score: 2.0 / 3, text: "close"},
				"stance_on_unrest": {value: 3, score: fade(3653), text: "intervention"},
				"alignment":        {value: 1, score: 1.0 / 3, text: "neutral"},
			},
		},
		{
			name: "twenty years after: the ongoing statements count", w: base(), asOf: "2032-01-19", a: "RUR", b: "SYL",
			score: (0.35*2.0/3 + 0.3*1.0/3 + 0.35*1.0/3) / 1.0,
			indicators: map[string]want{
				"stance_on_unrest": {value: 1, score: 1.0 / 3, text: "statements"},
			},
		},
		{
			name: "before the statements", w: base(), asOf: "2021-01-01", a: "RUR", b: "SYL",
			// 2012-01-19 to 2021-01-01: 3270 days. No alignment yet.
			score: (0.35*2.0/3 + 0.3*fade(3270)) / 0.65,
			indicators: map[string]want{
				"elite_ties":       {value: 2, score: 2.0 / 3, text: "close"},
				"stance_on_unrest": {value: 3, score: fade(3270)},
				"alignment":        {value: none, score: none, missing: "no coded fact on record"},
			},
		},
		{
			name: "highest code on the record, not the latest", asOf: "2022-01-19", a: "RUR", b: "SYL",
			w: newWorld().states().
				fact("elite-3", "RUR", "elite_ties", "SYL", val(3), from("2000")).
				fact("elite-1", "RUR", "elite_ties", "SYL", val(1), from("2020")),
			score: 1,
			indicators: map[string]want{
				"elite_ties":       {value: 3, score: 1},
				"stance_on_unrest": {value: none, score: none, missing: "no coded fact on record"},
			},
		},
		{
			name: "reverse: alignment is read from the holder's side", w: base(), asOf: "2022-01-19", a: "SYL", b: "RUR",
			score: 1,
			indicators: map[string]want{
				"elite_ties":       {value: none, score: none, missing: "no coded fact"},
				"stance_on_unrest": {value: none, score: none, missing: "no coded fact"},
				"alignment":        {value: 3, score: 1, text: "supports"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := run(t, tt.w.model(tt.asOf), tt.a, tt.b, 0)
			checkNum(t, "channel score", channel(t, as.Forward, leverage.Political).Score, tt.score)
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.Political, id), w)
			}
		})
	}
}

func TestGeography(t *testing.T) {
	decay := func(km float64) float64 { return 1 - math.Log(1+km/100)/math.Log(201) }
	border := func(km float64) float64 { return math.Log(1+km) / math.Log(10001) }
	tests := []struct {
		name       string
		facts      func(*world)
		a, b       string
		indicators map[string]want
		score      float64
	}{
		{
			name: "land border", a: "RUR", b: "SYL",
			facts: func(w *world) {
				w.fact("c", "RUR", "contiguity", "SYL", val(1), from("1991")).
					fact("bl", "SYL", "border_length", "RUR", val(1000)).
					fact("d", "RUR", "capital_distance", "SYL", val(1000))
			},
			score: (0.25*1 + 0.15*border(1000) + 0.2*decay(1000)) / 0.6,
			indicators: map[string]want{
				"contiguity":       {value: 1, score: 1},
				"border_length":    {value: 1000, score: border(1000)},
				"capital_distance": {value: 1000, score: decay(1000)},
				"gateway":          {value: none, score: none, missing: "no export routes of Syldavia"},
			},
		},
		{
			name: "records of the other direction", a: "SYL", b: "RUR",
			facts: func(w *world) {
				w.fact("c", "RUR", "contiguity", "SYL", val(3)).
					fact("bl", "SYL", "border_length", "RUR", val(20000)).
					fact("d", "RUR", "capital_distance", "SYL", val(0))
			},
			// Type 3: (6 - 3)/5. Borders beyond 10,000 km score 1.
			score: (0.25*0.6 + 0.15*1 + 0.2*1) / 0.6,
			indicators: map[string]want{
				"contiguity":       {value: 3, score: 0.6},
				"border_length":    {value: 20000, score: 1},
				"capital_distance": {value: 0, score: 1},
			},
		},
		{
			name: "400 miles of water, antipodes", a: "RUR", b: "SYL",
			facts: func(w *world) {
				w.fact("c", "SYL", "contiguity", "RUR", val(5)).
					fact("d", "SYL", "capital_distance", "RUR", val(20000))
			},
			score: (0.25*0.2 + 0.2*0) / 0.45,
			indicators: map[string]want{
				"contiguity":       {value: 5, score: 0.2},
				"border_length":    {value: none, score: none, missing: "no border length on record"},
				"capital_distance": {value: 20000, score: 0},
			},
		},
		{
			name: "not contiguous: a measured 0", a: "RUR", b: "FRE",
			facts: func(w *world) { w.fact("c", "RUR", "contiguity", "SYL", val(1)) },
			score: 0,
			indicators: map[string]want{
				"contiguity":       {value: none, score: 0, text: "not contiguous (no contiguity record for the pair in a dataset that covers both)"},
				"capital_distance": {value: none, score: none, missing: "no capital distance on record"},
			},
		},
		{
			name: "contiguity ended before the as-of date", a: "RUR", b: "SYL",
			facts: func(w *world) {
				w.fact("c-old", "RUR", "contiguity", "SYL", val(1), until("2000")).
					fact("c-bor", "RUR", "contiguity", "BOR", val(1))
			},
			score: 0,
			indicators: map[string]want{
				"contiguity": {value: none, score: 0},
			},
		},
		{
			name: "no contiguity records: no data", a: "RUR", b: "FRE",
			facts: func(w *world) { w.fact("c", "SYL", "contiguity", "BOR", val(1)) },
			score: none,
			indicators: map[string]want{
				"contiguity": {value: none, score: none, missing: "no contiguity records for either state"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld().states()
			tt.facts(w)
			as := run(t, w.model("2022-06-30"), tt.a, tt.b, 0)
			checkNum(t, "channel score", channel(t, as.Forward, leverage.Geography).Score, tt.score)
			for id, w := range tt.indicators {
				checkIndicator(t, indicator(t, as.Forward, leverage.Geography, id), w)
			}
		})
	}
}

// TestGateway: the share of the exporter's routes, by count, crossing the
// holder (exportWorld: R1, R2 and R5 cross Borduria, R3 and R4
// Freedonia).
func TestGateway(t *testing.T) {
	m := exportWorld(map[int]float64{2023: 50}).model("2024-12-31")
	for _, tt := range []struct {
		holder string
		n      int
	}{{"BOR", 3}, {"FRE", 2}, {"RUR", 0}} {
		as := run(t, m, tt.holder, "SYL", 0)
		k := float64(tt.n) / 5
		checkIndicator(t, indicator(t, as.Forward, leverage.Geography, "gateway"),
			want{value: 100 * k, score: k, note: strconv.Itoa(tt.n) + " of 5 routes"})
		checkNum(t, tt.holder+" geography score", channel(t, as.Forward, leverage.Geography).Score, k)
	}
}
