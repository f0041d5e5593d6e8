// Package index implements `leverage index`: building the dyadic influence
// index for every directed pair and year (profiles open and fbic), and
// reading it: the top influencers of a target, the series of one pair, and
// the sensitivity of a ranking to the weights.
package index

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/country"
	"github.com/leverage-dev/leverage/influence"
	"github.com/leverage-dev/leverage/influence/fbic"
	"github.com/leverage-dev/leverage/influence/open"
	"github.com/leverage-dev/leverage/internal/command/cmdutil"
)

// Profiles lists the index profiles.
var Profiles = []string{"open", "fbic"}

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
	if !slices.Contains(Profiles, p) {
		return cmdutil.Usagef("--profile: unknown profile %q (want open or fbic)", p)
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

// resolveState returns the COW code of a state named by COW number or
// abbreviation, ISO3, ISO numeric or name; a usage error with the nearest
// names if there is none.
func resolveState(cw *country.Crosswalk, arg string) (int, error) {
	if c, ok := cw.COW(arg); ok {
		return c, nil
	}
	type cand struct {
		label string
		d     int
	}
	var cs []cand
	q := leverage.Fold(arg)
	for _, c := range cw.Countries() {
		d := leverage.Levenshtein(q, leverage.Fold(c.Name))
		if c.ISO3 != "" {
			d = min(d, leverage.Levenshtein(q, leverage.Fold(c.ISO3)))
		}
		if d <= max(2, len(q)/3) {
			cs = append(cs, cand{fmt.Sprintf("%s (%s, COW %d)", c.Name, label(c), c.COW), d})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return a.d - b.d })
	msg := fmt.Sprintf("unknown state %q", arg)
	if len(cs) > 0 {
		msg += "; did you mean"
		for i, c := range cs[:min(3, len(cs))] {
			if i > 0 {
				msg += ","
			}
			msg += " " + c.label
		}
		msg += "?"
	}
	return 0, cmdutil.Usagef("%s", msg)
}

// label is a state's ISO3 code, or its COW abbreviation when it has none.
func label(c country.Country) string {
	if c.ISO3 != "" {
		return c.ISO3
	}
	return c.COWAbb
}

// stateLabel is "Name (ISO3)" for a COW code.
func stateLabel(cw *country.Crosswalk, cow int) (name, code string) {
	c, ok := cw.Country(cow)
	if !ok {
		return "COW " + strconv.Itoa(cow), strconv.Itoa(cow)
	}
	return c.Name, label(c)
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
