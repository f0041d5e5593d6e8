// Package root assembles the leverage command from the per-command
// packages and runs it.
package root

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/internal/command/actors"
	"github.com/leverage-dev/leverage/internal/command/assess"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/command/facts"
	"github.com/leverage-dev/leverage/internal/command/importcmd"
	"github.com/leverage-dev/leverage/internal/command/index"
	"github.com/leverage-dev/leverage/internal/command/network"
	readcmd "github.com/leverage-dev/leverage/internal/command/read"
	scenariocmd "github.com/leverage-dev/leverage/internal/command/scenario"
	"github.com/leverage-dev/leverage/internal/command/serve"
	"github.com/leverage-dev/leverage/internal/command/sources"
	"github.com/leverage-dev/leverage/internal/command/transit"
	"github.com/leverage-dev/leverage/internal/command/version"
)

// NewCmd returns the root command with every subcommand.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "leverage <command> [args] [flags]",
		Short: "Measure, explain and stress-test the leverage states hold over each other",
		Long: `leverage turns analysis of one state's leverage over another into a sourced,
quantified model: channel scores with the indicators behind them, and where
each number comes from. It works offline on a built-in dataset (Russia and
Kazakhstan and their neighbours and partners) kept in a local database.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.PersistentFlags().StringVar(&f.DBPath, "db", "", "database: an SQLite file or a postgres:// URL (default $LEVERAGE_DB or the user data directory)")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.UsageError{Err: fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())}
	})
	cmd.AddCommand(assess.NewCmd(f), actors.NewCmd(f), facts.NewCmd(f), sources.NewCmd(f), version.NewCmd(f))
	cmd.AddCommand(index.NewCmd(f))
	cmd.AddCommand(importcmd.NewCmd(f))
	cmd.AddCommand(transit.NewCmd(f))
	cmd.AddCommand(scenariocmd.NewCmd(f))
	cmd.AddCommand(network.NewCmd(f))
	cmd.AddCommand(readcmd.NewCmd(f))
	cmd.AddCommand(serve.NewCmd(f))
	cmd.SetOut(f.Out)
	cmd.SetErr(f.ErrOut)
	return cmd
}

// Main runs the command line args and returns the exit code.
func Main(ctx context.Context, args []string) int {
	return Run(ctx, cmdutil.NewFactory(), args)
}

// Run runs args with the given factory and returns the exit code; errors
// are printed to f.ErrOut.
func Run(ctx context.Context, f *cmdutil.Factory, args []string) int {
	cmd := NewCmd(f)
	cmd.SetArgs(args)
	c, err := cmd.ExecuteContextC(ctx)
	if err != nil {
		// Unknown commands and argument errors from cobra itself are usage errors.
		if c == cmd || (c != nil && !c.Runnable()) {
			if _, ok := err.(*cmdutil.UsageError); !ok {
				err = &cmdutil.UsageError{Err: err}
			}
		}
		fmt.Fprintln(f.ErrOut, "leverage:", err)
	}
	return cmdutil.ExitCode(err)
}
