// Package simulate plays scenarios out on the model: it applies a
// scenario's shocks to variants of the model ([assess.Model.With]),
// rescores the holder's leverage over the target, follows the target's
// crude export system over the horizon, and repeats this over random
// draws of the scenario's uncertain numbers.
//
// A run reports a central case (every shock happens, every number at its
// median) with its time path, and, with draws, the distribution of every
// channel score and of the export losses, the probability of set events
// and which uncertain inputs drive the spread. Draw i uses its own random
// stream (PCG seeded with the seed and i) and statistics are gathered in
// draw order, so a seed gives the same result whatever the number of
// workers. docs/scenarios.md describes the method.
package simulate

import (
	"cmp"
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/simulate/stats"
)

// Options set up a run.
type Options struct {
	Holder, Target string // whose leverage over whom: the target's export system is the one stressed
	Weights        assess.Weights
	Draws          int    // Monte Carlo draws; 0 runs the central case only
	Seed           uint64 // seeds draw i's random stream together with i
	Workers        int    // goroutines drawing; 0 means one per CPU. The result does not depend on it.
	// Progress, when not nil, is called from time to time with the number
	// of draws done.
	Progress func(done int)
}

// Schema identifies the JSON layout of [Result].
const Schema = "leverage.scenario-run/v1"

// Result is a scenario run.
type Result struct {
	Schema   string     `json:"schema"`
	Scenario string     `json:"scenario"`
	Title    string     `json:"title"`
	Holder   assess.Ref `json:"holder"`
	Target   assess.Ref `json:"target"`
	AsOf     string     `json:"as_of"` // the model's date: the start of the horizon
	Horizon  Horizon    `json:"horizon"`
	Before   Scores     `json:"before"`
	Central  Case       `json:"central"`
	Draws    *Draws     `json:"draws,omitempty"`
	Exports  Exports    `json:"exports"`
	Notes    []string   `json:"notes,omitempty"`
	Sources  []string   `json:"sources"`
}

// Horizon is the period a run covers.
type Horizon struct {
	Start string `json:"start"`
	End   string `json:"end"`
	Step  string `json:"step"`
}

// Exports describes the target's crude export system before the shocks.
type Exports struct {
	Capacity float64  `json:"capacity_mt_y"`          // what the system can carry
	Volume   float64  `json:"volume_mt_y"`            // the routes' recorded volumes, in VolumeYear
	Year     int      `json:"volume_year,omitempty"`  // the year of those volumes
	Exports  *float64 `json:"exports_mt_y,omitempty"` // the recorded total exports, the N-1 line
	Facts    []string `json:"facts,omitempty"`
}

// Scores are the channel scores and the composite at one moment.
type Scores struct {
	Date      string         `json:"date,omitempty"`
	Composite *float64       `json:"composite"`
	Channels  []ChannelScore `json:"channels"`
}

// ChannelScore is one channel's score; null when the channel has no data.
type ChannelScore struct {
	Channel leverage.Channel `json:"channel"`
	Score   *float64         `json:"score"`
}

// Case is one realisation of the scenario.
type Case struct {
	Peak      Scores  `json:"peak"` // at the moment the composite moves most
	End       Scores  `json:"end"`  // on the last day of the horizon
	CapMin    float64 `json:"capacity_min"`
	Lost      float64 `json:"lost_mt"`
	Rerouted  float64 `json:"lost_rerouted_mt"`
	DaysShort float64 `json:"days_short"`
	Path      []Step  `json:"path"`
}

// Step is one step of the time path.
type Step struct {
	Period   string  `json:"period"`
	Capacity float64 `json:"capacity"` // mean export capacity over the step, as a share of the capacity before
	Lost     float64 `json:"lost_mt"`  // exports lost in the step at the recorded routing
}

// Draws summarises the Monte Carlo draws.
type Draws struct {
	N         int           `json:"n"`
	Seed      uint64        `json:"seed"`
	Composite Band          `json:"composite"`
	Channels  []ChannelBand `json:"channels"`
	CapMin    Dist          `json:"capacity_min"`
	Lost      Dist          `json:"lost_mt"`
	Rerouted  Dist          `json:"lost_rerouted_mt"`
	DaysShort Dist          `json:"days_short"`
	Events    []Event       `json:"events"`
	Drivers   []Driver      `json:"drivers"`
	Path      []StepBand    `json:"path"`
}

