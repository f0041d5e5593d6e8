package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"github.com/leverage-dev/leverage/internal/golden"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

func f64(v float64) *float64 { return &v }

// fixture is a small assessment of Russia and Kazakhstan, built by hand so
// that the report tests do not depend on the dataset or the method. It holds
// three channels both ways: energy (routes, a context indicator, a
// part-year qualification, more sources than the table shows), trade
// (counter-leverage partners, an indicator without data) and political (a
// dated fact, a score without a measured value). Reverse energy has no data
// at all, and reverse political scores exactly 0, so that "no data" and 0
// can be told apart.
func fixture() *assess.Assessment {
	return &assess.Assessment{
		Schema: assess.Schema,
		AsOf:   "2025-12-31",
		Year:   2025,
		Forward: assess.Direction{
			Holder:    assess.Ref{ID: "RUS", Name: "Russia"},
			Target:    assess.Ref{ID: "KAZ", Name: "Kazakhstan"},
			Composite: f64(0.71),
			Coverage:  1,
			Channels: []assess.ChannelResult{
				{
					Channel: leverage.Energy, Title: "Energy transit", Score: f64(0.9), Coverage: 1, Weight: 1,
					Indicators: []assess.Indicator{
						{ID: "transit_share", Label: "Share of Kazakhstan's oil exports on routes crossing Russia",
							Value: f64(96.16), Unit: "%", Text: "Jan-Oct", Year: 2024, Score: f64(0.9616), Weight: 0.6,
							Transform: "share: value / 100", Facts: []string{"vol-2024-cpc", "vol-2024-rail"},
							Sources: []string{"trend-1", "kmg-ar2020", "gem-goit"}},
						{ID: "route_hhi", Label: "Concentration of Kazakhstan's export volumes over routes (HHI)",
							Value: f64(0.6702), Unit: "index", Year: 2024, Weight: 0, Transform: "context",
							Facts: []string{"vol-2024-cpc"}, Sources: []string{"trend-1"}, Note: "over 2 routes"},
					},
					Routes: []assess.Route{
						{ID: "KZ-CPC", Name: "Kazakh crude via CPC", Chain: []string{"Tengiz", "CPC"}, Capacity: f64(67),
							Bottleneck: "CPC", States: []string{"RUS"}, CrossesA: true, Volume: f64(46.3), VolumeYear: 2024,
							Facts: []string{"cap-cpc", "vol-2024-cpc"}, Sources: []string{"kmg-ar2020", "trend-1"}},
						{ID: "KZ-RAIL", Name: "Kazakh crude by rail via Russia", Chain: []string{"rail"},
							States: []string{"RUS", "BLR"}, CrossesA: true, Facts: []string{"route-rail"}, Sources: []string{"gem-goit"}},
					},
				},
				{
					Channel: leverage.Trade, Title: "Trade", Score: f64(0.28), Coverage: 0.75, Weight: 1,
					Indicators: []assess.Indicator{
						{ID: "export_share", Label: "Russia's share of Kazakhstan's exports", Value: f64(11.1), Unit: "%",
							Year: 2021, Score: f64(0.111), Weight: 0.2, Transform: "share: value / 100",
							Facts: []string{"trade-2021"}, Sources: []string{"kaz-bns-trade"}, Note: "6692 of 60321 USD m"},
						{ID: "trade_gdp", Label: "Kazakhstan's trade with Russia as % of its GDP", Unit: "% of GDP",
							Weight: 0.25, Transform: "ln(1 + value) / ln(101)", Missing: "no GDP figure up to 2025"},
					},
					Partners: []assess.Partner{
						{Ref: assess.Ref{ID: "CHN", Name: "China"}, Indicators: []assess.Indicator{
							{ID: "export_share", Value: f64(17.5), Unit: "%", Year: 2014, Score: f64(0.175), Sources: []string{"cow-trade-v4"}},
							{ID: "import_share", Value: f64(29), Unit: "%", Year: 2025, Score: f64(0.29), Sources: []string{"kaz-bns-trade"}},
							{ID: "trade_share", Unit: "%", Missing: "no total"},
						}},
					},
				},
				{
					Channel: leverage.Political, Title: "Political", Score: f64(0.5), Coverage: 1, Weight: 0.5,
					Indicators: []assess.Indicator{
						{ID: "stance_on_unrest", Label: "Russia's stance toward unrest in Kazakhstan", Value: f64(3), Unit: "ordinal",
							Date: "2022-01-06 to 2022-01-19", Score: f64(1), Weight: 0.5, Transform: "value / 3",
							Facts: []string{"csto-2022"}, Sources: []string{"csto-2022"}, Note: "CSTO deployment | requested by Tokayev"},
						{ID: "alignment", Label: "Kazakhstan's alignment with Russia", Text: "multi-vector", Score: f64(0),
							Weight: 0.5, Transform: "value / 3", Facts: []string{"align"}, Sources: []string{"csto-2022"}},
					},
				},
			},
		},
		Reverse: assess.Direction{
			Holder:    assess.Ref{ID: "KAZ", Name: "Kazakhstan"},
			Target:    assess.Ref{ID: "RUS", Name: "Russia"},
			Composite: f64(0.02),
			Coverage:  0.75,
			Channels: []assess.ChannelResult{
				{
					Channel: leverage.Energy, Title: "Energy transit", Coverage: 0, Weight: 1,
					Indicators: []assess.Indicator{
						{ID: "transit_share", Label: "Share of Russia's oil exports on routes crossing Kazakhstan", Unit: "%",
							Weight: 0.6, Transform: "share: value / 100", Missing: "no export routes of Russia's on record"},
					},
					Missing: "no data: none of this channel's scored indicators has facts for this pair",
				},
				{
					Channel: leverage.Trade, Title: "Trade", Score: f64(0.03), Coverage: 1, Weight: 1,
					Indicators: []assess.Indicator{
						{ID: "export_share", Label: "Kazakhstan's share of Russia's exports", Value: f64(3.04), Unit: "%",
							Year: 2021, Score: f64(0.0304), Weight: 0.2, Transform: "share: value / 100",
							Facts: []string{"trade-2021"}, Sources: []string{"kaz-bns-trade"}},
					},
				},
				{
					Channel: leverage.Political, Title: "Political", Score: f64(0), Coverage: 1, Weight: 0.5,
					Indicators: []assess.Indicator{
						{ID: "defense_pact", Label: "Defence pact", Value: f64(0), Unit: "flag", Score: f64(0), Weight: 1,
							Transform: "flag", Facts: []string{"atop"}, Sources: []string{"atop-5.1"}},
					},
				},
			},
		},
		Asymmetry: f64(0.2),
		Gaps: []assess.ChannelGap{
			{Channel: leverage.Energy},
			{Channel: leverage.Trade, Gap: f64(0.25)},
			{Channel: leverage.Political, Gap: f64(0.5)},
		},
		Sources: []*leverage.Source{
			{ID: "atop-5.1", Kind: leverage.SourceDataset, Title: "ATOP 5.1", Publisher: "ATOP project", URL: "http://www.atopdata.org/"},
			{ID: "cow-trade-v4", Kind: leverage.SourceDataset, Title: "COW Trade v4.0", Date: leverage.MustDate("2017")},
			{ID: "csto-2022", Kind: leverage.SourceNews, Title: "CSTO sends troops | Kazakhstan", Publisher: "Reuters",
				Date: leverage.MustDate("2022-01-06"), Accessed: leverage.MustDate("2025-03"), Note: "live page"},
			{ID: "gem-goit", Kind: leverage.SourceDataset, Title: "Global Oil Infrastructure Tracker", Publisher: "Global Energy Monitor"},
			{ID: "kaz-bns-trade", Kind: leverage.SourceOfficial, Title: "Foreign trade of Kazakhstan", Publisher: "BNS", Date: leverage.MustDate("2025-02")},
			{ID: "kmg-ar2020", Kind: leverage.SourceOfficial, Title: "KMG annual report 2020", Publisher: "KazMunayGas", Date: leverage.MustDate("2021")},
			{ID: "trend-1", Kind: leverage.SourceNews, Title: "Kazakhstan's oil exports", Publisher: "Trend", Date: leverage.MustDate("2024-11")},
		},
	}
}

