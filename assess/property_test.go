package assess_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// randomWorld builds a small model of four states, two organisations,
// five assets and three routes with random facts of every relation the
// channels read. Values stay in the ranges the relations allow.
func randomWorld(r *rand.Rand) *world {
	states := []string{"S1", "S2", "S3", "S4"}
	w := newWorld()
	for _, s := range states {
		w.actor(s, leverage.State, "State "+s)
	}
	w.actor("O1", leverage.Organisation, "Org 1").actor("O2", leverage.Organisation, "Org 2").
		actor("SITE", leverage.Place, "Site")
	n := 0
	add := func(subject, rel, object string, opts ...opt) {
		n++
		w.fact(fmt.Sprintf("f%d", n), subject, rel, object, opts...)
	}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	state := func() string { return pick(states...) }
	other := func(s string) string {
		for {
			if o := state(); o != s {
				return o
			}
		}
	}
	yr := func() opt { return year(2008 + r.IntN(16)) }
	num := func(hi float64) opt {
		if r.IntN(8) == 0 {
			return val(0)
		}
		return val(r.Float64() * hi)
	}
	code := func(lo, hi int) opt { return val(float64(lo + r.IntN(hi-lo+1))) }
	period := func() []opt {
		var o []opt
		if r.IntN(3) > 0 {
			o = append(o, from(fmt.Sprintf("%d-%02d", 2000+r.IntN(24), 1+r.IntN(12))))
		}
		if r.IntN(3) == 0 {
			o = append(o, until(fmt.Sprintf("%d", 2010+r.IntN(20))))
		}
		return o
	}
	times := func(k int, f func()) {
		for range r.IntN(k + 1) {
			f()
		}
	}

	for _, o := range []string{"O1", "O2"} {
		add(o, "org_type", "", text(pick("customs_union", "economic_union", "security_alliance", "political_cooperation")))
	}
	times(6, func() { add(state(), "member_of", pick("O1", "O2"), period()...) })

	// Energy: assets, routes of one or two exporters.
	assets := []string{"A1", "A2", "A3", "A4", "A5"}
	for _, a := range assets {
		w.actor(a, leverage.Asset, "Asset "+a)
		if r.IntN(4) > 0 {
			add(a, "capacity", "", num(50))
		}
		times(2, func() { add(a, "crosses", state()) })
	}
	for i := range 3 {
		route := fmt.Sprintf("R%d", i+1)
		w.actor(route, leverage.Route, "Route "+route)
		add(state(), "exports_via", route)
		first := pick(assets...)
		add(route, "route_segment", first, val(1))
		if second := pick(assets...); second != first {
			add(route, "route_segment", second, val(2))
		}
		times(4, func() {
			opts := []opt{num(30), yr()}
			if r.IntN(4) == 0 {
				opts = append(opts, text("Jan-Oct"))
			}
			add(route, "route_volume", "", opts...)
		})
	}
	times(2, func() { add(state(), "oil_exports", "", num(100), yr()) })

	// Trade.
	for range 12 {
		s := state()
		switch rel := pick("exports_to", "imports_from", "trade_with", "export_share", "import_share", "trade_share", "exports_total", "imports_total", "gdp", "partner_hhi"); rel {
		case "exports_total", "imports_total", "gdp":
			add(s, rel, "", num(5000), yr())
		case "partner_hhi":
			add(s, rel, "", val(0.05+0.95*r.Float64()), yr())
		case "export_share", "import_share", "trade_share":
			opts := []opt{num(100), yr()}
			if r.IntN(3) == 0 {
				opts = append(opts, text("H1"))
			}
			add(s, rel, other(s), opts...)
		default:
			add(s, rel, other(s), num(2000), yr())
		}
	}

	// Bloc and security.
	times(6, func() { add(state(), "cinc", "", num(0.1), yr()) })
	times(2, func() { s := state(); add(s, "igo_shared", other(s), code(0, 40), yr()) })
	times(2, func() { add(state(), "igo_total", "", code(0, 80), yr()) })
	times(2, func() { s := state(); add(s, "defense_pact", other(s), code(0, 1), yr()) })
	times(1, func() {
		add(state(), "leases_facility", "SITE", period()...)
		add("SITE", "located_in", state())
	})
	times(3, func() {
		opts := period()
		if r.IntN(2) == 0 {
			opts = append(opts, num(5000))
		}
		add(pick("S1", "S2", "S3", "S4", "O1", "O2"), "deployment", state(), opts...)
	})

	// People, political, geography.
	times(2, func() { s := state(); add(s, "ethnic_share", other(s), num(100), yr()) })
	times(3, func() { s := state(); add(s, "migrant_stock", other(s), num(2e6), yr()) })
	times(4, func() { add(state(), "population", "", val(100+r.Float64()*1e5), yr()) })
	for _, rel := range []string{"language_status", "elite_ties", "stance_on_unrest", "alignment"} {
		times(2, func() { s := state(); add(s, rel, other(s), append(period(), code(0, 3))...) })
	}
	times(3, func() { s := state(); add(s, "contiguity", other(s), append(period(), code(1, 5))...) })
	times(2, func() { s := state(); add(s, "border_length", other(s), num(12000)) })
	times(2, func() { s := state(); add(s, "capital_distance", other(s), num(20000)) })
	return w
}

