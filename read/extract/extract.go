package extract

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is not set.
const DefaultMaxBytes int64 = 10 << 20

// The formats of a Document.
const (
	FormatHTML = "html"
	FormatText = "text"
)

// Errors that Extract and Fetch wrap.
var (
	// ErrNoText: the input has no main text.
	ErrNoText = errors.New("no main text found")
	// ErrTooLarge: the input or response body is over the size limit.
	ErrTooLarge = errors.New("too large")
)

// Document is the main text of a page or file with what is known about it.
type Document struct {
	Title, Author string
	Date          time.Time // publication date when found; zero otherwise
	Text          string    // the main text, paragraphs separated by "\n\n"
	Format        string    // "html" or "text"
	Removed       []string  // plain text only: the boilerplate lines removed, in order (for review)
}

// Options tune Extract.
type Options struct {
	// URL is the page's address; it helps the HTML extractor resolve the
	// page's links and metadata. Optional.
	URL string
	// MaxBytes limits the input read; 0 or less means DefaultMaxBytes.
	MaxBytes int64
}

// Extract reads a page or file from r and returns its main text.
// contentType is the MIME type if known (an HTTP Content-Type header, or
// "" to sniff); its charset parameter is honoured. Input longer than
// MaxBytes gives an error wrapping ErrTooLarge, and input without main
// text one wrapping ErrNoText.
func Extract(r io.Reader, contentType string, opt Options) (doc *Document, err error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	raw, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read input: %w", err)
	}
	if int64(len(raw)) > limit {
		return nil, fmt.Errorf("read input: %w: more than %d bytes", ErrTooLarge, limit)
	}
	isHTML := IsHTML(raw, contentType)
	text := decode(raw, contentType)
	if isHTML {
		// A third-party extractor runs on untrusted input: turn a panic
		// into an error rather than crash the caller.
		defer func() {
			if p := recover(); p != nil {
				doc, err = nil, fmt.Errorf("extract HTML: extractor failed: %v", p)
			}
		}()
		doc, err = extractHTML(text, opt.URL)
		if err != nil {
			return nil, fmt.Errorf("extract HTML: %w", err)
		}
	} else {
		doc = cleanText(text)
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, fmt.Errorf("extract %s: %w", doc.Format, ErrNoText)
	}
	return doc, nil
}

// IsHTML reports whether b holds HTML. A Content-Type of text/html or
// application/xhtml+xml says so; another explicit type (text/markdown,
// application/json …) says not; text/plain, application/octet-stream or
// no type at all leave it to the bytes: an HTML signature at the start
// (the sniffing of net/http, also after an XML declaration or a UTF-16
// byte-order mark).
func IsHTML(b []byte, contentType string) bool {
	if contentType != "" {
		mt, _, err := mime.ParseMediaType(contentType)
		if err == nil {
			switch mt {
			case "text/html", "application/xhtml+xml":
				return true
			case "text/plain", "application/octet-stream":
			default:
				return false
			}
		}
	}
	head := b[:min(len(b), 1024)]
	if len(head) >= 2 && (head[0] == 0xfe && head[1] == 0xff || head[0] == 0xff && head[1] == 0xfe) {
		head = []byte(decode(head, ""))
	}
	if strings.HasPrefix(http.DetectContentType(head), "text/html") {
		return true
	}
	s := strings.ToLower(strings.TrimLeft(string(head), "\ufeff \t\r\n"))
	if strings.HasPrefix(s, "<?xml") {
		return strings.Contains(s, "<html") || strings.Contains(s, "<!doctype html")
	}
	return false
}

// decode converts b to UTF-8 and replaces invalid bytes with U+FFFD. The
// encoding comes from, in order: a byte-order mark; the charset parameter of
// contentType; <meta charset> or <meta http-equiv> in the first 1,024
// bytes; sniffing (x/net/html/charset.DetermineEncoding), which falls back
// to windows-1252. Input that is valid UTF-8 throughout is read as UTF-8
// unless a byte-order mark or the Content-Type names a charset other than
// ASCII, ISO-8859-1 or windows-1252 (servers that declare Latin-1 by
// default are common; Latin-1 text that is also valid UTF-8 is not).
func decode(b []byte, contentType string) string {
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	latin := name == "windows-1252" || name == "iso-8859-1" || name == "us-ascii"
	if name == "utf-8" || ((!certain || latin) && !hasBOM(b) && utf8.Valid(b)) {
		return strings.ToValidUTF8(strings.TrimPrefix(string(b), "\ufeff"), "\ufffd")
	}
	if enc == nil || enc == encoding.Nop {
		return strings.ToValidUTF8(string(b), "\ufffd")
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// Decoders replace what they cannot map; an error here means the
		// transformer gave up, so keep what is valid of the raw bytes.
		return strings.ToValidUTF8(string(b), "\ufffd")
	}
	return strings.ToValidUTF8(strings.TrimPrefix(string(out), "\ufeff"), "\ufffd")
}

// hasBOM reports whether b starts with a UTF-8 or UTF-16 byte-order mark.
func hasBOM(b []byte) bool {
	return len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf ||
		len(b) >= 2 && (b[0] == 0xfe && b[1] == 0xff || b[0] == 0xff && b[1] == 0xfe)
}
