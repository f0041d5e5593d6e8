package open

import "fmt"

// MaxCCode bounds the Correlates of War state codes the index accepts: codes
// lie in [0, MaxCCode).
const MaxCCode = 1000

// Dyads is a column of (ccode1, ccode2, year) keys. Directed or not depends
// on the table that holds it.
type Dyads struct {
	CCode1, CCode2 []int16
	Year           []int16
}

// Len returns the number of rows.
func (d *Dyads) Len() int { return len(d.Year) }

// Trade is the non-directed dyadic trade table (cow_trade_ndy.csv): for the
// pair ccode1 < ccode2, Flow1 is ccode1's imports from ccode2 and Flow2
// ccode2's imports from ccode1, in million current US dollars. NaN marks a
// missing flow.
type Trade struct {
	Dyads
	Flow1, Flow2 []float64
}

// StateTrade is the state-year trade table (cow_trade_sy.csv): a state's
// total imports and exports in million current US dollars. NaN marks a
// missing value.
type StateTrade struct {
	CCode, Year      []int16
	Imports, Exports []float64
}

// Len returns the number of rows.
func (s *StateTrade) Len() int { return len(s.Year) }

// IGOs is the non-directed table of shared memberships in
// intergovernmental organisations (cow_igo_ndy.csv), ccode1 < ccode2. NaN
// marks a missing count.
type IGOs struct {
	Dyads
	Shared []float64 // dyadigos
}

// Alliances is the directed ATOP alliance table (atop_alliance.csv): one
// flag (0 or 1) per kind of commitment ccode1 made to ccode2. NaN marks a
// missing flag.
type Alliances struct {
	Dyads
	Defense, Offense, Neutral, NonAgg, Consul []float64
}

// Inputs is everything the open index is computed from, as columns. Another
// package can fill it from imported data; [ReadDir] fills it from the CSV
// files.
type Inputs struct {
	Universe   Dyads // cow_ddy.csv: every directed dyad-year, in any order
	Trade      Trade
	StateTrade StateTrade
	IGOs       IGOs
	Alliances  Alliances
}

// check returns an error when the columns of a table differ in length.
func (in *Inputs) check() error {
	n := in.Universe.Len()
	if len(in.Universe.CCode1) != n || len(in.Universe.CCode2) != n {
		return fmt.Errorf("universe: columns differ in length")
	}
	if err := sameLen("trade", in.Trade.Dyads, in.Trade.Flow1, in.Trade.Flow2); err != nil {
		return err
	}
	if err := sameLen("IGOs", in.IGOs.Dyads, in.IGOs.Shared); err != nil {
		return err
	}
	a := &in.Alliances
	if err := sameLen("alliances", a.Dyads, a.Defense, a.Offense, a.Neutral, a.NonAgg, a.Consul); err != nil {
		return err
	}
	s := &in.StateTrade
	if len(s.CCode) != s.Len() || len(s.Imports) != s.Len() || len(s.Exports) != s.Len() {
		return fmt.Errorf("state trade: columns differ in length")
	}
	return nil
}

func sameLen(table string, d Dyads, values ...[]float64) error {
	n := d.Len()
	ok := len(d.CCode1) == n && len(d.CCode2) == n
	for _, v := range values {
		ok = ok && len(v) == n
	}
	if !ok {
		return fmt.Errorf("%s: columns differ in length", table)
	}
	return nil
}
