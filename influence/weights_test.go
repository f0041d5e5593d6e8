package influence

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseWeightsErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"header", "a,b,c,d\n", "w.csv:1: header must be"},
		{"negative", WeightsHeader + "\nbandwidth,,x,-1\n", "w.csv:2: field weight"},
		{"not a number", WeightsHeader + "\n# comment\nbandwidth,,x,abc\n", "w.csv:3: field weight"},
		{"no indicator", WeightsHeader + "\nbandwidth,,,1\n", "w.csv:2: part and indicator required"},
		{"twice", WeightsHeader + "\nbandwidth,,x,1\nbandwidth,,x,2\n", "w.csv:3: weight of bandwidth x given twice"},
		{"fields", WeightsHeader + "\nbandwidth,x,1\n", "w.csv:2:"},
		{"empty", "", "w.csv: read header"},
	}
	for _, tt := range tests {
		_, err := ParseWeights(strings.NewReader(tt.in), "w.csv")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

func TestWeightsRoundTrip(t *testing.T) {
	in := WeightsHeader + "\nbandwidth,economic,trade,0.49\ndependence,,dep_imp,0.5\n"
	w, err := ParseWeights(strings.NewReader(in), "w.csv")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if b.String() != in {
		t.Errorf("WriteCSV = %q, want %q", b.String(), in)
	}
	if err := w.Require("w.csv", [2]string{"bandwidth", "trade"}, [2]string{"dependence", "dep_imp"}); err != nil {
		t.Error(err)
	}
	if err := w.Require("w.csv", [2]string{"bandwidth", "trade"}); err == nil || !strings.Contains(err.Error(), "unknown indicator dependence dep_imp") {
		t.Errorf("Require with an extra weight: %v", err)
	}
	if err := w.Require("w.csv", [2]string{"bandwidth", "igos"}, [2]string{"bandwidth", "trade"}, [2]string{"dependence", "dep_imp"}); err == nil || !strings.Contains(err.Error(), "no weight for bandwidth igos") {
		t.Errorf("Require with a missing weight: %v", err)
	}
}

func FuzzParseWeights(f *testing.F) {
	f.Add(WeightsHeader + "\nbandwidth,economic,trade,0.49\n")
	f.Add("part,dimension,indicator,weight\n\"x\ny\",,a,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		w, err := ParseWeights(strings.NewReader(in), "f.csv")
		if err != nil {
			return
		}
		for _, x := range w {
			if x.Value < 0 || x.Part == "" || x.Indicator == "" {
				t.Fatalf("accepted bad weight %+v", x)
			}
		}
	})
}
