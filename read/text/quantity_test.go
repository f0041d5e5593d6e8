package text

import (
	"math"
	"testing"
)

// q is an expected quantity; Low and High default to Value.
type q struct {
	Text      string
	Value     float64
	Unit      string
	Of        string
	Approx    bool
	Low, High float64
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		in   string
		want []q
	}{
		// Money, in millions of the currency.
		{"$26 billion", []q{{Text: "$26 billion", Value: 26000, Unit: "USD m"}}},
		{"€1.2bn", []q{{Text: "€1.2bn", Value: 1200, Unit: "EUR m"}}},
		{"US$5.5bn", []q{{Text: "US$5.5bn", Value: 5500, Unit: "USD m"}}},
		{"USD 26 billion", []q{{Text: "USD 26 billion", Value: 26000, Unit: "USD m"}}},
		{"26 billion US dollars", []q{{Text: "26 billion US dollars", Value: 26000, Unit: "USD m"}}},
		{"50 billion roubles", []q{{Text: "50 billion roubles", Value: 50000, Unit: "RUB m"}}},
		{"350 bln rubles", []q{{Text: "350 bln rubles", Value: 350000, Unit: "RUB m"}}},
		{"₸100bn", []q{{Text: "₸100bn", Value: 100000, Unit: "KZT m"}}},
		{"2.5 trillion tenge", []q{{Text: "2.5 trillion tenge", Value: 2.5e6, Unit: "KZT m"}}},
		{"$5m", []q{{Text: "$5m", Value: 5, Unit: "USD m"}}},
		{"$300,000", []q{{Text: "$300,000", Value: 0.3, Unit: "USD m"}}},
		{"trade of $26 billion", []q{{Text: "trade of $26 billion", Value: 26000, Unit: "USD m", Of: "trade"}}},
		{"bilateral trade of about $26 billion in 2023", []q{{Text: "bilateral trade of about $26 billion", Value: 26000, Unit: "USD m", Of: "bilateral trade", Approx: true}}},
		{"$115 million a year", []q{{Text: "$115 million a year", Value: 115, Unit: "USD m/y"}}},
		{"$24.1bn a year earlier", []q{{Text: "$24.1bn", Value: 24100, Unit: "USD m"}}},
		{"$80 a barrel", []q{{Text: "$80 a barrel", Value: 80, Unit: "USD/bbl"}}},
		{"$20-30 billion", []q{{Text: "$20-30 billion", Value: 25000, Low: 20000, High: 30000, Unit: "USD m"}}},
		{"goods worth €1.2bn", []q{{Text: "goods worth €1.2bn", Value: 1200, Unit: "EUR m", Of: "goods"}}},
		// Bare counts with a scale.
		{"26bn", []q{{Text: "26bn", Value: 26e9}}},
		{"a population of 19 million", []q{{Text: "population of 19 million", Value: 19e6, Unit: "persons", Of: "population"}}},
		// Per cent and fractions.
		{"80% of oil exports", []q{{Text: "80% of oil exports", Value: 80, Unit: "%", Of: "oil exports"}}},
		{"about 80% of Kazakhstan’s oil exports go through Russia", []q{{Text: "about 80% of Kazakhstan’s oil exports", Value: 80, Unit: "%", Of: "kazakhstan’s oil exports", Approx: true}}},
		{"30-40%", []q{{Text: "30-40%", Value: 35, Low: 30, High: 40, Unit: "%"}}},
		{"30–40%", []q{{Text: "30–40%", Value: 35, Low: 30, High: 40, Unit: "%"}}},
		{"30% to 40%", []q{{Text: "30% to 40%", Value: 35, Low: 30, High: 40, Unit: "%"}}},
		{"30 to 40 per cent", []q{{Text: "30 to 40 per cent", Value: 35, Low: 30, High: 40, Unit: "%"}}},
		{"15.5 per cent of the population", []q{{Text: "15.5 per cent of the population", Value: 15.5, Unit: "%", Of: "population"}}},
		{"80 percent", []q{{Text: "80 percent", Value: 80, Unit: "%"}}},
		{"-5%", []q{{Text: "-5%", Value: -5, Unit: "%"}}},
		{"up to 40%", []q{{Text: "up to 40%", Value: 40, Unit: "%", Approx: true}}},
		{"a third of its exports", []q{{Text: "a third of its exports", Value: 100.0 / 3, Unit: "%", Of: "exports"}}},
		{"two-thirds of Kazakhs use it", []q{{Text: "two-thirds of Kazakhs", Value: 200.0 / 3, Unit: "%", Of: "kazakhs"}}},
		{"half of its wheat exports", []q{{Text: "half of its wheat exports", Value: 50, Unit: "%", Of: "wheat exports"}}},
		{"cut by half", []q{{Text: "half", Value: 50, Unit: "%"}}},
		{"2 percentage points", []q{{Text: "2 percentage points", Value: 2, Unit: "pp"}}},
		// People.
		{"about 2,500 troops", []q{{Text: "about 2,500 troops", Value: 2500, Unit: "persons", Of: "troops", Approx: true}}},
		{"2,500 Russian troops", []q{{Text: "2,500 Russian troops", Value: 2500, Unit: "persons", Of: "russian troops"}}},
		{"more than 2,000 soldiers", []q{{Text: "more than 2,000 soldiers", Value: 2000, Unit: "persons", Of: "soldiers", Approx: true}}},
		{"between 2,000 and 2,500 servicemen", []q{{Text: "between 2,000 and 2,500 servicemen", Value: 2250, Low: 2000, High: 2500, Unit: "persons", Of: "servicemen"}}},
		{"3 million ethnic Russians", []q{{Text: "3 million ethnic Russians", Value: 3e6, Unit: "persons", Of: "ethnic russians"}}},
		{"some 225 people died", []q{{Text: "some 225 people", Value: 225, Unit: "persons", Of: "people", Approx: true}}},
		{"1.2 million migrants", []q{{Text: "1.2 million migrants", Value: 1.2e6, Unit: "persons", Of: "migrants"}}},
		{"a 2,500-strong contingent", []q{{Text: "2,500-strong contingent", Value: 2500, Unit: "persons", Of: "contingent"}}},
		{"50k personnel", []q{{Text: "50k personnel", Value: 50000, Unit: "persons", Of: "personnel"}}},
		{"twenty-five soldiers", []q{{Text: "twenty-five soldiers", Value: 25, Unit: "persons", Of: "soldiers"}}},
		{"a dozen peacekeepers", []q{{Text: "a dozen peacekeepers", Value: 12, Unit: "persons", Of: "peacekeepers"}}},
		{"2000 troops arrived", []q{{Text: "2000 troops", Value: 2000, Unit: "persons", Of: "troops"}}},
		// Energy units.
		{"1.5 million barrels per day", []q{{Text: "1.5 million barrels per day", Value: 1.5e6, Unit: "bbl/d"}}},
		{"exports of 1.5 million barrels of oil per day", []q{{Text: "exports of 1.5 million barrels of oil per day", Value: 1.5e6, Unit: "bbl/d", Of: "exports"}}},
		{"1.4m bpd", []q{{Text: "1.4m bpd", Value: 1.4e6, Unit: "bbl/d"}}},
		{"600,000 b/d", []q{{Text: "600,000 b/d", Value: 6e5, Unit: "bbl/d"}}},
		{"67 Mt/y", []q{{Text: "67 Mt/y", Value: 67, Unit: "Mt/y"}}},
		{"67 mtpa", []q{{Text: "67 mtpa", Value: 67, Unit: "Mt/y"}}},
		{"67 million tonnes a year", []q{{Text: "67 million tonnes a year", Value: 67, Unit: "Mt/y"}}},
		{"63.5 Mt of oil", []q{{Text: "63.5 Mt of oil", Value: 63.5, Unit: "Mt", Of: "oil"}}},
		{"3.8–5.9 Mt", []q{{Text: "3.8–5.9 Mt", Value: 4.85, Low: 3.8, High: 5.9, Unit: "Mt"}}},
		{"500 tonnes", []q{{Text: "500 tonnes", Value: 500, Unit: "t"}}},
		{"3.5 bcm", []q{{Text: "3.5 bcm", Value: 3.5, Unit: "bcm"}}},
		{"55 bcm/y", []q{{Text: "55 bcm/y", Value: 55, Unit: "bcm/y"}}},
		{"100 billion cubic metres a year", []q{{Text: "100 billion cubic metres a year", Value: 100, Unit: "bcm/y"}}},
		{"a 1,511-km pipeline", []q{{Text: "1,511-km", Value: 1511, Unit: "km"}}},
		{"7,644 kilometres", []q{{Text: "7,644 kilometres", Value: 7644, Unit: "km"}}},
		{"100 miles", []q{{Text: "100 miles", Value: 160.9344, Unit: "km"}}},
		{"6,717 square kilometres", []q{{Text: "6,717 square kilometres", Value: 6717, Unit: "km2"}}},
		{"nearly three decades", []q{{Text: "nearly three decades", Value: 30, Unit: "years", Approx: true}}},
		{"a 20-year lease", []q{{Text: "20-year", Value: 20, Unit: "years"}}},
		// Separators.
		{"2 500 troops", []q{{Text: "2 500 troops", Value: 2500, Unit: "persons", Of: "troops"}}},
		{"2.500.000 people", []q{{Text: "2.500.000 people", Value: 2.5e6, Unit: "persons", Of: "people"}}},
		{"1.234,5 km", []q{{Text: "1.234,5 km", Value: 1234.5, Unit: "km"}}},
		{"14 strategic objects were guarded", []q{{Text: "14 strategic objects", Value: 14, Of: "strategic objects"}}},
		{"~3 bcm", []q{{Text: "~3 bcm", Value: 3, Unit: "bcm", Approx: true}}},
		{"c. 2,500 troops", []q{{Text: "c. 2,500 troops", Value: 2500, Unit: "persons", Of: "troops", Approx: true}}},
		{"2,500-odd troops", []q{{Text: "2,500-odd troops", Value: 2500, Unit: "persons", Of: "troops", Approx: true}}},
		{"cut by a third", []q{{Text: "a third", Value: 100.0 / 3, Unit: "%"}}},
		{"exports rose from 30 to 40 per cent", []q{{Text: "from 30", Value: 30, Unit: "%"}, {Text: "40 per cent", Value: 40, Unit: "%"}}},
		{"from 30 to 40 per cent", []q{{Text: "from 30 to 40 per cent", Value: 35, Low: 30, High: 40, Unit: "%"}}},
		{"-5 to 5%", []q{{Text: "-5 to 5%", Value: 0, Low: -5, High: 5, Unit: "%"}}},
		{"between $2bn and $3bn", []q{{Text: "between $2bn and $3bn", Value: 2500, Low: 2000, High: 3000, Unit: "USD m"}}},
		{"3.5%-4%", []q{{Text: "3.5%-4%", Value: 3.75, Low: 3.5, High: 4, Unit: "%"}}},
		{"2,500 or so troops", []q{{Text: "2,500 or so troops", Value: 2500, Unit: "persons", Of: "troops", Approx: true}}},
		{"over 20 years", []q{{Text: "over 20 years", Value: 20, Unit: "years", Approx: true}}},
		{"the tenge fell 0.5% to 434 per dollar", []q{{Text: "0.5%", Value: 0.5, Unit: "%"}, {Text: "434", Value: 434}}},
		{"raised by 25 basis points", []q{{Text: "25 basis points", Value: 25, Unit: "bp"}}},
		{"120 tenge", []q{{Text: "120 tenge", Value: 0.00012, Unit: "KZT m"}}},
		{"$250 per 1,000 cubic metres", []q{{Text: "$250 per 1,000 cubic metres", Value: 250, Unit: "USD/1000 m3"}}},
		// Not quantities.
		{"at 0900 GMT", nil},
		{"$5 Mt", nil},
		{"in 2022", nil},
		{"the 2022 unrest", nil},
		{"in 2000 troops were sent", nil},
		{"No. 2", nil},
		{"Article 7", nil},
		{"Art. 7(2) of the constitution", nil},
		{"Resolution 2254", nil},
		{"on 5 January 2022", nil},
		{"January 5, 2022", nil},
		{"the 1990s", nil},
		{"mid-2023", nil},
		{"the second round", nil},
		{"two countries", nil},
		{"one of the states", nil},
		{"the first half of 2022", nil},
		{"a third country", nil},
		{"G7 and G20", nil},
		{"Su-27 jets", nil},
		{"COVID-19", nil},
		{"5G networks", nil},
		{"the 2nd day", nil},
		{"at 10:30", nil},
		{"24/7", nil},
		{"1. Introduction", nil},
		{"05.01.2022", nil},
		{"version 1.2.3", nil},
		{"5m", nil},
		// Several.
		{"The pipeline carried 63.5 Mt in 2024, 95% of its 67 Mt/y capacity.", []q{
			{Text: "63.5 Mt", Value: 63.5, Unit: "Mt"},
			{Text: "95%", Value: 95, Unit: "%"},
			{Text: "67 Mt/y", Value: 67, Unit: "Mt/y"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Quantities(tt.in)
			checkQuantities(t, tt.in, got)
			if len(got) != len(tt.want) {
				t.Fatalf("Quantities(%q) = %d quantities %+v, want %d", tt.in, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				if w.Low == 0 && w.High == 0 {
					w.Low, w.High = w.Value, w.Value
				}
				g := got[i]
				if g.Text != w.Text || !near(g.Value, w.Value) || !near(g.Low, w.Low) || !near(g.High, w.High) ||
					g.Unit != w.Unit || g.Of != w.Of || g.Approx != w.Approx {
					t.Errorf("Quantities(%q)[%d]\n got %q %g [%g, %g] %q of %q approx %v\nwant %q %g [%g, %g] %q of %q approx %v",
						tt.in, i, g.Text, g.Value, g.Low, g.High, g.Unit, g.Of, g.Approx,
						w.Text, w.Value, w.Low, w.High, w.Unit, w.Of, w.Approx)
				}
			}
		})
	}
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
}

// checkQuantities fails t unless the quantities' spans are sound and
// Low <= Value <= High.
func checkQuantities(t *testing.T, text string, qs []Quantity) {
	t.Helper()
	spans := make([]Span, len(qs))
	texts := make([]string, len(qs))
	for i, q := range qs {
		spans[i], texts[i] = q.Span, q.Text
		if !(q.Low <= q.Value && q.Value <= q.High) {
			t.Fatalf("quantity %q: Low %g, Value %g, High %g out of order", q.Text, q.Low, q.Value, q.High)
		}
	}
	checkSpans(t, text, spans, texts)
}
