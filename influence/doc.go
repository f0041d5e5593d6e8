// Package influence holds what the dyadic influence index profiles share:
// weights files, the panel of index values by directed pair and year, and
// the rankings and sensitivity analysis built on it. The profiles
// themselves live in the subpackages open (the open index of
// docs/methodology.md, from Correlates of War and ATOP data) and fbic (FBIC's
// own aggregation, recomputed from its released dyad-year file).
package influence
