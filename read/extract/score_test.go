package extract_test

import (
	"math"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage/read/extract"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,.;  ", nil},
		{"Hello, world_1!", []string{"Hello", "world_1"}},
		{"déjà-vu 3.5 ½", []string{"déjà", "vu", "3", "5", "½"}},
		{"Kazakhstan’s CPC", []string{"Kazakhstan", "s", "CPC"}},
		{"Москва и Астана", []string{"Москва", "и", "Астана"}},
		{"京都と大阪", []string{"京都と大阪"}},
		// Python's \w has no combining marks: Devanagari vowel signs and
		// viramas split words, as in the benchmark.
		{"नमस्ते", []string{"नमस", "त"}},
	}
	for _, tt := range tests {
		if got := extract.Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The counts below are worked by hand: list the 4-word shingles of each
// text, match them as multisets, divide by tp+fp+fn.
func TestMatch(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		want        extract.Counts
		p, r        float64
	}{
		// abcd abcd: tp 1.
		{"same", "a b c d", "a b c d", extract.Counts{TP: 1}, 1, 1},
		// Punctuation and spacing do not count.
		{"punctuation", "a, b; c d.", "a b\n\nc  d", extract.Counts{TP: 1}, 1, 1},
		// truth abcd bcde, pred abcd: tp 1, fn 1 -> 1/2, 1/2.
		{"missing end", "a b c d e", "a b c d", extract.Counts{TP: 0.5, FN: 0.5}, 1, 0.5},
		// truth abcd, pred abcd bcde cdef defg: tp 1, fp 3.
		{"extra words", "a b c d", "a b c d e f g", extract.Counts{TP: 0.25, FP: 0.75}, 0.25, 1},
		// truth xyzw yzwx zwxy wxyz xyzw (xyzw twice), pred xyzw once:
		// tp 1, fn 4.
		{"multiset", "x y z w x y z w", "x y z w", extract.Counts{TP: 0.2, FN: 0.8}, 1, 0.2},
		// Fewer than four words make one short shingle.
		{"short same", "a b", "a b", extract.Counts{TP: 1}, 1, 1},
		{"short differ", "a b", "a c", extract.Counts{FP: 0.5, FN: 0.5}, 0, 0},
		{"empty prediction", "a b c d", "", extract.Counts{FN: 1}, 0, 0},
		{"empty truth", "", "a b c d", extract.Counts{FP: 1}, 0, 0},
		{"both empty", "", "", extract.Counts{}, 1, 1},
		// Case matters, as in the benchmark.
		{"case", "A b c d", "a b c d", extract.Counts{FP: 0.5, FN: 0.5}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := extract.Match(tt.truth, tt.pred)
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
				t.Errorf("Match = %+v, want %+v", got, tt.want)
			}
			if p := got.Precision(); !near(p, tt.p) {
				t.Errorf("Precision = %v, want %v", p, tt.p)
			}
			if r := got.Recall(); !near(r, tt.r) {
				t.Errorf("Recall = %v, want %v", r, tt.r)
			}
		})
	}
}

func TestScore(t *testing.T) {
	truth := map[string]string{
		"perfect": "a b c d e",
		"half":    "a b c d e",
		"none":    "a b c d",
		"extra":   "a b c d",
		"empty":   "",
	}
	pred := map[string]string{
		"perfect": "a, b, c, d, e.", // P 1, R 1, accurate
		"half":    "a b c d",        // P 1, R 1/2
		// "none" is missing: an empty prediction, R 0, no precision
		"extra": "a b c d e f g", // P 1/4, R 1
		"empty": "",              // neither precision nor recall
		"other": "ignored",
	}
	// P = mean(1, 1, 1/4) over the three docs that predicted something;
	// R = mean(1, 1/2, 0, 1) over the four with a truth;
	// accuracy: "perfect" and "empty" match token for token: 2/5.
	p, r := 2.25/3, 2.5/4
	want := extract.Metrics{Precision: p, Recall: r, F1: 2 * p * r / (p + r), Accuracy: 0.4, Docs: 5}
	got := extract.Score(truth, pred)
	if got.Docs != want.Docs || !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) ||
		!near(got.F1, want.F1) || !near(got.Accuracy, want.Accuracy) {
		t.Errorf("Score = %+v, want %+v", got, want)
	}

	if got := extract.Score(truth, truth); !near(got.F1, 1) || !near(got.Accuracy, 1) {
		t.Errorf("Score(truth, truth) = %+v, want F1 1 and accuracy 1", got)
	}
	if got := extract.Score(nil, nil); got != (extract.Metrics{}) {
		t.Errorf("Score(nil, nil) = %+v, want zero", got)
	}
}
