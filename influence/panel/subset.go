package panel

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence"
)

// Subset describes a panel that holds only part of the full panel of its
// profile, as the built-in one does (data/index/open-panel.csv.gz): every
// row of the years From to To whose influencer or target is one of States.
//
// A ranking reads every row of one side of the pair: the influencers of a
// target, or the targets of an influencer. For a state of States those
// rows are all there, so its rankings, and the ranks of any influencer
// over it, are those of the full panel. For another state they are not:
// [CheckRanking] refuses such rankings rather than rank among the few rows
// kept.
type Subset struct {
	File     string   // the file the subset was read from, e.g. "data/index/open-panel.csv.gz"
	Version  string   // of the file (see [FileVersion])
	States   []int    // COW codes, in the file's order
	From, To int      // years, inclusive
	Sources  []string // ids of the built-in sources (data/sources.csv) the rows derive from
	Data     string   // the datasets and versions the full panel was built from
}

// subsetKeys are the keys of a subset's description, in order.
var subsetKeys = []string{"builtin", "version", "states", "years", "sources", "data"}

// String returns the description a stored panel keeps as its Inputs, from
// which [ParseSubset] reads s back: "builtin=FILE; version=V; states=365
// 705 710; years=1992-2014; sources=ID ID; data=TEXT".
func (s *Subset) String() string {
	states := make([]string, len(s.States))
	for i, c := range s.States {
		states[i] = strconv.Itoa(c)
	}
	vals := []string{s.File, s.Version, strings.Join(states, " "), fmt.Sprintf("%d-%d", s.From, s.To), strings.Join(s.Sources, " "), s.Data}
	parts := make([]string, len(vals))
	for i, v := range vals {
		parts[i] = subsetKeys[i] + "=" + v
	}
	return strings.Join(parts, "; ")
}

// check returns an error if s cannot be written as a description that
// reads back the same.
func (s *Subset) check() error {
	if s.File == "" || s.Version == "" {
		return errors.New("subset: want a file and a version")
	}
	for _, v := range []string{s.File, s.Version} {
		if strings.ContainsAny(v, "; \n\r") {
			return fmt.Errorf("subset: %q may not hold a space, a semicolon or a line break", v)
		}
	}
	return s.checkMeta()
}

// checkMeta checks the metadata a subset file gives.
func (s *Subset) checkMeta() error {
	if len(s.States) == 0 || s.From <= 0 || s.From > s.To {
		return errors.New("subset: want states and a year range")
	}
	for _, v := range append([]string{s.Data}, s.Sources...) {
		if strings.Contains(v, ";") || strings.ContainsAny(v, "\n\r") {
			return fmt.Errorf("subset: %q may not hold a semicolon or a line break", v)
		}
	}
	for _, id := range s.Sources {
		if id == "" || strings.Contains(id, " ") {
			return fmt.Errorf("subset: bad source id %q", id)
		}
	}
	return nil
}

// ParseSubset reads the description [Subset.String] writes. ok is false
// when inputs is not one: the panel was built by "leverage index build",
// in full or over the years asked for.
func ParseSubset(inputs string) (s *Subset, ok bool) {
	if !strings.HasPrefix(inputs, "builtin=") {
		return nil, false
	}
	fields := strings.Split(inputs, "; ")
	if len(fields) != len(subsetKeys) {
		return nil, false
	}
	vals := make([]string, len(fields))
	for i, f := range fields {
		k, v, found := strings.Cut(f, "=")
		if !found || k != subsetKeys[i] {
			return nil, false
		}
		vals[i] = v
	}
	s = &Subset{File: vals[0], Version: vals[1], Data: vals[5]}
	for _, c := range strings.Fields(vals[2]) {
		n, err := strconv.Atoi(c)
		if err != nil {
			return nil, false
		}
		s.States = append(s.States, n)
	}
	from, to, found := strings.Cut(vals[3], "-")
	var err1, err2 error
	s.From, err1 = strconv.Atoi(from)
	s.To, err2 = strconv.Atoi(to)
	if !found || err1 != nil || err2 != nil || len(s.States) == 0 || s.Version == "" {
		return nil, false
	}
	s.Sources = strings.Fields(vals[4])
	return s, true
}

// Has reports whether state is one of the subset's states.
func (s *Subset) Has(state int) bool { return slices.Contains(s.States, state) }

