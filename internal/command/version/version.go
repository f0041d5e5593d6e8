// Package version implements `leverage version`.
package version

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
)

// Version is the program's version, set at build time with
// -ldflags "-X github.com/leverage-dev/leverage/internal/command/version.Version=v1.2.3".
var Version = "dev"

// NewCmd returns the version command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the program's and the built-in dataset's versions",
		Args:  cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			v := Version
			if info, ok := debug.ReadBuildInfo(); ok && v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
				v = info.Main.Version
			}
			ds, err := data.Builtin()
			if err != nil {
				return err
			}
			fmt.Fprintf(f.Out, "leverage %s\nbuilt-in dataset %s (%d actors, %d sources, %d facts)\n", v, ds.Version, len(ds.Actors), len(ds.Sources), len(ds.Facts))
			return nil
		},
	}
}
