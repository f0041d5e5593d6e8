package open

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

type failWriter struct{ n int }

func (f *failWriter) Write(b []byte) (int, error) {
	if f.n == 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(b), nil
}

func TestWriteCSV(t *testing.T) {
	res := compute(t, readTiny(t), 2000, 2004)
	var out bytes.Buffer
	if err := res.WriteCSV(&out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != res.Len()+1 || lines[0] != Header {
		t.Fatalf("got %d lines, header %q", len(lines), lines[0])
	}
	for i := range res.Len() {
		want := itoa(int(res.CCode1[i])) + "," + itoa(int(res.CCode2[i])) + "," + itoa(int(res.Year[i])) + "," +
			string(appendG12(nil, res.Bandwidth[i])) + "," + string(appendG12(nil, res.Dependence[i])) + "," + string(appendG12(nil, res.Index[i]))
		if lines[i+1] != want {
			t.Errorf("line %d: %q, want %q", i+2, lines[i+1], want)
		}
	}
	for _, n := range []int{0, 1} {
		if err := res.WriteCSV(&failWriter{n: n}); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("failing writer after %d writes: %v", n, err)
		}
	}
	res.Index = res.Index[1:]
	if err := res.WriteCSV(&out); err == nil {
		t.Error("short column: no error")
	}
	// Many blocks, written in order.
	big := &Result{}
	for i := range 3*blockRows + 5 {
		big.CCode1 = append(big.CCode1, int16(i/100))
		big.CCode2 = append(big.CCode2, int16(i%100))
		big.Year = append(big.Year, 2000)
		big.Bandwidth = append(big.Bandwidth, float64(i))
		big.Dependence = append(big.Dependence, 0.5)
		big.Index = append(big.Index, 0)
	}
	out.Reset()
	if err := big.WriteCSV(&out); err != nil {
		t.Fatal(err)
	}
	lines = strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	for i, l := range lines[1:] {
		want := itoa(i/100) + "," + itoa(i%100) + ",2000," + itoa(i) + ",0.5,0"
		if l != want {
			t.Fatalf("line %d: %q, want %q", i+2, l, want)
		}
	}
}
