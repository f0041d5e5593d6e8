package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/leverage-dev/leverage"
)

// Error is a problem at a place in an input file. Its message reads
// "file:line:column: field NAME: message", leaving out what is unknown.
type Error struct {
	File   string
	Line   int    // 1-based; 0 for the whole file
	Column int    // 1-based byte position in the line; 0 when unknown
	Field  string // the column's name, when known
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": field %s", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// invalid returns an EINVALID error with a formatted message.
func invalid(format string, args ...any) error {
	return leverage.Errorf(leverage.EINVALID, format, args...)
}

// Missing says which fields stand for a missing value.
type Missing struct {
	Codes     []string // fields meaning "missing", such as "", "NA" or ".."
	MinusNine bool     // the number -9 means missing (the Correlates of War convention)
}

// MissingCOW returns the Correlates of War and peacesciencer convention:
// -9, an empty field or R's NA.
func MissingCOW() Missing {
	return Missing{Codes: []string{"", "NA"}, MinusNine: true}
}

// Table reads a delimited text file with a header row, by column name.
// Names are matched without regard to case; a repeated name is an error.
type Table struct {
	file    string
	r       *csv.Reader
	header  []string
	index   map[string]int
	rec     []string
	line    int
	missing Missing
}

// NewTable starts reading f, whose fields are separated by comma. It
// reads the header row and skips a UTF-8 byte order mark.
func NewTable(f File, comma rune, missing Missing) (*Table, error) {
	data := bytes.TrimPrefix(f.Data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.ReuseRecord = true
	t := &Table{file: f.Name, r: r, index: map[string]int{}, missing: missing}
	h, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, &Error{File: f.Name, Err: invalid("empty file: want a header row")}
	}
	if err != nil {
		return nil, t.readError(err)
	}
	t.header = make([]string, len(h))
	for i, name := range h {
		name = strings.TrimSpace(name)
		t.header[i] = name
		key := strings.ToLower(name)
		if j, dup := t.index[key]; dup {
			_, col := r.FieldPos(i)
			return nil, &Error{File: f.Name, Line: 1, Column: col, Err: invalid("column %q repeats column %d", name, j+1)}
		}
		t.index[key] = i
	}
	t.line = 1
	return t, nil
}

// File returns the name of the file being read.
func (t *Table) File() string { return t.file }

// Header returns the column names, in order.
func (t *Table) Header() []string { return t.header }

// Has reports whether the table has every named column.
func (t *Table) Has(names ...string) bool {
	for _, n := range names {
		if _, ok := t.index[strings.ToLower(n)]; !ok {
			return false
		}
	}
	return true
}

// Index returns the position of the named column, or -1.
func (t *Table) Index(name string) int {
	if i, ok := t.index[strings.ToLower(name)]; ok {
		return i
	}
	return -1
}

// Columns returns the positions of the named columns, or an error naming
// the first one missing.
func (t *Table) Columns(names ...string) ([]int, error) {
	cols := make([]int, len(names))
	for i, n := range names {
		j, ok := t.index[strings.ToLower(n)]
		if !ok {
			return nil, t.HeaderErrorf("missing column %s (the header has %s)", n, strings.Join(t.header, ", "))
		}
		cols[i] = j
	}
	return cols, nil
}

// HeaderErrorf returns an error about the header row.
func (t *Table) HeaderErrorf(format string, args ...any) error {
	return &Error{File: t.file, Line: 1, Err: invalid(format, args...)}
}

// Next reads the next row; it returns false at the end of the file.
func (t *Table) Next() (bool, error) {
	rec, err := t.r.Read()
	if errors.Is(err, io.EOF) {
		return false, nil
	}
	if err != nil {
		return false, t.readError(err)
	}
	t.rec = rec
	t.line, _ = t.r.FieldPos(0)
	return true, nil
}

// Each reads the remaining rows, calling row on each; it stops at the
// first error, reading or from row, and returns it.
func (t *Table) Each(row func() error) error {
	for {
		more, err := t.Next()
		if err != nil || !more {
			return err
		}
		if err := row(); err != nil {
			return err
		}
	}
}

// readError turns an encoding/csv error into an *Error.
func (t *Table) readError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: t.file, Line: pe.Line, Column: pe.Column, Err: invalid("%v", pe.Err)}
	}
	return &Error{File: t.file, Err: err}
}

// Line returns the line of the current row.
func (t *Table) Line() int { return t.line }

