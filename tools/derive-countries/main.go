// Command derive-countries writes country/countries.csv, the crosswalk
// between Correlates of War state codes, ISO 3166 codes and names that the
// country package embeds. It reads the COW state system membership list
// (as shipped by the peacesciencer R package) and the code and name columns
// of the countrycode R package's code list, and adds the few choices
// documented in this file (codes the sources leave out, withdrawn ISO codes,
// historical and UN names). The output is deterministic: rerun the command
// after changing it or its inputs; never edit the output.
//
//	go run ./tools/derive-countries [-data ../shared/data] [-o country/countries.csv]
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/leverage-dev/leverage"
)

// Input files, relative to the -data directory.
const (
	statesFile   = "peacesciencer/cow_states.csv"
	codelistFile = "countrycode/codelist_without_cldr.csv"
)

// codelistColumns are the only columns read from the countrycode code list:
// codes and names, no regular expressions.
var codelistColumns = []string{"cown", "cowc", "iso3c", "iso3n", "country.name.en", "un.name.en", "iso.name.en", "cow.name"}

// isoLinks attach a code-list row that has ISO codes but no COW number to
// the COW state it continues. Its ISO codes become the state's, and its
// names aliases.
var isoLinks = map[string]int{
	"SRB": 345, // COW codes Yugoslavia, Serbia and Montenegro and Serbia as one state, 345
}

// formerISO lists withdrawn ISO 3166 codes (ISO 3166-3) of states in the
// COW list, so that older files resolve. num is the numeric code.
var formerISO = []struct {
	iso3 string
	num  int
	cow  int
}{
	{"BUR", 104, 775}, // Burma, now Myanmar (MMR, same number)
	{"CSK", 200, 315}, // Czechoslovakia
	{"DDR", 278, 265}, // German Democratic Republic
	{"ROM", 642, 360}, // Romania's alpha-3 code until 2002 (now ROU)
	{"SCG", 891, 345}, // Serbia and Montenegro
	{"SUN", 810, 365}, // Union of Soviet Socialist Republics; COW 365 is Russia throughout
	{"TMP", 626, 860}, // East Timor, now Timor-Leste (TLS, same number)
	{"YMD", 720, 680}, // Democratic Yemen (South Yemen)
	{"YUG", 891, 345}, // Yugoslavia
	{"ZAR", 180, 490}, // Zaire, now the Democratic Republic of the Congo (COD, same number)
}

// extraAliases are names in common use that neither source gives: former
// names, the UN DESA spellings that differ from the UN's own name list, and
// the codes FBIC's released file gives states without an ISO code (or
// with a code of its own).
var extraAliases = map[int][]string{
	2:   {"US"},
	200: {"Great Britain", "Britain", "UK"},
	260: {"West Germany", "Federal Republic of Germany", "BRD"}, // BRD: FBIC
	265: {"East Germany"},
	345: {"Serbia and Montenegro"},
	365: {"Soviet Union", "USSR", "Union of Soviet Socialist Republics"},
	434: {"Dahomey"},
	439: {"Upper Volta"},
	484: {"Republic of the Congo"}, // GEM's trackers
	490: {"Zaire"},
	552: {"Rhodesia"},
	630: {"Persia"},
	331: {"RSM"},                                       // FBIC's code for San Marino
	678: {"North Yemen", "Yemen Arab Republic", "YEN"}, // YEN: FBIC
	680: {"South Yemen"},
	731: {"Dem. People's Republic of Korea"}, // UN DESA migrant stock
	775: {"Burma"},
	780: {"Ceylon"},
	800: {"Siam"},
	811: {"Kampuchea", "Khmer Republic"},
	816: {"North Vietnam", "Democratic Republic of Vietnam", "PRV"}, // PRV: FBIC
	817: {"South Vietnam", "Republic of Vietnam", "VNS"},            // VNS: FBIC
	987: {"Micronesia (Fed. States of)"},                            // UN DESA migrant stock
}

// dataEnd is the last day of the COW state list v2016: membership running
// to it is left open.
const dataEnd = "2016-12-31"

// country is one output row.
type country struct {
	cow           int
	cowc, iso3    string
	isonum        int
	name, english string
	formerISO3    []string
	formerISONum  []int
	aliases       []string
	members       []string // "from/to", to empty when open
}

func main() {
	log.SetFlags(0)
	dir := flag.String("data", "../shared/data", "directory holding the shared open data files")
	out := flag.String("o", "country/countries.csv", "output crosswalk file")
	flag.Parse()
	b, n, err := generate(*dir)
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d states to %s", n, *out)
}

