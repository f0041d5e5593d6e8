package scenario

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/leverage-dev/leverage"
)

// Commodities lists the commodities a deny_transit shock may name.
var Commodities = []string{"crude", "ngl", "gas"}

// The keys every shock may have besides its type's own.
var commonKeys = []string{"type", "name", "note", "start", "duration", "end", "recovery", "probability", "sources"}

// typeKeys lists each shock type's own keys, required ones first.
var typeKeys = map[Type]struct{ required, optional []string }{
	DisableAssetType:     {[]string{"asset"}, []string{"capacity_cut"}},
	DenyTransitType:      {[]string{"state"}, []string{"commodity", "share"}},
	EmbargoType:          {[]string{"by", "against"}, []string{"direction", "share"}},
	DivertTradeType:      {[]string{"target", "from", "to", "share", "over"}, nil},
	ChangeMembershipType: {[]string{"state", "organisation", "action"}, nil},
	SetFactType:          {[]string{"subject", "relation"}, []string{"object", "value", "unit", "text"}},
}

var (
	nameRE     = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	durationRE = regexp.MustCompile(`^([0-9]+(\.[0-9]+)?)(d|w|mo|y)$`)
)

// Parse reads a scenario file and checks everything that can be checked
// without the model: the YAML syntax, the keys (unknown keys are errors),
// the type of every value, dates, durations, distributions and fractions,
// and that shocks start within the horizon. The first problem is returned
// as an *Error naming file, line and column. References to actors,
// relations and sources are checked by [Validate].
func Parse(data []byte, file string) (s *Scenario, err error) {
	defer func() {
		// The YAML parser is third-party code; a panic on odd input is
		// reported as an error rather than taking the program down.
		if r := recover(); r != nil {
			s, err = nil, &Error{File: file, Msg: fmt.Sprintf("cannot parse the file as YAML (%v)", r)}
		}
	}()
	if err := precheck(data, file); err != nil {
		return nil, err
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		var ye yaml.Error
		if errors.As(err, &ye) && ye.GetToken() != nil {
			t := ye.GetToken()
			return nil, &Error{File: file, Pos: Pos{t.Position.Line, t.Position.Column}, Msg: ye.GetMessage()}
		}
		return nil, &Error{File: file, Msg: err.Error()}
	}
	p := &parse{file: file}
	var docs []*ast.DocumentNode
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			docs = append(docs, d)
		}
	}
	switch {
	case len(docs) == 0:
		return nil, &Error{File: file, Pos: Pos{1, 1}, Msg: "empty file: want a scenario (a mapping with name, horizon, shocks ...)"}
	case len(docs) > 1:
		return nil, p.errf(docs[1].Body, "want one YAML document, got %d", len(docs))
	}
	s, err = p.scenario(docs[0].Body)
	if err != nil {
		return nil, err
	}
	s.File = file
	return s, nil
}

// Limits that keep the YAML parser's time in bounds: it slows
// quadratically with the depth of flow collections.
const (
	maxSize  = 1 << 20 // bytes
	maxDepth = 64      // levels of [ and { nesting
)

// precheck rejects files too large or too deeply nested for a scenario.
func precheck(data []byte, file string) error {
	if len(data) > maxSize {
		return &Error{File: file, Msg: fmt.Sprintf("file of %d bytes: a scenario file may have at most %d", len(data), maxSize)}
	}
	depth, line, col := 0, 1, 0
	var quote byte
	comment := false
	for i, c := range data {
		col++
		switch {
		case c == '\n':
			line, col, comment = line+1, 0, false // quoted scalars may span lines
		case comment:
		case quote != 0:
			if c == quote && (quote == '\'' || i == 0 || data[i-1] != '\\') {
				quote = 0
			}
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t' || data[i-1] == '\n'):
			comment = true
		case (c == '"' || c == '\'') && (i == 0 || strings.IndexByte(" \t\n[{,:", data[i-1]) >= 0):
			quote = c
		case c == '[' || c == '{':
			if depth++; depth > maxDepth {
				return &Error{File: file, Pos: Pos{line, col}, Msg: fmt.Sprintf("lists and mappings nested more than %d deep", maxDepth)}
			}
		case (c == ']' || c == '}') && depth > 0:
			depth--
		}
	}
	return nil
}

