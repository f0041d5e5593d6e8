package leverage

import (
	"errors"
	"fmt"
)

// Error codes shared by every store and command. Callers test them with
// [ErrorCode].
const (
	EINVALID  = "invalid"   // the input breaks a rule of the model
	ENOTFOUND = "not_found" // the named thing does not exist
	ECONFLICT = "conflict"  // the write clashes with what is stored
	EINTERNAL = "internal"  // anything else
)

// Error is an error with a code from the list above and a message meant for
// the user.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code and formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for other errors and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return EINTERNAL
}
