package flow_test

import (
	"math/rand/v2"
	"testing"
)

func TestDbg(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	n, edges := randomGraph(rng)
	t.Log(n, edges)
	g, caps := build(n, edges)
	g.MaxFlow(0, n-1, caps)
}
