package leverage

import "strings"

// SourceKind says what sort of document or dataset a source is.
type SourceKind string

// The kinds of source.
const (
	SourceDataset  SourceKind = "dataset"  // a published data file, such as COW trade v4
	SourceOfficial SourceKind = "official" // a government or organisation's own publication
	SourceLegal    SourceKind = "legal"    // a treaty, constitution or law
	SourceNews     SourceKind = "news"     // a news report
	SourceAnalysis SourceKind = "analysis" // a think-tank, academic or reference work
)

// SourceKinds lists every valid SourceKind.
var SourceKinds = []SourceKind{SourceDataset, SourceOfficial, SourceLegal, SourceNews, SourceAnalysis}

// Source is where a fact comes from: a document, a dataset, a page.
type Source struct {
	ID        string     `json:"id"`
	Kind      SourceKind `json:"kind"`
	Title     string     `json:"title"`
	Publisher string     `json:"publisher,omitempty"`
	URL       string     `json:"url,omitempty"`
	Date      Date       `json:"date,omitzero"`     // when it was published
	Accessed  Date       `json:"accessed,omitzero"` // when it was read
	Note      string     `json:"note,omitempty"`    // citation details, caveats
}

// Validate checks the rules every source must keep.
func (s *Source) Validate() error {
	switch {
	case s.ID == "":
		return Errorf(EINVALID, "source id required")
	case strings.ContainsAny(s.ID, " \t,;"):
		return Errorf(EINVALID, "source %s: id must not contain spaces, commas or semicolons", s.ID)
	case s.Title == "":
		return Errorf(EINVALID, "source %s: title required", s.ID)
	}
	for _, k := range SourceKinds {
		if s.Kind == k {
			return nil
		}
	}
	return Errorf(EINVALID, "source %s: unknown kind %q", s.ID, s.Kind)
}
