package open

import (
	"context"
	"fmt"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"

	"github.com/leverage-dev/leverage/influence"
)

// Header is the header line of the index file [Result.WriteCSV] writes.
const Header = "ccode1,ccode2,year,bandwidth,dependence,index"

// blockRows is the number of rows formatted at a time.
const blockRows = 1 << 14

// WriteCSV writes the index as the spec's output file: a header line, then
// ccode1,ccode2,year,bandwidth,dependence,index for every row, numbers as
// C's printf %.12g writes them (as the pandas reference does) and NaN as
// an empty field.
func (r *Result) WriteCSV(w io.Writer) error {
	if _, err := io.WriteString(w, Header+"\n"); err != nil {
		return fmt.Errorf("write open index: %w", err)
	}
	n := r.Len()
	blocks := (n + blockRows - 1) / blockRows
	p := max(1, min(runtime.GOMAXPROCS(0), blocks))
	// Worker j formats blocks j, j+p, ...; this goroutine writes them in
	// order. Each worker has two buffers in flight.
	full := make([]chan []byte, p)
	free := make([]chan []byte, p)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for j := range p {
		full[j], free[j] = make(chan []byte, 2), make(chan []byte, 2)
		free[j] <- nil
		free[j] <- nil
		wg.Go(func() {
			for b := j; b < blocks; b += p {
				var buf []byte
				select {
				case buf = <-free[j]:
				case <-stop:
					return
				}
				buf = r.appendRows(buf[:0], b*blockRows, min(n, (b+1)*blockRows))
				select {
				case full[j] <- buf:
				case <-stop:
					return
				}
			}
		})
	}
	var err error
	for b := range blocks {
		buf := <-full[b%p]
		if _, err = w.Write(buf); err != nil {
			break
		}
		free[b%p] <- buf
	}
	close(stop)
	wg.Wait()
	if err != nil {
		return fmt.Errorf("write open index: %w", err)
	}
	return nil
}

// appendRows appends rows lo to hi as CSV lines.
func (r *Result) appendRows(b []byte, lo, hi int) []byte {
	for i := lo; i < hi; i++ {
		b = strconv.AppendInt(b, int64(r.CCode1[i]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.CCode2[i]), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(r.Year[i]), 10)
		b = append(b, ',')
		b = appendG12(b, r.Bandwidth[i])
		b = append(b, ',')
		b = appendG12(b, r.Dependence[i])
		b = append(b, ',')
		b = appendG12(b, r.Index[i])
		b = append(b, '\n')
	}
	return b
}

// appendG12 appends v as C's printf("%.12g") does, NaN as nothing and the
// infinities as inf and -inf (Python's spelling).
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
	// 12 significant digits, correctly rounded, and the decimal exponent.
	var tmp [32]byte
	e := strconv.AppendFloat(tmp[:0], v, 'e', 11, 64) // d.dddddddddddde±XX
	digits := [12]byte{e[0]}
	copy(digits[1:], e[2:13])
	exp := 0
	for _, c := range e[15:] {
		exp = exp*10 + int(c-'0')
	}
	if e[14] == '-' {
		exp = -exp
	}
	return appendG(b, &digits, exp)
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

// Build reads the inputs in dir, computes the open index over the years
// from to to with weights w, and writes it to out: [ReadDir], [Compute] and
// [Result.WriteCSV].
func Build(ctx context.Context, dir string, w influence.Weights, from, to int, out io.Writer) error {
	in, err := ReadDir(ctx, dir)
	if err != nil {
		return err
	}
	res, err := Compute(ctx, in, w, from, to)
	if err != nil {
		return err
	}
	return res.WriteCSV(out)
}
