package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence"
	"github.com/leverage-dev/leverage/influence/panel"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
)

type topOptions struct {
	Profile        string
	Target, Source string
	Year, N        int
	Format         string
}

func newTopCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &topOptions{}
	cmd := &cobra.Command{
		Use:   "top",
		Short: "Rank the influencers of a target, or the targets of a source",
		Long: `List the states with the highest index over --target in a year (its top
influencers), or, with --source, the states --source influences most.
States are named by ISO3, COW code or abbreviation, or name.`,
		Example: `  leverage index top --target KAZ --year 2014
  leverage index top --source RUS --year 2014 -n 5 --format md`,
		Args: cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return runTop(cmd.Context(), f, opts) },
	}
	cmd.Flags().StringVar(&opts.Profile, "profile", "open", "index profile: open or fbic")
	cmd.Flags().StringVar(&opts.Target, "target", "", "rank the influencers of this state")
	cmd.Flags().StringVar(&opts.Source, "source", "", "rank the states this state influences")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "year (default: the latest in the panel)")
	cmd.Flags().IntVarP(&opts.N, "n", "n", 10, "number of states to list")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

func runTop(ctx context.Context, f *cmdutil.Factory, opts *topOptions) error {
	if err := checkProfile(opts.Profile); err != nil {
		return err
	}
	if err := cmdutil.CheckFormat(opts.Format, cmdutil.ListFormats...); err != nil {
		return err
	}
	if (opts.Target == "") == (opts.Source == "") {
		return cmdutil.Usagef("give one of --target and --source")
	}
	if opts.N < 1 {
		return cmdutil.Usagef("-n must be at least 1")
	}
	cw, err := country.Load()
	if err != nil {
		return err
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	top, err := query.RankTop(ctx, st, cw, query.TopQuery{Profile: opts.Profile, Target: opts.Target, Source: opts.Source, Year: opts.Year, N: opts.N})
	if err != nil {
		return cmdutil.Usage(err)
	}
	out := top.Rows
	headers := []string{"rank", "state", "code", "index", "bandwidth", "dependence"}
	var cells [][]string
	for _, r := range out {
		cells = append(cells, []string{strconv.Itoa(r.Rank), r.State, r.Code, f6(r.Index), f6(r.Bandwidth), f6(r.Dependence)})
	}
	if opts.Format == "table" || opts.Format == "md" {
		var who string
		if top.Source != nil {
			who = "States influenced by " + top.Source.Name
		} else {
			who = "Influencers of " + top.Target.Name
		}
		fmt.Fprintf(f.Out, "%s, %d (%s index)\n\n", who, top.Year, opts.Profile)
	}
	return cmdutil.WriteList(f.Out, opts.Format, headers, cells, top)
}

func inYear(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprintf(" in %d", y)
}

func stateName(cw *country.Crosswalk, cow int) string {
	n, _ := stateLabel(cw, cow)
	return n
}

type seriesOptions struct {
	Profile  string
	From, To int
	Format   string
}

func newSeriesCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &seriesOptions{}
	cmd := &cobra.Command{
		Use:   "series A B",
		Short: "The yearly index of A over B, with its bandwidth and dependence and their components",
		Long: `Print A's index over B for every year of the panel, with A's rank among B's
influencers, bandwidth and dependence, and the components they are
weighted sums of (for the open profile: trade, IGOs and alliances scaled
to their maxima; B's trade with A and imports from A in % of its totals).`,
		Example: `  leverage index series RUS KAZ
  leverage index series RUS KAZ --from 1992 --format csv`,
		Args: cmdutil.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSeries(cmd.Context(), f, opts, args[0], args[1])
		},
	}
	cmd.Flags().StringVar(&opts.Profile, "profile", "open", "index profile: open or fbic")
	cmd.Flags().IntVar(&opts.From, "from", 0, "first year")
	cmd.Flags().IntVar(&opts.To, "to", 0, "last year")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

func runSeries(ctx context.Context, f *cmdutil.Factory, opts *seriesOptions, argA, argB string) error {
	if err := checkProfile(opts.Profile); err != nil {
		return err
	}
	if err := cmdutil.CheckFormat(opts.Format, cmdutil.ListFormats...); err != nil {
		return err
	}
	cw, err := country.Load()
	if err != nil {
		return err
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	ser, err := query.IndexSeries(ctx, st, cw, query.SeriesQuery{Profile: opts.Profile, A: argA, B: argB, From: opts.From, To: opts.To})
	if err != nil {
		return cmdutil.Usage(err)
	}
	series := ser.Points
	headers := []string{"year", "index", "rank", "bandwidth", "dependence"}
	headers = append(headers, ser.Components...)
	var cells [][]string
	for _, s := range series {
		row := []string{strconv.Itoa(s.Year), f6(s.Index), fmt.Sprintf("%d/%d", s.Rank, s.Of), f6(s.Bandwidth), f6(s.Dependence)}
		for _, c := range ser.Components {
			row = append(row, f6(s.Components[c]))
		}
		cells = append(cells, row)
	}
	if opts.Format == "table" || opts.Format == "md" {
		fmt.Fprintf(f.Out, "%s over %s (%s index)\n\n", ser.A.Name, ser.B.Name, opts.Profile)
	}
	return cmdutil.WriteList(f.Out, opts.Format, headers, cells, ser)
}

type sensitivityOptions struct {
	Profile string
	Target  string
	Year, N int
	Delta   float64
	Weights string
	Format  string
}

func newSensitivityCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &sensitivityOptions{}
	cmd := &cobra.Command{
		Use:   "sensitivity",
		Short: "How the top influencers of a target move when each weight changes",
		Long: `Multiply each bandwidth and dependence weight in turn by 1 - delta and by
1 + delta, rescale the other weights of its part so the part's total stays
the same, and rank the influencers of --target again. Reports, for each
change, Spearman's rank correlation with the baseline over the union of
both top-n lists, and the states that enter and leave the top n.
The baseline uses the weights the stored panel was built with, or --weights.`,
		Example: `  leverage index sensitivity --target KAZ --year 2014
  leverage index sensitivity --target KAZ --year 2014 --delta 0.5 -n 5 --format json`,
		Args: cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return runSensitivity(cmd.Context(), f, opts) },
	}
	cmd.Flags().StringVar(&opts.Profile, "profile", "open", "index profile: open or fbic")
	cmd.Flags().StringVar(&opts.Target, "target", "", "the state whose influencers are ranked (required)")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "year (default: the latest in the panel)")
	cmd.Flags().IntVarP(&opts.N, "n", "n", 10, "size of the top list compared")
	cmd.Flags().Float64Var(&opts.Delta, "delta", 0.25, "relative change of each weight")
	cmd.Flags().StringVar(&opts.Weights, "weights", "", "baseline weights file (default: the stored panel's)")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

