package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// lineClass is what a line of plain text looks like on its own.
type lineClass uint8

const (
	classContent lineClass = iota
	// classCue lines are boilerplate wherever they are.
	classCue
	// classNotice lines are boilerplate next to other boilerplate or
	// outside the body (before the first or after the last paragraph).
	classNotice
)

// unit is one line of the input, or the lines of one hard-wrapped
// paragraph, with what the cleaner decided about it.
type unit struct {
	lines  []string // the input lines, white space collapsed
	text   string   // the lines joined by a space
	words  int
	class  lineClass
	reason string // the cue group that classed it, or the rule that removed it
	drop   bool   // removed from the text and listed in Removed
	title  bool   // taken out of the text as the title
	body   bool   // a body paragraph: content with a sentence
	anchor bool   // substantial content: a trailing block cannot pass it
}

// cleaned is plain text after cleaning, unit by unit.
type cleaned struct {
	units  []*unit
	title  string
	author string
	date   time.Time
}

// Limits of the plain-text rules (docs/reading.md).
const (
	bodyMinWords     = 8  // a body paragraph has a sentence and this many words
	anchorMinWords   = 25 // ... an anchor two sentences or this many words
	repeatMinWords   = 4  // shorter repeated lines ("Yes.") are kept
	titleMaxWords    = 25
	metaMaxWords     = 10 // bylines and datelines have at most this many words
	metaMaxUnits     = 12 // ... and are among the first lines
	wrapMinRunes     = 40 // a hard-wrapped line is at least this long ...
	wrapMaxWidth     = 100
	wrapWidthShare   = 0.6 // ... and this share of the block's width
	breadcrumbMaxSeg = 4   // words in each but the last part of a breadcrumb
)

// cleanText removes page furniture from plain text and returns the main
// text with the title, byline and date it found.
func cleanText(s string) *Document {
	c := cleanUnits(s)
	doc := &Document{Title: c.title, Author: c.author, Date: c.date, Format: FormatText}
	var paras []string
	for _, u := range c.units {
		switch {
		case u.drop:
			doc.Removed = append(doc.Removed, u.lines...)
		case !u.title:
			paras = append(paras, u.text)
		}
	}
	doc.Text = strings.Join(paras, "\n\n")
	return doc
}

// cleanUnits applies the rules of docs/reading.md in order.
func cleanUnits(s string) *cleaned {
	c := &cleaned{units: makeUnits(splitLines(s))}
	us := c.units
	firstBody, lastBody := -1, -1
	for i, u := range us {
		u.class, u.reason = classify(u.text)
		if u.class == classContent && isBody(u.text, u.words) {
			u.body = true
			u.anchor = u.words >= anchorMinWords || sentenceCount(u.text) >= 2
			if firstBody < 0 {
				firstBody = i
			}
			lastBody = i
		}
	}
	// A row split by | or / next to a row with as many parts is a table.
	for i, u := range us {
		if u.reason != "breadcrumb" {
			continue
		}
		for _, sep := range []string{" | ", " / "} {
			n := strings.Count(u.text, sep)
			if n > 0 && (i > 0 && strings.Count(us[i-1].text, sep) == n || i+1 < len(us) && strings.Count(us[i+1].text, sep) == n) {
				u.class, u.reason = classContent, "table row"
			}
		}
	}
	head := func(i int) bool { return firstBody < 0 || i < firstBody }

	// 1. Cue lines go wherever they are.
	for _, u := range us {
		if u.class == classCue {
			u.drop = true
		}
	}

	// 2. Bylines and datelines above the body become metadata.
	for i, u := range us[:min(len(us), metaMaxUnits)] {
		if u.drop || !head(i) || u.words > metaMaxWords {
			continue
		}
		if name, ok := byline(u.text); ok {
			u.drop, u.reason = true, "byline"
			if c.author == "" {
				c.author = name
			}
		} else if d, ok := dateline(u.text); ok {
			u.drop, u.reason = true, "dateline"
			if c.date.IsZero() {
				c.date = d
			}
		}
	}

	// 3. A trailing block: from the first cue after the body starts, if
	// at least half of the words come before it and no substantial
	// paragraph follows (a comments cue: whatever follows, as comments are
	// paragraphs but not the article's).
	if firstBody >= 0 {
		total := 0
		for _, u := range us {
			total += u.words
		}
		before := 0
		for i, u := range us {
			if i > firstBody && u.class == classCue && before >= total-before &&
				(u.reason == "comments" || !anchorAfter(us, i)) {
				for _, v := range us[i:] {
					if !v.drop {
						v.drop, v.reason = true, "trailing block"
					}
				}
				break
			}
			before += u.words
		}
	}

	// 4. Notices go outside the body and next to removed lines: a run of
	// notices goes whole if one of them is outside the body or a removed
	// line borders it.
	for i := 0; i < len(us); {
		if us[i].drop || us[i].class != classNotice {
			i++
			continue
		}
		j := i
		for j < len(us) && !us[j].drop && us[j].class == classNotice {
			j++
		}
		if i > 0 && us[i-1].drop || j < len(us) && us[j].drop || head(i) || j-1 > lastBody {
			for _, u := range us[i:j] {
				u.drop = true
			}
		}
		i = j
	}

	// 5. What was boilerplate once is boilerplate everywhere.
	removed := map[string]bool{}
	for _, u := range us {
		if u.drop && u.class != classContent {
			removed[u.text] = true
			for _, l := range u.lines {
				if cl, _ := classify(l); cl != classContent {
					removed[l] = true
				}
			}
		}
	}
	for _, u := range us {
		if !u.drop && u.class == classNotice && removed[u.text] {
			u.drop = true
		}
	}

	// 6. The title: the first substantial heading-like line above the body,
	// when some text follows it.
	for i, u := range us {
		if !head(i) && i != firstBody {
			break
		}
		if u.drop {
			continue
		}
		if u.class == classContent && u.reason != "table row" && isTitle(u.text, u.words) && keptAfter(us, i) {
			u.title = true
			c.title = u.text
		}
		break
	}

	// 7. Repeated lines: the first stays (or is the title), later copies go.
	seen := map[string]bool{}
	for _, u := range us {
		if u.drop {
			continue
		}
		key := foldKey(u.text)
		if seen[key] && u.words >= repeatMinWords && !u.title {
			u.drop, u.reason = true, "repeated"
			continue
		}
		seen[key] = true
	}
	return c
}

