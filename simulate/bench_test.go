package simulate_test

import (
	"context"
	"testing"

	"github.com/leverage-dev/leverage/simulate"
)

// BenchmarkIncreasedPressure is the performance target of docs/performance.md:
// 10,000 draws of the increased-pressure scenario on the flagship model.
func BenchmarkIncreasedPressure(b *testing.B) {
	m, sc, w := flagship(b, "increased-pressure")
	for b.Loop() {
		if _, err := simulate.Run(context.Background(), m, sc, simulate.Options{Holder: "RUS", Target: "KAZ", Weights: w, Draws: 10000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
