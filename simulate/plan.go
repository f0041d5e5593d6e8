package simulate

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/transit"
)

// plan is everything a run works out once: the scenario's layout, the
// base model and its scores, and the target's export system.
type plan struct {
	sc             *scenario.Scenario
	l              *layout
	m              *assess.Model
	holder, target string
	year           int
	scorer         *assess.Scorer
	base           []float64 // per channel: score on the base model
	baseComposite  float64
	reach          [][]int // per channel: the shocks whose changes it reads
	effect         [][]int // per shock: its inputs that set what it does (not when)
	discrete       []bool  // per shock: whether those inputs are fixed or discrete

	// Scores of channels by the state of the shocks that reach them, shared
	// by the workers: a scenario with discrete numbers meets the same state
	// in many draws. Only states of shocks at full strength with fixed or
	// discrete numbers are kept, at most cacheLimit of them.
	cache  []sync.Map // per channel: key -> score
	cached atomic.Int64

	// The target's crude export system.
	es       *assess.ExportSystem
	sys      *transit.System
	capBase  []float64        // per part: capacity in the flow network
	capFact  []*leverage.Fact // per part: its capacity fact, nil when unknown
	capTotal float64          // what the system carries before any shock, Mt/y
	volumes  []float64        // per route: recorded volume, Mt/y (0 when none)
	routeOf  [][]int          // per route: its parts
	exports  float64          // the exports to carry (N-1's Q_exp), Mt/y; NaN when unknown
	exportsF *leverage.Fact
	transit  []bool // per shock: whether it changes the export system

	origin time.Time // first day of the horizon
	span   float64   // days in the horizon
	steps  []float64 // step boundaries, days from origin; len = steps + 1
	labels []string  // per step: its period, e.g. 2027-03

	levels map[flowYear]float64 // recorded trade levels of the flows trade shocks change
	srcs   []string             // the ids of the sources the scenario cites

	notes []string
}

func newPlan(m *assess.Model, sc *scenario.Scenario, opt Options) (*plan, error) {
	p := &plan{sc: sc, l: newLayout(sc), m: m, holder: opt.Holder, target: opt.Target, year: m.AsOf.Year()}
	aopt := assess.Options{AsOf: m.AsOf, Weights: opt.Weights}
	var err error
	if p.scorer, err = assess.NewScorer(m, p.holder, p.target, aopt); err != nil {
		return nil, err
	}
	p.base = make([]float64, len(leverage.Channels))
	p.baseComposite = p.scorer.Base(p.base)

	p.es = m.ExportSystem(p.target, p.year)
	p.sys = transit.NewSystem(p.target, p.es.Routes)
	p.capBase = p.sys.Effective()
	p.capTotal = p.sys.Capacity()
	for _, part := range p.sys.Parts {
		p.capFact = append(p.capFact, m.Latest("capacity", part.Asset, "", math.MaxInt))
	}
	p.exports = math.NaN()
	if f := p.es.Exports; f != nil && f.Value != nil {
		p.exports, p.exportsF = *f.Value, f
	}
	p.volumes = p.routeRates()
	for _, r := range p.es.Routes {
		var parts []int
		for _, s := range r.Segments {
			if j := p.sys.Part(s.Asset); j >= 0 {
				parts = append(parts, j)
			}
		}
		p.routeOf = append(p.routeOf, parts)
	}

	p.srcs = p.sources()
	var flows []flow
	for _, sh := range sc.Shocks {
		switch e := sh.Effect.(type) {
		case *scenario.Embargo:
			flows = append(flows, flow{e.By, e.Against}, flow{e.Against, e.By})
		case *scenario.DivertTrade:
			flows = append(flows, flow{e.Target, e.From}, flow{e.From, e.Target})
			for _, pt := range e.To {
				flows = append(flows, flow{e.Target, pt.Partner}, flow{pt.Partner, e.Target})
			}
		}
	}
	p.levels = tradeLevels(m, p.year, flows)

	p.origin = sc.Horizon.Start.First()
	end := sc.Horizon.End.Last().AddDate(0, 0, 1)
	p.span = days(end, p.origin)
	for t := p.origin; t.Before(end); t = next(t, sc.Horizon.Step) {
		p.steps = append(p.steps, days(t, p.origin))
		p.labels = append(p.labels, label(t, sc.Horizon.Step))
	}
	p.steps = append(p.steps, p.span)

	// Which shocks reach which channels: the relations a shock's changes
	// touch at full strength, against those each channel reads. Its numbers
	// are probed low, at the median and high, so that a shock whose median
	// changes nothing (a cut of 0 or 1) is still seen to reach.
	p.transit = make([]bool, len(sc.Shocks))
	p.reach = make([][]int, len(leverage.Channels))
	var probes []*draw
	for _, u := range []float64{0.001, 0.5, 0.999} {
		probes = append(probes, p.l.fixedDraw(u))
	}
	for k := range sc.Shocks {
		str := make([]float64, len(sc.Shocks))
		str[k] = 1
		for _, d := range probes {
			ch, tr := p.changes(d, str)
			p.transit[k] = p.transit[k] || tr
			for _, rel := range m.With(ch).Changed() {
				for i := range leverage.Channels {
					if p.scorer.Reads(i, rel) && !slices.Contains(p.reach[i], k) {
						p.reach[i] = append(p.reach[i], k)
					}
				}
			}
		}
	}
	for i := range p.reach {
		slices.Sort(p.reach[i])
	}
	p.cache = make([]sync.Map, len(leverage.Channels))
	p.effect = make([][]int, len(sc.Shocks))
	p.discrete = make([]bool, len(sc.Shocks))
	for k := range p.discrete {
		p.discrete[k] = true
	}
	for i, in := range p.l.inputs {
		switch {
		case in.Field == "duration", in.Field == "probability", in.Field == "over", strings.HasPrefix(in.Field, "recovery"):
		default:
			p.effect[in.Shock] = append(p.effect[in.Shock], i)
			if d := in.Value.Dist(); d != scenario.Fixed && d != scenario.Discrete {
				p.discrete[in.Shock] = false
			}
		}
	}
	return p, nil
}