// TestAssessProperties checks, over random small models, what holds for
// every assessment: scores in [0, 1], channel scores, coverages, the
// composites and the asymmetry as the methodology's weighted means, every
// value citing a fact on the record and a source, and a JSON encoding.
func TestAssessProperties(t *testing.T) {
	for seed := range uint64(400) {
		r := rand.New(rand.NewPCG(seed, 7))
		wts := weights(t)
		if seed%2 == 1 {
			wts = randomWeights(r, wts)
		}
		w := randomWorld(r)
		asOf := fmt.Sprintf("%d-%02d-%02d", 2012+r.IntN(14), 1+r.IntN(12), 1+r.IntN(28))
		y := 0
		if r.IntN(3) == 0 {
			y = 2008 + r.IntN(18)
		}
		m := w.model(asOf)
		a := fmt.Sprintf("S%d", 1+r.IntN(4))
		b := a
		for b == a {
			b = fmt.Sprintf("S%d", 1+r.IntN(4))
		}
		as, err := assess.Assess(m, a, b, assess.Options{AsOf: m.AsOf, Year: y, Weights: wts})
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		for _, p := range checkAssessment(w, m, as, wts) {
			t.Errorf("seed %d (%s over %s as of %s, year %d): %s", seed, a, b, asOf, as.Year, p)
		}
		if t.Failed() {
			return
		}
	}
}

// randomWeights gives every channel and indicator of w a random weight,
// a quarter of them 0.
func randomWeights(r *rand.Rand, w assess.Weights) assess.Weights {
	out := assess.Weights{Channel: map[leverage.Channel]float64{}, Indicator: map[string]float64{}}
	x := func() float64 {
		if r.IntN(4) == 0 {
			return 0
		}
		return 2 * r.Float64()
	}
	for _, ch := range leverage.Channels {
		out.Channel[ch] = x()
	}
	for _, k := range slices.Sorted(maps.Keys(w.Indicator)) {
		out.Indicator[k] = x()
	}
	return out
}

