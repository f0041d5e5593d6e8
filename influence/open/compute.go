package open

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/leverage-dev/leverage/influence"
)

// Result is the open index of every dyad-year of the universe, as columns,
// one row per dyad-year, sorted by ccode1, ccode2 and year.
type Result struct {
	CCode1, CCode2, Year []int16

	// The raw indicators, each averaged over years t-2, t-1 and t of the
	// same directed dyad (spec step 3), before scaling.
	BWTrade  []float64 // ln(1 + trade)
	IGOs     []float64 // shared IGO memberships
	Ally     []float64 // alliance score
	DepShare []float64 // 100 trade / total trade of B, capped at 100
	DepImp   []float64 // 100 imports of B from A / imports of B, capped at 100

	Bandwidth  []float64 // in [0, 1]
	Dependence []float64 // in [0, 1]
	Index      []float64 // bandwidth · dependence, scaled to max 1
}

// Len returns the number of rows.
func (r *Result) Len() int { return len(r.Year) }

// Find returns the row of (ccode1, ccode2, year), and whether there is one.
func (r *Result) Find(ccode1, ccode2, year int) (int, bool) {
	key := func(i int) [3]int { return [3]int{int(r.CCode1[i]), int(r.CCode2[i]), int(r.Year[i])} }
	want := [3]int{ccode1, ccode2, year}
	less := func(a, b [3]int) bool {
		return a[0] < b[0] || a[0] == b[0] && (a[1] < b[1] || a[1] == b[1] && a[2] < b[2])
	}
	lo, hi := 0, r.Len()
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if less(key(m), want) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < r.Len() && key(lo) == want
}

// Compute computes the open index, with weights w, over the universe rows
// of in whose year lies in [from, to] (1950 and 2014 in the spec). It
// returns an error if w is not a weights set of the open profile (see
// [CheckWeights]), if a state code of the universe is outside [0,
// MaxCCode), or if a table gives a dyad-year (state-year) of the universe
// twice.
func Compute(ctx context.Context, in *Inputs, w influence.Weights, from, to int) (*Result, error) {
	wt, err := weightsOf(w)
	if err != nil {
		return nil, err
	}
	if from > to || from < math.MinInt16 || to > math.MaxInt16 {
		return nil, fmt.Errorf("open index: bad year range %d to %d", from, to)
	}
	if err := in.check(); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	c := &computation{from: from, to: to, w: wt, procs: runtime.GOMAXPROCS(0)}
	if err := c.universe(&in.Universe); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := c.join(in); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.aggregate()
	return c.res, nil
}

// computation holds the state of one Compute.
type computation struct {
	from, to int
	w        weights
	procs    int
	res      *Result

	code  [MaxCCode]int16 // dense index of a state code of the universe, or -1
	k     int             // number of states in the universe
	dyads runs            // universe rows by directed dyad
}

// runs indexes rows sorted by key and year: run slot[key] spans rows
// start[run] to start[run+1], whose years increase.
type runs struct {
	slot  []int32 // by key: run, or -1
	start []int32
	year  []int16 // by row
}

