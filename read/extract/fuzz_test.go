package extract

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are inputs with furniture, markup and odd encodings.
var fuzzSeeds = []string{
	"",
	"Home » world » Kazakhstan\n\nKazakhstan as a target\n\nby\n\nRussia relies on the CPC. It said so.\n\nYou may also like\n\nLeave a Comment\n\nAdblock Detected\n\nPlease support us by disabling your AdBlocker.",
	"Title line here\n\nTitle line here\n\nShare\n\nShare\n\nThis site uses Akismet to reduce spam. Learn how your comment data is processed.",
	"Year | Exports\n2021 | 68\n\n« a » b « c » d\n\nBy Jane Doe\n\nMarch 4, 2024\n\nText.",
	"a | b | c\nd | e | f\n\nA body sentence here with enough words to count as the body.\n\na | b | c",
	"\xef\xbb\xbfBOM text\r\nwith CRLF\rand CR\u2028and LS\x00\x01",
	"\xff\xfe" + "h\x00i\x00",
	"wrapped line that is long enough to wrap onto the next one without\nending the sentence here and going on",
	articleHTML,
	"<html><head><meta charset=koi8-r><title>T</title></head><body><p>\xeb\xc1\xda\xc1\xc8\xd3\xd4\xc1\xce</p></body></html>",
	"<p>one<br>two</p><table><tr><td>a</td><td>b</td></tr></table><script>x</script>",
	"<?xml version='1.0'?><html><body><article><h1>x</h1><p>y</p></article></body></html>",
}

// checkDocument checks what holds for every Document.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	for _, s := range append([]string{d.Title, d.Author, d.Text}, d.Removed...) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in output: %q", s)
		}
	}
	if d.Format != FormatHTML && d.Format != FormatText {
		t.Fatalf("Format = %q", d.Format)
	}
	if strings.TrimSpace(d.Text) == "" {
		t.Fatalf("empty Text without an error")
	}
	ps := strings.Split(d.Text, "\n\n")
	for _, p := range ps {
		if strings.TrimSpace(p) == "" {
			t.Fatalf("empty paragraph in %q", d.Text)
		}
	}
	if d.Format == FormatHTML {
		if d.Removed != nil {
			t.Fatalf("HTML with Removed lines: %q", d.Removed)
		}
		return
	}
	// Plain text: no paragraph is a cue line, and no line it removed as a
	// cue or notice is left in the text. (Rows split by | or / next to a
	// row with as many parts are a table, not a menu: they may stay.)
	boilerplate := func(line string) (lineClass, string) {
		cl, reason := classify(line)
		if reason == "breadcrumb" && (strings.Contains(line, " | ") || strings.Contains(line, " / ")) {
			return classContent, ""
		}
		return cl, reason
	}
	for _, p := range ps {
		if cl, reason := boilerplate(p); cl == classCue {
			t.Fatalf("paragraph %q is a cue (%s) but was kept", p, reason)
		}
	}
	for _, r := range d.Removed {
		if cl, _ := boilerplate(r); cl != classContent && slices.Contains(ps, r) {
			t.Fatalf("%q removed as boilerplate but also kept", r)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, asHTML bool) {
		ct := "text/plain"
		if asHTML {
			ct = "text/html"
		}
		d, err := Extract(bytes.NewReader(data), ct, Options{MaxBytes: 1 << 20})
		if err != nil {
			if d != nil {
				t.Fatalf("Document and error: %v", err)
			}
			if strings.Contains(err.Error(), "extractor failed") {
				t.Logf("extractor panic turned into an error: %v", err)
			}
			return
		}
		checkDocument(t, d)
	})
}

func FuzzCleanText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\ufffd")
		c := cleanUnits(s)
		// Every non-blank input line is in exactly one unit.
		var in, out []string
		for _, l := range splitLines(s) {
			if l != "" {
				in = append(in, l)
			}
		}
		kept := map[string]bool{}
		for _, u := range c.units {
			out = append(out, u.lines...)
			if !u.drop && !u.title {
				if u.reason != "table row" { // a row may look like a removed menu
					kept[u.text] = true
				}
				if u.class == classCue {
					t.Fatalf("cue unit %q kept", u.text)
				}
			}
			if u.drop && u.title {
				t.Fatalf("unit %q both title and removed", u.text)
			}
		}
		if !slices.Equal(in, out) {
			t.Fatalf("lines lost or changed:\n in %q\nout %q", in, out)
		}
		for _, u := range c.units {
			if u.drop && u.class != classContent && kept[u.text] {
				t.Fatalf("%q removed as boilerplate and kept", u.text)
			}
		}
		d := cleanText(s)
		if d.Text != "" {
			checkDocument(t, d)
		}
		if d.Title != c.title {
			t.Fatalf("Title %q, units say %q", d.Title, c.title)
		}
	})
}
