package progress

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "importing", 100)
	b.Set(50)
	b.Done()
	if buf.Len() != 0 {
		t.Errorf("wrote %q to a buffer, want nothing", buf.String())
	}

	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file is a terminal")
	}
	b = New(f, "importing", 100)
	b.Set(50)
	b.Done()
	if st, _ := f.Stat(); st.Size() != 0 {
		t.Errorf("wrote %d bytes to a regular file, want none", st.Size())
	}
}

func TestDraw(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	b := New(&buf, "rows", 200, Force(), Every(time.Second), Clock(func() time.Time { return clock }))
	b.Set(0)  // first call draws
	b.Set(50) // too soon: skipped
	clock = clock.Add(time.Second)
	b.Set(100) // draws
	b.Done()   // final state and newline
	want := "\rrows [>                             ]   0% 0/200" +
		"\rrows [===============>              ]  50% 100/200" +
		"\rrows [===============>              ]  50% 100/200\n"
	if got := buf.String(); got != want {
		t.Errorf("drew\n%q\nwant\n%q", got, want)
	}

	buf.Reset()
	b = New(&buf, "rows", 3, Force())
	b.Set(3)
	b.Done()
	if got, want := buf.String(), "\rrows [==============================] 100% 3/3"; !strings.HasPrefix(got, want) {
		t.Errorf("drew %q, want prefix %q", got, want)
	}

	buf.Reset()
	b = New(&buf, "rows", 0, Force())
	b.Set(12345)
	b.Done()
	if got, want := buf.String(), "\rrows 12345\rrows 12345\n"; got != want {
		t.Errorf("without a total drew %q, want %q", got, want)
	}
}

func TestShorterLineIsPadded(t *testing.T) {
	var buf bytes.Buffer
	b := New(&buf, "rows", 0, Force(), Every(0))
	b.Set(1000)
	b.Set(5)
	if got, want := buf.String(), "\rrows 1000\rrows 5   "; got != want {
		t.Errorf("drew %q, want %q", got, want)
	}
}
