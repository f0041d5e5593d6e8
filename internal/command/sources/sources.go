// Package sources implements `leverage sources`: the documents and datasets
// facts cite.
package sources

import (
	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
)

// NewCmd returns the sources command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "sources [ID...]",
		Short: "List the sources facts cite, or the ones named",
		Example: `  leverage sources
  leverage sources cow-trade-v4 kmg-ar2020 --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckFormat(format, cmdutil.ListFormats...); err != nil {
				return err
			}
			ctx := cmd.Context()
			st, err := f.OpenStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			srcs, err := st.Sources(ctx, leverage.SourceFilter{IDs: args})
			if err != nil {
				return err
			}
			if len(args) > 0 && len(srcs) < len(args) {
				found := map[string]bool{}
				for _, s := range srcs {
					found[s.ID] = true
				}
				for _, id := range args {
					if !found[id] {
						return cmdutil.Usagef("unknown source %q", id)
					}
				}
			}
			var rows [][]string
			for _, s := range srcs {
				rows = append(rows, []string{s.ID, string(s.Kind), s.Title, s.Publisher, s.Date.String(), s.URL})
			}
			return cmdutil.WriteList(f.Out, format, []string{"id", "kind", "title", "publisher", "date", "url"}, rows, srcs)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json, csv or md")
	return cmd
}
