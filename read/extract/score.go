package extract

import (
	"slices"
	"strings"
	"unicode"
)

// This file ports the metric of the article-extraction benchmark
// (scrapinghub/article-extraction-benchmark, evaluate.py): word 4-gram
// shingles compared as multisets, per-document counts normalised so that
// long documents do not weigh more, precision and recall averaged over
// documents and F1 taken of the two means.

// ShingleSize is the length of the word n-grams the benchmark compares.
const ShingleSize = 4

// Counts is one document's shingle match: true positives, false positives
// and false negatives, divided by their sum so that they add up to 1 (all
// zero when neither text has a word).
type Counts struct {
	TP, FP, FN float64
}

// Precision is TP/(TP+FP), 1 when nothing is wrong (FP = FN = 0) and 0 when
// nothing was predicted.
func (c Counts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return c.TP / (c.TP + c.FP)
}

// Recall is TP/(TP+FN), 1 when nothing is wrong (FP = FN = 0) and 0 when
// the truth is empty.
func (c Counts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return c.TP / (c.TP + c.FN)
}

// Metrics are the benchmark's scores over a set of documents.
type Metrics struct {
	// Precision is the mean of the documents' precisions, over the
	// documents with a predicted shingle (TP+FP > 0).
	Precision float64
	// Recall is the mean of the documents' recalls, over the documents
	// with a true shingle (TP+FN > 0).
	Recall float64
	// F1 is the harmonic mean of Precision and Recall (of the means, not a
	// mean of per-document F1s).
	F1 float64
	// Accuracy is the share of documents whose predicted word list equals
	// the true one exactly.
	Accuracy float64
	// Docs is the number of documents scored.
	Docs int
}

// Tokens splits s into the benchmark's words: maximal runs of Unicode
// letters, numbers and underscores, as Python's re `\w+` finds them. Case
// is kept.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if isWord(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// isWord reports whether r is in Python's Unicode \w: a letter (L*), a
// number (N*) or the underscore. Marks (M*) are not, as in Python.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// shingles counts the word n-grams of s. A text of fewer than n words (but
// at least one) gives a single shorter shingle, as in the benchmark.
func shingles(s string, n int) map[string]int {
	toks := Tokens(s)
	m := make(map[string]int, len(toks))
	if len(toks) == 0 {
		return m
	}
	last := max(1, len(toks)-n+1)
	for i := range last {
		// Words never contain a space, so a space joins them unambiguously.
		m[strings.Join(toks[i:min(i+n, len(toks))], " ")]++
	}
	return m
}

// Match compares a predicted text with the true one by word 4-gram
// shingles and returns the normalised counts.
func Match(truth, pred string) Counts {
	ts, ps := shingles(truth, ShingleSize), shingles(pred, ShingleSize)
	var c Counts
	for k, t := range ts {
		p := ps[k]
		c.TP += float64(min(t, p))
		c.FN += float64(max(0, t-p))
	}
	for k, p := range ps {
		c.FP += float64(max(0, p-ts[k]))
	}
	if s := c.TP + c.FP + c.FN; s > 0 {
		c.TP, c.FP, c.FN = c.TP/s, c.FP/s, c.FN/s
	}
	return c
}

// Score scores predicted texts against true ones, both keyed by document.
// A document missing from pred counts as an empty prediction; documents
// only in pred are ignored. Means over no documents are 0.
func Score(truth, pred map[string]string) Metrics {
	keys := make([]string, 0, len(truth))
	for k := range truth {
		keys = append(keys, k)
	}
	slices.Sort(keys) // a fixed order keeps the float sums reproducible
	var (
		m                 Metrics
		sumP, sumR        float64
		nP, nR, nAccurate int
	)
	for _, k := range keys {
		c := Match(truth[k], pred[k])
		if c.TP+c.FP > 0 {
			sumP += c.Precision()
			nP++
		}
		if c.TP+c.FN > 0 {
			sumR += c.Recall()
			nR++
		}
		if slices.Equal(Tokens(truth[k]), Tokens(pred[k])) {
			nAccurate++
		}
	}
	m.Docs = len(keys)
	if nP > 0 {
		m.Precision = sumP / float64(nP)
	}
	if nR > 0 {
		m.Recall = sumR / float64(nR)
	}
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
	if m.Docs > 0 {
		m.Accuracy = float64(nAccurate) / float64(m.Docs)
	}
	return m
}
