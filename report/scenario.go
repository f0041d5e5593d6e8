package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/leverage-dev/leverage/simulate"
)

// ScenarioFormats lists the output formats WriteScenario accepts.
var ScenarioFormats = []string{"table", "json", "md"}

// WriteScenario writes a scenario run as an aligned text table, JSON or
// Markdown. Several runs (scenario compare) are written side by side.
func WriteScenario(w io.Writer, format string, runs ...*simulate.Result) error {
	switch format {
	case "json":
		return writeJSON(w, runs)
	case "table", "md":
		d := &doc{w: w, md: format == "md"}
		d.scenario(runs)
		return d.err
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(ScenarioFormats, ", "))
}

// doc writes text or Markdown, remembering the first write error.
type doc struct {
	w   io.Writer
	md  bool
	err error
}

func (d *doc) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.w, format, args...)
	}
}

func (d *doc) heading(level int, text string) {
	if d.md {
		d.printf("%s %s\n\n", strings.Repeat("#", level), text)
		return
	}
	d.printf("%s\n%s\n\n", text, strings.Repeat("=-"[min(level-1, 1):min(level-1, 1)+1], len([]rune(text))))
}

// table writes rows under a header, aligned in text and as a pipe table in
// Markdown.
func (d *doc) table(header []string, rows [][]string) {
	if d.md {
		d.printf("| %s |\n|%s\n", strings.Join(header, " | "), strings.Repeat(" --- |", len(header)))
		for _, r := range rows {
			for i := range r {
				r[i] = mdEscape(r[i])
			}
			d.printf("| %s |\n", strings.Join(r, " | "))
		}
		d.printf("\n")
		return
	}
	width := make([]int, len(header))
	for _, r := range append([][]string{header}, rows...) {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	line := func(r []string) {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", width[i]-len([]rune(c))))
			}
		}
		d.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	d.printf("\n")
}

func band(x simulate.Dist) string {
	if x.P50 == nil {
		return "–"
	}
	return fmt.Sprintf("%.3f [%.3f–%.3f]", *x.P50, *x.P5, *x.P95)
}

func mt(x simulate.Dist) string {
	if x.P50 == nil {
		return "–"
	}
	return fmt.Sprintf("%.1f [%.1f–%.1f]", *x.P50, *x.P5, *x.P95)
}

