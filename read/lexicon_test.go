package read

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLowerASCII checks lowerASCII, which lowers eight bytes at a time,
// against lowering one byte at a time.
func TestLowerASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		s := string(b)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
		}
		if got := lowerASCII(s); got != string(b) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", s, got, b)
		}
	}
	if s := strings.Repeat("Ab@[`{Z\xc3\x80", 1000); lowerASCII(s) != strings.Repeat("ab@[`{z\xc3\x80", 1000) {
		t.Errorf("lowerASCII of a long text")
	}
}

// TestCueIndex checks index, which looks for a cue that starts with a
// space by its rest, against strings.Index.
func TestCueIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	parts := []string{" ", "  ", "m", "e", "member", " member", "j", "oin", " join", "x"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		for _, cue := range []string{" member", " join", " ", "  m", "member"} {
			if got, want := index(s, cue), strings.Index(s, cue); got != want {
				t.Fatalf("index(%q, %q) = %d, want %d", s, cue, got, want)
			}
		}
	}
}
