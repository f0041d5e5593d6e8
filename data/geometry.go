package data

import (
	"bytes"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/leverage-dev/leverage"
)

// MaxShapePoints is the most points a shape of geometry.csv may have: the
// file keeps simplified lines for a map, not the sources' full routes.
const MaxShapePoints = 25

// ApproximateNote begins the note of a geometry row drawn by the project
// rather than taken from its source: the point itself, or the segment that
// ends at it.
const ApproximateNote = "approximate"

// Shape is where an asset or a place lies on a map: a line of points for a
// pipeline, a sea leg or a rail link, one point for a terminal, a port or a
// place. Points, Labels and Notes run in parallel, in the file's order.
type Shape struct {
	Asset   string       `json:"asset"`   // actor id, of kind asset or place
	Points  [][2]float64 `json:"points"`  // lon, lat in WGS84 degrees
	Labels  []string     `json:"labels"`  // the point's name, or ""
	Notes   []string     `json:"notes"`   // how the point was obtained, or ""
	Sources []string     `json:"sources"` // source ids its rows cite, in order of first use
	// Approximate is true when some row's note begins with
	// ApproximateNote: part of the shape was drawn by hand (a sea lane, a
	// schematic rail line, an estimated position), and a map should say so.
	Approximate bool `json:"approximate,omitempty"`
}

// Geometry reads and checks the map geometry embedded in the binary
// (geometry.csv): every asset must be an asset or place of actors.csv and
// every source an id of sources.csv. Like lexicons.csv it is not part of
// the stored dataset and does not change its version.
func Geometry() ([]Shape, error) {
	refs := &leverage.Dataset{Name: BuiltinName}
	sb, err := builtin.ReadFile("sources.csv")
	if err != nil {
		return nil, &FileError{File: "sources.csv", Err: err}
	}
	if refs.Sources, err = ParseSources(bytes.NewReader(sb), "sources.csv"); err != nil {
		return nil, err
	}
	ab, err := builtin.ReadFile("actors.csv")
	if err != nil {
		return nil, &FileError{File: "actors.csv", Err: err}
	}
	if refs.Actors, err = parseActors(bytes.NewReader(ab), "actors.csv"); err != nil {
		return nil, err
	}
	if err := refs.Index(); err != nil {
		return nil, &FileError{File: "actors.csv", Err: err}
	}
	gb, err := builtin.ReadFile("geometry.csv")
	if err != nil {
		return nil, &FileError{File: "geometry.csv", Err: err}
	}
	return ParseGeometry(bytes.NewReader(gb), "geometry.csv", refs)
}

// ParseGeometry reads a geometry file: asset,seq,lon,lat,source and the
// optional label and note. A shape's rows come together, numbered 1, 2, ...
// by seq in the order of the line; lon and lat are finite degrees in
// [-180, 180] and [-90, 90]; source lists one or more source ids separated
// by ";"; a shape has at most MaxShapePoints points. When refs is not nil,
// each asset must be an actor of kind asset or place in refs, and each
// source a source of refs (refs must be indexed). The first problem is
// returned as a *FileError naming file, line and field.
func ParseGeometry(r io.Reader, file string, refs *leverage.Dataset) ([]Shape, error) {
	t, err := newTable(r, file, []string{"asset", "seq", "lon", "lat", "source"}, []string{"label", "note"})
	if err != nil {
		return nil, err
	}
	var out []Shape
	lines := map[string][2]int{} // asset -> its first and last line
	for {
		ok, err := t.next()
		if !ok {
			return out, err
		}
		asset, err := t.need("asset")
		if err != nil {
			return nil, err
		}
		if refs != nil {
			a := refs.Actor(asset)
			switch {
			case a == nil:
				return nil, t.fail("asset", "unknown actor %q", asset)
			case a.Kind != leverage.Asset && a.Kind != leverage.Place:
				return nil, t.fail("asset", "actor %s is a %s; want an asset or a place", asset, a.Kind)
			}
		}
		if n := len(out); n == 0 || out[n-1].Asset != asset {
			if prev, seen := lines[asset]; seen {
				return nil, t.fail("asset", "%s already drawn on lines %d to %d; keep a shape's rows together", asset, prev[0], prev[1])
			}
			out = append(out, Shape{Asset: asset})
		}
		s := &out[len(out)-1]
		first := t.line
		if prev, seen := lines[asset]; seen {
			first = prev[0]
		}
		lines[asset] = [2]int{first, t.line}

		want := len(s.Points) + 1
		if seq, err := strconv.Atoi(t.get("seq")); err != nil || seq != want {
			return nil, t.fail("seq", "want %d (the points of %s are numbered 1, 2, ... in order), got %q", want, asset, t.get("seq"))
		}
		if want > MaxShapePoints {
			return nil, t.fail("seq", "%s has more than %d points: simplify the line", asset, MaxShapePoints)
		}
		lon, err := coordinate(t, "lon", 180)
		if err != nil {
			return nil, err
		}
		lat, err := coordinate(t, "lat", 90)
		if err != nil {
			return nil, err
		}
		src, err := t.need("source")
		if err != nil {
			return nil, err
		}
		for _, id := range strings.Split(src, ";") {
			id = strings.TrimSpace(id)
			switch {
			case id == "":
				return nil, t.fail("source", "empty source id in %q", src)
			case refs != nil && refs.Source(id) == nil:
				return nil, t.fail("source", "unknown source %q", id)
			}
			if !slices.Contains(s.Sources, id) {
				s.Sources = append(s.Sources, id)
			}
		}
		note := t.get("note")
		s.Points = append(s.Points, [2]float64{lon, lat})
		s.Labels = append(s.Labels, t.get("label"))
		s.Notes = append(s.Notes, note)
		if strings.HasPrefix(note, ApproximateNote) {
			s.Approximate = true
		}
	}
}

// coordinate reads a longitude or latitude in degrees, finite and within
// [-limit, limit].
func coordinate(t *table, col string, limit float64) (float64, error) {
	v := t.get(col)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < -limit || f > limit {
		what := "longitude"
		if col == "lat" {
			what = "latitude"
		}
		return 0, t.fail(col, "want a %s in degrees from %g to %g, got %q", what, -limit, limit, v)
	}
	return f, nil
}
