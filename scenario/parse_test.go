package scenario_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/scenario"
)

// base is a valid scenario; the error cases edit one line of it.
const base = `name: test
title: A test
sources:
  - portnews-327064
horizon:
  start: 2026-01
  end: 2026-12
  step: month
shocks:
  - type: disable_asset
    asset: CPC
    capacity_cut: 0.5
    start: 2026-03-01
    duration: 30d
`

func TestParseBase(t *testing.T) {
	s, err := scenario.Parse([]byte(base), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "test" || s.Title != "A test" || len(s.Shocks) != 1 || s.Horizon.Step != scenario.Month {
		t.Fatalf("parsed %+v", s)
	}
	sh := s.Shocks[0]
	e, ok := sh.Effect.(*scenario.DisableAsset)
	if !ok || e.Asset != "CPC" {
		t.Fatalf("effect %+v", sh.Effect)
	}
	if x, ok := e.CapacityCut.Fixed(); !ok || x != 0.5 {
		t.Errorf("capacity_cut %v", e.CapacityCut)
	}
	if sh.Duration == nil || sh.Duration.Unit != scenario.Days || sh.Duration.String() != "30d" {
		t.Errorf("duration %v", sh.Duration)
	}
	if sh.Recovery.Kind != scenario.StepRecovery {
		t.Errorf("recovery %v", sh.Recovery)
	}
	if p, _ := sh.Probability.Fixed(); p != 1 {
		t.Errorf("probability %v, want 1 by default", p)
	}
}

// TestParseErrors checks each kind of error and its exact position.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new string // replace old with new in base
		want     string
	}{
		{"syntax", "name: test", "name: [test", "t.yaml:2:1: ',' or ']' must be specified"},
		{"unknown top-level key", "title: A test", "titel: A test", `t.yaml:2:1: scenario: unknown key "titel"`},
		{"missing shocks", "shocks:", "shocksx:", `t.yaml:9:1: scenario: unknown key "shocksx"`},
		{"bad name", "name: test", "name: Test Case", `t.yaml:1:7: name: want lower-case letters`},
		{"no sources", "  - portnews-327064\n", "", "t.yaml:3:9: sources: want a list of source ids or citations, got nothing"},
		{"bad horizon date", "start: 2026-01\n", "start: 2026-13\n", `t.yaml:6:10: horizon: start: date "2026-13": month out of range`},
		{"horizon backwards", "end: 2026-12", "end: 2025-12", "t.yaml:7:8: horizon: end 2025-12 comes before start 2026-01"},
		{"bad step", "step: month", "step: fortnight", `t.yaml:8:9: horizon: step: want day, week, month, quarter or year, got "fortnight"`},
		{"unknown shock type", "type: disable_asset", "type: disable_assets", `t.yaml:10:11: shock 1: unknown shock type "disable_assets"`},
		{"key of another type", "asset: CPC", "asset: CPC\n    state: RUS", `t.yaml:12:5: shock 1 (disable_asset): unknown key "state"`},
		{"missing asset", "    asset: CPC\n", "", `t.yaml:10:5: shock 1 (disable_asset): missing key "asset"`},
		{"negative capacity_cut", "capacity_cut: 0.5", "capacity_cut: -0.5", "t.yaml:12:19: shock 1 (disable_asset): capacity_cut: want a fraction in [0, 1], got -0.5"},
		{"capacity_cut above 1", "capacity_cut: 0.5", "capacity_cut: 1.5", "t.yaml:12:19: shock 1 (disable_asset): capacity_cut: want a fraction in [0, 1], got 1.5"},
		{"capacity_cut text", "capacity_cut: 0.5", "capacity_cut: half", `t.yaml:12:19: shock 1 (disable_asset): capacity_cut: want a number or a distribution`},
		{"untruncated normal fraction", "capacity_cut: 0.5", "capacity_cut: {normal: {mean: 0.5, sd: 0.1}}", "t.yaml:12:19: shock 1 (disable_asset): capacity_cut: want a fraction in [0, 1], but normal ranges over [-Inf, +Inf]"},
		{"uniform min > max", "capacity_cut: 0.5", "capacity_cut: {uniform: {min: 0.6, max: 0.4}}", "t.yaml:12:29: shock 1 (disable_asset): capacity_cut: uniform: min 0.6 must be less than max 0.4"},
		{"triangular mode outside", "capacity_cut: 0.5", "capacity_cut: {triangular: {min: 0.2, mode: 0.9, max: 0.4}}", "t.yaml:12:32: shock 1 (disable_asset): capacity_cut: triangular: mode 0.9 must lie in [min, max]"},
		{"probs not summing to 1", "capacity_cut: 0.5", "capacity_cut: {discrete: {values: [0, 1], probs: [0.5, 0.6]}}", "t.yaml:12:54: shock 1 (disable_asset): capacity_cut: discrete: probs sum to 1.1, want 1"},
		{"probs length", "capacity_cut: 0.5", "capacity_cut: {discrete: {values: [0, 1], probs: [1]}}", "t.yaml:12:54: shock 1 (disable_asset): capacity_cut: discrete: 2 values but 1 probs"},
		{"unknown distribution", "capacity_cut: 0.5", "capacity_cut: {beta: {a: 1, b: 2}}", `t.yaml:12:20: shock 1 (disable_asset): capacity_cut: unknown key "beta"`},
		{"unknown distribution parameter", "capacity_cut: 0.5", "capacity_cut: {uniform: {min: 0, max: 1, mode: 0.5}}", `t.yaml:12:46: shock 1 (disable_asset): capacity_cut: uniform: unknown key "mode" (want min, max)`},
		{"two distributions", "capacity_cut: 0.5", "capacity_cut: {uniform: {min: 0, max: 1}, triangular: {min: 0, mode: 0.5, max: 1}}", "t.yaml:12:19: shock 1 (disable_asset): capacity_cut: want exactly one distribution"},
		{"lognormal mixed", "capacity_cut: 0.5", "capacity_cut: {lognormal: {mu: 0, p95: 2, max: 1}}", "t.yaml:12:31: shock 1 (disable_asset): capacity_cut: lognormal: want either mu and sigma or median and p95"},
		{"bad start date", "start: 2026-03-01", "start: 2026-02-30", `t.yaml:13:12: shock 1 (disable_asset): start: date "2026-02-30": day out of range`},
		{"start outside horizon", "start: 2026-03-01", "start: 2027-03-01", "t.yaml:13:12: shock 1 (disable_asset): start 2027-03-01 lies outside the horizon 2026-01 to 2026-12"},
		{"bad duration", "duration: 30d", "duration: 30 days", `t.yaml:14:15: shock 1 (disable_asset): duration: want a duration such as 30d, 2w, 3mo or 1y, or {months: <number or distribution>}, got "30 days"`},
		{"duration as date", "duration: 30d", "duration: 2026-04-01", `(for an end date use end:)`},
		{"bare number duration", "duration: 30d", "duration: 30", "t.yaml:14:15: shock 1 (disable_asset): duration: want a duration"},
		{"negative duration", "duration: 30d", "duration: {days: -3}", "t.yaml:14:22: shock 1 (disable_asset): duration: days: must not be negative, but can be -3"},
		{"duration and end", "duration: 30d", "duration: 30d\n    end: 2026-05-01", "t.yaml:15:5: shock 1 (disable_asset): give duration or end, not both"},
		{"end before start", "duration: 30d", "end: 2026-02-01", "t.yaml:14:10: shock 1 (disable_asset): end 2026-02-01 comes before start 2026-03-01"},
		{"bad recovery", "duration: 30d", "duration: 30d\n    recovery: gradual", `t.yaml:15:15: shock 1 (disable_asset): recovery: want step, {linear: <duration>} or {curve: [...]}, got "gradual"`},
		{"curve not increasing", "duration: 30d", "duration: 30d\n    recovery: {curve: [{offset: 30d, fraction: 0.5}, {offset: 2w, fraction: 1}]}", "t.yaml:15:63: shock 1 (disable_asset): recovery: curve point 2: offset 2w must come after the previous point's"},
		{"curve fraction", "duration: 30d", "duration: 30d\n    recovery: {curve: [{offset: 30d, fraction: 2}]}", "t.yaml:15:48: shock 1 (disable_asset): recovery: curve point 1: fraction: want a fraction in [0, 1], got 2"},
		{"probability", "duration: 30d", "duration: 30d\n    probability: 1.2", "t.yaml:15:18: shock 1 (disable_asset): probability: want a fraction in [0, 1], got 1.2"},
		{"duplicate key", "duration: 30d", "duration: 30d\n    duration: 40d", `t.yaml:15:5: mapping key "duration" already defined at [14:5]`},
		{"anchor", "asset: CPC", "asset: &a CPC", "t.yaml:11:12: anchors and aliases are not supported in scenario files"},
		{"tag", "  - type: disable_asset", "  - !!map\n    type: disable_asset", "t.yaml:10:5: tags are not supported in scenario files"},
		{"two documents", "duration: 30d\n", "duration: 30d\n---\nname: other\n", "t.yaml:16:1: want one YAML document, got 2"},
		{"document not a mapping", base, "just text", "t.yaml:1:1: scenario: want a mapping of name, title, description, sources, horizon, shocks, got \"just text\""},
		{"not a mapping", "name: test\n", "- name: test\n", "t.yaml:2:1: value is not allowed in this context"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(base, tc.old, tc.new, 1)
			if text == base {
				t.Fatalf("%q not found in base", tc.old)
			}
			_, err := scenario.Parse([]byte(text), "t.yaml")
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got  %q\nwant %q", err, tc.want)
			}
			var se *scenario.Error
			if !errors.As(err, &se) {
				t.Errorf("%T is not a *scenario.Error", err)
			}
			if leverage.ErrorCode(err) != leverage.EINVALID {
				t.Errorf("code %q, want %q", leverage.ErrorCode(err), leverage.EINVALID)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "---\n"} {
		_, err := scenario.Parse([]byte(text), "e.yaml")
		if err == nil || !strings.HasPrefix(err.Error(), "e.yaml:1:1: empty file") {
			t.Errorf("%q: got %v", text, err)
		}
	}
}

