package text

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkSpans fails t unless the spans are in range, ordered, do not
// overlap, and have text[Start:End] == texts[i] (when texts is not nil).
func checkSpans(t *testing.T, text string, spans []Span, texts []string) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End < s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or range (previous end %d, len %d)", i, s, prev, len(text))
		}
		if s.Start == s.End {
			t.Fatalf("span %d %v is empty", i, s)
		}
		if texts != nil && text[s.Start:s.End] != texts[i] {
			t.Fatalf("span %d %v: text[Start:End] = %q, Text = %q", i, s, text[s.Start:s.End], texts[i])
		}
		prev = s.End
	}
}

// checkSentences fails t unless the sentence spans start and end with
// non-space text and cover all non-space text.
func checkSentences(t *testing.T, text string, spans []Span) {
	t.Helper()
	checkSpans(t, text, spans, nil)
	k := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		for k < len(spans) && spans[k].End <= i {
			k++
		}
		in := k < len(spans) && spans[k].Start <= i
		if !unicode.IsSpace(r) && !in {
			t.Fatalf("non-space %q at %d is in no sentence: %v", r, i, spans)
		}
		i += n
	}
	for _, s := range spans {
		first, _ := utf8.DecodeRuneInString(text[s.Start:s.End])
		last, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if unicode.IsSpace(first) || unicode.IsSpace(last) {
			t.Fatalf("sentence %q starts or ends with space", text[s.Start:s.End])
		}
	}
}