// keptAfter reports whether a unit after us[i] is kept.
func keptAfter(us []*unit, i int) bool {
	for _, u := range us[i+1:] {
		if !u.drop {
			return true
		}
	}
	return false
}

// anchorAfter reports whether a substantial content paragraph follows us[i].
func anchorAfter(us []*unit, i int) bool {
	for _, u := range us[i+1:] {
		if u.anchor && !u.drop {
			return true
		}
	}
	return false
}

// splitLines normalises line breaks and white space and drops control
// and invisible characters.
func splitLines(s string) []string {
	s = stripInvisible(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
			return '\n'
		case '\n', '\t':
			return r
		}
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return lines
}

// makeUnits groups lines into units: blank lines separate blocks, and
// inside a block a line that wraps (long, no sentence end, followed by a
// lower-case start or as wide as the block) joins the next.
func makeUnits(lines []string) []*unit {
	var units []*unit
	for start := 0; start < len(lines); {
		if lines[start] == "" {
			start++
			continue
		}
		end := start
		width := 0
		for end < len(lines) && lines[end] != "" {
			width = max(width, utf8.RuneCountInString(lines[end]))
			end++
		}
		block := lines[start:end]
		for i := 0; i < len(block); {
			u := &unit{lines: []string{block[i]}}
			for i+1 < len(block) && wraps(block[i], block[i+1], width) {
				i++
				u.lines = append(u.lines, block[i])
			}
			i++
			var b strings.Builder
			for j, l := range u.lines {
				if j > 0 && !strings.HasSuffix(u.lines[j-1], "-") {
					b.WriteByte(' ')
				}
				b.WriteString(l)
			}
			u.text = b.String()
			u.words = len(strings.Fields(u.text))
			units = append(units, u)
		}
		start = end
	}
	return units
}

// wraps reports whether line a continues on line b in a block whose
// longest line has width runes.
func wraps(a, b string, width int) bool {
	n := utf8.RuneCountInString(a)
	if n < wrapMinRunes || endsSentence(a) || strings.HasSuffix(a, ":") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(b)
	if unicode.IsLower(first) {
		return true
	}
	return width <= wrapMaxWidth && float64(n) >= wrapWidthShare*float64(width)
}

// normalize lower-cases s, collapses white space and makes curly quotes
// straight, for matching cues.
var quoteReplacer = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "\u00a0", " ")

func normalize(s string) string {
	return strings.Join(strings.Fields(quoteReplacer.Replace(strings.ToLower(s))), " ")
}

