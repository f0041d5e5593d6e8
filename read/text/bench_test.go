package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchTexts returns English news texts for the benchmarks, each repeated
// to about 1 MB: "article", the shared article (../shared/inputs/articles,
// or $LEVERAGE_TESTDATA/../inputs/articles) when present, and "numeric",
// testdata/news.txt, a news text dense with numbers and dates.
func benchTexts(b *testing.B) []struct{ name, text string } {
	b.Helper()
	const article = "russia-kazakhstan-strategic-target.txt"
	var paths []string
	if d := os.Getenv("LEVERAGE_TESTDATA"); d != "" {
		paths = append(paths, filepath.Join(d, "..", "inputs", "articles", article))
	}
	paths = append(paths, filepath.Join("..", "..", "..", "shared", "inputs", "articles", article))
	var out []struct{ name, text string }
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			out = append(out, struct{ name, text string }{"article", repeat(string(data))})
			break
		}
	}
	data, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	return append(out, struct{ name, text string }{"numeric", repeat(string(data))})
}

func repeat(s string) string {
	return strings.Repeat(s+"\n\n", (1<<20)/(len(s)+2)+1)
}

func bench(b *testing.B, f func(string)) {
	for _, t := range benchTexts(b) {
		b.Run(t.name, func(b *testing.B) {
			b.SetBytes(int64(len(t.text)))
			b.ReportAllocs()
			for b.Loop() {
				f(t.text)
			}
		})
	}
}

func BenchmarkSentences(b *testing.B) {
	bench(b, func(s string) { Sentences(s) })
}

func BenchmarkQuantities(b *testing.B) {
	bench(b, func(s string) { Quantities(s) })
}

func BenchmarkDates(b *testing.B) {
	bench(b, func(s string) { Dates(s) })
}

// BenchmarkAll runs the three in turn, as a reader of articles does.
func BenchmarkAll(b *testing.B) {
	bench(b, func(s string) {
		Sentences(s)
		Quantities(s)
		Dates(s)
	})
}
