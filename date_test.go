package leverage_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
)

func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    leverage.Date
		wantErr bool
	}{
		{in: "", want: leverage.Date{}},
		{in: "   ", want: leverage.Date{}},
		{in: "2019", want: leverage.Date{Year: 2019}},
		{in: "2019-03", want: leverage.Date{Year: 2019, Month: 3}},
		{in: "2019-03-20", want: leverage.Date{Year: 2019, Month: 3, Day: 20}},
		{in: " 2022-09-17 ", want: leverage.Date{Year: 2022, Month: 9, Day: 17}},
		{in: "2020-02-29", want: leverage.Date{Year: 2020, Month: 2, Day: 29}},
		{in: "2000-02-29", want: leverage.Date{Year: 2000, Month: 2, Day: 29}},
		{in: "0001", want: leverage.Date{Year: 1}},
		{in: "9999-12-31", want: leverage.Date{Year: 9999, Month: 12, Day: 31}},
		{in: "2019-02-30", wantErr: true},
		{in: "2019-02-29", wantErr: true}, // not a leap year
		{in: "1900-02-29", wantErr: true}, // not a leap year either
		{in: "2019-04-31", wantErr: true},
		{in: "19", wantErr: true},
		{in: "20190", wantErr: true},
		{in: "2019-13", wantErr: true},
		{in: "2019-00", wantErr: true},
		{in: "2019-3", wantErr: true},
		{in: "2019-03-5", wantErr: true},
		{in: "2019-03-00", wantErr: true},
		{in: "2019-03-32", wantErr: true},
		{in: "2019-03-20-01", wantErr: true},
		{in: "2019-", wantErr: true},
		{in: "2019--03", wantErr: true},
		{in: "-2019", wantErr: true},
		{in: "0000", wantErr: true},
		{in: "abcd", wantErr: true},
		{in: "2019-ab", wantErr: true},
		{in: "2019/03/20", wantErr: true},
		{in: "20190320", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := leverage.ParseDate(tt.in)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("ParseDate(%q): got %+v, want an error", tt.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): got error %v, want %+v", tt.in, err, tt.want)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q): got %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

// ParseDate documents the forms YYYY, YYYY-MM and YYYY-MM-DD; strconv.Atoi
// also takes a sign, so these slip through.
func TestParseDateRejectsSigns(t *testing.T) {
	for _, in := range []string{"+201", "2019-+3", "2019-03-+1"} {
		if got, err := leverage.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q): got %+v, want an error", in, got)
		}
	}
}

func TestDateStringRoundTrip(t *testing.T) {
	tests := []struct {
		d    leverage.Date
		want string
	}{
		{leverage.Date{}, ""},
		{leverage.Date{Year: 2019}, "2019"},
		{leverage.Date{Year: 2019, Month: 3}, "2019-03"},
		{leverage.Date{Year: 2019, Month: 3, Day: 20}, "2019-03-20"},
		{leverage.Date{Year: 33, Month: 1, Day: 2}, "0033-01-02"},
	}
	for _, tt := range tests {
		got := tt.d.String()
		if got != tt.want {
			t.Errorf("%+v.String(): got %q, want %q", tt.d, got, tt.want)
		}
		back, err := leverage.ParseDate(got)
		if err != nil || back != tt.d {
			t.Errorf("ParseDate(%q): got %+v, %v, want %+v", got, back, err, tt.d)
		}
	}
}

