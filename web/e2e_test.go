package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/leverage-dev/leverage/query"
	"github.com/leverage-dev/leverage/server"
	"github.com/leverage-dev/leverage/sqlite"
	"github.com/leverage-dev/leverage/web"
)

// chromium is Debian's Chromium, which .ci/run installs.
const chromium = "/usr/bin/chromium"

// testArticle is the article the read page is given: the CLI's test
// article, with near-miss names, an anachronism, a contradiction and a
// truncated ending.
const testArticle = "../internal/command/root/testdata/read/article.txt"

// testToken is the server's bearer token, which uploads need.
const testToken = "e2e-token"

// TestDashboard loads each page of the dashboard in headless Chromium,
// served by the real server over a store holding the built-in dataset,
// performs the page's main interaction, fails on any console error,
// uncaught exception or request to another origin, and keeps a screenshot
// of each page in $LEVERAGE_ARTIFACTS (default: a temporary folder).
func TestDashboard(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("browser tests need Debian's Chromium at %s (apt-get install chromium); skipped", chromium)
	}
	start := time.Now()
	base := startServer(t)
	shots := artefacts(t)

	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.WindowSize(1400, 900),
		chromedp.UserDataDir(t.TempDir()),
	)
	defer cancel()
	browser, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(browser); err != nil { // starts the browser
		t.Fatalf("start %s: %v", chromium, err)
	}

	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			tab := openTab(t, browser, base)
			defer tab.finish(t, filepath.Join(shots, p.name+".png"))
			ctx, cancel := context.WithTimeout(tab.ctx, 30*time.Second)
			defer cancel()
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/#/"+p.path)); err != nil {
				t.Fatalf("load %s: %v", p.path, err)
			}
			p.check(t, ctx, base)
		})
	}
	t.Logf("browser tests took %v", time.Since(start).Round(time.Millisecond))
}

var pages = []struct {
	name, path string
	check      func(t *testing.T, ctx context.Context, base string)
}{
	{"dyad", "dyad?a=RUS&b=KAZ", checkDyad},
	{"influence", "influence?target=KAZ", checkInfluence},
	{"transit", "transit?exporter=KAZ", checkTransit},
	{"scenarios", "scenarios", checkScenarios},
	{"read", "read", checkRead},
}

// The dyad page shows both directions of the flagship pair; moving the
// as-of slider reloads the scores as of that date.
func checkDyad(t *testing.T, ctx context.Context, base string) {
	wait(t, ctx, `document.querySelector('#dyad-summary') && document.querySelector('#dyad-chart').dataset.points === '14'`)
	before := text(t, ctx, "#composite-forward .value")
	asOfBefore := eval[string](t, ctx, `document.querySelector('#dyad-summary').dataset.asOf`)
	if strings.Contains(before, "—") {
		t.Fatalf("Russia over Kazakhstan has no composite: %q", before)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('details.channel').length`); n != 7 {
		t.Errorf("%d channels shown, want 7", n)
	}
	// Click the slider at a fifth of its length: late 1990s.
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector('#asof').getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })()`)
	if err := chromedp.Do(ctx,
		chromedp.ScrollIntoView(chromedp.CSS("#asof")),
		chromedp.MouseClickXY(box[0]+box[2]*0.2, box[1]+box[3]/2),
	); err != nil {
		t.Fatal(err)
	}
	label := text(t, ctx, "#asof-label")
	if label == asOfBefore {
		t.Fatalf("the slider did not move: as of %s", label)
	}
	wait(t, ctx, fmt.Sprintf(`document.querySelector('#dyad-summary') && document.querySelector('#dyad-summary').dataset.asOf === %q`, label))
	after := text(t, ctx, "#composite-forward .value")
	if after == before {
		t.Errorf("composite unchanged at %s and %s: %s", asOfBefore, label, after)
	}
	if !strings.Contains(eval[string](t, ctx, `location.hash`), "as_of="+label) {
		t.Errorf("the address does not keep the date: %s", eval[string](t, ctx, `location.hash`))
	}
	// A source opens in a dialog with its address.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#sources a.src-title"))); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('dialog#detail[open] .source')`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("dialog#detail .close button"))); err != nil {
		t.Fatal(err)
	}
	// So do the facts behind an indicator, every one found.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`details.channel[data-channel="energy"] .chip.fact`))); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('dialog#detail[open] table.facts tbody tr')`)
	if missing := eval[int](t, ctx, `document.querySelectorAll('dialog#detail table.facts td.muted').length`); missing > 0 {
		t.Errorf("%d facts of an energy indicator not found", missing)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("dialog#detail .close button"))); err != nil {
		t.Fatal(err)
	}
	t.Logf("composite %s as of %s, %s as of %s", before, asOfBefore, after, label)
}

