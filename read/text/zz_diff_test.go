package text

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/read/text/zzold"
)

func zzCompare(t *testing.T, s string) {
	{
		got, want := Sentences(s), zzold.Sentences(s)
		var w []Span
		for _, x := range want {
			w = append(w, Span(x))
		}
		if len(got) == 0 && len(w) == 0 {
		} else if !reflect.DeepEqual(got, w) {
			for i := range min(len(got), len(w)) {
				if got[i] != w[i] {
					t.Fatalf("Sentences differ at %d: got %q want %q", i, s[got[i].Start:got[i].End], s[w[i].Start:w[i].End])
				}
			}
			t.Fatalf("Sentences differ: %d vs %d", len(got), len(w))
		}
	}
	{
		got, want := Quantities(s), zzold.Quantities(s)
		if len(got) != len(want) {
			t.Fatalf("Quantities differ in length %d vs %d", len(got), len(want))
		}
		for i := range got {
			a, _ := jsonish(got[i]), 0
			bb := jsonish(want[i])
			if a != bb {
				t.Fatalf("Quantities differ: %s vs %s", a, bb)
			}
		}
	}
	{
		got, want := Dates(s), zzold.Dates(s)
		if len(got) != len(want) {
			t.Fatalf("Dates differ in length")
		}
		for i := range got {
			if jsonish(got[i]) != jsonish(want[i]) {
				t.Fatalf("Dates differ")
			}
		}
	}
}

func jsonish(v any) string {
	return strings.ReplaceAll(strings.ReplaceAll(fmtV(v), "zzold.", ""), "text.", "")
}

func TestZZDiff(t *testing.T) {
	for _, p := range []string{"/tmp/newsmain.txt", "../../../shared/inputs/articles/russia-kazakhstan-strategic-target.txt", "testdata/news.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		zzCompare(t, string(b))
		for _, l := range strings.Split(string(b), "\n\n") {
			zzCompare(t, l)
		}
	}
}

func FuzzZZDiff(f *testing.F) {
	for _, p := range []string{"/tmp/newsmain.txt", "testdata/news.txt"} {
		b, _ := os.ReadFile(p)
		for _, l := range strings.Split(string(b), "\n\n") {
			if len(l) > 0 && len(l) < 3000 {
				f.Add(l)
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) { zzCompare(t, s) })
}

func BenchmarkZZ(b *testing.B) {
	news, _ := os.ReadFile("/tmp/newsmain.txt")
	art, _ := os.ReadFile("../../../shared/inputs/articles/russia-kazakhstan-strategic-target.txt")
	for _, c := range []struct{ name, text string }{{"article", repeat(string(art))}, {"news", string(news)}} {
		for _, f := range []struct {
			name string
			f    func(string)
		}{{"Sentences", func(s string) { Sentences(s) }}, {"Quantities", func(s string) { Quantities(s) }}, {"Dates", func(s string) { Dates(s) }}} {
			b.Run(f.name+"/"+c.name, func(b *testing.B) {
				b.SetBytes(int64(len(c.text)))
				b.ReportAllocs()
				cpu := zzCPU()
				for b.Loop() {
					f.f(c.text)
				}
				if used := zzCPU() - cpu; used > 0 {
					b.ReportMetric(float64(len(c.text))*float64(b.N)/1e6/used.Seconds(), "MB/cpu-s")
				}
			})
		}
	}
}
