package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/leverage-dev/leverage"
)

// article is a source and a fact read from it, referring to alpha's actors
// and relations.
func article(id string) ([]*leverage.Source, []*leverage.Fact) {
	src := &leverage.Source{ID: "article-1", Kind: leverage.SourceNews, Title: "An article", URL: "https://example.org/a", Date: leverage.MustDate("2024-03-01")}
	f := &leverage.Fact{ID: id, Subject: "KAZ", Relation: "member", Object: "CSTO", Sources: []string{"article-1"}, Confidence: leverage.Secondary, Note: "read: sentence 3"}
	return []*leverage.Source{src}, []*leverage.Fact{f}
}

func testAddFacts(t *testing.T, s leverage.Store) {
	ctx := context.Background()
	replace(t, s, alpha("v1"))
	srcs, facts := article("read-1")
	if err := s.AddFacts(ctx, "read", srcs, facts); err != nil {
		t.Fatalf("AddFacts: %v", err)
	}
	// A second article's facts add to the dataset; the stored source is kept.
	_, more := article("read-2")
	if err := s.AddFacts(ctx, "read", srcs, more); err != nil {
		t.Fatalf("AddFacts again: %v", err)
	}
	got, err := s.Facts(ctx, leverage.FactFilter{Source: "article-1"})
	if err != nil || len(got) != 2 || got[0].ID != "read-1" || got[1].ID != "read-2" {
		t.Fatalf("Facts after AddFacts: %v, %+v", err, got)
	}
	// Replacing the dataset the facts refer to keeps them, as long as what
	// they refer to is still there.
	replace(t, s, alpha("v2"))
	if got, _ := s.Facts(ctx, leverage.FactFilter{Source: "article-1"}); len(got) != 2 {
		t.Errorf("the added fact is gone after alpha was replaced")
	}

	before := snapshot(t, s, "alpha", "read")
	for _, tc := range []struct {
		name string
		code string
		fact func(f *leverage.Fact)
	}{
		{"duplicate id", leverage.ECONFLICT, func(f *leverage.Fact) { f.ID = "read-1" }},
		{"unknown actor", leverage.EINVALID, func(f *leverage.Fact) { f.Object = "NOPE" }},
		{"unknown relation", leverage.EINVALID, func(f *leverage.Fact) { f.Relation = "likes" }},
		{"unknown source", leverage.EINVALID, func(f *leverage.Fact) { f.Sources = []string{"nowhere"} }},
		{"no source", leverage.EINVALID, func(f *leverage.Fact) { f.Sources = nil }},
	} {
		_, fs := article("read-3")
		good := *fs[0]
		good.ID = "read-4"
		tc.fact(fs[0])
		// The good fact listed first must not be written either.
		err := s.AddFacts(ctx, "read", nil, []*leverage.Fact{&good, fs[0]})
		if leverage.ErrorCode(err) != tc.code {
			t.Errorf("%s: got %v, want code %s", tc.name, err, tc.code)
		}
	}
	equal(t, "the store after failed AddFacts", snapshot(t, s, "alpha", "read"), before)

	// Dropping an actor the added facts refer to is refused, and changes
	// nothing.
	d := alpha("v3")
	d.Actors = slices.DeleteFunc(d.Actors, func(a *leverage.Actor) bool { return a.ID == "CSTO" })
	d.Facts = slices.DeleteFunc(d.Facts, func(f *leverage.Fact) bool { return f.Subject == "CSTO" || f.Object == "CSTO" })
	if err := s.ReplaceDataset(ctx, d); leverage.ErrorCode(err) != leverage.ECONFLICT {
		t.Errorf("replacing alpha without CSTO: got %v, want ECONFLICT", err)
	}
	equal(t, "the store after the refused replacement", snapshot(t, s, "alpha", "read"), before)
}
