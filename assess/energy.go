package assess

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/measure"
	"github.com/leverage-dev/leverage/transit"
)

// exportSystem is b's crude export routes as stored, with the facts behind
// them.
type exportSystem struct {
	routes []transit.Route
	info   []Route
	facts  [][]*leverage.Fact // per route: route, segment, capacity and crossing facts
	volume [][]*leverage.Fact // per route: volume facts on record
	base   *transit.System    // when copied from a cache: the root model's flow network, to recapacitate
}

// loadExportSystem builds b's routes from exports_via, route_segment,
// capacity and crosses facts; without capacities, it leaves every
// segment's capacity unknown and reads no capacity facts.
func loadExportSystem(m *Model, b string, capacities bool) exportSystem {
	if m.brief && m.reads == nil && m.over != nil && !m.over.touches(routeRelations...) {
		return m.over.root.cachedSystem(m, b, capacities)
	}
	var sys exportSystem
	for _, via := range m.All("exports_via", b, "") {
		rid := via.Object
		r := transit.Route{ID: rid, Name: m.Name(rid)}
		facts := []*leverage.Fact{via}
		segs := m.All("route_segment", rid, "")
		slices.SortFunc(segs, func(x, y *leverage.Fact) int {
			xv, _ := x.Float()
			yv, _ := y.Float()
			return cmp.Compare(xv, yv)
		})
		var chain, assets []string
		for _, sf := range segs {
			facts = append(facts, sf)
			s := transit.Segment{Asset: sf.Object, Name: m.Name(sf.Object), Capacity: math.NaN()}
			if capacities {
				if c := m.Latest("capacity", sf.Object, "", math.MaxInt); c != nil {
					s.Capacity = transit.Capacity(c)
					facts = append(facts, c)
				}
			}
			for _, cf := range m.All("crosses", sf.Object, "") {
				if !slices.Contains(s.States, cf.Object) {
					s.States = append(s.States, cf.Object)
				}
				facts = append(facts, cf)
			}
			slices.Sort(s.States)
			r.Segments = append(r.Segments, s)
			chain = append(chain, s.Name)
			assets = append(assets, s.Asset)
		}
		for _, mf := range m.All("delivers_to", rid, "") {
			r.Market = mf.Object
			facts = append(facts, mf)
		}
		info := Route{ID: rid, Name: r.Name, Chain: chain, Assets: assets, Bottleneck: r.Bottleneck(), Market: r.Market}
		if c := r.Capacity(); !math.IsNaN(c) {
			info.Capacity = &c
		}
		var states []string
		for _, s := range r.States() {
			if s != b {
				states = append(states, s)
			}
		}
		info.States = states
		sys.routes = append(sys.routes, r)
		sys.info = append(sys.info, info)
		sys.facts = append(sys.facts, facts)
		sys.volume = append(sys.volume, m.All("route_volume", rid, ""))
	}
	return sys
}

// routeRelations are the relations that make up export routes, capacities
// aside.
var routeRelations = []string{"exports_via", "route_segment", "crosses", "delivers_to", "route_volume"}

// cachedSystem is loadExportSystem for a variant m of root that leaves
// b's routes as they are: it copies the routes root loaded once and reads
// only the capacities from m. Only scores come out of it: the facts behind
// capacities are not listed.
func (root *Model) cachedSystem(m *Model, b string, capacities bool) exportSystem {
	v, ok := root.cache.Load(b)
	if !ok {
		sys := loadExportSystem(root, b, false)
		sys.base = transit.NewSystem(b, loadExportSystem(root, b, true).routes)
		v, _ = root.cache.LoadOrStore(b, sys)
	}
	sys := v.(exportSystem)
	routes := make([]transit.Route, len(sys.routes))
	for i, r := range sys.routes {
		r.Segments = slices.Clone(r.Segments)
		for j := range r.Segments {
			if c := m.Latest("capacity", r.Segments[j].Asset, "", math.MaxInt); capacities && c != nil {
				r.Segments[j].Capacity = transit.Capacity(c)
			}
		}
		routes[i] = r
	}
	sys.routes = routes
	sys.info = slices.Clone(sys.info)
	// The cached lists are shared: clip them, so that appending copies.
	sys.facts = slices.Clone(sys.facts)
	for i := range sys.facts {
		sys.facts[i] = slices.Clip(sys.facts[i])
	}
	return sys
}

// flows returns the flow network of the system's routes.
func (sys exportSystem) flows(b string) *transit.System {
	if sys.base != nil {
		if f, ok := sys.base.Recapacitated(sys.routes); ok {
			return f
		}
	}
	return transit.NewSystem(b, sys.routes)
}

