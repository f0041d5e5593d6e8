package panel

import (
	"context"
	"fmt"
	"time"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/influence/open"
)

// StoreBuiltin stores gz, the built-in subset of the open index panel read
// from file (data.OpenPanel), in st, in one transaction, when st holds no
// open panel or the built-in one of another version, and reports whether
// it did. A panel built by "leverage index build" is never replaced: the
// built-in one says what it is in its Inputs ([ParseSubset]). now is the
// stored panel's build time.
func StoreBuiltin(ctx context.Context, st leverage.InfluenceService, gz []byte, file string, now time.Time) (bool, error) {
	// No row has target -1: the query returns the stored panel's metadata.
	stored, _, err := st.Influence(ctx, leverage.InfluenceQuery{Profile: "open", B: -1})
	switch {
	case leverage.ErrorCode(err) == leverage.ENOTFOUND:
	case err != nil:
		return false, fmt.Errorf("read the stored open index: %w", err)
	default:
		s, builtin := ParseSubset(stored.Inputs)
		if !builtin || s.Version == FileVersion(gz) {
			return false, nil
		}
	}
	p, _, err := ReadSubset(gz, file, "open", open.DefaultWeights(), now)
	if err != nil {
		return false, err
	}
	if err := st.ReplaceInfluence(ctx, p, nil); err != nil {
		return false, fmt.Errorf("store %s: %w", file, err)
	}
	return true, nil
}