// TestValidateErrors checks references against the built-in dataset.
func TestValidateErrors(t *testing.T) {
	ds, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	shock := func(body string) string {
		return strings.Replace(base, `  - type: disable_asset
    asset: CPC
    capacity_cut: 0.5
`, body, 1)
	}
	for _, tc := range []struct {
		name, text, want string
	}{
		{"valid", base, ""},
		{"unknown source", strings.Replace(base, "portnews-327064", "no-such-source", 1), `t.yaml:4:5: unknown source "no-such-source"`},
		{"unknown asset", strings.Replace(base, "asset: CPC", "asset: XYZ", 1), `t.yaml:11:12: shock 1 (disable_asset): asset: unknown actor "XYZ"`},
		{"asset is a state", strings.Replace(base, "asset: CPC", "asset: RUS", 1), "t.yaml:11:12: shock 1 (disable_asset): asset: RUS is a state, want a asset"},
		{"deny_transit of an organisation", shock("  - type: deny_transit\n    state: EAEU\n"), "t.yaml:11:12: shock 1 (deny_transit): state: EAEU is a organisation, want a state"},
		{"unknown organisation", shock("  - type: change_membership\n    state: KAZ\n    organisation: WTO\n    action: leave\n"), `t.yaml:12:19: shock 1 (change_membership): organisation: unknown actor "WTO"`},
		{"membership ok", shock("  - type: change_membership\n    state: KAZ\n    organisation: EAEU\n    action: leave\n"), ""},
		{"embargo by a bloc", shock("  - type: embargo\n    by: EU\n    against: RUS\n    share: 0.5\n"), ""},
		{"divert to unknown partner", shock("  - type: divert_trade\n    target: KAZ\n    from: RUS\n    to: [{partner: CHN}, {partner: MARS}]\n    share: 0.2\n    over: 5\n"), `t.yaml:13:36: shock 1 (divert_trade): to: partner "MARS" is not a known state or trade bloc`},
		{"unknown relation", shock("  - type: set_fact\n    subject: KAZ\n    relation: likes\n    object: RUS\n"), `t.yaml:12:15: shock 1 (set_fact): relation: unknown relation "likes"`},
		{"relation needs a value", shock("  - type: set_fact\n    subject: KAZ\n    relation: language_status\n    object: RUS\n"), "t.yaml:10:5: shock 1 (set_fact): relation language_status needs a value (in ordinal)"},
		{"wrong unit", shock("  - type: set_fact\n    subject: CPC\n    relation: capacity\n    value: 50\n    unit: km\n"), `t.yaml:14:11: shock 1 (set_fact): unit: "km" not allowed for capacity (want Mt/y or bbl/d)`},
		{"unit needed", shock("  - type: set_fact\n    subject: CPC\n    relation: capacity\n    value: 50\n"), "t.yaml:13:12: shock 1 (set_fact): value: give its unit (Mt/y or bbl/d)"},
		{"object not taken", shock("  - type: set_fact\n    subject: CPC\n    relation: capacity\n    object: RUS\n    value: 50\n    unit: Mt/y\n"), "t.yaml:13:13: shock 1 (set_fact): object: relation capacity takes no object"},
		{"annual relation", shock("  - type: set_fact\n    subject: KAZ\n    relation: gdp\n    value: 1\n    unit: USD m\n"), "t.yaml:12:15: shock 1 (set_fact): relation: gdp is an annual figure"},
		{"negative capacity", shock("  - type: set_fact\n    subject: CPC\n    relation: capacity\n    value: -5\n    unit: Mt/y\n"), "t.yaml:13:12: shock 1 (set_fact): value: a capacity must not be negative, but can be -5"},
		{"capacity that can be negative", shock("  - type: set_fact\n    subject: CPC\n    relation: capacity\n    value: {normal: {mean: 60, sd: 10}}\n    unit: Mt/y\n"), "t.yaml:13:12: shock 1 (set_fact): value: a capacity must not be negative, but can be -Inf"},
		{"capacity in bbl/d", shock("  - type: set_fact\n    subject: CPC\n    relation: capacity\n    value: 1500000\n    unit: bbl/d\n"), ""},
		{"troop deployment", shock("  - type: set_fact\n    subject: RUS\n    relation: deployment\n    object: KAZ\n    value: {uniform: {min: 1000, max: 3000}}\n"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := scenario.Parse([]byte(tc.text), "t.yaml")
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			err = scenario.Validate(s, ds)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("unexpected error %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("got  %v\nwant %q", err, tc.want)
			}
		})
	}
}

