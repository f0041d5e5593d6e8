package read_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/leverage-dev/leverage/read/extract"
)

// BenchmarkRead measures actor recognition, candidate facts and flags on
// plain text with the flagship gazetteer, in MB/s of text: the shared
// article repeated to about 1 MB.
func BenchmarkRead(b *testing.B) {
	doc, path := articleMB(b)
	rd := flagship(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		rd.Read(doc, path)
	}
}

// articleMB returns the shared article's main text repeated to about 1 MB.
func articleMB(b *testing.B) (*extract.Document, string) {
	path := shared(b, "inputs", "articles", "russia-kazakhstan-strategic-target.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := extract.Extract(bytes.NewReader(raw), "", extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc.Text = strings.Repeat(doc.Text+"\n\n", 1<<20/len(doc.Text))
	return doc, path
}

// BenchmarkFacts is BenchmarkRead without the flags: actor recognition
// and candidate facts.
func BenchmarkFacts(b *testing.B) {
	doc, path := articleMB(b)
	rd := flagship(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		rd.Facts(doc, path)
	}
}

// BenchmarkReadPages measures the whole pipeline, extraction included, on
// the 181 pages of the extraction benchmark, in pages per second.
func BenchmarkReadPages(b *testing.B) {
	ids, html, url := benchmarkPages(b)
	pages := make([][]byte, len(ids))
	for i, id := range ids {
		pages[i] = gunzip(b, html[id])
	}
	rd := flagship(b)
	b.ResetTimer()
	for b.Loop() {
		for i, p := range pages {
			doc, err := extract.Extract(bytes.NewReader(p), "text/html", extract.Options{URL: url[ids[i]]})
			if err != nil {
				b.Fatal(err)
			}
			rd.Read(doc, url[ids[i]])
		}
	}
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkFactsNews is BenchmarkFacts on the main texts of the 181 pages
// of the extraction benchmark, news of every kind, joined: what the
// reader meets in bulk.
func BenchmarkFactsNews(b *testing.B) {
	ids, html, url := benchmarkPages(b)
	var texts []string
	for _, id := range ids {
		doc, err := extract.Extract(bytes.NewReader(gunzip(b, html[id])), "text/html", extract.Options{URL: url[id]})
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, doc.Text)
	}
	doc := &extract.Document{Text: strings.Join(texts, "\n\n"), Format: "text"}
	rd := flagship(b)
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		rd.Facts(doc, "news")
	}
}