// next returns the start of the step after the one starting at t.
func next(t time.Time, s scenario.Step) time.Time {
	switch s {
	case scenario.Day:
		return t.AddDate(0, 0, 1)
	case scenario.Week:
		return t.AddDate(0, 0, 7)
	case scenario.Quarter:
		return t.AddDate(0, 3, 0)
	case scenario.Year:
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 1, 0)
}

func label(t time.Time, s scenario.Step) string {
	switch s {
	case scenario.Day, scenario.Week:
		return t.Format("2006-01-02")
	case scenario.Quarter:
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())+2)/3)
	case scenario.Year:
		return t.Format("2006")
	}
	return t.Format("2006-01")
}

// routeRates returns the rate at which each route carries the target's
// exports, in Mt/y: the exports split by the routes' shares of the volumes
// of the latest year every route with a known capacity reports (recorded
// volumes may cover part of a year); without such a year, each route's
// latest recorded volume.
func (p *plan) routeRates() []float64 {
	out := make([]float64, len(p.es.Routes))
	var sum float64
	for _, v := range p.es.Volumes {
		if !math.IsNaN(v) {
			sum += v
		}
	}
	if p.es.VolumeYear > 0 && sum > 0 && !math.IsNaN(p.exports) {
		for i, v := range p.es.Volumes {
			if !math.IsNaN(v) {
				out[i] = v / sum * p.exports
			}
		}
		p.notes = append(p.notes, fmt.Sprintf("%s's exports of %.1f Mt/y (%d) are split over its routes by their shares of the volumes recorded for %d",
			p.m.Name(p.target), p.exports, p.exportsF.Year, p.es.VolumeYear))
		return out
	}
	var missing []string
	for i, in := range p.es.Info {
		if in.Volume != nil {
			out[i] = *in.Volume
		} else {
			missing = append(missing, in.Name)
		}
	}
	if len(missing) > 0 {
		p.notes = append(p.notes, fmt.Sprintf("no volume recorded up to %d for %s: losses on these routes are not counted", p.year, strings.Join(missing, ", ")))
	}
	return out
}
