// Package importer holds what the importers of open datasets share: the
// input files and the result of an import, reading delimited files by
// column name, reporting bad input as file:line:column, and rejecting
// repeated rows. The importers themselves are its subpackages, one per
// dataset family: cow (Correlates of War), atop, unmigrant (UN DESA migrant
// stock), cepii (CEPII GeoDist) and gem (Global Energy Monitor's oil
// pipelines).
//
// Every importer turns files into a [leverage.Dataset], which records the
// import's version and cites the dataset as its one source, and
// [leverage.Observations] keyed by Correlates of War state codes, ready for
// [leverage.ObservationService.ReplaceObservations]. A non-directed dyadic
// variable is stored once per pair, with A < B. The gem importer gives a
// [leverage.Network] instead, for [leverage.NetworkService.ReplaceNetwork].
package importer

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"os"
	"slices"

	"github.com/leverage-dev/leverage"
)

// File is one input file.
type File struct {
	Name string // the path as given, used in messages
	Data []byte
}

// ReadFiles reads the files at paths.
func ReadFiles(paths ...string) ([]File, error) {
	files := make([]File, 0, len(paths))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read input: %w", err)
		}
		files = append(files, File{Name: p, Data: b})
	}
	return files, nil
}

// Result is what an import produces.
type Result struct {
	Dataset      *leverage.Dataset
	Observations *leverage.Observations
	// Layouts names the layout recognised in each input file, in order,
	// such as "peacesciencer cow_trade_ndy".
	Layouts []string
	// Unplaced lists, sorted, the entities of the input that have no COW
	// state code (regions, aggregates, territories); their rows were
	// skipped.
	Unplaced []string
}

// Version returns a short hash of the files' contents. It does not depend
// on the files' names or order.
func Version(files []File) string {
	sums := make([]string, len(files))
	for i, f := range files {
		s := sha256.Sum256(f.Data)
		sums[i] = string(s[:])
	}
	slices.Sort(sums)
	h := sha256.New()
	for _, s := range sums {
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// NewDataset returns the dataset of an import named name from files: its
// version is [Version] of the files, and src, whose ID must be name, its
// one source.
func NewDataset(name string, src leverage.Source, files []File) *leverage.Dataset {
	src.Kind = leverage.SourceDataset
	return &leverage.Dataset{Name: name, Version: Version(files), Sources: []*leverage.Source{&src}}
}

// Read reads each of files as a [Table] with fields separated by comma
// and missing values by missing, calling read on it, and returns the
// layouts that read names, in the order of files.
func Read(files []File, comma rune, missing Missing, read func(t *Table) (layout string, err error)) ([]string, error) {
	var layouts []string
	for _, f := range files {
		t, err := NewTable(f, comma, missing)
		if err != nil {
			return nil, err
		}
		layout, err := read(t)
		if err != nil {
			return nil, err
		}
		layouts = append(layouts, layout)
	}
	return layouts, nil
}

// Finish returns the result of importing files into o, read in layouts:
// o loses its variables without observations and has its rows sorted, and
// the dataset, named src.ID, cites src.
func Finish(files []File, o *leverage.Observations, src leverage.Source, layouts []string) *Result {
	Compact(o)
	Sort(o)
	return &Result{Dataset: NewDataset(src.ID, src, files), Observations: o, Layouts: layouts}
}

// Sorted returns the names in set, sorted, for [Result.Unplaced].
func Sorted(set map[string]bool) []string {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Compact drops the variables of o that have no observations, so that a
// result lists only what its files held.
func Compact(o *leverage.Observations) {
	used := make([]bool, len(o.Variables))
	for _, v := range o.Var {
		used[v] = true
	}
	index := make([]int32, len(o.Variables))
	var kept []leverage.Variable
	for i, v := range o.Variables {
		index[i] = int32(len(kept))
		if used[i] {
			kept = append(kept, v)
		}
	}
	if len(kept) == len(o.Variables) {
		return
	}
	for i, v := range o.Var {
		o.Var[i] = index[v]
	}
	o.Variables = kept
}

// Sort orders o's rows by variable, A, B and year, the order of the
// store's key, which makes writing them much faster.
func Sort(o *leverage.Observations) {
	n := o.Len()
	keys := make([]uint64, n)
	sorted := true
	for i := range n {
		// Variable, A and B take 16 bits each, the year 16.
		keys[i] = uint64(o.Var[i])<<48 | uint64(o.A[i])<<32 | uint64(o.B[i])<<16 | uint64(o.Year[i])
		if i > 0 && keys[i] < keys[i-1] {
			sorted = false
		}
	}
	if sorted {
		return
	}
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(i, j int32) int { return cmp.Compare(keys[i], keys[j]) })
	scratch := make([]int32, n)
	for _, s := range [][]int32{o.Var, o.A, o.B, o.Year} {
		copy(scratch, s)
		for i, j := range idx {
			s[i] = scratch[j]
		}
	}
	// keys is no longer needed: reuse it for the values' bits.
	for i, v := range o.Value {
		keys[i] = math.Float64bits(v)
	}
	for i, j := range idx {
		o.Value[i] = math.Float64frombits(keys[j])
	}
}

// Grow makes room in o for n more observations.
func Grow(o *leverage.Observations, n int) {
	o.Var = slices.Grow(o.Var, n)
	o.A = slices.Grow(o.A, n)
	o.B = slices.Grow(o.B, n)
	o.Year = slices.Grow(o.Year, n)
	o.Value = slices.Grow(o.Value, n)
}

// Years returns the first and last year of o's observations, ignoring
// timeless ones (year 0); zeros when there are none.
func Years(o *leverage.Observations) (first, last int) {
	for _, y := range o.Year {
		if y == 0 {
			continue
		}
		if first == 0 || int(y) < first {
			first = int(y)
		}
		if int(y) > last {
			last = int(y)
		}
	}
	return first, last
}