func (d *doc) scenario(runs []*simulate.Result) {
	r0 := runs[0]
	title := fmt.Sprintf("Scenario %s: %s", r0.Scenario, r0.Title)
	if len(runs) > 1 {
		var names []string
		for _, r := range runs {
			names = append(names, r.Scenario)
		}
		title = "Scenarios compared: " + strings.Join(names, " vs ")
	}
	d.heading(1, title)
	d.printf("%s's leverage over %s. Model as of %s; horizon %s to %s by %s.\n\n", r0.Holder.Name, r0.Target.Name, r0.AsOf, r0.Horizon.Start, r0.Horizon.End, r0.Horizon.Step)

	d.heading(2, "Channel scores (central case: every shock happens, every number at its median)")
	header := []string{"channel", "before"}
	for _, r := range runs {
		suffix := ""
		if len(runs) > 1 {
			suffix = " " + r.Scenario
		}
		header = append(header, "peak"+suffix, "end"+suffix)
	}
	var rows [][]string
	for i, c := range r0.Before.Channels {
		row := []string{string(c.Channel), num(c.Score, 3)}
		for _, r := range runs {
			row = append(row, num(r.Central.Peak.Channels[i].Score, 3), num(r.Central.End.Channels[i].Score, 3))
		}
		rows = append(rows, row)
	}
	row := []string{"composite", num(r0.Before.Composite, 3)}
	for _, r := range runs {
		row = append(row, num(r.Central.Peak.Composite, 3), num(r.Central.End.Composite, 3))
	}
	rows = append(rows, row)
	d.table(header, rows)
	for _, r := range runs {
		d.printf("%s: peak on %s.\n", r.Scenario, r.Central.Peak.Date)
	}
	d.printf("\n")

	d.heading(2, fmt.Sprintf("%s's crude exports", r0.Target.Name))
	e := r0.Exports
	d.printf("Capacity before the shocks %.1f Mt/y; exports %.1f Mt/y.\n\n", e.Capacity, e.Volume)
	header = []string{"", "lowest capacity", "lost (Mt)", "lost after rerouting (Mt)", "days short"}
	rows = nil
	for _, r := range runs {
		c := r.Central
		rows = append(rows, []string{r.Scenario + " central", fmt.Sprintf("%.1f%%", 100*c.CapMin), fmt.Sprintf("%.2f", c.Lost), fmt.Sprintf("%.2f", c.Rerouted), fmt.Sprintf("%.0f", c.DaysShort)})
		if dr := r.Draws; dr != nil {
			cm := "–"
			if dr.CapMin.P50 != nil {
				cm = fmt.Sprintf("%.1f%% [%.1f–%.1f]", 100**dr.CapMin.P50, 100**dr.CapMin.P5, 100**dr.CapMin.P95)
			}
			rows = append(rows, []string{r.Scenario + " draws p50 [p5–p95]", cm, mt(dr.Lost), mt(dr.Rerouted), mt(dr.DaysShort)})
		}
	}
	d.table(header, rows)

	for _, r := range runs {
		dr := r.Draws
		if dr == nil {
			continue
		}
		name := ""
		if len(runs) > 1 {
			name = " — " + r.Scenario
		}
		d.heading(2, fmt.Sprintf("Monte Carlo: %d draws, seed %d%s", dr.N, dr.Seed, name))
		rows = nil
		for _, c := range dr.Channels {
			rows = append(rows, []string{string(c.Channel), num(c.Before, 3), band(c.Peak), band(c.End)})
		}
		rows = append(rows, []string{"composite", num(dr.Composite.Before, 3), band(dr.Composite.Peak), band(dr.Composite.End)})
		d.table([]string{"channel", "before", "peak p50 [p5–p95]", "end p50 [p5–p95]"}, rows)
		rows = nil
		for _, ev := range dr.Events {
			rows = append(rows, []string{ev.Label, fmt.Sprintf("%.1f%%", 100*ev.Probability)})
		}
		d.table([]string{"event", "probability"}, rows)
		rows = nil
		for _, dv := range dr.Drivers {
			rows = append(rows, []string{dv.Input, fmt.Sprintf("%.2f", dv.Composite), fmt.Sprintf("%.2f", dv.Lost)})
		}
		if len(rows) > 0 {
			d.printf("What drives the spread (share of variance explained, first-order):\n\n")
			d.table([]string{"uncertain input", "composite at peak", "exports lost"}, rows)
		}
	}

	if len(runs) == 1 {
		d.heading(2, "Time path (central case)")
		rows = nil
		path := r0.Central.Path
		for i := 0; i < len(path); {
			// Steps in a row with the same figures make one line.
			j := i + 1
			for j < len(path) && path[j].Capacity == path[i].Capacity && path[j].Lost == path[i].Lost {
				j++
			}
			s := path[i]
			period := s.Period
			if j-i > 1 {
				period = fmt.Sprintf("%s to %s (%d steps)", s.Period, path[j-1].Period, j-i)
			}
			if !(s.Capacity == 1 && s.Lost == 0) {
				rows = append(rows, []string{period, fmt.Sprintf("%.1f%%", 100*s.Capacity), fmt.Sprintf("%.2f", s.Lost), fmt.Sprintf("%.2f", s.Lost*float64(j-i))})
			}
			i = j
		}
		if len(rows) == 0 {
			d.printf("The export system is not touched.\n\n")
		} else {
			d.table([]string{"period", "mean capacity", "lost per step (Mt)", "lost (Mt)"}, rows)
			d.printf("Steps with the capacity as before and nothing lost are left out.\n\n")
		}
	}
	for _, r := range runs {
		for _, n := range r.Notes {
			d.printf("Note (%s): %s.\n", r.Scenario, n)
		}
	}
	d.printf("\nSources: %s.\n", strings.Join(r0.Sources, ", "))
}
