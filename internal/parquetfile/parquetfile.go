// Package parquetfile writes tables of named columns as Apache Parquet
// files, for users who read results into R or pandas. It keeps the columns
// in the order given.
package parquetfile

import (
	"fmt"
	"io"
	"math"
	"reflect"
	"strings"
	"unicode"

	"github.com/parquet-go/parquet-go"
)

// Column is one named column of a table: exactly one of the slices is set.
// In a float column NaN stands for a missing value and is written as null.
type Column struct {
	Name    string
	Int32   []int32
	Float64 []float64
	String  []string
}

func (c Column) len() int {
	switch {
	case c.Int32 != nil:
		return len(c.Int32)
	case c.Float64 != nil:
		return len(c.Float64)
	}
	return len(c.String)
}

// rowGroup is the number of rows written per row group.
const rowGroup = 128 * 1024

// Write writes the columns as one Parquet file to w, Zstandard-compressed;
// float columns are optional (nullable), the others required.
func Write(w io.Writer, cols []Column) error {
	if len(cols) == 0 {
		return fmt.Errorf("parquet: no columns")
	}
	n := cols[0].len()
	fields := make([]reflect.StructField, len(cols))
	for i, c := range cols {
		if c.len() != n {
			return fmt.Errorf("parquet: column %s has %d rows, want %d", c.Name, c.len(), n)
		}
		if c.Name == "" || strings.ContainsAny(c.Name, ",\"`") {
			return fmt.Errorf("parquet: bad column name %q", c.Name)
		}
		f := reflect.StructField{Name: fmt.Sprintf("F%d", i)}
		switch {
		case c.Int32 != nil:
			f.Type, f.Tag = reflect.TypeOf(int32(0)), reflect.StructTag(`parquet:"`+c.Name+`"`)
		case c.Float64 != nil:
			f.Type, f.Tag = reflect.TypeOf(new(float64)), reflect.StructTag(`parquet:"`+c.Name+`,optional"`)
		default:
			f.Type, f.Tag = reflect.TypeOf(""), reflect.StructTag(`parquet:"`+c.Name+`,dict"`)
		}
		if !unicode.IsUpper(rune(f.Name[0])) {
			panic("unexported field")
		}
		fields[i] = f
	}
	schema := parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Elem().Interface())
	pw := parquet.NewWriter(w, schema, parquet.Compression(&parquet.Zstd), parquet.PageBufferSize(1<<20))
	rows := make([]parquet.Row, 0, 1024)
	for start := 0; start < n; start += cap(rows) {
		end := min(start+cap(rows), n)
		rows = rows[:0]
		for i := start; i < end; i++ {
			row := make(parquet.Row, len(cols))
			for j, c := range cols {
				switch {
				case c.Int32 != nil:
					row[j] = parquet.Int32Value(c.Int32[i]).Level(0, 0, j)
				case c.Float64 != nil:
					if v := c.Float64[i]; math.IsNaN(v) {
						row[j] = parquet.NullValue().Level(0, 0, j)
					} else {
						row[j] = parquet.DoubleValue(v).Level(0, 1, j)
					}
				default:
					row[j] = parquet.ByteArrayValue([]byte(c.String[i])).Level(0, 0, j)
				}
			}
			rows = append(rows, row)
		}
		if _, err := pw.WriteRows(rows); err != nil {
			return fmt.Errorf("parquet: write rows: %w", err)
		}
		if end%rowGroup == 0 {
			if err := pw.Flush(); err != nil {
				return fmt.Errorf("parquet: flush: %w", err)
			}
		}
	}
	if err := pw.Close(); err != nil {
		return fmt.Errorf("parquet: close: %w", err)
	}
	return nil
}
