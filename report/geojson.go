package report

// FeatureCollection is a GeoJSON FeatureCollection (RFC 7946).
type FeatureCollection struct {
	Type     string    `json:"type"` // "FeatureCollection"
	Features []Feature `json:"features"`
}

// Feature is a GeoJSON Feature.
type Feature struct {
	Type       string    `json:"type"`     // "Feature"
	Geometry   *Geometry `json:"geometry"` // null when the place is unknown
	Properties any       `json:"properties"`
}

// Geometry is a GeoJSON Point ([lon, lat]) or LineString ([[lon, lat], …]).
type Geometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

// NewFeatureCollection returns a collection of features, never null.
func NewFeatureCollection(features []Feature) *FeatureCollection {
	if features == nil {
		features = []Feature{}
	}
	return &FeatureCollection{Type: "FeatureCollection", Features: features}
}
