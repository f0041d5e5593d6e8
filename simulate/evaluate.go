package simulate

import (
	"encoding/binary"
	"math"
	"slices"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// outcome is what one draw leads to.
type outcome struct {
	peak, end         []float64 // per channel: score at the peak and at the end of the horizon
	peakComp, endComp float64
	peakDay           float64 // days from the start of the horizon

	capMin    float64   // lowest export capacity, as a share of the capacity before the shocks
	lost      float64   // Mt of exports lost at the recorded routing, rationed pro rata
	rerouted  float64   // Mt lost even with every route's spare capacity used
	daysShort float64   // days on which capacity is below the exports to carry
	stepCap   []float64 // per step: mean capacity, as a share of the capacity before
	stepLost  []float64 // per step: Mt lost at the recorded routing
}

func (p *plan) newOutcome() *outcome {
	n, s := len(leverage.Channels), len(p.labels)
	return &outcome{peak: make([]float64, n), end: make([]float64, n), stepCap: make([]float64, s), stepLost: make([]float64, s)}
}

// scratch holds a worker's buffers.
type scratch struct {
	tim    []timing
	str    []float64
	caps   []float64
	scores []float64
	key    []byte
	memo   [][]memoEntry // per channel: scores of this draw's states that are not cached
}

type memoEntry struct {
	key   string
	score float64
}

// cacheLimit bounds the scores a run keeps for reuse, so that memory does
// not grow with the number of draws.
const cacheLimit = 1 << 14

func (p *plan) newScratch() *scratch {
	return &scratch{tim: make([]timing, len(p.sc.Shocks)), str: make([]float64, len(p.sc.Shocks)),
		caps: make([]float64, len(p.capBase)), scores: make([]float64, len(leverage.Channels)),
		memo: make([][]memoEntry, len(leverage.Channels))}
}

// strengths sets s.str to each occurring shock's strength at day x.
func (p *plan) strengths(d *draw, s *scratch, x float64, only []bool) {
	for k := range s.str {
		s.str[k] = 0
		if d.occurs[k] && (only == nil || only[k]) {
			s.str[k] = s.tim[k].strength(x)
		}
	}
}

// evaluate plays draw d out into o.
func (p *plan) evaluate(d *draw, s *scratch, o *outcome) {
	for k := range p.sc.Shocks {
		if d.occurs[k] {
			s.tim[k] = p.l.timingOf(p.sc, d, k)
		}
	}
	p.scoresOver(d, s, o)
	p.path(d, s, o)
}

// scoresOver scores the holder's leverage at the moments shocks reach
// their full strength and on the last day of the horizon; the peak is the
// moment of largest change in the composite.
func (p *plan) scoresOver(d *draw, s *scratch, o *outcome) {
	last := p.span - 1
	moments := []float64{}
	for k := range p.sc.Shocks {
		if d.occurs[k] {
			if x := s.tim[k].peak(); x >= 0 && x <= last {
				moments = append(moments, x)
			}
		}
	}
	slices.Sort(moments)
	moments = append(slices.Compact(moments), last)
	for i := range s.memo {
		s.memo[i] = s.memo[i][:0]
	}
	best := -1.0
	for _, x := range moments {
		p.strengths(d, s, x, nil)
		var v *assess.Model
		for i := range leverage.Channels {
			key := s.key[:0]
			active, keep := false, true
			for _, k := range p.reach[i] {
				key = binary.LittleEndian.AppendUint64(key, math.Float64bits(s.str[k]))
				if s.str[k] != 0 {
					active = true
					keep = keep && s.str[k] == 1 && p.discrete[k]
					for _, j := range p.effect[k] {
						key = binary.LittleEndian.AppendUint64(key, math.Float64bits(d.value[j]))
					}
				}
			}
			s.key = key
			if !active {
				s.scores[i] = p.base[i]
				continue
			}
			if x, ok := p.cache[i].Load(string(key)); keep && ok {
				s.scores[i] = x.(float64)
				continue
			}
			if j := slices.IndexFunc(s.memo[i], func(e memoEntry) bool { return e.key == string(key) }); j >= 0 {
				s.scores[i] = s.memo[i][j].score
				continue
			}
			if v == nil {
				ch, _ := p.changes(d, s.str)
				v = p.m.With(ch)
			}
			s.scores[i] = p.scorer.Score(v, i)
			if !keep {
				s.memo[i] = append(s.memo[i], memoEntry{string(key), s.scores[i]})
			} else if p.cached.Load() < cacheLimit {
				if _, loaded := p.cache[i].LoadOrStore(string(key), s.scores[i]); !loaded {
					p.cached.Add(1)
				}
			}
		}
		comp := p.scorer.Composite(s.scores)
		if change := math.Abs(comp - p.baseComposite); change > best || math.IsNaN(best) {
			best = change
			copy(o.peak, s.scores)
			o.peakComp, o.peakDay = comp, x
		}
		if x == last {
			copy(o.end, s.scores)
			o.endComp = comp
		}
	}
}

// path follows the target's export system over the horizon: capacity,
// exports lost and days short, step by step.
func (p *plan) path(d *draw, s *scratch, o *outcome) {
	clear(o.stepCap)
	clear(o.stepLost)
	o.capMin, o.lost, o.rerouted, o.daysShort = 1, 0, 0, 0
	only := make([]bool, len(p.sc.Shocks))
	cuts := slices.Clone(p.steps)
	anyTransit := false
	for k := range p.sc.Shocks {
		if d.occurs[k] && p.transit[k] {
			only[k], anyTransit = true, true
			for _, x := range s.tim[k].breaks() {
				if x > 0 && x < p.span {
					cuts = append(cuts, x)
				}
			}
		}
	}
	if !anyTransit || !(p.capTotal > 0) {
		for i := range o.stepCap {
			o.stepCap[i] = 1
		}
		if p.capTotal > 0 && p.exportsQ() > p.capTotal {
			o.daysShort = p.span
		}
		return
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var total float64
	for _, v := range p.volumes {
		total += v
	}
	q := p.exportsQ()
	// at returns capacity, the rate lost pro rata and the rate lost
	// after rerouting, all in Mt/y, at day x.
	var lastStr []float64
	var lastC, lastLost float64
	at := func(x float64) (c, lost float64) {
		p.strengths(d, s, x, only)
		if lastStr != nil && slices.Equal(lastStr, s.str) {
			return lastC, lastLost
		}
		p.capacities(d, s.str, s.caps)
		c, err := p.sys.CapacityWith(s.caps)
		if err != nil {
			panic(err) // capacities are finite and non-negative
		}
		var kept float64
		for i, v := range p.volumes {
			r := 1.0
			for _, j := range p.routeOf[i] {
				if b := p.capBase[j]; b > 0 {
					r = math.Min(r, s.caps[j]/b)
				}
			}
			kept += v * r
		}
		lastStr = append(lastStr[:0], s.str...)
		lastC, lastLost = c, total-kept
		return c, total - kept
	}
	step := 0
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		for step+1 < len(p.steps)-1 && p.steps[step+1] <= a {
			step++
		}
		n := 1
		ca, la := at(a)
		cb, lb := at(b - 1e-9)
		if ca != cb || la != lb {
			// Recovering. Capacity is piecewise linear in the strengths;
			// where the midpoint shows it linear over the whole interval,
			// one piece is exact, otherwise take weekly pieces.
			cm, lm := at((a + b) / 2)
			if math.Abs(cm-(ca+cb)/2) > 1e-9*p.capTotal || math.Abs(lm-(la+lb)/2) > 1e-9*p.capTotal {
				n = int(math.Ceil((b - a) / 7))
			}
		}
		x0, c0, l0 := a, ca, la
		for j := 1; j <= n; j++ {
			x1 := a + (b-a)*float64(j)/float64(n)
			c1, l1 := cb, lb
			if j < n {
				c1, l1 = at(x1)
			}
			w := x1 - x0
			o.stepCap[step] += (c0 + c1) / 2 * w
			lost := (l0 + l1) / 2 * w / 365.25
			o.stepLost[step] += lost
			o.lost += lost
			o.rerouted += (rerouted(c0, total) + rerouted(c1, total)) / 2 * w / 365.25
			o.daysShort += below(c0, c1, q) * w
			o.capMin = math.Min(o.capMin, math.Min(c0, c1)/p.capTotal)
			x0, c0, l0 = x1, c1, l1
		}
	}
	for i := range o.stepCap {
		o.stepCap[i] /= (p.steps[i+1] - p.steps[i]) * p.capTotal
	}
}

// exportsQ is the volume to carry for the N-1 line: the recorded exports,
// or the routes' recorded volumes when there is no total.
func (p *plan) exportsQ() float64 {
	if !math.IsNaN(p.exports) {
		return p.exports
	}
	var v float64
	for _, x := range p.volumes {
		v += x
	}
	return v
}

func rerouted(c, volume float64) float64 { return math.Max(0, volume-c) }

// below returns the share of a piece over which capacity, moving linearly
// from c0 to c1, is below q.
func below(c0, c1, q float64) float64 {
	switch {
	case c0 >= q && c1 >= q:
		return 0
	case c0 < q && c1 < q:
		return 1
	case c0 < q:
		return (q - c0) / (c1 - c0)
	}
	return (q - c1) / (c0 - c1)
}
