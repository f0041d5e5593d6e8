// Package gem imports Global Energy Monitor's Global Oil Infrastructure
// Tracker map extract (goit_map_data.csv) as a transport network: one row
// per pipeline unit with its project, type (oil_pipelines or
// ngl_pipelines), owners, countries, status, start year, capacity in
// barrels a day and route, a polyline "lat,lon:lat,lon;lat,lon:..." whose
// segments are separated by ';' and points by ':'.
//
// Every segment becomes one or more directed edges in the order its
// points are drawn. Segment endpoints closer than [SnapKm] become one node,
// and a segment passing that close to another segment's endpoint is split
// there, so that lines that meet on the map meet in the network. Capacity
// becomes Mt/y ([MtPerYear]); the countries become the ISO3 codes of the
// states each edge lies in, through the country crosswalk. What cannot be
// placed (no countries, names the crosswalk does not know, no route) is
// reported, not refused; malformed rows are refused as file:line:column.
package gem

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/importer"
	"github.com/leverage-dev/leverage/transit"
)

// Dataset is the name of the import, and the id of its source.
const Dataset = "gem-oil"

// Capacities are converted from bbl/d with transit.MtPerYear.

// SnapKm is the distance within which segment endpoints are one node and
// an endpoint joins a segment passing by, in km: about the size of a
// pipeline terminal, tank farm or pumping station site, and of the
// positional error of GEM's hand-drawn routes, while well below the
// distance between separate hubs.
const SnapKm = 5.0

// Result is what an import produces.
type Result struct {
	Dataset *leverage.Dataset
	Network *leverage.Network
	// Unplaced lists the units with edges whose states are unknown or
	// incomplete, and those that gave no edge, with the reason.
	Unplaced []Problem
	// Notes lists what was read but not used as it stands: edges in
	// several states (a multi-country unit), dropped segments, ignored
	// start years.
	Notes  []Problem
	Counts Counts
}

// Problem is something an import could not place or did not use.
type Problem struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Unit   string `json:"unit"` // the unit's name, or its project's
	Reason string `json:"reason"`
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.Unit, p.Reason)
}

// Counts sums up an import.
type Counts struct {
	Units      int `json:"units"`       // rows read
	Segments   int `json:"segments"`    // route segments read
	Endpoints  int `json:"endpoints"`   // ends of the segments of two points or more
	Snapped    int `json:"snapped"`     // endpoints that joined a node another endpoint had made
	Junctions  int `json:"junctions"`   // splits where an endpoint meets a segment between its ends
	Dropped    int `json:"dropped"`     // segments that gave no edge (one point, or both ends in one node)
	Nodes      int `json:"nodes"`       // nodes after snapping
	Edges      int `json:"edges"`       //
	NoCapacity int `json:"no_capacity"` // edges whose capacity is unknown
	NoStates   int `json:"no_states"`   // edges in no known state
	Ambiguous  int `json:"ambiguous"`   // edges of multi-country units, placed in all their states
}

// unit is one row of the file.
type unit struct {
	file      string
	line      int
	project   string
	name      string // the unit, or the project when the unit is blank
	key       string // the unit's part of edge ids
	asset     string // the project's id
	commodity string
	status    leverage.Status
	capacity  float64 // Mt/y, NaN if unknown
	owners    []leverage.Stake
	states    []string
	valid     leverage.Period
}

// segment is one part of a unit's route.
type segment struct {
	unit       int
	n          int // 1-based, in the route
	pts        []point
	start, end int32 // nodes
	splits     []split
}

// split is a node a segment passes through between its ends, at position
// pos: i + t is the point a fraction t of the way from point i to i+1.
type split struct {
	pos  float64
	node int32
}

// node is a place where segments meet.
type node struct {
	p    point
	name string
}

// builder accumulates the rows of every file.
type builder struct {
	cw       *country.Crosswalk
	units    []unit
	segs     []segment
	keys     map[string]bool
	unplaced []Problem
	notes    []Problem
	counts   Counts
}

