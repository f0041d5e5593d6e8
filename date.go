package leverage

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date known to the year, the month or the day. Month and
// Day are zero when unknown, so "2019-03" is Date{2019, 3, 0}. The zero Date
// means "no date" and, in a Period, an open end.
type Date struct {
	Year, Month, Day int
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD". The empty string gives
// the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || p == "" {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		v, err := strconv.Atoi(p)
		if err != nil || strings.Trim(p, "0123456789") != "" {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if d.Year < 1 {
		return Date{}, fmt.Errorf("date %q: year out of range", s)
	}
	if len(parts) >= 2 && (d.Month < 1 || d.Month > 12) {
		return Date{}, fmt.Errorf("date %q: month out of range", s)
	}
	if len(parts) == 3 {
		t := time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
		if d.Day < 1 || t.Day() != d.Day {
			return Date{}, fmt.Errorf("date %q: day out of range", s)
		}
	}
	return d, nil
}

// MustDate is ParseDate for constants; it panics on a malformed date.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the day of t as a Date.
func DateOf(t time.Time) Date {
	return Date{t.Year(), int(t.Month()), t.Day()}
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.Year == 0 }

// String formats d at its own precision: "2019", "2019-03" or "2019-03-20".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First returns the first day d covers.
func (d Date) First() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last returns the last day d covers.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// MarshalText implements encoding.TextMarshaler.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Period is the time a fact or a name holds: from the first day of From to
// the last day of To, both inclusive. A zero From or To leaves that end open,
// so the zero Period holds always.
type Period struct {
	From Date `json:"from,omitzero"`
	To   Date `json:"to,omitzero"`
}

// Contains reports whether the day of t lies in p.
func (p Period) Contains(t time.Time) bool {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if !p.From.IsZero() && day.Before(p.From.First()) {
		return false
	}
	if !p.To.IsZero() && day.After(p.To.Last()) {
		return false
	}
	return true
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	startsBeforeQEnds := p.From.IsZero() || q.To.IsZero() || !p.From.First().After(q.To.Last())
	qStartsBeforePEnds := q.From.IsZero() || p.To.IsZero() || !q.From.First().After(p.To.Last())
	return startsBeforeQEnds && qStartsBeforePEnds
}

// Started reports whether p had begun by the day of t.
func (p Period) Started(t time.Time) bool {
	return p.From.IsZero() || !t.Before(p.From.First())
}

// Validate checks that From does not come after To.
func (p Period) Validate() error {
	if !p.From.IsZero() && !p.To.IsZero() && p.From.First().After(p.To.Last()) {
		return fmt.Errorf("period %s to %s ends before it starts", p.From, p.To)
	}
	return nil
}

// String formats p as "2019-03 to 2022-09-16", "from 2015-01-01", "to 2050"
// or "" for an open period.
func (p Period) String() string {
	switch {
	case p.From.IsZero() && p.To.IsZero():
		return ""
	case p.To.IsZero():
		return "from " + p.From.String()
	case p.From.IsZero():
		return "to " + p.To.String()
	}
	return p.From.String() + " to " + p.To.String()
}
