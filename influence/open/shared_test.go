package open

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// sharedDir returns the shared open data's directory: $LEVERAGE_TESTDATA or
// the repository's ../shared/data. It skips the test when the data is
// absent.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("LEVERAGE_TESTDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(dir, "peacesciencer", FileUniverse)); err != nil {
		tb.Skipf("shared open data not found (set LEVERAGE_TESTDATA to ../shared/data): %v", err)
	}
	return dir
}

// TestSharedData checks the spec's spot values on the shared data.
func TestSharedData(t *testing.T) {
	dir := sharedDir(t)
	in, err := ReadDir(context.Background(), filepath.Join(dir, "peacesciencer"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compute(context.Background(), in, DefaultWeights(), 1950, 2014)
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Len(); n != 1576772 {
		t.Errorf("%d rows, want 1,576,772", n)
	}
	i := row(t, res, 365, 705, 2014) // Russia over Kazakhstan
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"bandwidth", res.Bandwidth[i], 0.769208806042},
		{"dependence", res.Dependence[i], 0.747450127294},
		{"index", res.Index[i], 0.657439838033},
	} {
		if math.Abs(c.got-c.want) > 5e-13 {
			t.Errorf("(365, 705, 2014) %s = %.12g, want %.12g", c.name, c.got, c.want)
		}
	}
	best := 0
	for j, v := range res.Index {
		if v > res.Index[best] {
			best = j
		}
	}
	if res.Index[best] != 1 || res.CCode1[best] != 2 || res.CCode2[best] != 20 || res.Year[best] != 2000 {
		t.Errorf("greatest index %v at (%d, %d, %d), want 1 at (2, 20, 2000)", res.Index[best], res.CCode1[best], res.CCode2[best], res.Year[best])
	}
	checkProperties(t, res)
}

// TestSharedPandas runs the pandas reference on the shared data and
// compares every value with ours, to 1e-9. It takes about 15 s.
func TestSharedPandas(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: runs the pandas reference (about 15 s)")
	}
	dir := sharedDir(t)
	script := filepath.Join(dir, "..", "reference", "open_index_pandas.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("pandas reference not found: %v", err)
	}
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import pandas").Run(); err != nil {
		t.Skipf("%s cannot import pandas: %v", python, err)
	}
	want := filepath.Join(t.TempDir(), "open_ref.csv")
	data := filepath.Join(dir, "peacesciencer")
	if out, err := exec.Command(python, script, data, want).CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", python, script, err, out)
	}
	var got bytes.Buffer
	if err := Build(context.Background(), data, DefaultWeights(), 1950, 2014, &got); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(want)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := bufio.NewScanner(f)
	ours := bufio.NewScanner(&got)
	line, same, worst := 0, 0, 0.0
	for ref.Scan() {
		line++
		if !ours.Scan() {
			t.Fatalf("line %d: our output ends; the reference has %q", line, ref.Text())
		}
		r, o := ref.Text(), ours.Text()
		if r == o {
			same++
			continue
		}
		rf, of := strings.Split(r, ","), strings.Split(o, ",")
		if line == 1 || len(rf) != 6 || len(of) != 6 || rf[0] != of[0] || rf[1] != of[1] || rf[2] != of[2] {
			t.Fatalf("line %d: got %q, want %q", line, o, r)
		}
		for j := 3; j < 6; j++ {
			x, err1 := strconv.ParseFloat(rf[j], 64)
			y, err2 := strconv.ParseFloat(of[j], 64)
			if err1 != nil || err2 != nil || math.Abs(x-y) > 1e-9 {
				t.Fatalf("line %d: got %q, want %q", line, o, r)
			}
			worst = max(worst, math.Abs(x-y))
		}
	}
	if ours.Scan() {
		t.Fatalf("line %d: our output goes on: %q", line+1, ours.Text())
	}
	if err := ref.Err(); err != nil {
		t.Fatal(err)
	}
	// numpy's log1p on AVX-512 machines is not libm's, so a few last
	// digits may differ; with libm's the files are identical.
	t.Logf("%d of %d lines identical; largest difference %.3g", same, line, worst)
}

// BenchmarkBuild reads, computes and writes the open index of the shared
// data, end to end.
func BenchmarkBuild(b *testing.B) {
	dir := filepath.Join(sharedDir(b), "peacesciencer")
	w := DefaultWeights()
	b.ReportAllocs()
	for b.Loop() {
		if err := Build(context.Background(), dir, w, 1950, 2014, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDir, BenchmarkCompute and BenchmarkWriteCSV time the three
// steps of Build on the shared data.
func BenchmarkReadDir(b *testing.B) {
	dir := filepath.Join(sharedDir(b), "peacesciencer")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDir(context.Background(), dir); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompute(b *testing.B) {
	in, err := ReadDir(context.Background(), filepath.Join(sharedDir(b), "peacesciencer"))
	if err != nil {
		b.Fatal(err)
	}
	w := DefaultWeights()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(context.Background(), in, w, 1950, 2014); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	in, err := ReadDir(context.Background(), filepath.Join(sharedDir(b), "peacesciencer"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := Compute(context.Background(), in, DefaultWeights(), 1950, 2014)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := res.WriteCSV(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
