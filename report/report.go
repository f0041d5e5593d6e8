// Package report renders assessments for people and programs: an aligned
// terminal table, Markdown an analyst can paste, CSV with one row per
// indicator, and JSON in the documented leverage.assessment/v1 layout.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/leverage-dev/leverage/assess"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"table", "json", "csv", "md"}

// Write renders as in the named format to w.
func Write(w io.Writer, as *assess.Assessment, format string) error {
	switch format {
	case "table", "":
		return Table(w, as)
	case "json":
		return JSON(w, as)
	case "csv":
		return CSV(w, as)
	case "md":
		return Markdown(w, as)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// JSON writes as indented JSON.
func JSON(w io.Writer, as *assess.Assessment) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(as)
}

func num(p *float64, prec int) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(*p, 'f', prec, 64)
}

func signed(p *float64) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprintf("%+.2f", *p)
}

func value(in assess.Indicator) string {
	if in.Value == nil {
		if in.Text != "" && in.Score != nil {
			return in.Text
		}
		return "no data"
	}
	prec := 1
	switch in.Unit {
	case "flag", "count", "code", "ordinal", "personnel", "km":
		prec = 0
	case "index":
		prec = 3
	}
	s := strconv.FormatFloat(*in.Value, 'f', prec, 64)
	if in.Unit == "%" {
		return s + "%"
	}
	if in.Unit == "ordinal" {
		return s + " of 3"
	}
	if in.Unit == "count" {
		return s
	}
	if in.Unit == "flag" {
		if *in.Value == 1 {
			return "yes"
		}
		return "no"
	}
	return s + " " + in.Unit
}

func when(in assess.Indicator) string {
	s := ""
	if in.Year != 0 {
		s = strconv.Itoa(in.Year)
	} else if in.Date != "" {
		s = in.Date
	}
	return s
}

func sources(ids []string, max int) string {
	if len(ids) <= max {
		return strings.Join(ids, ", ")
	}
	return strings.Join(ids[:max], ", ") + fmt.Sprintf(" +%d", len(ids)-max)
}

func scoreCell(in assess.Indicator) string {
	if in.Weight == 0 {
		return "ctx"
	}
	return num(in.Score, 2)
}

func detail(in assess.Indicator) string {
	var parts []string
	if in.Value != nil && in.Text != "" {
		parts = append(parts, in.Text)
	}
	if in.Note != "" {
		parts = append(parts, in.Note)
	}
	if in.Missing != "" {
		parts = append(parts, in.Missing)
	}
	return strings.Join(parts, "; ")
}

