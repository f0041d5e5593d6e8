package scenario

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

// BuiltinNames lists the names of the built-in scenarios (data/scenarios),
// sorted.
func BuiltinNames() []string {
	files, _ := fs.Glob(data.Scenarios(), "*.yaml")
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(f, ".yaml")
	}
	slices.Sort(names)
	return names
}

// BuiltinFile returns the text of the built-in scenario name, and the file
// name errors cite for it.
func BuiltinFile(name string) ([]byte, string, error) {
	if !nameRE.MatchString(name) {
		return nil, "", leverage.Errorf(leverage.ENOTFOUND, "no built-in scenario %q (want one of %s)", name, strings.Join(BuiltinNames(), ", "))
	}
	b, err := fs.ReadFile(data.Scenarios(), name+".yaml")
	if err != nil {
		return nil, "", leverage.Errorf(leverage.ENOTFOUND, "no built-in scenario %q (want one of %s)", name, strings.Join(BuiltinNames(), ", "))
	}
	return b, path.Join("data/scenarios", name+".yaml"), nil
}

// Builtin parses the built-in scenario name; ref, when not nil, also
// validates it against the model.
func Builtin(name string, ref Reference) (*Scenario, error) {
	b, file, err := BuiltinFile(name)
	if err != nil {
		return nil, err
	}
	s, err := Parse(b, file)
	if err != nil {
		return nil, err
	}
	if s.Name != name {
		return nil, &Error{File: file, Msg: fmt.Sprintf("name %q differs from the file name", s.Name)}
	}
	if ref != nil {
		if err := Validate(s, ref); err != nil {
			return nil, err
		}
	}
	return s, nil
}
