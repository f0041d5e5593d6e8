package text

import "testing"

// d is an expected date mention.
type d struct {
	Text             string
	Year, Month, Day int
	Approx           bool
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want []d
	}{
		{"January 2022", []d{{"January 2022", 2022, 1, 0, false}}},
		{"5 January 2022", []d{{"5 January 2022", 2022, 1, 5, false}}},
		{"on 5th of January 2022", []d{{"5th of January 2022", 2022, 1, 5, false}}},
		{"January 5, 2022", []d{{"January 5, 2022", 2022, 1, 5, false}}},
		{"Sept. 11, 2001", []d{{"Sept. 11, 2001", 2001, 9, 11, false}}},
		{"Jan 2022", []d{{"Jan 2022", 2022, 1, 0, false}}},
		{"2022-01-05", []d{{"2022-01-05", 2022, 1, 5, false}}},
		{"2022-01", []d{{"2022-01", 2022, 1, 0, false}}},
		{"the 2008-09 crisis", []d{{"2008", 2008, 0, 0, false}, {"09", 2009, 0, 0, false}}},
		{"the 2011-12 season", []d{{"2011", 2011, 0, 0, false}, {"12", 2012, 0, 0, false}}},
		{"05.01.2022", []d{{"05.01.2022", 2022, 1, 5, false}}},
		{"early January 2022", []d{{"early January 2022", 2022, 1, 0, true}}},
		{"mid-January 2022", []d{{"mid-January 2022", 2022, 1, 0, true}}},
		{"in 2019", []d{{"2019", 2019, 0, 0, false}}},
		{"the 2022 unrest", []d{{"2022", 2022, 0, 0, false}}},
		{"2022's unrest", []d{{"2022", 2022, 0, 0, false}}},
		{"the 1990s", []d{{"1990s", 1990, 0, 0, true}}},
		{"the 1990's", []d{{"1990's", 1990, 0, 0, true}}},
		{"the early 1990s", []d{{"early 1990s", 1990, 0, 0, true}}},
		{"mid-2023", []d{{"mid-2023", 2023, 0, 0, true}}},
		{"late 2021", []d{{"late 2021", 2021, 0, 0, true}}},
		{"by the end of 2022", []d{{"end of 2022", 2022, 0, 0, true}}},
		{"in the first half of 2024", []d{{"first half of 2024", 2024, 0, 0, true}}},
		{"summer of 2022", []d{{"summer of 2022", 2022, 0, 0, true}}},
		{"around 2020", []d{{"around 2020", 2020, 0, 0, true}}},
		{"pre-2014 borders", []d{{"2014", 2014, 0, 0, false}}},
		{"on 6 January", []d{{"6 January", 0, 1, 6, false}}},
		{"on Feb. 18", []d{{"Feb. 18", 0, 2, 18, false}}},
		{"13–19 January 2022", []d{{"13", 2022, 1, 13, false}, {"19 January 2022", 2022, 1, 19, false}}},
		{"between 13 and 19 January", []d{{"13", 0, 1, 13, false}, {"19 January", 0, 1, 19, false}}},
		{"January–March 2022", []d{{"January", 2022, 1, 0, false}, {"March 2022", 2022, 3, 0, false}}},
		{"2014–22", []d{{"2014", 2014, 0, 0, false}, {"22", 2022, 0, 0, false}}},
		{"from 2019 to 2021", []d{{"2019", 2019, 0, 0, false}, {"2021", 2021, 0, 0, false}}},
		{"a 1994 agreement to 2050", []d{{"1994", 1994, 0, 0, false}, {"2050", 2050, 0, 0, false}}},
		{"in 1731, the Junior Juz", []d{{"1731", 1731, 0, 0, false}}},
		// Not dates.
		{"2,022 troops", nil},
		{"2000 troops arrived", nil},
		{"$2022", nil},
		{"Resolution 2022", nil},
		{"FY2022", nil},
		{"2022%", nil},
		{"1731 people", nil},
		{"31 February 2022", []d{{"February 2022", 2022, 2, 0, false}}},
		{"may 2022", []d{{"2022", 2022, 0, 0, false}}},
		{"March", nil},
		{"3.5 bcm", nil},
		{"at 10:30", nil},
		{"1,998.5", nil},
		{"12 2022", nil},
		{"2022-13-01", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Dates(tt.in)
			checkDates(t, tt.in, got)
			if len(got) != len(tt.want) {
				t.Fatalf("Dates(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.Text || g.Year != w.Year || g.Month != w.Month || g.Day != w.Day || g.Approx != w.Approx {
					t.Errorf("Dates(%q)[%d] = %q %d-%d-%d approx %v, want %q %d-%d-%d approx %v",
						tt.in, i, g.Text, g.Year, g.Month, g.Day, g.Approx, w.Text, w.Year, w.Month, w.Day, w.Approx)
				}
			}
		})
	}
}

// checkDates fails t unless the dates' spans are sound and their fields
// in range.
func checkDates(t *testing.T, text string, ds []DateMention) {
	t.Helper()
	spans := make([]Span, len(ds))
	texts := make([]string, len(ds))
	for i, d := range ds {
		spans[i], texts[i] = d.Span, d.Text
		if d.Year != 0 && (d.Year < 1000 || d.Year > 2199) || d.Month < 0 || d.Month > 12 || d.Day < 0 || d.Day > 31 ||
			d.Day > 0 && d.Month == 0 || d.Year == 0 && d.Day == 0 {
			t.Fatalf("date %q: %d-%d-%d out of range", d.Text, d.Year, d.Month, d.Day)
		}
	}
	checkSpans(t, text, spans, texts)
}
