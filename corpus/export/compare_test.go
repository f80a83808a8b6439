package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/compare"
)

// bigFolder writes a folder of many sources where two share a file name
// (news/001.txt, sport/001.txt) and only three speak of the harbour.
func bigFolder(t *testing.T, n int) *corpus.Corpus {
	t.Helper()
	files := map[string]string{
		"news/001.txt":  "Harbour reopens\n\nThe old harbour of Kestrel Bay reopened on Monday after a long dredging project.\n",
		"sport/001.txt": "Harbour race\n\nRowers raced across the old harbour of Kestrel Bay, reopened after the dredging project.\n",
		"news/002.txt":  "Dredging done\n\nDredging of the Kestrel Bay harbour is finished and the harbour reopened.\n",
	}
	for i := 3; i < n; i++ {
		files[fmt.Sprintf("misc/%03d.txt", i)] = fmt.Sprintf("Note %d\n\nThe orchard committee met to discuss apple varieties number %d and pruning.\n", i, i)
	}
	return memFolder(t, files)
}

func TestDocNamesDisambiguate(t *testing.T) {
	c := bigFolder(t, 4)
	names := strings.Join(DocNames(c.Docs), " ")
	for _, want := range []string{"news/001.txt", "sport/001.txt", "002.txt", "003.txt"} {
		if !strings.Contains(" "+names+" ", " "+want+" ") {
			t.Errorf("names %q lack %q", names, want)
		}
	}
}

// On a large folder the text output lists the sources that speak, best
// first, then one line for the silent ones; names are unambiguous.
func TestCompareTextLargeFolder(t *testing.T) {
	c := bigFolder(t, 40)
	var out bytes.Buffer
	// --all: by default only the harbour's story would be compared.
	if err := RunCompare(&out, c, "the old harbour of Kestrel Bay reopened after dredging", CompareOptions{CommandOptions: compare.CommandOptions{All: true}}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	silentAt := strings.Index(text, "\nsilent: ")
	if silentAt < 0 {
		t.Fatalf("no silent summary line:\n%s", text)
	}
	if strings.Count(text, "\nsilent: ") != 1 || strings.Contains(text, "  silent\n") {
		t.Errorf("silent sources not summarised on one line:\n%s", text)
	}
	for _, want := range []string{"news/001.txt", "sport/001.txt"} {
		i := strings.Index(text, want)
		if i < 0 || i > silentAt {
			t.Errorf("%s not listed among the speaking sources:\n%s", want, text)
		}
	}
	if !strings.Contains(text, "and ") || !strings.Contains(text, " more\n") {
		t.Errorf("the silent line names every one of many sources:\n%s", text)
	}
	// The speaking sources come best first.
	r := compare.Build(c.Docs, compare.Options{}).Compare("the old harbour of Kestrel Bay reopened after dredging", compare.QueryOptions{Top: 1})
	speaking, silent := compare.SpeakingOrder(r)
	if len(speaking)+len(silent) != len(r.Sources) || len(speaking) < 2 {
		t.Fatalf("speaking %v, silent %d of %d", speaking, len(silent), len(r.Sources))
	}
	for k := 1; k < len(speaking); k++ {
		if a, b := r.Sources[speaking[k-1]].Matches[0].Score, r.Sources[speaking[k]].Matches[0].Score; a < b {
			t.Errorf("speaking sources not best first: %v then %v", a, b)
		}
	}
}

// Coverage rows keep one mark per source while they fit, and become a
// count beyond that.
func TestCoverageText(t *testing.T) {
	few := []bool{true, false, true}
	if got := CoverageText(few); got != "●○●" {
		t.Errorf("few sources: %q", got)
	}
	many := make([]bool, 2226)
	many[0], many[5], many[9] = true, true, true
	if got := CoverageText(many); got != "3/2226" {
		t.Errorf("many sources: %q", got)
	}
	c := bigFolder(t, 40)
	var out bytes.Buffer
	if err := RunClaims(&out, c, CompareOptions{}); err != nil {
		t.Fatal(err)
	}
	// The claim rows (not the legend, which names the marks where a
	// story is small enough to draw them) hold no hollow mark.
	for _, l := range strings.Split(out.String(), "\n") {
		if !strings.HasPrefix(l, "Marks, one per source") && strings.Contains(l, "○") {
			t.Errorf("claims of 40 sources drawn with marks: %q in\n%s", l, out.String())
		}
	}
}

// A typed query's control characters never reach the output: text,
// Markdown and JSON echo it by the hygiene rules, and it still matches.
func TestCompareQueryHygiene(t *testing.T) {
	c := bigFolder(t, 4)
	query := "the old harbour of \x1b[31mKestrel\x07 Bay \x9b reopened"
	for _, opts := range []CompareOptions{{}, {Markdown: true}, {JSON: true}} {
		var out bytes.Buffer
		if err := RunCompare(&out, c, query, opts); err != nil {
			t.Fatal(err)
		}
		text := out.String()
		if strings.ContainsAny(text, "\x1b\x07\u009b") || strings.Contains(text, `\u001b`) {
			t.Errorf("%+v: a control character reached the output:\n%q", opts, text)
		}
		if !strings.Contains(text, "31mKestrel^G") {
			t.Errorf("%+v: the query is not echoed as caret text:\n%s", opts, text)
		}
		if !strings.Contains(text, "Kestrel Bay reopened on Monday") {
			t.Errorf("%+v: the query no longer matches:\n%s", opts, text)
		}
	}
}

// claims --json lists, for each claim, only the sources that make it,
// each with at least one statement.
func TestClaimsJSONListsSpeakingSources(t *testing.T) {
	c := bigFolder(t, 40)
	var out bytes.Buffer
	if err := RunClaims(&out, c, CompareOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Claims []struct {
			Label   string `json:"label"`
			Sources []struct {
				ID         string            `json:"id"`
				Statements []json.RawMessage `json:"statements"`
			} `json:"sources"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Claims) == 0 {
		t.Fatal("no claims")
	}
	for _, cl := range got.Claims {
		if len(cl.Sources) < 2 || len(cl.Sources) > 3 {
			t.Errorf("claim %q lists %d sources, want the 2 or 3 that tell of the harbour", cl.Label, len(cl.Sources))
		}
		for _, s := range cl.Sources {
			if len(s.Statements) == 0 {
				t.Errorf("claim %q lists %s with no statement", cl.Label, s.ID)
			}
		}
	}
}

// The names of the documents a compare shows are those DocNames gives.
func TestDocNamesOfShownAgree(t *testing.T) {
	c := bigFolder(t, 4)
	all := DocNames(c.Docs)
	shown := []int{0, len(c.Docs) - 1, len(c.Docs) / 2}
	for i, name := range docNamesOf(c.Docs, shown) {
		if name != all[i] {
			t.Errorf("document %d: %q, DocNames says %q", i, name, all[i])
		}
	}
	for i := range c.Docs {
		if got := docNamesOf(c.Docs, []int{i})[i]; got != all[i] {
			t.Errorf("document %d alone: %q, DocNames says %q", i, got, all[i])
		}
	}
}
