package cow

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/importer"
)

// The COW state system membership dataset and its variable.
const (
	States = "cow-states"
	// StatesMember is 1 for every year in which A belonged to the state
	// system for at least a day; years outside its membership have no row.
	StatesMember = "cow-states.member"
	// StatesFirstDay and StatesLastDay are the first and last day of the
	// year (1-366) on which A belonged to the system: two states shared the
	// system in a year when one's first day is no later than the other's
	// last. (No state has two membership periods in one year.)
	StatesFirstDay = "cow-states.first_day"
	StatesLastDay  = "cow-states.last_day"
)

// ImportStates reads COW State System Membership periods in the layout of
// COW's states2016.csv, which peacesciencer's cow_states.csv keeps:
// stateabb, ccode, statenme, styear, stmonth, stday, endyear, endmonth,
// endday. Every period counts for each year from styear to endyear.
func ImportStates(files []importer.File) (*importer.Result, error) {
	o := &leverage.Observations{Variables: []leverage.Variable{
		{Name: StatesMember, Unit: "flag", Source: States,
			Description: "1 if A belonged to the state system for at least a day of the year"},
		{Name: StatesFirstDay, Unit: "day of year", Source: States,
			Description: "first day of the year (1-366) on which A belonged to the state system"},
		{Name: StatesLastDay, Unit: "day of year", Source: States,
			Description: "last day of the year (1-366) on which A belonged to the state system"},
	}}
	seen := importer.NewKeys(0)
	years := map[uint64][2]int{} // state-year: first and last day of membership
	names := []string{"ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"}
	layouts, err := importer.Read(files, ',', importer.MissingCOW(), func(t *importer.Table) (string, error) {
		if !t.Has("ccode", "styear", "endyear") {
			return "", unknownLayout(t, "COW states", "stateabb, ccode, statenme, styear, stmonth, stday, endyear, endmonth, endday")
		}
		cols, err := t.Columns(names...)
		if err != nil {
			return "", err
		}
		return "COW states2016 (peacesciencer cow_states)", t.Each(func() error {
			a, err := t.State(cols[0])
			if err != nil {
				return err
			}
			var d [6]int // start year, month, day; end year, month, day
			for i := range d {
				lo, hi, want := 1, 9999, "a year"
				switch i % 3 {
				case 1:
					hi, want = 12, "a month (1-12)"
				case 2:
					hi, want = 31, "a day (1-31)"
				}
				if d[i], err = t.Int(cols[1+i], lo, hi, want); err != nil {
					return err
				}
			}
			from := leverage.Date{Year: d[0], Month: d[1], Day: d[2]}
			to := leverage.Date{Year: d[3], Month: d[4], Day: d[5]}
			if to.First().Before(from.First()) {
				return t.Errorf(cols[4], "want an end no earlier than the start %s, got %d", from, d[3])
			}
			if err := seen.Add(t, importer.Key(a, d[1]*32+d[2], d[0]), period); err != nil {
				return err
			}
			first, last := from.First(), to.Last()
			for y := from.Year; y <= to.Year; y++ {
				d := [2]int{1, time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC).YearDay()}
				if y == from.Year {
					d[0] = first.YearDay()
				}
				if y == to.Year {
					d[1] = last.YearDay()
				}
				k := importer.Key(a, 0, y)
				if old, ok := years[k]; ok {
					d = [2]int{min(d[0], old[0]), max(d[1], old[1])}
				}
				years[k] = d
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	for _, k := range slices.Sorted(maps.Keys(years)) {
		a, _, y := importer.Unkey(k)
		o.Add(0, a, 0, y, 1)
		o.Add(1, a, 0, y, float64(years[k][0]))
		o.Add(2, a, 0, y, float64(years[k][1]))
	}
	src := source(States, "Correlates of War State System Membership List v2016",
		"https://correlatesofwar.org/data-sets/state-system-membership/", "2017",
		"Correlates of War Project (2017), State System Membership List, v2016.", layouts)
	return importer.Finish(files, o, src, layouts), nil
}

// period describes a membership period's key in errors.
func period(a, md, year int) string {
	return fmt.Sprintf("period of state %d from %04d-%02d-%02d", a, year, md/32, md%32)
}
