package importer

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/leverage-dev/leverage"
)

func TestSortAndCompact(t *testing.T) {
	o := &leverage.Observations{Variables: []leverage.Variable{{Name: "x.a"}, {Name: "x.unused"}, {Name: "x.b"}}}
	o.Add(2, 20, 2, 1920, 1)
	o.Add(0, 365, 705, 2014, 2)
	o.Add(0, 2, 20, 1920, 3)
	o.Add(0, 2, 20, 0, 4)
	Compact(o)
	if len(o.Variables) != 2 || o.Variables[1].Name != "x.b" || o.Var[0] != 1 {
		t.Fatalf("after Compact: variables %v, var %v", o.Variables, o.Var)
	}
	Sort(o)
	if !slices.Equal(o.Value, []float64{4, 3, 2, 1}) || !slices.Equal(o.A, []int32{2, 2, 365, 20}) || !slices.Equal(o.Var, []int32{0, 0, 0, 1}) {
		t.Errorf("after Sort: var %v, a %v, values %v", o.Var, o.A, o.Value)
	}
	if first, last := Years(o); first != 1920 || last != 2014 {
		t.Errorf("Years = %d, %d; want 1920, 2014 (ignoring year 0)", first, last)
	}
}

func TestKey(t *testing.T) {
	for _, c := range [][3]int{{1, 0, 0}, {999, 998, 9999}, {2, 20, 1920*16 + 12}} {
		if a, b, k := Unkey(Key(c[0], c[1], c[2])); a != c[0] || b != c[1] || k != c[2] {
			t.Errorf("Unkey(Key(%v)) = %d, %d, %d", c, a, b, k)
		}
	}
}

func TestError(t *testing.T) {
	inner := leverage.Errorf(leverage.EINVALID, "want a number, got %q", "x")
	for _, c := range []struct {
		e    *Error
		want string
	}{
		{&Error{File: "f.csv", Line: 3, Column: 7, Field: "flow1", Err: inner}, `f.csv:3:7: field flow1: want a number, got "x"`},
		{&Error{File: "f.csv", Line: 3, Err: inner}, `f.csv:3: want a number, got "x"`},
		{&Error{File: "f.csv", Err: inner}, `f.csv: want a number, got "x"`},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
		if leverage.ErrorCode(c.e) != leverage.EINVALID || !errors.Is(c.e, inner) {
			t.Errorf("%v: code %q, want %q and the wrapped error", c.e, leverage.ErrorCode(c.e), leverage.EINVALID)
		}
	}
}

func TestTable(t *testing.T) {
	tb, err := NewTable(File{Name: "f.csv", Data: []byte("\ufeffCCode; Value \r\n7;-9\r\n8;NA\r\n9; 1.5 \r\n")}, ';', MissingCOW())
	if err != nil {
		t.Fatal(err)
	}
	cols, err := tb.Columns("ccode", "value")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	err = tb.Each(func() error {
		v, ok, err := tb.Value(cols[1], 0)
		got = append(got, tb.Field(cols[0])+":"+map[bool]string{true: "ok", false: "missing"}[ok]+":"+strconv.FormatFloat(v, 'g', -1, 64))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"7:missing:0", "8:missing:0", "9:ok:1.5"}; !slices.Equal(got, want) {
		t.Errorf("rows %q, want %q", got, want)
	}
}

func TestKeyColumns(t *testing.T) {
	in := "CCode1,ccode2,year\n2,20,1920\n2,2,1920\n"
	tb, err := NewTable(File{Name: "f.csv", Data: []byte(in)}, ',', MissingCOW())
	if err != nil {
		t.Fatal(err)
	}
	cols, err := tb.Columns("ccode1", "ccode2", "year")
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]int
	err = tb.Each(func() error {
		if a, year, err := tb.StateYear([]int{cols[0], cols[2]}); err != nil || a != 2 || year != 1920 {
			t.Errorf("StateYear = %d, %d, %v; want 2, 1920", a, year, err)
		}
		a, b, year, err := tb.Dyad(cols)
		got = append(got, [3]int{a, b, year})
		return err
	})
	if want := `f.csv:3:3: field ccode2: want a state other than CCode1 2, got "2"`; err == nil || err.Error() != want {
		t.Errorf("got error %v, want %s", err, want)
	}
	if want := [][3]int{{2, 20, 1920}, {0, 0, 0}}; !slices.Equal(got, want) {
		t.Errorf("dyads %v, want %v", got, want)
	}
}

func TestSorted(t *testing.T) {
	if names := Sorted(map[string]bool{"b": true, "a": true}); !slices.Equal(names, []string{"a", "b"}) {
		t.Errorf("Sorted = %q, want [a b]", names)
	}
	if names := Sorted(nil); names == nil || len(names) != 0 {
		t.Errorf("Sorted(nil) = %#v, want an empty slice, not nil", names)
	}
}
