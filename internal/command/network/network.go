// Package network implements `leverage network`: the maximum flow and
// minimum cut of a network given as a CSV edge list (maxflow), and the
// stored transport networks written out for maps and other tools (export).
package network

import (
	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
)

// NewCmd returns the network command and its subcommands.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "network <command>",
		Short: "Flow networks: maximum flow and minimum cut of an edge list, export of the stored networks",
		Long: `Work with capacitated networks as plain files.

  maxflow  the maximum flow and minimum cut between two nodes of a CSV edge
           list with columns from,to,capacity
  export   the stored transport networks as GeoJSON, or as CSV that maxflow
           reads`,
		Args: cmdutil.ExactArgs(0),
	}
	// One subcommand per file: maxflow.go, export.go.
	cmd.AddCommand(newMaxflowCmd(f))
	cmd.AddCommand(newExportCmd(f))
	return cmd
}
