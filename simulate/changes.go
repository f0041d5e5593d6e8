package simulate

import (
	"fmt"
	"math"
	"slices"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/transit"
)

// capacities writes into caps the capacity of each part of the target's
// export system when shock k acts with strength str[k]: the capacity set
// by set_fact shocks (moved from the recorded one by the strength), less
// the sum of the cuts of disable_asset shocks (at most all of it), times
// what each deny_transit shock on a state the part lies in lets through.
// It reports whether any part differs from the recorded capacities.
func (p *plan) capacities(d *draw, str []float64, caps []float64) bool {
	copy(caps, p.capBase)
	changed := false
	cut := make([]float64, len(caps))
	for k := range p.sc.Shocks {
		s := str[k]
		if s == 0 {
			continue
		}
		switch e := p.sc.Shocks[k].Effect.(type) {
		case *scenario.SetFact:
			if e.Relation != "capacity" || e.Value == nil {
				continue
			}
			if j := p.sys.Part(e.Subject); j >= 0 {
				v := p.l.get(d, k, "value", 0)
				if e.Unit == "bbl/d" {
					v = transit.MtPerYear(v)
				}
				caps[j] += s * (v - p.capBase[j])
				changed = true
			}
		}
	}
	for k := range p.sc.Shocks {
		s := str[k]
		if s == 0 {
			continue
		}
		switch e := p.sc.Shocks[k].Effect.(type) {
		case *scenario.DisableAsset:
			if j := p.sys.Part(e.Asset); j >= 0 {
				cut[j] += s * p.l.get(d, k, "capacity_cut", 1)
			}
		case *scenario.DenyTransit:
			if e.Commodity != "" && e.Commodity != "crude" {
				continue
			}
			f := 1 - s*p.l.get(d, k, "share", 1)
			for j, part := range p.sys.Parts {
				if slices.Contains(part.States, e.State) && e.State != p.target {
					caps[j] *= f
					changed = true
				}
			}
		}
	}
	for j, c := range cut {
		if c > 0 {
			caps[j] *= 1 - math.Min(c, 1)
			changed = true
		}
	}
	return changed
}

// changes returns the model changes in force when shock k acts with
// strength str[k] (0 when it is not in force), and whether any of them
// concerns the target's export system.
func (p *plan) changes(d *draw, str []float64) ([]assess.Change, bool) {
	var out []assess.Change
	caps := make([]float64, len(p.capBase))
	transit := p.capacities(d, str, caps)
	if transit {
		for j, c := range caps {
			if c == p.capBase[j] {
				continue
			}
			part := p.sys.Parts[j]
			nf := &leverage.Fact{ID: "scenario-" + p.sc.Name + "-capacity-" + part.Asset, Subject: part.Asset, Relation: "capacity",
				Value: ptr(c), Unit: "Mt/y", Sources: p.srcs, Confidence: leverage.Secondary,
				Note: fmt.Sprintf("scenario %s: %.1f Mt/y before", p.sc.Name, p.capBase[j])}
			out = append(out, assess.Change{Old: p.capFact[j], New: nf})
		}
	}
	var ops []tradeOp
	for k := range p.sc.Shocks {
		s := str[k]
		if s == 0 {
			continue
		}
		sh := &p.sc.Shocks[k]
		switch e := sh.Effect.(type) {
		case *scenario.Embargo:
			f := 1 - s*p.l.get(d, k, "share", 1)
			if e.Direction != "exports" {
				ops = append(ops, tradeOp{flow: flow{e.Against, e.By}, factor: f, fromTotal: true, toTotal: true})
			}
			if e.Direction != "imports" {
				ops = append(ops, tradeOp{flow: flow{e.By, e.Against}, factor: f, fromTotal: true, toTotal: true})
			}
		case *scenario.DivertTrade:
			phi := s * p.l.get(d, k, "share", 0)
			// The moved flows are the sources of the new partners' gains.
			out, in := flow{e.Target, e.From}, flow{e.From, e.Target}
			ops = append(ops, tradeOp{flow: out, factor: 1 - phi, toTotal: true}, tradeOp{flow: in, factor: 1 - phi, fromTotal: true})
			var sum float64
			for _, pt := range e.To {
				sum += p.l.get(d, k, "to "+pt.Partner+" weight", 0)
			}
			for _, pt := range e.To {
				w := p.l.get(d, k, "to "+pt.Partner+" weight", 0)
				if sum <= 0 || w == 0 {
					continue
				}
				ops = append(ops,
					tradeOp{flow: flow{e.Target, pt.Partner}, source: &out, share: phi * w / sum, toTotal: true},
					tradeOp{flow: flow{pt.Partner, e.Target}, source: &in, share: phi * w / sum, fromTotal: true})
			}
		case *scenario.ChangeMembership:
			if e.Action == "leave" {
				for _, f := range p.m.All("member_of", e.State, e.Organisation) {
					out = append(out, assess.Change{Old: f})
				}
			} else if len(p.m.All("member_of", e.State, e.Organisation)) == 0 {
				out = append(out, assess.Change{New: &leverage.Fact{ID: "scenario-" + p.sc.Name + "-member-" + e.State + "-" + e.Organisation,
					Subject: e.State, Relation: "member_of", Object: e.Organisation, Text: "full", Sources: p.srcs, Confidence: leverage.Secondary,
					Note: "scenario " + p.sc.Name}})
			}
		case *scenario.SetFact:
			if e.Relation == "capacity" && p.sys.Part(e.Subject) >= 0 {
				continue // in the capacities above
			}
			out = append(out, p.setFact(d, k, e, s)...)
		}
	}
	out = append(out, tradeChanges(p.m, p.year, ops, p.levels, p.sc.Name, p.srcs)...)
	return out, transit
}

// setFact replaces the facts of the shock's subject, relation and object
// with one whose value has moved from the recorded value (0 when none) to
// the shock's by the strength s.
func (p *plan) setFact(d *draw, k int, e *scenario.SetFact, s float64) []assess.Change {
	var out []assess.Change
	old := p.m.All(e.Relation, e.Subject, e.Object)
	if e.Object == "" {
		old = slices.DeleteFunc(old, func(f *leverage.Fact) bool { return f.Object != "" })
	}
	nf := &leverage.Fact{ID: fmt.Sprintf("scenario-%s-%d", p.sc.Name, k+1), Subject: e.Subject, Relation: e.Relation, Object: e.Object,
		Unit: e.Unit, Text: e.Text, Sources: p.srcs, Confidence: leverage.Secondary, Note: "scenario " + p.sc.Name}
	if e.Value != nil {
		v := p.l.get(d, k, "value", 0)
		before := 0.0
		if len(old) > 0 && old[0].Value != nil {
			before = *old[0].Value
		}
		nf.Value = ptr(before + s*(v-before))
	}
	rel := p.m.Relation(e.Relation)
	switch {
	case rel != nil && rel.Kind == leverage.AnnualRelation:
		nf.Year = p.year
	case rel != nil && rel.Kind == leverage.EventRelation:
		nf.Valid.From = leverage.DateOf(p.m.AsOf) // under way at the model's date
	}
	for _, f := range old {
		out = append(out, assess.Change{Old: f})
	}
	return append(out, assess.Change{New: nf})
}

// sources returns the ids of the sources the scenario cites.
func (p *plan) sources() []string {
	var out []string
	for _, s := range p.sc.Sources {
		if s.ID != "" {
			out = append(out, s.ID)
		}
	}
	if len(out) == 0 {
		out = []string{"scenario"}
	}
	return out
}

func ptr(x float64) *float64 { return &x }
