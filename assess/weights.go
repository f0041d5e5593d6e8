package assess

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/leverage-dev/leverage"
)

// Weights holds the channel weights of the composite and the indicator
// weights inside each channel. Weights are relative: they need not sum to
// one. An indicator with weight 0 is shown for context but not scored.
type Weights struct {
	Channel   map[leverage.Channel]float64
	Indicator map[string]float64 // key "channel.indicator"
}

// ParseWeights reads a weights file: CSV with the header
// channel,indicator,weight. A row with an empty indicator sets the
// channel's weight in the composite. Every indicator the method knows must
// be given; unknown channels or indicators are errors naming file and line.
func ParseWeights(r io.Reader, file string) (Weights, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = 3
	w := Weights{Channel: map[leverage.Channel]float64{}, Indicator: map[string]float64{}}
	head, err := cr.Read()
	if err != nil {
		return w, fmt.Errorf("%s: read header: %w", file, err)
	}
	if strings.Join(head, ",") != "channel,indicator,weight" {
		line, _ := cr.FieldPos(0)
		return w, fmt.Errorf("%s:%d: header must be channel,indicator,weight", file, line)
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return w, fmt.Errorf("%s:%d: %w", file, pe.Line, pe.Err)
			}
			return w, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		ch := leverage.Channel(strings.TrimSpace(row[0]))
		ind := strings.TrimSpace(row[1])
		v, err := strconv.ParseFloat(strings.TrimSpace(row[2]), 64)
		if err != nil || v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return w, fmt.Errorf("%s:%d: field weight: want a number >= 0, got %q", file, line, row[2])
		}
		if !slices.Contains(leverage.Channels, ch) {
			return w, fmt.Errorf("%s:%d: field channel: unknown channel %q", file, line, ch)
		}
		if ind == "" {
			w.Channel[ch] = v
			continue
		}
		key := string(ch) + "." + ind
		if !slices.Contains(indicatorKeys(), key) {
			return w, fmt.Errorf("%s:%d: field indicator: unknown indicator %q in channel %s", file, line, ind, ch)
		}
		w.Indicator[key] = v
	}
	for _, ch := range leverage.Channels {
		if _, ok := w.Channel[ch]; !ok {
			return w, fmt.Errorf("%s: no weight for channel %s", file, ch)
		}
	}
	for _, k := range indicatorKeys() {
		if _, ok := w.Indicator[k]; !ok {
			return w, fmt.Errorf("%s: no weight for indicator %s", file, k)
		}
	}
	return w, nil
}
