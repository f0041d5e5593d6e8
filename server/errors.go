package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/query"
)

// statusError is an error with the HTTP status and code it is answered
// with, and the parameter at fault, if any.
type statusError struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Param   string `json:"param,omitempty"`
}

func (e *statusError) Error() string { return e.Message }

// badParam is a 400 naming the parameter at fault.
func badParam(param, format string, args ...any) error {
	err := leverage.Errorf(leverage.EINVALID, format, args...)
	return &statusError{http.StatusBadRequest, leverage.EINVALID, param + ": " + err.Message, param}
}

// toStatus maps any error to what the client is told. A bad argument of
// a question names the parameter it came from.
func toStatus(err error) *statusError {
	var se *statusError
	if errors.As(err, &se) {
		return se
	}
	var ae *query.ArgError
	if errors.As(err, &ae) {
		return &statusError{http.StatusBadRequest, leverage.EINVALID, ae.Arg + ": " + err.Error(), ae.Arg}
	}
	switch {
	case errors.Is(err, errTooLarge):
		return &statusError{http.StatusRequestEntityTooLarge, "too_large", err.Error(), ""}
	case errors.Is(err, context.DeadlineExceeded):
		return &statusError{http.StatusGatewayTimeout, "timeout", "the request took longer than the server allows", ""}
	case errors.Is(err, context.Canceled):
		return &statusError{499, "canceled", "the request was canceled", ""}
	}
	switch leverage.ErrorCode(err) {
	case leverage.EINVALID:
		return &statusError{http.StatusBadRequest, leverage.EINVALID, err.Error(), ""}
	case leverage.ENOTFOUND:
		return &statusError{http.StatusNotFound, leverage.ENOTFOUND, err.Error(), ""}
	case leverage.ECONFLICT:
		return &statusError{http.StatusConflict, leverage.ECONFLICT, err.Error(), ""}
	}
	return &statusError{http.StatusInternalServerError, leverage.EINTERNAL, "internal error", ""}
}

// writeError answers with err as JSON.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	se := toStatus(err)
	if se.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="leverage"`)
	}
	writeJSON(w, se.Status, struct {
		Error *statusError `json:"error"`
	}{se})
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"status":500,"code":"internal","message":"internal error"}}`)
	}
	writeBytes(w, status, append(b, '\n'))
}

func writeBytes(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}
