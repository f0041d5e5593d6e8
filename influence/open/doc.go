// Package open computes the "open" profile of the dyadic influence index:
// an influence score for every directed pair of states and year, built only
// from open Correlates of War and ATOP data, as specified in
// ../shared/specs/open-index.md (version 1).
//
// A is the influencer (ccode1), B the target (ccode2), t the year. The index
// is bandwidth (how much A and B interact: trade, shared IGO memberships,
// alliance commitments) times dependence (how much of B's trade and imports
// go through A), each scaled by its maximum over the whole universe. Raw
// indicators are averaged over years t-2, t-1 and t of the same directed
// dyad before they are scaled.
//
// [ReadDir] reads the five input files into [Inputs], [Compute] turns Inputs
// into a [Result] with one row per dyad-year of the universe, and
// [Result.WriteCSV] writes it. [Build] does all three. The numbers agree
// with the pandas reference implementation (../shared/reference) to 1e-9.
// Missing values are NaN throughout, and count as 0 as the spec says.
package open