// The influence page draws the top influencers of Kazakhstan and the
// series of the leading pairs.
func checkInfluence(t *testing.T, ctx context.Context, base string) {
	wait(t, ctx, `Number((document.querySelector('#top-chart') || {dataset: {}}).dataset.points) > 0 && Number(document.querySelector('#series-chart').dataset.points) > 0 && Number(document.querySelector('#parts-chart').dataset.points) > 0`)
	first := text(t, ctx, "#top-table tbody tr td:nth-child(2)")
	if !strings.Contains(first, "RUS") {
		t.Errorf("Kazakhstan's first influencer is %q, want Russia", first)
	}
}

// The transit page maps Kazakhstan's routes; switching CPC off leaves the
// other routes' capacity and moves the minimum cut.
func checkTransit(t *testing.T, ctx context.Context, base string) {
	wait(t, ctx, `document.querySelector('#transit-summary') && document.querySelector('input[data-asset="CPC"]')`)
	if features := geometryFeatures(t, base); features == 0 {
		t.Error("the API gives no map geometry")
	}
	wait(t, ctx, `Number(document.querySelector('#transit-map').dataset.points) > 0`)
	before := eval[string](t, ctx, `document.querySelector('#transit-summary').dataset.capacity`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[data-asset="CPC"]`))); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('#what-if') && !document.querySelector('input[data-asset="CPC"]').checked`)
	after := eval[string](t, ctx, `document.querySelector('#transit-summary').dataset.capacity`)
	b, _ := strconv.ParseFloat(before, 64)
	a, _ := strconv.ParseFloat(after, 64)
	if !(a < b) {
		t.Errorf("capacity without CPC %s, want less than %s", after, before)
	}
	if cut := text(t, ctx, "#cut-table"); strings.Contains(cut, "CPC pipeline") {
		t.Errorf("CPC still in the minimum cut without it: %s", cut)
	}
	if h := eval[string](t, ctx, `location.hash`); !strings.Contains(h, "without=CPC") {
		t.Errorf("the address does not keep the what-if: %s", h)
	}
	t.Logf("capacity %s Mt/y, %s without CPC", before, after)
}

