package open

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strconv"
)

// pairs holds the two-digit decimal numbers 00 to 99.
const pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// putInt16 writes v in decimal at b[k:], which has room for 6 bytes, and
// returns the index after it.
func putInt16(b []byte, k int, v int16) int {
	u := int(v)
	if u < 0 {
		b[k] = '-'
		k++
		u = -u
	}
	switch {
	case u < 10:
		b[k] = byte('0' + u)
		return k + 1
	case u < 100:
		b[k], b[k+1] = pairs[2*u], pairs[2*u+1]
		return k + 2
	case u < 1000:
		h, r := u/100, u%100
		b[k], b[k+1], b[k+2] = byte('0'+h), pairs[2*r], pairs[2*r+1]
		return k + 3
	case u < 10000:
		h, r := u/100, u%100
		b[k], b[k+1], b[k+2], b[k+3] = pairs[2*h], pairs[2*h+1], pairs[2*r], pairs[2*r+1]
		return k + 4
	}
	h, r := u/10000, u%10000
	m, l := r/100, r%100
	b[k], b[k+1], b[k+2], b[k+3], b[k+4] = byte('0'+h), pairs[2*m], pairs[2*m+1], pairs[2*l], pairs[2*l+1]
	return k + 5
}

// putG12 writes v at b[k:], which has room for 19 bytes, as appendG12
// does, and returns the index after it.
func putG12(b []byte, k int, v float64) int {
	if v == 0 && !math.Signbit(v) {
		b[k] = '0'
		return k + 1
	}
	if v > 0 {
		if n, exp, ok := digits12(v); ok && exp >= -4 && exp < 12 {
			// Fixed notation: "0.000ddd" or "ddd.ddd", no trailing zeros.
			if exp < 0 {
				b[k], b[k+1], b[k+2], b[k+3], b[k+4] = '0', '.', '0', '0', '0'
				k += 1 - exp
				return k + put12(b[k:k+12], n)
			}
			nd := put12(b[k+1:k+13], n)
			copy(b[k:k+exp+1], b[k+1:k+exp+2])
			b[k+exp+1] = '.'
			if nd <= exp+1 {
				return k + exp + 1
			}
			return k + 1 + nd
		}
	}
	return k + copy(b[k:], appendG12(b[k:k], v))
}

// put12 writes n < 1e12 as 12 decimal digits into d and returns the
// number of them without the trailing zeros, at least 1.
func put12(d []byte, n uint64) int {
	_ = d[11]
	h, l := digits4(uint32(n/1e8)), digits8(uint32(n%1e8))
	binary.LittleEndian.PutUint32(d, h|0x30303030)
	binary.LittleEndian.PutUint64(d[4:], l|0x3030303030303030)
	switch {
	case l != 0:
		return 12 - bits.LeadingZeros64(l)/8
	case h != 0:
		return 4 - bits.LeadingZeros32(h)/8
	}
	return 1
}

// digits8 returns the 8 decimal digits of x < 1e8 as bytes 0 to 9, the
// most significant in the lowest byte (first in memory).
func digits8(x uint32) uint64 {
	// Split in 32-bit lanes into 4 + 4 digits, in 16-bit lanes into
	// 2 + 2, in bytes into 1 + 1; x·5243>>19 is x/100 for x < 43699 and
	// x·103>>10 is x/10 for x < 179, and no lane's product reaches the
	// bits kept of another.
	v := uint64(x/1e4) | uint64(x%1e4)<<32
	q := v * 5243 >> 19 & 0x0000007f0000007f
	v = q | (v-q*100)<<16
	q = v * 103 >> 10 & 0x000f000f000f000f
	return q | (v-q*10)<<8
}

// digits4 is digits8 for x < 1e4.
func digits4(x uint32) uint32 {
	v := x/100 | x%100<<16
	q := v * 103 >> 10 & 0x000f000f
	return q | (v-q*10)<<8
}

// appendG12 appends v as C's printf("%.12g") does (and Python's "%.12g" %
// v, which pandas' float_format uses), NaN as nothing (pandas' na_rep) and
// the infinities as inf and -inf.
func appendG12(b []byte, v float64) []byte {
	switch {
	case v == 0:
		if math.Signbit(v) {
			return append(b, "-0"...)
		}
		return append(b, '0')
	case v != v:
		return b
	case math.IsInf(v, 1):
		return append(b, "inf"...)
	case math.IsInf(v, -1):
		return append(b, "-inf"...)
	}
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	n, exp, ok := digits12(v)
	if !ok {
		return appendG12Slow(b, v)
	}
	var d [12]byte
	put12(d[:], n)
	return appendG(b, &d, exp)
}

// digits12 returns v > 0 rounded to 12 significant digits, half to even,
// as n·10^(exp-11) with 1e11 <= n < 1e12. It reports false when v is
// outside the range it handles exactly (about 1e-11 to 1e11).
func digits12(v float64) (n uint64, exp int, ok bool) {
	e2 := int(math.Float64bits(v)>>52&0x7ff) - 1022 // 2^(e2-1) <= v < 2^e2 for normal v
	// floor(log10 v) is this or one more: 78913/2^18 is log10(2) from below.
	exp = (e2 - 1) * 78913 >> 18
	for range 3 {
		s := 11 - exp
		if s < 0 || s >= len(pow10) {
			return 0, 0, false
		}
		// v·10^s + 2^52, rounded once: v·10^s < 2^52 rounded to an
		// integer, half to even, since ulp is 1 in [2^52, 2^53). 10^s is
		// exact.
		n = math.Float64bits(math.FMA(v, pow10[s], 0x1p52)) - math.Float64bits(0x1p52)
		if n < 1e12 {
			return n, exp, n >= 1e11
		}
		exp++ // too few digits of v's exponent, or 999999999999.5 and over
	}
	return 0, 0, false
}

// appendG12Slow is appendG12 for v > 0 by way of strconv.
func appendG12Slow(b []byte, v float64) []byte {
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], v, 'e', 11, 64) // d.dddddddddddde±XX
	var d [12]byte
	d[0] = e[0]
	copy(d[1:], e[2:13])
	exp := 0
	for _, c := range e[15:] {
		exp = exp*10 + int(c-'0')
	}
	if e[14] == '-' {
		exp = -exp
	}
	return appendG(b, &d, exp)
}

// appendG appends the 12 significant digits d times 10^exp in %g form:
// fixed notation when -4 <= exp < 12, else d.ddde±XX; trailing zeros
// dropped.
func appendG(b []byte, d *[12]byte, exp int) []byte {
	nd := 12
	for nd > 1 && d[nd-1] == '0' {
		nd--
	}
	switch {
	case exp < -4 || exp >= 12:
		b = append(b, d[0])
		if nd > 1 {
			b = append(b, '.')
			b = append(b, d[1:nd]...)
		}
		b = append(b, 'e')
		if exp < 0 {
			b = append(b, '-')
			exp = -exp
		} else {
			b = append(b, '+')
		}
		if exp < 10 {
			b = append(b, '0')
		}
		return strconv.AppendInt(b, int64(exp), 10)
	case exp < 0:
		b = append(b, "0."...)
		for range -exp - 1 {
			b = append(b, '0')
		}
		return append(b, d[:nd]...)
	case nd <= exp+1:
		b = append(b, d[:nd]...)
		for range exp + 1 - nd {
			b = append(b, '0')
		}
		return b
	default:
		b = append(b, d[:exp+1]...)
		b = append(b, '.')
		return append(b, d[exp+1:nd]...)
	}
}
