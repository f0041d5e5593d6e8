// Package scenario implements `leverage scenario`: the built-in scenarios
// (list, show), checking scenario files (validate), and playing them out
// (run, compare). docs/scenarios.md
// describes the file format.
package scenario

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/scenario"
)

// NewCmd returns the scenario command and its subcommands.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scenario <command>",
		Short: "Scenarios and historical replays: list, show, validate, run, compare",
		Long: `Scenarios state what-if stories and historical replays as dated shocks to the
model (an asset disabled, transit denied, an embargo, trade diverted, a
membership changed, a fact set), with uncertain numbers as distributions.
run plays one out on the model, with Monte Carlo over its uncertain
numbers; compare runs two side by side. docs/scenarios.md describes the
file format and the engine; docs/scenario.schema.json is the JSON Schema.`,
		Example: `  leverage scenario list
  leverage scenario show cpc-2022
  leverage scenario validate my-scenario.yaml
  leverage scenario run increased-pressure --draws 10000
  leverage scenario compare increased-pressure diversification`,
	}
	cmd.AddCommand(newList(f), newShow(f), newValidate(f), newRun(f), newCompare(f))
	return cmd
}

func newList(f *cmdutil.Factory) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the built-in scenarios",
		Example: `  leverage scenario list --format json`,
		Args:    cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckFormat(format, cmdutil.ListFormats...); err != nil {
				return err
			}
			list, err := scenario.BuiltinSummaries()
			if err != nil {
				return err
			}
			var rows [][]string
			for _, sum := range list {
				rows = append(rows, []string{sum.Name, sum.Title, sum.Start + " to " + sum.End, fmt.Sprint(sum.Shocks), fmt.Sprint(sum.Uncertain)})
			}
			return cmdutil.WriteList(f.Out, format, []string{"name", "title", "horizon", "shocks", "uncertain"}, rows, list)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "output format: table, json, csv or md")
	return cmd
}

func newShow(f *cmdutil.Factory) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show a built-in scenario: its shocks, numbers and sources",
		Long: `Show a built-in scenario (see leverage scenario list): its description, horizon,
sources, and each shock with its dates, recovery and numbers. --format yaml
prints the file itself, with the comments that give each number's basis;
--format json the parsed scenario in the same keys (docs/scenario.schema.json).`,
		Example: `  leverage scenario show cpc-2022
  leverage scenario show increased-pressure --format yaml > mine.yaml`,
		Args: cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := cmdutil.CheckFormat(format, "text", "yaml", "json"); err != nil {
				return err
			}
			b, _, err := scenario.BuiltinFile(args[0])
			if err != nil {
				return &cmdutil.UsageError{Err: err}
			}
			if format == "yaml" {
				_, err := f.Out.Write(b)
				return err
			}
			ds, err := data.Builtin()
			if err != nil {
				return err
			}
			if err := ds.Index(); err != nil {
				return err
			}
			s, err := scenario.Builtin(args[0], ds)
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(f.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			return writeText(f.Out, s, ds)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, yaml (the file itself) or json (the parsed scenario in the file's keys, itself a valid scenario file)")
	return cmd
}

func newValidate(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate FILE",
		Short: "Check a scenario file against the format and the built-in dataset",
		Long: `Check a scenario file: its YAML, its keys and values (dates, durations,
distributions, fractions), and that every actor, relation and source it
names exists in the built-in dataset. On success it prints a one-line
summary; on the first problem it prints FILE:LINE:COLUMN and what was
expected, with the line in question, and exits with status 1.`,
		Example: `  leverage scenario validate my-scenario.yaml`,
		Args:    cmdutil.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := args[0]
			b, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			ds, err := data.Builtin()
			if err != nil {
				return err
			}
			if err := ds.Index(); err != nil {
				return err
			}
			s, err := scenario.Parse(b, file)
			if err == nil {
				err = scenario.Validate(s, ds)
			}
			if err != nil {
				return withLine(err, b)
			}
			types := map[scenario.Type]int{}
			var order []string
			for i := range s.Shocks {
				t := s.Shocks[i].Type()
				if types[t] == 0 {
					order = append(order, string(t))
				}
				types[t]++
			}
			fmt.Fprintf(f.Out, "%s: ok: scenario %s, %d shocks (%s), %s to %s by %s, %d uncertain numbers\n",
				file, s.Name, len(s.Shocks), strings.Join(order, ", "), s.Horizon.Start, s.Horizon.End, s.Horizon.Step, len(s.Uncertain()))
			return nil
		},
	}
	return cmd
}

