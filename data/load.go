// Package data holds the built-in dataset, as CSV files reviewed like code
// and embedded in the binary, and the validating loader that reads them.
//
// The files are:
//
//	sources.csv     where facts come from
//	relations.csv   the kinds of fact, their channel, time behaviour and units
//	actors.csv      states, organisations, companies, assets, routes, places, persons
//	names.csv       actors' other names, with the periods they were in use
//	facts/*.csv     the facts, grouped by channel
//	lexicons.csv    words that tell a reader of articles a sentence's channel,
//	                a stated dependence or a hedge ([Lexicons]; not part of the
//	                stored dataset)
//	geometry.csv    where assets and places lie on a map ([Geometry]; not part
//	                of the stored dataset)
//
// Lines starting with # are comments. docs/data.md describes every column.
package data

import (
	"crypto/sha256"
	"embed"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"

	"github.com/leverage-dev/leverage"
)

//go:embed *.csv facts/*.csv
var builtin embed.FS

// BuiltinName is the dataset name the built-in data is stored under.
const BuiltinName = "builtin"

// Builtin loads and validates the dataset embedded in the binary.
func Builtin() (*leverage.Dataset, error) {
	return Load(builtin, BuiltinName)
}

// FileError reports a problem at a place in a dataset file.
type FileError struct {
	File  string
	Line  int    // 1-based; 0 when the problem is with the whole file
	Field string // the column, when known
	Err   error
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": field %s", e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *FileError) Unwrap() error { return e.Err }

// Load reads a dataset laid out like this package's files from fsys and
// checks every row: the columns each file needs, the type of every field,
// and that every reference (actor, relation, source) resolves. The first
// problem is returned as a *FileError naming file, line and field.
func Load(fsys fs.FS, name string) (*leverage.Dataset, error) {
	d := &leverage.Dataset{Name: name}
	h := sha256.New()
	read := func(file string, parse func(r io.Reader, file string) error) error {
		b, err := fs.ReadFile(fsys, file)
		if err != nil {
			return &FileError{File: file, Err: err}
		}
		h.Write([]byte(file))
		h.Write(b)
		return parse(strings.NewReader(string(b)), file)
	}
	if err := read("sources.csv", func(r io.Reader, file string) error {
		s, err := ParseSources(r, file)
		d.Sources = s
		return err
	}); err != nil {
		return nil, err
	}
	if err := read("relations.csv", func(r io.Reader, file string) error {
		rel, err := ParseRelations(r, file)
		d.Relations = rel
		return err
	}); err != nil {
		return nil, err
	}
	if err := read("actors.csv", func(r io.Reader, file string) error {
		a, err := parseActors(r, file)
		d.Actors = a
		return err
	}); err != nil {
		return nil, err
	}
	if err := d.Index(); err != nil {
		return nil, &FileError{File: "actors.csv", Err: err}
	}
	if err := read("names.csv", func(r io.Reader, file string) error {
		return parseNames(r, file, d)
	}); err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "facts/*.csv")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	seen := map[string]string{} // fact id -> "file:line" where it was defined
	for _, file := range files {
		if err := read(file, func(r io.Reader, file string) error {
			facts, lines, err := parseFacts(r, file)
			if err != nil {
				return err
			}
			// Check references row by row, so that each error names its line.
			for i, f := range facts {
				if prev, dup := seen[f.ID]; dup {
					return &FileError{File: file, Line: lines[i], Field: "id", Err: fmt.Errorf("fact %s already defined at %s", f.ID, prev)}
				}
				seen[f.ID] = file + ":" + strconv.Itoa(lines[i])
				if err := d.CheckFact(f); err != nil {
					return &FileError{File: file, Line: lines[i], Err: err}
				}
			}
			d.Facts = append(d.Facts, facts...)
			return nil
		}); err != nil {
			return nil, err
		}
	}
	d.Version = hex.EncodeToString(h.Sum(nil))[:16]
	return d, nil
}

// table reads a CSV file with a header row, comments and trimmed fields.
type table struct {
	file   string
	r      *csv.Reader
	cols   map[string]int
	row    []string
	line   int
	header []string
}

