// Package importcmd implements `leverage import DATASET PATH...`: reading
// the files of an open dataset (Correlates of War, ATOP, UN DESA migrant
// stock, CEPII GeoDist, Global Energy Monitor's oil pipelines) into the
// store, in place of any earlier import of the same dataset.
package importcmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
	"github.com/leverage-dev/leverage/importer/atop"
	"github.com/leverage-dev/leverage/importer/cepii"
	"github.com/leverage-dev/leverage/importer/cow"
	"github.com/leverage-dev/leverage/importer/gem"
	"github.com/leverage-dev/leverage/importer/unmigrant"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/progress"
)

// Options are the flags of the import command.
type Options struct {
	Format string
}

// dataset is one dataset the command imports: observations (run) or a
// transport network (network).
type dataset struct {
	name    string
	files   string // the files it takes, for help
	run     func(files []importer.File, cw *country.Crosswalk) (*importer.Result, error)
	network func(files []importer.File, cw *country.Crosswalk) (*gem.Result, error)
}

// datasets returns the datasets the command imports, in the order help
// lists them.
func datasets() []dataset {
	plain := func(f func([]importer.File) (*importer.Result, error)) func([]importer.File, *country.Crosswalk) (*importer.Result, error) {
		return func(files []importer.File, _ *country.Crosswalk) (*importer.Result, error) { return f(files) }
	}
	return []dataset{
		{cow.Trade, "COW Trade v4.0: cow_trade_ndy.csv, cow_trade_sy.csv (peacesciencer) or Dyadic_COW_4.0.csv, National_COW_4.0.csv", plain(cow.ImportTrade), nil},
		{cow.IGO, "COW IGO v3: cow_igo_ndy.csv, cow_igo_sy.csv (peacesciencer) or dyadic_formatv3.csv, state_year_formatv3.csv", plain(cow.ImportIGO), nil},
		{atop.Dataset, "ATOP 5.1 directed dyad-years: atop_alliance.csv (peacesciencer)", plain(atop.Import), nil},
		{cow.Alliance, "COW Formal Alliances v4.1: cow_alliance.csv (peacesciencer)", plain(cow.ImportAlliance), nil},
		{cow.Contiguity, "COW Direct Contiguity v3.2: cow_contdir.csv (peacesciencer)", plain(cow.ImportContiguity), nil},
		{cow.NMC, "COW NMC: cow_nmc.csv (peacesciencer) or NMC-*-abridged.csv", plain(cow.ImportNMC), nil},
		{cow.States, "COW State System Membership v2016: cow_states.csv (peacesciencer) or states2016.csv", plain(cow.ImportStates), nil},
		{unmigrant.Dataset, "UN DESA migrant stock 2019: UN_MigrantStockByOriginAndDestination_2019_clean.csv", unmigrant.Import, nil},
		{cepii.Dataset, "CEPII GeoDist: dist_cepii.csv (semicolon-separated)", cepii.Import, nil},
		{name: gem.Dataset, files: "GEM Global Oil Infrastructure Tracker map data: goit_map_data.csv (a pipeline network)", network: gem.Import},
	}
}

