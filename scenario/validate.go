package scenario

import (
	"fmt"
	"slices"
	"strings"

	"github.com/leverage-dev/leverage"
)

// Reference is the model a scenario refers to. *leverage.Dataset (after
// Index) satisfies it.
type Reference interface {
	Actor(id string) *leverage.Actor       // nil when unknown
	Relation(id string) *leverage.Relation // nil when unknown
	Source(id string) *leverage.Source     // nil when unknown
}

// Validate checks a parsed scenario's references against the model: that
// every actor a shock names exists and is of the right kind (an asset for
// disable_asset, a state for deny_transit ...), that set_fact shocks follow
// their relation's shape (object, value, unit), and that every cited
// source id exists. It fills in the unit of a set_fact value when the
// relation allows only one. The first problem is returned as an *Error at the
// offending value.
func Validate(s *Scenario, ref Reference) error {
	v := &validator{s: s, ref: ref}
	if err := v.sources(s.Sources); err != nil {
		return err
	}
	for i := range s.Shocks {
		if err := v.shock(&s.Shocks[i], i); err != nil {
			return err
		}
	}
	return nil
}

type validator struct {
	s   *Scenario
	ref Reference
}

func (v *validator) errAt(pos Pos, format string, args ...any) *Error {
	return &Error{File: v.s.File, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

func (v *validator) sources(srcs []Source) error {
	for _, src := range srcs {
		if src.ID != "" && v.ref.Source(src.ID) == nil {
			return v.errAt(src.pos, "unknown source %q (see leverage sources, or cite it inline with title and url)", src.ID)
		}
	}
	return nil
}

// actor checks that id names an actor of one of the kinds.
func (v *validator) actor(sh *Shock, what, key, id string, kinds ...leverage.ActorKind) error {
	if id == "" {
		return nil
	}
	a := v.ref.Actor(id)
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	switch {
	case a == nil:
		return v.errAt(sh.fields[key], "%s: %s: unknown actor %q (see leverage actors)", what, key, id)
	case len(kinds) > 0 && !slices.Contains(kinds, a.Kind):
		return v.errAt(sh.fields[key], "%s: %s: %s is a %s, want a %s", what, key, id, a.Kind, strings.Join(names, " or "))
	}
	return nil
}

func (v *validator) shock(sh *Shock, i int) error {
	what := fmt.Sprintf("shock %d (%s)", i+1, sh.Type())
	if err := v.sources(sh.Sources); err != nil {
		return err
	}
	state, org := leverage.State, leverage.Organisation
	type check struct {
		key, id string
		kinds   []leverage.ActorKind
	}
	var checks []check
	switch e := sh.Effect.(type) {
	case *DisableAsset:
		checks = []check{{"asset", e.Asset, []leverage.ActorKind{leverage.Asset}}}
	case *DenyTransit:
		checks = []check{{"state", e.State, []leverage.ActorKind{state}}}
	case *Embargo:
		checks = []check{{"by", e.By, []leverage.ActorKind{state, org}}, {"against", e.Against, []leverage.ActorKind{state, org}}}
	case *DivertTrade:
		checks = []check{{"target", e.Target, []leverage.ActorKind{state}}, {"from", e.From, []leverage.ActorKind{state, org}}}
		for _, pt := range e.To {
			a := v.ref.Actor(pt.Partner)
			if a == nil || (a.Kind != state && a.Kind != org) {
				return v.errAt(pt.pos, "%s: to: partner %q is not a known state or trade bloc (see leverage actors)", what, pt.Partner)
			}
		}
	case *ChangeMembership:
		checks = []check{{"state", e.State, []leverage.ActorKind{state}}, {"organisation", e.Organisation, []leverage.ActorKind{org}}}
	case *SetFact:
		checks = []check{{"subject", e.Subject, nil}, {"object", e.Object, nil}}
		if err := v.setFact(sh, e, what); err != nil {
			return err
		}
	}
	for _, c := range checks {
		if err := v.actor(sh, what, c.key, c.id, c.kinds...); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) setFact(sh *Shock, e *SetFact, what string) error {
	rel := v.ref.Relation(e.Relation)
	if rel == nil {
		return v.errAt(sh.fields["relation"], "%s: relation: unknown relation %q (see docs/data.md)", what, e.Relation)
	}
	if rel.Kind == leverage.AnnualRelation {
		return v.errAt(sh.fields["relation"], "%s: relation: %s is an annual figure; set_fact sets facts that hold over a period (use divert_trade or embargo for trade)", what, rel.ID)
	}
	switch {
	case rel.Object && e.Object == "":
		return v.errAt(sh.pos, "%s: relation %s needs an object", what, rel.ID)
	case !rel.Object && e.Object != "":
		return v.errAt(sh.fields["object"], "%s: object: relation %s takes no object", what, rel.ID)
	}
	var units []string
	for _, u := range rel.Units {
		if u != "" {
			units = append(units, u)
		}
	}
	switch {
	case e.Value != nil && len(units) == 0:
		return v.errAt(sh.fields["value"], "%s: value: relation %s carries no value", what, rel.ID)
	case e.Value == nil && !slices.Contains(rel.Units, ""):
		return v.errAt(sh.pos, "%s: relation %s needs a value (in %s)", what, rel.ID, strings.Join(units, " or "))
	case e.Value != nil && e.Unit == "" && len(units) > 1:
		return v.errAt(sh.fields["value"], "%s: value: give its unit (%s)", what, strings.Join(units, " or "))
	case e.Unit != "" && !slices.Contains(units, e.Unit):
		return v.errAt(sh.fields["unit"], "%s: unit: %q not allowed for %s (want %s)", what, e.Unit, rel.ID, strings.Join(units, " or "))
	}
	if e.Value != nil {
		// No relation of the model takes negative values: capacities,
		// troops, money, shares, codes.
		if lo, _ := e.Value.Support(); lo < 0 {
			return v.errAt(sh.fields["value"], "%s: value: a %s must not be negative, but can be %v", what, rel.ID, lo)
		}
	}
	if e.Value != nil && e.Unit == "" {
		e.Unit = units[0]
	}
	return nil
}
