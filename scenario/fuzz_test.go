package scenario_test

import (
	"io/fs"
	"testing"

	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/scenario"
)

// FuzzParse checks that no input makes Parse panic, and that every error
// names the file.
func FuzzParse(f *testing.F) {
	files, _ := fs.Glob(data.Scenarios(), "*.yaml")
	for _, file := range files {
		b, err := fs.ReadFile(data.Scenarios(), file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(base))
	f.Add([]byte("name: x\nshocks: [{type: set_fact, value: {discrete: {values: [1], probs: [1]}}}]\n"))
	f.Add([]byte("a: &x [*x]\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := scenario.Parse(b, "f.yaml")
		if err != nil {
			if s != nil {
				t.Fatal("a scenario and an error")
			}
			if msg := err.Error(); len(msg) < 7 || msg[:7] != "f.yaml:" {
				t.Fatalf("error %q does not name the file", msg)
			}
			return
		}
		for _, in := range s.Inputs() {
			lo, hi := in.Value.Support()
			if lo > hi {
				t.Fatalf("%s: support [%v, %v]", in.Label, lo, hi)
			}
			_ = in.Value.Mean()
			_ = in.Value.Quantile(0.5)
		}
	})
}
