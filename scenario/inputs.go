package scenario

import "fmt"

// Input is one number of a scenario with where it sits, for reports and
// for ranking which uncertain inputs drive a result.
type Input struct {
	Shock int    // index into Scenario.Shocks
	Field string // e.g. "capacity_cut", "duration", "to CHN weight", "recovery point 2"
	Label string // shock label and field, for reports
	Value *Number
}

// Inputs returns every number in s, shock by shock: the numbers of its
// effect, then its duration, recovery and probability. Changing
// *Input.Value changes the scenario.
func (s *Scenario) Inputs() []Input {
	var out []Input
	for i := range s.Shocks {
		sh := &s.Shocks[i]
		add := func(field string, n *Number) {
			out = append(out, Input{Shock: i, Field: field, Label: fmt.Sprintf("%s: %s", sh.Label(), field), Value: n})
		}
		switch e := sh.Effect.(type) {
		case *DisableAsset:
			add("capacity_cut", &e.CapacityCut)
		case *DenyTransit:
			add("share", &e.Share)
		case *Embargo:
			add("share", &e.Share)
		case *DivertTrade:
			add("share", &e.Share)
			add("over", &e.Over.Amount)
			for j := range e.To {
				add("to "+e.To[j].Partner+" weight", &e.To[j].Weight)
			}
		case *SetFact:
			if e.Value != nil {
				add("value", e.Value)
			}
		}
		if sh.Duration != nil {
			add("duration", &sh.Duration.Amount)
		}
		switch sh.Recovery.Kind {
		case LinearRecovery:
			add("recovery", &sh.Recovery.Over.Amount)
		case CurveRecovery:
			for j := range sh.Recovery.Curve {
				add(fmt.Sprintf("recovery point %d", j+1), &sh.Recovery.Curve[j].Fraction)
			}
		}
		add("probability", &sh.Probability)
	}
	return out
}

// Uncertain returns the inputs of s that are distributions rather than
// fixed values.
func (s *Scenario) Uncertain() []Input {
	var out []Input
	for _, in := range s.Inputs() {
		if _, ok := in.Value.Fixed(); !ok {
			out = append(out, in)
		}
	}
	return out
}
