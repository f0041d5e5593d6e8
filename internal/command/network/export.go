package network

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/report"
)

// exportOptions are the flags of network export.
type exportOptions struct {
	Commodity string
	States    []string
	Statuses  []string
	Format    string
	Unknown   string // the capacity written in CSV for unknown ones
}

// newExportCmd returns the network export command.
func newExportCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the stored transport network as GeoJSON or CSV",
		Long: `Write the stored transport networks (the edges and the nodes they join) for
maps and other tools.

GeoJSON is a FeatureCollection of LineString features, one per edge along its
path (or straight between its nodes), with properties id, from, to, name,
kind, commodity, capacity_mt_y (null when unknown), status, states, asset,
owners, operator, valid_from, valid_to and sources; and Point features, one
per node, with id, name, kind, state and producer. Coordinates are
longitude, latitude, as GeoJSON has them; unknown ones give a null geometry.

CSV has one row per edge, its columns starting with from,to,capacity (Mt/y,
empty when unknown), so the file can be given to 'leverage network maxflow
--edges'; then id, name, kind, commodity, status, states and owners
(separated by ';'), asset, valid_from and valid_to. maxflow needs every
capacity: --unknown-capacity says what to write for unknown ones (such as 0,
to leave them out of the flow, or inf, to let them carry any amount).

--state keeps the edges lying in any of the states given (ISO3 or COW codes
or names); --commodity and --status keep those of that commodity or status.`,
		Example: `  leverage network export --format geojson > network.geojson
  leverage network export --commodity crude --state KAZ --format csv
  leverage network export --status operating --format csv --unknown-capacity 0 > edges.csv`,
		Args: cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd, f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Commodity, "commodity", "", "only edges of this commodity (crude, ngl, gas)")
	cmd.Flags().StringSliceVar(&opts.States, "state", nil, "only edges lying in one of these states (repeat or separate by commas)")
	cmd.Flags().StringSliceVar(&opts.Statuses, "status", nil, "only edges of these statuses, such as operating (repeat or separate by commas)")
	cmd.Flags().StringVar(&opts.Format, "format", "geojson", "output format: geojson or csv")
	cmd.Flags().StringVar(&opts.Unknown, "unknown-capacity", "", "CSV: the capacity written for edges whose capacity is unknown, a number >= 0 or inf (default: empty)")
	return cmd
}

func runExport(cmd *cobra.Command, f *cmdutil.Factory, opts *exportOptions) error {
	if err := cmdutil.CheckFormat(opts.Format, "geojson", "csv"); err != nil {
		return err
	}
	unknown := ""
	if opts.Unknown != "" {
		v, err := strconv.ParseFloat(strings.TrimSpace(opts.Unknown), 64)
		if err != nil || !(v >= 0) {
			return cmdutil.Usagef("--unknown-capacity: want a number >= 0 or inf, got %q", opts.Unknown)
		}
		unknown = capacityText(v)
	}
	filter := leverage.NetworkFilter{Commodity: opts.Commodity}
	if len(opts.States) > 0 {
		cw, err := country.Load()
		if err != nil {
			return fmt.Errorf("country crosswalk: %w", err)
		}
		for _, s := range opts.States {
			iso := ""
			if cow, ok := cw.COW(s); ok {
				iso = cw.ISO3(cow)
			}
			if iso == "" {
				return cmdutil.Usagef("--state: unknown state %q (want an ISO3 or COW code or a name)", s)
			}
			filter.States = append(filter.States, iso)
		}
	}
	for _, s := range opts.Statuses {
		if !slices.Contains(leverage.Statuses, leverage.Status(s)) {
			return cmdutil.Usagef("--status: unknown status %q (want one of %s)", s, statusList())
		}
	}
	ctx := cmd.Context()
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.Network(ctx, filter)
	if err != nil {
		return err
	}
	if len(opts.Statuses) > 0 {
		n = keepStatuses(n, opts.Statuses)
	}
	if opts.Format == "csv" {
		return writeCSV(f.Out, n, unknown)
	}
	return writeGeoJSON(f.Out, n)
}

