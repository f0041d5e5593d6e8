package flow

// The highest-label push-relabel method (Goldberg & Tarjan 1988) with the
// global-relabeling and gap heuristics of Cherkassky & Goldberg (1997), in
// its partial augment-relabel form (Goldberg 2008): the active node with
// the highest label sends its excess along a path of up to parK admissible
// arcs at once rather than one arc at a time.
//
// Phase 1 (maxPreflow) computes a maximum preflow: excess may be left at
// nodes that cannot reach the sink. Distance labels are exact distances to
// the sink after each global relabeling and lower bounds in between; a
// node whose label reaches n cannot reach the sink and leaves phase 1.
// Phase 2 (returnExcess) sends that excess back to the source, so the
// preflow becomes a flow with the same value.

const (
	relabelWork = 12 // work charged to a relabel on top of the arcs it scans
	globalAlpha = 6  // a global relabeling every globalFreq·(globalAlpha·n + m) of work
	globalFreq  = 2
)

// maxPreflow computes a maximum preflow from s to t on the residual
// capacities set by prepare.
func (sv *Solver) maxPreflow(s, t int32) {
	g := sv.g
	clear(sv.excess)
	res, excess := sv.res, sv.excess
	for a := g.start[s]; a < g.start[s+1]; a++ {
		if c := res[a].rcap; c > 0 {
			v := res[a].head
			res[a].rcap = 0
			res[a].back += c
			r := &res[res[a].rev]
			r.rcap += c
			r.back = 0
			excess[v] += c
			excess[s] -= c
		}
	}
	maxActive := sv.globalRelabel(s, t, true)
	freq := globalFreq * (globalAlpha*g.n + len(res)/2)
	work := 0
	for maxActive >= 0 {
		u := sv.activeHead[maxActive]
		if u < 0 {
			maxActive--
			continue
		}
		sv.activeHead[maxActive] = sv.activeNext[u]
		if excess[u] <= 0 {
			continue
		}
		if l := sv.label[u]; l != maxActive {
			// Relabelled on another node's path: file it under its
			// label now, unless it cannot reach t.
			if l < int32(g.n) {
				sv.activeNext[u] = sv.activeHead[l]
				sv.activeHead[l] = u
				maxActive = max(maxActive, l)
			}
			continue
		}
		var w int
		maxActive, w = sv.discharge(u, t, maxActive)
		work += w
		if work > freq {
			maxActive = sv.globalRelabel(s, t, false)
			work = 0
		}
	}
}

// gap removes the nodes labelled above l from phase 1.
func (sv *Solver) gap(l int32) {
	n := int32(len(sv.label))
	for k := l + 1; k < n; k++ {
		if sv.allHead[k] < 0 && sv.activeHead[k] < 0 {
			// Labels below the highest one in use are all in use: the
			// first empty level above the gap ends the sweep.
			break
		}
		for v := sv.allHead[k]; v >= 0; v = sv.allNext[v] {
			sv.label[v] = n
		}
		sv.allHead[k] = -1
		sv.activeHead[k] = -1
	}
}

func (sv *Solver) linkAll(u, l int32) {
	h := sv.allHead[l]
	sv.allNext[u] = h
	sv.allPrev[u] = -1
	if h >= 0 {
		sv.allPrev[h] = u
	}
	sv.allHead[l] = u
}

func (sv *Solver) unlinkAll(u, l int32) {
	p, x := sv.allPrev[u], sv.allNext[u]
	if p >= 0 {
		sv.allNext[p] = x
	} else {
		sv.allHead[l] = x
	}
	if x >= 0 {
		sv.allPrev[x] = p
	}
}

// globalRelabel sets every label to the distance to t in the residual
// graph (n for the nodes that cannot reach t, and for s), rebuilds the
// buckets and resets the current arcs. It returns the highest label of an
// active node, or -1. With first false it only visits the nodes that
// could reach t at the previous global relabeling: valid labels never let
// a node that cannot reach t reach it again.
func (sv *Solver) globalRelabel(s, t int32, first bool) int32 {
	start := sv.g.start
	label, excess, res := sv.label, sv.excess, sv.res
	n := int32(len(label))
	eps := sv.eps
	top := sv.top
	if first {
		for i := range label {
			label[i] = n
		}
		top = int32(len(sv.allHead) - 1)
	} else {
		for _, v := range sv.alive {
			label[v] = n
		}
	}
	for l := range top + 1 {
		sv.allHead[l] = -1
		sv.activeHead[l] = -1
	}
	label[t] = 0
	q := append(sv.alive[:0], t)
	maxActive := int32(-1)
	for i := 0; i < len(q); i++ {
		v := q[i]
		lw := label[v] + 1
		for _, a := range res[start[v]:start[v+1]] {
			w := a.head
			if a.back > eps && label[w] == n && w != s {
				label[w] = lw
				sv.cur[w] = start[w]
				q = append(q, w)
				sv.linkAll(w, lw)
				if excess[w] > 0 {
					sv.activeNext[w] = sv.activeHead[lw]
					sv.activeHead[lw] = w
					maxActive = lw
				}
			}
		}
	}
	sv.alive = q
	sv.top = label[q[len(q)-1]]
	return maxActive
}