// NewCmd returns the import command.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &Options{}
	var list strings.Builder
	tw := tabwriter.NewWriter(&list, 0, 0, 2, ' ', 0)
	for _, d := range datasets() {
		fmt.Fprintf(tw, "  %s\t%s\n", d.name, d.files)
	}
	tw.Flush()
	cmd := &cobra.Command{
		Use:   "import DATASET PATH...",
		Short: "Import an open dataset (COW, ATOP, UN migrant stock, CEPII, GEM) into the database",
		Long: `Read the files of an open dataset and store its figures, keyed by Correlates of
War state codes, in place of any earlier import of the same dataset. The
import is all or nothing: a malformed file (reported as file:line:column)
leaves the database as it was. Each file's layout is recognised from its
header; one dataset's files can be given together, in any order. Codes and
names of datasets not keyed by COW codes go through the built-in country
crosswalk; what it cannot place (regions, territories) is skipped and listed.
gem-oil stores a network of pipeline segments instead, with the states each
lies in; it lists the units it could not place, with the reason.

Datasets and their files:

` + list.String() + `
docs/data.md describes each dataset's variables and units.`,
		Example: `  leverage import cow-trade ../shared/data/peacesciencer/cow_trade_ndy.csv ../shared/data/peacesciencer/cow_trade_sy.csv
  leverage import cepii-dist dist_cepii.csv --format json
  leverage import gem-oil ../shared/data/gem/goit_map_data.csv`,
		Args: func(cmd *cobra.Command, args []string) error {
			var names []string
			for _, d := range datasets() {
				names = append(names, d.name)
			}
			switch {
			case len(args) == 0:
				return cmdutil.Usagef("missing dataset: want one of %s", strings.Join(names, ", "))
			case find(args[0]) == nil:
				return cmdutil.Usagef("unknown dataset %q: want one of %s", args[0], strings.Join(names, ", "))
			case len(args) == 1:
				return cmdutil.Usagef("%s: no files given; it takes %s", args[0], find(args[0]).files)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(cmd, f, opts, find(args[0]), args[1:])
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "output format: table or json")
	return cmd
}

// find returns the dataset named name, or nil.
func find(name string) *dataset {
	for _, d := range datasets() {
		if d.name == name {
			return &d
		}
	}
	return nil
}

func run(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, d *dataset, paths []string) error {
	if err := cmdutil.CheckFormat(opts.Format, "table", "json"); err != nil {
		return err
	}
	files, err := importer.ReadFiles(paths...)
	if err != nil {
		return err
	}
	cw, err := country.Load()
	if err != nil {
		return fmt.Errorf("country crosswalk: %w", err)
	}
	if d.network != nil {
		return runNetwork(cmd, f, opts, d, files, cw)
	}
	res, err := d.run(files, cw)
	if err != nil {
		return fmt.Errorf("import %s: %w", d.name, err)
	}
	ctx := cmd.Context()
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	previous, err := st.DatasetVersion(ctx, d.name)
	if err != nil {
		return err
	}
	bar := progress.New(f.ErrOut, "writing "+d.name, res.Observations.Len())
	err = st.ReplaceObservations(ctx, res.Dataset, res.Observations, bar.Set)
	bar.Done()
	if err != nil {
		return fmt.Errorf("import %s: store: %w", d.name, err)
	}
	s := summarize(res, paths, previous)
	if opts.Format == "json" {
		enc := json.NewEncoder(f.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return s.write(f.Out)
}

// Summary is what an import stored, as the command prints it.
type Summary struct {
	Dataset   string           `json:"dataset"`
	Version   string           `json:"version"`
	Replaced  string           `json:"replaced,omitempty"` // the version the import replaced
	Source    *leverage.Source `json:"source"`
	Files     []File           `json:"files"`
	Rows      int              `json:"rows"`
	From      int              `json:"from,omitempty"` // first year; 0 when all figures are timeless
	To        int              `json:"to,omitempty"`
	Variables []Variable       `json:"variables"`
	Unplaced  []string         `json:"unplaced"` // names or codes with no COW state, skipped
}

// File is one input of an import.
type File struct {
	Path   string `json:"path"`
	Layout string `json:"layout"`
}

// Variable is one stored variable with its rows and years.
type Variable struct {
	leverage.Variable
	Rows int `json:"rows"`
	From int `json:"from,omitempty"`
	To   int `json:"to,omitempty"`
}

func summarize(r *importer.Result, paths []string, previous string) *Summary {
	o := r.Observations
	s := &Summary{Dataset: r.Dataset.Name, Version: r.Dataset.Version, Replaced: previous,
		Source: r.Dataset.Sources[0], Rows: o.Len(), Unplaced: r.Unplaced}
	if s.Unplaced == nil {
		s.Unplaced = []string{}
	}
	s.From, s.To = importer.Years(o)
	for i, p := range paths {
		l := ""
		if i < len(r.Layouts) {
			l = r.Layouts[i]
		}
		s.Files = append(s.Files, File{Path: p, Layout: l})
	}
	for _, v := range o.Variables {
		s.Variables = append(s.Variables, Variable{Variable: v})
	}
	for i, v := range o.Var {
		x := &s.Variables[v]
		x.Rows++
		if y := int(o.Year[i]); y != 0 {
			if x.From == 0 || y < x.From {
				x.From = y
			}
			x.To = max(x.To, y)
		}
	}
	return s
}

// years formats a span of years.
func years(from, to int) string {
	switch {
	case from == 0:
		return "timeless"
	case from == to:
		return strconv.Itoa(from)
	}
	return strconv.Itoa(from) + "-" + strconv.Itoa(to)
}

// write prints s as a table.
func (s *Summary) write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "dataset\t%s\n", s.Dataset)
	fmt.Fprintf(tw, "version\t%s\n", s.Version)
	if s.Replaced != "" {
		fmt.Fprintf(tw, "replaced\t%s\n", s.Replaced)
	}
	fmt.Fprintf(tw, "source\t%s\n", s.Source.Title)
	for i, f := range s.Files {
		label := ""
		if i == 0 {
			label = "files"
		}
		fmt.Fprintf(tw, "%s\t%s (%s)\n", label, f.Path, f.Layout)
	}
	fmt.Fprintf(tw, "rows\t%d\n", s.Rows)
	fmt.Fprintf(tw, "years\t%s\n", years(s.From, s.To))
	fmt.Fprintf(tw, "unplaced\t%d\n", len(s.Unplaced))
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "VARIABLE\tUNIT\tKIND\tROWS\tYEARS")
	for _, v := range s.Variables {
		kind := "monadic"
		switch {
		case v.Directed:
			kind = "directed"
		case v.Dyadic:
			kind = "non-directed"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\n", v.Name, v.Unit, kind, v.Rows, years(v.From, v.To))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(s.Unplaced) > 0 {
		_, err := fmt.Fprintf(w, "\nNo COW state code, skipped (%d): %s\n", len(s.Unplaced), strings.Join(s.Unplaced, "; "))
		return err
	}
	return nil
}

// runNetwork imports a network dataset and stores it in place of any
// earlier import of the same dataset.
func runNetwork(cmd *cobra.Command, f *cmdutil.Factory, opts *Options, d *dataset, files []importer.File, cw *country.Crosswalk) error {
	res, err := d.network(files, cw)
	if err != nil {
		return fmt.Errorf("import %s: %w", d.name, err)
	}
	ctx := cmd.Context()
	st, err := f.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	previous, err := st.DatasetVersion(ctx, d.name)
	if err != nil {
		return err
	}
	if err := st.ReplaceNetwork(ctx, res.Dataset, res.Network); err != nil {
		return fmt.Errorf("import %s: store: %w", d.name, err)
	}
	s := &NetworkSummary{Dataset: res.Dataset.Name, Version: res.Dataset.Version, Replaced: previous,
		Source: res.Dataset.Sources[0], SnapKm: gem.SnapKm, Counts: res.Counts,
		Unplaced: orEmpty(res.Unplaced), Notes: orEmpty(res.Notes)}
	for _, fl := range files {
		s.Files = append(s.Files, fl.Name)
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(f.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return s.write(f.Out)
}

// orEmpty is s, or an empty slice for nil, so that JSON shows [].
func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// NetworkSummary is what a network import stored, as the command prints
// it.
type NetworkSummary struct {
	Dataset  string           `json:"dataset"`
	Version  string           `json:"version"`
	Replaced string           `json:"replaced,omitempty"` // the version the import replaced
	Source   *leverage.Source `json:"source"`
	Files    []string         `json:"files"`
	SnapKm   float64          `json:"snap_km"` // the snapping distance
	Counts   gem.Counts       `json:"counts"`
	Unplaced []gem.Problem    `json:"unplaced"` // units with edges in unknown states, or without edges
	Notes    []gem.Problem    `json:"notes"`    // edges placed in several states, dropped segments, ignored fields
}

// write prints s as a table, with every unplaced unit and its reason.
func (s *NetworkSummary) write(w io.Writer) error {
	c := s.Counts
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "dataset\t%s\n", s.Dataset)
	fmt.Fprintf(tw, "version\t%s\n", s.Version)
	if s.Replaced != "" {
		fmt.Fprintf(tw, "replaced\t%s\n", s.Replaced)
	}
	fmt.Fprintf(tw, "source\t%s, %s\n", s.Source.Title, s.Source.Publisher)
	fmt.Fprintf(tw, "files\t%s\n", strings.Join(s.Files, ", "))
	fmt.Fprintf(tw, "units\t%d, with %d route segments\n", c.Units, c.Segments)
	fmt.Fprintf(tw, "nodes\t%d (%d of %d segment ends snapped within %g km)\n", c.Nodes, c.Snapped, c.Endpoints, s.SnapKm)
	fmt.Fprintf(tw, "junctions\t%d (a segment end meeting another segment between its ends)\n", c.Junctions)
	fmt.Fprintf(tw, "edges\t%d (%d without capacity, %d in no known state, %d in several)\n", c.Edges, c.NoCapacity, c.NoStates, c.Ambiguous)
	fmt.Fprintf(tw, "dropped\t%d segments (a single point, or both ends in one node)\n", c.Dropped)
	fmt.Fprintf(tw, "unplaced\t%d units\n", len(s.Unplaced))
	fmt.Fprintf(tw, "notes\t%d (--format json lists them)\n", len(s.Notes))
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(s.Unplaced) > 0 {
		fmt.Fprintf(w, "\nUnplaced (%d):\n", len(s.Unplaced))
		for _, p := range s.Unplaced {
			if _, err := fmt.Fprintf(w, "  %s\n", p); err != nil {
				return err
			}
		}
	}
	return nil
}
