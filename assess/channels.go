package assess

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/measure"
)

// Half-life, in years, of the relevance of past events (deployments,
// interventions): an event ten years past counts half.
const eventHalfLife = 10

// Largest land border on record (Canada-US, 8,891 km) rounded up: the
// border-length transform reaches 1 there.
const maxBorderKM = 10000

// eventWeight is the relevance of event f at the model's date: 1 while it
// lasts, halving every eventHalfLife years after it ended.
func eventWeight(m *Model, f *leverage.Fact) float64 {
	end := f.Valid.To.Last()
	if f.Valid.To.IsZero() || end.After(m.AsOf) {
		end = m.AsOf
	}
	return measure.HalfLife(m.AsOf.Sub(end).Hours()/24/365.25, eventHalfLife)
}

// sharedOrgs returns the organisations of the given types that a and b both
// belong to at the model's date, with the facts that show it: the two
// memberships and the type of each, or, when there is none, every
// membership of a and b on record, from which "none" is read. ok is false
// when neither has a membership on record, so nothing can be said.
func sharedOrgs(m *Model, a, b string, types ...string) (orgs []string, facts []*leverage.Fact, ok bool) {
	all := append(m.All("member_of", a, ""), m.All("member_of", b, "")...)
	if len(all) == 0 {
		return nil, nil, false
	}
	ma, mb := m.MemberOf(a), m.MemberOf(b)
	for _, org := range slices.Sorted(maps.Keys(ma)) {
		fa := ma[org]
		fb := mb[org]
		t := m.OrgType(org)
		if fb == nil || t == nil || !slices.Contains(types, t.Text) {
			continue
		}
		orgs = append(orgs, org)
		facts = append(facts, fa, fb, t)
	}
	if len(orgs) == 0 {
		return nil, all, true
	}
	return orgs, facts, true
}

func names(m *Model, ids []string) string {
	var out []string
	for _, id := range ids {
		out = append(out, m.Name(id))
	}
	return strings.Join(out, ", ")
}

func flag(in *Indicator, yes bool, text string) {
	v := 0.0
	if yes {
		v = 1
	}
	in.set(v, v)
	in.Text = text
}

func bloc(m *Model, a, b string, year int) ChannelResult {
	tA, tB := m.Name(a), m.Name(b)
	shared := Indicator{ID: "shared_bloc", Label: fmt.Sprintf("%s and %s in the same customs or economic union", tA, tB), Unit: "flag", Transform: "flag"}
	weight := Indicator{ID: "bloc_weight", Label: fmt.Sprintf("%s's weight inside that union (share of members' CINC)", tA), Unit: "%", Transform: "share: value / 100"}
	igos := Indicator{ID: "shared_igos", Label: fmt.Sprintf("Share of %s's IGO memberships shared with %s", tB, tA), Unit: "%", Transform: "share: value / 100"}

	orgs, facts, ok := sharedOrgs(m, a, b, "customs_union", "economic_union")
	if !ok {
		shared.Missing = "no memberships on record for either state"
		weight.Missing = shared.Missing
	} else {
		flag(&shared, len(orgs) > 0, names(m, orgs))
		shared.cite(facts...)
		if len(orgs) == 0 {
			shared.Text = "no shared customs or economic union"
			flag(&weight, false, "no shared union")
			weight.cite(facts...)
		}
		best := math.NaN()
		for _, org := range orgs {
			members := m.Members(org)
			var w []float64
			var cf []*leverage.Fact
			for _, y := range m.Years(a, year, "cinc") {
				w, cf = w[:0], cf[:0]
				for _, s := range members {
					if f := m.InYear("cinc", s, "", y); f != nil {
						v, _ := f.Float()
						w = append(w, v)
						cf = append(cf, f)
					}
				}
				if len(w) == len(members) {
					ia := slices.Index(members, a)
					sh := measure.Shares(w)
					if sh != nil && (math.IsNaN(best) || sh[ia] > best) {
						best = sh[ia]
						weight.set(100*sh[ia], sh[ia])
						weight.Year, weight.Text = y, fmt.Sprintf("%s, %d members", m.Name(org), len(members))
						weight.Facts, weight.Sources = nil, nil
						weight.cite(cf...)
						weight.cite(facts...)
					}
					break
				}
			}
		}
		if len(orgs) > 0 && weight.Value == nil {
			weight.Missing = "no year with the capability index (CINC) of every member"
		}
	}
	// The latest year up to year with both counts.
	for _, s := range m.All("igo_shared", b, a) {
		t := m.InYear("igo_total", b, "", s.Year)
		if s.Year > year || t == nil {
			continue
		}
		sv, _ := s.Float()
		tv, _ := t.Float()
		if tv > 0 {
			igos.set(100*sv/tv, measure.Clamp01(sv/tv))
			igos.Year = s.Year
			igos.cite(s, t)
			igos.Note = fmt.Sprintf("%.0f of %.0f", sv, tv)
		}
		break
	}
	if igos.Value == nil {
		igos.Missing = "no IGO membership counts for this pair"
	}
	return ChannelResult{Indicators: []Indicator{shared, weight, igos}}
}