// returnExcess sends the excess left by phase 1 back to s, FIFO
// push-relabel on labels n + the distance to s, so that the preflow
// becomes a flow. Only nodes that cannot reach t hold excess, and no
// residual arc leads from them to a node that can, so they keep among
// themselves.
func (sv *Solver) returnExcess(s, t int32) {
	start := sv.g.start
	label, excess, res := sv.label, sv.excess, sv.res
	n := int32(len(label))
	eps := sv.eps
	any := false
	for v := range label {
		if label[v] >= n {
			label[v] = 2 * n // unvisited
			if excess[v] > 0 && int32(v) != s {
				any = true
			}
		}
	}
	if !any {
		return
	}
	dead := 2 * n
	label[s] = n
	q := append(sv.queue[:0], s)
	for i := 0; i < len(q); i++ {
		v := q[i]
		lw := label[v] + 1
		for _, a := range res[start[v]:start[v+1]] {
			w := a.head
			if a.back > eps && label[w] == dead {
				label[w] = lw
				sv.cur[w] = start[w]
				q = append(q, w)
			}
		}
	}
	// The FIFO queue of active nodes.
	q = q[:0]
	for v := range label {
		if l := label[v]; l > n && l < dead && excess[v] > 0 {
			q = append(q, int32(v))
		}
	}
	for i := 0; i < len(q); i++ {
		u := q[i]
		if i > 1<<20 && i > len(q)/2 {
			q, i = append(q[:0], q[i:]...), 0
			u = q[0]
		}
		ex := excess[u]
		first, end := start[u], start[u+1]
		arcs := res[first:end:end]
		for ex > 0 {
			l := label[u]
			j := int(sv.cur[u] - first)
			for ; j < len(arcs); j++ {
				a := &arcs[j]
				rc := a.rcap
				if rc <= eps {
					continue
				}
				v := a.head
				if label[v] != l-1 {
					continue
				}
				d := min(ex, rc)
				a.rcap = rc - d
				a.back += d
				r := &res[a.rev]
				r.rcap += d
				r.back -= d
				if excess[v] == 0 && v != s {
					q = append(q, v)
				}
				excess[v] += d
				ex -= d
				if ex == 0 {
					break
				}
			}
			if ex == 0 {
				sv.cur[u] = first + int32(j)
				break
			}
			newl, minArc := dead, 0
			for j := range arcs {
				if arcs[j].rcap > eps {
					if lv := label[arcs[j].head] + 1; lv < newl {
						newl, minArc = lv, j
					}
				}
			}
			if newl >= dead {
				// Only when the flow into u ran over arcs left with
				// residual capacities at or below eps: keep the excess.
				label[u] = dead
				break
			}
			label[u] = newl
			sv.cur[u] = first + int32(minArc)
		}
		excess[u] = ex
	}
	sv.queue = q
}

// parK is the longest path a partial augmentation follows: 4 was the
// best compromise on the benchmark families (2, 8 and 16 were each slower
// on some family).
const parK = 4

// discharge moves the excess of u towards t until u has none or cannot
// reach t, by partial augment-relabel (Goldberg 2008): along admissible
// paths of up to parK arcs at once, relabelling the nodes at which a path
// gets stuck. It returns the highest label that may hold active nodes and
// the work done.
func (sv *Solver) discharge(u, t, maxActive int32) (int32, int) {
	start := sv.g.start
	label, excess, res := sv.label, sv.excess, sv.res
	n := int32(len(label))
	eps := sv.eps
	work := 0
	var path [parK]int32 // arcs of the path from u
	np := 0
	w := u
	for excess[u] > 0 {
		// Advance from w along its current arc, or relabel w.
		lw := label[w]
		first, end := start[w], start[w+1]
		a := sv.cur[w]
		for ; a < end; a++ {
			if res[a].rcap > eps && label[res[a].head] == lw-1 {
				break
			}
		}
		if a < end {
			sv.cur[w] = a
			path[np] = a
			np++
			x := res[a].head
			if x != t && np < parK {
				w = x
				continue
			}
			// Augment along the path.
			d := excess[u]
			for _, b := range path[:np] {
				d = min(d, res[b].rcap)
			}
			for _, b := range path[:np] {
				r := &res[b]
				r.rcap -= d
				r.back += d
				q := &res[r.rev]
				q.rcap += d
				q.back -= d
			}
			excess[u] -= d
			if excess[x] == 0 && x != t {
				sv.activeNext[x] = sv.activeHead[label[x]]
				sv.activeHead[label[x]] = x
			}
			excess[x] += d
			np, w = 0, u
			continue
		}
		// Relabel w: one more than its lowest neighbour over a residual arc.
		minl, minArc := n, first
		for b := first; b < end; b++ {
			if res[b].rcap > eps {
				if lv := label[res[b].head]; lv < minl {
					minl, minArc = lv, b
				}
			}
		}
		work += int(end-first) + relabelWork
		newl := min(minl, n-1) + 1
		sv.unlinkAll(w, lw)
		if sv.allHead[lw] < 0 {
			sv.gap(lw)
			label[w] = n
			if w == u || label[u] >= n {
				return lw - 1, work
			}
		} else if newl >= n {
			label[w] = n
			if w == u {
				return maxActive, work
			}
		} else {
			label[w] = newl
			sv.cur[w] = minArc
			sv.linkAll(w, newl)
			sv.top = max(sv.top, newl)
			if w == u {
				maxActive = max(maxActive, newl)
			}
		}
		if w == u {
			continue
		}
		// Retreat to w's predecessor on the path.
		np--
		if np == 0 {
			w = u
		} else {
			w = res[path[np-1]].head
		}
	}
	return maxActive, work
}
