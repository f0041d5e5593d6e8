package assess_test

import (
	"os"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/assess"
)

// TestDefaultWeightsFile: data/weights.csv gives the weights of the
// methodology's tables.
func TestDefaultWeightsFile(t *testing.T) {
	f, err := os.Open("../data/weights.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := assess.ParseWeights(f, "weights.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := weights(t)
	for ch, v := range want.Channel {
		if got.Channel[ch] != v {
			t.Errorf("channel %s weight = %v, want %v", ch, got.Channel[ch], v)
		}
	}
	for k, v := range want.Indicator {
		if g, ok := got.Indicator[k]; !ok || g != v {
			t.Errorf("indicator %s weight = %v, want %v", k, g, v)
		}
	}
	if len(got.Channel) != len(want.Channel) || len(got.Indicator) != len(want.Indicator) {
		t.Errorf("%d channels and %d indicators, want %d and %d", len(got.Channel), len(got.Indicator), len(want.Channel), len(want.Indicator))
	}
}

func TestParseWeights(t *testing.T) {
	w, err := assess.ParseWeights(strings.NewReader("# my weights\n"+
		strings.Replace(strings.Replace(defaultWeights, "energy,,1", "energy, , 2.5 ", 1),
			"trade,trade_gdp,0.25", "  trade , trade_gdp , 0", 1)), "mine.csv")
	if err != nil {
		t.Fatal(err)
	}
	if w.Channel[leverage.Energy] != 2.5 {
		t.Errorf("energy weight = %v, want 2.5", w.Channel[leverage.Energy])
	}
	if v, ok := w.Indicator["trade.trade_gdp"]; !ok || v != 0 {
		t.Errorf("trade.trade_gdp weight = %v (given %v), want 0", v, ok)
	}
	if w.Indicator["security.deployments"] != 0.25 {
		t.Errorf("security.deployments weight = %v, want 0.25", w.Indicator["security.deployments"])
	}
}

// TestParseWeightsErrors: every malformed file is an error naming the
// file and, where a line is at fault, the line.
func TestParseWeightsErrors(t *testing.T) {
	replace := func(old, new string) string { return strings.Replace(defaultWeights, old, new, 1) }
	// defaultWeights: line 1 header, line 2 "energy,,1", line 3
	// "energy,transit_share,0.4", ..., line 38 "geography,gateway,0.4".
	tests := []struct {
		name, input, want string
	}{
		{"empty", "", "w.csv: read header"},
		{"bad header", "channel,weight,indicator\n", "w.csv:1: header must be channel,indicator,weight"},
		{"bad header after comments", "# weights\n# more\nchannel,indicator,value\n", "w.csv:3: header must be channel,indicator,weight"},
		{"not a number", replace("energy,transit_share,0.4", "energy,transit_share,heavy"), `w.csv:3: field weight: want a number >= 0, got "heavy"`},
		{"negative", replace("energy,transit_share,0.4", "energy,transit_share,-0.4"), "w.csv:3: field weight: want a number >= 0"},
		{"NaN", replace("energy,transit_share,0.4", "energy,transit_share,NaN"), "w.csv:3: field weight"},
		{"infinite", replace("energy,,1", "energy,,+Inf"), "w.csv:2: field weight"},
		{"empty weight", replace("bloc,,1", "bloc,,"), "w.csv:15: field weight"},
		{"unknown channel", replace("trade,,1", "money,,1"), `w.csv:9: field channel: unknown channel "money"`},
		{"unknown indicator", replace("bloc,shared_igos,0.3", "bloc,shared_ngos,0.3"), `w.csv:18: field indicator: unknown indicator "shared_ngos" in channel bloc`},
		{"indicator of another channel", replace("trade,partner_hhi,0", "trade,route_hhi,0"), `w.csv:14: field indicator: unknown indicator "route_hhi" in channel trade`},
		{"too few fields", replace("people,,1", "people,1"), "w.csv:25: "},
		{"too many fields", replace("people,,1", "people,,1,2"), "w.csv:25: "},
		{"comment lines count", "# a\n" + replace("energy,,1", "energy,,x"), "w.csv:3: field weight"},
		{"no channel weight", replace("geography,,1\n", ""), "w.csv: no weight for channel geography"},
		{"no indicator weight", replace("geography,gateway,0.4\n", ""), "w.csv: no weight for indicator geography.gateway"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := assess.ParseWeights(strings.NewReader(tt.input), "w.csv")
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to start with %q", err, tt.want)
			}
		})
	}
}
