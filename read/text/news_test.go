package text

import (
	"os"
	"path/filepath"
	"testing"
)

// TestNews reads whole news texts: testdata/news.txt, and the shared
// article when present.
func TestNews(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "news.txt"))
	if err != nil {
		t.Fatal(err)
	}
	news := string(data)
	checkSentences(t, news, Sentences(news))
	qs := Quantities(news)
	checkQuantities(t, news, qs)
	ds := Dates(news)
	checkDates(t, news, ds)

	has := func(text string) bool {
		for _, q := range qs {
			if q.Text == text {
				return true
			}
		}
		return false
	}
	for _, w := range []string{
		"about 80% of its oil exports", "capacity of 67 Mt/y", "roughly 1.5 million barrels per day",
		"bilateral trade of $26 billion", "more than 2,000 troops", "about 2,500 servicemen",
		"2,981,946 ethnic Russians", "up to 100 billion cubic metres a year of Turkmen",
	} {
		if !has(w) {
			t.Errorf("news.txt: no quantity %q", w)
		}
	}
	for _, q := range qs {
		switch q.Text {
		case "1", "2", "7", "2254", "1995", "2024", "13", "19":
			t.Errorf("news.txt: %q read as a quantity", q.Text)
		}
	}
	if len(ds) < 15 {
		t.Errorf("news.txt: %d dates, want at least 15", len(ds))
	}
}

func TestArticle(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "inputs", "articles", "russia-kazakhstan-strategic-target.txt")
	if d := os.Getenv("LEVERAGE_TESTDATA"); d != "" {
		path = filepath.Join(d, "..", "inputs", "articles", "russia-kazakhstan-strategic-target.txt")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared article absent: %v", err)
	}
	text := string(data)
	ss := Sentences(text)
	checkSentences(t, text, ss)
	qs := Quantities(text)
	checkQuantities(t, text, qs)
	ds := Dates(text)
	checkDates(t, text, ds)
	if len(ss) < 70 {
		t.Errorf("%d sentences, want at least 70", len(ss))
	}
	// The only quantity is "nearly three decades"; the years are dates.
	if len(qs) != 1 || qs[0].Text != "nearly three decades" || qs[0].Value != 30 || qs[0].Unit != "years" || !qs[0].Approx {
		t.Errorf("quantities = %+v, want only nearly three decades", qs)
	}
	var early bool
	for _, d := range ds {
		if d.Text == "early January 2022" && d.Year == 2022 && d.Month == 1 && d.Approx {
			early = true
		}
	}
	if !early {
		t.Errorf("dates %+v lack early January 2022", ds)
	}
	// A missing space splits, a truncated ending is a sentence of its own.
	want := map[string]bool{
		"The unrest prompted a controversial intervention by the Collective Security Treaty Association (CSTO), a Russia-led military alliance frequently enough described as a counterpart to NATO.": false,
		"Initially sparked by": false,
	}
	for _, s := range ss {
		if _, ok := want[text[s.Start:s.End]]; ok {
			want[text[s.Start:s.End]] = true
		}
	}
	for s, ok := range want {
		if !ok {
			t.Errorf("no sentence %q", s)
		}
	}
}
