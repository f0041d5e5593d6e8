package query

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/measure"
	"github.com/leverage-dev/leverage/transit"
)

// TransitOptions are what a transit question may set besides the exporter.
type TransitOptions struct {
	AsOf          time.Time // the date the model was loaded for
	Year          int       // latest data year for volumes and exports
	Without       []string  // assets (id or name) to remove
	WithoutStates []string  // states whose jurisdiction to remove
}

// Transit reports the crude export system of the state exporter names in
// m. With assets or states to remove, the report's WhatIf says what the
// system carries without them.
func Transit(m *method.Model, exporter string, opts TransitOptions) (*TransitReport, error) {
	b, err := resolveArg(m, "exporter", exporter, opts.AsOf)
	if err != nil {
		return nil, err
	}
	year := opts.Year
	if year == 0 {
		year = opts.AsOf.Year()
	}
	es := m.ExportSystem(b.ID, year)
	if len(es.Routes) == 0 {
		return nil, leverage.Errorf(leverage.ENOTFOUND, "no export routes of %s in the dataset", m.Name(b.ID))
	}
	r, err := build(m, es, opts.AsOf, year)
	if err != nil {
		return nil, err
	}
	if len(opts.Without) > 0 || len(opts.WithoutStates) > 0 {
		if r.WhatIf, err = whatIf(m, es, r, opts.Without, opts.WithoutStates, opts.AsOf); err != nil {
			return nil, err
		}
	}
	r.Sources = sources(m, r)
	return r, nil
}

// TransitReport is a state's crude export system: routes, maximum flow,
// minimum cut, N-1 and chokepoints (schema leverage.transit/v1).
type TransitReport struct {
	Schema      string             `json:"schema"` // "leverage.transit/v1"
	Exporter    method.Ref         `json:"exporter"`
	Commodity   string             `json:"commodity"`
	AsOf        string             `json:"as_of"`
	Year        int                `json:"year"`
	Complete    bool               `json:"complete"` // whether the route list can be taken as complete
	Routes      []method.Route     `json:"routes"`
	Capacity    float64            `json:"capacity_mt_y"` // maximum flow of the whole system
	Exports     *Figure            `json:"exports"`       // the exportable volume N-1 is measured against
	MinCut      []Part             `json:"min_cut"`
	Parts       []Part             `json:"parts"` // every asset with the flow it carries
	NMinus1     *NMinus1           `json:"n_minus_1"`
	Chokepoints []Chokepoint       `json:"chokepoints"`
	NState      map[string]float64 `json:"n_state"` // per state: capacity left without it, % of exports
	RouteHHI    *Figure            `json:"route_hhi"`
	WhatIf      *WhatIf            `json:"what_if,omitempty"`
	Sources     []*leverage.Source `json:"sources"`
}

// Figure is a number with its year and sources.
type Figure struct {
	Value   float64  `json:"value"`
	Year    int      `json:"year,omitempty"`
	Note    string   `json:"note,omitempty"`
	Sources []string `json:"sources"`
}

// Part is an asset in a result.
type Part struct {
	Asset    string   `json:"asset"`
	Name     string   `json:"name"`
	Capacity *float64 `json:"capacity_mt_y"`
	States   []string `json:"states"`
	Flow     float64  `json:"flow_mt_y"` // what it carries in the maximum flow
}

// Chokepoint is one state's power to cut the exports.
type Chokepoint struct {
	State    string   `json:"state"`
	Name     string   `json:"name"`
	Role     string   `json:"role"`           // transit, or buyer
	Lost     float64  `json:"lost_mt_y"`      // export capacity lost without the state's jurisdiction
	Share    float64  `json:"share"`          // Lost over the system's capacity
	NState   *float64 `json:"n_state"`        // capacity left without the state, % of exports; null without an exports figure
	Exposure *float64 `json:"flows_crossing"` // share of recorded volumes crossing the state; null without volumes
}

// NMinus1 is the result of the export-side N-1 test.
type NMinus1 struct {
	Percent float64 `json:"percent"`
	Lost    Part    `json:"largest"`
	Passes  bool    `json:"passes"` // at least 100%
}

// WhatIf is what the system carries once some assets and states are gone.
type WhatIf struct {
	WithoutAssets []string `json:"without_assets"`
	WithoutStates []string `json:"without_states"`
	Capacity      float64  `json:"capacity_mt_y"`
	Lost          float64  `json:"lost_mt_y"`
	Percent       *float64 `json:"percent_of_exports"` // null without an exports figure
	MinCut        []Part   `json:"min_cut"`
	Parts         []Part   `json:"parts"` // every asset with the flow it carries, 0 if removed
}