func render(t *testing.T, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, fixture(), format); err != nil {
		t.Fatalf("Write(%q): %v", format, err)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		format, file string
	}{
		{"table", "assessment.txt"},
		{"json", "assessment.json"},
		{"csv", "assessment.csv"},
		{"md", "assessment.md"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			golden.Check(t, tt.file, render(t, tt.format))
		})
	}
}

func TestWriteFormats(t *testing.T) {
	direct := map[string]func(*bytes.Buffer) error{
		"table": func(b *bytes.Buffer) error { return Table(b, fixture()) },
		"":      func(b *bytes.Buffer) error { return Table(b, fixture()) },
		"json":  func(b *bytes.Buffer) error { return JSON(b, fixture()) },
		"csv":   func(b *bytes.Buffer) error { return CSV(b, fixture()) },
		"md":    func(b *bytes.Buffer) error { return Markdown(b, fixture()) },
	}
	for _, format := range append([]string{""}, Formats...) {
		t.Run(format, func(t *testing.T) {
			fn, ok := direct[format]
			if !ok {
				t.Fatalf("Formats lists %q, which this test does not know", format)
			}
			var want bytes.Buffer
			if err := fn(&want); err != nil {
				t.Fatal(err)
			}
			if got := render(t, format); got != want.String() {
				t.Errorf("Write(%q) differs from the format's own function", format)
			}
			if want.Len() == 0 {
				t.Errorf("format %q wrote nothing", format)
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	for _, format := range []string{"xml", "JSON", "markdown", "tsv", " table"} {
		var b bytes.Buffer
		err := Write(&b, fixture(), format)
		if err == nil {
			t.Errorf("Write(%q): no error", format)
			continue
		}
		if !strings.Contains(err.Error(), strconv.Quote(format)) || !strings.Contains(err.Error(), "table, json, csv, md") {
			t.Errorf("Write(%q): error %q should name the format and the formats accepted", format, err)
		}
		if b.Len() != 0 {
			t.Errorf("Write(%q) wrote %q before failing", format, b.String())
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	in := fixture()
	out := render(t, "json")
	var got assess.Assessment
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not valid JSON: %v", err)
	}
	if !reflect.DeepEqual(&got, in) {
		a, _ := json.Marshal(in)
		b, _ := json.Marshal(&got)
		t.Errorf("JSON does not round-trip:\nwant %s\n got %s", a, b)
	}
}

// docs/json.md: null means "no data", never 0; and the documented keys are
// present.
func TestJSONNullIsNoData(t *testing.T) {
	var doc struct {
		Schema    string   `json:"schema"`
		Asymmetry *float64 `json:"asymmetry"`
		Reverse   struct {
			Composite *float64 `json:"composite"`
			Channels  []map[string]any
		} `json:"reverse"`
		Gaps []map[string]any `json:"channel_asymmetry"`
	}
	out := render(t, "json")
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != "leverage.assessment/v1" {
		t.Errorf("schema = %q", doc.Schema)
	}
	tests := []struct {
		name string
		got  map[string]any
		key  string
		want any // nil means JSON null
	}{
		{"reverse energy score", doc.Reverse.Channels[0], "score", nil},
		{"reverse political score", doc.Reverse.Channels[2], "score", 0.0},
		{"reverse trade score", doc.Reverse.Channels[1], "score", 0.03},
		{"energy gap", doc.Gaps[0], "gap", nil},
		{"trade gap", doc.Gaps[1], "gap", 0.25},
	}
	for _, tt := range tests {
		v, ok := tt.got[tt.key]
		if !ok {
			t.Errorf("%s: key %q missing (null must be written, not omitted)", tt.name, tt.key)
			continue
		}
		if v != tt.want {
			t.Errorf("%s: %s = %v, want %v", tt.name, tt.key, v, tt.want)
		}
	}
	if !strings.Contains(out, `"value": null`) {
		t.Error("an indicator without a value should have \"value\": null")
	}
}

func TestCSV(t *testing.T) {
	out := render(t, "csv")
	r := csv.NewReader(strings.NewReader(out))
	r.FieldsPerRecord = 0 // every record as long as the header
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse with a constant number of fields: %v", err)
	}
	as := fixture()
	n := 0
	for _, d := range []assess.Direction{as.Forward, as.Reverse} {
		for _, c := range d.Channels {
			n += len(c.Indicators)
		}
	}
	if len(recs) != n+1 {
		t.Fatalf("%d records, want a header and one row per indicator (%d)", len(recs), n+1)
	}
	header := recs[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, h := range []string{"holder", "target", "as_of", "channel", "channel_score", "indicator", "value", "unit", "year", "score", "weight", "facts", "sources", "missing"} {
		if _, ok := col[h]; !ok {
			t.Errorf("header %v lacks column %q", header, h)
		}
	}
	find := func(holder, channel, indicator string) []string {
		for _, r := range recs[1:] {
			if r[col["holder"]] == holder && r[col["channel"]] == channel && r[col["indicator"]] == indicator {
				return r
			}
		}
		t.Fatalf("no row for %s %s.%s", holder, channel, indicator)
		return nil
	}
	tests := []struct {
		holder, channel, indicator, column, want string
	}{
		{"RUS", "energy", "transit_share", "channel_score", "0.9000"},
		{"RUS", "energy", "transit_share", "value", "96.1600"},
		{"RUS", "energy", "transit_share", "year", "2024"},
		{"RUS", "energy", "transit_share", "text", "Jan-Oct"},
		{"RUS", "energy", "transit_share", "sources", "trend-1;kmg-ar2020;gem-goit"},
		{"RUS", "energy", "transit_share", "facts", "vol-2024-cpc;vol-2024-rail"},
		{"RUS", "energy", "transit_share", "weight", "0.6"},
		{"RUS", "energy", "route_hhi", "score", "–"}, // context: no score
		{"RUS", "political", "stance_on_unrest", "date", "2022-01-06 to 2022-01-19"},
		{"RUS", "political", "stance_on_unrest", "year", ""},
		{"RUS", "political", "alignment", "value", "–"},
		{"RUS", "political", "alignment", "text", "multi-vector"},
		{"RUS", "political", "alignment", "score", "0.0000"},
		{"RUS", "trade", "trade_gdp", "value", "–"},
		{"RUS", "trade", "trade_gdp", "missing", "no GDP figure up to 2025"},
		// A channel without data is "–", never 0; one scoring 0 is 0.
		{"KAZ", "energy", "transit_share", "channel_score", "–"},
		{"KAZ", "energy", "transit_share", "value", "–"},
		{"KAZ", "energy", "transit_share", "score", "–"},
		{"KAZ", "energy", "transit_share", "target", "RUS"},
		{"KAZ", "energy", "transit_share", "as_of", "2025-12-31"},
		{"KAZ", "political", "defense_pact", "channel_score", "0.0000"},
		{"KAZ", "political", "defense_pact", "value", "0.0000"},
	}
	for _, tt := range tests {
		row := find(tt.holder, tt.channel, tt.indicator)
		if got := row[col[tt.column]]; got != tt.want {
			t.Errorf("%s %s.%s %s = %q, want %q", tt.holder, tt.channel, tt.indicator, tt.column, got, tt.want)
		}
	}
}

// mdCells splits a Markdown table row into its cells, honouring \| escapes.
func mdCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteString(`\|`)
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// mdTables returns the Markdown tables in s: runs of lines starting with |.
func mdTables(s string) [][]string {
	var tables [][]string
	var cur []string
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "|") {
			cur = append(cur, line)
			continue
		}
		if cur != nil {
			tables = append(tables, cur)
			cur = nil
		}
	}
	if cur != nil {
		tables = append(tables, cur)
	}
	return tables
}

func checkMarkdownTables(t *testing.T, out string, wantTables int) {
	t.Helper()
	tables := mdTables(out)
	if len(tables) != wantTables {
		t.Errorf("%d tables, want %d", len(tables), wantTables)
	}
	for _, tab := range tables {
		if len(tab) < 2 {
			t.Errorf("table without a header and separator: %q", tab)
			continue
		}
		n := len(mdCells(tab[0]))
		for _, c := range mdCells(tab[1]) {
			if strings.Trim(c, "-:") != "" || c == "" {
				t.Errorf("second row of table %q is not a separator", tab[0])
				break
			}
		}
		for _, row := range tab[1:] {
			if got := len(mdCells(row)); got != n {
				t.Errorf("row has %d cells, header %d:\n%s\n%s", got, n, tab[0], row)
			}
		}
	}
}

func TestMarkdownTables(t *testing.T) {
	out := render(t, "md")
	// The summary, one indicator table per channel and direction, the
	// routes and the partners.
	checkMarkdownTables(t, out, 1+3+3+1+1)
}

// Every source is defined as a footnote once and referenced from the body:
// Markdown renderers drop footnotes nothing refers to, which would hide the
// source of a figure (here cow-trade-v4, cited only by a counter-leverage
// partner).
func TestMarkdownFootnotes(t *testing.T) {
	out := render(t, "md")
	for _, s := range fixture().Sources {
		ref, def := "[^"+s.ID+"]", "[^"+s.ID+"]: "
		if n := strings.Count(out, def); n != 1 {
			t.Errorf("footnote %s defined %d times, want 1", s.ID, n)
		}
		if refs := strings.Count(out, ref) - strings.Count(out, def); refs < 1 {
			t.Errorf("footnote %s is defined but never referenced", s.ID)
		}
	}
}

// Text from the dataset (names, notes, periods, bottlenecks, titles) may hold
// a |; it must not split a Markdown cell.
func TestMarkdownEscapesPipes(t *testing.T) {
	as := fixture()
	as.Forward.Holder.Name = "Russia | RF"
	as.Reverse.Target.Name = "Russia | RF"
	as.Forward.Channels[0].Title = "Energy | transit"
	as.Forward.Channels[0].Routes[0].Bottleneck = "CPC|1"
	as.Forward.Channels[0].Routes[0].States = []string{"RUS|X"}
	as.Forward.Channels[1].Partners[0].Name = "China | PRC"
	as.Forward.Channels[1].Partners[0].Indicators[0].Unit = "|"
	as.Forward.Channels[2].Indicators[0].Date = "2022-01-06 | 2022-01-19"
	as.Forward.Channels[2].Indicators[1].Text = "multi|vector"
	var b bytes.Buffer
	if err := Markdown(&b, as); err != nil {
		t.Fatal(err)
	}
	checkMarkdownTables(t, b.String(), 1+3+3+1+1)
}

// A channel without data reads "–" or "no data" in every human format,
// never 0; a channel scoring 0 reads 0.00.
func TestNoDataIsNotZero(t *testing.T) {
	tests := []struct {
		format string
		want   []string // lines or fragments that must appear
	}{
		{"table", []string{
			"ENERGY TRANSIT: score – (coverage 0%)",
			"  no data: none of this channel's scored indicators has facts for this pair",
			"POLITICAL: score 0.00 (coverage 100%)",
		}},
		{"md", []string{
			"| Energy transit | 0.90 | – | – |",
			"| Political | 0.50 | 0.00 | +0.50 |",
			"### Energy transit — –\n\n_no data: none of this channel's scored indicators has facts for this pair_",
			"### Political — 0.00",
			"| Share of Russia's oil exports on routes crossing Kazakhstan | no data |  | – | 0.60 |  | no export routes of Russia's on record |",
		}},
	}
	for _, tt := range tests {
		out := render(t, tt.format)
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s output lacks %q", tt.format, w)
			}
		}
	}
}

func TestTableSummary(t *testing.T) {
	out := render(t, "table")
	lines := strings.Split(out, "\n")
	if want := "Leverage of Russia over Kazakhstan, as of 2025-12-31 (data up to 2025)"; lines[0] != want {
		t.Errorf("first line %q, want %q", lines[0], want)
	}
	tests := []struct {
		prefix string
		fields []string
	}{
		{"CHANNEL", []string{"RUS→KAZ", "KAZ→RUS", "ASYMMETRY"}},
		{"Energy transit", []string{"0.90", "–", "–"}},
		{"Trade", []string{"0.28", "0.03", "+0.25"}},
		{"Political", []string{"0.50", "0.00", "+0.50"}},
		{"Composite", []string{"0.71", "0.02", "+0.20"}},
		{"Coverage", []string{"100%", "75%"}},
	}
	for _, tt := range tests {
		found := false
		for _, l := range lines[1:10] {
			if rest, ok := strings.CutPrefix(l, tt.prefix+" "); ok {
				found = true
				if got := strings.Fields(rest); !reflect.DeepEqual(got, tt.fields) {
					t.Errorf("summary row %s = %q, want %q", tt.prefix, got, tt.fields)
				}
				break
			}
		}
		if !found {
			t.Errorf("no summary row %s in\n%s", tt.prefix, strings.Join(lines[:10], "\n"))
		}
	}
	for _, w := range []string{
		"== Russia over Kazakhstan ==", "== Kazakhstan over Russia ==",
		"trend-1, kmg-ar2020 +1", // three sources, two shown
		"Kazakh crude via CPC", "67.0 Mt/y", "46.3 Mt (2024)",
		"unknown", // the rail route's capacity
		"17.5% (2014)", "29.0% (2025)", "no data",
		"2022-01-06 to 2022-01-19",
		"SOURCES",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("table lacks %q", w)
		}
	}
}

