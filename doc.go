// Package leverage holds the domain model of the leverage program: actors
// (states, organisations, companies, assets, places, routes), the sourced
// facts that relate them, the sources those facts cite, and the interfaces
// through which stores expose them.
//
// Subpackages implement the rest: sqlite stores the model, data holds the
// built-in dataset, measure and transit compute indicators, assess turns
// facts into explained channel scores, and report renders them.
package leverage
