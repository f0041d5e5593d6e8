package country

import (
	"strings"
	"testing"
)

func load(t *testing.T) *Crosswalk {
	t.Helper()
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCOW(t *testing.T) {
	c := load(t)
	for _, tc := range []struct {
		code string
		want int // 0: not found
	}{
		// COW numbers and abbreviations.
		{"705", 705},
		{" 365 ", 365},
		{"2", 2},
		{"KZK", 705},
		{"kzk", 705},
		{"GFR", 260},
		{"GDR", 265},
		{"YAR", 678},
		{"RVN", 817},
		// ISO alpha-3, current and withdrawn.
		{"KAZ", 705},
		{"kaz", 705},
		{"RUS", 365},
		{"SUN", 365},
		{"DEU", 255},
		{"SRB", 345},
		{"YUG", 345},
		{"SCG", 345},
		{"CZE", 316}, // ISO wins over COW's CZE (Czechoslovakia)
		{"CSK", 315},
		{"AUS", 900}, // ISO Australia, not COW's Austria
		{"AUT", 305},
		{"YEM", 679},
		{"YMD", 680},
		{"VNM", 816},
		{"DDR", 265},
		{"ZAR", 490},
		{"TMP", 860},
		{"TWN", 713},
		// ISO numeric, padded or not; a COW number wins when unpadded.
		{"398", 705},
		{"004", 700},
		{"4", 700},
		{"643", 365},
		{"810", 365},
		{"891", 345},
		{"200", 200}, // COW's United Kingdom, not ISO's Czechoslovakia
		{"0", 0},
		// Names and aliases, folded.
		{"Kazakhstan", 705},
		{"russian federation", 365},
		{"Soviet Union", 365},
		{"Türkiye", 640},
		{"turkey", 640},
		{"Côte d'Ivoire", 437},
		{"Cote d’Ivoire", 437},
		{"Ivory Coast", 437},
		{"German Federal Republic", 260},
		{"West Germany", 260},
		{"Germany", 255},
		{"Yugoslavia", 345},
		{"Serbia", 345},
		{"Czechoslovakia", 315},
		{"Czechia", 316},
		{"Czech Republic", 316},
		{"Yemen Arab Republic", 678},
		{"South Vietnam", 817},
		{"Viet Nam", 816},
		{"Dem. People's Republic of Korea", 731},
		{"Republic of Korea", 732},
		{"Micronesia (Fed. States of)", 987},
		{"Bolivia (Plurinational State of)", 145},
		{"Bahamas", 31},
		{"Holy See", 327},
		// Not states of the COW system.
		{"", 0},
		{"Micronesia", 0},
		{"Caribbean", 0},
		{"China, Hong Kong SAR", 0},
		{"HKG", 0},
		{"PSE", 0},
		{"XYZ", 0},
		{"99999999999999999999", 0},
	} {
		got, ok := c.COW(tc.code)
		if got != tc.want || ok != (tc.want != 0) {
			t.Errorf("COW(%q) = %d, %v; want %d", tc.code, got, ok, tc.want)
		}
	}
}

func TestCodesAndNames(t *testing.T) {
	c := load(t)
	for _, tc := range []struct {
		cow        int
		iso3, name string
	}{
		{705, "KAZ", "Kazakhstan"},
		{365, "RUS", "Russia"},
		{255, "DEU", "Germany"},
		{260, "", "German Federal Republic"},
		{265, "", "German Democratic Republic"},
		{345, "SRB", "Yugoslavia"},
		{315, "", "Czechoslovakia"},
		{316, "CZE", "Czech Republic"},
		{678, "", "Yemen Arab Republic"},
		{679, "YEM", "Yemen"},
		{680, "", "Yemen People's Republic"},
		{816, "VNM", "Vietnam"},
		{817, "", "Republic of Vietnam"},
		{1, "", ""},
	} {
		if got := c.ISO3(tc.cow); got != tc.iso3 {
			t.Errorf("ISO3(%d) = %q, want %q", tc.cow, got, tc.iso3)
		}
		if got := c.Name(tc.cow); got != tc.name {
			t.Errorf("Name(%d) = %q, want %q", tc.cow, got, tc.name)
		}
	}
	if got, ok := c.ByISONumeric(705); got != 349 || !ok {
		t.Errorf("ByISONumeric(705) = %d, %v; want Slovenia, 349", got, ok)
	}
	if got, ok := c.ByCOWAbb("AUS"); got != 305 || !ok {
		t.Errorf("ByCOWAbb(AUS) = %d, %v; want Austria, 305", got, ok)
	}
	if got, ok := c.ByISO3("KZK"); ok {
		t.Errorf("ByISO3(KZK) = %d, want none", got)
	}
}

func TestMember(t *testing.T) {
	c := load(t)
	for _, tc := range []struct {
		cow, year int
		want      bool
	}{
		{705, 1991, true},
		{705, 1990, false},
		{705, 2024, true}, // membership running to the end of the list stays open
		{255, 1945, true},
		{255, 1946, false},
		{255, 1990, true},
		{260, 1955, true},
		{260, 1991, false},
		{817, 1975, true},
		{817, 1976, false},
	} {
		k, ok := c.Country(tc.cow)
		if !ok {
			t.Fatalf("Country(%d) not found", tc.cow)
		}
		if got := k.Member(tc.year); got != tc.want {
			t.Errorf("%d member in %d = %v, want %v", tc.cow, tc.year, got, tc.want)
		}
	}
	if n := len(c.Countries()); n != 217 {
		t.Errorf("%d states, want the 217 of the COW list v2016", n)
	}
}

func TestParseErrors(t *testing.T) {
	const head = "cow,cowc,iso3,isonum,name,english,former_iso3,former_isonum,aliases,members\n"
	for _, tc := range []struct {
		in, want string
	}{
		{"cow,cowc\n", "t.csv: header"},
		{head + "x,AAA,,,A,A,,,,1816-01-01/\n", `t.csv:2:1: field cow: want a positive integer, got "x"`},
		{head + "1,AAA,,x,A,A,,,,1816-01-01/\n", `t.csv:2:8: field isonum: want a positive integer, got "x"`},
		{head + "1,AAA,,,A,A,,,,1816/1815\n", `t.csv:2:16: field members: want periods FROM/TO, got "1816/1815"`},
		{head + "1,AAA,,,A,A,,,,\n2,AAA,,,B,B,,,,\n", `t.csv:3: COW abbreviation AAA of state 2 is also state 1's`},
		{head + "1,AAA,XXX,,A,A,,,,\n2,BBB,,,B,B,XXX,,,\n", `t.csv:3: ISO3 code XXX of state 2 is also state 1's`},
		{head + "1,AAA,,,Côte,A,,,,\n2,BBB,,,B,B,,,cote,\n", `t.csv:3: name cote of state 2 is also state 1's`},
		{head + "1,AAA,,,A,A,,,,\n1,BBB,,,B,B,,,,\n", `state 1 listed twice`},
		{head + "1,,,,A,A,,,,\n", `t.csv:2:3: field cowc: required`},
		{head + "1,AAA,,,A\n", `t.csv:2:1: wrong number of fields`},
	} {
		_, err := Parse(strings.NewReader(tc.in), "t.csv")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want error containing %q", tc.in, err, tc.want)
		}
	}
}