// Band is the distribution of a score at the peak and at the end.
type Band struct {
	Before *float64 `json:"before"`
	Peak   Dist     `json:"peak"`
	End    Dist     `json:"end"`
}

// ChannelBand is a channel's Band.
type ChannelBand struct {
	Channel leverage.Channel `json:"channel"`
	Band
}

// Dist summarises a quantity over the draws; null fields when no draw
// gave it a value.
type Dist struct {
	Mean      *float64   `json:"mean"`
	P5        *float64   `json:"p5"`
	P50       *float64   `json:"p50"`
	P95       *float64   `json:"p95"`
	Histogram *Histogram `json:"histogram,omitempty"` // only for the exports lost, Draws.Lost
}

// Histogram counts the draws in bars: Counts[i] draws gave a value in
// [Edges[i], Edges[i+1]), the last bar closed. The first edge is the
// smallest value drawn and the last the largest; the bars between are of
// equal width. See [stats.Summary.Histogram].
type Histogram struct {
	Edges  []float64 `json:"edges"`
	Counts []int     `json:"counts"`
}

// Event is the probability, over the draws, of something happening.
type Event struct {
	ID          string  `json:"id"`
	Label       string  `json:"label"`
	Probability float64 `json:"probability"`
}

// Driver is an uncertain input with its share of the variance it explains
// (first-order sensitivity index) of the composite at the peak and of the
// exports lost.
type Driver struct {
	Input     string  `json:"input"`
	Composite float64 `json:"composite"`
	Lost      float64 `json:"lost"`
}

// StepBand is the distribution of a step of the time path.
type StepBand struct {
	Period   string `json:"period"`
	Capacity Dist   `json:"capacity"`
	Lost     Dist   `json:"lost_mt"`
}

// Run plays sc out on m, a model as of the start of the scenario's horizon.
func Run(ctx context.Context, m *assess.Model, sc *scenario.Scenario, opt Options) (*Result, error) {
	if err := scenario.Validate(sc, m); err != nil {
		return nil, err
	}
	if opt.Draws < 0 {
		return nil, leverage.Errorf(leverage.EINVALID, "draws must not be negative, got %d", opt.Draws)
	}
	p, err := newPlan(m, sc, opt)
	if err != nil {
		return nil, err
	}
	r := &Result{Schema: Schema, Scenario: sc.Name, Title: sc.Title,
		Holder: assess.Ref{ID: p.holder, Name: m.Name(p.holder)}, Target: assess.Ref{ID: p.target, Name: m.Name(p.target)},
		AsOf:    leverage.DateOf(m.AsOf).String(),
		Horizon: Horizon{sc.Horizon.Start.String(), sc.Horizon.End.String(), string(sc.Horizon.Step)},
		Before:  p.scores("", p.base, p.baseComposite), Sources: p.sources()}
	r.Exports = Exports{Capacity: p.capTotal, Year: p.es.VolumeYear}
	for _, v := range p.volumes {
		r.Exports.Volume += v
	}
	if p.exportsF != nil {
		r.Exports.Exports = ptr(p.exports)
		r.Exports.Facts = []string{p.exportsF.ID}
	}

	s := p.newScratch()
	o := p.newOutcome()
	p.evaluate(p.l.centralDraw(), s, o)
	r.Central = Case{Peak: p.scores(p.date(o.peakDay), o.peak, o.peakComp), End: p.scores(p.date(p.span-1), o.end, o.endComp),
		CapMin: o.capMin, Lost: o.lost, Rerouted: o.rerouted, DaysShort: o.daysShort}
	for i, l := range p.labels {
		r.Central.Path = append(r.Central.Path, Step{Period: l, Capacity: o.stepCap[i], Lost: o.stepLost[i]})
	}
	if opt.Draws > 0 {
		if r.Draws, err = p.monteCarlo(ctx, opt); err != nil {
			return nil, err
		}
	}
	r.Notes = p.notes
	return r, nil
}

func (p *plan) scores(date string, s []float64, comp float64) Scores {
	out := Scores{Date: date, Composite: num(comp)}
	for i, ch := range leverage.Channels {
		out.Channels = append(out.Channels, ChannelScore{ch, num(s[i])})
	}
	return out
}