func security(m *Model, a, b string, year int) ChannelResult {
	tA, tB := m.Name(a), m.Name(b)
	ally := Indicator{ID: "alliance", Label: fmt.Sprintf("%s and %s in the same military alliance", tA, tB), Unit: "flag", Transform: "flag"}
	pact := Indicator{ID: "defense_pact", Label: "Defence pact (ATOP)", Unit: "flag", Transform: "flag"}
	fac := Indicator{ID: "facilities", Label: fmt.Sprintf("%s's leased military or strategic facilities in %s", tA, tB), Unit: "count", Transform: "1 if any"}
	dep := Indicator{ID: "deployments", Label: fmt.Sprintf("Deployments of %s's forces in %s", tA, tB), Unit: "personnel", Transform: "0.5^(years since end / 10)"}
	capab := Indicator{ID: "capability_share", Label: fmt.Sprintf("%s's share of the pair's capabilities (CINC)", tA), Unit: "%", Transform: "share: value / 100"}

	orgs, facts, ok := sharedOrgs(m, a, b, "security_alliance")
	if ok {
		flag(&ally, len(orgs) > 0, names(m, orgs))
		if len(orgs) == 0 {
			ally.Text = "no shared military alliance"
		}
		ally.cite(facts...)
	} else {
		ally.Missing = "no memberships on record for either state"
	}
	if f := m.Latest("defense_pact", a, b, year); f != nil {
		v, _ := f.Float()
		flag(&pact, v == 1, "")
		pact.Year = f.Year
		pact.cite(f)
	} else {
		pact.Missing = "no ATOP record for this pair"
	}

	var sites []string
	for _, f := range m.All("leases_facility", a, "") {
		for _, loc := range m.All("located_in", f.Object, b) {
			sites = append(sites, m.Name(f.Object)+" ("+f.Valid.String()+")")
			fac.cite(f, loc)
		}
	}
	if len(sites) > 0 {
		fac.set(float64(len(sites)), 1)
		fac.Text = strings.Join(sites, "; ")
	} else {
		fac.Missing = fmt.Sprintf("no facility of %s in %s on record", tA, tB)
	}

	// Deployments of a's own forces, and of the forces of an organisation
	// a belongs to when a took part (has a deployment of its own in b
	// overlapping the organisation's): a member that sent no one gains
	// nothing from its allies' operations.
	own := m.All("deployment", a, b)
	deployments := slices.Clone(own)
	for _, org := range slices.Sorted(maps.Keys(m.MemberOf(a))) {
		for _, f := range m.All("deployment", org, b) {
			if slices.ContainsFunc(own, func(o *leverage.Fact) bool { return o.Valid.Overlaps(f.Valid) }) {
				deployments = append(deployments, f)
			}
		}
	}
	best := math.NaN()
	for _, f := range deployments {
		s := eventWeight(m, f)
		dep.cite(f)
		v, hasValue := f.Float()
		if math.IsNaN(best) || s > best || (s == best && dep.Value == nil && hasValue) {
			best = s
			dep.Value = nil
			if hasValue {
				dep.set(v, s)
			} else {
				dep.setScore(s)
			}
			dep.Date = f.Valid.String()
			dep.Text = f.Text
		}
	}
	if math.IsNaN(best) {
		dep.Missing = fmt.Sprintf("no deployment of %s's forces in %s on record", tA, tB)
	}
	for _, y := range m.Years(a, year, "cinc") {
		fa, fb := m.InYear("cinc", a, "", y), m.InYear("cinc", b, "", y)
		if fa != nil && fb != nil {
			va, _ := fa.Float()
			vb, _ := fb.Float()
			if va+vb > 0 {
				capab.set(100*va/(va+vb), va/(va+vb))
				capab.Year = y
				capab.cite(fa, fb)
				capab.Note = fmt.Sprintf("CINC %.5f vs %.5f", va, vb)
			}
			break
		}
	}
	if capab.Value == nil {
		capab.Missing = "no year with both capability indices"
	}
	return ChannelResult{Indicators: []Indicator{ally, pact, fac, dep, capab}}
}

