package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence"
	"github.com/leverage-dev/leverage/influence/fbic"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/influence/panel"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/internal/parquetfile"
	"github.com/leverage-dev/leverage/internal/progress"
)

type buildOptions struct {
	Profile  string
	Input    string
	Output   string
	Weights  string
	From, To int
	Store    bool
}

func newBuildCmd(f *cmdutil.Factory) *cobra.Command {
	opts := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the influence index panel",
		Long: `Build the influence index for every directed pair and year.

The open profile reads Correlates of War trade and IGO data and ATOP
alliances: from the store (after "leverage import cow-trade", "cow-igo",
"atop" and "cow-states"), or with --input straight from a folder of CSV
files in the layout of the peacesciencer exports (cow_ddy.csv,
cow_trade_ndy.csv, cow_trade_sy.csv, cow_igo_ndy.csv, atop_alliance.csv).

The fbic profile recomputes FBIC from a file in FBIC's released dyad-year
layout, given with --input: one output row per input row, in input order,
or only the rows of --from..--to when either is given.

With -o the panel is written to FILE.csv or FILE.parquet; with --input
and -o, only to the file (add --store to keep it too). Otherwise it
replaces the profile's panel in the store, which "index top", "series",
"sensitivity" and "assess" read.`,
		Example: `  leverage index build --profile open --input ../shared/data/peacesciencer -o open.csv
  leverage index build --profile open --input ../shared/data/peacesciencer
  leverage index build --profile fbic --input fbic.csv -o fbic-recomputed.csv
  leverage index build --profile open --from 1992 --to 2014 -o kaz.parquet`,
		Args: cmdutil.ExactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBuild(cmd.Context(), f, opts, cmd.Flags().Changed("from") || cmd.Flags().Changed("to"))
		},
	}
	cmd.Flags().StringVar(&opts.Profile, "profile", "open", "index profile: open or fbic")
	cmd.Flags().StringVar(&opts.Input, "input", "", "build from files instead of the store: a folder (open) or an FBIC file (fbic)")
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "also write the panel to FILE.csv or FILE.parquet")
	cmd.Flags().StringVar(&opts.Weights, "weights", "", "weights file (default: the profile's, see influence/<profile>/weights.csv)")
	cmd.Flags().IntVar(&opts.From, "from", 1950, "first year (fbic: by default every year of the file)")
	cmd.Flags().IntVar(&opts.To, "to", 2014, "last year (fbic: by default every year of the file)")
	cmd.Flags().BoolVar(&opts.Store, "store", false, "with --input and -o, also store the panel")
	return cmd
}

