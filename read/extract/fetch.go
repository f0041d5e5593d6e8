package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// DefaultTimeout bounds a fetch made with a nil client; a context deadline
// or the client's own Timeout applies otherwise.
const DefaultTimeout = 30 * time.Second

// userAgent names the fetcher to the sites it reads.
const userAgent = "leverage-read/1 (+https://github.com/leverage-dev/leverage)"

// Fetch GETs an http or https URL and returns the body and its
// Content-Type header. The request ends with ctx or with the client's
// Timeout; a nil client means the default transport with DefaultTimeout.
// A body over maxBytes (0 or less: DefaultMaxBytes) gives an error
// wrapping ErrTooLarge; a status other than 2xx gives an error naming the
// status.
func Fetch(ctx context.Context, client *http.Client, rawURL string, maxBytes int64) (body []byte, contentType string, err error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if client == nil {
		client = &http.Client{Timeout: DefaultTimeout}
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, "", fmt.Errorf("fetch %q: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, "", fmt.Errorf("fetch %q: not an http or https URL", rawURL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5")
	resp, err := client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the method and URL
		}
		return nil, "", fmt.Errorf("fetch %s: %w", u.Redacted(), err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", fmt.Errorf("fetch %s: server answered %s", u.Redacted(), resp.Status)
	}
	if resp.ContentLength > maxBytes {
		return nil, "", fmt.Errorf("fetch %s: %w: %d bytes announced, limit %d", u.Redacted(), ErrTooLarge, resp.ContentLength, maxBytes)
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, maxBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("fetch %s: read body: %w", u.Redacted(), err)
	}
	if int64(len(body)) > maxBytes {
		return nil, "", fmt.Errorf("fetch %s: %w: more than %d bytes", u.Redacted(), ErrTooLarge, maxBytes)
	}
	return body, resp.Header.Get("Content-Type"), nil
}
