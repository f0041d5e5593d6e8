package extract_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/leverage-dev/leverage/read/extract"
)

// The article-extraction benchmark (scrapinghub/article-extraction-benchmark):
// 181 pages with their true article bodies, in the shared data.

// benchPage is one page of the benchmark.
type benchPage struct {
	id, url string
	html    []byte
}

// loadBenchmark reads the benchmark from $LEVERAGE_TESTDATA or
// ../shared/data, or skips.
func loadBenchmark(tb testing.TB) (truth map[string]string, pages []benchPage) {
	tb.Helper()
	dir := os.Getenv("LEVERAGE_TESTDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	dir = filepath.Join(dir, "article-extraction-benchmark")
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Skipf("article-extraction benchmark not found (set LEVERAGE_TESTDATA to ../shared/data): %v", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(b, &gt); err != nil {
		tb.Fatalf("ground-truth.json: %v", err)
	}
	truth = make(map[string]string, len(gt))
	for id, item := range gt {
		truth[id] = item.ArticleBody
		page, err := gunzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, benchPage{id: id, url: item.URL, html: page})
	}
	slices.SortFunc(pages, func(a, b benchPage) int { return strings.Compare(a.id, b.id) })
	return truth, pages
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(z)
}

// TestArticleBenchmark scores Extract on the benchmark's pages with the
// benchmark's own metric. Target: F1 at least 0.95.
func TestArticleBenchmark(t *testing.T) {
	truth, pages := loadBenchmark(t)
	if len(pages) != 181 {
		t.Errorf("%d pages, want 181", len(pages))
	}
	if m := extract.Score(truth, truth); m.F1 != 1 || m.Accuracy != 1 {
		t.Errorf("truth against itself: %+v, want all 1", m)
	}
	pred := make(map[string]string, len(pages))
	failed := 0
	start := time.Now()
	for _, p := range pages {
		d, err := extract.Extract(bytes.NewReader(p.html), "text/html", extract.Options{URL: p.url})
		if err != nil {
			t.Logf("%s: %v", p.id, err)
			failed++
			continue
		}
		pred[p.id] = d.Text
	}
	elapsed := time.Since(start)
	m := extract.Score(truth, pred)
	t.Logf("Extract on %d pages: F1 %.3f, precision %.3f, recall %.3f, accuracy %.3f; %d without text; %.1f docs/s",
		m.Docs, m.F1, m.Precision, m.Recall, m.Accuracy, failed, float64(len(pages))/elapsed.Seconds())
	if m.F1 < 0.95 {
		t.Errorf("F1 %.3f, want at least 0.95", m.F1)
	}
}

// TestMetricPort checks the port of the metric against the benchmark's
// published figures for go-trafilatura (F1 0.960, precision 0.940, recall
// 0.980, accuracy 0.287), by running go-trafilatura as the benchmark ran
// it (extractors/go_trafilatura/cli.go: fallback on, ContentText, soft
// hyphens removed).
func TestMetricPort(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go-trafilatura on 181 pages")
	}
	truth, pages := loadBenchmark(t)
	pred := make(map[string]string, len(pages))
	for _, p := range pages {
		res, err := trafilatura.Extract(bytes.NewReader(p.html), trafilatura.Options{EnableFallback: true})
		if err != nil {
			continue
		}
		pred[p.id] = strings.ReplaceAll(res.ContentText, "\u00ad", "")
	}
	m := extract.Score(truth, pred)
	t.Logf("go-trafilatura as benchmarked: F1 %.4f, precision %.4f, recall %.4f, accuracy %.4f (published 0.960, 0.940, 0.980, 0.287)",
		m.F1, m.Precision, m.Recall, m.Accuracy)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"F1", m.F1, 0.960}, {"precision", m.Precision, 0.940}, {"recall", m.Recall, 0.980}, {"accuracy", m.Accuracy, 0.287}} {
		if math.Abs(c.got-c.want) > 0.005 {
			t.Errorf("%s %.4f, published %.3f", c.name, c.got, c.want)
		}
	}
}

// BenchmarkExtract runs Extract over the benchmark's 181 pages; one
// operation is one pass over all of them.
func BenchmarkExtract(b *testing.B) {
	_, pages := loadBenchmark(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.html))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			extract.Extract(bytes.NewReader(p.html), "text/html", extract.Options{URL: p.url})
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
