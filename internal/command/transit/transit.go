// Package transit implements `leverage transit B`: a state's export
// routes as a flow network, what they carry together, the minimum cut that
// bounds them, the N-1 test, and each state's chokepoint leverage, with
// what-if removals of assets and states.
package transit

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
)

// Options are the flags of the transit command.
type Options struct {
	Network      string
	Commodity    string
	Assume       float64
	Year         int
	AsOf         string
	Without      []string
	WithoutState []string
	Format       string
}

// NewCmd returns the transit command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:   "transit STATE",
		Short: "A state's export routes as a network: capacity, min-cut, N-1, chokepoints",
		Long: `Model STATE's export routes as a flow network (docs/methodology.md, "Energy
transit") and report: each route with its lesser-of capacity, bottleneck,
states and volume; the maximum flow the routes carry together and the
minimum cut that bounds it; the export-side N-1 test; every state's
chokepoint leverage (the export capacity lost without everything in its
jurisdiction, and the share of recorded flows crossing it); and the
concentration of volumes over routes.

--without ASSET and --without-state STATE (repeatable) answer what-if
questions: what the system carries once those are gone.`,
		Example: `  leverage transit KAZ
  leverage transit KAZ --without CPC
  leverage transit KAZ --without-state RUS --format json
  leverage transit KAZ --as-of 2021-12-31`,
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return run(cmd, f, opts, args[0]) },
	}
	cmd.Flags().StringVar(&opts.Network, "network", "builtin", "builtin (the dataset's routes, with volumes and sources) or imported (networks stored by leverage import, e.g. gem-oil)")
	cmd.Flags().StringVar(&opts.Commodity, "commodity", "crude", "commodity: crude (imported networks also ngl)")
	cmd.Flags().Float64Var(&opts.Assume, "assume-capacity", 0, "with --network imported: give lines of unknown capacity this many Mt/y instead of leaving them out")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "latest data year for volumes and exports (default: the as-of year)")
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "only facts on the record at this date (YYYY, YYYY-MM or YYYY-MM-DD)")
	cmd.Flags().StringArrayVar(&opts.Without, "without", nil, "remove this asset (id or name); repeatable")
	cmd.Flags().StringArrayVar(&opts.WithoutState, "without-state", nil, "remove everything in this state's jurisdiction; repeatable")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json or md")
	return cmd
}

func run(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, arg string) error {
	if err := cmdutil.CheckFormat(opts.Format, "table", "json", "md"); err != nil {
		return err
	}
	switch {
	case opts.Network != "builtin" && opts.Network != "imported":
		return cmdutil.Usagef("--network: want builtin or imported, got %q", opts.Network)
	case opts.Network == "builtin" && opts.Commodity != "crude":
		return cmdutil.Usagef("--commodity: the built-in dataset models crude oil only, got %q", opts.Commodity)
	}
	asOf, err := f.ParseAsOf(opts.AsOf)
	if err != nil {
		return err
	}
	year := opts.Year
	if year == 0 {
		year = asOf.Year()
	}
	ctx := cmd.Context()
	st, m, err := f.Model(ctx, asOf)
	if err != nil {
		return err
	}
	defer st.Close()
	b, err := cmdutil.ResolveActor(m.Actors(), arg, asOf)
	if err != nil {
		return err
	}
	if opts.Network == "imported" {
		return runImported(cmd, f, st, m, b, opts)
	}
	r, err := query.Transit(m, b.ID, query.TransitOptions{AsOf: asOf, Year: year, Without: opts.Without, WithoutStates: opts.WithoutState})
	var bad *query.ArgError
	switch {
	case errors.As(err, &bad):
		return cmdutil.Usagef("--%s: %v", strings.ReplaceAll(bad.Arg, "_", "-"), err)
	case err != nil:
		return err
	}
	switch opts.Format {
	case "json":
		return cmdutil.WriteList(f.Out, "json", nil, nil, r)
	case "md":
		return markdown(f.Out, m, r)
	}
	return table(f.Out, m, r)
}

func mt(p *float64) string {
	if p == nil {
		return "unknown"
	}
	return fmt.Sprintf("%.1f", *p)
}

