package server_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/leverage-dev/leverage/server"
)

// TestConcurrent mixes every kind of request, writes among them, from
// several goroutines: every answer is right, and under -race (as .ci/run
// runs it) the cache and the shared models show no race.
func TestConcurrent(t *testing.T) {
	ts := newServer(t, func(c *server.Config) { c.Token = token })
	article := "Kazakhstan exported 46.3 million tonnes of crude through the CPC pipeline in 2024, the company said on 5 January 2025."
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 6 {
				var status int
				var b []byte
				switch (g + i) % 6 {
				case 0:
					status, b = call(t, ts, "GET", fmt.Sprintf("/api/v1/assess?a=RUS&b=KAZ&as_of=%d", 2000+i+g), "", nil)
				case 1:
					status, b = call(t, ts, "GET", "/api/v1/transit?exporter=KAZ&without=CPC", "", nil)
				case 2:
					status, b = call(t, ts, "POST", "/api/v1/scenarios/run", "application/json", strings.NewReader(`{"scenario":"cpc-drone-2025","draws":20}`))
				case 3:
					status, b = call(t, ts, "POST", "/api/v1/read", "text/plain", strings.NewReader(article))
				case 4:
					status, b = call(t, ts, "POST", fmt.Sprintf("/api/v1/read?accept=all&name=https://example.org/%d-%d", g, i), "text/plain",
						strings.NewReader(article), "Authorization", "Bearer "+token)
				case 5:
					status, b = call(t, ts, "GET", "/api/v1/index/series?a=RUS&b=KAZ", "", nil)
				}
				if status != 200 {
					errs <- fmt.Sprintf("goroutine %d request %d: %d %.200s", g, i, status, b)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
