// Package fbic is the "fbic" profile of the dyadic influence index: FBIC's
// own aggregation (Formal Bilateral Influence Capacity; Pardee Center for
// International Futures; Moyer et al., Atlantic Council 2018 and 2021),
// recomputed from the moving-averaged indicator columns of FBIC's released
// dyad-year file.
//
// For every directed pair (A influences B) and year it gives the
// sub-dimensions politicalbandwidth, economicbandwidth, securitybandwidth,
// economicdependence and securitydependence, the normalised bandwidth and
// dependence, and fbic; and, when the file carries FBIC-plus inputs, the same
// columns with the suffix _plus. With the default weights and the release's
// maxima the results equal the published columns.
//
// Bandwidth is a weighted sum of normalised indicators and dependence a
// weighted sum of ln(1 + x) of percentages measured on B, each per
// sub-dimension. Bandwidth and dependence are divided by a maximum, and fbic
// is their product divided by its own maximum. A missing input makes every
// sum it enters missing, as in the release; the normalised FBIC-plus columns
// exist only from [PlusFrom].
package fbic
