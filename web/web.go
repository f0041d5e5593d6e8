// Package web holds the leverage dashboard: the built front end (web/ui/dist,
// made from web/ui/src by esbuild) embedded in the binary, so that the
// server serves it with no files beside it and no network.
//
// The pages (dyad, influence, transit, scenarios, read) call the JSON API
// under /api/v1; docs/dashboard.md describes them and how to rebuild the
// assets (cd web/ui && npm ci && npm run build).
package web

import (
	"embed"
	"io/fs"
)

//go:embed ui/dist
var dist embed.FS

// Assets returns the built dashboard, with index.html at its root.
func Assets() fs.FS {
	sub, err := fs.Sub(dist, "ui/dist")
	if err != nil {
		panic(err) // the directory is embedded above: cannot happen
	}
	return sub
}
