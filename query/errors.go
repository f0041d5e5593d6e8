package query

import "github.com/leverage-dev/leverage"

// ArgError is an argument of a question that does not name what it should:
// an unknown actor, asset, relation or option. It says which argument, so
// that a front end can point at its own name for it (a flag, a query
// parameter). Its code is [leverage.EINVALID]; its message is the cause's.
type ArgError struct {
	Arg string // the argument: a, b, exporter, without, actor, …
	Err error
}

func (e *ArgError) Error() string { return e.Err.Error() }
func (e *ArgError) Unwrap() error { return e.Err }

// badArg returns an *ArgError for arg with a formatted EINVALID message.
func badArg(arg, format string, args ...any) error {
	return &ArgError{arg, leverage.Errorf(leverage.EINVALID, format, args...)}
}