// build computes the report for the export system.
func build(m *method.Model, es *method.ExportSystem, asOf time.Time, year int) (*TransitReport, error) {
	sys := transit.NewSystem(es.Exporter, es.Routes)
	fl, err := sys.Flow(nil)
	if err != nil {
		return nil, err
	}
	r := &TransitReport{Schema: "leverage.transit/v1", Exporter: method.Ref{ID: es.Exporter, Name: m.Name(es.Exporter)},
		Commodity: "crude", AsOf: asOf.Format(time.DateOnly), Year: year, Complete: es.Complete,
		Routes: es.Info, Capacity: fl.Value, Chokepoints: []Chokepoint{}}
	r.MinCut, r.Parts = Parts(sys, fl), flows(sys, fl)
	if es.Exports != nil {
		q, _ := es.Exports.Float()
		r.Exports = &Figure{Value: q, Year: es.Exports.Year, Sources: es.Exports.Sources}
		if p, ok := sys.Largest(); ok && q > 0 {
			left := sys.WithoutAsset(p.Asset)
			pct := 100 * left / q
			i := slices.IndexFunc(sys.Parts, func(x transit.Part) bool { return x.Asset == p.Asset })
			r.NMinus1 = &NMinus1{Percent: pct, Passes: pct >= 100, Lost: PartOf(p, fl.Parts[i])}
		}
	}
	for _, c := range sys.Chokepoints(es.Volumes) {
		cp := Chokepoint{State: c.State, Name: m.Name(c.State), Role: c.Role, Lost: c.Lost, Share: c.Share}
		if r.Exports != nil && r.Exports.Value > 0 {
			v := 100 * sys.WithoutState(c.State) / r.Exports.Value
			cp.NState = &v
		}
		if !math.IsNaN(c.Exposure) {
			x := c.Exposure
			cp.Exposure = &x
		}
		r.Chokepoints = append(r.Chokepoints, cp)
	}
	var vols []float64
	var src []string
	for i, v := range es.Volumes {
		if !math.IsNaN(v) {
			vols = append(vols, v)
			src = append(src, es.Info[i].Sources...)
		}
	}
	if len(vols) > 0 {
		r.RouteHHI = &Figure{Value: measure.HHI(vols), Year: es.VolumeYear, Sources: dedupe(src),
			Note: fmt.Sprintf("over %d routes with a %d volume", len(vols), es.VolumeYear)}
	}
	return r, nil
}

// PartOf returns the part p of a system carrying flow.
func PartOf(p transit.Part, flow float64) Part {
	out := Part{Asset: p.Asset, Name: p.Name, States: p.States, Flow: flow}
	if !math.IsNaN(p.Capacity) {
		c := p.Capacity
		out.Capacity = &c
	}
	return out
}

// Parts returns the parts of a flow's minimum cut.
func Parts(sys *transit.System, fl *transit.Flow) []Part {
	out := []Part{}
	for _, i := range fl.Cut {
		out = append(out, PartOf(sys.Parts[i], fl.Parts[i]))
	}
	return out
}

// whatIf removes the assets and states the options name.
func whatIf(m *method.Model, es *method.ExportSystem, r *TransitReport, without, withoutStates []string, asOf time.Time) (*WhatIf, error) {
	sys := transit.NewSystem(es.Exporter, es.Routes)
	w := &WhatIf{WithoutAssets: []string{}, WithoutStates: []string{}}
	for _, a := range without {
		id, err := resolvePart(m, sys, a, asOf)
		if err != nil {
			return nil, err
		}
		w.WithoutAssets = append(w.WithoutAssets, id)
	}
	for _, s := range withoutStates {
		act, err := leverage.Resolve(m.Actors(), s, asOf)
		if err != nil {
			return nil, badArg("without_state", "%v", err)
		}
		if act.Actor.Kind != leverage.State {
			return nil, badArg("without_state", "%s is not a state but a %s", act.Actor.ID, act.Actor.Kind)
		}
		w.WithoutStates = append(w.WithoutStates, act.Actor.ID)
	}
	fl, err := sys.Flow(func(p *transit.Part) bool {
		if slices.Contains(w.WithoutAssets, p.Asset) {
			return true
		}
		for _, s := range w.WithoutStates {
			if slices.Contains(p.States, s) {
				return true
			}
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	w.Capacity, w.Lost = fl.Value, r.Capacity-fl.Value
	w.MinCut, w.Parts = Parts(sys, fl), flows(sys, fl)
	if r.Exports != nil && r.Exports.Value > 0 {
		pct := 100 * fl.Value / r.Exports.Value
		w.Percent = &pct
	}
	return w, nil
}

// resolvePart finds an asset of the system by id or name.
func resolvePart(m *method.Model, sys *transit.System, arg string, asOf time.Time) (string, error) {
	var ids []string
	var actors []*leverage.Actor
	for _, p := range sys.Parts {
		ids = append(ids, p.Asset)
		if a := m.Actor(p.Asset); a != nil {
			actors = append(actors, a)
		}
	}
	a, err := leverage.Resolve(actors, arg, asOf)
	if err != nil {
		return "", badArg("without", "%v (the system's assets: %s)", err, strings.Join(ids, ", "))
	}
	return a.Actor.ID, nil
}

// sources returns the sources cited anywhere in the report.
func sources(m *method.Model, r *TransitReport) []*leverage.Source {
	var ids []string
	for _, rt := range r.Routes {
		ids = append(ids, rt.Sources...)
	}
	for _, fg := range []*Figure{r.Exports, r.RouteHHI} {
		if fg != nil {
			ids = append(ids, fg.Sources...)
		}
	}
	ids = dedupe(ids)
	slices.Sort(ids)
	out := []*leverage.Source{}
	for _, id := range ids {
		if s := m.Source(id); s != nil {
			out = append(out, s)
		}
	}
	return out
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// flows returns every part of the system with the flow it carries.
func flows(sys *transit.System, fl *transit.Flow) []Part {
	out := make([]Part, 0, len(sys.Parts))
	for i, p := range sys.Parts {
		out = append(out, PartOf(p, fl.Parts[i]))
	}
	return out
}