// volumeYear returns the latest year not after maxYear in which every route
// with a known capacity has a volume, or 0.
func (sys exportSystem) volumeYear(maxYear int) int {
	var years []int
	for _, vs := range sys.volume {
		for _, v := range vs {
			if v.Year <= maxYear && !slices.Contains(years, v.Year) {
				years = append(years, v.Year)
			}
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
next:
	for _, y := range years {
		for i, r := range sys.routes {
			if !math.IsNaN(r.Capacity()) && volumeIn(sys.volume[i], y) == nil {
				continue next
			}
		}
		return y
	}
	return 0
}

func volumeIn(vs []*leverage.Fact, year int) *leverage.Fact {
	for _, v := range vs {
		if v.Year == year {
			return v
		}
	}
	return nil
}

func energy(m *Model, a, b string, year int) (c ChannelResult) {
	sys := loadExportSystem(m, b, true)
	tA, tB := m.Name(a), m.Name(b)
	share := &Indicator{ID: "transit_share", Label: m.text("Share of %s's oil exports on routes crossing %s", tB, tA), Unit: "%", Transform: "share: value / 100"}
	capShare := &Indicator{ID: "capacity_share", Label: m.text("Share of %s's export capacity crossing %s", tB, tA), Unit: "%", Transform: "share: value / 100"}
	cut := &Indicator{ID: "cut_loss", Label: m.text("Export capacity left if %s closes its routes (N-%s)", tA, a), Unit: "% of exports", Transform: "1 - min(1, value / 100)"}
	n1 := &Indicator{ID: "n_minus_1", Label: m.text("%s's export capacity left without its largest asset (N-1)", tB), Unit: "% of exports", Transform: "context"}
	hhi := &Indicator{ID: "route_hhi", Label: m.text("Concentration of %s's export volumes over routes (HHI)", tB), Unit: "index", Transform: "context"}
	vol := &Indicator{ID: "transit_volume", Label: m.text("Volume of %s's oil crossing %s", tB, tA), Unit: "Mt", Transform: "context"}
	defer func() {
		c.Indicators = make([]Indicator, 0, 6)
		for _, in := range []*Indicator{share, capShare, cut, n1, hhi, vol} {
			c.Indicators = append(c.Indicators, *in)
		}
	}()

	// The transit volume needs no complete route list: it sums, for the
	// latest year up to year, the volumes of the routes crossing a. It
	// prefers a year in which every crossing route with a volume on record
	// reports one; failing that, it takes the latest year and says which
	// routes the sum leaves out.
	var crossing []int // routes crossing a with a volume up to year
	var years []int
	for i, r := range sys.routes {
		if !r.Crosses(a) {
			continue
		}
		has := false
		for _, v := range sys.volume[i] {
			if v.Year <= year {
				has = true
				if !slices.Contains(years, v.Year) {
					years = append(years, v.Year)
				}
			}
		}
		if has {
			crossing = append(crossing, i)
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	vy, complete := 0, false
	for _, y := range years {
		if !slices.ContainsFunc(crossing, func(i int) bool { return volumeIn(sys.volume[i], y) == nil }) {
			vy, complete = y, true
			break
		}
	}
	if vy == 0 && len(years) > 0 {
		vy = years[0]
	}
	if vy > 0 {
		var sum float64
		var left []string
		for _, i := range crossing {
			v := volumeIn(sys.volume[i], vy)
			if v == nil {
				left = append(left, m.Name(sys.info[i].ID))
				continue
			}
			x, _ := v.Float()
			sum += x
			vol.cite(v)
			if v.Text != "" {
				vol.Text = v.Text
			}
		}
		vol.set(sum, math.NaN())
		vol.Year = vy
		if !complete {
			vol.Note = m.text("partial: no %d figure for %s", vy, strings.Join(left, ", "))
		}
	} else {
		vol.Missing = m.text("no volume of %s's oil crossing %s on record", tB, tA)
	}

	for i := range sys.info {
		sys.info[i].CrossesA = sys.routes[i].Crosses(a)
		if v := latestUpTo(sys.volume[i], year); v != nil {
			x, _ := v.Float()
			sys.info[i].Volume, sys.info[i].VolumeYear = &x, v.Year
			sys.facts[i] = append(sys.facts[i], v)
		}
		if !m.brief {
			var tmp Indicator
			tmp.cite(sys.facts[i]...)
			sys.info[i].Facts, sys.info[i].Sources = tmp.Facts, tmp.Sources
		}
	}
	c.Routes = sys.info

	if len(sys.routes) == 0 {
		for _, in := range []*Indicator{share, capShare, cut, n1, hhi} {
			in.Missing = m.text("no export routes of %s in the dataset", tB)
		}
		c.Missing = m.text("no data: the dataset has no export routes for %s", tB)
		return c
	}
	if !m.Modelled(b) {
		why := incomplete(m, b)
		for _, in := range []*Indicator{share, capShare, cut, n1, hhi} {
			in.Missing = why
		}
		c.Missing = "no data: " + why
		return c
	}
	var routeFacts []*leverage.Fact // cited by the indicators below, unless only scores are wanted
	for _, fs := range sys.facts {
		if !m.brief {
			routeFacts = append(routeFacts, fs...)
		}
	}

	// Volumes in the latest year every capacity-bearing route reports.
	if y := sys.volumeYear(year); y > 0 {
		var via, all float64
		var vols []float64
		var used []*leverage.Fact
		for i, r := range sys.routes {
			v := volumeIn(sys.volume[i], y)
			if v == nil {
				continue
			}
			x, _ := v.Float()
			all += x
			vols = append(vols, x)
			if r.Crosses(a) {
				via += x
			}
			used = append(used, v)
		}
		if all > 0 {
			for _, v := range used {
				share.cite(v)
				hhi.cite(v)
				if v.Text != "" {
					share.Text, hhi.Text = v.Text, v.Text
				}
			}
			share.set(100*via/all, via/all)
			share.Year, hhi.Year = y, y
			share.cite(routeFacts...)
			hhi.set(measure.HHI(vols), math.NaN())
			hhi.Note = m.text("over %d routes; %.0f on the 10,000 scale", len(vols), measure.HHI(vols)*10000)
		} else {
			share.Missing = m.text("%s's routes carried no oil in %d, the latest year in which every route with a known capacity has a recorded volume", tB, y)
			hhi.Missing = share.Missing
		}
	} else {
		share.Missing = "no year in which every route with a known capacity has a recorded volume"
		hhi.Missing = share.Missing
	}

	flows := sys.flows(b) // one network for every cut below
	total := flows.Capacity()
	without := flows.WithoutState(a)
	if !(total > 0) || math.IsInf(total, 1) {
		capShare.Missing = m.text("no route of %s with a known capacity", tB)
		cut.Missing, n1.Missing = capShare.Missing, capShare.Missing
		return c
	}
	capShare.set(100*(1-without/total), 1-without/total)
	capShare.cite(routeFacts...)
	capShare.Note = m.text("%.1f of %.1f Mt/y; lesser-of capacity per route, shared assets counted once", total-without, total)

	qexp := m.Latest("oil_exports", b, "", year)
	if qexp == nil {
		cut.Missing = m.text("no figure for %s's total oil exports up to %d", tB, year)
		n1.Missing = cut.Missing
		return c
	}
	q, _ := qexp.Float()
	if !(q > 0) {
		cut.Missing = m.text("%s's total oil exports in %d are recorded as %g Mt, so no capacity can be set against them", tB, qexp.Year, q)
		n1.Missing = cut.Missing
		return c
	}
	nA := without / q * 100 // N-A, as transit.NMinusState computes it
	cut.set(nA, 1-measure.Clamp01(nA/100))
	cut.Year = qexp.Year
	cut.cite(qexp)
	cut.cite(routeFacts...)
	cut.Note = m.text("%.1f Mt/y avoiding %s over %.1f Mt exported in %d", without, tA, q, qexp.Year)

	pct, lost := math.NaN(), ""
	if p, ok := flows.Largest(); ok {
		pct, lost = flows.WithoutAsset(p.Asset)/q*100, p.Asset
	}
	n1.set(pct, math.NaN())
	n1.Year = qexp.Year
	n1.cite(qexp)
	n1.cite(routeFacts...)
	verdict := "fails"
	if pct >= 100 {
		verdict = "passes"
	}
	n1.Text = m.text("%s the 100%% standard", verdict)
	n1.Note = m.text("largest asset lost: %s", m.Name(lost))
	return c
}

func latestUpTo(vs []*leverage.Fact, year int) *leverage.Fact {
	for _, v := range vs { // latest first
		if v.Year <= year {
			return v
		}
	}
	return nil
}

// incomplete explains why b's export routes cannot be taken as complete:
// the dataset models an exporter's system only where it also records the
// exporter's total oil exports.
func incomplete(m *Model, b string) string {
	return m.text("%s's total oil exports are not in the dataset, so its route list may be incomplete", m.Name(b))
}

// ExportSystem is an exporter's crude export routes as the model records
// them at its as-of date, with the facts behind every figure: what the
// transit command and the energy channel work from.
type ExportSystem struct {
	Exporter   string
	Routes     []transit.Route
	Info       []Route   // per route: display fields, facts and sources
	Volumes    []float64 // per route: volume in VolumeYear, NaN when none is recorded
	VolumeYear int       // the latest year up to the data year in which every route with a known capacity has a volume; 0 if none
	Exports    *leverage.Fact
	Complete   bool // whether the route list can be taken as complete: the model records the exporter's total exports
}

// ExportSystem returns b's export routes with data up to year.
func (m *Model) ExportSystem(b string, year int) *ExportSystem {
	sys := loadExportSystem(m, b, true)
	out := &ExportSystem{Exporter: b, Routes: sys.routes, Info: sys.info, Complete: m.Modelled(b),
		Exports: m.Latest("oil_exports", b, "", year), VolumeYear: sys.volumeYear(year)}
	for i := range sys.info {
		v := math.NaN()
		if f := volumeIn(sys.volume[i], out.VolumeYear); f != nil && out.VolumeYear > 0 {
			v, _ = f.Float()
		}
		out.Volumes = append(out.Volumes, v)
		if f := latestUpTo(sys.volume[i], year); f != nil {
			x, _ := f.Float()
			out.Info[i].Volume, out.Info[i].VolumeYear = &x, f.Year
		}
		var tmp Indicator
		tmp.cite(sys.facts[i]...)
		out.Info[i].Facts, out.Info[i].Sources = tmp.Facts, tmp.Sources
	}
	return out
}