// columns are the columns an input must have; geom and url are optional.
var columns = []string{"project", "unit", "type", "parent", "countries", "status", "start_year", "capacity", "route"}

// Import reads goit_map_data.csv files, placing countries through cw, and
// returns their network. Segments of different files snap together as
// segments of one.
func Import(files []importer.File, cw *country.Crosswalk) (*Result, error) {
	b := &builder{cw: cw, keys: map[string]bool{}}
	for _, f := range files {
		if err := b.read(f); err != nil {
			return nil, err
		}
	}
	nodes := b.snap()
	b.junctions(nodes)
	n := b.network(nodes)
	order := map[string]int{}
	for i, f := range files {
		order[f.Name] = i
	}
	for _, list := range [][]Problem{b.unplaced, b.notes} {
		slices.SortStableFunc(list, func(x, y Problem) int {
			return cmp.Or(cmp.Compare(order[x.File], order[y.File]), cmp.Compare(x.Line, y.Line))
		})
	}
	if err := n.Validate(); err != nil {
		return nil, fmt.Errorf("gem: built an invalid network: %w", err)
	}
	src := leverage.Source{ID: Dataset, Title: "Global Oil Infrastructure Tracker (map extract)", Publisher: "Global Energy Monitor",
		URL:  "https://globalenergymonitor.org/projects/global-oil-infrastructure-tracker/",
		Date: leverage.MustDate("2024-06"),
		Note: "Global Energy Monitor, Global Oil Infrastructure Tracker, map data (static/data/data.csv of github.com/GlobalEnergyMonitor/goit-tracker-greeninfo-map, " +
			"commit c011cb54a60473c2b81aacb9ba2f498c69393d3e, 2024-06-12; data last changed in e4bc6205e99f89112ba8e84048943ca56d1355af, 2024-06-05). " +
			"CC BY 4.0: attribute Global Energy Monitor. Capacities converted from bbl/d at 7.33 barrels a tonne."}
	return &Result{Dataset: importer.NewDataset(Dataset, src, files), Network: n, Unplaced: b.unplaced, Notes: b.notes, Counts: b.counts}, nil
}

// reader reads one file's rows, with what is needed to place errors
// inside a field.
type reader struct {
	t     *importer.Table
	data  []byte // the file without its byte order mark
	lines []int  // the offset in data of each line's start
}

// errorAt returns an error at byte off of the (trimmed) field in column col
// of the current row, or at the field's start when the field's text in the
// file does not show where that byte is (a quoted field with escapes).
func (r *reader) errorAt(col, off int, format string, args ...any) error {
	err := r.t.Errorf(col, format, args...)
	var ie *importer.Error
	if !errors.As(err, &ie) || ie.Line < 1 || ie.Line > len(r.lines) || ie.Column < 1 {
		return err
	}
	start := r.lines[ie.Line-1] + ie.Column - 1
	if start >= len(r.data) {
		return err
	}
	raw := r.data[start:]
	shift := 0
	if raw[0] == '"' {
		raw, shift = raw[1:], 1
	}
	lead := len(raw) - len(bytes.TrimLeft(raw, " \t"))
	field := r.t.Field(col)
	if off <= len(field) && bytes.HasPrefix(raw[lead:], []byte(field[:off])) {
		ie.Column += shift + lead + off
	}
	return err
}

// read reads the rows of f.
func (b *builder) read(f importer.File) error {
	t, err := importer.NewTable(f, ',', importer.Missing{Codes: []string{""}})
	if err != nil {
		return err
	}
	data := bytes.TrimPrefix(f.Data, []byte("\ufeff"))
	r := &reader{t: t, data: data, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			r.lines = append(r.lines, i+1)
		}
	}
	cols, err := t.Columns(columns...)
	if err != nil {
		return err
	}
	geom := t.Index("geom")
	for {
		more, err := t.Next()
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
		if err := b.row(r, cols, geom); err != nil {
			return err
		}
	}
}

