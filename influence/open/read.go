package open

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

// Input file names, as in the peacesciencer exports.
const (
	FileUniverse   = "cow_ddy.csv"
	FileTrade      = "cow_trade_ndy.csv"
	FileStateTrade = "cow_trade_sy.csv"
	FileIGOs       = "cow_igo_ndy.csv"
	FileAlliances  = "atop_alliance.csv"
)

// ParseError reports bad input in a CSV file. Line and Column count from 1;
// Column is the field number, 0 when the error is about the whole line.
type ParseError struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *ParseError) Error() string {
	if e.Column == 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// ReadDir reads the five input files from dir: cow_ddy.csv,
// cow_trade_ndy.csv, cow_trade_sy.csv, cow_igo_ndy.csv and
// atop_alliance.csv. Columns are found by their header names; other columns
// are ignored. An empty field, or one of pandas' default missing-value
// markers such as NA, is a missing value. Numbers are read as
// [strconv.ParseFloat] reads them. Bad input gives a [*ParseError].
func ReadDir(ctx context.Context, dir string) (*Inputs, error) {
	in, err := read(ctx, func(file string, buf []byte) ([]byte, error) { return readFile(filepath.Join(dir, file), buf) })
	if err != nil {
		return nil, fmt.Errorf("read open index inputs from %s: %w", dir, err)
	}
	return in, nil
}

// readFile is os.ReadFile reading into buf's memory when it is large
// enough, a regular file's parts in parallel.
func readFile(name string, buf []byte) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	if !fi.Mode().IsRegular() || size > math.MaxInt32 {
		return readAll(f, buf[:0])
	}
	if int(size)+1 > cap(buf) {
		buf = make([]byte, 0, int(size)+512)
	}
	buf = buf[:size]
	split := splitN(int(size)/256, runtime.GOMAXPROCS(0)) // parts of at least 1 MiB
	errs := make([]error, len(split)-1)
	parallel(split, func(j, lo, hi int) {
		lo, hi = lo*256, hi*256
		if j == len(errs)-1 {
			hi = int(size)
		}
		_, errs[j] = f.ReadAt(buf[lo:hi], int64(lo))
	})
	for _, err := range errs {
		if err != nil {
			if err == io.EOF { // the file shrank: read it again
				return readAll(f, buf[:0])
			}
			return nil, err
		}
	}
	// Whatever the file has grown by since Stat.
	return readAll(io.NewSectionReader(f, size, math.MaxInt64-size), buf)
}

// readAll appends what r has left to buf.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, 512)
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// read parses the five input files, getting their bytes from load, which
// may reuse the memory of the last file's bytes.
func read(ctx context.Context, load func(file string, buf []byte) ([]byte, error)) (*Inputs, error) {
	in := new(Inputs)
	u, t, s, g, a := &in.Universe, &in.Trade, &in.StateTrade, &in.IGOs, &in.Alliances
	tables := []*table{
		{file: FileUniverse, cols: []column{
			{"ccode1", kindCode}, {"ccode2", kindCode}, {"year", kindYear}},
			ints: []*[]int16{&u.CCode1, &u.CCode2, &u.Year}},
		{file: FileTrade, cols: []column{
			{"ccode1", kindCode}, {"ccode2", kindCode}, {"year", kindYear}, {"flow1", kindValue}, {"flow2", kindValue}},
			ints: []*[]int16{&t.CCode1, &t.CCode2, &t.Year}, floats: []*[]float64{&t.Flow1, &t.Flow2}},
		{file: FileStateTrade, cols: []column{
			{"ccode", kindCode}, {"year", kindYear}, {"imports", kindValue}, {"exports", kindValue}},
			ints: []*[]int16{&s.CCode, &s.Year}, floats: []*[]float64{&s.Imports, &s.Exports}},
		{file: FileIGOs, cols: []column{
			{"ccode1", kindCode}, {"ccode2", kindCode}, {"year", kindYear}, {"dyadigos", kindValue}},
			ints: []*[]int16{&g.CCode1, &g.CCode2, &g.Year}, floats: []*[]float64{&g.Shared}},
		{file: FileAlliances, cols: []column{
			{"ccode1", kindCode}, {"ccode2", kindCode}, {"year", kindYear},
			{"atop_defense", kindValue}, {"atop_offense", kindValue}, {"atop_neutral", kindValue},
			{"atop_nonagg", kindValue}, {"atop_consul", kindValue}},
			ints:   []*[]int16{&a.CCode1, &a.CCode2, &a.Year},
			floats: []*[]float64{&a.Defense, &a.Offense, &a.Neutral, &a.NonAgg, &a.Consul}},
	}
	// One file at a time, each parsed by all cores: at most one file's
	// bytes are held at once.
	var data []byte
	for _, tb := range tables {
		var err error
		if data, err = load(tb.file, data); err != nil {
			return nil, err
		}
		if err := tb.parse(ctx, data); err != nil {
			return nil, err
		}
	}
	return in, nil
}

