// Package scenario defines scenario files: what-if stories and historical
// replays stated as dated shocks to the model (an asset disabled, transit
// denied, an embargo, trade diverted, a membership changed, a fact set),
// over a time horizon, with every uncertain number given as a probability
// distribution. It parses and checks them; applying them to the model is
// the job of an engine built on this package.
//
// docs/scenarios.md describes the file format and docs/scenario.schema.json
// is its JSON Schema.
package scenario

import (
	"fmt"
	"math"
	"time"

	"github.com/leverage-dev/leverage"
)

// Scenario is one parsed scenario file.
type Scenario struct {
	Name        string   // identifier: lower case letters, digits and hyphens
	Title       string   // display name; Name when not given
	Description string   // what the scenario plays out and why
	Sources     []Source // what its shocks and numbers rest on
	Horizon     Horizon
	Shocks      []Shock

	File string // the file name errors cite
}

// Source is a reference a scenario or shock cites: the id of a source in
// the dataset, or an inline citation when ID is empty.
type Source struct {
	ID        string
	Title     string
	Publisher string
	URL       string
	Date      leverage.Date
	Accessed  leverage.Date
	Note      string

	pos Pos
}

// String returns the source's id or its inline title.
func (s Source) String() string {
	if s.ID != "" {
		return s.ID
	}
	return s.Title
}

// Step is the interval at which an engine reports a scenario's time path.
type Step string

// The steps.
const (
	Day     Step = "day"
	Week    Step = "week"
	Month   Step = "month"
	Quarter Step = "quarter"
	Year    Step = "year"
)

// Steps lists every valid Step.
var Steps = []Step{Day, Week, Month, Quarter, Year}

// Horizon is the period a scenario covers, from the first day of Start to
// the last day of End, and the step of its time path.
type Horizon struct {
	Start, End leverage.Date
	Step       Step
}

// Type names what a shock does.
type Type string

// The shock types.
const (
	DisableAssetType     Type = "disable_asset"
	DenyTransitType      Type = "deny_transit"
	EmbargoType          Type = "embargo"
	DivertTradeType      Type = "divert_trade"
	ChangeMembershipType Type = "change_membership"
	SetFactType          Type = "set_fact"
)

// Types lists every shock type.
var Types = []Type{DisableAssetType, DenyTransitType, EmbargoType, DivertTradeType, ChangeMembershipType, SetFactType}

// Shock is one dated change to the model: it takes effect on the first day
// of Start, holds at full strength for Duration (or through the last day
// of End), and then wears off as Recovery says. A shock with neither
// Duration nor End holds to the end of the horizon.
type Shock struct {
	Name     string // optional label for reports
	Note     string // the basis of the shock and its numbers
	Start    leverage.Date
	Duration *Duration     // nil when End is given or the shock lasts
	End      leverage.Date // zero when Duration is given or the shock lasts
	Recovery Recovery
	// Probability is the chance the shock happens at all, in [0, 1];
	// default 1.
	Probability Number
	Sources     []Source
	Effect      Effect // what the shock does: one of the *Type structs below

	pos    Pos
	fields map[string]Pos // where each key's value was written
}

// Type returns the shock's type.
func (s *Shock) Type() Type { return s.Effect.Type() }

// Label returns the shock's name, or its type and start when it has none.
func (s *Shock) Label() string {
	if s.Name != "" {
		return s.Name
	}
	return fmt.Sprintf("%s from %s", s.Type(), s.Start)
}

// Effect is what a shock does to the model.
type Effect interface {
	Type() Type
}

// DisableAsset cuts an asset's capacity (a pipeline, a terminal, a port)
// by a fraction; 1 disables it.
type DisableAsset struct {
	Asset       string // asset actor id
	CapacityCut Number // fraction of capacity lost, in [0, 1]; default 1
}

// DenyTransit has a state block (a share of) a commodity's flows across
// its jurisdiction.
type DenyTransit struct {
	State     string // state actor id
	Commodity string // crude, ngl or gas; default crude
	Share     Number // fraction of the flows blocked, in [0, 1]; default 1
}

// Embargo has one state or bloc stop a share of its trade with another.
type Embargo struct {
	By, Against string
	Direction   string // exports, imports or both (default): whose flows By stops
	Share       Number // fraction of the trade stopped, in [0, 1]; default 1
}

// Partner is a destination of diverted trade with its relative weight.
type Partner struct {
	Partner string
	Weight  Number // non-negative; weights are normalised to shares

	pos Pos
}

// DivertTrade shifts a share of Target's trade with From to other partners,
// phased in over a period.
type DivertTrade struct {
	Target string    // the state whose trade moves
	From   string    // the partner it moves away from
	To     []Partner // where it goes
	Share  Number    // fraction of Target's trade with From that moves, in [0, 1]
	Over   Duration  // how long the shift takes to complete
}

// ChangeMembership has a state join or leave an organisation.
type ChangeMembership struct {
	State        string
	Organisation string
	Action       string // join or leave
}

// SetFact puts a fact on the record while the shock holds, replacing the
// facts of the same subject, relation and object: a language's status, a
// troop deployment, an alignment.
type SetFact struct {
	Subject  string
	Relation string
	Object   string  // required when the relation takes an object
	Value    *Number // nil when the fact carries no value
	Unit     string  // the relation's unit; may be left out when it has only one
	Text     string
}

