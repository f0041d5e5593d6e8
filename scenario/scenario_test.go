package scenario_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage/scenario"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFullEnd(t *testing.T) {
	s, err := scenario.Builtin("cpc-2022", nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range map[int]string{
		0: "2022-04-20", // 21 March + 30 days
		2: "2022-07-11", // end 10 July
	} {
		if got := s.Shocks[i].FullEnd(30, s.Horizon); !got.Equal(day(want)) {
			t.Errorf("shock %d: %s, want %s", i+1, got.Format(time.DateOnly), want)
		}
	}
	d, err := scenario.Builtin("diversification", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Shocks[1].FullEnd(0, d.Horizon); !got.Equal(day("2033-01-01")) {
		t.Errorf("lasting shock ends %s, want the day after the horizon", got.Format(time.DateOnly))
	}
	months := scenario.Duration{Amount: scenario.Const(3), Unit: scenario.Months}
	if got := months.AddTo(day("2025-02-17"), 3); !got.Equal(day("2025-05-17")) {
		t.Errorf("3mo from 17 February: %s", got.Format(time.DateOnly))
	}
	if got := months.AddTo(day("2025-02-17"), 1.5); !got.Equal(day("2025-04-01")) {
		t.Errorf("1.5mo from 17 February: %s", got.Format(time.DateOnly))
	}
}

func TestInputs(t *testing.T) {
	s, err := scenario.Builtin("increased-pressure", nil)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, in := range s.Uncertain() {
		labels = append(labels, in.Label)
	}
	if len(labels) != 6 || labels[0] != "CPC terminal moorings stopped: capacity_cut" {
		t.Errorf("uncertain inputs %q", labels)
	}
	var in scenario.Input
	for _, x := range s.Inputs() {
		if x.Shock == 0 && x.Field == "probability" {
			in = x
		}
	}
	*in.Value = scenario.Const(0.5)
	if p, _ := s.Shocks[0].Probability.Fixed(); p != 0.5 {
		t.Errorf("setting an input did not change the scenario")
	}
}

func TestUndone(t *testing.T) {
	text := strings.Replace(base, "duration: 30d", "duration: 30d\n    recovery: {curve: [{offset: 10d, fraction: 0.5}, {offset: 30d, fraction: 0.9}]}", 1)
	s, err := scenario.Parse([]byte(text), "t.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r := s.Shocks[0].Recovery
	fr := []float64{0.5, 0.9}
	for days, want := range map[float64]float64{-1: 0, 0: 0, 5: 0.25, 10: 0.5, 20: 0.7, 30: 0.9, 100: 0.9} {
		if got := r.Undone(days, 0, fr); math.Abs(got-want) > 1e-12 {
			t.Errorf("curve at %v days: %v, want %v", days, got, want)
		}
	}
	lin := scenario.Recovery{Kind: scenario.LinearRecovery}
	if got := lin.Undone(15, 60, nil); got != 0.25 {
		t.Errorf("linear: %v", got)
	}
	if got := (scenario.Recovery{Kind: scenario.StepRecovery}).Undone(0, 0, nil); got != 1 {
		t.Errorf("step: %v", got)
	}
}