// Field returns the current row's field in column col, trimmed.
func (t *Table) Field(col int) string { return strings.TrimSpace(t.rec[col]) }

// Errorf returns an error at the current row's field in column col.
func (t *Table) Errorf(col int, format string, args ...any) error {
	_, c := t.r.FieldPos(col)
	return &Error{File: t.file, Line: t.line, Column: c, Field: t.header[col], Err: invalid(format, args...)}
}

// RowErrorf returns an error about the current row as a whole.
func (t *Table) RowErrorf(format string, args ...any) error {
	return &Error{File: t.file, Line: t.line, Err: invalid(format, args...)}
}

// Int reads the current row's field in column col as an integer in
// [lo, hi]; want describes it in the error.
func (t *Table) Int(col, lo, hi int, want string) (int, error) {
	s := t.Field(col)
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, t.Errorf(col, "want %s, got %q", want, s)
	}
	return n, nil
}

// State reads a Correlates of War state code (1 to 999).
func (t *Table) State(col int) (int, error) {
	return t.Int(col, 1, 999, "a COW state code (1-999)")
}

// Year reads a year (1 to 9999).
func (t *Table) Year(col int) (int, error) {
	return t.Int(col, 1, 9999, "a year")
}

// StateYear reads a state code and a year from columns cols[0] and cols[1].
func (t *Table) StateYear(cols []int) (a, year int, err error) {
	if a, err = t.State(cols[0]); err != nil {
		return 0, 0, err
	}
	if year, err = t.Year(cols[1]); err != nil {
		return 0, 0, err
	}
	return a, year, nil
}

// Pair reads two state codes from columns cols[0] and cols[1], rejecting a
// state paired with itself.
func (t *Table) Pair(cols []int) (a, b int, err error) {
	if a, err = t.State(cols[0]); err != nil {
		return 0, 0, err
	}
	if b, err = t.State(cols[1]); err != nil {
		return 0, 0, err
	}
	if a == b {
		return 0, 0, t.Errorf(cols[1], "want a state other than %s %d, got %q", t.header[cols[0]], a, t.Field(cols[1]))
	}
	return a, b, nil
}

// Dyad reads the [Table.Pair] in columns cols[0] and cols[1] and a year
// from column cols[2].
func (t *Table) Dyad(cols []int) (a, b, year int, err error) {
	if a, b, err = t.Pair(cols); err != nil {
		return 0, 0, 0, err
	}
	if year, err = t.Year(cols[2]); err != nil {
		return 0, 0, 0, err
	}
	return a, b, year, nil
}

// Value reads a number from column col. ok is false when the field is
// missing by the table's convention. A number below min is an error.
func (t *Table) Value(col int, min float64) (v float64, ok bool, err error) {
	s := t.Field(col)
	for _, m := range t.missing.Codes {
		if s == m {
			return 0, false, nil
		}
	}
	v, err = strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false, t.Errorf(col, "want a number, got %q", s)
	}
	if t.missing.MinusNine && v == -9 {
		return 0, false, nil
	}
	if v < min {
		return 0, false, t.Errorf(col, "want a number of at least %g, got %q", min, s)
	}
	return v, true, nil
}

// Rows returns about how many rows files hold (their line count), to size
// buffers.
func Rows(files []File) int {
	n := 0
	for _, f := range files {
		n += bytes.Count(f.Data, []byte{'\n'})
	}
	return n
}

// Flag reads a 0 or 1 from column col; ok is false when the field is
// missing by the table's convention.
func (t *Table) Flag(col int) (v float64, ok bool, err error) {
	v, ok, err = t.Value(col, 0)
	if err == nil && ok && v != 0 && v != 1 {
		return 0, false, t.Errorf(col, "want 0 or 1, got %q", t.Field(col))
	}
	return v, ok, err
}

// AddValue adds to o the number in column col, as variable v of (a, b) in
// year, unless it is missing. A negative number is an error.
func (t *Table) AddValue(o *leverage.Observations, col, v, a, b, year int) error {
	x, ok, err := t.Value(col, 0)
	if ok {
		o.Add(v, a, b, year, x)
	}
	return err
}

// AddFlag adds to o the 0 or 1 in column col, as variable v of (a, b) in
// year, unless it is missing.
func (t *Table) AddFlag(o *leverage.Observations, col, v, a, b, year int) error {
	x, ok, err := t.Flag(col)
	if ok {
		o.Add(v, a, b, year, x)
	}
	return err
}