// classify says whether a line is content, a cue or a notice, and which
// cue group matched.
func classify(text string) (lineClass, string) {
	norm := normalize(text)
	if !strings.ContainsFunc(norm, isAlnum) {
		return classCue, "no words"
	}
	if isBreadcrumb(text) {
		return classCue, "breadcrumb"
	}
	words := strings.Fields(norm)
	bare := strings.TrimFunc(norm, func(r rune) bool { return !isAlnum(r) })
	lead := strings.TrimLeftFunc(norm, func(r rune) bool { return !isAlnum(r) && r != '©' })
	if g, ok := cueIndex.line[bare]; ok {
		return classCue, g
	}
	if len(words) <= startMaxWords && (len(words) <= startPunctWords || !endsSentence(norm)) {
		first, _, _ := strings.Cut(lead, " ")
		for _, c := range cueIndex.start[firstWord(first)] {
			if hasWordPrefix(lead, c.phrase) {
				return classCue, c.group
			}
		}
	}
	notice := ""
	if len(words) <= noticeMaxWords {
		for _, c := range cueIndex.notice {
			if containsWords(norm, c.phrase) &&
				(len(words) <= noticeShortWords || hasWordPrefix(lead, c.phrase) || addressesReader(words)) {
				notice = c.group
				break
			}
		}
	}
	for _, p := range cuePatterns {
		if p.re.MatchString(bare) {
			return classCue, p.group
		}
	}
	if len(words) >= 2 && len(words) <= startMaxWords {
		all := true
		for _, w := range words {
			if !furnitureWords[strings.TrimFunc(w, func(r rune) bool { return !isAlnum(r) && r != '-' })] {
				all = false
				break
			}
		}
		if all {
			return classCue, "share"
		}
	}
	if notice != "" {
		return classNotice, notice
	}
	return classContent, ""
}

// cueIndex is the cue table arranged for lookup: whole-line cues by
// phrase, start cues by their first word, notices in table order.
var cueIndex = func() (ix struct {
	line   map[string]string
	start  map[string][]cue
	notice []cue
}) {
	ix.line = map[string]string{}
	ix.start = map[string][]cue{}
	for _, c := range cues {
		switch c.kind {
		case cueLine:
			if _, dup := ix.line[c.phrase]; !dup {
				ix.line[c.phrase] = c.group
			}
		case cueStart:
			first, _, _ := strings.Cut(c.phrase, " ")
			ix.start[firstWord(first)] = append(ix.start[firstWord(first)], c)
		case cueNotice:
			ix.notice = append(ix.notice, c)
		}
	}
	return ix
}()

// firstWord is the key of a start cue: its first word up to the first
// character that is not a letter or digit ("tags:" -> "tags"), or the
// first character when it is not a letter or digit ("©").
func firstWord(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return !isAlnum(r) })
	switch {
	case i < 0:
		return s
	case i == 0:
		_, n := utf8.DecodeRuneInString(s)
		return s[:n]
	}
	return s[:i]
}

// addressesReader reports whether one of the words speaks to the reader
// (you, your, we, our, us, please), as notices do and news rarely does.
func addressesReader(words []string) bool {
	for _, w := range words {
		switch strings.TrimFunc(w, func(r rune) bool { return !isAlnum(r) }) {
		case "you", "your", "we", "our", "us", "please":
			return true
		}
	}
	return false
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// hasWordPrefix reports whether s starts with phrase, ending at a word
// boundary unless the phrase ends in punctuation.
func hasWordPrefix(s, phrase string) bool {
	if !strings.HasPrefix(s, phrase) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(phrase)
	next, _ := utf8.DecodeRuneInString(s[len(phrase):])
	return !isAlnum(last) || len(s) == len(phrase) || !isAlnum(next)
}

// containsWords reports whether phrase occurs in s between word boundaries.
func containsWords(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(phrase):])
		if (i == 0 || !isAlnum(before)) && (i+len(phrase) == len(s) || !isAlnum(after)) {
			return true
		}
		off = i + 1
	}
}

