package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

// benchText is about 1 MB of news text: the shared article when present,
// else testdata/news.txt, repeated.
func benchText(b *testing.B) string {
	b.Helper()
	path := articlePath()
	if path == "" {
		path = "testdata/news.txt"
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.Write(raw)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// syntheticEntries returns n names shaped like a large gazetteer's:
// mostly made-up proper names of one to three words; names built on heads
// such as "Bank" or "Pipeline" with "of" in them and the capitalised words
// of the text ("Kazakhstan Oil Company of Karovbek"); acronyms; demonyms;
// and, one in fifty, a capitalised word of the text alone (every proper
// noun of the article, and words such as "Energy" or "Western"), so that
// the text has many mentions and many more tokens that start a walk in the
// trie.
func syntheticEntries(n int, text string) []Entry {
	r := rand.New(rand.NewPCG(1, 2))
	syl := []string{"ka", "za", "kh", "stan", "ro", "va", "mir", "tur", "gaz", "neft", "ar", "bek", "ol", "in", "sk", "ov", "ev", "tau", "ny", "su"}
	var made []string
	for range 5000 {
		var w strings.Builder
		for range 2 + r.IntN(3) {
			w.WriteString(syl[r.IntN(len(syl))])
		}
		s := w.String()
		made = append(made, strings.ToUpper(s[:1])+s[1:])
	}
	// Capitalised words inside sentences, that is names in the text:
	// not a sentence's first word.
	seen := map[string]bool{}
	var caps []string
	for _, line := range strings.Split(text, "\n") {
		fields := strings.Fields(line)
		for i := 1; i < len(fields); i++ {
			if strings.ContainsAny(fields[i-1][len(fields[i-1])-1:], ".!?:") {
				continue
			}
			w := strings.Trim(fields[i], ".,;:()“”\"'’*")
			if k := strings.IndexAny(w, "’'"); k > 0 {
				w = w[:k]
			}
			if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && !seen[w] && !stopwords[strings.ToLower(w)] {
				seen[w] = true
				caps = append(caps, w)
			}
		}
	}
	heads := []string{"Bank", "Company", "Pipeline", "Ministry", "Institute", "Fund", "Group", "Terminal", "Oil", "Gas", "National", "State", "Union"}
	out := make([]Entry, 0, n)
	for i := range n {
		e := Entry{Actor: fmt.Sprintf("A%05d", i), Kind: leverage.Company, NameKind: leverage.NameOfficial}
		switch k := r.IntN(50); {
		case k < 5:
			var a strings.Builder
			for range 2 + r.IntN(4) {
				a.WriteByte(byte('A' + r.IntN(26)))
			}
			e.Name, e.NameKind = a.String(), leverage.NameAcronym
		case k < 10:
			e.Name, e.NameKind = made[r.IntN(len(made))]+"ian", leverage.NameDemonym
		case k < 11:
			e.Name, e.NameKind = caps[r.IntN(len(caps))], leverage.NameAlias
		case k < 20:
			parts := []string{caps[r.IntN(len(caps))], heads[r.IntN(len(heads))]}
			if r.IntN(2) == 0 {
				parts = append(parts, "of", made[r.IntN(len(made))])
			}
			e.Name = strings.Join(parts, " ")
		default:
			words := make([]string, 1+r.IntN(3))
			for k := range words {
				words[k] = made[r.IntN(len(made))]
			}
			e.Name = strings.Join(words, " ")
		}
		out = append(out, e)
	}
	return out
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	d, err := data.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	flagship := FromActors(d.Actors)
	for _, bc := range []struct {
		name    string
		entries []Entry
	}{
		{"flagship", flagship},
		{"synthetic20k", append(syntheticEntries(20000-len(flagship), text), flagship...)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			g := New(bc.entries)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			n := 0
			cpu := cpuTime()
			for b.Loop() {
				n = len(g.Find(text))
			}
			reportCPU(b, cpu, len(text))
			b.ReportMetric(float64(len(bc.entries)), "names")
			b.ReportMetric(float64(n), "mentions")
		})
	}
}

// reportCPU reports MB per second of CPU time since start: with -cpu 1, the
// throughput of one core even when other processes share the machine and
// stretch the wall-clock time (the garbage collector's work counts).
func reportCPU(b *testing.B, start time.Duration, size int) {
	if used := cpuTime() - start; start > 0 && used > 0 && b.N > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/used.Seconds(), "MB/cpu-s")
	}
}

func BenchmarkNew(b *testing.B) {
	text := benchText(b)
	entries := syntheticEntries(20000, text)
	b.ReportAllocs()
	for b.Loop() {
		New(entries)
	}
}

func BenchmarkNearMisses(b *testing.B) {
	text := benchText(b)
	d, err := data.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	g := New(FromActors(d.Actors))
	found := g.Find(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		g.NearMisses(text, found)
	}
	reportCPU(b, cpu, len(text))
}
