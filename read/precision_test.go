package read_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/read"
	"github.com/leverage-dev/leverage/read/extract"
)

// benchmarkPages returns the article-extraction benchmark's pages: id ->
// gzipped HTML path and URL.
func benchmarkPages(t testing.TB) (ids []string, html map[string]string, url map[string]string) {
	dir := shared(t, "data", "article-extraction-benchmark")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	var truth map[string]struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatal(err)
	}
	html, url = map[string]string{}, map[string]string{}
	for id, v := range truth {
		ids = append(ids, id)
		html[id] = filepath.Join(dir, "html", id+".html.gz")
		url[id] = v.URL
	}
	slices.Sort(ids)
	return ids, html, url
}

func gunzip(t testing.TB, path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestFewFlagsOnEditedNews reads the 181 professionally edited pages of
// the extraction benchmark: they should raise few flags.
func TestFewFlagsOnEditedNews(t *testing.T) {
	ids, html, url := benchmarkPages(t)
	rd := flagship(t)
	count := map[read.FlagKind]int{}
	words, docs := 0, 0
	var examples []string
	for _, id := range ids {
		doc, err := extract.Extract(bytes.NewReader(gunzip(t, html[id])), "text/html", extract.Options{URL: url[id]})
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		r := rd.Read(doc, url[id])
		docs++
		words += len(strings.Fields(r.Text))
		for _, f := range r.Flags {
			count[f.Kind]++
			if f.Kind != read.Unsourced && len(examples) < 40 {
				examples = append(examples, string(f.Kind)+": "+f.Text+" — "+f.Reason)
			}
		}
	}
	for _, e := range examples {
		t.Log(e)
	}
	t.Logf("%d pages, %d words; flags: %v", docs, words, count)
	per := func(k read.FlagKind) float64 { return float64(count[k]) / float64(docs) }
	for _, lim := range []struct {
		kind read.FlagKind
		max  float64
	}{{read.NearMiss, 0.1}, {read.Anachronism, 0.1}, {read.Contradiction, 0.05}, {read.Truncated, 0.1}, {read.Unsourced, 0.1}} {
		if p := per(lim.kind); p > lim.max {
			t.Errorf("%s: %.2f flags a page on edited news, want at most %.2f", lim.kind, p, lim.max)
		}
	}
}