type parse struct {
	file string
}

func (p *parse) errf(n ast.Node, format string, args ...any) *Error {
	return &Error{File: p.file, Pos: posOf(n), Msg: fmt.Sprintf(format, args...)}
}

// posOf returns where a node starts.
func posOf(n ast.Node) Pos {
	if n == nil {
		return Pos{}
	}
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 && !m.IsFlowStyle {
		return posOf(m.Values[0].Key)
	}
	if mv, ok := n.(*ast.MappingValueNode); ok {
		return posOf(mv.Key)
	}
	t := n.GetToken()
	if t == nil || t.Position == nil {
		return Pos{}
	}
	return Pos{t.Position.Line, t.Position.Column}
}

// check rejects the YAML features the format does not use.
func (p *parse) check(n ast.Node) error {
	switch n.(type) {
	case *ast.AnchorNode, *ast.AliasNode:
		return p.errf(n, "anchors and aliases are not supported in scenario files")
	case *ast.TagNode:
		return p.errf(n, "tags are not supported in scenario files")
	}
	return nil
}

// object is a YAML mapping whose keys have been checked.
type object struct {
	node ast.Node
	vals map[string]*ast.MappingValueNode
}

func (o *object) has(key string) bool { return o.vals[key] != nil }

// get returns the value of key, or nil when it is absent.
func (o *object) get(key string) ast.Node {
	if mv := o.vals[key]; mv != nil {
		return mv.Value
	}
	return nil
}

// mapping reads n as a mapping of what, whose keys are all in allowed and
// include all of required.
func (p *parse) mapping(n ast.Node, what string, required, allowed []string) (*object, error) {
	if err := p.check(n); err != nil {
		return nil, err
	}
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		return nil, p.errf(n, "%s: want a mapping of %s, got %s", what, strings.Join(allowed, ", "), describe(n))
	}
	o := &object{node: n, vals: map[string]*ast.MappingValueNode{}}
	for _, mv := range values {
		if err := p.check(mv.Key); err != nil {
			return nil, err
		}
		k, ok := mv.Key.(ast.ScalarNode)
		if !ok || mv.Key.IsMergeKey() {
			return nil, p.errf(mv.Key, "%s: keys must be plain names", what)
		}
		key := fmt.Sprint(k.GetValue())
		switch {
		case !slices.Contains(allowed, key):
			return nil, p.errf(mv.Key, "%s: unknown key %q (want %s)", what, key, strings.Join(allowed, ", "))
		case o.vals[key] != nil:
			return nil, p.errf(mv.Key, "%s: key %q given twice", what, key)
		}
		if mv.Value != nil {
			if err := p.check(mv.Value); err != nil {
				return nil, err
			}
		}
		o.vals[key] = mv
	}
	for _, k := range required {
		if o.vals[k] == nil {
			return nil, p.errf(n, "%s: missing key %q", what, k)
		}
	}
	return o, nil
}

// describe names a node's kind for error messages.
func describe(n ast.Node) string {
	switch v := n.(type) {
	case nil, *ast.NullNode:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode:
		return strconv.Quote(v.Value)
	case *ast.LiteralNode:
		return "a text block"
	}
	if t := n.GetToken(); t != nil {
		return t.Value
	}
	return "a " + n.Type().String()
}

// text reads a scalar as a string.
func (p *parse) text(n ast.Node, what string) (string, error) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, nil
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", nil
		}
		return v.Value.Value, nil
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, nil
	}
	return "", p.errf(n, "%s: want a text, got %s", what, describe(n))
}

// id reads a non-empty scalar without spaces: an actor, relation or source id.
func (p *parse) id(n ast.Node, what string) (string, error) {
	s, err := p.text(n, what)
	if err != nil {
		return "", err
	}
	if s == "" || strings.ContainsAny(s, " \t\n,;") {
		return "", p.errf(n, "%s: want an id without spaces, got %q", what, s)
	}
	return s, nil
}