func newTable(r io.Reader, file string, required, optional []string) (*table, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.TrimLeadingSpace = true
	cr.FieldsPerRecord = -1
	t := &table{file: file, r: cr, cols: map[string]int{}}
	head, err := cr.Read()
	if err == io.EOF {
		return nil, &FileError{File: file, Line: 1, Err: errors.New("empty file: want a header row")}
	}
	if err != nil {
		return nil, t.csvErr(err)
	}
	line, _ := cr.FieldPos(0)
	known := map[string]bool{}
	for _, c := range append(append([]string{}, required...), optional...) {
		known[c] = true
	}
	for i, c := range head {
		c = strings.TrimSpace(c)
		if !known[c] {
			return nil, &FileError{File: file, Line: line, Field: c, Err: fmt.Errorf("unknown column (want %s)", strings.Join(append(append([]string{}, required...), optional...), ","))}
		}
		if _, dup := t.cols[c]; dup {
			return nil, &FileError{File: file, Line: line, Field: c, Err: errors.New("column given twice")}
		}
		t.cols[c] = i
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &FileError{File: file, Line: line, Field: c, Err: errors.New("missing column")}
		}
	}
	t.header = head
	return t, nil
}

func (t *table) csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{File: t.file, Line: pe.Line, Err: pe.Err}
	}
	return &FileError{File: t.file, Err: err}
}

// next advances to the next row; it returns false at the end or on error.
func (t *table) next() (bool, error) {
	row, err := t.r.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, t.csvErr(err)
	}
	t.line, _ = t.r.FieldPos(0)
	if len(row) != len(t.header) {
		return false, &FileError{File: t.file, Line: t.line, Err: fmt.Errorf("%d fields, want %d as in the header", len(row), len(t.header))}
	}
	for i := range row {
		row[i] = strings.TrimSpace(row[i])
	}
	t.row = row
	return true, nil
}

func (t *table) get(col string) string {
	i, ok := t.cols[col]
	if !ok {
		return ""
	}
	return t.row[i]
}

func (t *table) fail(col string, format string, args ...any) error {
	return &FileError{File: t.file, Line: t.line, Field: col, Err: fmt.Errorf(format, args...)}
}

func (t *table) need(col string) (string, error) {
	v := t.get(col)
	if v == "" {
		return "", t.fail(col, "required")
	}
	return v, nil
}

func (t *table) date(col string) (leverage.Date, error) {
	d, err := leverage.ParseDate(t.get(col))
	if err != nil {
		return d, t.fail(col, "%v", err)
	}
	return d, nil
}

func (t *table) period(from, to string) (leverage.Period, error) {
	var p leverage.Period
	var err error
	if p.From, err = t.date(from); err != nil {
		return p, err
	}
	if p.To, err = t.date(to); err != nil {
		return p, err
	}
	if err := p.Validate(); err != nil {
		return p, t.fail(to, "%v", err)
	}
	return p, nil
}

// ParseSources reads sources.csv: id,kind,title,publisher,url,date,accessed,note.
func ParseSources(r io.Reader, file string) ([]*leverage.Source, error) {
	t, err := newTable(r, file, []string{"id", "kind", "title"}, []string{"publisher", "url", "date", "accessed", "note"})
	if err != nil {
		return nil, err
	}
	var out []*leverage.Source
	for {
		ok, err := t.next()
		if !ok {
			return out, err
		}
		s := &leverage.Source{Kind: leverage.SourceKind(t.get("kind")), Title: t.get("title"),
			Publisher: t.get("publisher"), URL: t.get("url"), Note: t.get("note")}
		if s.ID, err = t.need("id"); err != nil {
			return nil, err
		}
		if s.Date, err = t.date("date"); err != nil {
			return nil, err
		}
		if s.Accessed, err = t.date("accessed"); err != nil {
			return nil, err
		}
		if err := s.Validate(); err != nil {
			return nil, t.fail("", "%w", err)
		}
		out = append(out, s)
	}
}

// ParseRelations reads relations.csv: id,channel,kind,object,units,description.
// units lists the allowed units separated by "|"; "none" stands for no value.
func ParseRelations(r io.Reader, file string) ([]*leverage.Relation, error) {
	t, err := newTable(r, file, []string{"id", "channel", "kind", "object", "units", "description"}, nil)
	if err != nil {
		return nil, err
	}
	var out []*leverage.Relation
	for {
		ok, err := t.next()
		if !ok {
			return out, err
		}
		rel := &leverage.Relation{ID: t.get("id"), Channel: leverage.Channel(t.get("channel")),
			Kind: leverage.RelationKind(t.get("kind")), Description: t.get("description")}
		switch t.get("object") {
		case "yes":
			rel.Object = true
		case "no":
		default:
			return nil, t.fail("object", "want yes or no, got %q", t.get("object"))
		}
		units, err := t.need("units")
		if err != nil {
			return nil, err
		}
		for _, u := range strings.Split(units, "|") {
			if u = strings.TrimSpace(u); u == "none" {
				u = ""
			}
			rel.Units = append(rel.Units, u)
		}
		if err := rel.Validate(); err != nil {
			return nil, t.fail("", "%w", err)
		}
		out = append(out, rel)
	}
}