// find returns the row of (key, t), or -1.
func (x *runs) find(key int, t int16) int {
	r := x.slot[key]
	if r < 0 {
		return -1
	}
	lo, hi := int(x.start[r]), int(x.start[r+1])
	// Years are distinct and increasing, so year t is at most
	// t - year[lo] rows past lo: the guess is exact when there are no gaps.
	g := lo + int(t) - int(x.year[lo])
	if g < lo {
		return -1
	}
	if g < hi {
		if x.year[g] == t {
			return g
		}
		hi = g
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.year[m] < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(x.start[r+1]) && x.year[lo] == t {
		return lo
	}
	return -1
}

// universe sorts the universe rows in [from, to] into the result's keys and
// indexes them.
func (c *computation) universe(u *Dyads) error {
	keys := make([]uint64, 0, u.Len())
	sorted := true
	var last uint64
	for i, y := range u.Year {
		t := int(y)
		if t < c.from || t > c.to {
			continue
		}
		a, b := int(u.CCode1[i]), int(u.CCode2[i])
		if a < 0 || a >= MaxCCode || b < 0 || b >= MaxCCode {
			return fmt.Errorf("universe: row %d: state code out of range 0 to %d: %d, %d", i+1, MaxCCode-1, a, b)
		}
		k := uint64(a)<<32 | uint64(b)<<16 | uint64(t-c.from)
		sorted = sorted && k > last || len(keys) == 0
		last = k
		keys = append(keys, k)
	}
	if !sorted {
		slices.Sort(keys)
	}
	n := len(keys)
	res := &Result{
		CCode1: make([]int16, n), CCode2: make([]int16, n), Year: make([]int16, n),
		BWTrade: make([]float64, n), IGOs: make([]float64, n), Ally: make([]float64, n),
		DepShare: make([]float64, n), DepImp: make([]float64, n),
		Bandwidth: make([]float64, n), Dependence: make([]float64, n), Index: make([]float64, n),
	}
	c.res = res
	for i := range c.code {
		c.code[i] = -1
	}
	for i, k := range keys {
		if i > 0 && k == keys[i-1] {
			return fmt.Errorf("universe: dyad %d %d year %d given twice", k>>32, k>>16&0xffff, int(k&0xffff)+c.from)
		}
		a, b := int16(k>>32), int16(k>>16&0xffff)
		res.CCode1[i], res.CCode2[i], res.Year[i] = a, b, int16(int(k&0xffff)+c.from)
		c.code[a], c.code[b] = 0, 0
	}
	for i := range c.code {
		if c.code[i] == 0 {
			c.code[i] = int16(c.k)
			c.k++
		}
	}
	c.dyads = runs{slot: make([]int32, c.k*c.k), year: res.Year}
	for i := range c.dyads.slot {
		c.dyads.slot[i] = -1
	}
	for i := range n {
		if i == 0 || res.CCode1[i] != res.CCode1[i-1] || res.CCode2[i] != res.CCode2[i-1] {
			c.dyads.slot[c.dyadKey(res.CCode1[i], res.CCode2[i])] = int32(len(c.dyads.start))
			c.dyads.start = append(c.dyads.start, int32(i))
		}
	}
	c.dyads.start = append(c.dyads.start, int32(n))
	return nil
}

// state returns the dense index of a state code, or -1 for one not in the
// universe.
func (c *computation) state(code int16) int {
	if code < 0 || int(code) >= MaxCCode {
		return -1
	}
	return int(c.code[code])
}

// dyadKey returns the key of a directed dyad of universe states.
func (c *computation) dyadKey(a, b int16) int { return int(c.code[a])*c.k + int(c.code[b]) }

// row returns the universe row of (a, b, t), or -1.
func (c *computation) row(a, b int16, t int16) int {
	if int(t) < c.from || int(t) > c.to {
		return -1
	}
	ia, ib := c.state(a), c.state(b)
	if ia < 0 || ib < 0 {
		return -1
	}
	return c.dyads.find(ia*c.k+ib, t)
}

// bitset marks universe rows a table has given.
type bitset []uint64

func (s bitset) set(i int) (was bool) {
	was = s[i>>6]&(1<<(i&63)) != 0
	s[i>>6] |= 1 << (i & 63)
	return was
}

func zeroNaN(x float64) float64 {
	if x != x {
		return 0
	}
	return x
}

// join puts each table's values on the universe rows they belong to (spec
// step 2, the left joins): trade into BWTrade and B's imports from A into
// DepImp for now, IGOs and the alliance score into their columns.
func (c *computation) join(in *Inputs) error {
	res := c.res
	n := res.Len()
	errs := make([]error, 3)
	var wg sync.WaitGroup
	wg.Go(func() {
		tr := &in.Trade
		seen := make(bitset, n/64+1)
		for i, t := range tr.Year {
			a, b := tr.CCode1[i], tr.CCode2[i]
			if a > b {
				continue // the spec's layout has ccode1 < ccode2; the reference finds no such pair
			}
			f1, f2 := zeroNaN(tr.Flow1[i]), zeroNaN(tr.Flow2[i])
			trade := f1 + f2
			if r := c.row(a, b, t); r >= 0 {
				if seen.set(r) {
					errs[0] = fmt.Errorf("trade: dyad %d %d year %d given twice", a, b, t)
					return
				}
				res.BWTrade[r] = trade
				if a == b {
					res.DepImp[r] = f1
				} else {
					res.DepImp[r] = f2 // B = ccode2 imports flow2 from A = ccode1
				}
			}
			if a == b {
				continue
			}
			if r := c.row(b, a, t); r >= 0 {
				if seen.set(r) {
					errs[0] = fmt.Errorf("trade: dyad %d %d year %d given twice", a, b, t)
					return
				}
				res.BWTrade[r] = trade
				res.DepImp[r] = f1
			}
		}
	})
	wg.Go(func() {
		g := &in.IGOs
		seen := make(bitset, n/64+1)
		for i, t := range g.Year {
			a, b := g.CCode1[i], g.CCode2[i]
			if a > b {
				continue
			}
			v := zeroNaN(g.Shared[i])
			if r := c.row(a, b, t); r >= 0 {
				if seen.set(r) {
					errs[1] = fmt.Errorf("IGOs: dyad %d %d year %d given twice", a, b, t)
					return
				}
				res.IGOs[r] = v
			}
			if a == b {
				continue
			}
			if r := c.row(b, a, t); r >= 0 {
				if seen.set(r) {
					errs[1] = fmt.Errorf("IGOs: dyad %d %d year %d given twice", a, b, t)
					return
				}
				res.IGOs[r] = v
			}
		}
	})
	wg.Go(func() {
		al := &in.Alliances
		w := &c.w
		seen := make(bitset, n/64+1)
		for i, t := range al.Year {
			r := c.row(al.CCode1[i], al.CCode2[i], t)
			if r < 0 {
				continue
			}
			if seen.set(r) {
				errs[2] = fmt.Errorf("alliances: dyad %d %d year %d given twice", al.CCode1[i], al.CCode2[i], t)
				return
			}
			// Left to right, each product rounded, as the reference has it.
			v := float64(w.defense*al.Defense[i]) + float64(w.offense*al.Offense[i])
			v += float64(w.neutral * al.Neutral[i])
			v += float64(w.nonagg * al.NonAgg[i])
			v += float64(w.consul * al.Consul[i])
			res.Ally[r] = zeroNaN(v)
		}
	})
	states, err := c.stateTrade(&in.StateTrade)
	wg.Wait()
	if err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	c.movingAverage(states)
	return nil
}

// stateYears is the state trade table restricted to universe states and
// years, sorted and indexed by state.
type stateYears struct {
	runs
	imports, totals []float64 // missing counts as 0
}

func (c *computation) stateTrade(s *StateTrade) (*stateYears, error) {
	keys := make([]uint64, 0, s.Len())
	for i, y := range s.Year {
		k := c.state(s.CCode[i])
		if k < 0 || int(y) < c.from || int(y) > c.to {
			continue
		}
		keys = append(keys, uint64(k)<<48|uint64(int(y)-c.from)<<32|uint64(i))
	}
	slices.Sort(keys)
	sy := &stateYears{runs: runs{slot: make([]int32, c.k)}}
	for i := range sy.slot {
		sy.slot[i] = -1
	}
	n := len(keys)
	sy.year = make([]int16, n)
	sy.imports = make([]float64, n)
	sy.totals = make([]float64, n)
	for j, k := range keys {
		state, i := int(k>>48), int(k&0xffffffff)
		if j > 0 && k>>32 == keys[j-1]>>32 {
			return nil, fmt.Errorf("state trade: state %d year %d given twice", s.CCode[i], s.Year[i])
		}
		if j == 0 || state != int(keys[j-1]>>48) {
			sy.slot[state] = int32(len(sy.start))
			sy.start = append(sy.start, int32(j))
		}
		imp := zeroNaN(s.Imports[i])
		sy.year[j] = s.Year[i]
		sy.imports[j] = imp
		sy.totals[j] = imp + zeroNaN(s.Exports[i])
	}
	sy.start = append(sy.start, int32(n))
	return sy, nil
}

// lagged is one dyad-year's raw indicators.
type lagged struct {
	year int
	v    [5]float64 // bw_trade, igos, ally, dep_share, dep_imp
}

// movingAverage computes the raw indicators from the joined columns and
// replaces them by their 3-year moving averages (spec steps 2 and 3).
func (c *computation) movingAverage(sy *stateYears) {
	res := c.res
	parallel(c.splitDyads(), func(_, lo, hi int) {
		var prev [2]lagged // the dyad's last two rows, latest first
		for i := lo; i < hi; i++ {
			t := int(res.Year[i])
			if i == lo || res.CCode1[i] != res.CCode1[i-1] || res.CCode2[i] != res.CCode2[i-1] {
				prev[0].year, prev[1].year = math.MinInt, math.MinInt
			}
			trade, impBA := res.BWTrade[i], res.DepImp[i]
			var impB, totB float64
			if s := sy.find(int(c.code[res.CCode2[i]]), res.Year[i]); s >= 0 {
				impB, totB = sy.imports[s], sy.totals[s]
			}
			cur := lagged{year: t, v: [5]float64{math.Log1p(trade), res.IGOs[i], res.Ally[i], share(trade, totB), share(impBA, impB)}}
			// The reference sums lag 0, then 1, then 2, each missing lag
			// adding 0, and counts the lags whose bw_trade is not NaN.
			var sum [5]float64
			n := 0.0
			add := func(l *lagged) {
				if l == nil {
					for j := range sum {
						sum[j] += 0
					}
					return
				}
				if l.v[0] == l.v[0] {
					n++
				}
				for j, x := range l.v {
					sum[j] += zeroNaN(x)
				}
			}
			add(&cur)
			var lag1, lag2 *lagged
			if prev[0].year == t-1 {
				lag1 = &prev[0]
			}
			if prev[0].year == t-2 {
				lag2 = &prev[0]
			} else if prev[1].year == t-2 {
				lag2 = &prev[1]
			}
			add(lag1)
			add(lag2)
			res.BWTrade[i] = sum[0] / n
			res.IGOs[i] = sum[1] / n
			res.Ally[i] = sum[2] / n
			res.DepShare[i] = sum[3] / n
			res.DepImp[i] = sum[4] / n
			prev[1], prev[0] = prev[0], cur
		}
	})
}

// share returns 100 x / total if total > 0, else 0, capped at 100.
func share(x, total float64) float64 {
	v := 0.0
	if total > 0 {
		v = 100 * x / total
	}
	if v > 100 {
		v = 100
	}
	return v
}

// aggregate scales the averaged indicators and combines them into
// bandwidth, dependence and the index (spec steps 4 and 5).
func (c *computation) aggregate() {
	res, w := c.res, &c.w
	split := c.splitRows()
	mTrade, mIGOs, mAlly := maxOf(split, res.BWTrade), maxOf(split, res.IGOs), maxOf(split, res.Ally)
	parallel(split, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			bw := float64(w.trade*scale(res.BWTrade[i], mTrade)) + float64(w.igos*scale(res.IGOs[i], mIGOs))
			res.Bandwidth[i] = bw + float64(w.ally*scale(res.Ally[i], mAlly))
			res.Dependence[i] = float64(w.depShare*math.Log1p(res.DepShare[i])) + float64(w.depImp*math.Log1p(res.DepImp[i]))
		}
	})
	mBW, mDep := maxOf(split, res.Bandwidth), maxOf(split, res.Dependence)
	parallel(split, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			bw, dep := scale(res.Bandwidth[i], mBW), scale(res.Dependence[i], mDep)
			res.Bandwidth[i], res.Dependence[i], res.Index[i] = bw, dep, bw*dep
		}
	})
	mIdx := maxOf(split, res.Index)
	parallel(split, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			res.Index[i] = scale(res.Index[i], mIdx)
		}
	})
}