func TestValue(t *testing.T) {
	tests := []struct {
		in   assess.Indicator
		want string
	}{
		{assess.Indicator{Value: f64(96.16), Unit: "%"}, "96.2%"},
		{assess.Indicator{Value: f64(11.64), Unit: "% of GDP"}, "11.6 % of GDP"},
		{assess.Indicator{Value: f64(46.25), Unit: "Mt"}, "46.2 Mt"},
		{assess.Indicator{Value: f64(0.6702), Unit: "index"}, "0.670 index"},
		{assess.Indicator{Value: f64(6846.4), Unit: "km"}, "6846 km"},
		{assess.Indicator{Value: f64(2500), Unit: "personnel"}, "2500 personnel"},
		{assess.Indicator{Value: f64(3), Unit: "count"}, "3"},
		{assess.Indicator{Value: f64(2), Unit: "ordinal"}, "2 of 3"},
		{assess.Indicator{Value: f64(1), Unit: "code"}, "1 code"},
		{assess.Indicator{Value: f64(1), Unit: "flag"}, "yes"},
		{assess.Indicator{Value: f64(0), Unit: "flag"}, "no"},
		{assess.Indicator{Value: f64(0), Unit: "%"}, "0.0%"},
		{assess.Indicator{Unit: "%"}, "no data"},
		{assess.Indicator{Unit: "code", Text: "not contiguous", Score: f64(0)}, "not contiguous"},
		{assess.Indicator{Unit: "code", Text: "coded, unscored"}, "no data"},
	}
	for _, tt := range tests {
		if got := value(tt.in); got != tt.want {
			t.Errorf("value(%+v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSources(t *testing.T) {
	tests := []struct {
		ids  []string
		max  int
		want string
	}{
		{nil, 2, ""},
		{[]string{"a"}, 2, "a"},
		{[]string{"a", "b"}, 2, "a, b"},
		{[]string{"a", "b", "c"}, 2, "a, b +1"},
		{[]string{"a", "b", "c", "d"}, 1, "a +3"},
	}
	for _, tt := range tests {
		if got := sources(tt.ids, tt.max); got != tt.want {
			t.Errorf("sources(%q, %d) = %q, want %q", tt.ids, tt.max, got, tt.want)
		}
	}
}