func (p *plan) date(day float64) string {
	return leverage.DateOf(p.origin.AddDate(0, 0, int(day))).String()
}

func num(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	return &x
}

// chunk is the number of draws a worker takes at a time.
const chunk = 64

// monteCarlo runs the draws on workers and gathers the statistics in draw
// order, holding at most a few chunks of outcomes at a time.
func (p *plan) monteCarlo(ctx context.Context, opt Options) (*Draws, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunks := (opt.Draws + chunk - 1) / chunk
	type result struct {
		i   int
		out []*outcome
		u   [][]float64
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	results := make(chan result, workers)
	tokens := make(chan struct{}, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := p.newScratch()
			var d draw
			for c := range jobs {
				lo, hi := c*chunk, min((c+1)*chunk, opt.Draws)
				res := result{i: c}
				for i := lo; i < hi; i++ {
					p.l.newDraw(rand.New(rand.NewPCG(opt.Seed, uint64(i))), &d)
					o := p.newOutcome()
					p.evaluate(&d, s, o)
					res.out = append(res.out, o)
					res.u = append(res.u, append([]float64(nil), d.u...))
				}
				select {
				case results <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for c := range chunks {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- c:
			case <-ctx.Done():
				return
			}
		}
	}()
	agg := p.newAggregate(opt)
	pending := map[int]result{}
	for next := 0; next < chunks; {
		select {
		case r := <-results:
			pending[r.i] = r
		case <-ctx.Done():
			cancel()
			wg.Wait()
			return nil, ctx.Err()
		}
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			for j, o := range r.out {
				agg.add(r.u[j], o)
			}
			next++
			<-tokens
			if opt.Progress != nil {
				opt.Progress(min(next*chunk, opt.Draws))
			}
		}
	}
	cancel()
	wg.Wait()
	return agg.result(opt), nil
}

// aggregate gathers the statistics of the draws.
type aggregate struct {
	p                             *plan
	peak, end                     []*stats.Summary // per channel
	peakComp, endComp             *stats.Summary
	capMin, lost, rerouted, short *stats.Summary
	stepCap, stepLost             []*stats.Summary
	events                        []int
	n                             int
	drivers                       []int // indices into a draw's u of the uncertain inputs
	driverNames                   []string
	sensComp, sensLost            *stats.Sensitivity
	du                            []float64
}

const (
	bins     = 4000 // per quantity: quantiles within 1/4000 of its range
	stepBins = 400
	sensBins = 10
)

func (p *plan) newAggregate(opt Options) *aggregate {
	a := &aggregate{p: p, peakComp: stats.NewSummary(0, 1, bins), endComp: stats.NewSummary(0, 1, bins)}
	for range leverage.Channels {
		a.peak = append(a.peak, stats.NewSummary(0, 1, bins))
		a.end = append(a.end, stats.NewSummary(0, 1, bins))
	}
	var volume float64
	for _, v := range p.volumes {
		volume += v
	}
	maxLost := math.Max(volume*p.span/365.25, 1e-9)
	a.capMin = stats.NewSummary(0, 1, bins)
	a.lost = stats.NewSummary(0, maxLost, bins)
	a.rerouted = stats.NewSummary(0, maxLost, bins)
	a.short = stats.NewSummary(0, p.span, bins)
	for i := range p.labels {
		a.stepCap = append(a.stepCap, stats.NewSummary(0, 2, stepBins))
		a.stepLost = append(a.stepLost, stats.NewSummary(0, math.Max(volume*(p.steps[i+1]-p.steps[i])/365.25, 1e-9), stepBins))
	}
	a.events = make([]int, len(eventDefs))
	for i, in := range p.l.inputs {
		if _, fixed := in.Value.Fixed(); !fixed {
			a.drivers = append(a.drivers, i)
			a.driverNames = append(a.driverNames, in.Label)
		}
	}
	for k := range p.sc.Shocks {
		if pr, fixed := p.sc.Shocks[k].Probability.Fixed(); !fixed || pr < 1 {
			a.drivers = append(a.drivers, len(p.l.inputs)+k)
			a.driverNames = append(a.driverNames, p.sc.Shocks[k].Label()+": happens")
		}
	}
	a.sensComp = stats.NewSensitivity(len(a.drivers), sensBins)
	a.sensLost = stats.NewSensitivity(len(a.drivers), sensBins)
	a.du = make([]float64, len(a.drivers))
	return a
}

// eventDefs are the events whose probability a run reports.
var eventDefs = []struct {
	id, label string
	test      func(p *plan, o *outcome) bool
}{
	{"capacity_below_50", "export capacity falls below 50% of its level before the shocks", func(p *plan, o *outcome) bool { return o.capMin < 0.5 }},
	{"exports_lost", "some exports are lost at the recorded routing", func(p *plan, o *outcome) bool { return o.lost > 1e-9 }},
	{"exports_short", "capacity falls below the exports to carry (the N-1 line) on some day", func(p *plan, o *outcome) bool { return o.daysShort > 0 }},
	{"composite_up_5", "the composite rises by 0.05 or more at the peak", func(p *plan, o *outcome) bool { return o.peakComp-p.baseComposite >= 0.05 }},
	{"composite_down_5", "the composite falls by 0.05 or more at the peak", func(p *plan, o *outcome) bool { return p.baseComposite-o.peakComp >= 0.05 }},
}

func (a *aggregate) add(u []float64, o *outcome) {
	a.n++
	for i := range o.peak {
		a.peak[i].Add(o.peak[i])
		a.end[i].Add(o.end[i])
	}
	a.peakComp.Add(o.peakComp)
	a.endComp.Add(o.endComp)
	a.capMin.Add(o.capMin)
	a.lost.Add(o.lost)
	a.rerouted.Add(o.rerouted)
	a.short.Add(o.daysShort)
	for i := range o.stepCap {
		a.stepCap[i].Add(o.stepCap[i])
		a.stepLost[i].Add(o.stepLost[i])
	}
	for i, e := range eventDefs {
		if e.test(a.p, o) {
			a.events[i]++
		}
	}
	for i, j := range a.drivers {
		a.du[i] = u[j]
	}
	a.sensComp.Add(a.du, o.peakComp)
	a.sensLost.Add(a.du, o.lost)
}

func dist(s *stats.Summary) Dist {
	if s.N() == 0 {
		return Dist{}
	}
	return Dist{Mean: num(s.Mean()), P5: num(s.Quantile(0.05)), P50: num(s.Quantile(0.5)), P95: num(s.Quantile(0.95))}
}

// histBins is the most bars a Dist's histogram has.
const histBins = 20

// distHist is dist with a histogram of at most histBins bars, when some
// draw gave a value.
func distHist(s *stats.Summary) Dist {
	d := dist(s)
	if edges, counts := s.Histogram(histBins); counts != nil {
		d.Histogram = &Histogram{Edges: edges, Counts: counts}
	}
	return d
}

func (a *aggregate) result(opt Options) *Draws {
	p := a.p
	d := &Draws{N: a.n, Seed: opt.Seed, Composite: Band{num(p.baseComposite), dist(a.peakComp), dist(a.endComp)},
		CapMin: dist(a.capMin), Lost: distHist(a.lost), Rerouted: dist(a.rerouted), DaysShort: dist(a.short)}
	for i, ch := range leverage.Channels {
		d.Channels = append(d.Channels, ChannelBand{ch, Band{num(p.base[i]), dist(a.peak[i]), dist(a.end[i])}})
	}
	for i, e := range eventDefs {
		d.Events = append(d.Events, Event{e.id, e.label, float64(a.events[i]) / float64(max(a.n, 1))})
	}
	ic, il := a.sensComp.Indices(), a.sensLost.Indices()
	for i, name := range a.driverNames {
		d.Drivers = append(d.Drivers, Driver{Input: name, Composite: ic[i], Lost: il[i]})
	}
	sortDrivers(d.Drivers)
	for i, l := range p.labels {
		d.Path = append(d.Path, StepBand{Period: l, Capacity: dist(a.stepCap[i]), Lost: dist(a.stepLost[i])})
	}
	return d
}

// sortDrivers orders drivers by the larger of their two indices, largest
// first; ties keep the scenario's order.
func sortDrivers(ds []Driver) {
	slices.SortStableFunc(ds, func(a, b Driver) int {
		return cmp.Compare(math.Max(b.Composite, b.Lost), math.Max(a.Composite, a.Lost))
	})
}
