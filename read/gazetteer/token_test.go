package gazetteer

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/clipperhouse/uax29/v2/words"
)

// segments returns the ends of the segments scan reads text in: its ASCII
// shortcuts, or UAX #29.
func segments(text string) []int {
	var out []int
	var it *words.Iterator[string]
	for pos := 0; pos < len(text); {
		e, _, _, fast := nextFast(text, pos)
		if !fast {
			e, _ = nextSlow(text, pos, &it)
		}
		out = append(out, e)
		pos = e
	}
	return out
}

func uax29Segments(text string) []int {
	var out []int
	it := words.FromString(text)
	for it.Next() {
		out = append(out, it.End())
	}
	return out
}

// The ASCII shortcuts of scan cut text where UAX #29 does.
func TestSegmentsMatchUAX29(t *testing.T) {
	texts := []string{
		"U.S. e.g. 3.5 1,511 km 2,500 troops; 80% of oil. It's Russia's, d'Ivoire",
		"a.b a:b 1:2 1;2 a;b a,b 1,b a'1 1'2 x_y _x a.1 1.a ab.\u00ADcd ab.\u0301 ab\u0301",
		"Ukraine.This influence.The region,strategically Russia,China,and\tx  \r\n\n",
		"Kassym-Jomart – Tokayev — “Leader of the Nation” ‘quoted’ (CPC) [a] {b} #c @d",
	}
	if p := articlePath(); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", "1", "9", ".", ",", ";", ":", "'", "’", "_", " ", "  ", "\t", "\n", "\r", "-", "–",
		"\u00AD", "\u0301", "é", "ü", "\u200D", "👍", "ア", "א", "\"", "(", "%", "$",
		"ж", "Ж", "ё", "ї", "α", "Ω", "ß", "ł", "ǆ", "µ", "ª", "·", "\u0483", "ʼ", "ʰ", "\u05D0", "١"}
	for range 20000 {
		var sb strings.Builder
		for range 1 + r.IntN(12) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, sb.String())
	}
	// Each letter nextFast takes, between and after what joins words.
	for r := range rune(len(wordLetters)) {
		if !wordLetters[r] {
			continue
		}
		x := string(r)
		for _, ctx := range []string{"a", "1", ".", ":", "'", "’", ",", "_", "\u0301", "\u00AD", "·", x} {
			texts = append(texts, x+ctx+x, "a"+ctx+x+" ", "1"+ctx+x+"1", x+ctx+"a.")
		}
	}
	for _, text := range texts {
		if got, want := segments(text), uax29Segments(text); !slices.Equal(got, want) {
			t.Fatalf("segments(%q) = %v, UAX #29 %v", text, got, want)
		}
	}
}

func TestNormalise(t *testing.T) {
	var n normaliser
	for in, want := range map[string]string{
		"Kazakhstan":       "kazakhstan",
		"TÜRKİYE":          "turkiye",
		"Türkiye":          "turkiye",
		"Tu\u0308rkiye":    "turkiye",
		"d’Ivoire":         "d'ivoire",
		"ＲＯＳＮＥＦＴ":          "rosneft",
		"Organisation":     "organization",
		"organisations":    "organizations",
		"Straße":           "strasse",
		"Kazakh\u00adstan": "kazakhstan",
		"“":                "\"",
	} {
		if got := string(n.fold(nil, in)); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := n.cased("ＣＳＴＯ"); got != "CSTO" {
		t.Errorf("cased(ＣＳＴＯ) = %q", got)
	}
}

func TestScan(t *testing.T) {
	text := "Russia’s Kassym-Jomart, d‘Ivoire – Ukraine.This U.S.\n\nEnd"
	var got []string
	scan(text, func(tk token) {
		s := text[tk.start:tk.end]
		switch {
		case tk.kind == tokBreak:
			s = "¶"
		case tk.kind == tokDash:
			s = "<" + s + ">"
		case tk.join:
			s = "+" + s
		}
		got = append(got, s)
	})
	want := []string{"Russia", "Kassym", "+Jomart", ",", "d‘Ivoire", "<–>", "Ukraine", ".", "This", "U.S", ".", "¶", "End"}
	if !slices.Equal(got, want) {
		t.Errorf("scan = %q, want %q", got, want)
	}
}

// The fold table gives the forms x/text gives: rune by rune, and for
// tokens of many runes, marks and invalid bytes.
func TestFoldTable(t *testing.T) {
	var fast, slow normaliser
	var pool []string
	for r := rune(0); r < 0x10000; r++ {
		if r < 0x80 || foldIndex(r) >= 0 {
			pool = append(pool, string(r))
		}
	}
	// CJK ideographs and Hangul syllables, computed rather than tabled.
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if got, want := string(fast.fold(nil, string(r))), string(slow.foldSlow(nil, string(r))); got != want {
			t.Fatalf("fold(%q) = %q, x/text %q", string(r), got, want)
		}
	}
	for r := rune(hangulBase); r < hangulBase+hangulCount; r++ {
		if got, want := string(fast.fold(nil, string(r))), string(slow.foldSlow(nil, string(r))); got != want {
			t.Fatalf("fold(%q) = %q, x/text %q", string(r), got, want)
		}
	}
	pool = append(pool, "\xff", "\u0301", "\u0308", "\u0345", "\u05B0", "\u3099", "İ", "ß", "K", "ﬁ", "한", "국", "東", "ア", "ＣＳ", "isation", "\U0001D400")
	for _, s := range pool {
		if got, want := string(fast.fold(nil, s)), string(slow.foldSlow(nil, s)); got != want {
			t.Fatalf("fold(%q) = %q, x/text %q", s, got, want)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var sb strings.Builder
		for range 1 + r.IntN(8) {
			if r.IntN(4) == 0 {
				sb.WriteString(pool[0x300+r.IntN(0x70)]) // a combining mark
				continue
			}
			sb.WriteString(pool[r.IntN(len(pool))])
		}
		s := sb.String()
		if got, want := string(fast.fold(nil, s)), string(slow.foldSlow(nil, s)); got != want {
			t.Fatalf("fold(%q) = %q, x/text %q", s, got, want)
		}
	}
}
