// Command flowbench writes the benchmark instances of package flow as CSV
// edge lists, and times package flow's maximum flow on edge-list files,
// the way transit/flow/testdata/bench/maxflow_bench.py times NetworkX and
// igraph on the same files:
//
//	go run ./transit/flow/internal/flowbench -o /tmp/flowbench
//	go run ./transit/flow/internal/flowbench -runs 5 /tmp/flowbench/*.csv
//
// Timing excludes reading the file; it is the best of -runs runs of
// MaxFlow (flow, cut and all: leverage-flow), of MaxFlowValue (the value
// only: leverage-value) from s to t, and of building the Graph from its
// edges (leverage-build), which a caller does once for many flows. Output:
// one line per file and solver, "file solver value seconds".
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/leverage-dev/leverage/transit/flow"
	"github.com/leverage-dev/leverage/transit/flow/internal/gen"
)

func main() {
	out := flag.String("o", "", "write the instances as DIR/NAME.csv")
	runs := flag.Int("runs", 3, "time the best of this many runs")
	flag.Parse()
	if err := run(*out, *runs, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "flowbench:", err)
		os.Exit(1)
	}
}

func run(out string, runs int, files []string) error {
	if out != "" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
		for _, exp := range gen.Sizes() {
			for _, in := range gen.Families(exp) {
				path := filepath.Join(out, in.Name+".csv")
				if err := write(path, in); err != nil {
					return err
				}
				fmt.Printf("%s: %d nodes, %d edges\n", path, in.Graph.Nodes(), in.Graph.Edges())
			}
		}
	}
	for _, path := range files {
		if err := timeFile(path, runs); err != nil {
			return err
		}
	}
	return nil
}

func write(path string, in *gen.Instance) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := in.WriteCSV(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func timeFile(path string, runs int) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	l, err := flow.ReadEdgeList(f, path)
	f.Close()
	if err != nil {
		return err
	}
	s, ok1 := l.Node("s")
	t, ok2 := l.Node("t")
	if !ok1 || !ok2 {
		return fmt.Errorf("%s: want nodes named s and t", path)
	}
	sv := l.Graph.NewSolver()
	best := func(solve func() (float64, error)) (float64, time.Duration, error) {
		var v float64
		bt := time.Duration(1<<63 - 1)
		for range max(runs, 1) {
			start := time.Now()
			x, err := solve()
			if err != nil {
				return 0, 0, err
			}
			v, bt = x, min(bt, time.Since(start))
		}
		return v, bt, nil
	}
	v, d, err := best(func() (float64, error) {
		r, err := sv.MaxFlow(s, t, l.Caps)
		if err != nil {
			return 0, err
		}
		return r.Value, nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Printf("%s leverage-flow %.17g %.4f\n", filepath.Base(path), v, d.Seconds())
	v, d, err = best(func() (float64, error) { return sv.MaxFlowValue(s, t, l.Caps) })
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	fmt.Printf("%s leverage-value %.17g %.4f\n", filepath.Base(path), v, d.Seconds())
	g := l.Graph
	_, d, _ = best(func() (float64, error) {
		b := flow.NewBuilder(g.Nodes())
		for e := range g.Edges() {
			b.AddEdge(g.Ends(e))
		}
		b.Build()
		return 0, nil
	})
	fmt.Printf("%s leverage-build - %.4f\n", filepath.Base(path), d.Seconds())
	return nil
}
