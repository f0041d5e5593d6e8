package query

import (
	"bytes"

	method "github.com/leverage-dev/leverage/assess"
	"github.com/leverage-dev/leverage/data"
)

// BuiltinWeights returns the built-in weights of assessments
// (data/weights.csv).
func BuiltinWeights() (method.Weights, error) {
	return method.ParseWeights(bytes.NewReader(data.DefaultWeights()), "data/weights.csv")
}
