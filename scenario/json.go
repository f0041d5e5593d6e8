package scenario

import (
	"encoding/json"
	"math"
	"strconv"
)

// The JSON forms below mirror the file format, so the output of
// json.Marshal is itself a valid scenario file (JSON is YAML) and meets
// docs/scenario.schema.json.

// MarshalJSON writes a fixed Number as a number and a distribution as a
// mapping with one key naming it.
func (n Number) MarshalJSON() ([]byte, error) {
	type kv = map[string]any
	bounds := func(m kv, lo float64) kv {
		if !math.IsInf(n.lo, -1) && n.lo != lo {
			m["min"] = n.lo
		}
		if !math.IsInf(n.hi, 1) {
			m["max"] = n.hi
		}
		return m
	}
	var v any
	switch n.Dist() {
	case Fixed:
		v = n.a
	case Uniform:
		v = kv{"uniform": kv{"min": n.a, "max": n.b}}
	case Triangular:
		v = kv{"triangular": kv{"min": n.a, "mode": n.c, "max": n.b}}
	case Normal:
		v = kv{"normal": bounds(kv{"mean": n.a, "sd": n.b}, math.Inf(-1))}
	case LogNormal:
		v = kv{"lognormal": bounds(kv{"mu": n.a, "sigma": n.b}, 0)}
	case Discrete:
		v = kv{"discrete": kv{"values": n.values, "probs": n.probs}}
	}
	return json.Marshal(v)
}

// MarshalJSON writes a fixed Duration as "30d" and an uncertain one as
// {"days": distribution}.
func (d Duration) MarshalJSON() ([]byte, error) {
	if x, ok := d.Amount.Fixed(); ok {
		return json.Marshal(strconv.FormatFloat(x, 'f', -1, 64) + string(d.Unit))
	}
	key := map[Unit]string{Days: "days", Weeks: "weeks", Months: "months", Years: "years"}[d.Unit]
	return json.Marshal(map[string]any{key: d.Amount})
}

// MarshalJSON writes "step", {"linear": duration} or {"curve": [...]}.
func (r Recovery) MarshalJSON() ([]byte, error) {
	switch r.Kind {
	case LinearRecovery:
		return json.Marshal(map[string]any{"linear": r.Over})
	case CurveRecovery:
		type point struct {
			Offset   Duration `json:"offset"`
			Fraction Number   `json:"fraction"`
		}
		pts := make([]point, len(r.Curve))
		for i, p := range r.Curve {
			pts[i] = point(p)
		}
		return json.Marshal(map[string]any{"curve": pts})
	}
	return json.Marshal("step")
}

// MarshalJSON writes a source id as a string and an inline citation as a
// mapping.
func (s Source) MarshalJSON() ([]byte, error) {
	if s.ID != "" {
		return json.Marshal(s.ID)
	}
	type citation struct {
		Title     string `json:"title"`
		Publisher string `json:"publisher,omitempty"`
		URL       string `json:"url,omitempty"`
		Date      string `json:"date,omitempty"`
		Accessed  string `json:"accessed,omitempty"`
		Note      string `json:"note,omitempty"`
	}
	return json.Marshal(citation{s.Title, s.Publisher, s.URL, s.Date.String(), s.Accessed.String(), s.Note})
}

// MarshalJSON writes a shock as one flat mapping, as in a file.
func (s Shock) MarshalJSON() ([]byte, error) {
	m := map[string]any{"type": s.Type(), "start": s.Start.String()}
	if s.Name != "" {
		m["name"] = s.Name
	}
	if s.Note != "" {
		m["note"] = s.Note
	}
	switch {
	case s.Duration != nil:
		m["duration"] = s.Duration
	case !s.End.IsZero():
		m["end"] = s.End.String()
	}
	if s.Recovery.Kind != "" && s.Recovery.Kind != StepRecovery {
		m["recovery"] = s.Recovery
	}
	if x, ok := s.Probability.Fixed(); !ok || x != 1 {
		m["probability"] = s.Probability
	}
	if len(s.Sources) > 0 {
		m["sources"] = s.Sources
	}
	set := func(k string, v any) { m[k] = v }
	setText := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	switch e := s.Effect.(type) {
	case *DisableAsset:
		set("asset", e.Asset)
		set("capacity_cut", e.CapacityCut)
	case *DenyTransit:
		set("state", e.State)
		setText("commodity", e.Commodity)
		set("share", e.Share)
	case *Embargo:
		set("by", e.By)
		set("against", e.Against)
		setText("direction", e.Direction)
		set("share", e.Share)
	case *DivertTrade:
		set("target", e.Target)
		set("from", e.From)
		type partner struct {
			Partner string `json:"partner"`
			Weight  Number `json:"weight"`
		}
		to := make([]partner, len(e.To))
		for i, p := range e.To {
			to[i] = partner{p.Partner, p.Weight}
		}
		set("to", to)
		set("share", e.Share)
		set("over", e.Over)
	case *ChangeMembership:
		set("state", e.State)
		set("organisation", e.Organisation)
		set("action", e.Action)
	case *SetFact:
		set("subject", e.Subject)
		set("relation", e.Relation)
		setText("object", e.Object)
		if e.Value != nil {
			set("value", *e.Value)
		}
		setText("unit", e.Unit)
		setText("text", e.Text)
	}
	return json.Marshal(m)
}

// MarshalJSON writes the scenario in the file format's keys.
func (s *Scenario) MarshalJSON() ([]byte, error) {
	type horizon struct {
		Start string `json:"start"`
		End   string `json:"end"`
		Step  Step   `json:"step"`
	}
	return json.Marshal(struct {
		Name        string   `json:"name"`
		Title       string   `json:"title,omitempty"`
		Description string   `json:"description,omitempty"`
		Sources     []Source `json:"sources"`
		Horizon     horizon  `json:"horizon"`
		Shocks      []Shock  `json:"shocks"`
	}{s.Name, s.Title, s.Description, s.Sources, horizon{s.Horizon.Start.String(), s.Horizon.End.String(), s.Horizon.Step}, s.Shocks})
}