// The positions of the columns in cols.
const (
	cProject = iota
	cUnit
	cType
	cParent
	cCountries
	cStatus
	cStartYear
	cCapacity
	cRoute
)

// row reads the current row of r.
func (b *builder) row(r *reader, cols []int, geom int) error {
	t := r.t
	u := unit{file: t.File(), line: t.Line(), project: t.Field(cols[cProject]), name: t.Field(cols[cUnit])}
	if u.name == "" {
		u.name = u.project
	}
	if u.name == "" {
		return t.Errorf(cols[cProject], "want the name of a project or unit")
	}
	b.counts.Units++
	switch typ := t.Field(cols[cType]); strings.ToLower(typ) {
	case "oil_pipelines":
		u.commodity = "crude"
	case "ngl_pipelines":
		u.commodity = "ngl"
	default:
		return t.Errorf(cols[cType], "want oil_pipelines or ngl_pipelines, got %q", typ)
	}
	var err error
	if u.status, err = status(t.Field(cols[cStatus])); err != nil {
		return t.Errorf(cols[cStatus], "%v", err)
	}
	c, ok, err := t.Value(cols[cCapacity], 0)
	switch {
	case err != nil:
		return err
	case ok:
		u.capacity = transit.MtPerYear(c)
	default:
		u.capacity = math.NaN()
	}
	if u.owners, err = owners(r, cols[cParent]); err != nil {
		return err
	}
	if s := t.Field(cols[cStartYear]); s != "" {
		if y, err := strconv.Atoi(s); err == nil && y >= 1 && y <= 9999 {
			u.valid.From = leverage.Date{Year: y}
		} else {
			b.note(&u, &b.notes, "start year %q is not a year: ignored", s)
		}
	}
	b.place(&u, t.Field(cols[cCountries]))
	u.key = b.key(&u)
	u.asset = Dataset + "/" + cmp.Or(slug(u.project), u.key)
	segs, err := route(r, cols[cRoute])
	if err != nil {
		return err
	}
	b.units = append(b.units, u)
	ui := len(b.units) - 1
	if len(segs) == 0 {
		reason := "no route: no edges"
		if geom >= 0 && strings.EqualFold(t.Field(geom), "point") {
			reason = "a point, not a route: no edges"
		}
		b.note(&u, &b.unplaced, "%s", reason)
		return nil
	}
	if len(u.states) > 1 {
		b.note(&u, &b.notes, "%d states over %d segments: each edge lies in all of them", len(u.states), len(segs))
	}
	for i, pts := range segs {
		b.counts.Segments++
		if len(pts) < 2 {
			b.counts.Dropped++
			b.note(&u, &b.notes, "segment %d is a single point: dropped", i+1)
			continue
		}
		b.segs = append(b.segs, segment{unit: ui, n: i + 1, pts: pts})
	}
	return nil
}

// note appends a problem of u to list.
func (b *builder) note(u *unit, list *[]Problem, format string, args ...any) {
	*list = append(*list, Problem{File: u.file, Line: u.line, Unit: u.name, Reason: fmt.Sprintf(format, args...)})
}

// status maps GEM's statuses to the model's. GEM's other trackers also
// write "pre-construction" and "announced" (proposed) and "- inferred N
// y" after shelved or cancelled.
func status(s string) (leverage.Status, error) {
	f := strings.ToLower(strings.TrimSpace(s))
	if i := strings.Index(f, " - inferred"); i >= 0 {
		f = f[:i]
	}
	switch f {
	case "pre-construction", "announced":
		return leverage.Proposed, nil
	}
	if st := leverage.Status(f); slices.Contains(leverage.Statuses, st) {
		return st, nil
	}
	return "", fmt.Errorf("unknown status %q (want operating, idle, mothballed, construction, proposed, cancelled, shelved or retired)", s)
}

