package network

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/transit/flow"
)

// maxflowOptions are the flags of network maxflow.
type maxflowOptions struct {
	Edges, Source, Sink string
	Cut                 bool
	Format              string
}

func newMaxflowCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &maxflowOptions{}
	cmd := &cobra.Command{
		Use:   "maxflow --edges FILE.csv --source S --sink T",
		Short: "The maximum flow and minimum cut between two nodes of a CSV edge list",
		Long: `Compute the maximum flow from --source to --sink in the network of a CSV edge
list, and with --cut a minimum cut: the edges whose capacities bound the
flow (by the max-flow min-cut theorem they sum to it).

The file has a header row with the columns from, to and capacity (in any
order; other columns are ignored, so the CSV of 'leverage network export'
reads as it is) and one directed edge per row. Nodes are named by any
strings; parallel edges add up. A capacity is a number >= 0 in any unit
(the project's networks use Mt/y), or inf for an edge without a limit.

The minimum cut printed is the one nearest the source: its source side is
every node the source can still send more flow to once the flow is at its
maximum. The method is push-relabel (docs/methodology.md, "Maximum flow
and minimum cut").

With --format csv the output is one row (source, sink, max_flow), or with
--cut the cut edges (from, to, capacity).`,
		Example: `  leverage network maxflow --edges pipelines.csv --source Tengiz --sink "World markets"
  leverage network maxflow --edges pipelines.csv --source Tengiz --sink "World markets" --cut
  leverage network export --format csv --unknown-capacity 0 > edges.csv
  leverage network maxflow --edges edges.csv --source A --sink B --cut --format json`,
		Args: cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return runMaxflow(f, opts) },
	}
	cmd.Flags().StringVar(&opts.Edges, "edges", "", "the CSV edge list (columns from,to,capacity)")
	cmd.Flags().StringVar(&opts.Source, "source", "", "the node the flow leaves from")
	cmd.Flags().StringVar(&opts.Sink, "sink", "", "the node the flow goes to")
	cmd.Flags().BoolVar(&opts.Cut, "cut", false, "also print a minimum cut")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table, json or csv")
	return cmd
}

// maxflowResult is the output of network maxflow, as JSON gives it.
type maxflowResult struct {
	Source     string    `json:"source"`
	Sink       string    `json:"sink"`
	MaxFlow    float64   `json:"max_flow"`
	Nodes      int       `json:"nodes"`
	Edges      int       `json:"edges"`
	SourceSide *int      `json:"source_side,omitempty"` // with --cut: the nodes on the source side
	Cut        []cutEdge `json:"cut,omitempty"`
}

// cutEdge is an edge of the minimum cut.
type cutEdge struct {
	Row      int     `json:"row"` // the edge's data row in the file, from 1
	From     string  `json:"from"`
	To       string  `json:"to"`
	Capacity float64 `json:"capacity"`
}