// checkAssessment returns what is wrong with as.
func checkAssessment(w *world, m *assess.Model, as *assess.Assessment, wts assess.Weights) []string {
	var bad []string
	fail := func(format string, args ...any) { bad = append(bad, fmt.Sprintf(format, args...)) }
	in01 := func(x float64) bool { return x >= 0 && x <= 1 }
	facts := map[string]*leverage.Fact{}
	for _, f := range w.facts {
		facts[f.ID] = f
	}
	cited := map[string]bool{}
	checkCites := func(where string, fs, ss []string) {
		if len(fs) == 0 || len(ss) == 0 {
			fail("%s has a value but cites facts %v, sources %v", where, fs, ss)
		}
		for _, id := range fs {
			f := facts[id]
			if f == nil {
				fail("%s cites unknown fact %s", where, id)
				continue
			}
			if !f.HoldsAt(relationKinds[f.Relation], m.AsOf) {
				fail("%s cites fact %s, not on the record at %s", where, id, as.AsOf)
			}
			if relationKinds[f.Relation] == leverage.AnnualRelation && f.Year > as.Year {
				fail("%s cites fact %s of %d, after the data year %d", where, id, f.Year, as.Year)
			}
			for _, s := range f.Sources {
				if !slices.Contains(ss, s) {
					fail("%s cites fact %s but not its source %s", where, id, s)
				}
			}
		}
		for _, s := range ss {
			cited[s] = true
		}
	}
	score := map[bool][]float64{}
	for fwd, d := range map[bool]assess.Direction{true: as.Forward, false: as.Reverse} {
		var cs, cw []float64
		for _, c := range d.Channels {
			var sum, ws, total float64
			for _, in := range c.Indicators {
				where := fmt.Sprintf("%s over %s: %s.%s", d.Holder.ID, d.Target.ID, c.Channel, in.ID)
				wt := wts.Indicator[string(c.Channel)+"."+in.ID]
				if in.Weight != wt {
					fail("%s weight %v, want %v", where, in.Weight, wt)
				}
				if in.Value != nil && (math.IsNaN(*in.Value) || math.IsInf(*in.Value, 0)) {
					fail("%s value %v", where, *in.Value)
				}
				if in.Score != nil && !in01(*in.Score) {
					fail("%s score %v outside [0, 1]", where, *in.Score)
				}
				if wt == 0 && in.Score != nil {
					fail("%s is context (weight 0) but has a score", where)
				}
				if in.Value != nil || in.Score != nil {
					checkCites(where, in.Facts, in.Sources)
					if in.Missing != "" {
						fail("%s has a value and a missing reason %q", where, in.Missing)
					}
				} else if in.Missing == "" {
					// Only a context indicator measured without a value
					// ("not contiguous", a deployment without a troop
					// number) has neither; it still cites its facts.
					if wt > 0 {
						fail("%s has neither a value nor a reason", where)
					} else {
						checkCites(where, in.Facts, in.Sources)
					}
				}
				if wt > 0 {
					total += wt
					if in.Score != nil {
						sum += wt * *in.Score
						ws += wt
					}
				}
			}
			for _, rt := range c.Routes {
				checkCites(fmt.Sprintf("route %s", rt.ID), rt.Facts, rt.Sources)
			}
			for _, p := range c.Partners {
				for _, in := range p.Indicators {
					if in.Value != nil {
						checkCites("partner "+p.ID+" "+in.ID, in.Facts, in.Sources)
					}
				}
			}
			s := math.NaN()
			switch {
			case ws == 0 && c.Score != nil:
				fail("%s over %s: %s scored %v without a scored indicator", d.Holder.ID, d.Target.ID, c.Channel, *c.Score)
			case ws == 0 && !strings.HasPrefix(c.Missing, "no data"):
				fail("%s over %s: %s has no score and no reason", d.Holder.ID, d.Target.ID, c.Channel)
			case ws > 0 && c.Score == nil:
				fail("%s over %s: %s has no score", d.Holder.ID, d.Target.ID, c.Channel)
			case ws > 0:
				s = sum / ws
				if math.Abs(*c.Score-s) > tol || !in01(*c.Score) {
					fail("%s over %s: %s score %v, want %v", d.Holder.ID, d.Target.ID, c.Channel, *c.Score, s)
				}
				if math.Abs(c.Coverage-ws/total) > tol {
					fail("%s over %s: %s coverage %v, want %v", d.Holder.ID, d.Target.ID, c.Channel, c.Coverage, ws/total)
				}
			}
			cs, cw = append(cs, s), append(cw, wts.Channel[c.Channel])
		}
		score[fwd] = cs
		var sum, ws, total float64
		for i, s := range cs {
			total += cw[i]
			if !math.IsNaN(s) {
				sum += cw[i] * s
				ws += cw[i]
			}
		}
		switch {
		case ws == 0 && d.Composite != nil:
			fail("%s over %s: composite %v without a scored channel", d.Holder.ID, d.Target.ID, *d.Composite)
		case ws > 0 && (d.Composite == nil || math.Abs(*d.Composite-sum/ws) > tol || !in01(*d.Composite) || math.Abs(d.Coverage-ws/total) > tol):
			fail("%s over %s: composite %v coverage %v, want %v and %v", d.Holder.ID, d.Target.ID, d.Composite, d.Coverage, sum/ws, ws/total)
		}
	}
	var f, r, ws float64
	for i, gp := range as.Gaps {
		x, y := score[true][i], score[false][i]
		switch {
		case math.IsNaN(x) || math.IsNaN(y):
			if gp.Gap != nil {
				fail("gap %s = %v without scores both ways", gp.Channel, *gp.Gap)
			}
		case gp.Gap == nil || math.Abs(*gp.Gap-(x-y)) > tol:
			fail("gap %s = %v, want %v", gp.Channel, gp.Gap, x-y)
		default:
			wt := wts.Channel[gp.Channel]
			f, r, ws = f+wt*x, r+wt*y, ws+wt
		}
	}
	switch {
	case ws == 0 && as.Asymmetry != nil:
		fail("asymmetry %v without a channel scored both ways", *as.Asymmetry)
	case ws > 0 && (as.Asymmetry == nil || math.Abs(*as.Asymmetry-(f-r)/ws) > tol || *as.Asymmetry < -1 || *as.Asymmetry > 1):
		fail("asymmetry %v, want %v", as.Asymmetry, (f-r)/ws)
	}
	var ids []string
	for _, s := range as.Sources {
		ids = append(ids, s.ID)
	}
	if !slices.IsSorted(ids) {
		fail("sources not sorted: %v", ids)
	}
	for s := range cited {
		if !slices.Contains(ids, s) {
			fail("source %s cited but not listed", s)
		}
	}
	if _, err := json.Marshal(as); err != nil {
		fail("JSON: %v", err)
	}
	return bad
}