// isBreadcrumb reports whether a line is a trail or menu of short parts
// split by a separator: three or more parts, all but the last short, or
// two parts starting at "Home". Parts split by | or / must hold no digit
// (that would rather be a table row, a date or a path).
func isBreadcrumb(text string) bool {
	if !strings.ContainsAny(text, "»›>→/|:∙·") || endsSentence(text) || len(strings.Fields(text)) > 30 {
		return false
	}
	for _, sep := range breadcrumbSeparators {
		if sep == " » " && strings.Contains(text, "«") {
			continue // French quotation marks
		}
		parts := strings.Split(text, sep)
		if len(parts) < 2 {
			continue
		}
		ok := true
		for i, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" || i < len(parts)-1 && len(strings.Fields(p)) > breadcrumbMaxSeg ||
				(sep == " | " || sep == " / ") && strings.ContainsFunc(p, unicode.IsDigit) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if len(parts) >= 3 || homeWords[normalize(strings.TrimSpace(parts[0]))] {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation, perhaps
// followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’»)]*")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '…', ';', '。', '！', '？':
		return true
	}
	return false
}

// sentenceCount counts sentence ends: punctuation followed by a space or
// the end of the text.
func sentenceCount(s string) int {
	n := 0
	for i, r := range s {
		switch r {
		case '.', '!', '?', '…', '。', '！', '？':
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if i+utf8.RuneLen(r) == len(s) || unicode.IsSpace(next) || next == '"' || next == '”' {
				n++
			}
		}
	}
	return n
}

// isBody reports whether content reads as a paragraph of the article:
// enough words and a sentence (a truncated last sentence counts when an
// earlier one ended).
func isBody(text string, words int) bool {
	return words >= bodyMinWords && (endsSentence(text) || sentenceCount(text) >= 1)
}

// isTitle reports whether a line looks like a headline: a few words,
// letters, no sentence-final full stop or trailing colon or comma.
func isTitle(text string, words int) bool {
	if words > titleMaxWords || words < 2 || words == 2 && utf8.RuneCountInString(text) < 16 {
		return false
	}
	s := strings.TrimRight(text, " \"'”’»)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', ',', ';', ':':
		return false
	}
	return strings.ContainsFunc(text, unicode.IsLetter)
}

// bylineRe matches "By Jane Doe", "Written by Jane Doe and John Roe",
// "Author: Jane Doe".
var bylineRe = regexp.MustCompile(`^(?i:by|written by|words by|reporting by|authors?:)\s+(.+?)\.?$`)

// nameConnectors may appear lower-case inside a name list.
var nameConnectors = map[string]bool{
	"and": true, "&": true, "de": true, "da": true, "van": true, "von": true,
	"der": true, "den": true, "la": true, "le": true, "bin": true, "al": true, "el": true,
}

// byline returns the author named by a byline line.
func byline(text string) (string, bool) {
	m := bylineRe.FindStringSubmatch(text)
	if m == nil || strings.ContainsFunc(m[1], unicode.IsDigit) {
		return "", false
	}
	for _, w := range strings.Fields(m[1]) {
		w = strings.Trim(w, ",")
		if w == "" || nameConnectors[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", false
		}
	}
	if cl, _ := classify(m[1]); cl != classContent {
		return "", false
	}
	return m[1], true
}

// dateLayouts are the date forms a dateline may take.
var dateLayouts = []string{
	"January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "Monday, January 2, 2006", "Mon, January 2, 2006", "Mon, Jan 2, 2006",
	"Monday, 2 January 2006", "Mon, 2 Jan 2006", "2006-01-02", "2006/01/02", "02.01.2006",
	"January 2, 2006 15:04", "January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM",
	"2 January 2006 15:04", "2006-01-02 15:04", "2006-01-02 15:04:05",
	time.RFC3339, "Mon, 02 Jan 2006 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05 -0700",
}

// datePrefix is what may precede a date on a dateline.
var datePrefix = regexp.MustCompile(`^(?i:(?:published|updated|last updated|posted|date|first published)(?:\s+on)?\s*:?\s*|on\s+)`)

// dateline returns the date of a line that holds only a date.
func dateline(text string) (time.Time, bool) {
	if !strings.ContainsFunc(text, unicode.IsDigit) {
		return time.Time{}, false
	}
	s := strings.TrimSpace(datePrefix.ReplaceAllString(text, ""))
	s = strings.NewReplacer(" at ", " ", ".,", ",", ". ", " ", "Sept ", "Sep ", " UTC", "", " GMT", "").Replace(s + " ")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "."))
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, titleWords(s)); err == nil && t.Year() >= 1900 && t.Year() <= 2100 {
			return t, true
		}
	}
	return time.Time{}, false
}

// titleWords upper-cases the first letter of each word and the whole of
// am/pm, as Go's date layouts expect.
func titleWords(s string) string {
	ws := strings.Fields(strings.ToLower(s))
	for i, w := range ws {
		if w == "am" || w == "pm" {
			ws[i] = strings.ToUpper(w)
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}
