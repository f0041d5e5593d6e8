package text

import (
	"slices"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"space only", " \n\t\n ", nil},
		{"one", "Kazakhstan exports oil.", []string{"Kazakhstan exports oil."}},
		{"trimmed", "  Hello there.  \n", []string{"Hello there."}},
		{"two", "Russia objected. Kazakhstan did not.", []string{"Russia objected.", "Kazakhstan did not."}},
		{"titles", "Mr. Putin met Mr. Xi. They talked.", []string{"Mr. Putin met Mr. Xi.", "They talked."}},
		{"military ranks", "Lt. Gen. Andrei Serdyukov led the force.", []string{"Lt. Gen. Andrei Serdyukov led the force."}},
		{"acronym then sentence", "The U.S. objected. It was 3.5 bcm.", []string{"The U.S. objected.", "It was 3.5 bcm."}},
		{"acronym before a name", "The U.S. State Department agreed.", []string{"The U.S. State Department agreed."}},
		{"acronym at the end", "Exports went to the U.S. The EU objected.", []string{"Exports went to the U.S.", "The EU objected."}},
		{"initials", "J. R. R. Tolkien wrote it. Plan B. The rest.", []string{"J. R. R. Tolkien wrote it.", "Plan B.", "The rest."}},
		{"number abbreviations", "No. 2 is next. See Art. 7 of the treaty.", []string{"No. 2 is next.", "See Art. 7 of the treaty."}},
		{"month abbreviation", "It began on Jan. 5, 2022 in Almaty. Troops left.", []string{"It began on Jan. 5, 2022 in Almaty.", "Troops left."}},
		{"saint", "He flew to St. Petersburg.", []string{"He flew to St. Petersburg."}},
		{"decimal", "Output was 3.5 bcm. It fell.", []string{"Output was 3.5 bcm.", "It fell."}},
		{"quotes", "He said: “We will stay.” Then he left.", []string{"He said: “We will stay.”", "Then he left."}},
		{"exclamation in a quote", "“It is over!” he said. Nobody agreed.", []string{"“It is over!” he said.", "Nobody agreed."}},
		{"question", "Why? Because. Fine!", []string{"Why?", "Because.", "Fine!"}},
		{"ellipsis then capital", "He paused… Then he left.", []string{"He paused…", "Then he left."}},
		{"ellipsis inside", "The talks … were long.", []string{"The talks … were long."}},
		{"three dots", "Wait... Then go.", []string{"Wait...", "Then go."}},
		{"missing space", "a reduction in his influence.The unrest grew.", []string{"a reduction in his influence.", "The unrest grew."}},
		{"lower-case start", "inspired by Western governments. the 2022 unrest spread.", []string{"inspired by Western governments.", "the 2022 unrest spread."}},
		{"etc", "oil, gas, etc. and metals.", []string{"oil, gas, etc. and metals."}},
		{"paragraphs", "First paragraph without stop\n\nSecond paragraph.", []string{"First paragraph without stop", "Second paragraph."}},
		{"heading", "Economic Dependencies\nRussia remains a vital partner.", []string{"Economic Dependencies", "Russia remains a vital partner."}},
		{"heading with colon", "Energy Sector: The Kremlin’s Hold\nKazakhstan relies on Russia.", []string{"Energy Sector: The Kremlin’s Hold", "Kazakhstan relies on Russia."}},
		{"heading CRLF", "Security\r\nTroops arrived.\r\n", []string{"Security", "Troops arrived."}},
		{"soft wrap", "Russia remains a vital economic partner for\nKazakhstan, particularly in energy.", []string{"Russia remains a vital economic partner for\nKazakhstan, particularly in energy."}},
		{"soft wrap before lower case", "The pipeline runs from Tengiz\nto Novorossiysk.", []string{"The pipeline runs from Tengiz\nto Novorossiysk."}},
		{"list", "Key points:\n- transit\n- trade", []string{"Key points:", "- transit", "- trade"}},
		{"list numbers", "Notes: 1. Figures from the ministry. 2. See the treaty.", []string{"Notes: 1. Figures from the ministry.", "2. See the treaty."}},
		{"page furniture", "You may also like\nLeave a Comment\nThis site uses Akismet.", []string{"You may also like", "Leave a Comment", "This site uses Akismet."}},
		{"truncated", "The January 2022 unrest provides a case study. Initially sparked by", []string{"The January 2022 unrest provides a case study.", "Initially sparked by"}},
		{"paragraph separator", "One\u2029Two", []string{"One", "Two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Sentences(tt.in)
			checkSentences(t, tt.in, spans)
			var got []string
			for _, s := range spans {
				got = append(got, tt.in[s.Start:s.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