// float reads a plain number.
func (p *parse) float(n ast.Node, what string) (float64, error) {
	var x float64
	switch v := n.(type) {
	case *ast.IntegerNode:
		switch i := v.Value.(type) {
		case int64:
			x = float64(i)
		case uint64:
			x = float64(i)
		default:
			return 0, p.errf(n, "%s: want a number, got %s", what, describe(n))
		}
	case *ast.FloatNode:
		x = v.Value
	default:
		return 0, p.errf(n, "%s: want a number, got %s", what, describe(n))
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, p.errf(n, "%s: want a finite number, got %s", what, describe(n))
	}
	return x, nil
}

func (p *parse) floats(n ast.Node, what string) ([]float64, error) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, p.errf(n, "%s: want a list of numbers, got %s", what, describe(n))
	}
	out := make([]float64, 0, len(seq.Values))
	for _, v := range seq.Values {
		if err := p.check(v); err != nil {
			return nil, err
		}
		x, err := p.float(v, what)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}

func (p *parse) date(n ast.Node, what string) (leverage.Date, error) {
	s, err := p.text(n, what)
	if err != nil {
		return leverage.Date{}, err
	}
	d, err := leverage.ParseDate(s)
	if err == nil && d.IsZero() {
		err = errors.New("want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if err != nil {
		return leverage.Date{}, p.errf(n, "%s: %v", what, err)
	}
	return d, nil
}

// number reads a plain number or a distribution: a mapping with one key
// naming the distribution.
func (p *parse) number(n ast.Node, what string) (Number, error) {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
	default:
		x, err := p.float(n, what)
		if err != nil {
			return Number{}, p.errf(n, "%s: want a number or a distribution (uniform, triangular, normal, lognormal, discrete), got %s", what, describe(n))
		}
		num := Const(x)
		num.pos = posOf(n)
		return num, nil
	}
	names := make([]string, len(Dists))
	for i, d := range Dists {
		names[i] = string(d)
	}
	o, err := p.mapping(n, what, nil, names)
	if err != nil {
		return Number{}, err
	}
	if len(o.vals) != 1 {
		return Number{}, p.errf(n, "%s: want exactly one distribution (%s)", what, strings.Join(names, ", "))
	}
	var dist string
	for k := range o.vals {
		dist = k
	}
	body := o.get(dist)
	where := what + ": " + dist
	params := map[string][]string{
		"uniform":    {"min", "max"},
		"triangular": {"min", "mode", "max"},
		"normal":     {"mean", "sd", "min", "max"},
		"lognormal":  {"mu", "sigma", "median", "p95", "min", "max"},
		"discrete":   {"values", "probs"},
	}[dist]
	required := map[string][]string{
		"uniform":    {"min", "max"},
		"triangular": {"min", "mode", "max"},
		"normal":     {"mean", "sd"},
		"discrete":   {"values", "probs"},
	}[dist]
	po, err := p.mapping(body, where, required, params)
	if err != nil {
		return Number{}, err
	}
	v := map[string]float64{}
	for _, k := range params {
		if k == "values" || k == "probs" || !po.has(k) {
			continue
		}
		if v[k], err = p.float(po.get(k), where+": "+k); err != nil {
			return Number{}, err
		}
	}
	bound := func(k string, def float64) float64 {
		if po.has(k) {
			return v[k]
		}
		return def
	}
	var num Number
	switch Dist(dist) {
	case Uniform:
		num, err = NewUniform(v["min"], v["max"])
	case Triangular:
		num, err = NewTriangular(v["min"], v["mode"], v["max"])
	case Normal:
		num, err = NewNormal(v["mean"], v["sd"], bound("min", math.Inf(-1)), bound("max", math.Inf(1)))
	case LogNormal:
		lo, hi := bound("min", 0), bound("max", math.Inf(1))
		switch {
		case po.has("mu") && po.has("sigma") && !po.has("median") && !po.has("p95"):
			num, err = NewLogNormal(v["mu"], v["sigma"], lo, hi)
		case po.has("median") && po.has("p95") && !po.has("mu") && !po.has("sigma"):
			num, err = NewLogNormalP95(v["median"], v["p95"], lo, hi)
		default:
			return Number{}, p.errf(body, "%s: want either mu and sigma or median and p95", where)
		}
	case Discrete:
		var vals, probs []float64
		if vals, err = p.floats(po.get("values"), where+": values"); err != nil {
			return Number{}, err
		}
		if probs, err = p.floats(po.get("probs"), where+": probs"); err != nil {
			return Number{}, err
		}
		num, err = NewDiscrete(vals, probs)
		if err != nil {
			return Number{}, p.errf(po.get("probs"), "%s: %v", what, err)
		}
	}
	if err != nil {
		return Number{}, p.errf(body, "%s: %v", what, err)
	}
	num.pos = posOf(n)
	return num, nil
}