func runBuild(ctx context.Context, f *cmdutil.Factory, opts *buildOptions, years bool) error {
	if err := checkProfile(opts.Profile); err != nil {
		return err
	}
	ext := strings.ToLower(fileExt(opts.Output))
	if opts.Output != "" && ext != ".csv" && ext != ".parquet" {
		return cmdutil.Usagef("-o: want a .csv or .parquet file, got %q", opts.Output)
	}
	if opts.From > opts.To {
		return cmdutil.Usagef("--from %d is after --to %d", opts.From, opts.To)
	}
	if opts.Profile == "fbic" && opts.Input == "" {
		return cmdutil.Usagef("the fbic profile is built from a file in FBIC's released layout: give it with --input FILE")
	}
	w, err := loadWeights(opts.Profile, opts.Weights)
	if err != nil {
		return err
	}
	toStore := opts.Input == "" || opts.Output == "" || opts.Store

	// The fast path the performance target measures: files in, CSV out.
	if opts.Input != "" && !toStore && ext == ".csv" && !(opts.Profile == "fbic" && years) {
		return writeAtomic(opts.Output, func(out *os.File) error {
			bw := bufio.NewWriterSize(out, 1<<20)
			var err error
			if opts.Profile == "open" {
				err = open.Build(ctx, opts.Input, w, opts.From, opts.To, bw)
			} else {
				err = buildFBICFile(ctx, opts.Input, w, bw)
			}
			if err != nil {
				return err
			}
			return bw.Flush()
		})
	}

	var st leverage.Store
	if toStore || opts.Input == "" {
		if st, err = f.OpenStore(ctx); err != nil {
			return err
		}
		defer st.Close()
	}
	cw, err := country.Load()
	if err != nil {
		return err
	}
	var (
		p        *leverage.InfluencePanel
		cols     []parquetfile.Column
		writeCSV func(*bufio.Writer) error
		notes    []string
	)
	switch opts.Profile {
	case "open":
		var in *open.Inputs
		var inputs string
		if opts.Input != "" {
			if in, err = open.ReadDir(ctx, opts.Input); err != nil {
				return err
			}
			inputs = "files in " + opts.Input
		} else if in, inputs, err = panel.OpenInputs(ctx, st, opts.From, opts.To); err != nil {
			return err
		}
		r, err := open.Compute(ctx, in, w, opts.From, opts.To)
		if err != nil {
			return err
		}
		p = panel.FromOpen(r, w, inputs, f.Now())
		writeCSV = func(b *bufio.Writer) error { return r.WriteCSV(b) }
		cols = openColumns(r)
	case "fbic":
		fh, err := os.Open(opts.Input)
		if err != nil {
			return err
		}
		defer fh.Close()
		t, err := fbic.Read(ctx, bufio.NewReaderSize(fh, 1<<20), opts.Input)
		if err != nil {
			return err
		}
		if years {
			t = yearsOf(t, opts.From, opts.To)
		}
		r := fbic.Compute(t, w, fbic.DefaultMaxima(w))
		var unplaced []string
		p, unplaced = panel.FromFBIC(t, r, w, cw, "FBIC file "+opts.Input, f.Now())
		if len(unplaced) > 0 && toStore {
			notes = append(notes, fmt.Sprintf("%d ISO3 codes have no COW code and stay out of the stored panel: %s", len(unplaced), strings.Join(unplaced, ", ")))
		}
		writeCSV = func(b *bufio.Writer) error { return fbic.WriteCSV(b, t, r) }
		cols = fbicColumns(t, r)
	}

	if opts.Output != "" {
		err := writeAtomic(opts.Output, func(out *os.File) error {
			bw := bufio.NewWriterSize(out, 1<<20)
			if ext == ".parquet" {
				if err := parquetfile.Write(bw, cols); err != nil {
					return err
				}
			} else if err := writeCSV(bw); err != nil {
				return err
			}
			return bw.Flush()
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(f.ErrOut, "wrote %s\n", opts.Output)
	}
	if toStore {
		bar := progress.New(f.ErrOut, "storing "+opts.Profile+" index", p.Len())
		err := st.ReplaceInfluence(ctx, p, bar.Set)
		bar.Done()
		if err != nil {
			return err
		}
		fmt.Fprintf(f.ErrOut, "stored the %s index: %d dyad-years\n", opts.Profile, p.Len())
	}
	for _, n := range notes {
		fmt.Fprintln(f.ErrOut, "note:", n)
	}
	return nil
}

func buildFBICFile(ctx context.Context, path string, w influence.Weights, out *bufio.Writer) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	return fbic.Build(ctx, bufio.NewReaderSize(fh, 1<<20), path, w, out)
}

// yearsOf returns the rows of t whose year lies in [from, to], in order.
func yearsOf(t *fbic.Table, from, to int) *fbic.Table {
	out := &fbic.Table{Inputs: map[string][]float64{}, Plus: t.Plus}
	for i, y := range t.Year {
		if y < from || y > to {
			continue
		}
		out.ISO3A, out.ISO3B, out.Year = append(out.ISO3A, t.ISO3A[i]), append(out.ISO3B, t.ISO3B[i]), append(out.Year, y)
		for k, col := range t.Inputs {
			out.Inputs[k] = append(out.Inputs[k], col[i])
		}
	}
	return out
}

func fileExt(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsRune(path[i:], os.PathSeparator) {
		return path[i:]
	}
	return ""
}

// openColumns are the columns of the open spec's output.
func openColumns(r *open.Result) []parquetfile.Column {
	a, b, y := make([]int32, r.Len()), make([]int32, r.Len()), make([]int32, r.Len())
	for i := range r.Len() {
		a[i], b[i], y[i] = int32(r.CCode1[i]), int32(r.CCode2[i]), int32(r.Year[i])
	}
	return []parquetfile.Column{
		{Name: "ccode1", Int32: a}, {Name: "ccode2", Int32: b}, {Name: "year", Int32: y},
		{Name: "bandwidth", Float64: r.Bandwidth}, {Name: "dependence", Float64: r.Dependence}, {Name: "index", Float64: r.Index},
	}
}

// fbicColumns are the columns of the fbic CSV output.
func fbicColumns(t *fbic.Table, r *fbic.Result) []parquetfile.Column {
	y := make([]int32, t.Len())
	for i, v := range t.Year {
		y[i] = int32(v)
	}
	cols := []parquetfile.Column{{Name: "iso3a", String: t.ISO3A}, {Name: "iso3b", String: t.ISO3B}, {Name: "year", Int32: y}}
	for _, c := range r.Columns() {
		cols = append(cols, parquetfile.Column{Name: c.Name, Float64: c.Values})
	}
	return cols
}