// Type returns DisableAssetType.
func (*DisableAsset) Type() Type { return DisableAssetType }

// Type returns DenyTransitType.
func (*DenyTransit) Type() Type { return DenyTransitType }

// Type returns EmbargoType.
func (*Embargo) Type() Type { return EmbargoType }

// Type returns DivertTradeType.
func (*DivertTrade) Type() Type { return DivertTradeType }

// Type returns ChangeMembershipType.
func (*ChangeMembership) Type() Type { return ChangeMembershipType }

// Type returns SetFactType.
func (*SetFact) Type() Type { return SetFactType }

// Unit is the unit of a Duration.
type Unit string

// The units of a Duration and their suffixes in a file.
const (
	Days   Unit = "d"
	Weeks  Unit = "w"
	Months Unit = "mo"
	Years  Unit = "y"
)

// Days returns the mean length of one u in days: a month is 365.25/12
// days and a year 365.25.
func (u Unit) Days() float64 {
	switch u {
	case Weeks:
		return 7
	case Months:
		return 365.25 / 12
	case Years:
		return 365.25
	}
	return 1
}

// Duration is a length of time, an Amount of Units; the amount may be
// uncertain.
type Duration struct {
	Amount Number
	Unit   Unit
}

// Days returns the duration for the given amount in days.
func (d Duration) Days(amount float64) float64 { return amount * d.Unit.Days() }

// AddTo returns t moved on by amount units, to the nearest day: whole
// months and years move by the calendar, fractions and other units by
// their mean length in days.
func (d Duration) AddTo(t time.Time, amount float64) time.Time {
	whole, frac := math.Modf(amount)
	switch d.Unit {
	case Months:
		t = t.AddDate(0, int(whole), 0)
	case Years:
		t = t.AddDate(int(whole), 0, 0)
	default:
		frac = amount
	}
	return t.AddDate(0, 0, int(math.Round(frac*d.Unit.Days())))
}

// String formats d as "30d" when fixed, or as its distribution and unit,
// e.g. "uniform{min: 2, max: 4} months".
func (d Duration) String() string {
	if _, ok := d.Amount.Fixed(); ok {
		return d.Amount.String() + string(d.Unit)
	}
	unit := map[Unit]string{Days: "days", Weeks: "weeks", Months: "months", Years: "years"}[d.Unit]
	return d.Amount.String() + " " + unit
}

// RecoveryKind says how a shock wears off.
type RecoveryKind string

// The recovery shapes.
const (
	StepRecovery   RecoveryKind = "step"   // all at once when the shock ends
	LinearRecovery RecoveryKind = "linear" // evenly over Recovery.Over after the shock ends
	CurveRecovery  RecoveryKind = "curve"  // along Recovery.Curve
)

// Recovery is how a shock wears off after its full-strength period.
type Recovery struct {
	Kind  RecoveryKind
	Over  *Duration // LinearRecovery only
	Curve []Point   // CurveRecovery only; offsets strictly increasing
}

// Point is a point of a recovery curve: Fraction of the shock's effect has
// been undone Offset after the shock's full-strength period ends. Between
// points the fraction is linear; after the last it stays.
type Point struct {
	Offset   Duration // fixed
	Fraction Number   // in [0, 1]
}

// Pos is a position in a scenario file: 1-based line and column.
type Pos struct {
	Line, Column int
}

// Error is a problem at a place in a scenario file.
type Error struct {
	File string
	Pos  Pos // zero when the problem concerns the whole file
	Msg  string
}

func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Column, e.Msg)
}

// Unwrap returns the problem as a *leverage.Error with code EINVALID.
func (e *Error) Unwrap() error { return leverage.Errorf(leverage.EINVALID, "%s", e.Msg) }

// FullEnd returns the first day after the shock's full-strength period:
// start plus the duration (amount is a drawn value of Duration.Amount), the
// day after End, or the day after the horizon for a shock that lasts.
func (s *Shock) FullEnd(amount float64, h Horizon) time.Time {
	switch {
	case s.Duration != nil:
		return s.Duration.AddTo(s.Start.First(), amount)
	case !s.End.IsZero():
		return s.End.Last().AddDate(0, 0, 1)
	}
	return h.End.Last().AddDate(0, 0, 1)
}

// Undone returns the fraction of a shock's effect undone days after its
// full-strength period ended (0 before it ends). over is the drawn length
// of a linear recovery in days; fractions are the drawn fractions of a
// curve's points. A curve starts from nothing undone at offset 0 unless
// its first point says otherwise, is linear between points and keeps its
// last fraction.
func (r Recovery) Undone(days, over float64, fractions []float64) float64 {
	if days < 0 {
		return 0
	}
	switch r.Kind {
	case LinearRecovery:
		if over <= 0 {
			return 1
		}
		return math.Min(days/over, 1)
	case CurveRecovery:
		prevX, prevY := 0.0, 0.0
		for i, p := range r.Curve {
			x, _ := p.Offset.Amount.Fixed()
			x = p.Offset.Days(x)
			y := fractions[i]
			if days <= x {
				if x == prevX {
					return y
				}
				return prevY + (y-prevY)*(days-prevX)/(x-prevX)
			}
			prevX, prevY = x, y
		}
		return prevY
	}
	return 1
}