// fraction reads a Number whose every possible value lies in [0, 1].
func (p *parse) fraction(n ast.Node, what string) (Number, error) {
	num, err := p.number(n, what)
	if err != nil {
		return Number{}, err
	}
	lo, hi := num.Support()
	if lo < 0 || hi > 1 {
		if _, ok := num.Fixed(); ok {
			return Number{}, p.errf(n, "%s: want a fraction in [0, 1], got %v", what, lo)
		}
		return Number{}, p.errf(n, "%s: want a fraction in [0, 1], but %s ranges over [%v, %v] (truncate it with min and max)", what, num.Dist(), lo, hi)
	}
	return num, nil
}

// nonNegative reads a Number that cannot be negative.
func (p *parse) nonNegative(n ast.Node, what string) (Number, error) {
	num, err := p.number(n, what)
	if err != nil {
		return Number{}, err
	}
	if lo, _ := num.Support(); lo < 0 {
		return Number{}, p.errf(n, "%s: must not be negative, but can be %v", what, lo)
	}
	return num, nil
}

// duration reads "30d", "2w", "3mo", "1y", or a mapping {days|weeks|months|years: Number}.
// A bare number counts in bareUnit when that is not empty.
func (p *parse) duration(n ast.Node, what string, bareUnit Unit) (Duration, error) {
	const want = "want a duration such as 30d, 2w, 3mo or 1y, or {months: <number or distribution>}"
	switch v := n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		units := map[string]Unit{"days": Days, "weeks": Weeks, "months": Months, "years": Years}
		o, err := p.mapping(n, what, nil, []string{"days", "weeks", "months", "years"})
		if err != nil {
			return Duration{}, err
		}
		if len(o.vals) != 1 {
			return Duration{}, p.errf(n, "%s: give exactly one of days, weeks, months, years", what)
		}
		for k := range o.vals {
			amount, err := p.nonNegative(o.get(k), what+": "+k)
			if err != nil {
				return Duration{}, err
			}
			return Duration{Amount: amount, Unit: units[k]}, nil
		}
	case *ast.IntegerNode, *ast.FloatNode:
		if bareUnit != "" {
			x, err := p.float(n, what)
			if err != nil {
				return Duration{}, err
			}
			if x < 0 {
				return Duration{}, p.errf(n, "%s: must not be negative", what)
			}
			c := Const(x)
			c.pos = posOf(n)
			return Duration{Amount: c, Unit: bareUnit}, nil
		}
		return Duration{}, p.errf(n, "%s: %s; a bare number has no unit", what, want)
	case *ast.StringNode:
		m := durationRE.FindStringSubmatch(v.Value)
		if m == nil {
			if _, err := leverage.ParseDate(v.Value); err == nil && v.Value != "" {
				return Duration{}, p.errf(n, "%s: %s, got %q (for an end date use end:)", what, want, v.Value)
			}
			return Duration{}, p.errf(n, "%s: %s, got %q", what, want, v.Value)
		}
		x, err := strconv.ParseFloat(m[1], 64)
		if err != nil || math.IsInf(x, 0) {
			return Duration{}, p.errf(n, "%s: %s, got %q", what, want, v.Value)
		}
		c := Const(x)
		c.pos = posOf(n)
		return Duration{Amount: c, Unit: Unit(m[3])}, nil
	}
	return Duration{}, p.errf(n, "%s: %s, got %s", what, want, describe(n))
}

