// Package panel turns what the index profiles compute into the panel the
// store keeps ([leverage.InfluencePanel]), with the components a ranking
// can be recomputed from ([influence.Score]).
package panel

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence"
	"github.com/leverage-dev/leverage/influence/fbic"
	"github.com/leverage-dev/leverage/influence/open"
)

// FromOpen returns the open profile's panel. Its components are the
// bandwidth indicators scaled by their maxima (spec step 4) and the two
// dependence percentages (step 3), so that influence.Score reorders rows
// exactly as the index does.
func FromOpen(r *open.Result, w influence.Weights, inputs string, now time.Time) *leverage.InfluencePanel {
	n := r.Len()
	p := newPanel("open", w, inputs, now, n)
	p.Components = []string{"bandwidth.trade", "bandwidth.igos", "bandwidth.ally", "dependence.dep_share", "dependence.dep_imp"}
	p.Parts = [][]float64{scaled(r.BWTrade), scaled(r.IGOs), scaled(r.Ally), r.DepShare, r.DepImp}
	for i := range n {
		p.A[i], p.B[i], p.Year[i] = int32(r.CCode1[i]), int32(r.CCode2[i]), int32(r.Year[i])
	}
	copy(p.Bandwidth, r.Bandwidth)
	copy(p.Dependence, r.Dependence)
	copy(p.Index, r.Index)
	return p
}

// scaled returns x / max(x), or zeros when the maximum is not positive.
func scaled(x []float64) []float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, v)
	}
	out := make([]float64, len(x))
	if m > 0 {
		for i, v := range x {
			out[i] = v / m
		}
	}
	return out
}

// FromFBIC returns the fbic profile's panel (standard FBIC; FBIC-plus stays
// in the CSV output), with the table's indicator columns as components.
// States are placed by ISO3 code, or by the crosswalk's aliases for
// FBIC's own codes (BRD for West Germany, for instance). Rows whose states
// the crosswalk cannot place, or whose fbic is missing, are left out; the
// unplaced codes are returned.
func FromFBIC(t *fbic.Table, r *fbic.Result, w influence.Weights, cw *country.Crosswalk, inputs string, now time.Time) (*leverage.InfluencePanel, []string) {
	var comps []string
	var cols [][]float64
	for _, x := range w {
		if x.Part == fbic.PartBandwidth || x.Part == fbic.PartDependence {
			comps = append(comps, x.Part+"."+x.Indicator)
			cols = append(cols, t.Inputs[x.Indicator])
		}
	}
	p := newPanel("fbic", w, inputs, now, 0)
	p.Components = comps
	p.Parts = make([][]float64, len(comps))
	var unplaced []string
	s := &r.Standard
	for i := range t.Len() {
		a, okA := cw.COW(t.ISO3A[i])
		b, okB := cw.COW(t.ISO3B[i])
		for _, x := range []struct {
			ok   bool
			code string
		}{{okA, t.ISO3A[i]}, {okB, t.ISO3B[i]}} {
			if !x.ok && !slices.Contains(unplaced, x.code) {
				unplaced = append(unplaced, x.code)
			}
		}
		if !okA || !okB || math.IsNaN(s.FBIC[i]) {
			continue
		}
		p.A = append(p.A, int32(a))
		p.B = append(p.B, int32(b))
		p.Year = append(p.Year, int32(t.Year[i]))
		p.Bandwidth = append(p.Bandwidth, s.Bandwidth[i])
		p.Dependence = append(p.Dependence, s.Dependence[i])
		p.Index = append(p.Index, s.FBIC[i])
		for j, col := range cols {
			p.Parts[j] = append(p.Parts[j], col[i])
		}
	}
	slices.Sort(unplaced)
	return p, unplaced
}

func newPanel(profile string, w influence.Weights, inputs string, now time.Time, n int) *leverage.InfluencePanel {
	var buf bytes.Buffer
	w.WriteCSV(&buf)
	return &leverage.InfluencePanel{
		Profile: profile, Weights: buf.String(), Inputs: inputs, BuiltAt: now.UTC().Format(time.RFC3339),
		A: make([]int32, n), B: make([]int32, n), Year: make([]int32, n),
		Bandwidth: make([]float64, n), Dependence: make([]float64, n), Index: make([]float64, n),
	}
}

// Weights parses the weights a stored panel was built with.
func Weights(p *leverage.InfluencePanel) (influence.Weights, error) {
	w, err := influence.ParseWeights(strings.NewReader(p.Weights), p.Profile+" panel weights")
	if err != nil {
		return nil, fmt.Errorf("stored %s panel: %w", p.Profile, err)
	}
	return w, nil
}