// SensitivityResult is the JSON output of `index sensitivity`.
type SensitivityResult struct {
	Profile  string             `json:"profile"`
	Target   int                `json:"target"`
	Year     int                `json:"year"`
	Delta    float64            `json:"delta"`
	Baseline []influence.Ranked `json:"baseline"`
	Shifts   []influence.Shift  `json:"shifts"`
}

func runSensitivity(ctx context.Context, f *cmdutil.Factory, opts *sensitivityOptions) error {
	if err := checkProfile(opts.Profile); err != nil {
		return err
	}
	if err := cmdutil.CheckFormat(opts.Format, cmdutil.ListFormats...); err != nil {
		return err
	}
	if opts.Target == "" {
		return cmdutil.Usagef("--target is required")
	}
	if !(opts.Delta > 0 && opts.Delta < 1) {
		return cmdutil.Usagef("--delta must lie between 0 and 1, got %v", opts.Delta)
	}
	if opts.N < 1 {
		return cmdutil.Usagef("-n must be at least 1")
	}
	cw, err := country.Load()
	if err != nil {
		return err
	}
	b, err := resolveState(cw, opts.Target)
	if err != nil {
		return err
	}
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	p, rows, err := st.Influence(ctx, leverage.InfluenceQuery{Profile: opts.Profile, B: b, From: opts.Year, To: opts.Year})
	if err != nil {
		return err
	}
	if err := panel.CheckRanking(p, 0, b, opts.Year); err != nil {
		return err
	}
	if len(rows) == 0 {
		return fmt.Errorf("the %s index has no rows for %s%s", opts.Profile, opts.Target, inYear(opts.Year))
	}
	year := rows[len(rows)-1].Year
	rows = slices.DeleteFunc(rows, func(r leverage.InfluenceRow) bool { return r.Year != year })
	base, err := panel.Weights(p)
	if err != nil {
		return err
	}
	if opts.Weights != "" {
		if base, err = loadWeights(opts.Profile, opts.Weights); err != nil {
			return err
		}
	}
	// Only the weights of bandwidth and dependence reorder a stored panel.
	var perturbable influence.Weights
	for _, x := range base {
		if x.Part == influence.BandwidthPart || x.Part == influence.DependencePart {
			perturbable = append(perturbable, x)
		}
	}
	rank := func(w influence.Weights) ([]influence.Ranked, error) {
		states := make([]int, 0, len(rows))
		scores := make([]float64, 0, len(rows))
		for _, r := range rows {
			s := influence.Score(w, p.Components, r.Parts)
			if math.IsNaN(s) {
				continue
			}
			states = append(states, r.A)
			scores = append(scores, s)
		}
		return influence.Rank(states, scores), nil
	}
	baseline, shifts, err := influence.Sensitivity(ctx, perturbable, []float64{1 - opts.Delta, 1 + opts.Delta}, opts.N, rank)
	if err != nil {
		return err
	}
	res := SensitivityResult{Profile: opts.Profile, Target: b, Year: year, Delta: opts.Delta, Baseline: baseline, Shifts: shifts}
	codes := func(cs []int) string {
		var s []string
		for _, c := range cs {
			_, code := stateLabel(cw, c)
			s = append(s, code)
		}
		return strings.Join(s, " ")
	}
	var top []int
	for _, r := range baseline {
		top = append(top, r.State)
	}
	headers := []string{"part", "indicator", "weight", "new weight", "rho", "entries", "exits", "top"}
	var cells [][]string
	for _, s := range shifts {
		var t []int
		for _, r := range s.Top {
			t = append(t, r.State)
		}
		cells = append(cells, []string{s.Weight.Part, s.Weight.Indicator, strconv.FormatFloat(s.Weight.Value, 'g', 4, 64),
			strconv.FormatFloat(s.Weight.Value*s.Factor, 'g', 4, 64), strconv.FormatFloat(s.Rho, 'f', 3, 64), codes(s.Entries), codes(s.Exits), codes(t)})
	}
	if opts.Format == "table" || opts.Format == "md" {
		fmt.Fprintf(f.Out, "Top %d influencers of %s, %d (%s index), weights ±%g%%: %s\n\n", opts.N, stateName(cw, b), year, opts.Profile, 100*opts.Delta, codes(top))
	}
	return cmdutil.WriteList(f.Out, opts.Format, headers, cells, res)
}
