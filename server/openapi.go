package server

import (
	_ "embed"
	"net/http"
)

// openapi is the API's OpenAPI 3 description.
//
//go:embed openapi.json
var openapi []byte

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeBytes(w, http.StatusOK, openapi)
}