// readCSV reads a CSV file under dir and returns its rows as maps from
// column name to field, checking that the named columns exist.
func readCSV(dir, file string, cols ...string) ([]map[string]string, error) {
	f, err := os.Open(filepath.Join(dir, file))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: empty file", file)
	}
	idx := map[string]int{}
	for i, h := range recs[0] {
		idx[h] = i
	}
	for _, c := range cols {
		if _, ok := idx[c]; !ok {
			return nil, fmt.Errorf("%s: missing column %s", file, c)
		}
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := make(map[string]string, len(cols))
		for _, c := range cols {
			m[c] = strings.TrimSpace(r[idx[c]])
		}
		rows = append(rows, m)
	}
	return rows, nil
}

// generate derives the crosswalk from the files under dir and returns the
// output file's content and the number of states.
func generate(dir string) ([]byte, int, error) {
	states, err := readCSV(dir, statesFile, "stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")
	if err != nil {
		return nil, 0, err
	}
	codes, err := readCSV(dir, codelistFile, codelistColumns...)
	if err != nil {
		return nil, 0, err
	}

	byCOW := map[int]*country{}
	for i, s := range states {
		line := i + 2
		cow, err := strconv.Atoi(s["ccode"])
		if err != nil || cow <= 0 {
			return nil, 0, fmt.Errorf("%s:%d: ccode %q", statesFile, line, s["ccode"])
		}
		from, err1 := day(s["styear"], s["stmonth"], s["stday"])
		to, err2 := day(s["endyear"], s["endmonth"], s["endday"])
		if err := firstErr(err1, err2); err != nil {
			return nil, 0, fmt.Errorf("%s:%d: %w", statesFile, line, err)
		}
		if to == dataEnd {
			to = ""
		}
		c := byCOW[cow]
		if c == nil {
			c = &country{cow: cow, cowc: s["stateabb"], name: s["statenme"]}
			byCOW[cow] = c
		} else if c.cowc != s["stateabb"] || c.name != s["statenme"] {
			return nil, 0, fmt.Errorf("%s:%d: state %d named %s %q, earlier %s %q", statesFile, line, cow, s["stateabb"], s["statenme"], c.cowc, c.name)
		}
		c.members = append(c.members, from+"/"+to)
	}

	for i, r := range codes {
		line := i + 2
		var c *country
		if r["cown"] != "" {
			cow, err := strconv.Atoi(r["cown"])
			if err != nil {
				return nil, 0, fmt.Errorf("%s:%d: cown %q", codelistFile, line, r["cown"])
			}
			if c = byCOW[cow]; c == nil {
				return nil, 0, fmt.Errorf("%s:%d: cown %d is not in %s", codelistFile, line, cow, statesFile)
			}
			if r["cowc"] != c.cowc {
				return nil, 0, fmt.Errorf("%s:%d: cowc %s for %d, but %s has %s", codelistFile, line, r["cowc"], cow, statesFile, c.cowc)
			}
			c.english = r["country.name.en"]
		} else if cow, ok := isoLinks[r["iso3c"]]; ok {
			c = byCOW[cow]
			c.aliases = append(c.aliases, r["country.name.en"])
		} else {
			continue // a territory or a former state COW does not list
		}
		if r["iso3c"] != "" {
			if c.iso3 != "" {
				return nil, 0, fmt.Errorf("%s:%d: second ISO3 code %s for %d (has %s)", codelistFile, line, r["iso3c"], c.cow, c.iso3)
			}
			n, err := strconv.Atoi(r["iso3n"])
			if err != nil {
				return nil, 0, fmt.Errorf("%s:%d: iso3n %q", codelistFile, line, r["iso3n"])
			}
			c.iso3, c.isonum = r["iso3c"], n
		}
		c.aliases = append(c.aliases, isoName(r["un.name.en"]), isoName(r["iso.name.en"]), r["cow.name"])
	}

	for _, f := range formerISO {
		c := byCOW[f.cow]
		c.formerISO3 = append(c.formerISO3, f.iso3)
		if f.num != c.isonum && !slices.Contains(c.formerISONum, f.num) {
			c.formerISONum = append(c.formerISONum, f.num)
		}
	}
	for cow, names := range extraAliases {
		c := byCOW[cow]
		if c == nil {
			return nil, 0, fmt.Errorf("alias table: unknown state %d", cow)
		}
		c.aliases = append(c.aliases, names...)
	}

	all := make([]*country, 0, len(byCOW))
	for _, c := range byCOW {
		if c.english == "" {
			c.english = c.name // states the code list lacks (260, 730)
		}
		all = append(all, c)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].cow < all[j].cow })
	if err := finish(all); err != nil {
		return nil, 0, err
	}

	var b bytes.Buffer
	b.WriteString(header)
	w := csv.NewWriter(&b)
	w.Write([]string{"cow", "cowc", "iso3", "isonum", "name", "english", "former_iso3", "former_isonum", "aliases", "members"})
	for _, c := range all {
		num := ""
		if c.isonum != 0 {
			num = strconv.Itoa(c.isonum)
		}
		var nums []string
		for _, n := range c.formerISONum {
			nums = append(nums, strconv.Itoa(n))
		}
		w.Write([]string{strconv.Itoa(c.cow), c.cowc, c.iso3, num, c.name, c.english,
			strings.Join(c.formerISO3, ";"), strings.Join(nums, ";"), strings.Join(c.aliases, ";"), strings.Join(c.members, ";")})
	}
	w.Flush()
	return b.Bytes(), len(all), w.Error()
}

