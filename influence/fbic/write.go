package fbic

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/leverage-dev/leverage/influence"
)

// Column is one output column: its FBIC name and its values by row.
type Column struct {
	Name   string
	Values []float64
}

// Columns returns the columns [WriteCSV] writes after iso3a, iso3b and
// year, under FBIC's names, in order: the standard columns, then the _plus
// columns when the result has them.
func (r *Result) Columns() []Column {
	cols := r.Standard.columns("")
	if r.Plus != nil {
		cols = append(cols, r.Plus.columns("_plus")...)
	}
	return cols
}

func (s *Scores) columns(suffix string) []Column {
	return []Column{
		{"politicalbandwidth" + suffix, s.PoliticalBandwidth},
		{"economicbandwidth" + suffix, s.EconomicBandwidth},
		{"securitybandwidth" + suffix, s.SecurityBandwidth},
		{"economicdependence" + suffix, s.EconomicDependence},
		{"securitydependence" + suffix, s.SecurityDependence},
		{"bandwidth" + suffix, s.Bandwidth},
		{"dependence" + suffix, s.Dependence},
		{"fbic" + suffix, s.FBIC},
	}
}

// WriteCSV writes r as CSV: the header iso3a,iso3b,year and the columns of
// [Result.Columns], then one row per row of t in t's order. A missing value
// is a blank cell; numbers are written in full precision.
func WriteCSV(w io.Writer, t *Table, r *Result) error {
	cols := r.Columns()
	n := t.Len()
	if len(t.ISO3A) != n || len(t.ISO3B) != n {
		return fmt.Errorf("write fbic: the table has %d years but %d iso3a and %d iso3b", n, len(t.ISO3A), len(t.ISO3B))
	}
	for _, c := range cols {
		if len(c.Values) != n {
			return fmt.Errorf("write fbic: column %s has %d rows, the table %d", c.Name, len(c.Values), n)
		}
	}
	cw := csv.NewWriter(w)
	rec := []string{ColISO3A, ColISO3B, ColYear}
	for _, c := range cols {
		rec = append(rec, c.Name)
	}
	if err := cw.Write(rec); err != nil {
		return fmt.Errorf("write fbic: %w", err)
	}
	for i := range n {
		rec = rec[:0]
		rec = append(rec, t.ISO3A[i], t.ISO3B[i], strconv.Itoa(t.Year[i]))
		for _, c := range cols {
			v := c.Values[i]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				rec = append(rec, "")
			} else {
				rec = append(rec, strconv.FormatFloat(v, 'g', -1, 64))
			}
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write fbic: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write fbic: %w", err)
	}
	return nil
}

// Build reads a file in FBIC's released layout from in (named file in
// errors), computes the profile with weights w (nil means
// [DefaultWeights]) and the maxima [DefaultMaxima] picks for them, and
// writes the result to out as [WriteCSV] does.
func Build(ctx context.Context, in io.Reader, file string, w influence.Weights, out io.Writer) error {
	if w == nil {
		w = DefaultWeights()
	}
	if err := CheckWeights(w, "weights"); err != nil {
		return err
	}
	t, err := Read(ctx, in, file)
	if err != nil {
		return err
	}
	return WriteCSV(out, t, Compute(t, w, DefaultMaxima(w)))
}