// statusList names the statuses for messages.
func statusList() string {
	var s []string
	for _, x := range leverage.Statuses {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

// keepStatuses returns n's edges of the given statuses and the nodes they
// join.
func keepStatuses(n *leverage.Network, statuses []string) *leverage.Network {
	out := &leverage.Network{}
	joined := map[string]bool{}
	for _, e := range n.Edges {
		if slices.Contains(statuses, string(e.Status)) {
			out.Edges = append(out.Edges, e)
			joined[e.From], joined[e.To] = true, true
		}
	}
	for _, v := range n.Nodes {
		if joined[v.ID] {
			out.Nodes = append(out.Nodes, v)
		}
	}
	return out
}

// number is x, or nil (JSON null) for NaN.
func number(x float64) *float64 {
	if math.IsNaN(x) {
		return nil
	}
	return &x
}

// edgeProperties are the properties of an edge's feature.
type edgeProperties struct {
	Feature   string   `json:"feature"` // "edge"
	ID        string   `json:"id"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Commodity string   `json:"commodity"`
	Capacity  *float64 `json:"capacity_mt_y"`
	Status    string   `json:"status"`
	States    []string `json:"states"`
	Asset     string   `json:"asset"`
	Owners    []owner  `json:"owners"`
	Operator  string   `json:"operator"`
	ValidFrom string   `json:"valid_from"`
	ValidTo   string   `json:"valid_to"`
	Sources   []string `json:"sources"`
}

// owner is a stake, with a null share when unknown.
type owner struct {
	Owner string   `json:"owner"`
	Share *float64 `json:"share"`
}

// nodeProperties are the properties of a node's feature.
type nodeProperties struct {
	Feature  string `json:"feature"` // "node"
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	State    string `json:"state"`
	Producer string `json:"producer"`
}

// writeGeoJSON writes n as a GeoJSON FeatureCollection: edges first, then
// nodes.
func writeGeoJSON(w io.Writer, n *leverage.Network) error {
	nodes := make(map[string]*leverage.Node, len(n.Nodes))
	for i := range n.Nodes {
		nodes[n.Nodes[i].ID] = &n.Nodes[i]
	}
	known := func(lat, lon float64) bool { return !math.IsNaN(lat) && !math.IsNaN(lon) }
	features := make([]report.Feature, 0, len(n.Edges)+len(n.Nodes))
	for _, e := range n.Edges {
		var line [][2]float64
		for _, p := range e.Path {
			line = append(line, [2]float64{p[1], p[0]})
		}
		if len(line) < 2 {
			line = nil
			a, b := nodes[e.From], nodes[e.To]
			if a != nil && b != nil && known(a.Lat, a.Lon) && known(b.Lat, b.Lon) {
				line = [][2]float64{{a.Lon, a.Lat}, {b.Lon, b.Lat}}
			}
		}
		var g *report.Geometry
		if line != nil {
			g = &report.Geometry{Type: "LineString", Coordinates: line}
		}
		p := edgeProperties{Feature: "edge", ID: e.ID, From: e.From, To: e.To, Name: e.Name, Kind: string(e.Kind),
			Commodity: e.Commodity, Capacity: number(e.Capacity), Status: string(e.Status), States: orEmpty(e.States),
			Asset: e.Asset, Owners: []owner{}, Operator: e.Operator, ValidFrom: date(e.Valid.From), ValidTo: date(e.Valid.To),
			Sources: orEmpty(e.Sources)}
		for _, s := range e.Owners {
			p.Owners = append(p.Owners, owner{s.Owner, number(s.Share)})
		}
		features = append(features, report.Feature{Type: "Feature", Geometry: g, Properties: p})
	}
	for _, v := range n.Nodes {
		var g *report.Geometry
		if known(v.Lat, v.Lon) {
			g = &report.Geometry{Type: "Point", Coordinates: [2]float64{v.Lon, v.Lat}}
		}
		features = append(features, report.Feature{Type: "Feature", Geometry: g,
			Properties: nodeProperties{Feature: "node", ID: v.ID, Name: v.Name, Kind: string(v.Kind), State: v.State, Producer: v.Producer}})
	}
	enc := json.NewEncoder(w)
	return enc.Encode(report.NewFeatureCollection(features))
}

// date is d as text, "" when zero.
func date(d leverage.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// orEmpty is s, or an empty slice for nil, so that JSON shows [].
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// capacityText is a capacity as CSV gives it.
func capacityText(v float64) string {
	if math.IsInf(v, 1) {
		return "inf"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// writeCSV writes n's edges as CSV, starting with from,to,capacity, with
// unknown for an unknown capacity.
func writeCSV(w io.Writer, n *leverage.Network, unknown string) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"from", "to", "capacity", "id", "name", "kind", "commodity", "status", "states", "owners", "asset", "valid_from", "valid_to"})
	for _, e := range n.Edges {
		capacity := unknown
		if !math.IsNaN(e.Capacity) {
			capacity = capacityText(e.Capacity)
		}
		var owners []string
		for _, s := range e.Owners {
			share := "unknown"
			if !math.IsNaN(s.Share) {
				share = strconv.FormatFloat(math.Round(s.Share*1e6)/1e4, 'f', -1, 64) + "%"
			}
			owners = append(owners, s.Owner+" ["+share+"]")
		}
		cw.Write([]string{e.From, e.To, capacity, e.ID, e.Name, string(e.Kind), e.Commodity, string(e.Status),
			strings.Join(e.States, ";"), strings.Join(owners, "; "), e.Asset, date(e.Valid.From), date(e.Valid.To)})
	}
	cw.Flush()
	return cw.Error()
}
