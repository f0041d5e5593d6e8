package gazetteer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

// testActors is a small world with the names the tests need.
func testActors() []*leverage.Actor {
	name := func(text string, kind leverage.NameKind) leverage.Name {
		return leverage.Name{Text: text, Kind: kind}
	}
	return []*leverage.Actor{
		{ID: "TOKAYEV", Kind: leverage.Person, Name: "Kassym-Jomart Tokayev"},
		{ID: "NAZARBAYEV", Kind: leverage.Person, Name: "Nursultan Nazarbayev"},
		{ID: "PUTIN", Kind: leverage.Person, Name: "Vladimir Putin"},
		{ID: "CSTO", Kind: leverage.Organisation, Name: "Collective Security Treaty Organization",
			Names: []leverage.Name{name("CSTO", leverage.NameAcronym)}},
		{ID: "KAZ", Kind: leverage.State, Name: "Kazakhstan", ISO3: "KAZ", COW: 705,
			Names: []leverage.Name{name("Kazakh", leverage.NameDemonym)}},
		{ID: "RUS", Kind: leverage.State, Name: "Russia", ISO3: "RUS", COW: 365,
			Names: []leverage.Name{name("Moscow", leverage.NameMetonym), name("the Kremlin", leverage.NameMetonym),
				name("Kremlin", leverage.NameMetonym)}},
		{ID: "ASTANA", Kind: leverage.Place, Name: "Astana",
			Names: []leverage.Name{{Text: "Nur-Sultan", Kind: leverage.NameHistorical,
				Valid: leverage.Period{From: leverage.MustDate("2019-03"), To: leverage.MustDate("2022-09-16")}}}},
		{ID: "MOSCOW", Kind: leverage.Place, Name: "Moscow"},
		{ID: "EU", Kind: leverage.Organisation, Name: "European Union",
			Names: []leverage.Name{name("EU", leverage.NameAcronym)}},
		{ID: "USA", Kind: leverage.State, Name: "United States", ISO3: "USA", COW: 2,
			Names: []leverage.Name{name("US", leverage.NameAcronym)}},
		{ID: "TUR", Kind: leverage.State, Name: "Türkiye", ISO3: "TUR", COW: 640,
			Names: []leverage.Name{name("Turkey", leverage.NameAlias)}},
		{ID: "CIV", Kind: leverage.State, Name: "Côte d’Ivoire", ISO3: "CIV", COW: 437},
		{ID: "NS", Kind: leverage.Asset, Name: "Nord Stream"},
		{ID: "NS2", Kind: leverage.Asset, Name: "Nord Stream 2"},
		{ID: "SCO", Kind: leverage.Organisation, Name: "Shanghai Cooperation Organisation"},
		{ID: "CPC", Kind: leverage.Asset, Name: "CPC pipeline (Tengiz–Novorossiysk)",
			Names: []leverage.Name{name("CPC", leverage.NameAcronym)}},
		{ID: "CHN", Kind: leverage.State, Name: "China", ISO3: "CHN", COW: 710,
			Names: []leverage.Name{name("People's Republic of China", leverage.NameAlias)}},
	}
}

func testGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	return New(FromActors(testActors()))
}

// describe renders mentions as "surface=ACTOR,ACTOR" and checks their spans.
func describe(t *testing.T, g *Gazetteer, text string, ms []Mention) []string {
	t.Helper()
	var out []string
	last := 0
	for _, m := range ms {
		if m.Start < last || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, last, text)
		}
		last = m.End
		var ids []string
		for _, e := range m.Entries {
			ids = append(ids, g.Entry(e).Actor)
		}
		out = append(out, text[m.Start:m.End]+"="+strings.Join(ids, ","))
	}
	return out
}