// scale returns x / m if m > 0, else x · 0: the reference's nmax, m being
// the maximum.
func scale(x, m float64) float64 {
	if m > 0 {
		return x / m
	}
	return x * 0
}

// maxOf returns the maximum of x, skipping NaN; NaN if there is none.
func maxOf(split []int, x []float64) float64 {
	ms := make([]float64, len(split)-1)
	parallel(split, func(j, lo, hi int) {
		m := math.NaN()
		for _, v := range x[lo:hi] {
			if v > m || m != m && v == v {
				m = v
			}
		}
		ms[j] = m
	})
	m := math.NaN()
	for _, v := range ms {
		if v > m || m != m && v == v {
			m = v
		}
	}
	return m
}

// splitRows splits the result's rows into one range per processor: range j
// is split[j] to split[j+1].
func (c *computation) splitRows() []int {
	n := c.res.Len()
	p := max(1, min(c.procs, n/4096))
	split := make([]int, p+1)
	for j := range split {
		split[j] = n * j / p
	}
	return split
}

// splitDyads is splitRows with each boundary moved to a dyad's first row.
func (c *computation) splitDyads() []int {
	split := c.splitRows()
	res := c.res
	for j := 1; j < len(split)-1; j++ {
		i := max(split[j], split[j-1])
		for i > 0 && i < res.Len() && res.CCode1[i] == res.CCode1[i-1] && res.CCode2[i] == res.CCode2[i-1] {
			i++
		}
		split[j] = i
	}
	return split
}

// parallel runs f on each range j of split, concurrently.
func parallel(split []int, f func(j, lo, hi int)) {
	var wg sync.WaitGroup
	for j := 0; j+1 < len(split); j++ {
		wg.Go(func() { f(j, split[j], split[j+1]) })
	}
	wg.Wait()
}
