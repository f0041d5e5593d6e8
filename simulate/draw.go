package simulate

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/leverage-dev/leverage/scenario"
)

// A draw is one realisation of a scenario's uncertain numbers: for every
// input a uniform number u in [0, 1) and the value it maps to through the
// input's quantile function, and for every shock whether it happens.
type draw struct {
	u      []float64 // per input, then per shock its occurrence
	value  []float64 // per input
	occurs []bool    // per shock
}

// layout says where each shock's numbers sit among the scenario's inputs.
type layout struct {
	inputs []scenario.Input
	field  []map[string]int // per shock: field name -> input index
}

func newLayout(sc *scenario.Scenario) *layout {
	l := &layout{inputs: sc.Inputs(), field: make([]map[string]int, len(sc.Shocks))}
	for i := range l.field {
		l.field[i] = map[string]int{}
	}
	for i, in := range l.inputs {
		l.field[in.Shock][in.Field] = i
	}
	return l
}

// newDraw fills a draw from r: one uniform per input in order, then one
// per shock for its occurrence, so every draw consumes the same numbers
// whatever happens in it.
func (l *layout) newDraw(r *rand.Rand, d *draw) {
	n, k := len(l.inputs), len(l.field)
	d.reset(n, k)
	for i := range n + k {
		d.u[i] = r.Float64()
	}
	l.evaluate(d)
}

// centralDraw is the central case: every shock happens and every number
// takes its median.
func (l *layout) centralDraw() *draw { return l.fixedDraw(0.5) }

// fixedDraw is the draw in which every number takes its quantile u and
// every shock happens.
func (l *layout) fixedDraw(u float64) *draw {
	d := &draw{}
	d.reset(len(l.inputs), len(l.field))
	for i := range d.u {
		d.u[i] = u
	}
	l.evaluate(d)
	for i := range d.occurs {
		d.occurs[i] = true
	}
	return d
}

func (d *draw) reset(inputs, shocks int) {
	if cap(d.u) < inputs+shocks {
		d.u = make([]float64, inputs+shocks)
		d.value = make([]float64, inputs)
		d.occurs = make([]bool, shocks)
	}
	d.u, d.value, d.occurs = d.u[:inputs+shocks], d.value[:inputs], d.occurs[:shocks]
}

func (l *layout) evaluate(d *draw) {
	for i, in := range l.inputs {
		d.value[i] = in.Value.Quantile(d.u[i])
	}
	for k := range l.field {
		d.occurs[k] = d.u[len(l.inputs)+k] < d.value[l.field[k]["probability"]]
	}
}

// get returns the drawn value of a shock's field, or def when the shock
// has no such input.
func (l *layout) get(d *draw, shock int, field string, def float64) float64 {
	if i, ok := l.field[shock][field]; ok {
		return d.value[i]
	}
	return def
}

// timing is when a shock acts in one draw, in days from the start of the
// horizon.
type timing struct {
	start, fullEnd float64
	recovery       scenario.Recovery
	over           float64   // linear recovery: its length in days
	fractions      []float64 // curve recovery: the drawn fraction undone at each point
	ramp           float64   // divert_trade: days to reach full effect; 0 for other shocks
}

func days(t, origin time.Time) float64 { return t.Sub(origin).Hours() / 24 }

// timingOf works out when shock k acts in draw d.
func (l *layout) timingOf(sc *scenario.Scenario, d *draw, k int) timing {
	sh := &sc.Shocks[k]
	origin := sc.Horizon.Start.First()
	t := timing{start: days(sh.Start.First(), origin), recovery: sh.Recovery}
	amount := 0.0
	if sh.Duration != nil {
		amount = l.get(d, k, "duration", 0)
	}
	t.fullEnd = days(sh.FullEnd(amount, sc.Horizon), origin)
	switch sh.Recovery.Kind {
	case scenario.LinearRecovery:
		t.over = sh.Recovery.Over.Days(l.get(d, k, "recovery", 0))
	case scenario.CurveRecovery:
		for j := range sh.Recovery.Curve {
			t.fractions = append(t.fractions, l.get(d, k, "recovery point "+strconv.Itoa(j+1), 0))
		}
	}
	if e, ok := sh.Effect.(*scenario.DivertTrade); ok {
		t.ramp = e.Over.Days(l.get(d, k, "over", 0))
	}
	return t
}

// strength is the share of a shock's effect in force at day x: 0 before
// it starts, rising linearly over the ramp of a trade diversion, 1 until
// its full-strength period ends, then less what the recovery has undone.
func (t timing) strength(x float64) float64 {
	if x < t.start {
		return 0
	}
	s := 1.0
	if t.ramp > 0 {
		s = math.Min(1, (x-t.start)/t.ramp)
	}
	if x >= t.fullEnd {
		s *= 1 - t.recovery.Undone(x-t.fullEnd, t.over, t.fractions)
	}
	return math.Max(0, s)
}

// peak is the day the shock first reaches its greatest strength.
func (t timing) peak() float64 {
	if t.ramp > 0 {
		return math.Min(t.start+t.ramp, math.Max(t.start, t.fullEnd))
	}
	return t.start
}

// breaks returns the days at which the shock's strength changes course:
// its start, the end of its ramp, the end of its full-strength period and
// the points of its recovery.
func (t timing) breaks() []float64 {
	out := []float64{t.start, t.fullEnd}
	if t.ramp > 0 {
		out = append(out, t.start+t.ramp)
	}
	switch t.recovery.Kind {
	case scenario.LinearRecovery:
		out = append(out, t.fullEnd+t.over)
	case scenario.CurveRecovery:
		for _, p := range t.recovery.Curve {
			x, _ := p.Offset.Amount.Fixed()
			out = append(out, t.fullEnd+p.Offset.Days(x))
		}
	}
	slices.Sort(out)
	return out
}
