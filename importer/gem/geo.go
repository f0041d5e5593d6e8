package gem

import "math"

// earthRadius is the Earth's mean radius in km (IUGG).
const earthRadius = 6371.0088

// kmPerDegree is the length of one degree of latitude, in km, on the
// sphere of earthRadius.
const kmPerDegree = earthRadius * math.Pi / 180

// point is a (latitude, longitude) pair in degrees.
type point [2]float64

// haversine returns the great-circle distance between a and b in km.
func haversine(a, b point) float64 {
	la1, la2 := a[0]*math.Pi/180, b[0]*math.Pi/180
	dla := la2 - la1
	dlo := wrap(b[1]-a[1]) * math.Pi / 180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * earthRadius * math.Asin(math.Sqrt(math.Min(1, h)))
}

// wrap brings a difference of longitudes into [-180, 180].
func wrap(d float64) float64 {
	switch {
	case d > 180:
		return d - 360
	case d < -180:
		return d + 360
	}
	return d
}

// along returns the point a fraction t of the way from a to b, moving
// linearly in latitude and longitude (the shorter way round in longitude),
// as GEM's polylines are drawn.
func along(a, b point, t float64) point {
	if t == 0 {
		return a
	}
	lon := a[1] + t*wrap(b[1]-a[1])
	if lon > 180 {
		lon -= 360
	} else if lon < -180 {
		lon += 360
	}
	return point{a[0] + t*(b[0]-a[0]), lon}
}

// closest returns the fraction t in [0, 1] of the way from a to b of the
// point of that line nearest to p, and its distance from p in km. It works
// in a plane tangent at p (equirectangular), exact enough for the few
// kilometres it is asked about.
func closest(p, a, b point) (t, km float64) {
	k := math.Cos(p[0] * math.Pi / 180)
	ax, ay := wrap(a[1]-p[1])*k, a[0]-p[0]
	bx, by := wrap(b[1]-p[1])*k, b[0]-p[0]
	dx, dy := bx-ax, by-ay
	if l := dx*dx + dy*dy; l > 0 {
		t = math.Max(0, math.Min(1, -(ax*dx+ay*dy)/l))
	}
	x, y := ax+t*dx, ay+t*dy
	return t, math.Hypot(x, y) * kmPerDegree
}

// grid is a bucket index of items by the cell of the latitude-longitude
// grid they lie in, for finding items near a point without looking at
// all of them.
type grid struct {
	cell  float64 // the cells' side, in degrees
	nx    int     // cells around a parallel
	cells map[int64][]int32
}

// newGrid returns an empty grid of cells of side km (measured along a
// meridian).
func newGrid(km float64) *grid {
	cell := km / kmPerDegree
	return &grid{cell: cell, nx: int(math.Ceil(360 / cell)), cells: map[int64][]int32{}}
}

// xy returns the cell of p.
func (g *grid) xy(p point) (x, y int) {
	y = int(math.Floor((p[0] + 90) / g.cell))
	x = int(math.Floor((p[1]+180)/g.cell)) % g.nx
	return x, y
}

func key(x, y int) int64 { return int64(y)<<32 | int64(uint32(x)) }

// add puts item id in the cell of p, unless it is there already as the
// cell's last item.
func (g *grid) add(p point, id int32) {
	x, y := g.xy(p)
	k := key(x, y)
	c := g.cells[k]
	if len(c) > 0 && c[len(c)-1] == id {
		return
	}
	g.cells[k] = append(c, id)
}

// near calls fn with every item in the cells that hold the points within
// km of p, and possibly some others; an item may come more than once.
func (g *grid) near(p point, km float64, fn func(id int32)) {
	deg := km / kmPerDegree
	ny := int(math.Ceil(deg/g.cell)) + 1
	// Meridians converge: at latitude phi a degree of longitude is
	// cos(phi) of one of latitude. Take the latitude nearest the pole the
	// search reaches.
	phi := math.Min(math.Abs(p[0])+deg+g.cell, 89.9)
	nx := int(math.Ceil(deg/(g.cell*math.Cos(phi*math.Pi/180)))) + 1
	x0, y0 := g.xy(p)
	if 2*nx+1 >= g.nx {
		nx = -1 // every cell of the row
	}
	for y := y0 - ny; y <= y0+ny; y++ {
		if nx < 0 {
			for x := range g.nx {
				for _, id := range g.cells[key(x, y)] {
					fn(id)
				}
			}
			continue
		}
		for dx := -nx; dx <= nx; dx++ {
			x := ((x0+dx)%g.nx + g.nx) % g.nx
			for _, id := range g.cells[key(x, y)] {
				fn(id)
			}
		}
	}
}
