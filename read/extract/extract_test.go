package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	asciiKB := strings.Repeat("plain ascii ", 100) // over 1,024 bytes
	tests := []struct {
		name        string
		in          []byte
		contentType string
		want        string
	}{
		{"utf-8", []byte("Kazakhstan’s oil"), "", "Kazakhstan’s oil"},
		{"utf-8 bom", []byte("\xef\xbb\xbfАстана"), "", "Астана"},
		{"utf-16le bom", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "Астана 2022"), "", "Астана 2022"},
		{"utf-16be bom", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), "Астана"), "text/plain; charset=windows-1251", "Астана"},
		{"content-type charset", encode(t, charmap.Windows1251, "Москва и Астана"), "text/plain; charset=windows-1251", "Москва и Астана"},
		{"meta charset", append([]byte(`<html><head><meta charset="koi8-r"></head><body>`), encode(t, charmap.KOI8R, "Казахстан")...), "text/html", `<html><head><meta charset="koi8-r"></head><body>Казахстан`},
		{"meta http-equiv", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">`), encode(t, charmap.ISO8859_2, "Łódź")...), "", `<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">Łódź`},
		{"latin-1 declared, utf-8 sent", []byte("Kazakhstan’s “oil”"), "text/html; charset=ISO-8859-1", "Kazakhstan’s “oil”"},
		{"utf-8 after the first kilobyte", []byte(asciiKB + "Kazakhstan’s"), "", asciiKB + "Kazakhstan’s"},
		{"windows-1252 sniffed", []byte("\x93oil\x94 \x96 caf\xe9"), "", "“oil” – café"},
		{"invalid utf-8 replaced", []byte("oil \xff\xfe gas"), "text/plain; charset=utf-8", "oil \ufffd gas"},
		{"unknown charset label", []byte("Kazakhstan’s"), "text/plain; charset=no-such", "Kazakhstan’s"},
		{"empty", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode(tt.in, tt.contentType)
			if got != tt.want {
				t.Errorf("decode = %q, want %q", got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("decode gave invalid UTF-8: %q", got)
			}
		})
	}
}

func TestIsHTML(t *testing.T) {
	page := []byte("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
	text := []byte("Home » world » Kazakhstan\n\nKazakhstan as a target\n")
	tests := []struct {
		name        string
		b           []byte
		contentType string
		want        bool
	}{
		{"html type", text, "text/html; charset=utf-8", true},
		{"xhtml type", text, "application/xhtml+xml", true},
		{"sniffed doctype", page, "", true},
		{"sniffed after white space", append([]byte("\n\n  "), page...), "", true},
		{"sniffed under text/plain", page, "text/plain", true},
		{"sniffed under octet-stream", page, "application/octet-stream", true},
		{"fragment", []byte("<p>Kazakhstan</p>"), "", true},
		{"xml declaration", []byte(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`), "", true},
		{"utf-16 page", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), string(page)), "", true},
		{"plain text", text, "", false},
		{"plain text typed", text, "text/plain; charset=utf-8", false},
		{"other type wins", page, "text/markdown", false},
		{"text mentioning a tag", []byte("Use the <p> tag for paragraphs."), "", false},
		{"empty", nil, "", false},
	}
	for _, tt := range tests {
		if got := IsHTML(tt.b, tt.contentType); got != tt.want {
			t.Errorf("%s: IsHTML = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// articleHTML is a small news page: navigation, the article with a
// headline, byline and date in its metadata, a share bar and a footer.
const articleHTML = `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kazakhstan extends oil transit deal with Russia | Steppe News</title>
<meta property="og:title" content="Kazakhstan extends oil transit deal with Russia">
<meta name="author" content="Aigerim Seitkali">
<meta property="article:published_time" content="2024-03-04T09:30:00Z">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/economy">Economy</a></li></ul></nav>
<article>
<h1>Kazakhstan extends oil transit deal with Russia</h1>
<p>Kazakhstan and Russia agreed on Monday to extend their oil transit agreement for another ten years, officials in Astana said, keeping most of the country's crude exports on routes through Russian territory.</p>
<p>The deal covers the Caspian Pipeline Consortium, which carries about 80% of Kazakh oil exports to the Black Sea port of Novorossiysk, and rail shipments to Baltic ports.</p>
<p>Analysts said the agreement gave Moscow continued leverage over its neighbour, while Astana keeps looking for routes across the Caspian Sea that avoid Russia altogether.</p>
</article>
<div class="share">Share on Facebook Share on Twitter</div>
<footer><p>© 2024 Steppe News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`

func TestExtractHTML(t *testing.T) {
	d, err := Extract(strings.NewReader(articleHTML), "", Options{URL: "https://news.example/2024/03/transit"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != FormatHTML {
		t.Errorf("Format = %q", d.Format)
	}
	if d.Title != "Kazakhstan extends oil transit deal with Russia" {
		t.Errorf("Title = %q", d.Title)
	}
	if d.Author != "Aigerim Seitkali" {
		t.Errorf("Author = %q", d.Author)
	}
	if want := time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC); !d.Date.Equal(want) && !d.Date.Equal(want.Add(9*time.Hour+30*time.Minute)) {
		t.Errorf("Date = %v, want 2024-03-04", d.Date)
	}
	ps := strings.Split(d.Text, "\n\n")
	if len(ps) != 3 || !strings.HasPrefix(ps[0], "Kazakhstan and Russia agreed") || !strings.HasPrefix(ps[2], "Analysts said") {
		t.Errorf("paragraphs = %q", ps)
	}
	for _, junk := range []string{"Home", "Share on", "All rights reserved", "Privacy", "Steppe News"} {
		if strings.Contains(d.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
	if d.Removed != nil {
		t.Errorf("Removed = %q, want nil for HTML", d.Removed)
	}
}

// A page in KOI8-R that says so only in its <meta>: the text comes out
// in UTF-8, and the extractor does not decode it a second time.
func TestExtractHTMLCharset(t *testing.T) {
	para := "Казахстан и Россия договорились продлить соглашение о транзите нефти через территорию России ещё на десять лет, сообщили в Астане. "
	page := `<html><head><meta charset="koi8-r"><title>Транзит нефти</title></head><body><article>` +
		"<p>" + strings.Repeat(para, 3) + "</p><p>" + strings.Repeat(para, 2) + "</p></article></body></html>"
	d, err := Extract(bytes.NewReader(encode(t, charmap.KOI8R, page)), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Транзит нефти" || !strings.HasPrefix(d.Text, "Казахстан и Россия договорились") {
		t.Errorf("Title, Text = %q, %.80q", d.Title, d.Text)
	}
}

func TestExtractText(t *testing.T) {
	in := encode(t, charmap.Windows1251, "Главная » Мир » Казахстан\n\nКазахстан и Россия продлили соглашение\n\nАстана и Москва договорились в понедельник продлить соглашение о транзите нефти ещё на десять лет.\n\nКомментарии\n")
	d, err := Extract(bytes.NewReader(in), "text/plain; charset=windows-1251", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != FormatText || d.Title != "Казахстан и Россия продлили соглашение" {
		t.Errorf("Format, Title = %q, %q", d.Format, d.Title)
	}
	if want := "Астана и Москва договорились в понедельник продлить соглашение о транзите нефти ещё на десять лет."; d.Text != want {
		t.Errorf("Text = %q, want %q", d.Text, want)
	}
	if len(d.Removed) != 2 {
		t.Errorf("Removed = %q, want the breadcrumb and the comments cue", d.Removed)
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name        string
		in          string
		contentType string
		opt         Options
		want        error
	}{
		{"empty", "", "", Options{}, ErrNoText},
		{"only furniture", "Home » News\n\nShare\n\nLeave a comment\n", "text/plain", Options{}, ErrNoText},
		{"empty page", "<html><body></body></html>", "text/html", Options{}, ErrNoText},
		{"over the limit", strings.Repeat("a", 101), "", Options{MaxBytes: 100}, ErrTooLarge},
	}
	for _, tt := range tests {
		d, err := Extract(strings.NewReader(tt.in), tt.contentType, tt.opt)
		if !errors.Is(err, tt.want) || d != nil {
			t.Errorf("%s: Extract = %v, %v; want nil, %v", tt.name, d, err, tt.want)
		}
	}
	if _, err := Extract(strings.NewReader(strings.Repeat("word ", 20)), "", Options{MaxBytes: 100}); err != nil {
		t.Errorf("input at the limit: %v", err)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestExtractReadError(t *testing.T) {
	_, err := Extract(failingReader{}, "", Options{})
	if err == nil || !strings.Contains(err.Error(), "read input") || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("err = %v, want the read error with context", err)
	}
}
