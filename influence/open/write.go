package open

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
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
	n := r.Len()
	if len(r.CCode1) != n || len(r.CCode2) != n || len(r.Bandwidth) != n || len(r.Dependence) != n || len(r.Index) != n {
		return fmt.Errorf("write open index: columns differ in length")
	}
	if _, err := io.WriteString(w, Header+"\n"); err != nil {
		return fmt.Errorf("write open index: %w", err)
	}
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

// maxLine bounds the length of a line appendRows writes: three int16
// fields of at most 6 bytes, three numbers of at most 19 ("-1.23456789012e-100"),
// six separators.
const maxLine = 3*6 + 3*19 + 6

// appendRows appends rows lo to hi as CSV lines.
func (r *Result) appendRows(b []byte, lo, hi int) []byte {
	k := len(b)
	b = slices.Grow(b, (hi-lo)*maxLine)
	b = b[:cap(b)]
	var prefix [14]byte // "ccode1,ccode2," of the current dyad
	n := 0
	for i := lo; i < hi; i++ {
		if i == lo || r.CCode1[i] != r.CCode1[i-1] || r.CCode2[i] != r.CCode2[i-1] {
			n = putInt16(prefix[:], 0, r.CCode1[i])
			prefix[n] = ','
			n = putInt16(prefix[:], n+1, r.CCode2[i])
			prefix[n] = ','
			n++
		}
		k += copy(b[k:], prefix[:n])
		k = putInt16(b, k, r.Year[i])
		b[k] = ','
		k = putG12(b, k+1, r.Bandwidth[i])
		b[k] = ','
		k = putG12(b, k+1, r.Dependence[i])
		b[k] = ','
		k = putG12(b, k+1, r.Index[i])
		b[k] = '\n'
		k++
	}
	return b[:k]
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