func (p *parse) sources(n ast.Node, what string) ([]Source, error) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		return nil, p.errf(n, "%s: want a list of source ids or citations, got %s", what, describe(n))
	}
	var out []Source
	for _, v := range seq.Values {
		if err := p.check(v); err != nil {
			return nil, err
		}
		src := Source{pos: posOf(v)}
		switch v.(type) {
		case *ast.MappingNode, *ast.MappingValueNode:
			o, err := p.mapping(v, what, []string{"title"}, []string{"title", "publisher", "url", "date", "accessed", "note"})
			if err != nil {
				return nil, err
			}
			for _, f := range []struct {
				key string
				dst *string
			}{{"title", &src.Title}, {"publisher", &src.Publisher}, {"url", &src.URL}, {"note", &src.Note}} {
				if o.has(f.key) {
					if *f.dst, err = p.text(o.get(f.key), what+": "+f.key); err != nil {
						return nil, err
					}
				}
			}
			if strings.TrimSpace(src.Title) == "" {
				return nil, p.errf(o.get("title"), "%s: title must not be empty", what)
			}
			for _, f := range []struct {
				key string
				dst *leverage.Date
			}{{"date", &src.Date}, {"accessed", &src.Accessed}} {
				if o.has(f.key) {
					if *f.dst, err = p.date(o.get(f.key), what+": "+f.key); err != nil {
						return nil, err
					}
				}
			}
		default:
			id, err := p.id(v, what)
			if err != nil {
				return nil, p.errf(v, "%s: want a source id or a citation {title, publisher, url, date, accessed, note}, got %s", what, describe(v))
			}
			src.ID = id
		}
		out = append(out, src)
	}
	return out, nil
}

func (p *parse) scenario(n ast.Node) (*Scenario, error) {
	o, err := p.mapping(n, "scenario", []string{"name", "sources", "horizon", "shocks"},
		[]string{"name", "title", "description", "sources", "horizon", "shocks"})
	if err != nil {
		return nil, err
	}
	s := &Scenario{}
	if s.Name, err = p.text(o.get("name"), "name"); err != nil {
		return nil, err
	}
	if !nameRE.MatchString(s.Name) {
		return nil, p.errf(o.get("name"), "name: want lower-case letters, digits and single hyphens, such as cpc-2022, got %q", s.Name)
	}
	s.Title = s.Name
	if o.has("title") {
		if s.Title, err = p.text(o.get("title"), "title"); err != nil {
			return nil, err
		}
	}
	if o.has("description") {
		if s.Description, err = p.text(o.get("description"), "description"); err != nil {
			return nil, err
		}
	}
	if s.Sources, err = p.sources(o.get("sources"), "sources"); err != nil {
		return nil, err
	}
	if len(s.Sources) == 0 {
		return nil, p.errf(o.vals["sources"], "sources: a scenario cites at least one source")
	}
	if s.Horizon, err = p.horizon(o.get("horizon")); err != nil {
		return nil, err
	}
	seq, ok := o.get("shocks").(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		return nil, p.errf(o.vals["shocks"], "shocks: want a list of at least one shock, got %s", describe(o.get("shocks")))
	}
	for i, v := range seq.Values {
		sh, err := p.shock(v, fmt.Sprintf("shock %d", i+1), s.Horizon)
		if err != nil {
			return nil, err
		}
		s.Shocks = append(s.Shocks, *sh)
	}
	return s, nil
}