// Table writes a readable terminal report: the channel summary both ways,
// then each direction's indicators, routes and partners, then the sources.
func Table(w io.Writer, as *assess.Assessment) error {
	f, r := as.Forward, as.Reverse
	fmt.Fprintf(w, "Leverage of %s over %s, as of %s (data up to %d)\n\n", f.Holder.Name, f.Target.Name, as.AsOf, as.Year)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "CHANNEL\t%s→%s\t%s→%s\tASYMMETRY\n", f.Holder.ID, f.Target.ID, r.Holder.ID, r.Target.ID)
	for i, c := range f.Channels {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Title, num(c.Score, 2), num(r.Channels[i].Score, 2), signed(as.Gaps[i].Gap))
	}
	fmt.Fprintf(tw, "Composite\t%s\t%s\t%s\n", num(f.Composite, 2), num(r.Composite, 2), signed(as.Asymmetry))
	fmt.Fprintf(tw, "Coverage\t%.0f%%\t%.0f%%\t\n", 100*f.Coverage, 100*r.Coverage)
	tw.Flush()
	fmt.Fprintln(w, "\nScores run from 0 (no leverage) to 1; – means no data. Asymmetry is forward minus reverse, over channels scored both ways.")
	if len(as.Index) > 0 {
		fmt.Fprintf(w, "\nINFLUENCE INDEX of %s over %s\n", f.Holder.Name, f.Target.Name)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  PROFILE\tYEAR\tINDEX\tRANK\tBANDWIDTH\tDEPENDENCE\tTREND\tSOURCES")
		for _, x := range as.Index {
			fmt.Fprintf(tw, "  %s\t%d\t%.3f\t%d of %d\t%.3f\t%.3f\t%s\t%s\n", x.Profile, x.Year, x.Value, x.Rank, x.Of, x.Bandwidth, x.Dependence, trend(x), sources(x.Sources, 3))
		}
		tw.Flush()
	}
	for _, d := range []assess.Direction{f, r} {
		fmt.Fprintf(w, "\n== %s over %s ==\n", d.Holder.Name, d.Target.Name)
		for _, c := range d.Channels {
			fmt.Fprintf(w, "\n%s: score %s (coverage %.0f%%)\n", strings.ToUpper(c.Title), num(c.Score, 2), 100*c.Coverage)
			if c.Missing != "" {
				fmt.Fprintf(w, "  %s\n", c.Missing)
			}
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "  INDICATOR\tVALUE\tYEAR/DATE\tSCORE\tWEIGHT\tSOURCES\tNOTE")
			for _, in := range c.Indicators {
				fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%.2f\t%s\t%s\n", in.Label, value(in), when(in), scoreCell(in), in.Weight, sources(in.Sources, 2), detail(in))
			}
			tw.Flush()
			if len(c.Routes) > 0 {
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "  ROUTE\tCAPACITY\tBOTTLENECK\tSTATES\tVOLUME")
				for _, rt := range c.Routes {
					vol := "–"
					if rt.Volume != nil {
						vol = fmt.Sprintf("%.1f Mt (%d)", *rt.Volume, rt.VolumeYear)
					}
					capacity := "unknown"
					if rt.Capacity != nil {
						capacity = fmt.Sprintf("%.1f Mt/y", *rt.Capacity)
					}
					fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", rt.Name, capacity, rt.Bottleneck, strings.Join(rt.States, " "), vol)
				}
				tw.Flush()
			}
			if len(c.Partners) > 0 {
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "  COUNTER-LEVERAGE\tEXPORTS\tIMPORTS\tTRADE\tSOURCES")
				for _, p := range c.Partners {
					var srcs []string
					cells := make([]string, 3)
					for i, in := range p.Indicators {
						cells[i] = value(in)
						if in.Year != 0 {
							cells[i] += " (" + strconv.Itoa(in.Year) + ")"
						}
						srcs = append(srcs, in.Sources...)
					}
					fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", p.Name, cells[0], cells[1], cells[2], sources(dedupe(srcs), 2))
				}
				tw.Flush()
			}
		}
	}
	fmt.Fprintln(w, "\nSOURCES")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, s := range as.Sources {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", s.ID, s.Title, s.Publisher, s.Date, s.URL)
	}
	return tw.Flush()
}

