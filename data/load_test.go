package data_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/leverage-dev/leverage"
	"github.com/leverage-dev/leverage/data"
)

func TestBuiltinLoads(t *testing.T) {
	d, err := data.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) < 40 || len(d.Facts) < 100 || len(d.Sources) < 20 {
		t.Errorf("got %d actors, %d facts, %d sources; want a full dataset", len(d.Actors), len(d.Facts), len(d.Sources))
	}
	for _, id := range []string{"RUS", "KAZ", "CHN", "EU", "USA", "TUR", "AZE", "GEO", "BLR", "ARM", "UKR", "UZB", "KGZ", "TJK", "TKM",
		"CSTO", "EAEU", "CIS", "SCO", "NATO", "CPC", "ATYRAU-SAMARA", "ATASU-ALASHANKOU", "KENKIYAK-KUMKOL", "AKTAU-PORT", "R-KAZ-TRANSCASPIAN", "R-KAZ-RAIL"} {
		if d.Actor(id) == nil {
			t.Errorf("built-in dataset lacks actor %s", id)
		}
	}
	if d.Version == "" {
		t.Error("no version")
	}
}

// minimal returns a valid small dataset as files; tests break one file.
func minimal() fstest.MapFS {
	return fstest.MapFS{
		"sources.csv":   {Data: []byte("id,kind,title\ns1,dataset,A dataset\n")},
		"relations.csv": {Data: []byte("id,channel,kind,object,units,description\nmember_of,,state,yes,none,membership\npopulation,people,annual,no,thousands,population\n")},
		"actors.csv":    {Data: []byte("id,kind,name,iso3,cow\nKAZ,state,Kazakhstan,KAZ,705\nCSTO,organisation,CSTO,,\n")},
		"names.csv":     {Data: []byte("actor,name,kind,from,to,source\nKAZ,Kazakh,demonym,,,\n")},
		"facts/a.csv": {Data: []byte("id,subject,relation,object,value,unit,text,from,to,year,sources,confidence,note\n" +
			"f1,KAZ,member_of,CSTO,,,,1992-05-15,,,s1,verified,\n" +
			"f2,KAZ,population,,19000,thousands,,,,2021,s1,data,\n")},
	}
}

func TestLoadMinimal(t *testing.T) {
	d, err := data.Load(minimal(), "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Facts) != 2 || d.Facts[1].Year != 2021 || *d.Facts[1].Value != 19000 {
		t.Errorf("got facts %+v", d.Facts)
	}
}