// withLine adds the offending line of src and a caret under its column to
// a scenario error.
func withLine(err error, src []byte) error {
	var se *scenario.Error
	if !errors.As(err, &se) || se.Pos.Line == 0 {
		return err
	}
	lines := strings.Split(string(src), "\n")
	if se.Pos.Line > len(lines) {
		return err
	}
	line := strings.TrimRight(lines[se.Pos.Line-1], "\r")
	col := min(max(se.Pos.Column-1, 0), len(line))
	pad := strings.Map(func(r rune) rune {
		if r == '\t' {
			return '\t'
		}
		return ' '
	}, line[:col])
	return fmt.Errorf("%w\n  %d | %s\n  %s | %s^", err, se.Pos.Line, line, strings.Repeat(" ", len(fmt.Sprint(se.Pos.Line))), pad)
}

// writeText prints a scenario for reading.
func writeText(w io.Writer, s *scenario.Scenario, ds *leverage.Dataset) error {
	name := func(id string) string {
		if a := ds.Actor(id); a != nil && a.Name != id {
			return fmt.Sprintf("%s (%s)", a.Name, id)
		}
		return id
	}
	fmt.Fprintf(w, "%s: %s\n", s.Name, s.Title)
	fmt.Fprintf(w, "Horizon: %s to %s, by %s\n\n", s.Horizon.Start, s.Horizon.End, s.Horizon.Step)
	if d := strings.TrimSpace(s.Description); d != "" {
		fmt.Fprintf(w, "%s\n\n", wrap(d, 78))
	}
	fmt.Fprintln(w, "Shocks:")
	for i := range s.Shocks {
		sh := &s.Shocks[i]
		fmt.Fprintf(w, "\n%d. %s [%s]\n", i+1, sh.Label(), sh.Type())
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		row := func(k, v string) { fmt.Fprintf(tw, "   %s\t%s\n", k, v) }
		switch e := sh.Effect.(type) {
		case *scenario.DisableAsset:
			row("asset", name(e.Asset))
			row("capacity cut", e.CapacityCut.String())
		case *scenario.DenyTransit:
			row("state", name(e.State))
			row("commodity", e.Commodity)
			row("share denied", e.Share.String())
		case *scenario.Embargo:
			row("by", name(e.By))
			row("against", name(e.Against))
			row("direction", e.Direction)
			row("share stopped", e.Share.String())
		case *scenario.DivertTrade:
			row("target", name(e.Target))
			row("from", name(e.From))
			var to []string
			for _, p := range e.To {
				to = append(to, fmt.Sprintf("%s (weight %s)", p.Partner, p.Weight))
			}
			row("to", strings.Join(to, ", "))
			row("share moved", e.Share.String())
			row("over", e.Over.String())
		case *scenario.ChangeMembership:
			row("state", name(e.State))
			row("organisation", name(e.Organisation))
			row("action", e.Action)
		case *scenario.SetFact:
			row("fact", strings.TrimSpace(fmt.Sprintf("%s %s %s", name(e.Subject), e.Relation, name(e.Object))))
			if e.Value != nil {
				row("value", e.Value.String()+" "+e.Unit)
			}
			if e.Text != "" {
				row("text", e.Text)
			}
		}
		row("start", sh.Start.String())
		switch {
		case sh.Duration != nil:
			row("duration", sh.Duration.String())
		case !sh.End.IsZero():
			row("end", sh.End.String())
		default:
			row("duration", "to the end of the horizon")
		}
		switch sh.Recovery.Kind {
		case scenario.LinearRecovery:
			row("recovery", "linear over "+sh.Recovery.Over.String())
		case scenario.CurveRecovery:
			var pts []string
			for _, p := range sh.Recovery.Curve {
				pts = append(pts, fmt.Sprintf("%s: %s", p.Offset, p.Fraction))
			}
			row("recovery", "curve "+strings.Join(pts, ", "))
		default:
			row("recovery", "step")
		}
		if x, ok := sh.Probability.Fixed(); !ok || x != 1 {
			row("probability", sh.Probability.String())
		}
		if len(sh.Sources) > 0 {
			row("sources", joinSources(sh.Sources))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if n := wrap(sh.Note, 75); n != "" {
			fmt.Fprintf(w, "   %s\n", strings.ReplaceAll(n, "\n", "\n   "))
		}
	}
	fmt.Fprintln(w, "\nSources:")
	for _, src := range s.Sources {
		if src.ID == "" {
			fmt.Fprintf(w, "  %s %s\n", src.Title, src.URL)
			continue
		}
		if d := ds.Source(src.ID); d != nil {
			fmt.Fprintf(w, "  %s: %s, %s %s\n", src.ID, d.Title, d.Publisher, d.URL)
		}
	}
	return nil
}

func joinSources(srcs []scenario.Source) string {
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = s.String()
	}
	return strings.Join(out, ", ")
}

// wrap breaks text into lines of at most width characters where it can.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(text) {
		switch {
		case n == 0:
		case n+1+len(word) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}