// owners reads the parent field: owners separated by ';', each with its
// share in brackets, "Transneft [100.00%]" or "Shell [unknown %]".
func owners(r *reader, col int) ([]leverage.Stake, error) {
	field := r.t.Field(col)
	var out []leverage.Stake
	for off := 0; off < len(field); {
		part, _, _ := strings.Cut(field[off:], ";")
		at := off
		off += len(part) + 1
		name := strings.TrimSpace(part)
		if name == "" {
			continue
		}
		share := math.NaN()
		if i := strings.LastIndexByte(name, '['); i >= 0 && strings.HasSuffix(name, "]") {
			pct := strings.TrimSpace(name[i+1 : len(name)-1])
			name = strings.TrimSpace(name[:i])
			if !strings.HasPrefix(strings.ToLower(pct), "unknown") {
				v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(pct, "%")), 64)
				if err != nil || !strings.HasSuffix(pct, "%") || !(v >= 0 && v <= 100) {
					return nil, r.errorAt(col, at+len(part)-len(strings.TrimLeft(part, " "))+i, "want a share from 0%% to 100%% or \"unknown %%\", got %q", pct)
				}
				share = v / 100
			}
		}
		if name == "" {
			return nil, r.errorAt(col, at, "owner's name missing")
		}
		out = append(out, leverage.Stake{Owner: name, Share: share})
	}
	return out, nil
}

// place sets u's states from the countries field: names separated by ','
// or ';', each placed through the crosswalk, in the order given. Names it
// cannot place, or no names at all, are reported.
func (b *builder) place(u *unit, countries string) {
	names := strings.FieldsFunc(countries, func(r rune) bool { return r == ',' || r == ';' })
	var missing []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		iso := ""
		if cow, ok := b.cw.COW(n); ok {
			iso = b.cw.ISO3(cow)
		}
		switch {
		case iso == "":
			missing = append(missing, strconv.Quote(n))
		case !slices.Contains(u.states, iso):
			u.states = append(u.states, iso)
		}
	}
	switch {
	case len(missing) > 0 && len(u.states) == 0:
		b.note(u, &b.unplaced, "countries %s not in the crosswalk: states unknown", strings.Join(missing, ", "))
	case len(missing) > 0:
		b.note(u, &b.unplaced, "countries %s not in the crosswalk: placed in %s only", strings.Join(missing, ", "), strings.Join(u.states, ", "))
	case len(u.states) == 0:
		b.note(u, &b.unplaced, "no countries given: states unknown")
	}
}

// key returns u's part of edge ids, unique in the import: the project's
// slug, and the unit's after "--" when the unit is named.
func (b *builder) key(u *unit) string {
	p, n := slug(u.project), slug(u.name)
	k := p + "--" + n
	switch {
	case u.name == u.project || n == "":
		k = p
	case p == "":
		k = n
	}
	if k == "" {
		k = "line-" + strconv.Itoa(u.line)
	}
	base := k
	for i := 2; b.keys[k]; i++ {
		k = base + "-" + strconv.Itoa(i)
	}
	b.keys[k] = true
	return k
}

// slug is s folded ([leverage.Fold]) with spaces turned into '-'.
func slug(s string) string {
	return strings.ReplaceAll(leverage.Fold(s), " ", "-")
}

// route reads the route field: segments separated by ';', points by ':',
// each point "lat,lon" in degrees. Empty segments are skipped.
func route(r *reader, col int) ([][]point, error) {
	field := r.t.Field(col)
	var segs [][]point
	for off := 0; off < len(field); {
		seg, _, _ := strings.Cut(field[off:], ";")
		start := off
		off += len(seg) + 1
		if strings.TrimSpace(seg) == "" {
			continue
		}
		var pts []point
		for o := 0; o < len(seg); {
			ps, _, _ := strings.Cut(seg[o:], ":")
			at := start + o
			o += len(ps) + 1
			lat, lon, ok := strings.Cut(ps, ",")
			la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
			lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
			if !ok || err1 != nil || err2 != nil || !(la >= -90 && la <= 90) || !(lo >= -180 && lo <= 180) {
				return nil, r.errorAt(col, at, "want a point latitude,longitude in degrees, got %q", ps)
			}
			p := point{la, lo}
			if len(pts) > 0 && pts[len(pts)-1] == p {
				continue
			}
			pts = append(pts, p)
		}
		segs = append(segs, pts)
	}
	return segs, nil
}

