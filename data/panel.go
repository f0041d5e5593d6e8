package data

import "embed"

// OpenPanelFile is the built-in subset of the open influence index panel,
// relative to this package's folder: every row of 1992 to 2014 whose
// influencer or target is Kazakhstan, Russia or China, written by
// tools/derive-index-panel (docs/data.md, "Built-in index panel"). It is
// not part of the stored dataset: the command line stores it as the open
// panel when the store holds none.
const OpenPanelFile = "index/open-panel.csv.gz"

//go:embed index/open-panel.csv.gz
var panelFiles embed.FS

// OpenPanel returns the content of [OpenPanelFile], gzip'd CSV as
// influence/panel.ReadSubset reads it.
func OpenPanel() []byte {
	b, err := panelFiles.ReadFile(OpenPanelFile)
	if err != nil {
		panic("data: " + OpenPanelFile + " missing from the embedded files")
	}
	return b
}
