package simulate

import (
	"math"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// flow is the trade from one state (or bloc) to another: From's exports
// to To, which are To's imports from From.
type flow struct{ From, To string }

// tradeOp is one change to a flow in force at some moment: the flow scaled
// by Factor, or, when Source is set, raised by Share of Source's recorded
// level (a diverted share arriving at a new partner). FromTotal and
// ToTotal say whether the change reaches the exporter's exports total and
// the importer's imports total: an embargo lowers both, a diversion leaves
// the diverting state's totals as they are.
type tradeOp struct {
	flow               flow
	factor             float64
	source             *flow
	share              float64
	fromTotal, toTotal bool
}

// tradeYears is how many data years, back from the assessment's, trade
// shocks apply to: enough for every year an assessment falls back to.
const tradeYears = 10

// tradeChanges turns trade operations into changed facts in each of the
// last tradeYears data years: bilateral flows, totals, shares and trade
// turnover, each recomputed from the changed levels. A flow's recorded
// level is, in order, From's exports to To, To's imports from From, a
// published share times its total, or half the pair's recorded trade.
func tradeChanges(m *assess.Model, year int, ops []tradeOp, levels map[flowYear]float64, tag string, srcs []string) []assess.Change {
	if len(ops) == 0 {
		return nil
	}
	var out []assess.Change
	for y := year - tradeYears + 1; y <= year; y++ {
		if hasLevel(levels, ops, y) {
			out = append(out, tradeYear(m, y, ops, levels, tag, srcs)...)
		}
	}
	return out
}

// flowYear keys a flow's recorded level in a year.
type flowYear struct {
	flow
	year int
}

// tradeLevels returns the recorded level of each flow in each of the last
// tradeYears data years, NaN when nothing says.
func tradeLevels(m *assess.Model, year int, flows []flow) map[flowYear]float64 {
	out := map[flowYear]float64{}
	for y := year - tradeYears + 1; y <= year; y++ {
		b := book{m, y}
		for _, fl := range flows {
			out[flowYear{fl, y}] = b.level(fl)
		}
	}
	return out
}

func hasLevel(levels map[flowYear]float64, ops []tradeOp, y int) bool {
	for _, op := range ops {
		if !math.IsNaN(levels[flowYear{op.flow, y}]) {
			return true
		}
	}
	return false
}

type book struct {
	m *assess.Model
	y int
}

func (b book) get(rel, s, o string) (*leverage.Fact, float64) {
	f := b.m.InYear(rel, s, o, b.y)
	if f == nil || f.Value == nil {
		return nil, math.NaN()
	}
	return f, *f.Value
}

// level is the recorded size of a flow in year y, NaN when nothing says.
func (b book) level(fl flow) float64 {
	if _, v := b.get("exports_to", fl.From, fl.To); !math.IsNaN(v) {
		return v
	}
	if _, v := b.get("imports_from", fl.To, fl.From); !math.IsNaN(v) {
		return v
	}
	if _, s := b.get("export_share", fl.From, fl.To); !math.IsNaN(s) {
		if _, t := b.get("exports_total", fl.From, ""); !math.IsNaN(t) {
			return s / 100 * t
		}
	}
	if _, s := b.get("import_share", fl.To, fl.From); !math.IsNaN(s) {
		if _, t := b.get("imports_total", fl.To, ""); !math.IsNaN(t) {
			return s / 100 * t
		}
	}
	if _, v := b.get("trade_with", fl.From, fl.To); !math.IsNaN(v) {
		return v / 2
	}
	if _, v := b.get("trade_with", fl.To, fl.From); !math.IsNaN(v) {
		return v / 2
	}
	return math.NaN()
}

func tradeYear(m *assess.Model, y int, ops []tradeOp, levels map[flowYear]float64, tag string, srcs []string) []assess.Change {
	b := book{m, y}
	delta := map[flow]float64{}  // change in each flow's level
	dExp := map[string]float64{} // change in each state's exports total
	dImp := map[string]float64{} // change in each state's imports total
	lv := func(fl flow) float64 {
		if v, ok := levels[flowYear{fl, y}]; ok {
			return v
		}
		return b.level(fl)
	}
	for _, op := range ops {
		var d float64
		if op.source != nil {
			d = op.share * lv(*op.source)
		} else {
			d = (op.factor - 1) * lv(op.flow)
		}
		if math.IsNaN(d) || d == 0 {
			continue
		}
		lv(op.flow)
		delta[op.flow] += d
		if op.fromTotal {
			dExp[op.flow.From] += d
		}
		if op.toTotal {
			dImp[op.flow.To] += d
		}
	}
	var out []assess.Change
	set := func(old *leverage.Fact, v float64) {
		if old == nil || math.IsNaN(v) || v == *old.Value {
			return
		}
		nf := *old
		nf.ID = old.ID + "@" + tag
		nf.Value = &v
		nf.Sources = srcs
		nf.Note = "scenario " + tag
		out = append(out, assess.Change{Old: old, New: &nf})
	}
	share := func(old *leverage.Fact, s, l, d, dTot float64) {
		// A share s of a total, for a level l that changes by d while the
		// total changes by dTot: the total is l / s.
		if old == nil || math.IsNaN(l) || s <= 0 {
			return
		}
		tot := l / (s / 100)
		set(old, 100*(l+d)/(tot+dTot))
	}
	for fl, d := range delta {
		l := lv(fl)
		if f, v := b.get("exports_to", fl.From, fl.To); f != nil {
			set(f, v*(l+d)/l)
		}
		if f, v := b.get("imports_from", fl.To, fl.From); f != nil {
			set(f, v*(l+d)/l)
		}
		if f, s := b.get("export_share", fl.From, fl.To); f != nil {
			share(f, s, l, d, dExp[fl.From])
		}
		if f, s := b.get("import_share", fl.To, fl.From); f != nil {
			share(f, s, l, d, dImp[fl.To])
		}
	}
	for st, d := range dExp {
		if f, v := b.get("exports_total", st, ""); f != nil {
			set(f, v+d)
		}
	}
	for st, d := range dImp {
		if f, v := b.get("imports_total", st, ""); f != nil {
			set(f, v+d)
		}
	}
	// Trade turnover and its share, from each side of every changed pair.
	done := map[flow]bool{}
	for fl := range delta {
		for _, p := range []flow{fl, {fl.To, fl.From}} {
			if done[p] {
				continue
			}
			done[p] = true
			out2, in2 := flow{p.From, p.To}, flow{p.To, p.From}
			dT := delta[out2] + delta[in2]
			tl := lv(out2) + lv(in2)
			if f, v := b.get("trade_with", p.From, p.To); f != nil {
				if math.IsNaN(tl) {
					tl = v
				}
				set(f, v+dT*v/tl)
			}
			if f, s := b.get("trade_share", p.From, p.To); f != nil {
				share(f, s, tl, dT, dExp[p.From]+dImp[p.From])
			}
		}
	}
	return out
}
