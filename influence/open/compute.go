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
	return findYear(x.year, int(x.start[r]), int(x.start[r+1]), t)
}

// findYear returns the row of year t among rows lo to hi of year, whose
// years increase, or -1.
func findYear(year []int16, lo, hi int, t int16) int {
	// Years are distinct and increasing, so year t is at most t - year[lo]
	// rows past lo: the guess is exact when there are no gaps.
	g := lo + int(t) - int(year[lo])
	if g < lo {
		return -1
	}
	if g < hi {
		if year[g] == t {
			return g
		}
		hi = g
	}
	end := hi
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if year[m] < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < end && year[lo] == t {
		return lo
	}
	return -1
}

// universe puts the universe rows in [from, to] in order into the result's
// keys and indexes them.
func (c *computation) universe(u *Dyads) error {
	// In parallel: count the rows in range, check their codes and whether
	// they are in order.
	type part struct {
		n           int
		sorted      bool
		first, last uint64
		bad         int // first row with a code out of range, or -1
	}
	split := splitN(u.Len(), c.procs)
	parts := make([]part, len(split)-1)
	parallel(split, func(j, lo, hi int) {
		p := part{sorted: true, bad: -1}
		for i := lo; i < hi; i++ {
			t := int(u.Year[i])
			if t < c.from || t > c.to {
				continue
			}
			a, b := int(u.CCode1[i]), int(u.CCode2[i])
			if a < 0 || a >= MaxCCode || b < 0 || b >= MaxCCode {
				p.bad = i
				break
			}
			k := uint64(a)<<32 | uint64(b)<<16 | uint64(t-c.from)
			if p.n == 0 {
				p.first = k
			} else if k <= p.last {
				p.sorted = false
			}
			p.last = k
			p.n++
		}
		parts[j] = p
	})
	n, sorted := 0, true
	var last uint64
	for _, p := range parts {
		if p.bad >= 0 {
			i := p.bad
			return fmt.Errorf("universe: row %d: state code out of range 0 to %d: %d, %d", i+1, MaxCCode-1, u.CCode1[i], u.CCode2[i])
		}
		if p.n == 0 {
			continue
		}
		sorted = sorted && p.sorted && (n == 0 || p.first > last)
		last = p.last
		n += p.n
	}
	res := &Result{
		CCode1: make([]int16, n), CCode2: make([]int16, n), Year: make([]int16, n),
		BWTrade: make([]float64, n), IGOs: make([]float64, n), Ally: make([]float64, n),
		DepShare: make([]float64, n), DepImp: make([]float64, n),
		Bandwidth: make([]float64, n), Dependence: make([]float64, n), Index: make([]float64, n),
	}
	c.res = res
	if sorted {
		parallel(split, func(j, lo, hi int) {
			k := 0
			for _, p := range parts[:j] {
				k += p.n
			}
			for i := lo; i < hi; i++ {
				if y := u.Year[i]; int(y) >= c.from && int(y) <= c.to {
					res.CCode1[k], res.CCode2[k], res.Year[k] = u.CCode1[i], u.CCode2[i], y
					k++
				}
			}
		})
	} else {
		keys := make([]uint64, 0, n)
		for i, y := range u.Year {
			if t := int(y); t >= c.from && t <= c.to {
				keys = append(keys, uint64(u.CCode1[i])<<32|uint64(u.CCode2[i])<<16|uint64(t-c.from))
			}
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 && k == keys[i-1] {
				return fmt.Errorf("universe: dyad %d %d year %d given twice", k>>32, k>>16&0xffff, int(k&0xffff)+c.from)
			}
			res.CCode1[i], res.CCode2[i], res.Year[i] = int16(k>>32), int16(k>>16&0xffff), int16(int(k&0xffff)+c.from)
		}
	}
	for i := range c.code {
		c.code[i] = -1
	}
	for i := range n {
		c.code[res.CCode1[i]], c.code[res.CCode2[i]] = 0, 0
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
			c.dyads.slot[int(c.code[res.CCode1[i]])*c.k+int(c.code[res.CCode2[i]])] = int32(len(c.dyads.start))
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

// cursor finds universe rows for the rows of a table. It remembers the
// last dyad it looked up, as tables come sorted by dyad.
type cursor struct {
	c      *computation
	a, b   int16
	lo, hi int // the dyad's universe rows; lo is -1 when it has none
	used   bool
}

// row returns the universe row of (a, b, t), or -1.
func (q *cursor) row(a, b, t int16) int {
	if !q.used || a != q.a || b != q.b {
		q.a, q.b, q.used = a, b, true
		q.lo = -1
		c := q.c
		if ia, ib := c.state(a), c.state(b); ia >= 0 && ib >= 0 {
			if r := c.dyads.slot[ia*c.k+ib]; r >= 0 {
				q.lo, q.hi = int(c.dyads.start[r]), int(c.dyads.start[r+1])
			}
		}
	}
	if q.lo < 0 {
		return -1
	}
	return findYear(q.c.res.Year, q.lo, q.hi, t)
}

// bitset marks universe rows a table has given.
type bitset []uint64

func (s bitset) set(i int) (was bool) {
	was = s[i>>6]&(1<<(i&63)) != 0
	s[i>>6] |= 1 << (i & 63)
	return was
}

// fill returns x with NaN as 0 (pandas' fillna(0.0)).
func fill(x float64) float64 {
	if x != x {
		return 0
	}
	return x
}

// join puts each table's values on the universe rows they belong to (spec
// step 2, the left joins): ln(1 + trade) into BWTrade, and for now trade
// into DepShare and B's imports from A into DepImp; IGOs and the alliance
// score into their columns.
func (c *computation) join(in *Inputs) error {
	res := c.res
	n := res.Len()
	errs := make([]error, 3)
	var wg sync.WaitGroup
	twice := func(table string, a, b, t int16) error {
		return fmt.Errorf("%s: dyad %d %d year %d given twice", table, a, b, t)
	}
	wg.Go(func() {
		tr := &in.Trade
		seen := make(bitset, n/64+1)
		fwd, rev := cursor{c: c}, cursor{c: c}
		for i, t := range tr.Year {
			a, b := tr.CCode1[i], tr.CCode2[i]
			if a > b {
				continue // the spec's layout has ccode1 < ccode2; the reference finds no such pair
			}
			f1, f2 := fill(tr.Flow1[i]), fill(tr.Flow2[i])
			trade := f1 + f2
			bw := log1p(trade)
			// DepShare holds trade until movingAverage.
			if r := fwd.row(a, b, t); r >= 0 {
				if seen.set(r) {
					errs[0] = twice("trade", a, b, t)
					return
				}
				res.BWTrade[r], res.DepShare[r] = bw, trade
				if a == b {
					res.DepImp[r] = f1
				} else {
					res.DepImp[r] = f2 // B = ccode2 imports flow2 from A = ccode1
				}
			}
			if a == b {
				continue
			}
			if r := rev.row(b, a, t); r >= 0 {
				if seen.set(r) {
					errs[0] = twice("trade", a, b, t)
					return
				}
				res.BWTrade[r], res.DepShare[r] = bw, trade
				res.DepImp[r] = f1
			}
		}
	})
	wg.Go(func() {
		g := &in.IGOs
		seen := make(bitset, n/64+1)
		fwd, rev := cursor{c: c}, cursor{c: c}
		for i, t := range g.Year {
			a, b := g.CCode1[i], g.CCode2[i]
			if a > b {
				continue
			}
			v := fill(g.Shared[i])
			if r := fwd.row(a, b, t); r >= 0 {
				if seen.set(r) {
					errs[1] = twice("IGOs", a, b, t)
					return
				}
				res.IGOs[r] = v
			}
			if a == b {
				continue
			}
			if r := rev.row(b, a, t); r >= 0 {
				if seen.set(r) {
					errs[1] = twice("IGOs", a, b, t)
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
		q := cursor{c: c}
		for i, t := range al.Year {
			r := q.row(al.CCode1[i], al.CCode2[i], t)
			if r < 0 {
				continue
			}
			if seen.set(r) {
				errs[2] = twice("alliances", al.CCode1[i], al.CCode2[i], t)
				return
			}
			// Left to right, each product rounded, as the reference has it.
			v := float64(w.defense*al.Defense[i]) + float64(w.offense*al.Offense[i])
			v += float64(w.neutral * al.Neutral[i])
			v += float64(w.nonagg * al.NonAgg[i])
			v += float64(w.consul * al.Consul[i])
			res.Ally[r] = fill(v)
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
		imp := fill(s.Imports[i])
		sy.year[j] = s.Year[i]
		sy.imports[j] = imp
		sy.totals[j] = imp + fill(s.Exports[i])
	}
	sy.start = append(sy.start, int32(n))
	return sy, nil
}

// movingAverage computes the raw indicators from the joined columns and
// replaces them by their 3-year moving averages (spec steps 2 and 3).
func (c *computation) movingAverage(sy *stateYears) {
	res, start := c.res, c.dyads.start
	parallel(c.splitRuns(), func(_, lo, hi int) {
		for d := lo; d < hi; d++ {
			// B's state-years, walked along with the dyad's years.
			q, qe := 0, 0
			if r := sy.slot[c.code[res.CCode2[start[d]]]]; r >= 0 {
				q, qe = int(sy.start[r]), int(sy.start[r+1])
			}
			// The reference sums lags 0, 1 and 2 in that order, a missing
			// lag or NaN adding 0, and counts the lags whose bw_trade is
			// not NaN. p1 and p2 are the last two rows' raw indicators,
			// y1 and y2 their years.
			var p1, p2 lag
			y1, y2 := math.MinInt, math.MinInt
			for i := int(start[d]); i < int(start[d+1]); i++ {
				t := int(res.Year[i])
				for q < qe && int(sy.year[q]) < t {
					q++
				}
				var impB, totB float64
				if q < qe && int(sy.year[q]) == t {
					impB, totB = sy.imports[q], sy.totals[q]
				}
				trade := res.DepShare[i] // the join left trade here, ln(1 + trade) in BWTrade
				cur := newLag(res.BWTrade[i], res.IGOs[i], res.Ally[i], share(trade, totB), share(res.DepImp[i], impB))
				sum := cur
				if y1 == t-1 {
					sum.add(&p1)
				}
				if y1 == t-2 {
					sum.add(&p1)
				} else if y2 == t-2 {
					sum.add(&p2)
				}
				res.BWTrade[i] = sum.bw / sum.n
				res.IGOs[i] = sum.igos / sum.n
				res.Ally[i] = sum.ally / sum.n
				res.DepShare[i] = sum.share / sum.n
				res.DepImp[i] = sum.imp / sum.n
				p2, y2 = p1, y1
				p1, y1 = cur, t
			}
		}
	})
}

// lag is one dyad-year's raw indicators, NaN and -0 as 0, and n, 1 if its
// bw_trade is not NaN, else 0; or sums of them.
type lag struct {
	bw, igos, ally, share, imp float64
	n                          float64
}

func newLag(bw, igos, ally, share, imp float64) lag {
	l := lag{bw: fill(bw) + 0, igos: fill(igos) + 0, ally: fill(ally) + 0, share: fill(share) + 0, imp: fill(imp) + 0}
	if bw == bw {
		l.n = 1
	}
	return l
}

func (l *lag) add(m *lag) {
	l.bw += m.bw
	l.igos += m.igos
	l.ally += m.ally
	l.share += m.share
	l.imp += m.imp
	l.n += m.n
}

// log1p is math.Log1p, quicker for 0, the commonest argument.
func log1p(x float64) float64 {
	if x == 0 {
		return x
	}
	return math.Log1p(x)
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
	p := len(split) - 1
	m := make([][3]float64, p)
	parallel(split, func(j, lo, hi int) {
		m[j] = [3]float64{maxNaN(res.BWTrade[lo:hi]), maxNaN(res.IGOs[lo:hi]), maxNaN(res.Ally[lo:hi])}
	})
	mTrade, mIGOs, mAlly := math.NaN(), math.NaN(), math.NaN()
	for _, x := range m {
		mTrade, mIGOs, mAlly = max2(mTrade, x[0]), max2(mIGOs, x[1]), max2(mAlly, x[2])
	}
	parallel(split, func(j, lo, hi int) {
		mBW, mDep := math.NaN(), math.NaN()
		for i := lo; i < hi; i++ {
			bw := float64(w.trade*scale(res.BWTrade[i], mTrade)) + float64(w.igos*scale(res.IGOs[i], mIGOs))
			bw += float64(w.ally * scale(res.Ally[i], mAlly))
			dep := float64(w.depShare*log1p(res.DepShare[i])) + float64(w.depImp*log1p(res.DepImp[i]))
			res.Bandwidth[i], res.Dependence[i] = bw, dep
			mBW, mDep = max2(mBW, bw), max2(mDep, dep)
		}
		m[j] = [3]float64{mBW, mDep}
	})
	mBW, mDep := math.NaN(), math.NaN()
	for _, x := range m {
		mBW, mDep = max2(mBW, x[0]), max2(mDep, x[1])
	}
	parallel(split, func(j, lo, hi int) {
		mIdx := math.NaN()
		for i := lo; i < hi; i++ {
			bw, dep := scale(res.Bandwidth[i], mBW), scale(res.Dependence[i], mDep)
			res.Bandwidth[i], res.Dependence[i], res.Index[i] = bw, dep, bw*dep
			mIdx = max2(mIdx, bw*dep)
		}
		m[j][0] = mIdx
	})
	mIdx := math.NaN()
	for _, x := range m {
		mIdx = max2(mIdx, x[0])
	}
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

// max2 returns the greater of m and v, skipping NaN (pandas' max).
func max2(m, v float64) float64 {
	if v > m || m != m {
		return v
	}
	return m
}

// maxNaN returns the maximum of x, skipping NaN; NaN if there is none.
func maxNaN(x []float64) float64 {
	m := math.NaN()
	for _, v := range x {
		m = max2(m, v)
	}
	return m
}

// splitRows splits the result's rows into one range per processor: range j
// is split[j] to split[j+1].
func (c *computation) splitRows() []int { return splitN(c.res.Len(), c.procs) }

// splitN splits n rows into p ranges, fewer if n is small.
func splitN(n, p int) []int {
	p = max(1, min(p, n/4096))
	split := make([]int, p+1)
	for j := range split {
		split[j] = n * j / p
	}
	return split
}

// splitRuns splits the universe's dyads into one range per processor, of
// about as many rows each.
func (c *computation) splitRuns() []int {
	split := c.splitRows()
	for j, row := range split {
		split[j], _ = slices.BinarySearch(c.dyads.start, int32(row))
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
