package open

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// tinyFiles returns the tiny universe's files by name.
func tinyFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, f := range []string{FileUniverse, FileTrade, FileStateTrade, FileIGOs, FileAlliances} {
		b, err := os.ReadFile(filepath.Join(tinyDir, f))
		if err != nil {
			t.Fatal(err)
		}
		files[f] = b
	}
	return files
}

func readFiles(files map[string][]byte) (*Inputs, error) {
	return read(context.Background(), func(file string, _ []byte) ([]byte, error) {
		b, ok := files[file]
		if !ok {
			return nil, errors.New("no file " + file)
		}
		return b, nil
	})
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, file, text, want string
	}{
		{"not a number", FileTrade, "ccode1,ccode2,year,flow1,flow2\n2,20,2000,1,2\n2,20,2001,x,2\n",
			`cow_trade_ndy.csv:3:4: field flow1: want a number, got "x"`},
		{"number after extra columns", FileTrade, "smoothflow1,ccode1,ccode2,year,flow2,flow1\n9,2,20,2000,1,1e\n",
			`cow_trade_ndy.csv:2:6: field flow1: want a number, got "1e"`},
		{"missing column", FileTrade, "ccode1,ccode2,year,flow1\n", `cow_trade_ndy.csv:1: want a column "flow2" in the header`},
		{"empty file", FileUniverse, "", "cow_ddy.csv:1: want a header line"},
		{"code not an integer", FileUniverse, "ccode1,ccode2,year\n2,20.0,2000\n", `cow_ddy.csv:2:2: field ccode2: want a state code from 0 to 999, got "20.0"`},
		{"code too large", FileUniverse, "ccode1,ccode2,year\n2,1000,2000\n", `cow_ddy.csv:2:2: field ccode2: want a state code from 0 to 999, got "1000"`},
		{"negative code", FileUniverse, "ccode1,ccode2,year\n-2,20,2000\n", `cow_ddy.csv:2:1: field ccode1: want a state code from 0 to 999, got "-2"`},
		{"empty code", FileUniverse, "ccode1,ccode2,year\n,20,2000\n", `cow_ddy.csv:2:1: field ccode1: want a state code from 0 to 999, got ""`},
		{"year too large", FileUniverse, "ccode1,ccode2,year\n2,20,40000\n", `cow_ddy.csv:2:3: field year: want a year (an integer), got "40000"`},
		{"too few fields", FileUniverse, "ccode1,ccode2,year\n2,20,2000\n2,20\n", "cow_ddy.csv:3:3: want 3 fields as in the header, got 2"},
		{"too many fields", FileUniverse, "ccode1,ccode2,year\n2,20,2000,5\n", "cow_ddy.csv:2:4: want 3 fields as in the header, got more"},
		{"too many fields, CRLF", FileUniverse, "ccode1,ccode2,year\r\n2,20,2000,\r\n", "cow_ddy.csv:2:4: want 3 fields as in the header, got more"},
		{"unterminated quote", FileUniverse, "ccode1,ccode2,year\n2,\"20,2000\n", "cow_ddy.csv:2:2: unterminated quoted field"},
		{"stray quote", FileUniverse, "ccode1,ccode2,year\n2,2\"0,2000\n", "cow_ddy.csv:2:2: quote in an unquoted field"},
		{"text after quote", FileUniverse, "ccode1,ccode2,year\n2,\"20\"x,2000\n", "cow_ddy.csv:2:2: want a comma after a quoted field"},
		{"line numbers across chunks", FileIGOs, "ccode1,ccode2,year,dyadigos\n" + strings.Repeat("2,20,2000,1\n", 200000) + "2,20,2000,one\n",
			`cow_igo_ndy.csv:200002:4: field dyadigos: want a number, got "one"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tinyFiles(t)
			files[tt.file] = []byte(tt.text)
			_, err := readFiles(files)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			var pe *ParseError
			if err != nil && !errors.As(err, &pe) {
				t.Errorf("error %v is not a *ParseError", err)
			}
		})
	}
}

// TestReadLayouts: the same table written in other legal ways reads the
// same.
func TestReadLayouts(t *testing.T) {
	base := "ccode1,ccode2,year,flow1,flow2\n2,20,2000,10,30\n2,20,2001,20,\n2,200,2000,1000,3000\n"
	tests := []struct{ name, text string }{
		{"CRLF", strings.ReplaceAll(base, "\n", "\r\n")},
		{"no final newline", strings.TrimSuffix(base, "\n")},
		{"no final newline, CRLF", strings.TrimSuffix(strings.ReplaceAll(base, "\n", "\r\n"), "\r\n")},
		{"BOM", "\xef\xbb\xbf" + base},
		{"blank lines", strings.Replace(base, "\n2,20,2001", "\n\n\r\n2,20,2001", 1) + "\n"},
		{"quotes", "\"ccode1\",ccode2,year,flow1,\"flow2\"\n2,\"20\",2000,\"10\",30\n2,20,2001,20,\"\"\n2,200,2000,1000,\"3000\"\n"},
		{"spaces", "ccode1,ccode2,year,flow1,flow2\n 2,20 ,2000,10 , 30\n2,20,2001,20, \n2,200,2000,1000,3000\n"},
		{"other spellings", "ccode1,ccode2,year,flow1,flow2\n+2,020,2000,1e1,30.0\n2,20,2001,2E1,NA\n2,200,2000,1000.,3e3\n"},
		{"extra columns, other order", "flow2,x,year,ccode2,flow1,ccode1,y\n30,a,2000,20,10,2,\n,b,2001,20,20,2,\"q,r\"\n3000,,2000,200,1000,2,\n"},
	}
	want := func(t *testing.T, in *Inputs) {
		tr := &in.Trade
		if tr.Len() != 3 {
			t.Fatalf("%d rows, want 3", tr.Len())
		}
		ok := tr.CCode1[0] == 2 && tr.CCode2[0] == 20 && tr.Year[0] == 2000 && tr.Flow1[0] == 10 && tr.Flow2[0] == 30 &&
			tr.Year[1] == 2001 && tr.Flow1[1] == 20 && math.IsNaN(tr.Flow2[1]) &&
			tr.CCode2[2] == 200 && tr.Flow1[2] == 1000 && tr.Flow2[2] == 3000
		if !ok {
			t.Errorf("read %+v", *tr)
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := tinyFiles(t)
			files[FileTrade] = []byte(tt.text)
			in, err := readFiles(files)
			if err != nil {
				t.Fatal(err)
			}
			want(t, in)
		})
	}
}

// TestParseValue: numbers read as strconv.ParseFloat reads them.
func TestParseValue(t *testing.T) {
	for _, s := range []string{"0", "-0", "1", "12345", "0.1", "0.3", "1.5", "123456789012345", "1234567890123456",
		"12345678901234567890", "0.000000000000000000001", "9007199254740993", "1.7976931348623157e308", "4.9e-324",
		"1e400", "-1e400", "1e-400", "3.14159265358979323846", "0.30000000000000004", "342.0299987792969",
		".5", "5.", "+7", "-7.25", "Inf", "-inf", "0x1p-2", "1_000"} {
		want, err := strconv.ParseFloat(s, 64)
		if ne, ok := err.(*strconv.NumError); err != nil && !(ok && ne.Err == strconv.ErrRange) {
			if _, ok := parseValue([]byte(s)); ok {
				t.Errorf("parseValue(%q) succeeded, ParseFloat fails", s)
			}
			continue
		}
		got, ok := parseValue([]byte(s))
		if !ok || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("parseValue(%q) = %v, %v; want %v", s, got, ok, want)
		}
		// The scanner's own fast path agrees too.
		files := tinyFiles(t)
		files[FileIGOs] = []byte("ccode1,ccode2,year,dyadigos\n2,20,2000," + s + "\n")
		in, err := readFiles(files)
		if err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if got := in.IGOs.Shared[0]; math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("read %q as %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"", " ", "NA", "NaN", "nan", "null", "N/A", "#N/A", "<NA>", "None"} {
		if v, ok := parseValue([]byte(s)); !ok || !math.IsNaN(v) {
			t.Errorf("parseValue(%q) = %v, %v; want NaN (missing)", s, v, ok)
		}
	}
	for _, s := range []string{"x", "1e", "--1", "1.2.3", ".", "1,5", "one"} {
		if _, ok := parseValue([]byte(s)); ok {
			t.Errorf("parseValue(%q) succeeded", s)
		}
	}
}

// FuzzReadDir feeds arbitrary bytes as each input file: reading and
// computing must give an error or a result, never panic.
func FuzzReadDir(f *testing.F) {
	files := tinyFiles(f)
	f.Add(files[FileUniverse], files[FileTrade], files[FileStateTrade], files[FileIGOs], files[FileAlliances])
	f.Add([]byte("ccode1,ccode2,year\r\n2,20,2000\r\n20,2,2000"), []byte("ccode1,ccode2,year,flow1,flow2\n2,20,2000,\"1\",\n"),
		[]byte("ccode,year,imports,exports\n20,2000,NA,1e3\n"), []byte("ccode1,ccode2,year,dyadigos\n2,20,2000,-1\n"),
		[]byte("ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n2,20,2000,1,,0,0,nan\n"))
	f.Fuzz(func(t *testing.T, ddy, trade, sy, igo, atop []byte) {
		in, err := readFiles(map[string][]byte{FileUniverse: ddy, FileTrade: trade, FileStateTrade: sy, FileIGOs: igo, FileAlliances: atop})
		if err != nil {
			return
		}
		res, err := Compute(context.Background(), in, DefaultWeights(), 1950, 2014)
		if err != nil {
			return
		}
		if err := res.WriteCSV(io.Discard); err != nil {
			t.Fatal(err)
		}
	})
}

// TestReadFile reads files in parts, into a reused buffer.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	var buf []byte
	for _, size := range []int{0, 1, 1000, 3<<20 + 17, 100} {
		want := make([]byte, size)
		for i := range want {
			want[i] = byte(i*7 + i>>10)
		}
		name := filepath.Join(dir, strconv.Itoa(size))
		if err := os.WriteFile(name, want, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readFile(name, buf)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("size %d: read %d bytes, not the file", size, len(got))
		}
		buf = got
	}
	if _, err := readFile(filepath.Join(dir, "none"), nil); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
