// Package assess implements `leverage assess A B`: the explained assessment
// of A's leverage over B and B's over A.
package assess

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/influence/panel"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/report"
)

// Options are the flags of the assess command.
type Options struct {
	AsOf    string
	Year    int
	Weights string
	Format  string
}

// NewCmd returns the assess command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:   "assess A B",
		Short: "Assess A's leverage over B, channel by channel, with sources",
		Long: `Assess the leverage state A holds over state B through seven channels (energy
transit, trade, economic bloc, security, people and language, political,
geography), and B's over A, with the asymmetry. Every score shows the
indicators behind it, their year, weight and sources. States are named by
ISO3 code, COW code or name, in any case. docs/methodology.md has the method.`,
		Example: `  leverage assess RUS KAZ
  leverage assess russia 705 --as-of 2021-12-31 --format md
  leverage assess KAZ RUS --format json --year 2014`,
		Args: cmdutil.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd, f, opts, args[0], args[1])
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "use only facts on the record at this date (YYYY[-MM[-DD]]; default today)")
	cmd.Flags().IntVar(&opts.Year, "year", 0, "latest data year to use (default: the as-of year)")
	cmd.Flags().StringVar(&opts.Weights, "weights", "", "weights file (CSV channel,indicator,weight) replacing the built-in weights")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

func run(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, argA, argB string) error {
	if err := cmdutil.CheckFormat(opts.Format, report.Formats...); err != nil {
		return err
	}
	asOf, err := f.ParseAsOf(opts.AsOf)
	if err != nil {
		return err
	}
	if opts.Year < 0 || opts.Year > 9999 {
		return cmdutil.Usagef("--year: %d is not a year", opts.Year)
	}
	weights, err := cmdutil.Weights(opts.Weights)
	if err != nil {
		return err
	}

	ctx := cmd.Context()
	st, m, err := f.Model(ctx, asOf)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := cmdutil.ResolveActor(m.Actors(), argA, asOf)
	if err != nil {
		return err
	}
	b, err := cmdutil.ResolveActor(m.Actors(), argB, asOf)
	if err != nil {
		return err
	}
	as, err := method.Assess(m, a.ID, b.ID, method.Options{AsOf: asOf, Year: opts.Year, Weights: weights})
	if err != nil {
		if leverage.ErrorCode(err) == leverage.EINVALID {
			return &cmdutil.UsageError{Err: err}
		}
		return err
	}
	if err := addIndex(ctx, st, m, as, a, b); err != nil {
		return err
	}
	return report.Write(f.Out, as, opts.Format)
}

// addIndex adds, for each profile with a stored influence index panel,
// where the pair stands in it up to the assessment's data year.
func addIndex(ctx context.Context, st leverage.Store, m *method.Model, as *method.Assessment, a, b *leverage.Actor) error {
	if a.COW == 0 || b.COW == 0 {
		return nil
	}
	for _, profile := range []string{"open", "fbic"} {
		_, pts, err := panel.Series(ctx, st, profile, a.COW, b.COW, 0, as.Year)
		if leverage.ErrorCode(err) == leverage.ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		var years, ranks, of []int
		var values, bw, dep []float64
		for _, p := range pts {
			years, ranks, of = append(years, p.Year), append(ranks, p.Rank), append(of, p.Of)
			values, bw, dep = append(values, p.Index), append(bw, p.Bandwidth), append(dep, p.Dependence)
		}
		if x := method.NewIndexSummary(profile, years, ranks, of, values, bw, dep); x != nil {
			as.AddIndex(m, x)
		}
	}
	return nil
}
