package simulate

import (
	"math"
	"testing"

	"github.com/leverage-dev/leverage/scenario"
)

func TestStrength(t *testing.T) {
	over := scenario.Duration{Amount: scenario.Const(10), Unit: scenario.Days}
	linear := scenario.Recovery{Kind: scenario.LinearRecovery, Over: &over}
	step := scenario.Recovery{Kind: scenario.StepRecovery}
	for _, tc := range []struct {
		name string
		t    timing
		x    float64
		want float64
	}{
		{"before the start", timing{start: 10, fullEnd: 20, recovery: step}, 9.9, 0},
		{"at the start", timing{start: 10, fullEnd: 20, recovery: step}, 10, 1},
		{"full strength", timing{start: 10, fullEnd: 20, recovery: step}, 19.9, 1},
		{"step recovery: over at the end", timing{start: 10, fullEnd: 20, recovery: step}, 20, 0},
		{"linear recovery: half undone", timing{start: 10, fullEnd: 20, recovery: linear, over: 10}, 25, 0.5},
		{"linear recovery: done", timing{start: 10, fullEnd: 20, recovery: linear, over: 10}, 31, 0},
		{"ramp: a quarter in", timing{start: 0, fullEnd: 100, recovery: step, ramp: 40}, 10, 0.25},
		{"ramp: complete", timing{start: 0, fullEnd: 100, recovery: step, ramp: 40}, 50, 1},
		{"ramp cut short by recovery", timing{start: 0, fullEnd: 20, recovery: linear, over: 10, ramp: 40}, 25, 0.5 * 25 / 40},
	} {
		if got := tc.t.strength(tc.x); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: strength(%v) = %v, want %v", tc.name, tc.x, got, tc.want)
		}
	}
	if p := (timing{start: 0, fullEnd: 100, ramp: 40}).peak(); p != 40 {
		t.Errorf("a diversion peaks when its ramp ends: got day %v, want 40", p)
	}
}

func TestBelow(t *testing.T) {
	for _, tc := range []struct{ c0, c1, q, want float64 }{
		{10, 10, 5, 0},
		{1, 2, 5, 1},
		{0, 10, 5, 0.5},
		{10, 0, 5, 0.5},
		{4, 8, 5, 0.25},
	} {
		if got := below(tc.c0, tc.c1, tc.q); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("below(%v, %v, %v) = %v, want %v", tc.c0, tc.c1, tc.q, got, tc.want)
		}
	}
}
