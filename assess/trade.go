package assess

import (
	"math"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/measure"
)

// flow is a figure with the facts it was computed from.
type flow struct {
	v     float64
	facts []*leverage.Fact
	text  string
}

func (f flow) ok() bool { return len(f.facts) > 0 }

func fact(m *Model, rel, s, o string, y int) flow {
	if f := m.InYear(rel, s, o, y); f != nil {
		v, _ := f.Float()
		return flow{v, []*leverage.Fact{f}, f.Text}
	}
	return flow{}
}

func plus(x, y flow) flow {
	if !x.ok() || !y.ok() {
		return flow{}
	}
	return flow{x.v + y.v, append(append([]*leverage.Fact{}, x.facts...), y.facts...), joinText(x.text, y.text)}
}

func minus(x, y flow) flow {
	f := plus(x, y)
	f.v = x.v - y.v
	return f
}

func joinText(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}

// bilateral works out b's trade with p in year y from whatever is stored:
// direct flows first, then published shares times totals, then
// differences (exports = trade - imports).
type bilateral struct {
	exports, imports, trade, expTotal, impTotal flow
}

func bilateralIn(m *Model, b, p string, y int) bilateral {
	var t bilateral
	t.expTotal = fact(m, "exports_total", b, "", y)
	t.impTotal = fact(m, "imports_total", b, "", y)
	t.imports = fact(m, "imports_from", b, p, y)
	if !t.imports.ok() {
		if s := fact(m, "import_share", b, p, y); s.ok() && t.impTotal.ok() && s.text == "" {
			t.imports = plus(s, t.impTotal)
			t.imports.v = s.v / 100 * t.impTotal.v
		}
	}
	expDirect := fact(m, "exports_to", b, p, y)
	t.trade = fact(m, "trade_with", b, p, y)
	if !t.trade.ok() {
		t.trade = plus(expDirect, t.imports)
	}
	t.exports = expDirect
	if !t.exports.ok() {
		t.exports = minus(t.trade, t.imports)
	}
	return t
}

// shareIndicator fills in with p's share of b's trade (kind: "exports",
// "imports" or "trade") in the latest year that has it: computed from
// flows where they exist, else as published.
func shareIndicator(m *Model, in *Indicator, b, p string, year int, kind string) {
	rel := map[string]string{"exports": "export_share", "imports": "import_share", "trade": "trade_share"}[kind]
	for _, y := range m.Years(b, year, "exports_to", "imports_from", "trade_with", "export_share", "import_share", "trade_share", "exports_total", "imports_total") {
		t := bilateralIn(m, b, p, y)
		var num, den flow
		switch kind {
		case "exports":
			num, den = t.exports, t.expTotal
		case "imports":
			num, den = t.imports, t.impTotal
		default:
			num, den = t.trade, plus(t.expTotal, t.impTotal)
		}
		if num.ok() && den.ok() && den.v > 0 {
			in.set(100*num.v/den.v, measure.Clamp01(num.v/den.v))
			in.Year = y
			in.Text = joinText(num.text, den.text)
			in.cite(num.facts...)
			in.cite(den.facts...)
			in.Note = m.text("%.0f of %.0f USD m", num.v, den.v)
			return
		}
		if s := fact(m, rel, b, p, y); s.ok() {
			in.set(s.v, measure.Clamp01(s.v/100))
			in.Year, in.Text = y, s.text
			in.cite(s.facts...)
			in.Note = "as published"
			return
		}
	}
	in.Missing = m.text("no %s figures for %s with %s", kind, m.Name(b), m.Name(p))
}

func trade(m *Model, a, b string, year int) ChannelResult {
	c := ChannelResult{}
	c.Indicators = tradeShares(m, a, b, year)
	tA, tB := m.Name(a), m.Name(b)

	gdp := Indicator{ID: "trade_gdp", Label: m.text("%s's trade with %s as %% of its GDP", tB, tA), Unit: "% of GDP", Transform: "ln(1 + value) / ln(101)"}
	for _, y := range m.Years(b, year, "gdp") {
		t := bilateralIn(m, b, a, y)
		g := fact(m, "gdp", b, "", y)
		if t.trade.ok() && g.v > 0 {
			p := 100 * t.trade.v / g.v
			gdp.set(p, measure.LogPercent(p))
			gdp.Year = y
			gdp.cite(t.trade.facts...)
			gdp.cite(g.facts...)
			gdp.Note = m.text("%.0f of %.0f USD m", t.trade.v, g.v)
			break
		}
	}
	if gdp.Value == nil {
		gdp.Missing = m.text("no year with both %s's GDP and its trade with %s", tB, tA)
	}
	hhi := Indicator{ID: "partner_hhi", Label: m.text("Concentration of %s's trade partners (HHI)", tB), Unit: "index", Transform: "context"}
	if f := m.Latest("partner_hhi", b, "", year); f != nil {
		v, _ := f.Float()
		hhi.set(v, math.NaN())
		hhi.Year = f.Year
		hhi.cite(f)
		hhi.Note = m.text("%.0f on the 10,000 scale; equivalent to %.1f equal partners", v*10000, 1/v)
	} else {
		hhi.Missing = m.text("no partner concentration figure for %s", tB)
	}
	c.Indicators = append(c.Indicators, gdp, hhi)

	// Counter-leverage: b's other main partners.
	if m.brief {
		return c
	}
	for _, p := range []string{"CHN", "EU", "RUS", "USA", "TUR"} {
		if p == a || p == b || m.Actor(p) == nil {
			continue
		}
		ins := tradeShares(m, p, b, year)
		for _, in := range ins {
			if in.Value != nil {
				c.Partners = append(c.Partners, Partner{Ref{p, m.Name(p)}, ins})
				break
			}
		}
	}
	return c
}

func tradeShares(m *Model, a, b string, year int) []Indicator {
	tA, tB := m.Name(a), m.Name(b)
	ins := []Indicator{
		{ID: "export_share", Label: m.text("%s's share of %s's exports", tA, tB), Unit: "%", Transform: "share: value / 100"},
		{ID: "import_share", Label: m.text("%s's share of %s's imports", tA, tB), Unit: "%", Transform: "share: value / 100"},
		{ID: "trade_share", Label: m.text("%s's share of %s's total trade", tA, tB), Unit: "%", Transform: "share: value / 100"},
	}
	for i, kind := range []string{"exports", "imports", "trade"} {
		shareIndicator(m, &ins[i], b, a, year, kind)
	}
	return ins
}
