package extract

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// extractHTML finds the main text of an HTML page, decoded to UTF-8, with
// Readability (readeck's Go port of Mozilla's Readability.js). The text is
// put in Unicode NFC and soft hyphens are dropped first.
func extractHTML(page string, pageURL string) (*Document, error) {
	root, err := html.Parse(strings.NewReader(stripInvisible(norm.NFC.String(page))))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	var u *url.URL
	if x, err := url.Parse(pageURL); err == nil && x.Scheme != "" && x.Host != "" {
		u = x
	}
	p := readability.NewParser()
	art, err := p.ParseDocument(root, u)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoText, err)
	}
	doc := &Document{
		Title:  clean(art.Title()),
		Author: clean(art.Byline()),
		Format: FormatHTML,
	}
	if t, err := art.PublishedTime(); err == nil {
		doc.Date = t
	}
	paras := paragraphs(art.Node)
	paras = dropLeadingTitle(paras, doc.Title)
	paras = trimEdges(paras)
	doc.Text = strings.Join(paras, "\n\n")
	return doc, nil
}

// clean collapses white space and drops invisible format characters.
func clean(s string) string {
	return strings.Join(strings.Fields(stripInvisible(s)), " ")
}

// stripInvisible removes soft hyphens, zero-width spaces, word joiners
// and stray byte-order marks, which split words for any tokenizer but are
// not seen by readers. Zero-width (non-)joiners stay: Persian and Indic
// scripts need them.
func stripInvisible(s string) string {
	if !strings.ContainsAny(s, "\u00ad\u200b\u2060\ufeff") {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u00ad', '\u200b', '\u2060', '\ufeff':
			return -1
		}
		return r
	}, s)
}

// blockTags start a new paragraph; cellTags are separated by a space.
var (
	blockTags = map[string]bool{
		"address": true, "article": true, "aside": true, "blockquote": true,
		"body": true, "caption": true, "dd": true, "details": true, "div": true,
		"dl": true, "dt": true, "figcaption": true, "figure": true,
		"footer": true, "form": true, "h1": true, "h2": true, "h3": true,
		"h4": true, "h5": true, "h6": true, "header": true, "hr": true,
		"li": true, "main": true, "nav": true, "ol": true, "p": true,
		"pre": true, "section": true, "summary": true, "table": true,
		"tbody": true, "thead": true, "tfoot": true, "tr": true, "ul": true,
	}
	cellTags = map[string]bool{"td": true, "th": true}
	skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true}
)

// paragraphs renders the extracted tree as paragraphs: one per block
// element, white space collapsed, <br> kept as a line break.
func paragraphs(root *html.Node) []string {
	var (
		out  []string
		cur  strings.Builder
		walk func(*html.Node)
	)
	flush := func() {
		lines := strings.Split(cur.String(), "\n")
		kept := lines[:0]
		for _, l := range lines {
			if l = clean(l); l != "" {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			out = append(out, strings.Join(kept, "\n"))
		}
		cur.Reset()
	}
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch {
			case skipTags[n.Data]:
				return
			case n.Data == "br":
				cur.WriteByte('\n')
				return
			case blockTags[n.Data]:
				flush()
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				flush()
				return
			case cellTags[n.Data]:
				cur.WriteByte(' ')
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
				cur.WriteByte(' ')
				return
			}
			// Other elements are inline. Extractors trim the white
			// space around them, so a space marks their edges, as its
			// own text rendering does (etree.IterText).
			cur.WriteByte(' ')
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			cur.WriteByte(' ')
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if root != nil {
		walk(root)
	}
	flush()
	return out
}

// dropLeadingTitle removes the page title when the extractor kept it as
// one of the first two paragraphs (extractors fold the <h1> into the
// body), together with a short label before it (a section name such as
// "immunology"). The heading may differ from the metadata title by a site
// name around it ("Title | Site", "Opinion | Title") or by a word or two.
func dropLeadingTitle(paras []string, title string) []string {
	for i := 0; i < len(paras) && i < 2; i++ {
		if sameTitle(paras[i], title) {
			return paras[i+1:]
		}
		if len(strings.Fields(paras[i])) > 3 {
			break
		}
	}
	return paras
}

// sameTitle reports whether heading is the page title: equal up to case,
// punctuation and spacing; contained in the title (at least 12 letters);
// or sharing 80% of their distinct words (Jaccard, three words or more).
func sameTitle(heading, title string) bool {
	h, t := foldKey(heading), foldKey(title)
	if h == "" || t == "" {
		return false
	}
	if h == t || utf8.RuneCountInString(h) >= 12 && strings.Contains(t, h) {
		return true
	}
	hw, tw := wordSet(heading), wordSet(title)
	if len(hw) < 3 || len(tw) < 3 {
		return false
	}
	common := 0
	for w := range hw {
		if tw[w] {
			common++
		}
	}
	return float64(common) >= titleOverlap*float64(len(hw)+len(tw)-common)
}

// titleOverlap is the word-set similarity (Jaccard) above which a heading
// is taken for the title.
const titleOverlap = 0.8

// wordSet is the set of s's lower-cased words.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range Tokens(strings.ToLower(s)) {
		m[w] = true
	}
	return m
}

// foldKey is s lower-cased with everything but letters and digits removed,
// to compare headings that differ only in punctuation or spacing.
func foldKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// trimEdges drops boilerplate paragraphs (cues, notices, datelines) from
// the start and the end of the extracted text; the middle is left alone.
func trimEdges(paras []string) []string {
	furniture := func(p string) bool {
		if len(strings.Fields(p)) <= metaMaxWords {
			if _, ok := dateline(p); ok {
				return true
			}
		}
		cl, _ := classify(p)
		return cl != classContent
	}
	for len(paras) > 0 && furniture(paras[len(paras)-1]) {
		paras = paras[:len(paras)-1]
	}
	for len(paras) > 0 && furniture(paras[0]) {
		paras = paras[1:]
	}
	return paras
}
