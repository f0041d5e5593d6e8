package influence

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Weight is the weight of one indicator in one part of an index profile.
type Weight struct {
	Part      string  // "bandwidth", "dependence", or a profile's own part such as "bandwidth_plus"
	Dimension string  // "political", "economic", "security", or "" where a profile has none
	Indicator string  // the indicator's name in the profile
	Value     float64 // >= 0
}

// Weights is a profile's weights in file order.
type Weights []Weight

// WeightsHeader is the header line of a weights file.
const WeightsHeader = "part,dimension,indicator,weight"

// ParseWeights reads a weights file: CSV with the header
// part,dimension,indicator,weight, '#' comments. It rejects a malformed
// row, a negative or non-finite weight and a repeated (part, indicator)
// pair, naming file and line. Which indicators a profile needs is the
// profile's to check.
func ParseWeights(r io.Reader, file string) (Weights, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = 4
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: read header: %w", file, err)
	}
	if strings.Join(head, ",") != WeightsHeader {
		line, _ := cr.FieldPos(0)
		return nil, fmt.Errorf("%s:%d: header must be %s", file, line, WeightsHeader)
	}
	var w Weights
	seen := map[[2]string]bool{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d:%d: %w", file, pe.Line, pe.Column, pe.Err)
			}
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		x := Weight{Part: strings.TrimSpace(row[0]), Dimension: strings.TrimSpace(row[1]), Indicator: strings.TrimSpace(row[2])}
		if x.Part == "" || x.Indicator == "" {
			return nil, fmt.Errorf("%s:%d: part and indicator required", file, line)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(row[3]), 64)
		if err != nil || v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("%s:%d: field weight: want a number >= 0, got %q", file, line, row[3])
		}
		x.Value = v
		k := [2]string{x.Part, x.Indicator}
		if seen[k] {
			return nil, fmt.Errorf("%s:%d: weight of %s %s given twice", file, line, x.Part, x.Indicator)
		}
		seen[k] = true
		w = append(w, x)
	}
	return w, nil
}

// Get returns the weight of indicator in part, and whether it is given.
func (w Weights) Get(part, indicator string) (float64, bool) {
	for _, x := range w {
		if x.Part == part && x.Indicator == indicator {
			return x.Value, true
		}
	}
	return 0, false
}

// Require returns an error naming the first of the (part, indicator) pairs
// that w lacks, and the first weight w has that is not among them.
func (w Weights) Require(file string, pairs ...[2]string) error {
	want := map[[2]string]bool{}
	for _, p := range pairs {
		want[p] = true
		if _, ok := w.Get(p[0], p[1]); !ok {
			return fmt.Errorf("%s: no weight for %s %s", file, p[0], p[1])
		}
	}
	for _, x := range w {
		if !want[[2]string{x.Part, x.Indicator}] {
			return fmt.Errorf("%s: unknown indicator %s %s", file, x.Part, x.Indicator)
		}
	}
	return nil
}

// Perturb returns a copy of w with weight i multiplied by factor and the
// other weights of its part rescaled so that the part's total is unchanged:
// the renormalisation composite-index sensitivity analyses use. A part
// whose other weights are all zero keeps the scaled weight as it is.
func (w Weights) Perturb(i int, factor float64) Weights {
	out := make(Weights, len(w))
	copy(out, w)
	part := w[i].Part
	var total, others float64
	for j, x := range w {
		if x.Part == part {
			total += x.Value
			if j != i {
				others += x.Value
			}
		}
	}
	out[i].Value = w[i].Value * factor
	if others == 0 {
		return out
	}
	scale := (total - out[i].Value) / others
	if scale < 0 {
		scale = 0
	}
	for j := range out {
		if j != i && out[j].Part == part {
			out[j].Value *= scale
		}
	}
	return out
}

// WriteCSV writes w in the format ParseWeights reads.
func (w Weights) WriteCSV(out io.Writer) error {
	cw := csv.NewWriter(out)
	cw.Write(strings.Split(WeightsHeader, ","))
	for _, x := range w {
		cw.Write([]string{x.Part, x.Dimension, x.Indicator, strconv.FormatFloat(x.Value, 'g', -1, 64)})
	}
	cw.Flush()
	return cw.Error()
}