// CheckRanking returns nil when p holds every row a ranking reads: the
// influencers of target b (when b is not 0) or the targets of influencer a
// (when a is not 0), in year (0: any year). That is always so for a panel
// that "leverage index build" stored. For a subset it is so only for its
// states and years; otherwise the error, ENOTFOUND, says what the subset
// holds and how to build the full panel.
func CheckRanking(p *leverage.InfluencePanel, a, b, year int) error {
	s, ok := ParseSubset(p.Inputs)
	if !ok {
		return nil
	}
	what, state := "influencers of", b
	if b == 0 {
		what, state = "targets of", a
	}
	switch {
	case state != 0 && !s.Has(state):
		return leverage.Errorf(leverage.ENOTFOUND, "the stored %s index is the built-in subset, which ranks only the influencers and targets of %s; to rank the %s %s, build the full panel: %s",
			p.Profile, s.stateNames(), what, stateName(state), buildHint(p.Profile))
	case year != 0 && (year < s.From || year > s.To):
		return leverage.Errorf(leverage.ENOTFOUND, "the stored %s index is the built-in subset, which covers %d to %d; for %d, build the full panel: %s",
			p.Profile, s.From, s.To, year, buildHint(p.Profile))
	}
	return nil
}

func buildHint(profile string) string {
	return "leverage index build --profile " + profile + " --input DIR (docs/data.md, \"Built-in index panel\")"
}

// stateName labels a COW code with its ISO3 code when the crosswalk has
// one.
func stateName(cow int) string {
	if cw, err := country.Load(); err == nil {
		if c, ok := cw.Country(cow); ok && c.ISO3 != "" {
			return fmt.Sprintf("%s (COW %d)", c.ISO3, cow)
		}
	}
	return fmt.Sprintf("COW %d", cow)
}