type kind uint8

const (
	kindSkip  kind = iota
	kindCode       // a state code in [0, MaxCCode)
	kindYear       // an int16 year
	kindValue      // a float64; missing is NaN
)

type column struct {
	name string
	kind kind
}

// table is a CSV file to parse into columns: the int columns of cols (in
// order) go to ints, the value columns to floats.
type table struct {
	file   string
	cols   []column
	ints   []*[]int16
	floats []*[]float64
}

// layout maps the fields of a file's lines onto a table's columns.
type layout struct {
	file   string
	nf     int      // fields per line
	kind   []kind   // by field
	dst    []int    // by field: index into ints or floats
	name   []string // by field
	ints   [][]int16
	floats [][]float64
	icol   [][]int16   // by field: the int column it fills, or nil
	fcol   [][]float64 // by field: the value column it fills, or nil
}

// chunkSize is the number of bytes a worker parses at a time.
const chunkSize = 1 << 20

func (tb *table) parse(ctx context.Context, data []byte) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	lay, body, err := tb.header(data)
	if err != nil {
		return err
	}
	// Split the body at line ends; count lines to place every chunk's rows.
	type chunk struct {
		b         []byte
		line, row int // first line number, first row index
		cap, n    int // lines in the chunk, rows parsed
		err       error
	}
	var chunks []chunk
	line, row := 2, 0
	for len(body) > 0 {
		end := min(chunkSize, len(body))
		if end < len(body) {
			if i := bytes.IndexByte(body[end:], '\n'); i < 0 {
				end = len(body)
			} else {
				end += i + 1
			}
		}
		b := body[:end]
		body = body[end:]
		n := bytes.Count(b, []byte{'\n'})
		if b[len(b)-1] != '\n' {
			n++
		}
		chunks = append(chunks, chunk{b: b, line: line, row: row, cap: n})
		line += n
		row += n
	}
	for i := range lay.ints {
		lay.ints[i] = make([]int16, row)
	}
	for i := range lay.floats {
		lay.floats[i] = make([]float64, row)
	}
	lay.icol, lay.fcol = make([][]int16, lay.nf), make([][]float64, lay.nf)
	for f, k := range lay.kind {
		switch k {
		case kindCode, kindYear:
			lay.icol[f] = lay.ints[lay.dst[f]]
		case kindValue:
			lay.fcol[f] = lay.floats[lay.dst[f]]
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(chunks) {
					return
				}
				c := &chunks[i]
				if c.err = ctx.Err(); c.err != nil {
					return
				}
				c.n, c.err = lay.chunk(c.b, c.line, c.row)
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	// Blank lines leave gaps; close them up.
	rows := 0
	for i := range chunks {
		c := &chunks[i]
		if c.err != nil {
			return c.err
		}
		if rows != c.row {
			for _, col := range lay.ints {
				copy(col[rows:], col[c.row:c.row+c.n])
			}
			for _, col := range lay.floats {
				copy(col[rows:], col[c.row:c.row+c.n])
			}
		}
		rows += c.n
	}
	for i, p := range tb.ints {
		*p = lay.ints[i][:rows:rows]
	}
	for i, p := range tb.floats {
		*p = lay.floats[i][:rows:rows]
	}
	return nil
}

// header reads the header line and returns the layout of the lines after it
// and the bytes after it.
func (tb *table) header(data []byte) (*layout, []byte, error) {
	end := bytes.IndexByte(data, '\n')
	body := []byte(nil)
	if end < 0 {
		end = len(data)
	} else {
		body = data[end+1:]
	}
	head := data[:end]
	if len(head) > 0 && head[len(head)-1] == '\r' {
		head = head[:len(head)-1]
	}
	if len(head) == 0 {
		return nil, nil, &ParseError{File: tb.file, Line: 1, Msg: "want a header line"}
	}
	var names []string
	for i := 0; ; {
		f, next, err := field(head, i)
		if err != "" {
			return nil, nil, &ParseError{File: tb.file, Line: 1, Column: len(names) + 1, Msg: err}
		}
		names = append(names, string(f))
		if next >= len(head) {
			break
		}
		i = next + 1
	}
	lay := &layout{file: tb.file, nf: len(names), name: names,
		kind: make([]kind, len(names)), dst: make([]int, len(names)),
		ints: make([][]int16, len(tb.ints)), floats: make([][]float64, len(tb.floats))}
	ni, nfl := 0, 0
	for _, c := range tb.cols {
		j := -1
		for k, name := range names {
			if name == c.name && lay.kind[k] == kindSkip {
				j = k
				break
			}
		}
		if j < 0 {
			return nil, nil, &ParseError{File: tb.file, Line: 1, Msg: fmt.Sprintf("want a column %q in the header", c.name)}
		}
		lay.kind[j] = c.kind
		if c.kind == kindValue {
			lay.dst[j] = nfl
			nfl++
		} else {
			lay.dst[j] = ni
			ni++
		}
	}
	return lay, body, nil
}

// field returns the field of line b starting at i and the index of the
// comma or line end after it. A quoted field is returned without its
// quotes, with doubled quotes left as they are.
func field(b []byte, i int) (f []byte, next int, err string) {
	if i < len(b) && b[i] == '"' {
		j := i + 1
		for {
			k := bytes.IndexByte(b[j:], '"')
			if k < 0 {
				return nil, 0, "unterminated quoted field (fields may not span lines)"
			}
			j += k
			if j+1 < len(b) && b[j+1] == '"' {
				j += 2
				continue
			}
			break
		}
		f = b[i+1 : j]
		j++
		if j < len(b) && b[j] != ',' && b[j] != '\n' && !(b[j] == '\r' && (j+1 == len(b) || b[j+1] == '\n')) {
			return nil, 0, "want a comma after a quoted field"
		}
		if j < len(b) && b[j] == '\r' {
			j++
		}
		return f, j, ""
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '\n' && b[j] != '"' {
		j++
	}
	if j < len(b) && b[j] == '"' {
		return nil, 0, "quote in an unquoted field"
	}
	f = b[i:j]
	if len(f) > 0 && f[len(f)-1] == '\r' && (j == len(b) || b[j] == '\n') {
		f = f[:len(f)-1]
	}
	return f, j, ""
}

// chunk parses the lines of b, the first of them line number line, into
// rows row, row+1, ... of the layout's columns. It returns the number of
// rows parsed: one per line that is not blank.
func (l *layout) chunk(b []byte, line, row int) (int, error) {
	n := len(b)
	r := row
	last := l.nf - 1
	for i := 0; i < n; line++ {
		if b[i] == '\n' {
			i++
			continue
		}
		if b[i] == '\r' && (i+1 == n || b[i+1] == '\n') {
			i += 2
			continue
		}
		for f := 0; f <= last; f++ {
			// Fast path: digits (and one '.' in a value) ended by a comma,
			// or by the line's end in the last field.
			j := i
			switch l.kind[f] {
			case kindCode, kindYear:
				v := 0
				for j < n && b[j]-'0' <= 9 {
					v = v*10 + int(b[j]-'0')
					j++
				}
				if d := j - i; d > 0 && d <= 5 && (l.kind[f] == kindYear && v <= math.MaxInt16 || v < MaxCCode) {
					if next, ok := fieldEnd(b, j, f == last); ok {
						l.icol[f][r] = int16(v)
						i = next
						continue
					}
				}
			case kindValue:
				var m uint64
				for j < n && b[j]-'0' <= 9 {
					m = m*10 + uint64(b[j]-'0')
					j++
				}
				nd, frac := j-i, 0
				if j < n && b[j] == '.' {
					j++
					k := j
					for j < n && b[j]-'0' <= 9 {
						m = m*10 + uint64(b[j]-'0')
						j++
					}
					frac = j - k
					nd += frac
				}
				if nd > 0 && nd <= 15 {
					if next, ok := fieldEnd(b, j, f == last); ok {
						v := float64(m)
						if frac > 0 {
							v /= pow10[frac]
						}
						l.fcol[f][r] = v
						i = next
						continue
					}
				}
			default:
				for j < n && b[j] != ',' && b[j] != '\n' && b[j] != '\r' && b[j] != '"' {
					j++
				}
				if next, ok := fieldEnd(b, j, f == last); ok {
					i = next
					continue
				}
			}
			next, err := l.slowField(b, i, f, line, r)
			if err != nil {
				return 0, err
			}
			i = next
		}
		r++
	}
	return r - row, nil
}

// fieldEnd reports whether b[j] ends a field (a comma; in the last field
// the line's end) and returns where the next field starts.
func fieldEnd(b []byte, j int, last bool) (int, bool) {
	switch {
	case !last:
		return j + 1, j < len(b) && b[j] == ','
	case j == len(b):
		return j, true
	case b[j] == '\n':
		return j + 1, true
	case b[j] == '\r' && j+1 == len(b):
		return j + 1, true
	case b[j] == '\r' && b[j+1] == '\n':
		return j + 2, true
	}
	return 0, false
}

// slowField parses field f of row r, starting at b[i], with quotes,
// spaces, signs, exponents and errors, and returns where the next field
// starts.
func (l *layout) slowField(b []byte, i, f, line, r int) (int, error) {
	fb, j, msg := field(b, i)
	if msg != "" {
		return 0, &ParseError{File: l.file, Line: line, Column: f + 1, Msg: msg}
	}
	eol := j >= len(b) || b[j] == '\n'
	if f == l.nf-1 && !eol {
		return 0, &ParseError{File: l.file, Line: line, Column: f + 2,
			Msg: fmt.Sprintf("want %d fields as in the header, got more", l.nf)}
	}
	if f < l.nf-1 && eol {
		return 0, &ParseError{File: l.file, Line: line, Column: f + 2,
			Msg: fmt.Sprintf("want %d fields as in the header, got %d", l.nf, f+1)}
	}
	switch l.kind[f] {
	case kindCode:
		v, ok := parseInt(fb)
		if !ok || v < 0 || v >= MaxCCode {
			return 0, l.errField(line, f, fb, fmt.Sprintf("a state code from 0 to %d", MaxCCode-1))
		}
		l.icol[f][r] = int16(v)
	case kindYear:
		v, ok := parseInt(fb)
		if !ok || v < math.MinInt16 || v > math.MaxInt16 {
			return 0, l.errField(line, f, fb, "a year (an integer)")
		}
		l.icol[f][r] = int16(v)
	case kindValue:
		v, ok := parseValue(fb)
		if !ok {
			return 0, l.errField(line, f, fb, "a number")
		}
		l.fcol[f][r] = v
	}
	return j + 1, nil
}

func (l *layout) errField(line, f int, got []byte, want string) error {
	return &ParseError{File: l.file, Line: line, Column: f + 1,
		Msg: fmt.Sprintf("field %s: want %s, got %q", l.name[f], want, got)}
}

// parseInt parses a decimal integer of at most 9 digits with an optional
// sign, ignoring surrounding spaces.
func parseInt(b []byte) (int, bool) {
	b = trimSpace(b)
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	v := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	if neg {
		v = -v
	}
	return v, true
}

// pow10 holds the powers of ten that float64 represents exactly.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
	1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// parseValue parses a number as strconv.ParseFloat does, ignoring
// surrounding spaces. An empty field or a pandas missing-value marker is
// NaN. It reports false for anything else that is not a number.
func parseValue(b []byte) (float64, bool) {
	b = trimSpace(b)
	if len(b) == 0 {
		return math.NaN(), true
	}
	// Fast path: at most 15 digits and no exponent. The mantissa and the
	// power of ten are exact, so one correctly rounded division gives the
	// correctly rounded value, as ParseFloat's own exact path does.
	s := b
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
	}
	var m uint64
	nd, frac, dot := 0, 0, false
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			m = m*10 + uint64(c-'0')
			nd++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			nd = 99
		}
		if nd > 15 {
			break
		}
	}
	if nd > 0 && nd <= 15 {
		v := float64(m)
		if frac > 0 {
			v /= pow10[frac]
		}
		if neg {
			v = -v
		}
		return v, true
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err == nil {
		return v, true
	}
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		return v, true // ±Inf or 0, as pandas has it
	}
	if isNA(b) {
		return math.NaN(), true
	}
	return 0, false
}

// isNA reports whether b is one of pandas' default missing-value markers.
func isNA(b []byte) bool {
	switch string(b) {
	case "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan",
		"1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null":
		return true
	}
	return false
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