const header = `# GENERATED by ` + "`go run ./tools/derive-countries`" + ` from ../shared/data/` + statesFile + `
# and the code and name columns of ../shared/data/` + codelistFile + `.
# Do not edit by hand: change tools/derive-countries and rerun it.
# Sources: Correlates of War Project (2017), State System Membership List v2016
# (https://correlatesofwar.org/data-sets/state-system-membership/), as shipped by the
# peacesciencer R package 1.2.9 (Miller 2022); countrycode 1.8.0 (Arel-Bundock,
# Enevoldsen & Yetman 2018, Journal of Open Source Software 3(28): 848; GPL-3): its
# columns cown, cowc, iso3c, iso3n, country.name.en, un.name.en, iso.name.en, cow.name.
# Columns: cow = COW state number, cowc = COW abbreviation, iso3/isonum = ISO 3166-1
# alpha-3 and numeric codes, name = COW state name, english = English name,
# former_iso3/former_isonum = withdrawn ISO codes, aliases = other names,
# members = COW state-system membership periods from/to (to empty: still a member).
# Lists are separated by semicolons.
`

// finish sorts and deduplicates each state's lists, drops aliases equal to
// the state's names, and checks that no code or name stands for two states.
func finish(all []*country) error {
	owner := map[string]int{}
	claim := func(kind, key string, cow int) error {
		k := kind + " " + key
		if prev, ok := owner[k]; ok && prev != cow {
			return fmt.Errorf("%s %q stands for both %d and %d", kind, key, prev, cow)
		}
		owner[k] = cow
		return nil
	}
	for _, c := range all {
		if err := claim("COW abbreviation", c.cowc, c.cow); err != nil {
			return err
		}
		for _, iso := range append([]string{c.iso3}, c.formerISO3...) {
			if iso == "" {
				continue
			}
			if err := claim("ISO3 code", iso, c.cow); err != nil {
				return err
			}
		}
		for _, n := range append([]int{c.isonum}, c.formerISONum...) {
			if n == 0 {
				continue
			}
			if err := claim("ISO numeric code", strconv.Itoa(n), c.cow); err != nil {
				return err
			}
		}
		sort.Strings(c.formerISO3)
		slices.Sort(c.formerISONum)
		seen := map[string]bool{leverage.Fold(c.name): true, leverage.Fold(c.english): true}
		var aliases []string
		for _, a := range c.aliases {
			f := leverage.Fold(a)
			if f == "" || seen[f] {
				continue
			}
			if strings.ContainsAny(a, ";\n") {
				return fmt.Errorf("state %d: alias %q contains a separator", c.cow, a)
			}
			seen[f] = true
			aliases = append(aliases, a)
		}
		sort.Strings(aliases)
		c.aliases = aliases
		for f := range seen {
			if err := claim("name", f, c.cow); err != nil {
				return err
			}
		}
	}
	return nil
}

// isoName drops the article ISO and the UN append to some names:
// "Bahamas (the)" becomes "Bahamas".
func isoName(s string) string {
	for _, the := range []string{" (the)", " (The)"} {
		s = strings.ReplaceAll(s, the, "")
	}
	return s
}

// day formats a COW year, month and day as YYYY-MM-DD.
func day(y, m, d string) (string, error) {
	yy, err1 := strconv.Atoi(y)
	mm, err2 := strconv.Atoi(m)
	dd, err3 := strconv.Atoi(d)
	if err := firstErr(err1, err2, err3); err != nil {
		return "", err
	}
	s := fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd)
	if _, err := leverage.ParseDate(s); err != nil {
		return "", err
	}
	return s, nil
}

// firstErr returns the first non-nil error.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
