package panel

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer/atop"
	"github.com/leverage-dev/leverage/importer/cow"
	"github.com/leverage-dev/leverage/influence/open"
)

// The imported variables the open profile reads from the store.
const (
	varTradeFlow    = cow.TradeFlow    // directed: imports of A from B
	varTradeImports = cow.TradeImports // A's total imports
	varTradeExports = cow.TradeExports // A's total exports
	varIGOs         = cow.IGOShared    // shared IGO memberships
	varMember       = cow.StatesMember // A is a member of the state system in the year
	varFirstDay     = cow.StatesFirstDay
	varLastDay      = cow.StatesLastDay
)

// atopVars are the ATOP flags, in the order of open.Alliances' columns.
var atopVars = [5]string{atop.Defense, atop.Offense, atop.Neutral, atop.Nonagg, atop.Consul}

// Store is what OpenInputs reads: imported observations and the versions
// of their datasets.
type Store interface {
	leverage.ObservationService
	DatasetVersion(ctx context.Context, name string) (string, error)
}

// OpenInputs reads the open profile's inputs from imported datasets: the
// universe of directed dyad-years from COW state-system membership (every
// ordered pair of members in each year from..to), trade flows and totals
// from COW trade, shared IGOs from COW IGO, and the ATOP flags. It returns
// the inputs and a description of the datasets used, and an error naming
// the import to run when one is missing.
func OpenInputs(ctx context.Context, st Store, from, to int) (*open.Inputs, string, error) {
	names := append([]string{varTradeFlow, varTradeImports, varTradeExports, varIGOs, varMember, varFirstDay, varLastDay}, atopVars[:]...)
	obs, err := st.Observations(ctx, leverage.ObservationFilter{Variables: names, From: from - 2, To: to})
	if err != nil {
		return nil, "", err
	}
	for _, need := range [][2]string{{varMember, "cow-states"}, {varFirstDay, "cow-states"}, {varTradeFlow, "cow-trade"}, {varIGOs, "cow-igo"}, {atopVars[0], "atop"}} {
		if v, ds := need[0], need[1]; obs.Variable(v) < 0 {
			return nil, "", leverage.Errorf(leverage.ENOTFOUND, "the open index needs the %s dataset: run leverage import %s FILE (or build from files with --input DIR)", ds, ds)
		}
	}
	in := new(open.Inputs)
	idx := func(name string) int32 { return int32(obs.Variable(name)) }

	// Universe: ordered pairs of states that shared the system on at least
	// one day of the year, as Correlates of War dyad-years are made.
	type member struct {
		state       int16
		first, last float64
	}
	members := map[int][]member{}
	days := map[[2]int32][2]float64{}
	vMember, vFirst, vLast := idx(varMember), idx(varFirstDay), idx(varLastDay)
	for i := range obs.Len() {
		k := [2]int32{obs.A[i], obs.Year[i]}
		switch obs.Var[i] {
		case vFirst:
			d := days[k]
			d[0] = obs.Value[i]
			days[k] = d
		case vLast:
			d := days[k]
			d[1] = obs.Value[i]
			days[k] = d
		}
	}
	for i := range obs.Len() {
		if y := int(obs.Year[i]); obs.Var[i] == vMember && obs.Value[i] != 0 && y >= from && y <= to {
			d, ok := days[[2]int32{obs.A[i], obs.Year[i]}]
			if !ok {
				d = [2]float64{1, 366}
			}
			members[y] = append(members[y], member{int16(obs.A[i]), d[0], d[1]})
		}
	}
	for y := from; y <= to; y++ {
		for _, a := range members[y] {
			for _, b := range members[y] {
				if a.state != b.state && max(a.first, b.first) <= min(a.last, b.last) {
					in.Universe.CCode1 = append(in.Universe.CCode1, a.state)
					in.Universe.CCode2 = append(in.Universe.CCode2, b.state)
					in.Universe.Year = append(in.Universe.Year, int16(y))
				}
			}
		}
	}

	// Trade: directed flows back to the non-directed pair rows.
	type key struct{ lo, hi, year int32 }
	pairs := map[key]int{}
	vFlow, vIGO := idx(varTradeFlow), idx(varIGOs)
	vImp, vExp := idx(varTradeImports), idx(varTradeExports)
	stateRow := map[[2]int32]int{}
	allyRow := map[key]int{}
	var atopIdx [5]int32
	for j, name := range atopVars {
		atopIdx[j] = idx(name)
	}
	igoRow := map[key]int{}
	al := &in.Alliances
	allyCols := [5]*[]float64{&al.Defense, &al.Offense, &al.Neutral, &al.NonAgg, &al.Consul} // in atopVars order
	for i := range obs.Len() {
		v, a, b, y := obs.Var[i], obs.A[i], obs.B[i], obs.Year[i]
		if a > math.MaxInt16 || b > math.MaxInt16 {
			return nil, "", fmt.Errorf("observation of %s: state code %d, %d out of range", obs.Variables[v].Name, a, b)
		}
		switch v {
		case vFlow:
			lo, hi := min(a, b), max(a, b)
			k := key{lo, hi, y}
			r, ok := pairs[k]
			if !ok {
				r = len(in.Trade.Year)
				pairs[k] = r
				t := &in.Trade
				t.CCode1, t.CCode2, t.Year = append(t.CCode1, int16(lo)), append(t.CCode2, int16(hi)), append(t.Year, int16(y))
				t.Flow1, t.Flow2 = append(t.Flow1, math.NaN()), append(t.Flow2, math.NaN())
			}
			if a == lo { // imports of lo from hi
				in.Trade.Flow1[r] = obs.Value[i]
			} else {
				in.Trade.Flow2[r] = obs.Value[i]
			}
		case vImp, vExp:
			k := [2]int32{a, y}
			r, ok := stateRow[k]
			if !ok {
				r = len(in.StateTrade.Year)
				stateRow[k] = r
				s := &in.StateTrade
				s.CCode, s.Year = append(s.CCode, int16(a)), append(s.Year, int16(y))
				s.Imports, s.Exports = append(s.Imports, math.NaN()), append(s.Exports, math.NaN())
			}
			if v == vImp {
				in.StateTrade.Imports[r] = obs.Value[i]
			} else {
				in.StateTrade.Exports[r] = obs.Value[i]
			}
		case vIGO:
			k := key{min(a, b), max(a, b), y}
			if _, ok := igoRow[k]; ok {
				continue // stored for both orders of the pair
			}
			igoRow[k] = len(in.IGOs.Year)
			g := &in.IGOs
			g.CCode1, g.CCode2, g.Year = append(g.CCode1, int16(k.lo)), append(g.CCode2, int16(k.hi)), append(g.Year, int16(y))
			g.Shared = append(g.Shared, obs.Value[i])
		default:
			j := -1
			for n, av := range atopIdx {
				if v == av {
					j = n
				}
			}
			if j < 0 {
				continue
			}
			k := key{a, b, y}
			r, ok := allyRow[k]
			al := &in.Alliances
			if !ok {
				r = len(al.Year)
				allyRow[k] = r
				al.CCode1, al.CCode2, al.Year = append(al.CCode1, int16(a)), append(al.CCode2, int16(b)), append(al.Year, int16(y))
				for _, col := range allyCols {
					*col = append(*col, math.NaN())
				}
			}
			(*allyCols[j])[r] = obs.Value[i]
		}
	}
	var used []string
	for _, ds := range []string{"cow-states", "cow-trade", "cow-igo", "atop"} {
		v, err := st.DatasetVersion(ctx, ds)
		if err != nil {
			return nil, "", err
		}
		used = append(used, ds+" "+v)
	}
	return in, "imported " + strings.Join(used, "; "), nil
}
