package query

import (
	"context"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/report"
)

// Geometry returns the map geometry of the built-in assets and places
// (data/geometry.csv) that st holds, as GeoJSON: a LineString or a Point
// each, with its id, name, kind and sources.
func Geometry(ctx context.Context, st leverage.ActorService) (*report.FeatureCollection, error) {
	shapes, err := data.Geometry()
	if err != nil {
		return nil, err
	}
	actors, err := st.Actors(ctx, leverage.ActorFilter{})
	if err != nil {
		return nil, err
	}
	byID := map[string]*leverage.Actor{}
	for _, a := range actors {
		byID[a.ID] = a
	}
	var features []report.Feature
	for _, sh := range shapes {
		a := byID[sh.Asset]
		if a == nil { // a store without the built-in dataset
			continue
		}
		g := &report.Geometry{Type: "LineString", Coordinates: sh.Points}
		if len(sh.Points) == 1 {
			g = &report.Geometry{Type: "Point", Coordinates: sh.Points[0]}
		}
		features = append(features, report.Feature{Type: "Feature", Geometry: g, Properties: map[string]any{
			"id": sh.Asset, "name": a.Name, "kind": a.Kind, "sources": sh.Sources, "approximate": sh.Approximate,
		}})
	}
	return report.NewFeatureCollection(features), nil
}