func parseActors(r io.Reader, file string) ([]*leverage.Actor, error) {
	t, err := newTable(r, file, []string{"id", "kind", "name"}, []string{"iso3", "cow", "note"})
	if err != nil {
		return nil, err
	}
	var out []*leverage.Actor
	lines := map[string]int{}
	for {
		ok, err := t.next()
		if !ok {
			return out, err
		}
		a := &leverage.Actor{ID: t.get("id"), Kind: leverage.ActorKind(t.get("kind")), Name: t.get("name"),
			ISO3: t.get("iso3"), Note: t.get("note")}
		if c := t.get("cow"); c != "" {
			if a.COW, err = strconv.Atoi(c); err != nil || a.COW <= 0 {
				return nil, t.fail("cow", "want a positive integer, got %q", c)
			}
		}
		if err := a.Validate(); err != nil {
			return nil, t.fail("", "%w", err)
		}
		if prev, dup := lines[a.ID]; dup {
			return nil, t.fail("id", "actor %s already defined on line %d", a.ID, prev)
		}
		lines[a.ID] = t.line
		out = append(out, a)
	}
}

func parseNames(r io.Reader, file string, d *leverage.Dataset) error {
	t, err := newTable(r, file, []string{"actor", "name", "kind"}, []string{"from", "to", "source"})
	if err != nil {
		return err
	}
	for {
		ok, err := t.next()
		if !ok {
			return err
		}
		a := d.Actor(t.get("actor"))
		if a == nil {
			return t.fail("actor", "unknown actor %q", t.get("actor"))
		}
		n := leverage.Name{Text: t.get("name"), Kind: leverage.NameKind(t.get("kind")), Source: t.get("source")}
		if n.Text == "" {
			return t.fail("name", "required")
		}
		if n.Valid, err = t.period("from", "to"); err != nil {
			return err
		}
		if err := d.CheckName(a, n); err != nil {
			return t.fail("source", "%w", err)
		}
		a.Names = append(a.Names, n)
		if err := a.Validate(); err != nil {
			a.Names = a.Names[:len(a.Names)-1]
			return t.fail("kind", "%w", err)
		}
	}
}

// ParseFacts reads a facts file:
// id,subject,relation,object,value,unit,text,from,to,year,sources,confidence,note.
// sources lists source ids separated by ";". It checks each row's own
// fields; references are checked by [Load].
func ParseFacts(r io.Reader, file string) ([]*leverage.Fact, error) {
	f, _, err := parseFacts(r, file)
	return f, err
}

func parseFacts(r io.Reader, file string) ([]*leverage.Fact, []int, error) {
	t, err := newTable(r, file,
		[]string{"id", "subject", "relation", "sources", "confidence"},
		[]string{"object", "value", "unit", "text", "from", "to", "year", "note"})
	if err != nil {
		return nil, nil, err
	}
	var (
		out   []*leverage.Fact
		lines []int
	)
	for {
		ok, err := t.next()
		if !ok {
			return out, lines, err
		}
		f := &leverage.Fact{ID: t.get("id"), Subject: t.get("subject"), Relation: t.get("relation"),
			Object: t.get("object"), Unit: t.get("unit"), Text: t.get("text"), Note: t.get("note"),
			Confidence: leverage.Confidence(t.get("confidence"))}
		if v := t.get("value"); v != "" {
			x, err := strconv.ParseFloat(strings.ReplaceAll(v, "_", ""), 64)
			if err != nil || x != x || x > 1e300 || x < -1e300 {
				return nil, nil, t.fail("value", "want a finite number, got %q", v)
			}
			f.Value = &x
		}
		if y := t.get("year"); y != "" {
			if f.Year, err = strconv.Atoi(y); err != nil || f.Year < 1 || f.Year > 9999 {
				return nil, nil, t.fail("year", "want a year such as 2021, got %q", y)
			}
		}
		if f.Valid, err = t.period("from", "to"); err != nil {
			return nil, nil, err
		}
		if s := t.get("sources"); s != "" {
			for _, id := range strings.Split(s, ";") {
				f.Sources = append(f.Sources, strings.TrimSpace(id))
			}
		}
		if err := f.Validate(); err != nil {
			field := ""
			switch {
			case len(f.Sources) == 0 || strings.Contains(err.Error(), "source"):
				field = "sources"
			case strings.Contains(err.Error(), "confidence"):
				field = "confidence"
			}
			return nil, nil, t.fail(field, "%w", err)
		}
		out = append(out, f)
		lines = append(lines, t.line)
	}
}

// DefaultWeights returns the built-in weights file of the assessment.
func DefaultWeights() []byte {
	b, err := builtin.ReadFile("weights.csv")
	if err != nil {
		panic("data: weights.csv missing from the embedded files")
	}
	return b
}
