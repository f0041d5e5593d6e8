// Package index implements `leverage index`: building the dyadic influence
// index for every directed pair and year (profiles open and fbic), and
// reading it: the top influencers of a target, the series of one pair, and
// the sensitivity of a ranking to the weights.
package index

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence"
	"github.com/leverage-dev/leverage/influence/fbic"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
	"github.com/leverage-dev/leverage/query"
)

// NewCmd returns the index command and its subcommands.
func NewCmd(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "index <command>",
		Short: "Build and query the influence index of every state pair and year",
		Long: `The influence index measures, for every directed pair of states (A over B)
and year, A's capacity to influence B: bandwidth (how much they interact)
times dependence (how much B depends on A), following FBIC. Two profiles:

  open  from Correlates of War and ATOP data (docs/methodology.md, "Open index")
  fbic  FBIC's own aggregation, recomputed from its released dyad-year file

Build a panel with "index build", then query it with "top", "series" and
"sensitivity".`,
		Args: cmdutil.ExactArgs(0),
	}
	cmd.AddCommand(newBuildCmd(f), newTopCmd(f), newSeriesCmd(f), newSensitivityCmd(f))
	return cmd
}

// checkProfile returns a usage error for an unknown profile.
func checkProfile(p string) error {
	if err := query.CheckProfile(p); err != nil {
		return cmdutil.Usagef("--profile: %v", err)
	}
	return nil
}

// loadWeights returns the profile's default weights, or those of file.
func loadWeights(profile, file string) (influence.Weights, error) {
	if file == "" {
		if profile == "fbic" {
			return fbic.DefaultWeights(), nil
		}
		return open.DefaultWeights(), nil
	}
	fh, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("--weights: %w", err)
	}
	defer fh.Close()
	w, err := influence.ParseWeights(fh, file)
	if err != nil {
		return nil, err
	}
	if profile == "fbic" {
		err = fbic.CheckWeights(w, file)
	} else {
		err = open.CheckWeights(w, file)
	}
	return w, err
}

// resolveState finds the COW code of a state argument; an unknown name is
// a usage error.
func resolveState(cw *country.Crosswalk, arg string) (int, error) {
	c, err := query.ResolveState(cw, arg)
	return c, cmdutil.Usage(err)
}

// stateLabel is a COW code's name and code.
func stateLabel(cw *country.Crosswalk, cow int) (name, code string) {
	s := query.StateOf(cw, cow)
	return s.Name, s.Code
}

// writeAtomic writes a file through fn: to a temporary file beside it,
// renamed into place only when fn succeeds, so a failure leaves no partial
// file.
func writeAtomic(path string, fn func(w *os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func f6(x float64) string { return strconv.FormatFloat(x, 'f', 6, 64) }
