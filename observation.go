package leverage

import (
	"math"
	"strings"
)

// Variable describes one measure of an imported dataset, such as COW's
// bilateral trade flow or a state's military personnel.
type Variable struct {
	Name        string `json:"name"` // unique across datasets: "<dataset>.<measure>", e.g. "cow-trade.flow"
	Unit        string `json:"unit"`
	Dyadic      bool   `json:"dyadic"`   // observed for a pair of states (A, B); else for state A alone
	Directed    bool   `json:"directed"` // for a dyadic variable: (A, B) differs from (B, A)
	Description string `json:"description"`
	Source      string `json:"source"` // id of the source citing the dataset
}

// Observations holds the values of some variables by state, or state pair,
// and year, one column per field: row i says that variable Variables[Var[i]]
// of (A[i], B[i]) in Year[i] is Value[i]. States are Correlates of War
// codes, the key every imported dataset is joined on (via the country
// crosswalk for datasets keyed otherwise). A non-directed variable is
// stored once per pair, with A < B. B is 0 for a monadic variable;
// Year is 0 for a timeless one, such as a distance between capitals.
type Observations struct {
	Variables []Variable
	Var       []int32
	A, B      []int32
	Year      []int32
	Value     []float64
}

// Len returns the number of observations.
func (o *Observations) Len() int { return len(o.Value) }

// Add appends one observation of variable v (an index into o.Variables).
func (o *Observations) Add(v int, a, b, year int, value float64) {
	o.Var = append(o.Var, int32(v))
	o.A = append(o.A, int32(a))
	o.B = append(o.B, int32(b))
	o.Year = append(o.Year, int32(year))
	o.Value = append(o.Value, value)
}

// Variable returns the index of the named variable in o.Variables, or -1.
func (o *Observations) Variable(name string) int {
	for i, v := range o.Variables {
		if v.Name == name {
			return i
		}
	}
	return -1
}

// Validate checks the variables and that every row is well formed: equal
// column lengths, a known variable, positive state codes (B zero exactly
// for monadic variables), a year in 0..9999 and a finite value. It does
// not look for repeated rows; the store rejects those.
func (o *Observations) Validate(dataset string) error {
	seen := map[string]bool{}
	for _, v := range o.Variables {
		switch {
		case !strings.HasPrefix(v.Name, dataset+"."):
			return Errorf(EINVALID, "variable %q: name must start with %q", v.Name, dataset+".")
		case seen[v.Name]:
			return Errorf(ECONFLICT, "variable %s defined twice", v.Name)
		case v.Description == "":
			return Errorf(EINVALID, "variable %s: description required", v.Name)
		case v.Source == "":
			return Errorf(EINVALID, "variable %s: source required", v.Name)
		case v.Directed && !v.Dyadic:
			return Errorf(EINVALID, "variable %s: only a dyadic variable can be directed", v.Name)
		}
		seen[v.Name] = true
	}
	n := len(o.Value)
	if len(o.Var) != n || len(o.A) != n || len(o.B) != n || len(o.Year) != n {
		return Errorf(EINVALID, "observations: columns of unequal length")
	}
	for i := range n {
		if o.Var[i] < 0 || int(o.Var[i]) >= len(o.Variables) {
			return Errorf(EINVALID, "observation %d: unknown variable %d", i, o.Var[i])
		}
		v := &o.Variables[o.Var[i]]
		switch {
		case o.A[i] <= 0:
			return Errorf(EINVALID, "observation %d of %s: state code %d must be positive", i, v.Name, o.A[i])
		case v.Dyadic && o.B[i] <= 0:
			return Errorf(EINVALID, "observation %d of %s: second state code %d must be positive", i, v.Name, o.B[i])
		case !v.Dyadic && o.B[i] != 0:
			return Errorf(EINVALID, "observation %d of %s: a monadic variable has no second state", i, v.Name)
		case o.Year[i] < 0 || o.Year[i] > 9999:
			return Errorf(EINVALID, "observation %d of %s: year %d out of range", i, v.Name, o.Year[i])
		case math.IsNaN(o.Value[i]) || math.IsInf(o.Value[i], 0):
			return Errorf(EINVALID, "observation %d of %s: value is not a finite number", i, v.Name)
		}
	}
	return nil
}

// ObservationFilter selects observations. Zero fields do not filter.
type ObservationFilter struct {
	Variables []string // only these variables (by name)
	States    []int    // rows whose A or B is one of these COW codes
	From, To  int      // years From..To inclusive; timeless rows (year 0) always match
}