func TestSetFactUnitFilled(t *testing.T) {
	ds, _ := data.Builtin()
	s, err := scenario.Parse([]byte(strings.Replace(base, "    asset: CPC\n    capacity_cut: 0.5\n", "", 1)), "t.yaml")
	_ = s
	if err == nil {
		t.Fatal("want missing asset error")
	}
	text := strings.Replace(base, "  - type: disable_asset\n    asset: CPC\n    capacity_cut: 0.5\n",
		"  - type: set_fact\n    subject: RUS\n    relation: deployment\n    object: KAZ\n    value: 2000\n", 1)
	if s, err = scenario.Parse([]byte(text), "t.yaml"); err != nil {
		t.Fatal(err)
	}
	if err := scenario.Validate(s, ds); err != nil {
		t.Fatal(err)
	}
	if u := s.Shocks[0].Effect.(*scenario.SetFact).Unit; u != "personnel" {
		t.Errorf("unit %q, want personnel filled in", u)
	}
}

func TestParseLimits(t *testing.T) {
	_, err := scenario.Parse([]byte("name: "+strings.Repeat("[", 100000)), "d.yaml")
	if err == nil || err.Error() != "d.yaml:1:71: lists and mappings nested more than 64 deep" {
		t.Errorf("deep nesting: %v", err)
	}
	_, err = scenario.Parse([]byte("name: '"+strings.Repeat("[", 100)+"'\n"), "q.yaml")
	if err == nil || strings.Contains(err.Error(), "nested") {
		t.Errorf("brackets in quotes: %v", err)
	}
	_, err = scenario.Parse(make([]byte, 2<<20), "big.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "big.yaml: file of 2097152 bytes") {
		t.Errorf("large file: %v", err)
	}
}