// nearestYear returns the fact of rel for subject in the year closest to
// year, preferring earlier years on ties, among the years up to maxYear.
func nearestYear(m *Model, rel, subject string, year, maxYear int) *leverage.Fact {
	var best *leverage.Fact
	for _, f := range m.All(rel, subject, "") {
		if f.Year > maxYear {
			continue
		}
		if best == nil || abs(f.Year-year) < abs(best.Year-year) || (abs(f.Year-year) == abs(best.Year-year) && f.Year < best.Year) {
			best = f
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func people(m *Model, a, b string, year int) ChannelResult {
	tA, tB := m.Name(a), m.Name(b)
	dia := Indicator{ID: "diaspora_share", Label: fmt.Sprintf("Ethnic %s community in %s (share of population)", m.Demonym(a), tB), Unit: "%", Transform: "ln(1 + value) / ln(101)"}
	from := Indicator{ID: "migrants_from_a", Label: fmt.Sprintf("People born in %s living in %s (share of %s's population)", tA, tB, tB), Unit: "%", Transform: "ln(1 + value) / ln(101)"}
	in := Indicator{ID: "migrants_in_a", Label: fmt.Sprintf("People born in %s living in %s (share of %s's population)", tB, tA, tB), Unit: "%", Transform: "ln(1 + value) / ln(101)"}
	lang := Indicator{ID: "language_status", Label: fmt.Sprintf("Legal status of %s's language in %s", tA, tB), Unit: "ordinal", Transform: "value / 3"}

	if f := m.Latest("ethnic_share", b, a, year); f != nil {
		v, _ := f.Float()
		dia.set(v, measure.LogPercent(v))
		dia.Year = f.Year
		dia.cite(f)
	} else {
		dia.Missing = fmt.Sprintf("no census share of ethnic %s in %s on record", m.Demonym(a), tB)
	}
	migrants := func(ind *Indicator, dest, origin string) {
		f := m.Latest("migrant_stock", dest, origin, year)
		if f == nil {
			ind.Missing = "no migrant stock on record"
			return
		}
		pop := nearestYear(m, "population", b, f.Year, year)
		if pop == nil {
			ind.Missing = fmt.Sprintf("no population figure for %s", tB)
			return
		}
		n, _ := f.Float()
		p, _ := pop.Float()
		pct := 100 * n / (p * 1000)
		ind.set(pct, measure.LogPercent(pct))
		ind.Year = f.Year
		ind.cite(f, pop)
		ind.Note = fmt.Sprintf("%.0f people; population %.0f thousand in %d", n, p, pop.Year)
	}
	migrants(&from, b, a)
	migrants(&in, a, b)
	if fs := m.All("language_status", b, a); len(fs) > 0 {
		v, _ := fs[0].Float()
		lang.set(v, measure.Ordinal(v, 3))
		lang.Text, lang.Date = fs[0].Text, fs[0].Valid.String()
		lang.cite(fs[0])
	} else {
		lang.Missing = fmt.Sprintf("no legal status of %s's language in %s on record", tA, tB)
	}
	return ChannelResult{Indicators: []Indicator{dia, from, in, lang}}
}

// coded fills in from the latest ordinal fact of rel for subject and
// object; events fade with their age.
func coded(m *Model, in *Indicator, rel, subject, object string, fade bool) {
	fs := m.All(rel, subject, object)
	if len(fs) == 0 {
		in.Missing = "no coded fact on record"
		return
	}
	best := math.NaN()
	for _, f := range fs {
		v, _ := f.Float()
		s := measure.Ordinal(v, 3)
		if fade {
			s *= eventWeight(m, f)
		}
		if math.IsNaN(best) || s > best {
			best = s
			in.set(v, s)
			in.Text, in.Date = f.Text, f.Valid.String()
		}
		in.cite(f)
	}
}

func political(m *Model, a, b string, _ int) ChannelResult {
	tA, tB := m.Name(a), m.Name(b)
	elite := Indicator{ID: "elite_ties", Label: fmt.Sprintf("Ties of %s to %s's elite", tA, tB), Unit: "ordinal", Transform: "value / 3"}
	unrest := Indicator{ID: "stance_on_unrest", Label: fmt.Sprintf("%s's stance toward unrest in %s", tA, tB), Unit: "ordinal", Transform: "value / 3 × 0.5^(years since end / 10)"}
	align := Indicator{ID: "alignment", Label: fmt.Sprintf("%s's alignment with %s", tB, tA), Unit: "ordinal", Transform: "value / 3"}
	coded(m, &elite, "elite_ties", a, b, false)
	coded(m, &unrest, "stance_on_unrest", a, b, true)
	coded(m, &align, "alignment", b, a, false)
	return ChannelResult{Indicators: []Indicator{elite, unrest, align}}
}

// either returns the latest fact of rel between a and b in either
// direction, or nil.
func either(m *Model, rel, a, b string, year int) *leverage.Fact {
	if f := m.Latest(rel, a, b, year); f != nil {
		return f
	}
	return m.Latest(rel, b, a, year)
}

func geography(m *Model, a, b string, year int) ChannelResult {
	tA, tB := m.Name(a), m.Name(b)
	cont := Indicator{ID: "contiguity", Label: "Contiguity (COW type: 1 land border … 5 up to 400 miles of water)", Unit: "code", Transform: "(6 - value) / 5; 0 if not contiguous"}
	border := Indicator{ID: "border_length", Label: fmt.Sprintf("Land border between %s and %s", tA, tB), Unit: "km", Transform: "ln(1 + value) / ln(1 + 10000)"}
	dist := Indicator{ID: "capital_distance", Label: "Distance between capitals", Unit: "km", Transform: "1 - ln(1 + value/100) / ln(201)"}
	gate := Indicator{ID: "gateway", Label: fmt.Sprintf("Share of %s's export routes to world markets crossing %s", tB, tA), Unit: "%", Transform: "share: value / 100"}

	if f := either(m, "contiguity", a, b, year); f != nil {
		v, _ := f.Float()
		cont.set(v, measure.Clamp01((6-v)/5))
		cont.Date = f.Valid.String()
		cont.cite(f)
	} else if len(m.All("contiguity", a, "")) > 0 || len(m.All("contiguity", b, "")) > 0 {
		cont.setScore(0)
		cont.Text = "not contiguous (no contiguity record for the pair in a dataset that covers both)"
		for _, f := range append(m.All("contiguity", a, ""), m.All("contiguity", b, "")...) {
			if f.Subject == a || f.Subject == b {
				cont.cite(f)
				break
			}
		}
	} else {
		cont.Missing = "no contiguity records for either state"
	}
	if f := either(m, "border_length", b, a, year); f != nil {
		v, _ := f.Float()
		border.set(v, measure.Clamp01(math.Log1p(v)/math.Log1p(maxBorderKM)))
		border.cite(f)
	} else {
		border.Missing = "no border length on record"
	}
	if f := either(m, "capital_distance", a, b, year); f != nil {
		v, _ := f.Float()
		dist.set(v, measure.DistanceDecay(v))
		dist.cite(f)
	} else {
		dist.Missing = "no capital distance on record"
	}
	sys := loadExportSystem(m, b, false) // the gateway counts routes; capacities do not enter it
	switch {
	case len(sys.routes) == 0:
		gate.Missing = fmt.Sprintf("no export routes of %s in the dataset", tB)
	case !m.Modelled(b):
		gate.Missing = incomplete(m, b)
	default:
		n := 0
		for i, r := range sys.routes {
			if r.Crosses(a) {
				n++
			}
			gate.cite(sys.facts[i]...)
		}
		k := float64(n) / float64(len(sys.routes))
		gate.set(100*k, k)
		gate.Note = fmt.Sprintf("%d of %d routes", n, len(sys.routes))
	}
	return ChannelResult{Indicators: []Indicator{cont, border, dist, gate}}
}