func (p *parse) horizon(n ast.Node) (Horizon, error) {
	o, err := p.mapping(n, "horizon", []string{"start", "end"}, []string{"start", "end", "step"})
	if err != nil {
		return Horizon{}, err
	}
	h := Horizon{Step: Month}
	if h.Start, err = p.date(o.get("start"), "horizon: start"); err != nil {
		return h, err
	}
	if h.End, err = p.date(o.get("end"), "horizon: end"); err != nil {
		return h, err
	}
	if h.Start.First().After(h.End.Last()) {
		return h, p.errf(o.get("end"), "horizon: end %s comes before start %s", h.End, h.Start)
	}
	if o.has("step") {
		s, err := p.text(o.get("step"), "horizon: step")
		if err != nil {
			return h, err
		}
		if h.Step = Step(s); !slices.Contains(Steps, h.Step) {
			return h, p.errf(o.get("step"), "horizon: step: want day, week, month, quarter or year, got %q", s)
		}
	}
	return h, nil
}

func (p *parse) shock(n ast.Node, what string, h Horizon) (*Shock, error) {
	// Read the type first: it decides which other keys are allowed.
	if err := p.check(n); err != nil {
		return nil, err
	}
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		return nil, p.errf(n, "%s: want a mapping with type, start, ..., got %s", what, describe(n))
	}
	var tn ast.Node
	for _, mv := range values {
		if k, ok := mv.Key.(ast.ScalarNode); ok && fmt.Sprint(k.GetValue()) == "type" {
			tn = mv.Value
		}
	}
	if tn == nil {
		return nil, p.errf(n, "%s: missing key %q", what, "type")
	}
	if err := p.check(tn); err != nil {
		return nil, err
	}
	ts, err := p.text(tn, what+": type")
	if err != nil {
		return nil, err
	}
	t := Type(ts)
	keys, ok := typeKeys[t]
	if !ok {
		names := make([]string, len(Types))
		for i, t := range Types {
			names[i] = string(t)
		}
		return nil, p.errf(tn, "%s: unknown shock type %q (want %s)", what, ts, strings.Join(names, ", "))
	}
	what = fmt.Sprintf("%s (%s)", what, t)
	allowed := append(append(slices.Clone(commonKeys), keys.required...), keys.optional...)
	o, err := p.mapping(n, what, append([]string{"start"}, keys.required...), allowed)
	if err != nil {
		return nil, err
	}
	sh := &Shock{pos: posOf(n), fields: map[string]Pos{}, Recovery: Recovery{Kind: StepRecovery}}
	for k, mv := range o.vals {
		sh.fields[k] = posOf(mv.Value)
	}
	if o.has("name") {
		if sh.Name, err = p.text(o.get("name"), what+": name"); err != nil {
			return nil, err
		}
	}
	if o.has("note") {
		if sh.Note, err = p.text(o.get("note"), what+": note"); err != nil {
			return nil, err
		}
	}
	if sh.Start, err = p.date(o.get("start"), what+": start"); err != nil {
		return nil, err
	}
	if sh.Start.First().Before(h.Start.First()) || sh.Start.First().After(h.End.Last()) {
		return nil, p.errf(o.get("start"), "%s: start %s lies outside the horizon %s to %s", what, sh.Start, h.Start, h.End)
	}
	switch {
	case o.has("duration") && o.has("end"):
		return nil, p.errf(o.vals["end"], "%s: give duration or end, not both", what)
	case o.has("duration"):
		d, err := p.duration(o.get("duration"), what+": duration", "")
		if err != nil {
			return nil, err
		}
		sh.Duration = &d
	case o.has("end"):
		if sh.End, err = p.date(o.get("end"), what+": end"); err != nil {
			return nil, err
		}
		if sh.End.Last().Before(sh.Start.First()) {
			return nil, p.errf(o.get("end"), "%s: end %s comes before start %s", what, sh.End, sh.Start)
		}
	}
	if o.has("recovery") {
		if sh.Recovery, err = p.recovery(o.get("recovery"), what+": recovery"); err != nil {
			return nil, err
		}
	}
	sh.Probability = Const(1)
	if o.has("probability") {
		if sh.Probability, err = p.fraction(o.get("probability"), what+": probability"); err != nil {
			return nil, err
		}
	}
	if o.has("sources") {
		if sh.Sources, err = p.sources(o.get("sources"), what+": sources"); err != nil {
			return nil, err
		}
	}
	if sh.Effect, err = p.effect(t, o, what); err != nil {
		return nil, err
	}
	if t == ChangeMembershipType && sh.Recovery.Kind != StepRecovery {
		return nil, p.errf(o.get("recovery"), "%s: a membership changes at once: recovery must be step", what)
	}
	return sh, nil
}

