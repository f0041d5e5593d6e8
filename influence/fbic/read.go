package fbic

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Table is the part of a file in FBIC's released layout that the profile
// reads, by column: one entry per data row, in file order.
type Table struct {
	ISO3A []string // influencer A
	ISO3B []string // target B
	Year  []int
	// Inputs holds each indicator column the default weights name, by its
	// FBIC name, with NaN for a missing value.
	Inputs map[string][]float64
	// Plus says whether the file carries the FBIC-plus inputs.
	Plus bool
}

// Len returns the number of rows.
func (t *Table) Len() int { return len(t.Year) }

// Key columns of the released layout.
const (
	ColISO3A = "iso3a"
	ColISO3B = "iso3b"
	ColYear  = "year"
)

// Read reads a file in FBIC's released dyad-year layout, naming it file in
// errors. Columns are found by header name, in any order and case; other
// columns are ignored. iso3a, iso3b, year and the standard indicators are
// required; the FBIC-plus indicators are read when the header has any of
// them, and then all are required. A blank cell, ".", Stata's ".a" to ".z",
// "NA", "N/A" or "NaN" is a missing value.
func Read(ctx context.Context, r io.Reader, file string) (*Table, error) {
	all, plusOnly := inputs(DefaultWeights())
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a header row", file)
	}
	if err != nil {
		return nil, csvErr(file, err)
	}
	headLine, _ := cr.FieldPos(0)
	col := map[string]int{}
	for i, h := range head {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; dup {
			if h == ColISO3A || h == ColISO3B || h == ColYear || contains(all, h) {
				return nil, fmt.Errorf("%s:%d: column %s given twice", file, headLine, h)
			}
			continue
		}
		col[h] = i
	}
	plus := false
	for _, c := range plusOnly {
		if _, ok := col[c]; ok {
			plus = true
			break
		}
	}
	t := &Table{Inputs: map[string][]float64{}, Plus: plus}
	type numCol struct {
		name string
		idx  int
	}
	var nums []numCol
	for _, c := range append([]string{ColISO3A, ColISO3B, ColYear}, all...) {
		i, ok := col[c]
		if !ok {
			if !plus && contains(plusOnly, c) {
				continue
			}
			if contains(plusOnly, c) {
				return nil, fmt.Errorf("%s:%d: missing column %s (the header has other FBIC-plus inputs, which need it)", file, headLine, c)
			}
			return nil, fmt.Errorf("%s:%d: missing column %s", file, headLine, c)
		}
		if c != ColISO3A && c != ColISO3B && c != ColYear {
			nums = append(nums, numCol{c, i})
			t.Inputs[c] = nil
		}
	}
	ia, ib, iy := col[ColISO3A], col[ColISO3B], col[ColYear]
	codes := map[string]string{} // one string per distinct code
	intern := func(s string) string {
		s = strings.TrimSpace(s)
		if c, ok := codes[s]; ok {
			return c
		}
		codes[s] = s
		return s
	}
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("%s: %w", file, err)
			}
		}
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(file, err)
		}
		bad := func(i int, name, want string) error {
			line, column := cr.FieldPos(i)
			return fmt.Errorf("%s:%d:%d: field %s: want %s, got %q", file, line, column, name, want, row[i])
		}
		year, ok := parseYear(row[iy])
		if !ok {
			return nil, bad(iy, ColYear, "a year")
		}
		t.Year = append(t.Year, year)
		t.ISO3A = append(t.ISO3A, intern(row[ia]))
		t.ISO3B = append(t.ISO3B, intern(row[ib]))
		for _, c := range nums {
			v, ok := parseNumber(row[c.idx])
			if !ok {
				return nil, bad(c.idx, c.name, "a number")
			}
			t.Inputs[c.name] = append(t.Inputs[c.name], v)
		}
	}
	return t, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func csvErr(file string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s:%d:%d: %w", file, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", file, err)
}

// parseNumber returns the value of a numeric cell, NaN for a missing value,
// and false for anything else, infinities included.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if isMissing(s) {
		return math.NaN(), true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// isMissing reports whether s (trimmed) spells a missing value.
func isMissing(s string) bool {
	switch strings.ToLower(s) {
	case "", ".", "na", "n/a", "nan":
		return true
	}
	return len(s) == 2 && s[0] == '.' && s[1] >= 'a' && s[1] <= 'z'
}

// parseYear reads a whole number such as "1980" or "1980.0".
func parseYear(s string) (int, bool) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || v != math.Trunc(v) || math.Abs(v) > 1e6 {
		return 0, false
	}
	return int(v), true
}
