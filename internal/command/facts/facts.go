// Package facts implements `leverage facts ACTOR`: the facts about an
// actor, with their periods, values and sources.
package facts

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
)

// Options are the flags of the facts command.
type Options struct {
	AsOf     string
	Channel  string
	Relation string
	Format   string
}

// NewCmd returns the facts command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	cmd := &cobra.Command{
		Use:   "facts ACTOR",
		Short: "List the facts about an actor, with values, periods and sources",
		Long: `List the facts whose subject or object is ACTOR. With --as-of, only the facts
on the record at that date, and actors under the names they had then.`,
		Example: `  leverage facts KAZ --as-of 2021-12-31
  leverage facts kazakhstan --channel energy
  leverage facts CPC --format json`,
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd, f, opts, args[0])
		},
	}
	cmd.Flags().StringVar(&opts.AsOf, "as-of", "", "only facts on the record at this date, with the names of that date")
	cmd.Flags().StringVar(&opts.Channel, "channel", "", "only facts of this channel (energy, trade, bloc, security, people, political, geography)")
	cmd.Flags().StringVar(&opts.Relation, "relation", "", "only facts of this relation")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

func run(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, arg string) error {
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
	q := query.FactQuery{Actor: arg, Relation: opts.Relation, Channel: opts.Channel, At: at}
	if opts.AsOf != "" {
		q.AsOf = at
	}
	_, facts, err := query.Facts(ctx, st, q)
	if err != nil {
		return cmdutil.Usage(err)
	}
	actors, err := st.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, x := range actors {
		names[x.ID] = x.NameAt(at)
	}
	var out []*leverage.Fact
	var rows [][]string
	for _, fc := range facts {
		value := fc.Text
		if v, ok := fc.Float(); ok {
			value = strings.TrimSpace(strconv.FormatFloat(v, 'f', -1, 64) + " " + fc.Unit)
			if fc.Text != "" {
				value += " (" + fc.Text + ")"
			}
		}
		when := fc.Valid.String()
		if fc.Year != 0 {
			when = strconv.Itoa(fc.Year)
		}
		obj := ""
		if fc.Object != "" {
			obj = names[fc.Object] + " (" + fc.Object + ")"
		}
		rows = append(rows, []string{fc.ID, names[fc.Subject] + " (" + fc.Subject + ")", fc.Relation, obj, value, when,
			strings.Join(fc.Sources, ", "), string(fc.Confidence)})
		out = append(out, fc)
	}
	return cmdutil.WriteList(f.Out, opts.Format, []string{"id", "subject", "relation", "object", "value", "when", "sources", "confidence"}, rows, out)
}
