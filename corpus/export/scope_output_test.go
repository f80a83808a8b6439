package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/stories"
	"parley/corpus/testcorpus"
)

// memFolder loads files (a path with slashes -> text) from memory, as
// a folder opened would be.
func memFolder(t *testing.T, files map[string]string) *corpus.Corpus {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	c, err := corpus.LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// By default a typed text is compared within the stories that speak to
// it, and the output says which and how many more --all adds.
func TestCompareWithinStory(t *testing.T) {
	c := bigFolder(t, 40)
	var out bytes.Buffer
	if err := RunCompare(&out, c, "the old harbour of Kestrel Bay reopened after dredging", CompareOptions{}); err != nil {
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

// parley claims lists each story's claims under its label; --story
// lists one story's.
func TestClaimsPerStory(t *testing.T) {
	c := memFolder(t, testcorpus.BridgeFolder())
	var out bytes.Buffer
	if err := RunClaims(&out, c, CompareOptions{}); err != nil {
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
	if err := RunClaims(&out, c, CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Story: r.Stories[si].ID}}); err != nil {
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
	if err := RunClaims(&out, c, CompareOptions{CommandOptions: compare.CommandOptions{Story: "no-such-story"}}); err == nil || !strings.Contains(err.Error(), "parley stories") {
		t.Errorf("unknown story: %v", err)
	}
}

func TestCompareJSONShape(t *testing.T) {
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := RunCompare(&buf, c, "Pakistan and Iran share more than 900 kilometers of border", CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Top: 2, EngineOnly: true}}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Query   string `json:"query"`
		Sources []struct {
			File, ID, Title string
			Silent          *bool `json:"silent"`
			Matches         []map[string]json.RawMessage
		} `json:"sources"`
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if out.Query == "" || len(out.Sources) != len(c.Docs) {
		t.Fatalf("query %q, %d sources; want %d", out.Query, len(out.Sources), len(c.Docs))
	}
	keys := []string{"text", "context", "score", "block", "sentence", "curated", "shared_terms", "facts"}
	sawFacts := false
	for i, s := range out.Sources {
		if s.File != c.Docs[i].File || s.ID != c.Docs[i].ID || s.Silent == nil {
			t.Errorf("source %d: file %q id %q silent %v", i, s.File, s.ID, s.Silent)
		}
		if *s.Silent != (len(s.Matches) == 0) || len(s.Matches) > 2 {
			t.Errorf("source %d: silent %v with %d matches", i, *s.Silent, len(s.Matches))
		}
		for _, m := range s.Matches {
			for _, k := range keys {
				if _, ok := m[k]; !ok {
					t.Errorf("match lacks %q: %v", k, m)
				}
			}
			var facts []map[string]any
			_ = json.Unmarshal(m["facts"], &facts)
			for _, f := range facts {
				sawFacts = true
				for _, k := range []string{"kind", "text", "value", "unit", "relation"} {
					if _, ok := f[k]; !ok {
						t.Errorf("fact lacks %q: %v", k, f)
					}
				}
				switch f["relation"] {
				case "same", "compatible", "different", "none":
				default:
					t.Errorf("relation %v", f["relation"])
				}
			}
		}
	}
	if !sawFacts {
		t.Error("no facts in any match")
	}
}

// parley claims marks the claim with ≠ and names the facts, in text,
// JSON and Markdown, with the corpus' documents (the claim is found in
// the story of a.txt and b.txt, whose index numbers them from 0).
func TestClaimsOutputShowsDiffers(t *testing.T) {
	c := &corpus.Corpus{Docs: borderFolder(t, "2,430 km")}
	var text, js, md bytes.Buffer
	if err := RunClaims(&text, c, CompareOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "●● ≠ ") || !strings.Contains(text.String(), "≠ 909 km (a.txt) · 2,430 km (b.txt)") {
		t.Errorf("text output lacks the ≠ mark or the facts:\n%s", text.String())
	}
	if err := RunClaims(&js, c, CompareOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Claims []struct {
			Differs []jsonDiff `json:"differs"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(js.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.Claims) != 1 || len(out.Claims[0].Differs) != 1 {
		t.Fatalf("JSON claims %+v, want one with one difference", out.Claims)
	}
	d := out.Claims[0].Differs[0]
	if d.Kind != compare.KindLength || d.A.File != "a.txt" || d.A.Text != "909 km" || d.B.File != "b.txt" || d.B.Value != "2430" {
		t.Errorf("JSON difference %+v", d)
	}
	if err := RunClaims(&md, c, CompareOptions{Markdown: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "- ≠ 909 km (`a.txt`) · 2,430 km (`b.txt`)") {
		t.Errorf("Markdown lacks the difference:\n%s", md.String())
	}
}

// compare names its set in every format, and shows a copy once, as its
// kept document "also in" the copy.
func TestCompareOutputNamesSetAndCopy(t *testing.T) {
	c := memFolder(t, testcorpus.BridgeFolder())
	sentence := "Traders in Harrowgate said closing the Tamsin bridge for repairs would cost them customers."
	var out bytes.Buffer
	if err := RunCompare(&out, c, sentence, CompareOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	var js jsonCompare
	if err := json.Unmarshal(out.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if js.Scope.Kind != compare.ScopeStory || js.Scope.Sources != 2 || js.Scope.Outside != 1 || len(js.Sources) != 2 {
		t.Errorf("JSON scope %+v with %d sources", js.Scope, len(js.Sources))
	}
	for _, s := range js.Sources {
		if s.ID == "a" && !slices.Equal(s.AlsoIn, []string{"copy"}) {
			t.Errorf("a.txt also_in %v", s.AlsoIn)
		}
	}
	out.Reset()
	if err := RunCompare(&out, c, sentence, CompareOptions{Markdown: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "*Compared within the story ") {
		t.Errorf("the Markdown does not name the set:\n%s", out.String())
	}
	if md := out.String(); !strings.Contains(md, "Also in: `copy`") {
		t.Errorf("the Markdown does not name the copy:\n%s", md)
	}
	out.Reset()
	if err := RunCompare(&out, c, sentence, CompareOptions{CommandOptions: compare.CommandOptions{All: true}}); err != nil {
		t.Fatal(err)
	}
	if text := out.String(); !strings.Contains(text, "also in: copy") || strings.Count(text, "Tamsin bridge to close") != 1 {
		t.Errorf("--all output does not show the copy once:\n%s", text)
	}
}

// parley claims --json is written a claim at a time as each story's
// claims are found: the bytes are those of the whole document encoded at
// once (corpus.WriteJSON), over several stories, the seeds' curated
// claims and a story with none.
func TestClaimsJSONStreamedAsWhole(t *testing.T) {
	s := seeds(t)
	for _, tc := range []struct {
		name string
		c    *corpus.Corpus
		opts CompareOptions
	}{
		{"seeds", s, CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Curated: seedsLayer(t, s)}}},
		{"folder", outputFolder(t), CompareOptions{JSON: true}},
		{"bridge", memFolder(t, testcorpus.BridgeFolder()), CompareOptions{JSON: true}},
	} {
		var streamed, whole bytes.Buffer
		if err := RunClaims(&streamed, tc.c, tc.opts); err != nil {
			t.Fatal(err)
		}
		var js jsonClaims
		if err := json.Unmarshal(streamed.Bytes(), &js); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(js.Stories) == 0 {
			t.Fatalf("%s: no story listed", tc.name)
		}
		if err := corpus.WriteJSON(&whole, js); err != nil {
			t.Fatal(err)
		}
		if streamed.String() != whole.String() {
			t.Errorf("%s: streamed JSON is not the whole document's:\n%s\nwant:\n%s", tc.name, streamed.String(), whole.String())
		}
	}
}