// stateNames lists the subset's states for a message.
func (s *Subset) stateNames() string {
	names := make([]string, len(s.States))
	for i, c := range s.States {
		names[i] = stateName(c)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// Take returns the rows of p in years from..to whose influencer or target
// is one of states, in p's order, with p's metadata.
func Take(p *leverage.InfluencePanel, states []int, from, to int) *leverage.InfluencePanel {
	out := &leverage.InfluencePanel{Profile: p.Profile, Weights: p.Weights, Inputs: p.Inputs, Components: slices.Clone(p.Components),
		BuiltAt: p.BuiltAt, Parts: make([][]float64, len(p.Parts))}
	for i := range p.Len() {
		if y := int(p.Year[i]); y < from || y > to || !slices.Contains(states, int(p.A[i])) && !slices.Contains(states, int(p.B[i])) {
			continue
		}
		out.A, out.B, out.Year = append(out.A, p.A[i]), append(out.B, p.B[i]), append(out.Year, p.Year[i])
		out.Bandwidth, out.Dependence, out.Index = append(out.Bandwidth, p.Bandwidth[i]), append(out.Dependence, p.Dependence[i]), append(out.Index, p.Index[i])
		for j, col := range p.Parts {
			out.Parts[j] = append(out.Parts[j], col[i])
		}
	}
	return out
}

// The subset file is a gzip'd CSV file: comment lines starting with "#",
// among them the metadata lines "# states: ...", "# years: ...",
// "# sources: ..." and "# data: ..."; a header row, a,b,year,bandwidth,
// dependence,index and the component names; then one row per dyad-year,
// numbers as C's printf %.12g writes them (as "leverage index build -o"
// does) and NaN as an empty field.
const subsetFixed = "a,b,year,bandwidth,dependence,index"

// FileVersion returns the version of a subset file, gzip'd: 16 hex digits
// from the CRC-32 and length of its content that the gzip trailer gives
// (RFC 1952), so that a command opening the store learns the version of
// the built-in file without reading it through.
func FileVersion(gz []byte) string {
	if len(gz) < 18 {
		return hex.EncodeToString(gz)
	}
	t := gz[len(gz)-8:]
	return fmt.Sprintf("%08x%08x", binary.LittleEndian.Uint32(t), binary.LittleEndian.Uint32(t[4:]))
}

// WriteSubset writes the rows of p and the metadata of s (all but File and
// Version, which the reader fills in) as a subset file, gzip'd, to w, with
// comment lines before them. The output depends only on its arguments
// (and the gzip compressor of the Go release).
func WriteSubset(w io.Writer, p *leverage.InfluencePanel, s *Subset, comments []string) error {
	if err := s.checkMeta(); err != nil {
		return err
	}
	var b bytes.Buffer
	for _, c := range comments {
		for _, line := range strings.Split(c, "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	states := make([]string, len(s.States))
	for i, c := range s.States {
		states[i] = strconv.Itoa(c)
	}
	fmt.Fprintf(&b, "# states: %s\n# years: %d-%d\n# sources: %s\n# data: %s\n", strings.Join(states, " "), s.From, s.To, strings.Join(s.Sources, " "), s.Data)
	b.WriteString(subsetFixed)
	for _, c := range p.Components {
		b.WriteString("," + c)
	}
	b.WriteByte('\n')
	num := func(x float64) {
		b.WriteByte(',')
		if !math.IsNaN(x) {
			b.WriteString(strconv.FormatFloat(x, 'g', 12, 64))
		}
	}
	for i := range p.Len() {
		fmt.Fprintf(&b, "%d,%d,%d", p.A[i], p.B[i], p.Year[i])
		num(p.Bandwidth[i])
		num(p.Dependence[i])
		num(p.Index[i])
		for _, col := range p.Parts {
			num(col[i])
		}
		b.WriteByte('\n')
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write index subset: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write index subset: %w", err)
	}
	return nil
}

// Uncompress returns the CSV content of a subset file.
func Uncompress(gz []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	return b, zr.Close()
}

// ReadSubset reads a subset file of the profile's panel, named file, into a
// panel built with weights w at now, whose Inputs describe the subset
// ([ParseSubset]). Errors name the file and line.
func ReadSubset(gz []byte, file, profile string, w influence.Weights, now time.Time) (*leverage.InfluencePanel, *Subset, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	s := &Subset{File: file, Version: FileVersion(gz)}
	p := newPanel(profile, w, "", now, 0)
	sc := bufio.NewScanner(bufio.NewReaderSize(zr, 1<<16))
	sc.Buffer(nil, 1<<20)
	line, header := 0, false
	var fields []string
	var vals []float64
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", file, line, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") {
			if err := s.meta(strings.TrimSpace(strings.TrimPrefix(text, "#"))); err != nil {
				return nil, nil, fail("%v", err)
			}
			continue
		}
		fields = splitComma(fields[:0], text)
		if !header {
			if !strings.HasPrefix(text, subsetFixed+",") {
				return nil, nil, fail("header: want %s and the components", subsetFixed)
			}
			p.Components = slices.Clone(fields[6:])
			p.Parts = make([][]float64, len(p.Components))
			header = true
			continue
		}
		if len(fields) != 6+len(p.Components) {
			return nil, nil, fail("%d fields, want %d", len(fields), 6+len(p.Components))
		}
		var key [3]int32
		for j := range key {
			n, err := strconv.ParseInt(fields[j], 10, 32)
			if err != nil {
				return nil, nil, fail("field %d: want an integer, got %q", j+1, fields[j])
			}
			key[j] = int32(n)
		}
		vals = vals[:0]
		for _, f := range fields[3:] {
			v := math.NaN()
			if f != "" {
				if v, err = strconv.ParseFloat(f, 64); err != nil {
					return nil, nil, fail("field %d: want a number, got %q", len(vals)+4, f)
				}
			}
			vals = append(vals, v)
		}
		p.A, p.B, p.Year = append(p.A, key[0]), append(p.B, key[1]), append(p.Year, key[2])
		p.Bandwidth, p.Dependence, p.Index = append(p.Bandwidth, vals[0]), append(p.Dependence, vals[1]), append(p.Index, vals[2])
		for j := range p.Parts {
			p.Parts[j] = append(p.Parts[j], vals[3+j])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if err := zr.Close(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	if !header {
		return nil, nil, fmt.Errorf("%s: no header row", file)
	}
	if len(s.States) == 0 || s.To == 0 {
		return nil, nil, fmt.Errorf("%s: the comments do not give the states and years", file)
	}
	if err := s.check(); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", file, err)
	}
	p.Inputs = s.String()
	return p, s, nil
}

// meta reads one comment line into s when it is a metadata line.
func (s *Subset) meta(c string) error {
	key, val, _ := strings.Cut(c, ": ")
	switch key {
	case "states":
		s.States = s.States[:0]
		for _, f := range strings.Fields(val) {
			n, err := strconv.Atoi(f)
			if err != nil {
				return fmt.Errorf("states: want COW codes, got %q", f)
			}
			s.States = append(s.States, n)
		}
	case "years":
		from, to, ok := strings.Cut(val, "-")
		var err1, err2 error
		s.From, err1 = strconv.Atoi(from)
		s.To, err2 = strconv.Atoi(to)
		if !ok || err1 != nil || err2 != nil {
			return fmt.Errorf("years: want FROM-TO, got %q", val)
		}
	case "sources":
		s.Sources = strings.Fields(val)
	case "data":
		s.Data = val
	}
	return nil
}

// splitComma splits a line of unquoted fields at commas, into dst.
func splitComma(dst []string, line string) []string {
	for {
		i := strings.IndexByte(line, ',')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}