func runMaxflow(f *cmdutil.Factory, opts *maxflowOptions) error {
	if err := cmdutil.CheckFormat(opts.Format, "table", "json", "csv"); err != nil {
		return err
	}
	var missing []string
	for _, fl := range []struct{ name, val string }{{"--edges", opts.Edges}, {"--source", opts.Source}, {"--sink", opts.Sink}} {
		if fl.val == "" {
			missing = append(missing, fl.name)
		}
	}
	if len(missing) > 0 {
		return cmdutil.Usagef("missing %s: give the edge list with --edges FILE.csv and the nodes with --source and --sink", strings.Join(missing, ", "))
	}
	fh, err := os.Open(opts.Edges)
	if err != nil {
		return err
	}
	l, err := flow.ReadEdgeList(fh, opts.Edges)
	fh.Close()
	if err != nil {
		return err
	}
	s, err := node(l, "--source", opts.Source, opts.Edges)
	if err != nil {
		return err
	}
	t, err := node(l, "--sink", opts.Sink, opts.Edges)
	if err != nil {
		return err
	}
	if s == t {
		return cmdutil.Usagef("--source and --sink are the same node, %q", opts.Source)
	}
	res := maxflowResult{Source: opts.Source, Sink: opts.Sink, Nodes: l.Graph.Nodes(), Edges: l.Graph.Edges()}
	if !opts.Cut {
		res.MaxFlow, err = l.Graph.MaxFlowValue(s, t, l.Caps)
	} else {
		var r *flow.Result
		if r, err = l.Graph.MaxFlow(s, t, l.Caps); err == nil {
			res.MaxFlow = r.Value
			side := 0
			for _, in := range r.SourceSide {
				if in {
					side++
				}
			}
			res.SourceSide = &side
			res.Cut = []cutEdge{}
			for _, e := range r.Cut {
				u, v := l.Graph.Ends(e)
				res.Cut = append(res.Cut, cutEdge{Row: e + 1, From: l.Names[u], To: l.Names[v], Capacity: l.Caps[e]})
			}
		}
	}
	if errors.Is(err, flow.ErrInfinite) {
		return fmt.Errorf("%s: from %s to %s: %w", opts.Edges, opts.Source, opts.Sink, err)
	}
	if err != nil {
		return fmt.Errorf("%s: maximum flow from %s to %s: %w", opts.Edges, opts.Source, opts.Sink, err)
	}
	return writeMaxflow(f, opts, &res)
}

// node returns the id of the node an option names; an unknown name is a
// usage error that suggests names differing only in case or containing it.
func node(l *flow.EdgeList, flag, name, file string) (int, error) {
	if id, ok := l.Node(name); ok {
		return id, nil
	}
	var near []string
	low := strings.ToLower(name)
	for _, n := range l.Names {
		if strings.EqualFold(n, name) || strings.Contains(strings.ToLower(n), low) {
			near = append(near, strconv.Quote(n))
			if len(near) == 3 {
				break
			}
		}
	}
	msg := fmt.Sprintf("%s: no node named %q in %s", flag, name, file)
	if len(near) > 0 {
		msg += "; did you mean " + strings.Join(near, ", ") + "?"
	}
	return 0, cmdutil.Usagef("%s", msg)
}

func writeMaxflow(f *cmdutil.Factory, opts *maxflowOptions, r *maxflowResult) error {
	switch opts.Format {
	case "json":
		return cmdutil.WriteList(f.Out, "json", nil, nil, r)
	case "csv":
		if !opts.Cut {
			return cmdutil.WriteList(f.Out, "csv", []string{"source", "sink", "max_flow"}, [][]string{{r.Source, r.Sink, num(r.MaxFlow)}}, nil)
		}
		return cmdutil.WriteList(f.Out, "csv", []string{"from", "to", "capacity"}, cutRows(r, false), nil)
	}
	fmt.Fprintf(f.Out, "Maximum flow from %s to %s: %s\n", r.Source, r.Sink, num(r.MaxFlow))
	if !opts.Cut {
		return nil
	}
	fmt.Fprintf(f.Out, "Minimum cut: %d %s; %d of %d nodes on the source side\n", len(r.Cut), plural(len(r.Cut), "edge", "edges"), *r.SourceSide, r.Nodes)
	if len(r.Cut) == 0 {
		return nil
	}
	fmt.Fprintln(f.Out)
	return cmdutil.WriteList(f.Out, "table", []string{"row", "from", "to", "capacity"}, cutRows(r, true), nil)
}

func cutRows(r *maxflowResult, withRow bool) [][]string {
	var rows [][]string
	for _, c := range r.Cut {
		row := []string{c.From, c.To, num(c.Capacity)}
		if withRow {
			row = append([]string{strconv.Itoa(c.Row)}, row...)
		}
		rows = append(rows, row)
	}
	return rows
}

// num formats a flow or capacity: whole numbers as integers, others with
// 12 significant digits.
func num(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 12, 64)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