// snap makes the nodes: each segment endpoint, in file order, joins the
// nearest node within SnapKm, or else makes a node where it lies.
func (b *builder) snap() []node {
	var nodes []node
	g := newGrid(SnapKm)
	at := func(p point, name string) int32 {
		best, bestKm := int32(-1), math.Inf(1)
		g.near(p, SnapKm, func(id int32) {
			if d := haversine(p, nodes[id].p); d <= SnapKm && (d < bestKm || d == bestKm && id < best) {
				best, bestKm = id, d
			}
		})
		if best >= 0 {
			b.counts.Snapped++
			return best
		}
		nodes = append(nodes, node{p: p, name: name})
		id := int32(len(nodes) - 1)
		g.add(p, id)
		return id
	}
	for i := range b.segs {
		s := &b.segs[i]
		b.counts.Endpoints += 2
		name := b.units[s.unit].name
		s.start = at(s.pts[0], name+" (start)")
		s.end = at(s.pts[len(s.pts)-1], name+" (end)")
	}
	return nodes
}

// junctions splits segments at the nodes they pass within SnapKm of
// between their ends, at the point of the segment nearest the node.
func (b *builder) junctions(nodes []node) {
	type line struct{ seg, i int32 } // from point i of segment seg to i+1
	var lines []line
	g := newGrid(SnapKm)
	half := g.cell / 2
	for si := range b.segs {
		s := &b.segs[si]
		for i := 0; i+1 < len(s.pts); i++ {
			id := int32(len(lines))
			lines = append(lines, line{int32(si), int32(i)})
			a, c := s.pts[i], s.pts[i+1]
			// Samples at most half a cell apart in each coordinate put the
			// line in every cell it crosses.
			steps := int(math.Ceil(math.Max(math.Abs(c[0]-a[0]), math.Abs(wrap(c[1]-a[1]))) / half))
			for k := 0; k <= steps; k++ {
				g.add(along(a, c, float64(k)/float64(max(steps, 1))), id)
			}
		}
	}
	// A line within SnapKm of a node has a sample within half a cell
	// (less than SnapKm) in each coordinate of its nearest point.
	reach := SnapKm + math.Sqrt2*half*kmPerDegree
	type hit struct {
		pos, km float64
	}
	best := map[int32]hit{}
	for ni := range nodes {
		v := int32(ni)
		p := nodes[ni].p
		clear(best)
		g.near(p, reach, func(id int32) {
			l := lines[id]
			s := &b.segs[l.seg]
			if s.start == v || s.end == v {
				return
			}
			t, km := closest(p, s.pts[l.i], s.pts[l.i+1])
			if km > SnapKm {
				return
			}
			pos := float64(l.i) + t
			if h, ok := best[l.seg]; !ok || km < h.km || km == h.km && pos < h.pos {
				best[l.seg] = hit{pos, km}
			}
		})
		for seg, h := range best {
			b.segs[seg].splits = append(b.segs[seg].splits, split{h.pos, v})
			b.counts.Junctions++
		}
	}
}