func TestFind(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		text string
		want []string
	}{
		// possessives
		{"Russia's economy", []string{"Russia=RUS"}},
		{"Kazakhstan’s oil and Russia‘s gas", []string{"Kazakhstan=KAZ", "Russia=RUS"}},
		{"Vladimir Putin’s agenda", []string{"Vladimir Putin=PUTIN"}},
		{"the CSTO's troops", []string{"CSTO=CSTO"}},
		// hyphens and dashes between words
		{"President Kassym-Jomart Tokayev said", []string{"Kassym-Jomart Tokayev=TOKAYEV"}},
		{"Kassym Jomart Tokayev", []string{"Kassym Jomart Tokayev=TOKAYEV"}},
		{"Kassym–Jomart Tokayev", []string{"Kassym–Jomart Tokayev=TOKAYEV"}},
		{"KASSYM-JOMART TOKAYEV", []string{"KASSYM-JOMART TOKAYEV=TOKAYEV"}},
		{"NUR-SULTAN, KAZAKHSTAN – Talks", []string{"NUR-SULTAN=ASTANA", "KAZAKHSTAN=KAZ"}},
		{"in Nur Sultan", []string{"Nur Sultan=ASTANA"}},
		{"Nur – Sultan", nil},
		{"CPC pipeline (Tengiz-Novorossiysk) and the CPC", []string{"CPC pipeline (Tengiz-Novorossiysk)=CPC", "CPC=CPC"}},
		// acronyms are case-sensitive
		{"The CSTO deployed", []string{"CSTO=CSTO"}},
		{"the csto and the Csto", nil},
		{"the EU, the eu and the Eu", []string{"EU=EU"}},
		{"let us tell the US", []string{"US=USA"}},
		{"ＣＳＴＯ troops", []string{"ＣＳＴＯ=CSTO"}},
		// demonyms and metonyms need a capital
		{"Kazakh troops", []string{"Kazakh=KAZ"}},
		{"kazakh troops", nil},
		{"The Kremlin said; the Kremlin’s view", []string{"The Kremlin=RUS", "the Kremlin=RUS"}},
		{"the kremlin said", nil},
		{"a Kremlin source", []string{"Kremlin=RUS"}},
		{"Moscow and moscow", []string{"Moscow=RUS,MOSCOW", "moscow=MOSCOW"}},
		// official names in any case
		{"kazakhstan and russia and RUSSIA", []string{"kazakhstan=KAZ", "russia=RUS", "RUSSIA=RUS"}},
		// longest match
		{"Nord Stream 2 and Nord Stream", []string{"Nord Stream 2=NS2", "Nord Stream=NS"}},
		{"the Nord Stream 22 pipeline", []string{"Nord Stream=NS"}},
		{"Collective Security Treaty Organization (CSTO)", []string{"Collective Security Treaty Organization=CSTO", "CSTO=CSTO"}},
		{"the Collective Security Treaty", nil},
		{"Shanghai Cooperation Organization", []string{"Shanghai Cooperation Organization=SCO"}},
		{"People’s Republic of China", []string{"People’s Republic of China=CHN"}},
		// text start and end
		{"Russia", []string{"Russia=RUS"}},
		{"Kazakhstan talks with Russia", []string{"Kazakhstan=KAZ", "Russia=RUS"}},
		{"Russia.", []string{"Russia=RUS"}},
		{"", nil},
		// Unicode
		{"Türkiye, Turkiye, TÜRKİYE and Turkey", []string{"Türkiye=TUR", "Turkiye=TUR", "TÜRKİYE=TUR", "Turkey=TUR"}},
		{"Tu\u0308rkiye", []string{"Tu\u0308rkiye=TUR"}},
		{"Côte d’Ivoire, Cote d'Ivoire, côte d‘ivoire", []string{"Côte d’Ivoire=CIV", "Cote d'Ivoire=CIV", "côte d‘ivoire=CIV"}},
		{"Kazakh\u00adstan", []string{"Kazakh\u00adstan=KAZ"}},
		// names do not cross punctuation or paragraphs, but do cross a line break
		{"Collective Security Treaty, Organization", nil},
		{"Vladimir\n\nPutin", nil},
		{"Vladimir\nPutin", []string{"Vladimir\nPutin=PUTIN"}},
		{"Vladimir. Putin", nil},
		// scraped text
		{"relations with Russia.This position", []string{"Russia=RUS"}},
		{"Kazakhstan-Russia relations", []string{"Kazakhstan=KAZ", "Russia=RUS"}},
		{"between Russia,China,and the West", []string{"Russia=RUS", "China=CHN"}},
		{"the U.S. and the US", []string{"US=USA"}},
	}
	for _, tc := range tests {
		got := describe(t, g, tc.text, g.Find(tc.text))
		if !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Find matches a long text in chunks; the chunks must not change the
// result.
func TestFindLongText(t *testing.T) {
	g := testGazetteer(t)
	var sb strings.Builder
	want := 0
	for i := range 5000 {
		switch i % 4 {
		case 0:
			sb.WriteString("Nord Stream 2 ")
		case 1:
			sb.WriteString("Kassym-Jomart Tokayev and ")
		case 2:
			sb.WriteString("the Kremlin, ")
		case 3:
			sb.WriteString("said ")
			continue
		}
		want++
	}
	text := sb.String()
	got := g.Find(text)
	if len(got) != want {
		t.Fatalf("found %d mentions, want %d", len(got), want)
	}
	for i, m := range got {
		if w := []string{"Nord Stream 2", "Kassym-Jomart Tokayev", "the Kremlin"}[i%3]; text[m.Start:m.End] != w {
			t.Fatalf("mention %d is %q, want %q", i, text[m.Start:m.End], w)
		}
	}
}

func TestFromActors(t *testing.T) {
	es := FromActors(testActors())
	var astana []Entry
	for _, e := range es {
		if e.Actor == "ASTANA" {
			astana = append(astana, e)
		}
	}
	if len(astana) != 2 || astana[0].Name != "Astana" || astana[0].NameKind != leverage.NameOfficial ||
		astana[1].Name != "Nur-Sultan" || astana[1].Valid.String() != "2019-03 to 2022-09-16" {
		t.Errorf("Astana's entries = %+v", astana)
	}
	// A main name the Names date is not added again, always valid.
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range FromActors(d.Actors) {
		if e.Actor == "ASTANA" && e.Name == "Astana" && e.Valid == (leverage.Period{}) {
			t.Errorf("built-in Astana has an undated entry: %+v", e)
		}
	}
}

// Every official name of every actor of the built-in dataset is found in a
// text made of it, alone and in a sentence.
func TestFindBuiltinOfficialNames(t *testing.T) {
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	g := New(FromActors(d.Actors))
	n := 0
	for _, a := range d.Actors {
		names := []string{a.Name}
		for _, nm := range a.Names {
			if nm.Kind == leverage.NameOfficial {
				names = append(names, nm.Text)
			}
		}
		for _, name := range names {
			for _, text := range []string{name, "On Monday " + name + " said so.", "(" + name + ")"} {
				n++
				found := false
				for _, m := range g.Find(text) {
					if text[m.Start:m.End] != name {
						continue
					}
					for _, e := range m.Entries {
						found = found || g.Entry(e).Actor == a.ID
					}
				}
				if !found {
					t.Errorf("%s: %q not found in %q: %v", a.ID, name, text, g.Find(text))
				}
			}
		}
	}
	t.Logf("%d texts", n)
}

func TestConcurrentFind(t *testing.T) {
	g := testGazetteer(t)
	text := "Türkiye, Kazakhstan’s Kassym-Jomart Tokayev and the Kremlin. "
	want := len(g.Find(text))
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 200 {
				n = len(g.Find(text))
			}
			done <- n
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent Find found %d, want %d", got, want)
		}
	}
}

