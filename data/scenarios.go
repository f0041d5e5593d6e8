package data

import (
	"embed"
	"io/fs"
)

//go:embed scenarios/*.yaml
var scenarios embed.FS

// Scenarios returns the built-in scenario files, one NAME.yaml per
// scenario at the root of the returned file system. Package scenario
// parses them.
func Scenarios() fs.FS {
	sub, err := fs.Sub(scenarios, "scenarios")
	if err != nil {
		panic("data: scenarios missing from the embedded files")
	}
	return sub
}