// network builds the nodes and edges.
func (b *builder) network(nodes []node) *leverage.Network {
	n := &leverage.Network{}
	used := make([]bool, len(nodes))
	type piece struct {
		from, to int32
		path     [][2]float64
	}
	var edgeNodes [][2]int32
	edges, segs := make([]int, len(b.units)), make([]int, len(b.units))
	for si := range b.segs {
		s := &b.segs[si]
		segs[s.unit]++
		u := &b.units[s.unit]
		slices.SortFunc(s.splits, func(x, y split) int { return cmp.Or(cmp.Compare(x.pos, y.pos), cmp.Compare(x.node, y.node)) })
		stops := append([]split{{0, s.start}}, s.splits...)
		stops = append(stops, split{float64(len(s.pts) - 1), s.end})
		var pieces []piece
		last := stops[0]
		for _, st := range stops[1:] {
			if st.node == last.node {
				continue
			}
			pieces = append(pieces, piece{last.node, st.node, path(s.pts, last.pos, st.pos)})
			last = st
		}
		if len(pieces) == 0 {
			b.counts.Dropped++
			b.note(u, &b.notes, "segment %d: both ends snap to one node: dropped", s.n)
			continue
		}
		edges[s.unit]++
		for k, pc := range pieces {
			id := fmt.Sprintf("%s/%s/%d", Dataset, u.key, s.n)
			if len(pieces) > 1 {
				id += "." + strconv.Itoa(k+1)
			}
			e := leverage.Edge{
				ID: id, Name: u.name, Kind: leverage.PipelineEdge, Commodity: u.commodity,
				Capacity: u.capacity, Status: u.status, Owners: u.owners, States: u.states,
				Asset: u.asset, Valid: u.valid, Path: pc.path,
				Sources: []string{Dataset},
			}
			used[pc.from], used[pc.to] = true, true
			edgeNodes = append(edgeNodes, [2]int32{pc.from, pc.to})
			n.Edges = append(n.Edges, e)
			if math.IsNaN(e.Capacity) {
				b.counts.NoCapacity++
			}
			switch len(e.States) {
			case 0:
				b.counts.NoStates++
			case 1:
			default:
				b.counts.Ambiguous++
			}
		}
	}
	for ui := range b.units {
		u := &b.units[ui]
		if edges[ui] == 0 && segs[ui] > 0 {
			b.note(u, &b.unplaced, "every segment dropped: no edges")
		}
	}
	// Node ids are their coordinates, which differ by more than SnapKm.
	ids := make([]string, len(nodes))
	taken := map[string]bool{}
	states := make([]string, len(nodes))
	for i := range n.Edges {
		e := &n.Edges[i]
		for _, v := range edgeNodes[i] {
			switch st := states[v]; {
			case len(e.States) != 1 || st == "-":
				states[v] = "-"
			case st == "":
				states[v] = e.States[0]
			case st != e.States[0]:
				states[v] = "-"
			}
		}
	}
	for i, v := range nodes {
		if !used[i] {
			continue
		}
		id := fmt.Sprintf("%s/node/%.4f_%.4f", Dataset, v.p[0], v.p[1])
		for k := 2; taken[id]; k++ {
			id = fmt.Sprintf("%s/node/%.4f_%.4f-%d", Dataset, v.p[0], v.p[1], k)
		}
		taken[id] = true
		ids[i] = id
		st := states[i]
		if st == "-" {
			st = ""
		}
		n.Nodes = append(n.Nodes, leverage.Node{ID: id, Name: v.name, Kind: leverage.JunctionNode, Lat: v.p[0], Lon: v.p[1], State: st})
	}
	for i := range n.Edges {
		n.Edges[i].From, n.Edges[i].To = ids[edgeNodes[i][0]], ids[edgeNodes[i][1]]
	}
	b.counts.Nodes, b.counts.Edges = len(n.Nodes), len(n.Edges)
	return n
}

// path returns the part of the polyline pts from position from to
// position to (see split).
func path(pts []point, from, to float64) [][2]float64 {
	at := func(pos float64) point {
		i := int(pos)
		if i >= len(pts)-1 {
			return pts[len(pts)-1]
		}
		return along(pts[i], pts[i+1], pos-float64(i))
	}
	out := [][2]float64{at(from)}
	for j := int(from) + 1; float64(j) < to; j++ {
		out = append(out, pts[j])
	}
	if p := at(to); p != point(out[len(out)-1]) {
		out = append(out, p)
	}
	return out
}
