package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/leverage-dev/leverage/read"
)

// writeJSON writes one item, or several as an array, as indented JSON.
func writeJSON[T any](w io.Writer, items []T) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if len(items) == 1 {
		return enc.Encode(items[0])
	}
	return enc.Encode(items)
}

// ReadFormats lists the output formats WriteRead accepts.
var ReadFormats = []string{"table", "json", "md"}

// WriteRead writes what reading articles gave: actors, candidate facts by
// channel and flags, as aligned text, JSON (one object, or an array for
// several articles) or Markdown, which also shows the text with what was
// found marked for review.
func WriteRead(w io.Writer, format string, results ...*read.Result) error {
	switch format {
	case "json":
		return writeJSON(w, results)
	case "table", "md":
		d := &doc{w: w, md: format == "md"}
		for i, r := range results {
			if i > 0 {
				d.printf("\n")
			}
			d.read(r)
		}
		return d.err
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(ReadFormats, ", "))
}

func (d *doc) read(r *read.Result) {
	title := r.Title
	if title == "" {
		title = r.Source.URL
	}
	d.heading(1, "Read: "+title)
	var meta []string
	meta = append(meta, "source "+r.Source.URL)
	if r.Author != "" {
		meta = append(meta, "by "+r.Author)
	}
	switch {
	case r.Date != "":
		meta = append(meta, "dated "+r.Date)
	case r.After != "":
		meta = append(meta, "undated; latest date mentioned "+r.After)
	default:
		meta = append(meta, "undated")
	}
	meta = append(meta, fmt.Sprintf("%s, %d words", r.Format, len(strings.Fields(r.Text))))
	if len(r.Removed) > 0 {
		meta = append(meta, fmt.Sprintf("%d boilerplate lines removed", len(r.Removed)))
	}
	d.printf("%s.\n\n", strings.Join(meta, "; "))

	d.heading(2, fmt.Sprintf("Actors (%d)", len(r.Actors)))
	var rows [][]string
	for _, a := range r.Actors {
		rows = append(rows, []string{a.Actor, a.Name, string(a.Kind), fmt.Sprint(a.Count), strings.Join(a.Forms, ", ")})
	}
	d.table([]string{"id", "name", "kind", "mentions", "as written"}, rows)

	d.heading(2, fmt.Sprintf("Candidate facts (%d)", len(r.Candidates)))
	byChannel := map[string][]read.Candidate{}
	var channels []string
	for _, c := range r.Candidates {
		if _, ok := byChannel[string(c.Channel)]; !ok {
			channels = append(channels, string(c.Channel))
		}
		byChannel[string(c.Channel)] = append(byChannel[string(c.Channel)], c)
	}
	sort.Strings(channels)
	for _, ch := range channels {
		rows = nil
		for _, c := range byChannel[ch] {
			f := c.Fact
			v := ""
			if f.Value != nil {
				v = strings.TrimSpace(fmt.Sprintf("%g %s", *f.Value, f.Unit))
			}
			when := f.Valid.String()
			if f.Year != 0 {
				when = fmt.Sprint(f.Year)
			}
			rows = append(rows, []string{c.ID, f.Subject, f.Relation, f.Object, v, when, fmt.Sprintf("%.2f", c.Confidence), truncateText(c.Quote, 90)})
		}
		d.printf("%s:\n\n", ch)
		d.table([]string{"id", "subject", "relation", "object", "value", "when", "confidence", "sentence"}, rows)
	}

	d.heading(2, fmt.Sprintf("Flags (%d)", len(r.Flags)))
	rows = nil
	for i, f := range r.Flags {
		sure := ""
		if !f.Certain {
			sure = " (check)"
		}
		reason := f.Reason
		if f.Suggest != "" && f.Kind != read.Anachronism {
			reason += "; did you mean " + f.Suggest + "?"
		}
		rows = append(rows, []string{fmt.Sprintf("f%d", i+1), string(f.Kind) + sure, truncateText(f.Text, 60), reason})
	}
	d.table([]string{"id", "flag", "text", "why"}, rows)

	if d.md {
		d.heading(2, "Text")
		d.printf("Actors in **bold**, flagged passages ~~struck through~~ with the flag's id, candidate sentences ending with their id.\n\n")
		d.printf("%s\n", marked(r))
	}
}

// marked returns the text with actors in bold, flags struck through with
// their ids, and candidate ids after their sentences, as Markdown.
func marked(r *read.Result) string {
	type mark struct {
		at    int
		order int // at one offset: closings before openings
		text  string
	}
	var marks []mark
	flagged := make([]bool, len(r.Text)+1)
	for i, f := range r.Flags {
		sup := fmt.Sprintf("<sup>f%d</sup>", i+1)
		if f.Span.Start < len(flagged) && flagged[f.Span.Start] {
			// Within a passage already struck through: only its id.
			marks = append(marks, mark{f.Span.End, 0, sup})
			continue
		}
		marks = append(marks, mark{f.Span.Start, 1, "~~"}, mark{f.Span.End, 0, "~~" + sup})
		for j := f.Span.Start; j < f.Span.End && j < len(flagged); j++ {
			flagged[j] = true
		}
	}
	bold := map[int]bool{}
	for _, a := range r.Actors {
		for _, s := range a.Spans {
			if flagged[s.Start] || bold[s.Start] {
				continue
			}
			bold[s.Start] = true
			marks = append(marks, mark{s.Start, 2, "**"}, mark{s.End, 0, "**"})
		}
	}
	for _, c := range r.Candidates {
		marks = append(marks, mark{c.Sentence.End, 0, fmt.Sprintf(" <sup>%s</sup>", c.ID)})
	}
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].at != marks[j].at {
			return marks[i].at < marks[j].at
		}
		return marks[i].order < marks[j].order
	})
	var b strings.Builder
	prev := 0
	for _, m := range marks {
		if m.at < prev || m.at > len(r.Text) {
			continue
		}
		b.WriteString(mdText(r.Text[prev:m.at]))
		b.WriteString(m.text)
		prev = m.at
	}
	b.WriteString(mdText(r.Text[prev:]))
	return b.String()
}

// mdText escapes the characters Markdown would read as marks.
func mdText(s string) string {
	return strings.NewReplacer("*", `\*`, "_", `\_`, "~", `\~`, "<", "&lt;", "#", `\#`).Replace(s)
}

func truncateText(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
