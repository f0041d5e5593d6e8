package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// paras splits a Document's text into its paragraphs.
func paras(d *Document) []string {
	if d.Text == "" {
		return nil
	}
	return strings.Split(d.Text, "\n\n")
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		title   string
		author  string
		date    time.Time
		text    []string // the paragraphs, in order
		removed []string
	}{
		{
			name: "clean news loses nothing",
			in: `Kazakhstan and Russia sign oil transit deal

ASTANA, March 3 – Kazakhstan and Russia agreed on Monday to extend the oil transit agreement for ten years, officials said.

The deal covers exports through the Caspian Pipeline Consortium, which carries about 80% of Kazakh crude.

Energy ministers
"We are satisfied," the minister said.

Yes.

Will it last?

Analysts expect more talks. They said the share of Russian routes would fall slowly.

Yes.`,
			title: "Kazakhstan and Russia sign oil transit deal",
			text: []string{
				"ASTANA, March 3 – Kazakhstan and Russia agreed on Monday to extend the oil transit agreement for ten years, officials said.",
				"The deal covers exports through the Caspian Pipeline Consortium, which carries about 80% of Kazakh crude.",
				"Energy ministers",
				`"We are satisfied," the minister said.`,
				"Yes.",
				"Will it last?",
				"Analysts expect more talks. They said the share of Russian routes would fall slowly.",
				"Yes.",
			},
		},
		{
			name: "byline and dateline become metadata",
			in: `Tokayev visits Beijing

By Aigerim Seitkali and John Roe

Published: March 4, 2024

President Tokayev arrived in Beijing on Monday for two days of talks on trade and transit.`,
			title:   "Tokayev visits Beijing",
			author:  "Aigerim Seitkali and John Roe",
			date:    time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC),
			text:    []string{"President Tokayev arrived in Beijing on Monday for two days of talks on trade and transit."},
			removed: []string{"By Aigerim Seitkali and John Roe", "Published: March 4, 2024"},
		},
		{
			name: "blog page furniture",
			in: `Skip to content
Home > Analysis > Central Asia
We use cookies to improve your experience. Accept cookies to continue.

Why the Caspian route matters

Facebook Twitter WhatsApp Email

The Caspian route carries most of the region's exports to Europe. Its capacity grew by a third after 2018.

Comments from the Kremlin

Officials in Moscow say the route is safe. Critics in Astana disagree and point to the storms of 2022.

Related developments in Astana

The government plans a second line. Subscription fees for transit data also rose this year.

The regulator said the company's cookie policy broke the law, and fined it.

Share this article

Related posts
Kazakhstan’s new oil law explained
Why Aktau matters

3 Comments

Aidos says: I think the analysis misses the role of China, which now buys more Kazakh oil than ever before and keeps building.

Privacy Policy | Terms of Use`,
			title: "Why the Caspian route matters",
			text: []string{
				"The Caspian route carries most of the region's exports to Europe. Its capacity grew by a third after 2018.",
				"Comments from the Kremlin",
				"Officials in Moscow say the route is safe. Critics in Astana disagree and point to the storms of 2022.",
				"Related developments in Astana",
				"The government plans a second line. Subscription fees for transit data also rose this year.",
				"The regulator said the company's cookie policy broke the law, and fined it.",
			},
			removed: []string{
				"Skip to content",
				"Home > Analysis > Central Asia",
				"We use cookies to improve your experience. Accept cookies to continue.",
				"Facebook Twitter WhatsApp Email",
				"Share this article",
				"Related posts",
				"Kazakhstan’s new oil law explained",
				"Why Aktau matters",
				"3 Comments",
				"Aidos says: I think the analysis misses the role of China, which now buys more Kazakh oil than ever before and keeps building.",
				"Privacy Policy | Terms of Use",
			},
		},
		{
			name: "hard-wrapped paragraphs are joined and read as one",
			in: `The pipeline runs from Tengiz to Novorossiysk, and the consortium
read more into the storm damage than the ministry did at first. Its
report, published in May, blamed the moorings.

A second paragraph follows here, wrapped at the same width as the one
before it, and it ends here.`,
			text: []string{
				"The pipeline runs from Tengiz to Novorossiysk, and the consortium read more into the storm damage than the ministry did at first. Its report, published in May, blamed the moorings.",
				"A second paragraph follows here, wrapped at the same width as the one before it, and it ends here.",
			},
		},
		{
			name: "repeated lines after the first go, short ones stay",
			in: `Oil exports rise again this year

Exports rose by 5% in the first half. Officials said more was to come.

Oil exports rise again this year

No.

No.

Exports rose by 5% in the first half. Officials said more was to come.`,
			title: "Oil exports rise again this year",
			text: []string{
				"Exports rose by 5% in the first half. Officials said more was to come.",
				"No.",
				"No.",
			},
			removed: []string{
				"Oil exports rise again this year",
				"Exports rose by 5% in the first half. Officials said more was to come.",
			},
		},
		{
			name: "a notice alone in the body stays",
			in: `The ministry published its privacy policy for the new transit register on Monday, and critics said it said too little.

Under the rules, carriers must file their cargo lists a day ahead of arrival at the border.`,
			text: []string{
				"The ministry published its privacy policy for the new transit register on Monday, and critics said it said too little.",
				"Under the rules, carriers must file their cargo lists a day ahead of arrival at the border.",
			},
		},
		{
			name: "separators that are not breadcrumbs",
			in: `Year | Exports | Share
2021 | 68.7 | 80%
« Nous » et « eux » dans la presse
Russia and China: partners or rivals?

The table above lists exports in million tonnes for each year since the pipeline opened to new shippers.`,
			text: []string{
				"Year | Exports | Share",
				"2021 | 68.7 | 80%",
				"« Nous » et « eux » dans la presse",
				"Russia and China: partners or rivals?",
				"The table above lists exports in million tonnes for each year since the pipeline opened to new shippers.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := cleanText(tt.in)
			if d.Format != FormatText {
				t.Errorf("Format = %q, want %q", d.Format, FormatText)
			}
			if d.Title != tt.title || d.Author != tt.author || !d.Date.Equal(tt.date) {
				t.Errorf("Title, Author, Date = %q, %q, %v; want %q, %q, %v", d.Title, d.Author, d.Date, tt.title, tt.author, tt.date)
			}
			if got := paras(d); !slices.Equal(got, tt.text) {
				t.Errorf("paragraphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.text, "\n"))
			}
			if !slices.Equal(d.Removed, tt.removed) {
				t.Errorf("Removed:\n%s\nwant:\n%s", strings.Join(d.Removed, "\n"), strings.Join(tt.removed, "\n"))
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		line  string
		class lineClass
	}{
		{"Leave a Comment", classCue},
		{"You may also like", classCue},
		{"YOU MAY ALSO LIKE:", classCue},
		{"Adblock Detected", classCue},
		{"by", classCue},
		{"Share:", classCue},
		{"Read more…", classCue},
		{"Advertisement - scroll to continue", classCue},
		{"12 comments", classCue},
		{"Home › World", classCue},
		{"News / Politics / Asia", classCue},
		{"* * *", classCue},
		{"Читайте также", classCue},
		{"This site uses Akismet to reduce spam. Learn how your comment data is processed.", classNotice},
		{"Please support us by disabling your AdBlocker extension from your browsers for our website.", classNotice},
		{"Sign up for our newsletter.", classNotice},
		{"Read more about the deal in our report.", classContent},
		{"Share prices fell.", classContent},
		{"Russia's share of Kazakh trade", classContent},
		{"Related developments in Astana", classContent},
		{"Kazakhstan's Tokayev Consolidates Power After 2022 Unrest", classContent},
		{"By 2030, exports will double.", classContent},
		{"Title of the story | Reuters", classContent},
	}
	for _, tt := range tests {
		if got, reason := classify(tt.line); got != tt.class {
			t.Errorf("classify(%q) = %d (%s), want %d", tt.line, got, reason, tt.class)
		}
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"March 4, 2024", time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), true},
		{"Published on 4 March 2024", time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), true},
		{"UPDATED: Tue., Nov. 19, 2019", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC), true},
		{"NOVEMBER 20, 2019 10:43", time.Date(2019, 11, 20, 10, 43, 0, 0, time.UTC), true},
		{"2022-01-05", time.Date(2022, 1, 5, 0, 0, 0, 0, time.UTC), true},
		{"In March 2024 the talks began.", time.Time{}, false},
		{"January 2022 unrest", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := dateline(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("dateline(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// sharedArticle reads the scraped article of the issue from the shared
// inputs, or skips.
func sharedArticle(t testing.TB) []byte {
	t.Helper()
	dir := os.Getenv("LEVERAGE_TESTDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	path := filepath.Join(dir, "..", "inputs", "articles", "russia-kazakhstan-strategic-target.txt")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("shared article not found (set LEVERAGE_TESTDATA to ../shared/data): %v", err)
	}
	return b
}

func TestCleanSharedArticle(t *testing.T) {
	d := cleanText(string(sharedArticle(t)))
	const title = "Kazakhstan as a Strategic Target in Vladimir Putin’s Agenda: Unpacking Russia’s Objectives"
	if d.Title != title {
		t.Errorf("Title = %q, want %q", d.Title, title)
	}
	wantRemoved := []string{
		"Home » world » " + title,
		"by",
		title, // the copy in the middle
		"You may also like",
		"Leave a Comment",
		"This site uses Akismet to reduce spam. Learn how your comment data is processed.",
		"Adblock Detected",
		"Please support us by disabling your AdBlocker extension from your browsers for our website.",
	}
	if !slices.Equal(d.Removed, wantRemoved) {
		t.Errorf("Removed:\n%s\nwant:\n%s", strings.Join(d.Removed, "\n"), strings.Join(wantRemoved, "\n"))
	}
	ps := paras(d)
	if len(ps) != 41 {
		t.Errorf("%d paragraphs, want the 41 of the article", len(ps))
	}
	for _, want := range []string{
		"Kazakhstan’s Tokayev Consolidates Power After 2022 Unrest",
		"How might past dependencies between Kazakhstan and russia shape kazakhstan’s foreign policy decisions today?",
		"Case Study: The 2022 Unrest and Russian Intervention",
		// The truncated ending is the article's, not furniture.
		"The January 2022 unrest in Kazakhstan provides a crucial case study. Initially sparked by",
	} {
		if !slices.Contains(ps, want) {
			t.Errorf("paragraph %q missing", want)
		}
	}
	if ps[0] != "Kazakhstan’s Tokayev Consolidates Power After 2022 Unrest" {
		t.Errorf("first paragraph = %q", ps[0])
	}
}

// BenchmarkExtractText cleans the shared article through Extract.
func BenchmarkExtractText(b *testing.B) {
	page := sharedArticle(b)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Extract(bytes.NewReader(page), "text/plain", Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
