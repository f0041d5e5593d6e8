package flow

import (
	"encoding/csv"
	"strings"
)

// ReadEdgeListCSV is ReadEdgeList through encoding/csv only, to check the
// quicker reader of files without quotes against.
func ReadEdgeListCSV(in, name string) (*EdgeList, error) {
	cr := csv.NewReader(strings.NewReader(in))
	cr.ReuseRecord = true
	return readEdgeList(cr, name, 0)
}
