package text

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// seeds are the inputs every fuzz target starts from.
func seeds(f *testing.F) {
	f.Helper()
	for _, s := range []string{
		"", "Mr. Putin met Mr. Xi.", "The U.S. objected. It was 3.5 bcm.", "Heading\nBody text.",
		"He paused… Then he left.", "“It is over!” he said.", "$26 billion", "26bn", "€1.2bn",
		"80% of oil exports", "about 2,500 troops", "30-40%", "1.5 million barrels per day", "67 Mt/y",
		"a third of its exports", "in 2022", "No. 2", "3.5 bcm", "Article 7", "between 2,000 and 2,500",
		"half a million", "2.500.000", "1.234,5", "2 500", "13–19 January 2022", "January–March 2022",
		"2014–22", "2022-01-05", "05.01.2022", "mid-2023", "the 1990's", "early January 2022",
		"January 5, 2022", "-5%", "$20-30bn", "c. 2,500", "2,500-strong", "x\u2029y", "1.\n2)",
	} {
		f.Add(s)
	}
	if data, err := os.ReadFile(filepath.Join("testdata", "news.txt")); err == nil {
		f.Add(string(data))
	}
}

func FuzzSentences(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s, Sentences(s))
		// The shortcuts of boundaries find the UAX #29 boundaries.
		if got, want := boundaryEnds(s), uax29Ends(s); !slices.Equal(got, want) {
			t.Fatalf("boundaries(%q) = %v, UAX #29 %v", s, got, want)
		}
	})
}

func FuzzQuantities(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkQuantities(t, s, Quantities(s))
	})
}

func FuzzDates(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkDates(t, s, Dates(s))
	})
}