// trend is an index summary's ten-year change, "+0.12 since 2004".
func trend(x *assess.IndexSummary) string {
	if x.Trend == nil {
		return "–"
	}
	return fmt.Sprintf("%+.3f since %d", *x.Trend, x.TrendFrom)
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// CSV writes one row per indicator of both directions, with its channel,
// value, score, weight, facts and sources.
func CSV(w io.Writer, as *assess.Assessment) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"holder", "target", "as_of", "channel", "channel_score", "indicator", "label", "value", "unit", "text", "year", "date", "score", "weight", "transform", "facts", "sources", "missing"})
	for _, d := range []assess.Direction{as.Forward, as.Reverse} {
		for _, c := range d.Channels {
			for _, in := range c.Indicators {
				year := ""
				if in.Year != 0 {
					year = strconv.Itoa(in.Year)
				}
				cw.Write([]string{d.Holder.ID, d.Target.ID, as.AsOf, string(c.Channel), num(c.Score, 4), in.ID, in.Label,
					num(in.Value, 4), in.Unit, in.Text, year, in.Date, num(in.Score, 4), strconv.FormatFloat(in.Weight, 'f', -1, 64),
					in.Transform, strings.Join(in.Facts, ";"), strings.Join(in.Sources, ";"), in.Missing})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func mdEscape(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// footnotes returns Markdown footnote references to the sources ids.
func footnotes(ids []string) string {
	refs := make([]string, len(ids))
	for i, s := range ids {
		refs[i] = "[^" + s + "]"
	}
	return strings.Join(refs, " ")
}

// Markdown writes a report an analyst can paste: the summary table, each
// channel's indicators with footnoted sources, and the source list.
func Markdown(w io.Writer, as *assess.Assessment) error {
	f, r := as.Forward, as.Reverse
	fmt.Fprintf(w, "# Leverage of %s over %s\n\n", f.Holder.Name, f.Target.Name)
	fmt.Fprintf(w, "As of %s, data up to %d. Scores run from 0 (no leverage) to 1; – means no data. Method: docs/methodology.md.\n\n", as.AsOf, as.Year)
	fmt.Fprintf(w, "| Channel | %s → %s | %s → %s | Asymmetry |\n|---|---:|---:|---:|\n", mdEscape(f.Holder.Name), mdEscape(f.Target.Name), mdEscape(r.Holder.Name), mdEscape(r.Target.Name))
	for i, c := range f.Channels {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", mdEscape(c.Title), num(c.Score, 2), num(r.Channels[i].Score, 2), signed(as.Gaps[i].Gap))
	}
	fmt.Fprintf(w, "| **Composite** | **%s** | **%s** | **%s** |\n", num(f.Composite, 2), num(r.Composite, 2), signed(as.Asymmetry))
	if len(as.Index) > 0 {
		fmt.Fprintf(w, "\n| Influence index of %s over %s | Year | Index | Rank | Bandwidth | Dependence | Trend | Sources |\n|---|---|---:|---:|---:|---:|---|---|\n", mdEscape(f.Holder.Name), mdEscape(f.Target.Name))
		for _, x := range as.Index {
			fmt.Fprintf(w, "| %s | %d | %.3f | %d of %d | %.3f | %.3f | %s | %s |\n", x.Profile, x.Year, x.Value, x.Rank, x.Of, x.Bandwidth, x.Dependence, trend(x), footnotes(x.Sources))
		}
	}
	for _, d := range []assess.Direction{f, r} {
		fmt.Fprintf(w, "\n## %s over %s\n", d.Holder.Name, d.Target.Name)
		for _, c := range d.Channels {
			fmt.Fprintf(w, "\n### %s — %s\n\n", c.Title, num(c.Score, 2))
			if c.Missing != "" {
				fmt.Fprintf(w, "_%s_\n\n", mdEscape(c.Missing))
			}
			fmt.Fprintln(w, "| Indicator | Value | Year | Score | Weight | Sources | Note |\n|---|---:|---|---:|---:|---|---|")
			for _, in := range c.Indicators {
				fmt.Fprintf(w, "| %s | %s | %s | %s | %.2f | %s | %s |\n", mdEscape(in.Label), mdEscape(value(in)), mdEscape(when(in)), scoreCell(in), in.Weight, footnotes(in.Sources), mdEscape(detail(in)))
			}
			if len(c.Routes) > 0 {
				fmt.Fprintln(w, "\n| Route | Capacity (Mt/y) | Bottleneck | States | Volume |\n|---|---:|---|---|---|")
				for _, rt := range c.Routes {
					vol := "–"
					if rt.Volume != nil {
						vol = fmt.Sprintf("%.1f Mt (%d)", *rt.Volume, rt.VolumeYear)
					}
					fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdEscape(rt.Name), num(rt.Capacity, 1), mdEscape(rt.Bottleneck), mdEscape(strings.Join(rt.States, ", ")), vol)
				}
			}
			if len(c.Partners) > 0 {
				fmt.Fprintln(w, "\n| Counter-leverage | Exports | Imports | Trade | Sources |\n|---|---:|---:|---:|---|")
				for _, p := range c.Partners {
					var srcs []string
					cells := make([]string, 3)
					for i, in := range p.Indicators {
						cells[i] = value(in)
						if in.Year != 0 {
							cells[i] += fmt.Sprintf(" (%d)", in.Year)
						}
						srcs = append(srcs, in.Sources...)
					}
					fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", mdEscape(p.Name), mdEscape(cells[0]), mdEscape(cells[1]), mdEscape(cells[2]), footnotes(dedupe(srcs)))
				}
			}
		}
	}
	fmt.Fprintln(w, "\n## Sources")
	fmt.Fprintln(w)
	for _, s := range as.Sources {
		line := s.Title
		if s.Publisher != "" {
			line += ", " + s.Publisher
		}
		if !s.Date.IsZero() {
			line += ", " + s.Date.String()
		}
		if s.URL != "" {
			line += ". <" + s.URL + ">"
		}
		fmt.Fprintf(w, "[^%s]: %s\n", s.ID, mdEscape(line))
	}
	return nil
}
