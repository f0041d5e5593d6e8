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
)

// Options are the flags of the actors command.
type Options struct {
	AsOf   string
	Kind   string
	Format string
}

// Row is one actor in the JSON output.
type Row struct {
	*leverage.Actor
	NameAtDate string         `json:"name_at_date"`
	Matched    *leverage.Name `json:"matched,omitempty"`
	Roles      []string       `json:"roles,omitempty"`
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
	all, err := st.Actors(ctx, leverage.ActorFilter{Kind: leverage.ActorKind(opts.Kind)})
	if err != nil {
		return err
	}
	matches := leverage.Search(all, q)
	if len(matches) == 0 {
		msg := fmt.Sprintf("no actor matches %q", q)
		if s := leverage.Suggest(all, q, 3); len(s) > 0 {
			msg += "; did you mean " + strings.Join(s, ", ") + "?"
		}
		return fmt.Errorf("%s", msg)
	}
	// Roles: capitals and locations, from the facts.
	facts, err := st.Facts(ctx, leverage.FactFilter{Relations: []string{"capital", "located_in"}})
	if err != nil {
		return err
	}
	roles := map[string][]string{}
	for _, fc := range facts {
		if fc.Relation == "capital" {
			roles[fc.Object] = append(roles[fc.Object], "capital of "+fc.Subject)
		} else {
			roles[fc.Subject] = append(roles[fc.Subject], "in "+fc.Object)
		}
	}
	var rows [][]string
	var out []Row
	for _, m := range matches {
		a := m.Actor
		r := Row{Actor: a, NameAtDate: a.NameAt(at), Roles: roles[a.ID]}
		codes := a.ISO3
		if a.COW != 0 {
			codes += " " + strconv.Itoa(a.COW)
		}
		matched := ""
		if q != "" && m.Name.Kind != "code" && m.Name.Text != a.Name {
			n := m.Name
			r.Matched = &n
			matched = fmt.Sprintf("%q (%s", n.Text, n.Kind)
			if p := n.Valid.String(); p != "" {
				matched += ", in use " + p
			}
			matched += ")"
		}
		rows = append(rows, []string{a.ID, string(a.Kind), r.NameAtDate, strings.TrimSpace(codes), matched, strings.Join(r.Roles, "; ")})
		out = append(out, r)
	}
	return cmdutil.WriteList(f.Out, opts.Format, []string{"id", "kind", "name", "codes", "matched", "role"}, rows, out)
}
