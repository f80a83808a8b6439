package compare

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/stories"
)

// By default a typed text is compared within the stories that speak to
// it, and the output says which and how many more --all adds.
func TestCompareWithinStory(t *testing.T) {
	c := bigFolder(t, 40)
	var out bytes.Buffer
	if err := RunCompareCLI(&out, c, "the old harbour of Kestrel Bay reopened after dredging", CLIOptions{}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "Compared within the story that speaks to it") || !strings.Contains(text, "--all adds 37 more") {
		t.Errorf("the output does not name the set:\n%s", text)
	}
	if strings.Contains(text, "misc/") || strings.Contains(text, "silent: ") {
		t.Errorf("sources outside the story were compared:\n%s", text)
	}
	for _, want := range []string{"news/001.txt", "sport/001.txt", "002.txt"} {
		if !strings.Contains(text, want) {
			t.Errorf("%s missing:\n%s", want, text)
		}
	}
}

// writeFolder writes files (relative name -> text) into a temp folder
// and loads it.
func writeFolder(t *testing.T, files map[string]string) *corpus.Corpus {
	t.Helper()
	dir := t.TempDir()
	for rel, text := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const bridgeA = "Tamsin bridge to close\n\nThe Harrowgate council voted on Monday to close the Tamsin bridge for repairs costing 4 million pounds.\n\nCouncillor Edwina Morrow said the Tamsin bridge would reopen in the spring.\n"
const bridgeB = "Bridge closure angers traders\n\nTraders in Harrowgate said closing the Tamsin bridge for repairs would cost them customers.\n\nEdwina Morrow of the Harrowgate council said the Tamsin bridge repairs could not wait.\n"
const cupFinal = "Quillon cup final sold out\n\nAll tickets for the Quillon cup final against Ostley Rovers sold out within an hour.\n\nQuillon manager Desmond Arkwright said his squad was ready.\n"

// A sentence is compared with the other documents of its story; a copy
// is shown once, as its kept document "also in" the copy, and never
// compared with itself.
func TestScopeSentenceCopiesOnce(t *testing.T) {
	c := writeFolder(t, map[string]string{"a.txt": bridgeA, "b.txt": bridgeB, "c.txt": cupFinal, "copy.txt": bridgeA})
	r := stories.Group(c.Docs)
	sets := NewSets(c.Docs, r, Options{})
	idx := map[string]int{}
	for i, d := range c.Docs {
		idx[d.ID] = i
	}
	if r.DuplicateOf[idx["copy"]] != idx["a"] {
		t.Fatalf("copy.txt not a duplicate of a.txt: %v", r.DuplicateOf)
	}
	sentence := "Traders in Harrowgate said closing the Tamsin bridge for repairs would cost them customers."
	sc := sets.For(sentence)
	if sc.Kind != ScopeStory || !slices.Equal(sc.Set, []int{idx["a"], idx["b"]}) || sc.Outside != 1 {
		t.Fatalf("scope %v %v outside %d", sc.Kind, sc.Set, sc.Outside)
	}
	res := sc.Compare(sentence, QueryOptions{Top: 1})
	if res.Origin != idx["b"] || len(res.Sources) != 2 {
		t.Fatalf("origin %d, %d sources", res.Origin, len(res.Sources))
	}
	for _, s := range res.Sources {
		if s.Doc == idx["copy"] || s.Doc == idx["c"] {
			t.Errorf("source %s compared", c.Docs[s.Doc].ID)
		}
		for _, m := range s.Matches {
			if m.Loc.Doc != s.Doc {
				t.Errorf("match located in %d, source %d", m.Loc.Doc, s.Doc)
			}
		}
	}
	if also := sc.AlsoIn(idx["a"]); !slices.Equal(also, []int{idx["copy"]}) {
		t.Errorf("AlsoIn(a) = %v", also)
	}
	// Comparing a sentence of the copy compares it as a sentence of a.
	loc := corpus.Loc{Doc: idx["copy"], Block: 0, Sentence: 0}
	res = sets.StoryOf(idx["copy"]).CompareLoc(loc, QueryOptions{Top: 1})
	if res.Origin != idx["a"] {
		t.Errorf("a sentence of the copy has origin %d, want a (%d)", res.Origin, idx["a"])
	}
	var out bytes.Buffer
	if err := RunCompareCLI(&out, c, sentence, CLIOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	var js jsonCompare
	if err := json.Unmarshal(out.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if js.Scope.Kind != ScopeStory || js.Scope.Sources != 2 || js.Scope.Outside != 1 || len(js.Sources) != 2 {
		t.Errorf("JSON scope %+v with %d sources", js.Scope, len(js.Sources))
	}
	for _, s := range js.Sources {
		if s.ID == "a" && !slices.Equal(s.AlsoIn, []string{"copy"}) {
			t.Errorf("a.txt also_in %v", s.AlsoIn)
		}
	}
	out.Reset()
	if err := RunCompareCLI(&out, c, sentence, CLIOptions{Markdown: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "*Compared within the story ") {
		t.Errorf("the Markdown does not name the set:\n%s", out.String())
	}
	out.Reset()
	if err := RunCompareCLI(&out, c, sentence, CLIOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	if text := out.String(); !strings.Contains(text, "also in: copy") || strings.Count(text, "Tamsin bridge to close") != 1 {
		t.Errorf("--all output does not show the copy once:\n%s", text)
	}
}

// Tagged sets map copies to their kept documents; widening counts the
// rest.
func TestTaggedAndAll(t *testing.T) {
	c := writeFolder(t, map[string]string{"a.txt": bridgeA, "b.txt": bridgeB, "c.txt": cupFinal, "copy.txt": bridgeA})
	sets := NewSets(c.Docs, stories.Group(c.Docs), Options{})
	var a, cp, cup int
	for i, d := range c.Docs {
		switch d.ID {
		case "a":
			a = i
		case "copy":
			cp = i
		case "c":
			cup = i
		}
	}
	tg := sets.Tagged([]int{cp, cup, a})
	if !slices.Equal(tg.Set, []int{min(a, cup), max(a, cup)}) || tg.Outside != 1 || tg.Kind != ScopeTagged {
		t.Errorf("tagged %v outside %d", tg.Set, tg.Outside)
	}
	all := sets.All()
	if len(all.Set) != 3 || all.Outside != 0 || all.Has(cp) != true {
		t.Errorf("all %v outside %d", all.Set, all.Outside)
	}
}

// parley claims lists each story's claims under its label; --story
// lists one story's.
func TestClaimsPerStory(t *testing.T) {
	c := writeFolder(t, map[string]string{"a.txt": bridgeA, "b.txt": bridgeB, "c.txt": cupFinal, "copy.txt": bridgeA})
	var out bytes.Buffer
	if err := RunClaimsCLI(&out, c, CLIOptions{}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "Story: ") || !strings.Contains(text, "· 2 sources ·") || !strings.Contains(text, "1 document on their own") {
		t.Errorf("claims are not labelled by story:\n%s", text)
	}
	if strings.Contains(text, "copy.txt") || strings.Contains(text, "c.txt") {
		t.Errorf("a copy or another story's document makes a claim:\n%s", text)
	}
	r := stories.Group(c.Docs)
	si := r.StoryOf[0]
	for i, d := range c.Docs {
		if d.ID == "a" {
			si = r.StoryOf[i]
		}
	}
	out.Reset()
	if err := RunClaimsCLI(&out, c, CLIOptions{JSON: true, Story: r.Stories[si].ID}); err != nil {
		t.Fatal(err)
	}
	var js jsonClaims
	if err := json.Unmarshal(out.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if len(js.Stories) != 1 || js.Stories[0].ID != r.Stories[si].ID || js.Stories[0].Sources != 2 || js.Stories[0].Looked != js.Stories[0].Sentences {
		t.Fatalf("stories %+v", js.Stories)
	}
	if len(js.Claims) == 0 {
		t.Fatalf("no claim in the bridge story:\n%s", out.String())
	}
	for _, cl := range js.Claims {
		if cl.Story != r.Stories[si].ID {
			t.Errorf("claim %q labelled with story %q", cl.Label, cl.Story)
		}
	}
	if err := RunClaimsCLI(&out, c, CLIOptions{Story: "no-such-story"}); err == nil || !strings.Contains(err.Error(), "parley stories") {
		t.Errorf("unknown story: %v", err)
	}
}