func TestLoadRejects(t *testing.T) {
	const head = "id,subject,relation,object,value,unit,text,from,to,year,sources,confidence,note\n"
	tests := []struct {
		name, file, content string
		want                string // substring of the error, which must name file and line
	}{
		{"fact without source", "facts/a.csv", head + "f1,KAZ,member_of,CSTO,,,,1992,,,,verified,\n", "facts/a.csv:2: field sources: fact f1: a fact must cite at least one source"},
		{"unknown source", "facts/a.csv", head + "f1,KAZ,member_of,CSTO,,,,1992,,,nope,verified,\n", `facts/a.csv:2: fact f1: unknown source "nope"`},
		{"unknown subject", "facts/a.csv", head + "f1,XXX,member_of,CSTO,,,,1992,,,s1,verified,\n", `facts/a.csv:2: fact f1: unknown subject "XXX"`},
		{"unknown relation", "facts/a.csv", head + "f1,KAZ,likes,CSTO,,,,,,,s1,verified,\n", `unknown relation "likes"`},
		{"bad value", "facts/a.csv", head + "f1,KAZ,population,,lots,thousands,,,,2021,s1,data,\n", "facts/a.csv:2: field value"},
		{"bad date", "facts/a.csv", head + "f1,KAZ,member_of,CSTO,,,,1992-13,,,s1,verified,\n", "facts/a.csv:2: field from"},
		{"period reversed", "facts/a.csv", head + "f1,KAZ,member_of,CSTO,,,,2000,1990,,s1,verified,\n", "facts/a.csv:2: field to"},
		{"annual without year", "facts/a.csv", head + "f1,KAZ,population,,1,thousands,,,,,s1,data,\n", "needs a year"},
		{"wrong unit", "facts/a.csv", head + "f1,KAZ,population,,1,km,,,,2020,s1,data,\n", `unit "km" not allowed`},
		{"bad confidence", "facts/a.csv", head + "f1,KAZ,member_of,CSTO,,,,,,,s1,sure,\n", "field confidence"},
		{"duplicate fact", "facts/a.csv", head + "f1,KAZ,member_of,CSTO,,,,,,,s1,verified,\nf1,KAZ,member_of,CSTO,,,,,,,s1,verified,\n", "facts/a.csv:3: field id: fact f1 already defined at facts/a.csv:2"},
		{"short row", "facts/a.csv", head + "f1,KAZ\n", "facts/a.csv:2: 2 fields, want 13"},
		{"missing column", "facts/a.csv", "id,subject,relation\nf1,KAZ,member_of\n", "facts/a.csv:1: field sources: missing column"},
		{"unknown column", "sources.csv", "id,kind,title,colour\ns1,dataset,x,red\n", "sources.csv:1: field colour: unknown column"},
		{"bad source kind", "sources.csv", "id,kind,title\ns1,rumour,x\n", "sources.csv:2"},
		{"bad cow code", "actors.csv", "id,kind,name,iso3,cow\nKAZ,state,Kazakhstan,KAZ,abc\n", "actors.csv:2: field cow"},
		{"codes on a non-state", "actors.csv", "id,kind,name,iso3,cow\nKAZ,state,Kazakhstan,KAZ,705\nCSTO,organisation,CSTO,CST,\n", "actors.csv:3"},
		{"name of unknown actor", "names.csv", "actor,name,kind\nXXX,Foo,alias\n", "names.csv:2: field actor"},
		{"bad name kind", "names.csv", "actor,name,kind\nKAZ,Foo,nickname\n", "names.csv:2: field kind"},
		{"bad quote", "facts/a.csv", head + "f1,\"KAZ,member_of\n", "facts/a.csv:2"},
		{"empty file", "relations.csv", "", "relations.csv:1: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal()
			fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.content)}
			_, err := data.Load(fsys, "test")
			if err == nil {
				t.Fatalf("got no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %q, want it to contain %q", err, tt.want)
			}
			var fe *data.FileError
			if !errors.As(err, &fe) || fe.File == "" {
				t.Errorf("got %T, want a *data.FileError naming the file", err)
			}
		})
	}
}

func TestParseFactsWithoutSourceIsInvalid(t *testing.T) {
	_, err := data.ParseFacts(strings.NewReader("id,subject,relation,sources,confidence\nf1,KAZ,member_of,,verified\n"), "x.csv")
	if leverage.ErrorCode(err) != leverage.EINVALID {
		t.Errorf("got %v, want an EINVALID error", err)
	}
}

// FuzzParseFacts checks that no input makes the facts parser panic, and
// that every fact it accepts is valid on its own.
func FuzzParseFacts(f *testing.F) {
	f.Add("id,subject,relation,object,value,unit,text,from,to,year,sources,confidence,note\nf1,KAZ,member_of,CSTO,,,,1992-05-15,,,s1,verified,\n")
	f.Add("id,subject,relation,sources,confidence,value,year\nf2,KAZ,population,s1;s2,data,1e3,2021\n")
	f.Add("# comment\nid,subject,relation,sources,confidence\n\"f\"\"1\",a,b,c,data\n")
	f.Fuzz(func(t *testing.T, in string) {
		facts, err := data.ParseFacts(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			return
		}
		for _, fc := range facts {
			if err := fc.Validate(); err != nil {
				t.Fatalf("parser accepted an invalid fact: %v", err)
			}
		}
	})
}

// FuzzLoad feeds arbitrary facts files to the whole loader: it must either
// return an error naming a file or a dataset that validates.
func FuzzLoad(f *testing.F) {
	f.Add("id,subject,relation,object,value,unit,text,from,to,year,sources,confidence,note\nf1,KAZ,member_of,CSTO,,,,1992-05-15,,,s1,verified,\n")
	f.Add("id,subject,relation,object,value,unit,text,from,to,year,sources,confidence,note\nf2,KAZ,population,,19000,thousands,,,,2021,s1,data,\n")
	f.Fuzz(func(t *testing.T, in string) {
		fsys := minimal()
		fsys["facts/a.csv"] = &fstest.MapFile{Data: []byte(in)}
		d, err := data.Load(fsys, "fuzz")
		if err != nil {
			var fe *data.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %T %v, want a *data.FileError", err, err)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("loader accepted a dataset that does not validate: %v", err)
		}
	})
}

func TestDefaultWeightsPresent(t *testing.T) {
	if !strings.HasPrefix(string(data.DefaultWeights()), "#") {
		t.Error("weights.csv should start with its comment header")
	}
}
