// Package stats holds the streaming statistics a Monte Carlo scenario run
// needs: a Summary of each output quantity (count, mean, variance,
// extremes and quantiles from a fixed-bin histogram) and a Sensitivity
// ranking of the uncertain inputs by how much of the output's variance
// each one explains on its own.
//
// Both take one observation at a time and keep memory that does not grow
// with the number of observations, so a run of a million draws costs no
// more space than a run of a hundred. Their results are a pure function of
// the sequence of Add calls: a caller that draws deterministically (a
// seeded generator, a fixed order) gets byte-identical results on every
// platform, because each product that feeds a sum is rounded explicitly
// and so never fused into a multiply-add.
//
// Missing outputs are NaN and are set aside, not averaged. Arguments
// outside the documented ranges are caller bugs and panic.
package stats
