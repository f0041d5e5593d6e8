package gazetteer

import (
	"fmt"
	"testing"
)

func TestZZTab(t *testing.T) {
	tab := runeFolds()
	n := 0
	for i, e := range tab.entries {
		if e.slow {
			n++
			_ = i
		}
	}
	fmt.Println("slow", n, "bytes", len(tab.bytes))
}
