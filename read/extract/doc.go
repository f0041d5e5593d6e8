// Package extract finds the main text of a web page or a plain-text file:
// what an article says without the page around it.
//
// Extract decodes the input to UTF-8 (byte-order mark, Content-Type
// charset, <meta charset>, then sniffing), tells HTML from plain text
// (IsHTML) and then
//
//   - for HTML, runs Readability (readeck's Go port of Readability.js),
//     drops a headline that repeats the title and trims boilerplate at the
//     edges, and takes title, author and date from the page's metadata;
//   - for plain text that still carries page furniture (breadcrumbs,
//     share and comment prompts, related-links blocks, cookie and ad-block
//     notices, repeated lines), removes boilerplate lines by the rules of
//     the cue table in cues.go, reports what it removed, and takes the
//     title, byline and dateline it finds at the top.
//
// Fetch downloads a page with a size limit. Score, Match and Tokens port
// the metric of the article-extraction benchmark (word 4-gram shingles) so
// that the extraction can be measured; docs/reading.md records the method
// and the figures.
package extract
