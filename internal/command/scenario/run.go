package scenario

import (
	"errors"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/progress"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/report"
	"github.com/leverage-dev/leverage/scenario"
	"github.com/leverage-dev/leverage/simulate"
)

// runOptions are the flags of scenario run and compare.
type runOptions struct {
	Draws   int
	Seed    uint64
	Workers int
	Holder  string
	Target  string
	AsOf    string
	Weights string
	Format  string
}

func (o *runOptions) flags(cmd *cobra.Command) {
	cmd.Flags().IntVar(&o.Draws, "draws", 1000, "Monte Carlo draws (0: the central case only)")
	cmd.Flags().Uint64Var(&o.Seed, "seed", 1, "random seed: the same seed gives the same result, whatever --workers")
	cmd.Flags().IntVar(&o.Workers, "workers", 0, "goroutines drawing (0: one per CPU)")
	cmd.Flags().StringVar(&o.Holder, "holder", "RUS", "the state whose leverage is assessed")
	cmd.Flags().StringVar(&o.Target, "target", "KAZ", "the state it is assessed over, whose export system is stressed")
	cmd.Flags().StringVar(&o.AsOf, "as-of", "", "date of the model (default: the first day of the scenario's horizon)")
	cmd.Flags().StringVar(&o.Weights, "weights", "", "weights file (CSV channel,indicator,weight) replacing the built-in weights")
	cmd.Flags().StringVar(&o.Format, "format", "table", "output format: table, json or md")
}

func newRun(f *cmdutil.Factory) *cobra.Command {
	var opts runOptions
	cmd := &cobra.Command{
		Use:   "run NAME|FILE",
		Short: "Play a scenario out: channel scores, export losses, Monte Carlo bands",
		Long: `Apply a scenario's shocks to the model and report, for the holder's leverage
over the target, each channel's score before, at the peak and at the end of
the horizon; the target's crude export capacity over time with the exports
lost and the days below the N-1 line; and, over --draws random draws of the
scenario's uncertain numbers, p5/p50/p95 bands, the probability of events
such as "export capacity below 50%", and which inputs drive the spread.
NAME is a built-in scenario (leverage scenario list); anything else is read
as a scenario file. docs/scenarios.md describes the method.`,
		Example: `  leverage scenario run increased-pressure
  leverage scenario run cpc-drone-2025 --draws 10000 --seed 7 --format json
  leverage scenario run my-scenario.yaml --holder CHN --target KAZ`,
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, err := runOne(cmd, f, &opts, args[0])
			if err != nil {
				return err
			}
			return report.WriteScenario(f.Out, opts.Format, r)
		},
	}
	opts.flags(cmd)
	return cmd
}

func newCompare(f *cmdutil.Factory) *cobra.Command {
	var opts runOptions
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Run two scenarios with the same draws and show them side by side",
		Long: `Run two scenarios (built-in names or files) with the same seed and flags and
show their results side by side. Draw i of both uses the same random
stream.`,
		Example: `  leverage scenario compare increased-pressure diversification`,
		Args:    cmdutil.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var runs []*simulate.Result
			for _, a := range args {
				r, err := runOne(cmd, f, &opts, a)
				if err != nil {
					return err
				}
				runs = append(runs, r)
			}
			return report.WriteScenario(f.Out, opts.Format, runs...)
		},
	}
	opts.flags(cmd)
	return cmd
}

// load parses the built-in scenario name, or the file name, and returns
// it with its text, for errors to quote.
func load(arg string) (*scenario.Scenario, []byte, error) {
	if b, _, err := scenario.BuiltinFile(arg); err == nil {
		s, err := scenario.Builtin(arg, nil)
		return s, b, err
	}
	b, err := os.ReadFile(arg)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil, cmdutil.Usagef("%s is neither a built-in scenario (%s) nor a file", arg, strings.Join(scenario.BuiltinNames(), ", "))
		}
		return nil, nil, err
	}
	s, err := scenario.Parse(b, arg)
	if err != nil {
		return nil, nil, withLine(err, b)
	}
	return s, b, nil
}

func runOne(cmd *cobra.Command, f *cmdutil.Factory, opts *runOptions, arg string) (*simulate.Result, error) {
	if err := cmdutil.CheckFormat(opts.Format, report.ScenarioFormats...); err != nil {
		return nil, err
	}
	if opts.Draws < 0 {
		return nil, cmdutil.Usagef("--draws: want 0 or more, got %d", opts.Draws)
	}
	if opts.Workers < 0 {
		return nil, cmdutil.Usagef("--workers: want 0 or more, got %d", opts.Workers)
	}
	weights, err := cmdutil.Weights(opts.Weights)
	if err != nil {
		return nil, err
	}
	sc, src, err := load(arg)
	if err != nil {
		return nil, err
	}
	asOf := sc.Horizon.Start.First()
	if opts.AsOf != "" {
		if asOf, err = f.ParseAsOf(opts.AsOf); err != nil {
			return nil, err
		}
	}
	ctx := cmd.Context()
	st, m, err := f.Model(ctx, asOf)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var bar *progress.Bar
	ro := simulate.Options{Holder: opts.Holder, Target: opts.Target, Weights: weights, Draws: opts.Draws, Seed: opts.Seed, Workers: opts.Workers}
	if opts.Draws > 0 {
		bar = progress.New(f.ErrOut, "drawing "+sc.Name, opts.Draws, progress.Every(100*time.Millisecond))
		ro.Progress = bar.Set
	}
	// Checked against the stored model, imports included.
	r, err := query.RunScenario(ctx, m, sc, ro)
	if bar != nil {
		bar.Done()
	}
	var bad *scenario.Error
	switch {
	case errors.As(err, &bad): // the file's fault, not the command line's
		return nil, withLine(err, src)
	case err != nil:
		return nil, cmdutil.Usage(err)
	}
	return r, nil
}
