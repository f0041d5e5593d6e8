package transit

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/transit"
)

// NetworkReport is the JSON output of the transit command on imported
// networks.
type NetworkReport struct {
	Schema         string               `json:"schema"` // "leverage.transit-network/v1"
	Exporter       method.Ref           `json:"exporter"`
	Commodity      string               `json:"commodity"`
	Stats          transit.NetworkStats `json:"network"`
	Capacity       float64              `json:"capacity_mt_y"` // cross-border capacity of the exporter's lines
	MinCut         []query.Part         `json:"min_cut"`
	Largest        *query.Part          `json:"largest_asset"` // the asset of largest capacity carrying flow
	WithoutLargest *float64             `json:"without_largest_mt_y"`
	Chokepoints    []query.Chokepoint   `json:"chokepoints"`
	WhatIf         *query.WhatIf        `json:"what_if,omitempty"`
	Sources        []*leverage.Source   `json:"sources"`
}

// runImported answers on the networks stored by imports.
func runImported(cmd *cobra.Command, f *cmdutil.Factory, st leverage.Store, m *method.Model, b *leverage.Actor, opts *Options) error {
	ctx := cmd.Context()
	if b.ISO3 == "" {
		return cmdutil.Usagef("%s has no ISO3 code, which imported networks name states by", b.Name)
	}
	n, err := st.Network(ctx, leverage.NetworkFilter{Commodity: opts.Commodity})
	if err != nil {
		return err
	}
	if len(n.Edges) == 0 {
		return fmt.Errorf("no %s network in the store: run leverage import gem-oil FILE", opts.Commodity)
	}
	cw, err := country.Load()
	if err != nil {
		return err
	}
	sys, stats := transit.NewNetworkSystem(b.ISO3, opts.Commodity, n, opts.Assume, m.AsOf)
	fl, err := sys.Flow(nil)
	if err != nil {
		return err
	}
	r := &NetworkReport{Schema: "leverage.transit-network/v1", Exporter: method.Ref{ID: b.ID, Name: b.Name},
		Commodity: opts.Commodity, Stats: stats, Capacity: fl.Value, MinCut: query.Parts(sys, fl), Chokepoints: []query.Chokepoint{}}
	// The largest asset that carries flow: losing any other asset of
	// larger capacity would cost nothing.
	best := -1
	for i, p := range sys.Parts {
		if fl.Parts[i] > 0 && (best < 0 || p.Capacity > sys.Parts[best].Capacity) {
			best = i
		}
	}
	if best >= 0 {
		p := query.PartOf(sys.Parts[best], fl.Parts[best])
		left := sys.WithoutAsset(sys.Parts[best].Asset)
		r.Largest, r.WithoutLargest = &p, &left
	}
	for _, c := range sys.Chokepoints(nil) {
		if c.Lost == 0 {
			continue // states the flow does not depend on
		}
		r.Chokepoints = append(r.Chokepoints, query.Chokepoint{State: c.State, Name: stateName(m, cw, c.State), Role: c.Role, Lost: c.Lost, Share: c.Share})
	}
	if len(opts.Without) > 0 || len(opts.WithoutState) > 0 {
		w := &query.WhatIf{WithoutAssets: opts.Without, WithoutStates: []string{}}
		for _, s := range opts.WithoutState {
			a, err := cmdutil.ResolveActor(m.Actors(), s, m.AsOf)
			if err != nil {
				return err
			}
			w.WithoutStates = append(w.WithoutStates, a.ISO3)
		}
		known := func(asset string) bool {
			return slices.ContainsFunc(sys.Parts, func(p transit.Part) bool { return p.Asset == asset })
		}
		for _, a := range w.WithoutAssets {
			if !known(a) {
				return cmdutil.Usagef("--without: no asset %q in the imported network (see leverage network export)", a)
			}
		}
		wf, err := sys.Flow(func(p *transit.Part) bool {
			return slices.Contains(w.WithoutAssets, p.Asset) || slices.ContainsFunc(w.WithoutStates, func(s string) bool { return slices.Contains(p.States, s) })
		})
		if err != nil {
			return err
		}
		w.Capacity, w.Lost, w.MinCut = wf.Value, fl.Value-wf.Value, query.Parts(sys, wf)
		r.WhatIf = w
	}
	ds, err := st.Sources(ctx, leverage.SourceFilter{})
	if err != nil {
		return err
	}
	var ids []string
	for _, e := range n.Edges {
		for _, s := range e.Sources {
			if !slices.Contains(ids, s) {
				ids = append(ids, s)
			}
		}
	}
	r.Sources = []*leverage.Source{}
	for _, s := range ds {
		if slices.Contains(ids, s.ID) {
			r.Sources = append(r.Sources, s)
		}
	}
	if opts.Format == "json" {
		return cmdutil.WriteList(f.Out, "json", nil, nil, r)
	}
	return networkTable(f.Out, r, opts.Format == "md")
}

// stateName is the model's name of the state with this ISO3 code, or the
// crosswalk's.
func stateName(m *method.Model, cw *country.Crosswalk, iso3 string) string {
	for _, a := range m.Actors() {
		if a.ISO3 == iso3 && a.Kind == leverage.State {
			return m.Name(a.ID)
		}
	}
	if c, ok := cw.ByISO3(iso3); ok {
		return cw.Name(c)
	}
	return iso3
}

func networkTable(w io.Writer, r *NetworkReport, md bool) error {
	head := "Cross-border %s pipeline capacity of %s in the imported network\n\n"
	if md {
		head = "# Cross-border %s pipeline capacity of %s (imported network)\n\n"
	}
	fmt.Fprintf(w, head, r.Commodity, r.Exporter.Name)
	fmt.Fprintf(w, "%d operating edges used, %d of them in no known state; %d have no capacity, of which %d were given the assumed one and the rest left out; %d entry and %d exit nodes.\n",
		r.Stats.Edges, r.Stats.NoState, r.Stats.UnknownCapacity, r.Stats.Assumed, r.Stats.Entries, r.Stats.Exits)
	fmt.Fprintf(w, "Maximum flow across the borders: %.1f Mt/y\n", r.Capacity)
	fmt.Fprintf(w, "Minimum cut: %s\n", cutNames(r.MinCut))
	if r.Largest != nil {
		fmt.Fprintf(w, "Without the largest asset carrying flow (%s, %s Mt/y): %.1f Mt/y\n", r.Largest.Name, mt(r.Largest.Capacity), *r.WithoutLargest)
	}
	if wi := r.WhatIf; wi != nil {
		fmt.Fprintf(w, "What if without %s: %.1f Mt/y left (%.1f lost)\n", strings.Join(append(slices.Clone(wi.WithoutAssets), wi.WithoutStates...), ", "), wi.Capacity, wi.Lost)
	}
	fmt.Fprintln(w)
	if md {
		fmt.Fprintln(w, "| State | Capacity lost (Mt/y) | Share |\n|---|---:|---:|")
		for _, c := range r.Chokepoints {
			fmt.Fprintf(w, "| %s | %.1f | %.1f%% |\n", esc(c.Name), c.Lost, 100*c.Share)
		}
	} else {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CHOKEPOINT\tCAPACITY LOST\tSHARE")
		for _, c := range r.Chokepoints {
			fmt.Fprintf(tw, "%s\t%.1f Mt/y\t%.1f%%\n", c.Name, c.Lost, 100*c.Share)
		}
		tw.Flush()
	}
	for _, s := range r.Sources {
		fmt.Fprintf(w, "\nSource: %s, %s (%s)", s.Title, s.Publisher, s.ID)
	}
	fmt.Fprintln(w)
	return nil
}