// The scenarios page runs the 2025 drone-strike replay with 200 draws and
// draws the distributions; then the same scenario, uploaded as a file,
// with the token.
func checkScenarios(t *testing.T, ctx context.Context, base string) {
	wait(t, ctx, `document.querySelector('#sc-name option[value="cpc-drone-2025"]') && document.querySelector('#sc-detail h2')`)
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#sc-name"), "cpc-drone-2025"),
		chromedp.SetValue(chromedp.CSS("#sc-draws"), "200"),
		chromedp.Click(chromedp.CSS("#sc-run")),
	); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `Number((document.querySelector('#dist-chart') || {dataset: {}}).dataset.points) > 0 && Number(document.querySelector('#path-chart').dataset.points) > 0`)
	if n := text(t, ctx, "#sc-draws .value"); n != "200" {
		t.Errorf("draws shown %q, want 200", n)
	}
	lost := text(t, ctx, "#sc-lost .value")
	if !strings.HasSuffix(lost, "Mt") || strings.Contains(lost, "—") {
		t.Errorf("exports lost %q", lost)
	}
	t.Logf("exports lost: %s (%s)", lost, text(t, ctx, "#sc-lost .sub"))
	// The exports lost are drawn as the API's histogram, a bar per count.
	if bars, points := lostHistogramBars(t, base), eval[string](t, ctx, `document.querySelector('#dist-chart').dataset.points`); bars == 0 || points != strconv.Itoa(bars) {
		t.Errorf("the distribution of the exports lost draws %s points; the API's histogram has %d bars", points, bars)
	}

	// An uploaded scenario runs with the token.
	spec, err := os.ReadFile("../data/scenarios/cpc-drone-2025.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS("#token"), testToken),
		chromedp.Click(chromedp.CSS("#sc-upload summary")),
		chromedp.SetValue(chromedp.CSS("#sc-spec"), string(spec)),
		chromedp.Click(chromedp.CSS("#sc-upload-radio")),
		chromedp.SetValue(chromedp.CSS("#sc-draws"), "100"),
		chromedp.Click(chromedp.CSS("#sc-run")),
	); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('#sc-draws .value') && document.querySelector('#sc-draws .value').textContent === '100'`)
}

// The read page reads the test article and highlights its actors and
// flags.
func checkRead(t *testing.T, ctx context.Context, base string) {
	article, err := os.ReadFile(testArticle)
	if err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('#read-input')`)
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS("#read-input"), string(article)),
		chromedp.Click(chromedp.CSS("#read-run")),
	); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('#read-text .seg.actor')`)
	actors := eval[int](t, ctx, `document.querySelectorAll('#read-text .seg.actor').length`)
	flags := eval[int](t, ctx, `document.querySelectorAll('#read-text .seg.flag').length`)
	cands := eval[int](t, ctx, `document.querySelectorAll('#read-text .seg.cand').length`)
	if actors == 0 || flags == 0 || cands == 0 {
		t.Errorf("highlighted: %d actor, %d candidate and %d flag passages; want some of each", actors, cands, flags)
	}
	// A flag in the list leads to its passage, which the inspector explains.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#read-flags li a"))); err != nil {
		t.Fatal(err)
	}
	wait(t, ctx, `document.querySelector('#read-inspector .flag-box')`)
	t.Logf("%d actor, %d candidate and %d flag passages; inspector: %s", actors, cands, flags, text(t, ctx, "#read-inspector .flag-box"))
}

// tab is a browser tab that records the page's console errors, uncaught
// exceptions and requests to other origins.
type tab struct {
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

func openTab(t *testing.T, browser context.Context, base string) *tab {
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithListener(func(ev any) {
		var msg string
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					if a.Description != "" {
						args = append(args, a.Description)
					} else {
						args = append(args, string(a.Value))
					}
				}
				msg = "console.error: " + strings.Join(args, " ")
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg = fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, d.Text)
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
		case *network.EventRequestWillBeSent:
			u := ev.Request.URL
			if !strings.HasPrefix(u, base+"/") && !strings.HasPrefix(u, "data:") {
				msg = "request to another origin: " + u
			}
		}
		if msg != "" {
			tb.mu.Lock()
			tb.errs = append(tb.errs, msg)
			tb.mu.Unlock()
		}
	}))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	tb.ctx = ctx
	return tb
}

// finish saves a full-page screenshot of the tab, also after a failure,
// and reports the errors the page logged.
func (tb *tab) finish(t *testing.T, path string) {
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	// From the top, so that the sticky header is where it belongs.
	err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	var png []byte
	if err == nil {
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
	}
	if err == nil {
		err = os.WriteFile(path, png, 0o644)
	}
	if err != nil {
		t.Errorf("screenshot: %v", err)
	} else {
		t.Logf("screenshot: %s", path)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, e := range tb.errs {
		t.Error(e)
	}
}

// wait polls the page until the JavaScript expression is truthy.
func wait(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("!!("+expr+")", chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		errText := eval[string](t, ctx, `Array.from(document.querySelectorAll('.error')).map(e => e.textContent).join(' | ')`)
		t.Fatalf("waiting for %s: %v; errors on the page: %q", expr, err, errText)
	}
}

func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// geometryFeatures returns how many features the API's geometry has.
func geometryFeatures(t *testing.T, base string) int {
	res, err := http.Get(base + "/api/v1/geometry")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var fc struct {
		Features []json.RawMessage `json:"features"`
	}
	if res.StatusCode != http.StatusOK || json.NewDecoder(res.Body).Decode(&fc) != nil {
		return 0
	}
	return len(fc.Features)
}

// lostHistogramBars returns how many bars the histogram of the exports
// lost has when the scenarios page's run (cpc-drone-2025, 200 draws, seed
// 1) is asked of the API.
func lostHistogramBars(t *testing.T, base string) int {
	res, err := http.Post(base+"/api/v1/scenarios/run", "application/json",
		strings.NewReader(`{"scenario": "cpc-drone-2025", "draws": 200, "seed": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var r struct {
		Draws struct {
			Lost struct {
				Histogram struct {
					Counts []int `json:"counts"`
				} `json:"histogram"`
			} `json:"lost_mt"`
		} `json:"draws"`
	}
	if res.StatusCode != http.StatusOK || json.NewDecoder(res.Body).Decode(&r) != nil {
		return 0
	}
	return len(r.Draws.Lost.Histogram.Counts)
}

// artefacts returns the folder for screenshots: $LEVERAGE_ARTIFACTS, or a
// temporary folder that outlives the test.
func artefacts(t *testing.T) string {
	dir := os.Getenv("LEVERAGE_ARTIFACTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "leverage-dashboard-"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// startServer serves the API and the embedded dashboard over a new SQLite
// store holding the built-in dataset and index panel, as leverage serve
// does. It returns the base address.
func startServer(t *testing.T) string {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "e2e.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := query.LoadBuiltin(ctx, st, time.Now()); err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: st, Token: testToken, Assets: web.Assets()})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts.URL
}