func table(w io.Writer, m *method.Model, r *query.TransitReport) error {
	fmt.Fprintf(w, "Crude export system of %s, as of %s (data up to %d)\n", r.Exporter.Name, r.AsOf, r.Year)
	if !r.Complete {
		fmt.Fprintf(w, "Note: %s's total oil exports are not in the dataset, so its route list may be incomplete.\n", r.Exporter.Name)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ROUTE\tCAPACITY MT/Y\tBOTTLENECK\tSTATES\tMARKET\tVOLUME\tSOURCES")
	for _, rt := range r.Routes {
		vol := "–"
		if rt.Volume != nil {
			vol = fmt.Sprintf("%.1f Mt (%d)", *rt.Volume, rt.VolumeYear)
		}
		market := rt.Market
		if market == "" {
			market = "world"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", rt.Name, mt(rt.Capacity), rt.Bottleneck, strings.Join(rt.States, " "), market, vol, short(rt.Sources, 2))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nMaximum flow of the system: %.1f Mt/y", r.Capacity)
	if r.Exports != nil {
		fmt.Fprintf(w, ", against %.1f Mt exported in %d", r.Exports.Value, r.Exports.Year)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "Minimum cut (the assets that bound it): %s\n", cutNames(r.MinCut))
	if r.NMinus1 != nil {
		verdict := "fails"
		if r.NMinus1.Passes {
			verdict = "passes"
		}
		fmt.Fprintf(w, "N-1 without %s: %.1f%% of exports (%s the 100%% standard)\n", r.NMinus1.Lost.Name, r.NMinus1.Percent, verdict)
	}
	if r.RouteHHI != nil {
		fmt.Fprintf(w, "Concentration of volumes over routes (HHI): %.3f (%d)\n", r.RouteHHI.Value, r.RouteHHI.Year)
	}
	fmt.Fprintln(w, "\nCHOKEPOINTS")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  STATE\tROLE\tCAPACITY LOST\tSHARE\tN-STATE\tFLOWS CROSSING")
	for _, c := range r.Chokepoints {
		fmt.Fprintf(tw, "  %s\t%s\t%.1f Mt/y\t%.1f%%\t%s\t%s\n", c.Name, c.Role, c.Lost, 100*c.Share, percent(c.NState, 1), percent(c.Exposure, 100))
	}
	tw.Flush()
	if wi := r.WhatIf; wi != nil {
		fmt.Fprintf(w, "\nWHAT IF without %s: %.1f Mt/y left (%.1f lost)", strings.Join(append(slices.Clone(wi.WithoutAssets), wi.WithoutStates...), ", "), wi.Capacity, wi.Lost)
		if wi.Percent != nil {
			fmt.Fprintf(w, ", %.1f%% of exports", *wi.Percent)
		}
		fmt.Fprintf(w, "\nMinimum cut then: %s\n", cutNames(wi.MinCut))
	}
	fmt.Fprintln(w, "\nSOURCES")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range r.Sources {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.ID, s.Title, s.Publisher, s.Date)
	}
	return tw.Flush()
}

func markdown(w io.Writer, m *method.Model, r *query.TransitReport) error {
	fmt.Fprintf(w, "# Crude export system of %s\n\nAs of %s, data up to %d. Method: docs/methodology.md (Energy transit).\n\n", r.Exporter.Name, r.AsOf, r.Year)
	fmt.Fprintln(w, "| Route | Capacity (Mt/y) | Bottleneck | States | Market | Volume | Sources |\n|---|---:|---|---|---|---|---|")
	for _, rt := range r.Routes {
		vol := "–"
		if rt.Volume != nil {
			vol = fmt.Sprintf("%.1f Mt (%d)", *rt.Volume, rt.VolumeYear)
		}
		market := rt.Market
		if market == "" {
			market = "world"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", esc(rt.Name), mt(rt.Capacity), esc(rt.Bottleneck), strings.Join(rt.States, ", "), market, vol, strings.Join(rt.Sources, ", "))
	}
	fmt.Fprintf(w, "\n- Maximum flow: **%.1f Mt/y**", r.Capacity)
	if r.Exports != nil {
		fmt.Fprintf(w, " against %.1f Mt exported in %d", r.Exports.Value, r.Exports.Year)
	}
	fmt.Fprintf(w, "\n- Minimum cut: %s\n", esc(cutNames(r.MinCut)))
	if r.NMinus1 != nil {
		fmt.Fprintf(w, "- N-1 without %s: **%.1f%%** of exports\n", esc(r.NMinus1.Lost.Name), r.NMinus1.Percent)
	}
	fmt.Fprintln(w, "\n| State | Role | Capacity lost (Mt/y) | Share | N-state | Flows crossing |\n|---|---|---:|---:|---:|---:|")
	for _, c := range r.Chokepoints {
		fmt.Fprintf(w, "| %s | %s | %.1f | %.1f%% | %s | %s |\n", esc(c.Name), c.Role, c.Lost, 100*c.Share, percent(c.NState, 1), percent(c.Exposure, 100))
	}
	if wi := r.WhatIf; wi != nil {
		fmt.Fprintf(w, "\n**What if** without %s: %.1f Mt/y left (%.1f lost).\n", esc(strings.Join(append(slices.Clone(wi.WithoutAssets), wi.WithoutStates...), ", ")), wi.Capacity, wi.Lost)
	}
	fmt.Fprintln(w, "\n## Sources")
	for _, s := range r.Sources {
		fmt.Fprintf(w, "\n- %s: %s, %s, %s", s.ID, esc(s.Title), esc(s.Publisher), s.Date)
	}
	fmt.Fprintln(w)
	return nil
}

// short lists the first n ids and how many more there are.
func short(ids []string, n int) string {
	if len(ids) <= n {
		return strings.Join(ids, ", ")
	}
	return fmt.Sprintf("%s +%d", strings.Join(ids[:n], ", "), len(ids)-n)
}

func esc(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// percent formats *p times scale as a percentage, or "–" for nil.
func percent(p *float64, scale float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", scale**p)
}

func cutNames(ps []query.Part) string {
	if len(ps) == 0 {
		return "none"
	}
	var s []string
	for _, p := range ps {
		s = append(s, fmt.Sprintf("%s (%s Mt/y)", p.Name, mt(p.Capacity)))
	}
	return strings.Join(s, ", ")
}
