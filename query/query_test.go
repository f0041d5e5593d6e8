package query_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/sqlite"
)

var asOf = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)

// builtin returns a store holding the built-in dataset and index panel,
// and the model as of asOf.
func builtin(t *testing.T) (leverage.Store, *assess.Model) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, sqlite.Memory)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := query.LoadBuiltin(ctx, st, asOf); err != nil {
		t.Fatal(err)
	}
	m, err := assess.LoadModel(ctx, st, asOf)
	if err != nil {
		t.Fatal(err)
	}
	return st, m
}

// TestArgErrors checks that each question says which argument was bad.
func TestArgErrors(t *testing.T) {
	ctx := context.Background()
	st, m := builtin(t)
	cw, err := country.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, arg string
		run       func() error
	}{
		{"holder", "a", func() error {
			_, err := query.Assess(ctx, st, m, "Ruritania", "KAZ", assess.Options{AsOf: asOf})
			return err
		}},
		{"target", "b", func() error {
			_, err := query.Assess(ctx, st, m, "RUS", "Ruritania", assess.Options{AsOf: asOf})
			return err
		}},
		{"exporter", "exporter", func() error { _, err := query.Transit(m, "Ruritania", query.TransitOptions{AsOf: asOf}); return err }},
		{"asset", "without", func() error {
			_, err := query.Transit(m, "KAZ", query.TransitOptions{AsOf: asOf, Without: []string{"NOPE"}})
			return err
		}},
		{"not a state", "without_state", func() error {
			_, err := query.Transit(m, "KAZ", query.TransitOptions{AsOf: asOf, WithoutStates: []string{"CPC"}})
			return err
		}},
		{"profile", "profile", func() error {
			_, err := query.RankTop(ctx, st, cw, query.TopQuery{Profile: "x", Target: "KAZ", N: 3})
			return err
		}},
		{"both sides", "target", func() error {
			_, err := query.RankTop(ctx, st, cw, query.TopQuery{Profile: "open", Target: "KAZ", Source: "RUS", N: 3})
			return err
		}},
		{"n", "n", func() error {
			_, err := query.RankTop(ctx, st, cw, query.TopQuery{Profile: "open", Target: "KAZ"})
			return err
		}},
		{"series state", "b", func() error {
			_, err := query.IndexSeries(ctx, st, cw, query.SeriesQuery{Profile: "open", A: "RUS", B: "Ruritania"})
			return err
		}},
		{"fact actor", "actor", func() error {
			_, _, err := query.Facts(ctx, st, query.FactQuery{Actor: "Ruritania", At: asOf})
			return err
		}},
		{"channel", "channel", func() error {
			_, _, err := query.Facts(ctx, st, query.FactQuery{Actor: "KAZ", Channel: "magic", At: asOf})
			return err
		}},
		{"relation", "relation", func() error {
			_, _, err := query.Facts(ctx, st, query.FactQuery{Actor: "KAZ", Relation: "owes", At: asOf})
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.run()
			var ae *query.ArgError
			if !errors.As(err, &ae) || ae.Arg != tt.arg || leverage.ErrorCode(err) != leverage.EINVALID {
				t.Fatalf("got %v (%T), want an EINVALID ArgError for %q", err, err, tt.arg)
			}
		})
	}
}

// TestTransitWhatIf checks the what-if of removing assets: removing
// capacity never raises the maximum flow, each part's flow stays within
// its capacity, and a removed asset carries nothing.
func TestTransitWhatIf(t *testing.T) {
	_, m := builtin(t)
	base, err := query.Transit(m, "KAZ", query.TransitOptions{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	prev := base.Capacity
	var removed []string
	for _, asset := range []string{"BTC", "CPC", "ATYRAU-SAMARA", "KENKIYAK-KUMKOL"} {
		removed = append(removed, asset)
		r, err := query.Transit(m, "KAZ", query.TransitOptions{AsOf: asOf, Without: removed})
		if err != nil {
			t.Fatal(err)
		}
		w := r.WhatIf
		if w.Capacity > prev+1e-9 {
			t.Errorf("without %v: %.2f Mt/y, more than %.2f with fewer assets removed", removed, w.Capacity, prev)
		}
		if d := base.Capacity - w.Capacity - w.Lost; d > 1e-9 || d < -1e-9 {
			t.Errorf("without %v: lost %.2f, want %.2f", removed, w.Lost, base.Capacity-w.Capacity)
		}
		for _, p := range w.Parts {
			if p.Capacity != nil && p.Flow > *p.Capacity+1e-9 {
				t.Errorf("without %v: %s carries %.2f over its capacity %.2f", removed, p.Asset, p.Flow, *p.Capacity)
			}
			for _, a := range removed {
				if p.Asset == a && p.Flow != 0 {
					t.Errorf("without %v: removed %s carries %.2f", removed, a, p.Flow)
				}
			}
		}
		prev = w.Capacity
	}
}

func TestGeometry(t *testing.T) {
	st, _ := builtin(t)
	fc, err := query.Geometry(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	shapes, err := data.Geometry()
	if err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != len(shapes) || len(shapes) == 0 {
		t.Fatalf("%s with %d features, want %d", fc.Type, len(fc.Features), len(shapes))
	}
	for _, f := range fc.Features {
		p := f.Properties.(map[string]any)
		if p["name"] == "" || len(p["sources"].([]string)) == 0 {
			t.Errorf("feature %v lacks a name or sources", p["id"])
		}
	}
}
