// Package actors implements `leverage actors [QUERY]`: search actors by
// name, alias, code or historical name.
package actors

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
)

// Options are the flags of the actors command.
type Options struct {
	AsOf   string
	Kind   string
	Format string
}

// NewCmd returns the actors command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:   "actors [QUERY]",
		Short: "List or search actors by name, alias, code or historical name",
		Long: `List the actors in the database, or those whose id, ISO3 or COW code, name,
alias, acronym, demonym or historical name contains QUERY (ignoring case,
accents and punctuation). For a historical name, it says when the name was in
use.`,
		Example: `  leverage actors nur-sultan
  leverage actors --kind organisation
  leverage actors 705 --format json`,
		Args: cmdutil.MaxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := ""
			if len(args) == 1 {
				q = args[0]
			}
			return run(cmd, f, opts, q)
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "show names in force at this date (default today)")
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "only actors of this kind (state, organisation, company, asset, route, place, person)")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

func run(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, q string) error {
	if err := cmdutil.CheckFormat(opts.Format, cmdutil.ListFormats...); err != nil {
		return err
	}
	at, err := f.ParseAsOf(opts.AsOf)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	found, err := query.SearchActors(ctx, st, q, leverage.ActorKind(opts.Kind), at)
	if err != nil {
		return err
	}
	var rows [][]string
	for _, r := range found {
		a := r.Actor
		codes := a.ISO3
		if a.COW != 0 {
			codes += " " + strconv.Itoa(a.COW)
		}
		matched := ""
		if n := r.Matched; n != nil {
			matched = fmt.Sprintf("%q (%s", n.Text, n.Kind)
			if p := n.Valid.String(); p != "" {
				matched += ", in use " + p
			}
			matched += ")"
		}
		rows = append(rows, []string{a.ID, string(a.Kind), r.NameAtDate, strings.TrimSpace(codes), matched, strings.Join(r.Roles, "; ")})
	}
	return cmdutil.WriteList(f.Out, opts.Format, []string{"id", "kind", "name", "codes", "matched", "role"}, rows, found)
}
