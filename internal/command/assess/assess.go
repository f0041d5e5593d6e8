// Package assess implements `leverage assess A B`: the explained assessment
// of A's leverage over B and B's over A.
package assess

import (
	"github.com/spf13/cobra"

	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
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
	as, err := query.Assess(ctx, st, m, argA, argB, method.Options{AsOf: asOf, Year: opts.Year, Weights: weights})
	if err != nil {
		return cmdutil.Usage(err)
	}
	return report.Write(f.Out, as, opts.Format)
}
