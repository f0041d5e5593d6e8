package extract

import "regexp"

// cueKind says how a boilerplate cue is matched against a line. Lines are
// compared lower-cased, with white space collapsed and curly quotes made
// straight; docs/reading.md explains each kind.
type cueKind uint8

const (
	// cueLine: the whole line, without surrounding punctuation and
	// symbols, is the phrase ("Leave a Comment", "Share:", "by").
	cueLine cueKind = iota
	// cueStart: the line starts with the phrase (at a word boundary), has
	// at most startMaxWords words and no sentence-final punctuation unless
	// it has at most startPunctWords words ("You may also like these",
	// "Read more…", but not "Read more about it in our report.").
	cueStart
	// cueNotice: the line contains the phrase, has at most
	// noticeMaxWords words, and either has at most noticeShortWords words,
	// starts with the phrase or speaks to the reader (you, your, we, our,
	// us, please). Notices are sentences addressed to the reader ("This
	// site uses Akismet to reduce spam. Learn how your comment data is
	// processed."); they are removed only next to other boilerplate or
	// outside the body, never alone in the middle of the text.
	cueNotice
)

const (
	startMaxWords    = 10
	startPunctWords  = 3
	noticeShortWords = 8
	noticeMaxWords   = 60
)

// cue is one boilerplate cue: a phrase, how it matches and the group it
// belongs to (the reason reported for review).
type cue struct {
	phrase string
	kind   cueKind
	group  string
}

// cues is the boilerplate vocabulary of plain-text pages. Phrases are
// lower case. Add to it rather than to the code; every group is described
// in docs/reading.md.
var cues = []cue{
	// Bylines stripped of their name, and navigation words.
	{"by", cueLine, "navigation"},
	{"home", cueLine, "navigation"},
	{"menu", cueLine, "navigation"},
	{"main menu", cueLine, "navigation"},
	{"search", cueLine, "navigation"},
	{"close", cueLine, "navigation"},
	{"loading", cueLine, "navigation"},
	{"print", cueLine, "navigation"},
	{"email", cueLine, "navigation"},
	{"next", cueLine, "navigation"},
	{"previous", cueLine, "navigation"},
	{"back to top", cueLine, "navigation"},
	{"toggle navigation", cueLine, "navigation"},
	{"skip to content", cueStart, "navigation"},
	{"skip to main content", cueStart, "navigation"},
	{"jump to", cueStart, "navigation"},
	{"previous article", cueStart, "navigation"},
	{"next article", cueStart, "navigation"},
	{"previous post", cueStart, "navigation"},
	{"next post", cueStart, "navigation"},
	{"previous story", cueStart, "navigation"},
	{"next story", cueStart, "navigation"},
	{"sign in", cueLine, "account"},
	{"log in", cueLine, "account"},
	{"login", cueLine, "account"},
	{"register", cueLine, "account"},
	{"my account", cueLine, "account"},

	// Sharing.
	{"share", cueLine, "share"},
	{"share this", cueStart, "share"},
	{"share on", cueStart, "share"},
	{"share via", cueStart, "share"},
	{"share article", cueStart, "share"},
	{"share the article", cueStart, "share"},
	{"share this article", cueStart, "share"},
	{"share this story", cueStart, "share"},
	{"tweet", cueLine, "share"},
	{"copy link", cueLine, "share"},
	{"follow us", cueStart, "share"},
	{"follow us on", cueNotice, "share"},
	{"follow him on", cueNotice, "share"},
	{"follow her on", cueNotice, "share"},
	{"follow them on", cueNotice, "share"},
	{"share it with", cueNotice, "share"},

	// Related links, recommendations and "read more" prompts.
	{"related", cueLine, "related"},
	{"related:", cueStart, "related"},
	{"related posts", cueStart, "related"},
	{"related articles", cueStart, "related"},
	{"related stories", cueStart, "related"},
	{"related news", cueStart, "related"},
	{"related content", cueStart, "related"},
	{"related reading", cueStart, "related"},
	{"related coverage", cueStart, "related"},
	{"related topics", cueStart, "related"},
	{"you may also like", cueStart, "related"},
	{"you might also like", cueStart, "related"},
	{"you may be interested in", cueStart, "related"},
	{"recommended for you", cueStart, "related"},
	{"recommended", cueLine, "related"},
	{"more stories", cueStart, "related"},
	{"more from", cueStart, "related"},
	{"more on this", cueStart, "related"},
	{"most read", cueStart, "related"},
	{"most popular", cueStart, "related"},
	{"trending now", cueStart, "related"},
	{"trending", cueLine, "related"},
	{"popular posts", cueStart, "related"},
	{"latest news", cueLine, "related"},
	{"read more", cueStart, "related"},
	{"read also", cueStart, "related"},
	{"also read", cueStart, "related"},
	{"see also", cueStart, "related"},
	{"continue reading", cueStart, "related"},
	{"click here", cueStart, "related"},
	{"читайте также", cueStart, "related"},
	{"по теме", cueLine, "related"},

	// Comments.
	{"comment", cueLine, "comments"},
	{"comments", cueLine, "comments"},
	{"leave a comment", cueStart, "comments"},
	{"leave a reply", cueStart, "comments"},
	{"post a comment", cueStart, "comments"},
	{"add a comment", cueStart, "comments"},
	{"add comment", cueStart, "comments"},
	{"show comments", cueStart, "comments"},
	{"view comments", cueStart, "comments"},
	{"join the conversation", cueStart, "comments"},
	{"cancel reply", cueStart, "comments"},
	{"post comment", cueStart, "comments"},
	{"to post a comment", cueNotice, "comments"},
	{"комментарии", cueLine, "comments"},
	{"your email address will not be published", cueNotice, "comments"},
	{"required fields are marked", cueNotice, "comments"},
	{"uses akismet to reduce spam", cueNotice, "comments"},
	{"comment data is processed", cueNotice, "comments"},
	{"save my name, email, and website", cueNotice, "comments"},

	// Subscriptions and sign-ups.
	{"subscribe", cueLine, "subscribe"},
	{"subscribe now", cueStart, "subscribe"},
	{"subscribe to", cueStart, "subscribe"},
	{"sign up", cueStart, "subscribe"},
	{"newsletter", cueLine, "subscribe"},
	{"get the latest", cueStart, "subscribe"},
	{"sign up for our newsletter", cueNotice, "subscribe"},
	{"subscribe to our newsletter", cueNotice, "subscribe"},
	{"delivered to your inbox", cueNotice, "subscribe"},
	{"sign up for", cueNotice, "subscribe"},
	{"subscribe to our", cueNotice, "subscribe"},
	{"right in your inbox", cueNotice, "subscribe"},

	// Credits at the foot of wire stories.
	{"contributed to this report", cueNotice, "credits"},
	{"contributed reporting", cueNotice, "credits"},
	{"additional reporting by", cueNotice, "credits"},
	{"editing by", cueNotice, "credits"},
	{"reporting by", cueNotice, "credits"},

	// Advertising and ad blockers.
	{"advertisement", cueStart, "advertising"},
	{"advertising", cueLine, "advertising"},
	{"sponsored", cueLine, "advertising"},
	{"sponsored content", cueStart, "advertising"},
	{"ad", cueLine, "advertising"},
	{"adblock detected", cueStart, "advertising"},
	{"ad blocker detected", cueStart, "advertising"},
	{"ad block detected", cueStart, "advertising"},
	{"adblocker detected", cueStart, "advertising"},
	{"adblock", cueNotice, "advertising"},
	{"adblocker", cueNotice, "advertising"},
	{"ad blocker", cueNotice, "advertising"},
	{"ad-blocker", cueNotice, "advertising"},
	{"whitelist", cueNotice, "advertising"},

	// Cookies and legal notices.
	{"cookie settings", cueStart, "cookies"},
	{"cookie policy", cueNotice, "cookies"},
	{"accept cookies", cueNotice, "cookies"},
	{"accept all cookies", cueNotice, "cookies"},
	{"we use cookies", cueNotice, "cookies"},
	{"uses cookies", cueNotice, "cookies"},
	{"use of cookies", cueNotice, "cookies"},
	{"privacy policy", cueNotice, "cookies"},
	{"terms of use", cueNotice, "cookies"},
	{"terms of service", cueNotice, "cookies"},
	{"all rights reserved", cueNotice, "legal"},
	{"copyright", cueStart, "legal"},
	{"©", cueStart, "legal"},
	{"ⓒ", cueStart, "legal"},

	// Page chrome around the article.
	{"tags:", cueStart, "metadata"},
	{"tags", cueLine, "metadata"},
	{"topics:", cueStart, "metadata"},
	{"categories:", cueStart, "metadata"},
	{"filed under", cueStart, "metadata"},
	{"posted in", cueStart, "metadata"},
	{"photo:", cueStart, "metadata"},
	{"image:", cueStart, "metadata"},
	{"image source", cueStart, "metadata"},
	{"enable javascript", cueNotice, "metadata"},
	{"javascript is disabled", cueNotice, "metadata"},
}

