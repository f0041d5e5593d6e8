package text

import (
	"math/rand/v2"
	"testing"
)

// TestNextDigit checks nextDigit, which tests eight bytes at a time,
// against testing one byte at a time.
func TestNextDigit(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	alphabet := []byte("09/:az \xb0\xb9\xff")
	for range 5000 {
		b := make([]byte, r.IntN(30))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		s := string(b)
		for i := 0; i <= len(s); i++ {
			want := i
			for want < len(s) && !isDigit(s[want]) {
				want++
			}
			if got := nextDigit(s, i); got != want {
				t.Fatalf("nextDigit(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