// articlePath returns the shared article, or "" when it is absent.
func articlePath() string {
	const name = "russia-kazakhstan-strategic-target.txt"
	paths := []string{filepath.Join("..", "..", "..", "shared", "inputs", "articles", name)}
	if dir := os.Getenv("LEVERAGE_TESTDATA"); dir != "" {
		paths = append([]string{filepath.Join(dir, "..", "inputs", "articles", name)}, paths...)
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Kazakhstan’s Kassym-Jomart Tokayev met Vladimir Putin in NUR-SULTAN.",
		"the Collective Security Treaty Association (CSTO) and the EU",
		"Türkiye TÜRKİYE Côte d‘ivoire ＣＳＴＯ Kazakh\u00adstan",
		"Nord Stream 2\n\nNord Stream 22 – CPC pipeline (Tengiz–Novorossiysk)",
		"kasyma-Zomart tokayev, Nursultan Nazarbaev",
		"\xff\xfe’s 's ' ‘ -- — ",
		"a\u0301\u0301\u0301 Russia's",
	} {
		f.Add(s)
	}
	g := testGazetteer(f)
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range g.Find(text) {
			if m.Start < last || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("bad mention [%d,%d) after %d in %q", m.Start, m.End, last, text)
			}
			if len(m.Entries) == 0 {
				t.Fatalf("mention [%d,%d) with no entry", m.Start, m.End)
			}
			for _, e := range m.Entries {
				if e < 0 || e >= g.Len() {
					t.Fatalf("entry %d out of range", e)
				}
			}
			last = m.End
		}
		last = 0
		for _, nm := range g.NearMisses(text, nil) {
			if nm.Start < last || nm.Start >= nm.End || nm.End > len(text) || nm.Text != text[nm.Start:nm.End] {
				t.Fatalf("bad near miss %+v after %d in %q", nm, last, text)
			}
			if !(nm.Distance > 0 && nm.Distance < 1) || nm.Entry < 0 || nm.Entry >= g.Len() {
				t.Fatalf("bad near miss %+v", nm)
			}
			last = nm.End
		}
		if utf8.ValidString(text) {
			// The ASCII shortcuts of the tokeniser cut where UAX #29 does.
			if got, want := segments(text), uax29Segments(text); !slices.Equal(got, want) {
				t.Fatalf("segments(%q) = %v, UAX #29 %v", text, got, want)
			}
		}
	})
}