// cuePatterns are whole-line cues that vary: counters and pagers.
var cuePatterns = []struct {
	re    *regexp.Regexp
	group string
}{
	{regexp.MustCompile(`^\d+ (comments?|replies|responses|shares)$`), "comments"},
	{regexp.MustCompile(`^(comments?|replies|shares) \(?\d+\)?$`), "comments"},
	{regexp.MustCompile(`^page \d+ of \d+$`), "navigation"},
	{regexp.MustCompile(`^\d+ (min|minute|minutes) read$`), "metadata"},
}

// furnitureWords are the words of share bars and menus. A line of two or
// more words all in this set ("Facebook Twitter WhatsApp Email") is
// boilerplate.
var furnitureWords = map[string]bool{
	"facebook": true, "twitter": true, "x": true, "linkedin": true,
	"whatsapp": true, "telegram": true, "reddit": true, "pinterest": true,
	"email": true, "e-mail": true, "print": true, "share": true,
	"tweet": true, "copy": true, "link": true, "messenger": true,
	"vk": true, "vkontakte": true, "ok": true, "flipboard": true,
	"tumblr": true, "pocket": true, "sms": true, "comments": true,
	"comment": true, "save": true, "menu": true, "search": true,
	"home": true, "login": true, "subscribe": true,
}

// breadcrumbSeparators split breadcrumb trails and menus; homeWords start
// a two-part trail ("Home › World").
var (
	breadcrumbSeparators = []string{" » ", " › ", " > ", " → ", " / ", " | ", " :: ", " ∙ ", " · "}
	homeWords            = map[string]bool{"home": true, "homepage": true, "main": true, "start": true, "главная": true}
)
