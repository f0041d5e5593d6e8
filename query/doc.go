// Package query answers the questions the command line and the HTTP server
// share: it loads what a question needs from the store or the model, hands
// it to the method packages (assess, transit, influence, read) and returns
// the result both front ends print. Neither front end computes a result
// itself, so a figure on the dashboard is the figure the CLI prints.
//
// Arguments that do not name a known actor, asset or option give errors
// with the code [leverage.EINVALID]; each front end turns them into its own
// kind of usage error.
package query