func (p *parse) recovery(n ast.Node, what string) (Recovery, error) {
	if s, ok := n.(*ast.StringNode); ok {
		if s.Value == "step" {
			return Recovery{Kind: StepRecovery}, nil
		}
		return Recovery{}, p.errf(n, "%s: want step, {linear: <duration>} or {curve: [...]}, got %q", what, s.Value)
	}
	o, err := p.mapping(n, what, nil, []string{"linear", "curve"})
	if err != nil {
		return Recovery{}, err
	}
	if len(o.vals) != 1 {
		return Recovery{}, p.errf(n, "%s: give exactly one of linear, curve", what)
	}
	if o.has("linear") {
		d, err := p.duration(o.get("linear"), what+": linear", "")
		if err != nil {
			return Recovery{}, err
		}
		return Recovery{Kind: LinearRecovery, Over: &d}, nil
	}
	seq, ok := o.get("curve").(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		return Recovery{}, p.errf(o.vals["curve"], "%s: curve: want a list of {offset, fraction} points, got %s", what, describe(o.get("curve")))
	}
	r := Recovery{Kind: CurveRecovery}
	prev := -1.0
	for i, v := range seq.Values {
		pw := fmt.Sprintf("%s: curve point %d", what, i+1)
		po, err := p.mapping(v, pw, []string{"offset", "fraction"}, []string{"offset", "fraction"})
		if err != nil {
			return Recovery{}, err
		}
		off, err := p.duration(po.get("offset"), pw+": offset", "")
		if err != nil {
			return Recovery{}, err
		}
		x, ok := off.Amount.Fixed()
		if !ok {
			return Recovery{}, p.errf(po.get("offset"), "%s: offset: want a fixed duration such as 30d", pw)
		}
		days := off.Days(x)
		if days <= prev {
			return Recovery{}, p.errf(po.get("offset"), "%s: offset %s must come after the previous point's", pw, off)
		}
		prev = days
		frac, err := p.fraction(po.get("fraction"), pw+": fraction")
		if err != nil {
			return Recovery{}, err
		}
		r.Curve = append(r.Curve, Point{Offset: off, Fraction: frac})
	}
	return r, nil
}