func TestDateTextMarshalling(t *testing.T) {
	type doc struct {
		D leverage.Date `json:"d"`
	}
	b, err := json.Marshal(doc{leverage.MustDate("2022-09")})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"d":"2022-09"}`; got != want {
		t.Errorf("json.Marshal: got %s, want %s", got, want)
	}
	var v doc
	if err := json.Unmarshal([]byte(`{"d":"2019-03-20"}`), &v); err != nil {
		t.Fatal(err)
	}
	if want := (leverage.Date{Year: 2019, Month: 3, Day: 20}); v.D != want {
		t.Errorf("json.Unmarshal: got %+v, want %+v", v.D, want)
	}
	if err := json.Unmarshal([]byte(`{"d":"2019-02-30"}`), &v); err == nil {
		t.Errorf("json.Unmarshal of 2019-02-30: got no error, want one")
	}
}

func TestMustDatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("MustDate(\"2019-13\"): got no panic, want a panic")
		}
	}()
	leverage.MustDate("2019-13")
}

func TestDateFirstLast(t *testing.T) {
	tests := []struct {
		in          string
		first, last time.Time
	}{
		{"2019", day(2019, 1, 1), day(2019, 12, 31)},
		{"2024", day(2024, 1, 1), day(2024, 12, 31)},
		{"2024-02", day(2024, 2, 1), day(2024, 2, 29)}, // leap year
		{"2023-02", day(2023, 2, 1), day(2023, 2, 28)},
		{"1900-02", day(1900, 2, 1), day(1900, 2, 28)},
		{"2000-02", day(2000, 2, 1), day(2000, 2, 29)},
		{"2019-04", day(2019, 4, 1), day(2019, 4, 30)},
		{"2019-12", day(2019, 12, 1), day(2019, 12, 31)},
		{"2019-03-20", day(2019, 3, 20), day(2019, 3, 20)},
		{"2024-02-29", day(2024, 2, 29), day(2024, 2, 29)},
	}
	for _, tt := range tests {
		d := leverage.MustDate(tt.in)
		if got := d.First(); !got.Equal(tt.first) {
			t.Errorf("%s.First(): got %s, want %s", tt.in, got, tt.first)
		}
		if got := d.Last(); !got.Equal(tt.last) {
			t.Errorf("%s.Last(): got %s, want %s", tt.in, got, tt.last)
		}
	}
}

func TestDateOf(t *testing.T) {
	got := leverage.DateOf(time.Date(2022, 9, 17, 23, 59, 0, 0, time.UTC))
	if want := (leverage.Date{Year: 2022, Month: 9, Day: 17}); got != want {
		t.Errorf("DateOf: got %+v, want %+v", got, want)
	}
}

func TestPeriodContains(t *testing.T) {
	nurSultan := leverage.Period{From: leverage.MustDate("2019-03"), To: leverage.MustDate("2022-09-16")}
	tests := []struct {
		name string
		p    leverage.Period
		t    time.Time
		want bool
	}{
		{"before from", nurSultan, day(2019, 2, 28), false},
		{"first day of from month", nurSultan, day(2019, 3, 1), true},
		{"inside", nurSultan, day(2021, 12, 31), true},
		{"last day of to", nurSultan, day(2022, 9, 16), true},
		{"last moment of to", nurSultan, time.Date(2022, 9, 16, 23, 59, 59, 0, time.UTC), true},
		{"after to", nurSultan, day(2022, 9, 17), false},
		{"year to covers December", leverage.Period{To: leverage.MustDate("2050")}, day(2050, 12, 31), true},
		{"year to ends", leverage.Period{To: leverage.MustDate("2050")}, day(2051, 1, 1), false},
		{"open from", leverage.Period{To: leverage.MustDate("2019-03")}, day(1991, 12, 16), true},
		{"open to", leverage.Period{From: leverage.MustDate("2022-09-17")}, day(2100, 1, 1), true},
		{"open to, before from", leverage.Period{From: leverage.MustDate("2022-09-17")}, day(2022, 9, 16), false},
		{"zero period", leverage.Period{}, day(1, 1, 1), true},
		{"same day", leverage.Period{From: leverage.MustDate("2020-01-01"), To: leverage.MustDate("2020-01-01")}, day(2020, 1, 1), true},
		// The day counts in t's own zone.
		{"local day", nurSultan, time.Date(2022, 9, 16, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.p.Contains(tt.t); got != tt.want {
				t.Errorf("Period{%s}.Contains(%s): got %v, want %v", tt.p, tt.t, got, tt.want)
			}
		})
	}
}

func TestPeriodValidate(t *testing.T) {
	tests := []struct {
		from, to string
		wantErr  bool
	}{
		{"", "", false},
		{"2019", "", false},
		{"", "2019", false},
		{"2019-03", "2022-09-16", false},
		{"2019", "2019", false},
		{"2019-03-15", "2019-03", false}, // the month runs to the 31st
		{"2019-03", "2019-03-01", false}, // the month starts on the 1st
		{"2019", "2019-01-01", false},
		{"2019-04", "2019-03-31", true},
		{"2020", "2019-12-31", true},
		{"2022-09-17", "2022-09-16", true},
	}
	for _, tt := range tests {
		p := leverage.Period{From: leverage.MustDate(tt.from), To: leverage.MustDate(tt.to)}
		err := p.Validate()
		if (err != nil) != tt.wantErr {
			t.Errorf("Period{%q, %q}.Validate(): got %v, want error %v", tt.from, tt.to, err, tt.wantErr)
		}
	}
}

func TestPeriodString(t *testing.T) {
	tests := []struct {
		from, to, want string
	}{
		{"", "", ""},
		{"2019-03", "2022-09-16", "2019-03 to 2022-09-16"},
		{"2015-01-01", "", "from 2015-01-01"},
		{"", "2050", "to 2050"},
	}
	for _, tt := range tests {
		p := leverage.Period{From: leverage.MustDate(tt.from), To: leverage.MustDate(tt.to)}
		if got := p.String(); got != tt.want {
			t.Errorf("Period{%q, %q}.String(): got %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"", "2019", "2019-03", "2019-03-20", "2019-02-30", "19", "2019-13", "2019-3", "2024-02-29", "+201", " 2019 ", "2019-03-20-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := leverage.ParseDate(s)
		if err != nil {
			return
		}
		str := d.String()
		back, err := leverage.ParseDate(str)
		if err != nil {
			t.Fatalf("ParseDate(%q) = %+v, but ParseDate(%q): %v", s, d, str, err)
		}
		if back != d {
			t.Fatalf("ParseDate(%q) = %+v; round trip through %q: got %+v, want %+v", s, d, str, back, d)
		}
		if !d.IsZero() && d.First().After(d.Last()) {
			t.Fatalf("ParseDate(%q) = %+v: First %s after Last %s", s, d, d.First(), d.Last())
		}
	})
}

func TestPeriodOverlaps(t *testing.T) {
	p := func(from, to string) leverage.Period {
		var q leverage.Period
		if from != "" {
			q.From = leverage.MustDate(from)
		}
		if to != "" {
			q.To = leverage.MustDate(to)
		}
		return q
	}
	tests := []struct {
		a, b leverage.Period
		want bool
	}{
		{p("2022-01-06", "2022-01-19"), p("2022-01-06", "2022-01-19"), true},
		{p("2022-01-06", "2022-01-19"), p("2022-01-19", "2022-02"), true}, // one shared day
		{p("2022-01-06", "2022-01-19"), p("2022-01-20", ""), false},
		{p("2022", "2022"), p("2022-12-31", ""), true},
		{p("", "2021"), p("2022", ""), false},
		{p("", ""), p("1990", "1991"), true},
		{p("2015-01-01", ""), p("", "2014-12-31"), false},
	}
	for _, tt := range tests {
		if got := tt.a.Overlaps(tt.b); got != tt.want {
			t.Errorf("%v overlaps %v = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Overlaps(tt.a); got != tt.want {
			t.Errorf("%v overlaps %v = %v, want %v (reversed)", tt.b, tt.a, got, tt.want)
		}
	}
}
