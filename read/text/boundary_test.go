package text

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/clipperhouse/uax29/v2/sentences"
)

// uax29Ends returns the ends of the UAX #29 sentences of text.
func uax29Ends(text string) []int {
	var out []int
	it := sentences.FromString(text)
	for it.Next() {
		out = append(out, it.End())
	}
	return out
}

// boundaryEnds returns the ends of the sentences boundaries finds.
func boundaryEnds(text string) []int {
	var out []int
	b := boundaries{text: text}
	for s := 0; s < len(text); {
		s = b.end(s)
		out = append(out, s)
	}
	return out
}

// sentenceCount returns the number of UAX #29 sentences of s.
func sentenceCount(s string) int {
	n := 0
	it := sentences.FromString(s)
	for it.Next() {
		n++
	}
	return n
}

// The shortcuts of boundaries find the boundaries UAX #29 does.
func TestBoundariesMatchUAX29(t *testing.T) {
	texts := []string{
		"", "a", ".", "Mr. Smith went. He left!", "3.5 bcm. It fell.", "U.S. Army", "etc.) and. so",
		"“It is over!” he said. Nobody agreed.", "He paused… Then he left.", "A.\n\nB", "x\r\ny\u2029z",
		"Кремль заявил. Москва ответила! Да?", "한국은 말했다. 그리고 떠났다.", "東京。大阪。", "a.\u0301B c. d",
		"end.)))   \n  Next", "1. 2. 3.", "word.\u00A0Next", "Ok.\xffNext. x", "a.\xe2b. C",
	}
	for _, p := range []string{filepath.Join("testdata", "news.txt"),
		filepath.Join("..", "..", "..", "shared", "inputs", "articles", "russia-kazakhstan-strategic-target.txt")} {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, string(b))
		}
	}
	r := rand.New(rand.NewPCG(7, 8))
	alphabet := []string{"a", "b", "B", "Z", "1", "0", ".", ".", "!", "?", ",", ";", ":", "'", "\"", ")", "(", " ", " ", "  ",
		"\t", "\n", "\n\n", "\r\n", "\r", "\u00A0", "’", "”", "“", "…", "–", "\u0301", "\u00AD", "\u200D", "é", "É", "ж", "Ж",
		"한", "。", "！", "？", "、", "「", "」", "\u2028", "\u2029", "\u0085", "·", "€", "%", "\xff", "\xe2\x80", "ー", "ﾞ", "٫", "؟", "।"}
	for range 100000 {
		var sb strings.Builder
		for range 1 + r.IntN(16) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, sb.String())
	}
	for _, text := range texts {
		if got, want := boundaryEnds(text), uax29Ends(text); !slices.Equal(got, want) {
			t.Fatalf("boundaries(%q) = %v, UAX #29 %v", text, got, want)
		}
	}
}

// The rune classes of boundaries hold in the uax29 tables: sentenceLetter
// runes are Upper, Lower or OLetter, and inertRune runes are neither
// terminators nor separators.
func TestSentenceRunes(t *testing.T) {
	for r := rune(0x80); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		x := string(r)
		if inertRune(r) {
			// A terminator or separator breaks "aX B X c".
			if n := sentenceCount("a" + x + " B" + x + " c"); n != 1 {
				t.Fatalf("inert rune %U: %d sentences", r, n)
			}
		}
		if sentenceLetter(r) {
			if !inertRune(r) {
				t.Fatalf("letter %U is not inert", r)
			}
			// After "a. 1", an upper-case or other letter stops SB8's
			// search for a lower-case letter, which breaks; a lower-case
			// one joins, where before "B" anything else that is not a
			// letter lets the search reach "B" and break.
			upperOrOther := sentenceCount("a. 1"+x+"b") == 2
			lower := sentenceCount("a. 1"+x+"B") == 1
			if !upperOrOther && !lower {
				t.Fatalf("letter %U is not Upper, Lower or OLetter", r)
			}
		}
	}
}
