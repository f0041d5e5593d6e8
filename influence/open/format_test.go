package open

import (
	"math"
	"math/rand/v2"
	"testing"
)

// The wanted strings are Python's "%.12g" % v, which pandas' float_format
// uses.
var g12Tests = []struct {
	v    float64
	want string
}{
	{0, "0"},
	{math.Copysign(0, -1), "-0"},
	{0.646412599587123, "0.646412599587"},
	{1, "1"},
	{0.5, "0.5"},
	{0.1, "0.1"},
	{1e-4, "0.0001"},
	{9.99999999999e-05, "9.99999999999e-05"},
	{0.00012345678901234, "0.000123456789012"},
	{6.34065250374e-05, "6.34065250374e-05"},
	{1e-05, "1e-05"},
	{123456789012, "123456789012"},
	{1234567890123, "1.23456789012e+12"},
	{999999999999.5, "1e+12"},
	{0.9999999999995, "0.999999999999"},
	{0.99999999999949, "0.999999999999"},
	{100, "100"},
	{100.5, "100.5"},
	{1e22, "1e+22"},
	{1e-300, "1e-300"},
	{5e-324, "4.94065645841e-324"},
	{2.5e-07, "2.5e-07"},
	{1.0 / 3, "0.333333333333"},
	{2.0 / 3, "0.666666666667"},
	{12.5, "12.5"},
	{0.000999999999999999, "0.001"},
	{123.456, "123.456"},
	{1e100, "1e+100"},
	{-0.5, "-0.5"},
	{-1e-20, "-1e-20"},
	{math.MaxFloat64, "1.79769313486e+308"},
	{0.3, "0.3"},
	{0.1 + 0.2, "0.3"},
	{1234.5678, "1234.5678"},
	{9.999999999995e-05, "9.99999999999e-05"},
	{99999999999.95, "99999999999.9"},
	{100000000000.5, "100000000000"}, // exact ties go to even
	{100000000001.5, "100000000002"},
	{0x1p-18, "3.81469726562e-06"},
	{3 * 0x1p-18, "1.14440917969e-05"},
	{0x1p-19, "1.90734863281e-06"},
	{1e-11, "1e-11"},
	{9.9999999999e-12, "9.9999999999e-12"},
	{1e11, "100000000000"},
	{123456.7890125, "123456.789012"},
	{math.Inf(1), "inf"},
	{math.Inf(-1), "-inf"},
	{math.NaN(), ""},
}

func TestAppendG12(t *testing.T) {
	for _, tt := range g12Tests {
		if got := string(appendG12(nil, tt.v)); got != tt.want {
			t.Errorf("appendG12(%v) = %q, want %q", tt.v, got, tt.want)
		}
		b := make([]byte, 40)
		if got := string(b[3:putG12(b, 3, tt.v)]); got != tt.want {
			t.Errorf("putG12(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}

// TestG12Random checks the fast paths against strconv's correctly rounded
// digits on random numbers of every size, most of them in [0, 1] as the
// index is, and on numbers right next to rounding boundaries.
func TestG12Random(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	n := 300000
	if testing.Short() {
		n = 30000
	}
	for i := range n {
		var v float64
		switch i % 4 {
		case 0:
			v = rng.Float64()
		case 1:
			v = math.Ldexp(rng.Float64()+0.5, rng.IntN(120)-80)
		case 2: // near a 12-digit boundary: k.5 units of the 12th digit
			m := float64(rng.Int64N(9e11)+1e11) + 0.5
			v = m * math.Pow(10, float64(rng.IntN(30)-25))
			v = math.Nextafter(v, v*float64(rng.IntN(3)-1))
		case 3:
			v = math.Float64frombits(rng.Uint64())
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || v == 0 {
			continue
		}
		want := string(appendG12Slow(nil, math.Abs(v)))
		if math.Signbit(v) {
			want = "-" + want
		}
		if got := string(appendG12(nil, v)); got != want {
			t.Fatalf("appendG12(%b) = %q, want %q", v, got, want)
		}
		b := make([]byte, 40)
		if got := string(b[:putG12(b, 0, v)]); got != want {
			t.Fatalf("putG12(%b) = %q, want %q", v, got, want)
		}
	}
}

func TestPutInt16(t *testing.T) {
	for _, v := range []int16{0, 7, 10, 99, 100, 999, 1000, 2014, 9999, 10000, 32767, -1, -2014, -32768} {
		b := make([]byte, 8)
		got := string(b[:putInt16(b, 0, v)])
		if want := itoa(int(v)); got != want {
			t.Errorf("putInt16(%d) = %q", v, got)
		}
	}
}

func itoa(v int) string {
	if v < 0 {
		return "-" + itoa(-v)
	}
	if v < 10 {
		return string(rune('0' + v))
	}
	return itoa(v/10) + string(rune('0'+v%10))
}

func TestDigits(t *testing.T) {
	spell := func(x uint64, n int) string {
		s := make([]byte, n)
		for i := n - 1; i >= 0; i-- {
			s[i] = byte(x % 10)
			x /= 10
		}
		return string(s)
	}
	for x := range uint32(1e4) {
		d := digits4(x)
		if got := string([]byte{byte(d), byte(d >> 8), byte(d >> 16), byte(d >> 24)}); got != spell(uint64(x), 4) {
			t.Fatalf("digits4(%d) = %q", x, got)
		}
	}
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range 1000000 {
		x := uint32(i)
		if i%2 == 1 {
			x = rng.Uint32N(1e8)
		}
		d := digits8(x)
		var got [8]byte
		for j := range got {
			got[j] = byte(d >> (8 * j))
		}
		if string(got[:]) != spell(uint64(x), 8) {
			t.Fatalf("digits8(%d) = %v", x, got)
		}
	}
}
