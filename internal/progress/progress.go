// Package progress draws a one-line progress bar for long operations, such
// as writing millions of rows to the store. It draws only on a terminal, so
// that logs and pipes stay clean, and redraws at most a few times a second.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// width is the number of cells of the bar itself.
const width = 30

// Bar is a progress bar for a task of a known number of steps. It is not
// safe for concurrent use.
type Bar struct {
	w       io.Writer
	label   string
	total   int
	done    int
	enabled bool
	every   time.Duration
	now     func() time.Time
	last    time.Time // when the bar was last drawn
	drawn   bool      // something has been drawn
	width   int       // characters of the last line drawn
}

// Option changes how a bar draws.
type Option func(*Bar)

// Force makes the bar draw even when w is not a terminal (for tests).
func Force() Option { return func(b *Bar) { b.enabled = true } }

// Every sets the least time between two redraws (default 100ms).
func Every(d time.Duration) Option { return func(b *Bar) { b.every = d } }

// Clock sets the clock the bar throttles redraws by (default time.Now).
func Clock(now func() time.Time) Option { return func(b *Bar) { b.now = now } }

// New returns a bar labelled label for total steps, drawn on w. Unless an
// option forces it, the bar does nothing when w is not a terminal.
func New(w io.Writer, label string, total int, opts ...Option) *Bar {
	b := &Bar{w: w, label: label, total: total, enabled: IsTerminal(w), every: 100 * time.Millisecond, now: time.Now}
	for _, o := range opts {
		o(b)
	}
	return b
}

// IsTerminal reports whether w is a character device, such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Set records that done steps are complete and redraws the bar if enough
// time has passed since the last redraw.
func (b *Bar) Set(done int) {
	b.done = done
	if !b.enabled {
		return
	}
	if t := b.now(); !b.drawn || t.Sub(b.last) >= b.every {
		b.last = t
		b.draw()
	}
}

// Done draws the bar in its final state and ends its line. Call it once,
// when the task has finished or failed.
func (b *Bar) Done() {
	if !b.enabled {
		return
	}
	b.draw()
	fmt.Fprintln(b.w)
}

// draw writes the bar over the previous one.
func (b *Bar) draw() {
	var line string
	if b.total > 0 {
		done := min(max(b.done, 0), b.total)
		cells := done * width / b.total
		bar := strings.Repeat("=", cells)
		if cells < width {
			bar += ">" + strings.Repeat(" ", width-cells-1)
		}
		line = fmt.Sprintf("%s [%s] %3d%% %d/%d", b.label, bar, done*100/b.total, done, b.total)
	} else {
		line = fmt.Sprintf("%s %d", b.label, b.done)
	}
	pad := ""
	if n := len(line); n < b.width {
		pad = strings.Repeat(" ", b.width-n)
	}
	b.width = len(line)
	b.drawn = true
	fmt.Fprint(b.w, "\r"+line+pad)
}
