package flow

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
)

// EdgeList is a graph read from an edge-list file: the names of its nodes,
// its edges in file order and their capacities.
type EdgeList struct {
	Names []string  // node names by node id, in order of first appearance
	Graph *Graph    // edge ids are the data rows' order
	Caps  []float64 // capacity by edge id
	ids   map[string]int32
}

// Node returns the id of the node with the given name.
func (l *EdgeList) Node(name string) (int, bool) {
	id, ok := l.ids[name]
	return int(id), ok
}

// ReadEdgeList reads a CSV edge list: a header row naming the columns
// from, to and capacity (in any order, other columns ignored), then one
// edge per row. Node names are any non-empty strings; a capacity is a
// number >= 0, or inf for an uncapacitated edge. Errors name the file
// (name), the line and the column.
func ReadEdgeList(r io.Reader, name string) (*EdgeList, error) {
	var buf bytes.Buffer
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			buf.Grow(int(min(fi.Size(), 1<<40)) + 1)
		}
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data := buf.Bytes()
	rows := bytes.Count(data, []byte{'\n'})
	if bytes.IndexByte(data, '"') < 0 {
		return readEdgeList(&plainReader{data: data}, name, rows)
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.ReuseRecord = true
	return readEdgeList(cr, name, rows)
}

// records is what readEdgeList needs of a CSV reader.
type records interface {
	Read() ([]string, error)
	FieldPos(field int) (line, column int)
}

// plainReader reads CSV without quotes, as encoding/csv does but faster:
// fields end at commas and records at line ends (\n or \r\n), empty
// lines are skipped, and every record must have as many fields as the
// first.
type plainReader struct {
	data   []byte
	line   int      // the line of the last record
	rec    []string // its fields
	col    []int    // and the column each starts at
	fields int      // the number of fields of the first record
}

func (p *plainReader) Read() ([]string, error) {
	for len(p.data) > 0 {
		p.line++
		ln := p.data
		if i := bytes.IndexByte(p.data, '\n'); i >= 0 {
			ln, p.data = p.data[:i], p.data[i+1:]
		} else {
			p.data = nil
		}
		if n := len(ln); n > 0 && ln[n-1] == '\r' {
			ln = ln[:n-1]
		}
		if len(ln) == 0 {
			continue
		}
		s := string(ln) // one allocation a record, as encoding/csv makes
		p.rec, p.col = p.rec[:0], p.col[:0]
		for at := 0; ; {
			p.col = append(p.col, at+1)
			i := strings.IndexByte(s[at:], ',')
			if i < 0 {
				p.rec = append(p.rec, s[at:])
				break
			}
			p.rec = append(p.rec, s[at:at+i])
			at += i + 1
		}
		if p.fields == 0 {
			p.fields = len(p.rec)
		} else if len(p.rec) != p.fields {
			return p.rec, &csv.ParseError{StartLine: p.line, Line: p.line, Column: 1, Err: csv.ErrFieldCount}
		}
		return p.rec, nil
	}
	return nil, io.EOF
}

func (p *plainReader) FieldPos(field int) (line, column int) { return p.line, p.col[field] }

// readEdgeList reads an edge list from cr.
// rows is a guess at the number of rows, to size the slices.
func readEdgeList(cr records, name string, rows int) (*EdgeList, error) {
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a header from,to,capacity", name)
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{"from": -1, "to": -1, "capacity": -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if j, ok := col[h]; ok && j < 0 {
			col[h] = i
		}
	}
	if col["from"] < 0 || col["to"] < 0 || col["capacity"] < 0 {
		return nil, fmt.Errorf("%s:1: header: want columns from, to and capacity, got %q", name, strings.Join(header, ","))
	}
	cf, ct, cc := col["from"], col["to"], col["capacity"]
	l := &EdgeList{ids: map[string]int32{}}
	from, to := make([]int32, 0, rows), make([]int32, 0, rows)
	l.Caps = make([]float64, 0, rows)
	lastName, lastID := "", int32(-1) // rows often share a node with the row before
	node := func(s string) int32 {
		if s == lastName && lastID >= 0 {
			return lastID
		}
		id, ok := l.ids[s]
		if !ok {
			id = int32(len(l.Names))
			s = strings.Clone(s) // not the whole line it was read from
			l.ids[s] = id
			l.Names = append(l.Names, s)
		}
		lastName, lastID = s, id
		return id
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		for i, c := range [2]int{cf, ct} {
			if rec[c] == "" {
				line, col := cr.FieldPos(c)
				return nil, fmt.Errorf("%s:%d:%d: field %s: want a node name, got \"\"", name, line, col, [2]string{"from", "to"}[i])
			}
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(rec[cc]), 64)
		if err != nil || math.IsNaN(c) || c < 0 {
			line, col := cr.FieldPos(cc)
			return nil, fmt.Errorf("%s:%d:%d: field capacity: want a number >= 0, got %q", name, line, col, rec[cc])
		}
		if len(from) >= math.MaxInt32/2 {
			return nil, fmt.Errorf("%s: more than %d edges", name, math.MaxInt32/2)
		}
		from = append(from, node(rec[cf]))
		to = append(to, node(rec[ct]))
		l.Caps = append(l.Caps, c)
	}
	b := &Builder{n: len(l.Names), from: from, to: to}
	l.Graph = b.Build()
	return l, nil
}

// csvError turns an encoding/csv error into file:line:column form.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %w", name, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// WriteEdgeList writes g and caps as a CSV edge list that ReadEdgeList
// reads back: a header from,to,capacity and one row per edge, in edge
// order, with the nodes named by name. Infinite capacities are written
// as +Inf.
func WriteEdgeList(w io.Writer, g *Graph, caps []float64, name func(node int) string) error {
	if len(caps) != g.Edges() {
		return fmt.Errorf("%d capacities for %d edges", len(caps), g.Edges())
	}
	names := make([]string, g.n)
	for v := range names {
		names[v] = name(v)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	cw := csv.NewWriter(bw)
	cw.Write([]string{"from", "to", "capacity"})
	rec := make([]string, 3)
	for e, c := range caps {
		rec[0], rec[1], rec[2] = names[g.from[e]], names[g.to[e]], strconv.FormatFloat(c, 'g', -1, 64)
		cw.Write(rec)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
