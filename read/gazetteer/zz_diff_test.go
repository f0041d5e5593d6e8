package gazetteer

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/clipperhouse/uax29/v2/words"
	"github.com/leverage-dev/leverage/data"
	"github.com/leverage-dev/leverage/read/gazetteer/zzold"
)

func zzEntries(t testing.TB) []Entry {
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return FromActors(d.Actors)
}

func zzOld(es []Entry) []zzold.Entry {
	out := make([]zzold.Entry, len(es))
	for i, e := range es {
		out[i] = zzold.Entry(e)
	}
	return out
}

func zzConv(ms []zzold.Mention) []Mention {
	var out []Mention
	for _, m := range ms {
		out = append(out, Mention(m))
	}
	return out
}

var zzG *Gazetteer
var zzO *zzold.Gazetteer

func zzSetup(t testing.TB) {
	if zzG == nil {
		es := zzEntries(t)
		text, _ := os.ReadFile("/tmp/newsmain.txt")
		es = append(es, syntheticEntries(20000, string(text))...)
		zzG = New(es)
		zzO = zzold.New(zzOld(es))
	}
}

func zzCompare(t *testing.T, s string) {
	zzSetup(t)
	got, want := zzG.Find(s), zzConv(zzO.Find(s))
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("Find differs at %d: got %v %q want %v %q", i, got[i], s[got[i].Start:got[i].End], want[i], s[want[i].Start:want[i].End])
			}
		}
		t.Fatalf("Find differs: len %d vs %d", len(got), len(want))
	}
	gn, wn := zzG.NearMisses(s, got), zzO.NearMisses(s, zzO.Find(s))
	if !reflect.DeepEqual(len(gn), len(wn)) {
		t.Fatalf("NearMisses differ")
	}
}

func TestZZDiff(t *testing.T) {
	for _, p := range []string{"/tmp/newsmain.txt", articlePath(), "testdata/news.txt"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		zzCompare(t, string(b))
		// line by line too
		for _, l := range strings.Split(string(b), "\n") {
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
	f.Add("Türkiye TÜRKİYE Côte d’Ivoire Kassym-Jomart Tokayev U.S. Ukraine.This ＣＳＴＯ")
	f.Fuzz(func(t *testing.T, s string) { zzCompare(t, s) })
}

func BenchmarkZZFind(b *testing.B) {
	news, _ := os.ReadFile("/tmp/newsmain.txt")
	g := New(zzEntries(b))
	for _, c := range []struct{ name, text string }{{"article", benchText(b)}, {"news", string(news)}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				g.Find(c.text)
			}
			reportCPU(b, cpu, len(c.text))
		})
	}
}

func BenchmarkZZOld(b *testing.B) {
	news, _ := os.ReadFile("/tmp/newsmain.txt")
	g := zzold.New(zzOld(zzEntries(b)))
	for _, c := range []struct{ name, text string }{{"article", benchText(b)}, {"news", string(news)}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				g.Find(c.text)
			}
			reportCPU(b, cpu, len(c.text))
		})
	}
}

func BenchmarkZZScan(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	n, segs := 0, 0
	for b.Loop() {
		n = 0
		sc := scanner{text: text}
		for batch := sc.next(); len(batch) > 0; batch = sc.next() {
			n += len(batch)
		}
	}
	for pos := 0; pos < len(text); {
		e, _, fast := nextFast(text, pos)
		if !fast {
			var it *words.Iterator[string]
			e, _ = nextSlow(text, pos, &it)
		}
		segs++
		pos = e
	}
	b.ReportMetric(float64(n), "tokens")
	b.ReportMetric(float64(segs), "segments")
}

func BenchmarkZZSegs(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	var it *words.Iterator[string]
	for b.Loop() {
		for pos := 0; pos < len(text); {
			e, _, fast := nextFast(text, pos)
			if !fast {
				e, _ = nextSlow(text, pos, &it)
			}
			pos = e
		}
	}
}
