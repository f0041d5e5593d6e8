package text_test

import (
	"fmt"

	"github.com/leverage-dev/leverage/read/text"
)

func ExampleQuantities() {
	s := "Kazakhstan ships about 80% of its oil exports through the CPC, which carried 63.5 Mt in 2024. " +
		"Trade with Russia reached $26 billion, and the CSTO sent 2,500 troops."
	for _, q := range text.Quantities(s) {
		fmt.Printf("%q: %g %s of %q approx=%v\n", q.Text, q.Value, q.Unit, q.Of, q.Approx)
	}
	// Output:
	// "about 80% of its oil exports": 80 % of "oil exports" approx=true
	// "63.5 Mt": 63.5 Mt of "" approx=false
	// "$26 billion": 26000 USD m of "" approx=false
	// "2,500 troops": 2500 persons of "troops" approx=false
}

func ExampleDates() {
	s := "After the unrest of early January 2022, troops left on 19 January; in the 1990s it was different."
	for _, d := range text.Dates(s) {
		fmt.Printf("%q: %d-%02d-%02d approx=%v\n", d.Text, d.Year, d.Month, d.Day, d.Approx)
	}
	// Output:
	// "early January 2022": 2022-01-00 approx=true
	// "19 January": 0-01-19 approx=false
	// "1990s": 1990-00-00 approx=true
}

func ExampleSentences() {
	s := "Energy Sector\nMr. Tokayev met Gen. Serdyukov. The U.S. objected.The talks ended."
	for _, sp := range text.Sentences(s) {
		fmt.Printf("%q\n", s[sp.Start:sp.End])
	}
	// Output:
	// "Energy Sector"
	// "Mr. Tokayev met Gen. Serdyukov."
	// "The U.S. objected."
	// "The talks ended."
}
