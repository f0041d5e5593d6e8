package parquetfile

import (
	"bytes"
	"math"
	"testing"

	"github.com/parquet-go/parquet-go"
)

func TestWriteReadBack(t *testing.T) {
	n := 3000
	a, y := make([]int32, n), make([]int32, n)
	v, s := make([]float64, n), make([]string, n)
	for i := range n {
		a[i], y[i] = int32(i%200), int32(1950+i%65)
		v[i] = float64(i) / 7
		s[i] = []string{"RUS", "KAZ", "CHN"}[i%3]
	}
	v[5] = math.NaN()
	var buf bytes.Buffer
	cols := []Column{{Name: "iso3a", String: s}, {Name: "ccode1", Int32: a}, {Name: "year", Int32: y}, {Name: "index", Float64: v}}
	if err := Write(&buf, cols); err != nil {
		t.Fatal(err)
	}
	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if f.NumRows() != int64(n) {
		t.Fatalf("%d rows, want %d", f.NumRows(), n)
	}
	var names []string
	for _, c := range f.Schema().Fields() {
		names = append(names, c.Name())
	}
	if want := []string{"iso3a", "ccode1", "year", "index"}; !equal(names, want) {
		t.Errorf("columns %v, want %v (in the order given)", names, want)
	}
	r := parquet.NewReader(f)
	defer r.Close()
	rows := make([]parquet.Row, n)
	got, _ := r.ReadRows(rows)
	if got != n {
		t.Fatalf("read %d rows, want %d", got, n)
	}
	for i := range n {
		row := rows[i]
		if string(row[0].ByteArray()) != s[i] || row[1].Int32() != a[i] || row[2].Int32() != y[i] {
			t.Fatalf("row %d: %v", i, row)
		}
		if i == 5 {
			if !row[3].IsNull() {
				t.Errorf("row 5: NaN written as %v, want null", row[3])
			}
		} else if row[3].Double() != v[i] {
			t.Fatalf("row %d: value %v, want %v", i, row[3].Double(), v[i])
		}
	}
}

func TestWriteErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, nil); err == nil {
		t.Error("no columns: want an error")
	}
	if err := Write(&buf, []Column{{Name: "a", Int32: []int32{1}}, {Name: "b", Int32: []int32{1, 2}}}); err == nil {
		t.Error("unequal columns: want an error")
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