func (p *parse) effect(t Type, o *object, what string) (Effect, error) {
	var err error
	// ids reads id fields in the order given, so that the first error is
	// always the same.
	type field struct {
		key string
		dst *string
	}
	ids := func(fields ...field) error {
		for _, f := range fields {
			if o.has(f.key) {
				if *f.dst, err = p.id(o.get(f.key), what+": "+f.key); err != nil {
					return err
				}
			}
		}
		return nil
	}
	fraction := func(key string) (Number, error) {
		if !o.has(key) {
			return Const(1), nil
		}
		return p.fraction(o.get(key), what+": "+key)
	}
	oneOf := func(key, def string, allowed ...string) (string, error) {
		if !o.has(key) {
			return def, nil
		}
		s, err := p.text(o.get(key), what+": "+key)
		if err != nil {
			return "", err
		}
		if !slices.Contains(allowed, s) {
			return "", p.errf(o.get(key), "%s: %s: want %s, got %q", what, key, strings.Join(allowed, " or "), s)
		}
		return s, nil
	}
	switch t {
	case DisableAssetType:
		e := &DisableAsset{}
		if err := ids(field{"asset", &e.Asset}); err != nil {
			return nil, err
		}
		e.CapacityCut, err = fraction("capacity_cut")
		return e, err
	case DenyTransitType:
		e := &DenyTransit{}
		if err := ids(field{"state", &e.State}); err != nil {
			return nil, err
		}
		if e.Commodity, err = oneOf("commodity", "crude", Commodities...); err != nil {
			return nil, err
		}
		e.Share, err = fraction("share")
		return e, err
	case EmbargoType:
		e := &Embargo{}
		if err := ids(field{"by", &e.By}, field{"against", &e.Against}); err != nil {
			return nil, err
		}
		if e.By == e.Against {
			return nil, p.errf(o.get("against"), "%s: against: a state cannot embargo itself", what)
		}
		if e.Direction, err = oneOf("direction", "both", "exports", "imports", "both"); err != nil {
			return nil, err
		}
		e.Share, err = fraction("share")
		return e, err
	case DivertTradeType:
		e := &DivertTrade{}
		if err := ids(field{"target", &e.Target}, field{"from", &e.From}); err != nil {
			return nil, err
		}
		if e.Target == e.From {
			return nil, p.errf(o.get("from"), "%s: from: a state's trade with itself cannot be diverted", what)
		}
		if e.To, err = p.partners(o.get("to"), what+": to", e); err != nil {
			return nil, err
		}
		if e.Share, err = fraction("share"); err != nil {
			return nil, err
		}
		if e.Over, err = p.duration(o.get("over"), what+": over", Years); err != nil {
			return nil, err
		}
		return e, nil
	case ChangeMembershipType:
		e := &ChangeMembership{}
		if err := ids(field{"state", &e.State}, field{"organisation", &e.Organisation}); err != nil {
			return nil, err
		}
		e.Action, err = oneOf("action", "", "join", "leave")
		return e, err
	case SetFactType:
		e := &SetFact{}
		if err := ids(field{"subject", &e.Subject}, field{"relation", &e.Relation}, field{"object", &e.Object}); err != nil {
			return nil, err
		}
		if o.has("unit") {
			if e.Unit, err = p.text(o.get("unit"), what+": unit"); err != nil {
				return nil, err
			}
		}
		if o.has("value") {
			v, err := p.number(o.get("value"), what+": value")
			if err != nil {
				return nil, err
			}
			e.Value = &v
		}
		if o.has("text") {
			if e.Text, err = p.text(o.get("text"), what+": text"); err != nil {
				return nil, err
			}
		}
		if o.has("unit") && e.Value == nil {
			return nil, p.errf(o.get("unit"), "%s: unit given without a value", what)
		}
		return e, nil
	}
	return nil, p.errf(o.node, "%s: unknown shock type", what)
}

func (p *parse) partners(n ast.Node, what string, d *DivertTrade) ([]Partner, error) {
	seq, ok := n.(*ast.SequenceNode)
	if !ok || len(seq.Values) == 0 {
		return nil, p.errf(n, "%s: want a list of {partner, weight}, got %s", what, describe(n))
	}
	var out []Partner
	seen := map[string]bool{}
	for i, v := range seq.Values {
		pw := fmt.Sprintf("%s: partner %d", what, i+1)
		o, err := p.mapping(v, pw, []string{"partner"}, []string{"partner", "weight"})
		if err != nil {
			return nil, err
		}
		pt := Partner{Weight: Const(1), pos: posOf(o.get("partner"))}
		if pt.Partner, err = p.id(o.get("partner"), pw+": partner"); err != nil {
			return nil, err
		}
		switch pt.Partner {
		case d.Target, d.From:
			return nil, p.errf(o.get("partner"), "%s: trade cannot be diverted to %s, which is the target or the partner it leaves", pw, pt.Partner)
		}
		if seen[pt.Partner] {
			return nil, p.errf(o.get("partner"), "%s: %s listed twice", pw, pt.Partner)
		}
		seen[pt.Partner] = true
		if o.has("weight") {
			if pt.Weight, err = p.nonNegative(o.get("weight"), pw+": weight"); err != nil {
				return nil, err
			}
		}
		out = append(out, pt)
	}
	total := 0.0
	for _, pt := range out {
		_, hi := pt.Weight.Support()
		total += hi
	}
	if total <= 0 {
		return nil, p.errf(n, "%s: the weights must not all be zero", what)
	}
	return out, nil
}
