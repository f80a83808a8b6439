package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/search"
)

func runSearch(t *testing.T, c *corpus.Corpus, q string, opts SearchOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := RunSearch(&buf, c, q, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestSearchLines(t *testing.T) {
	c := seeds(t)
	out := runSearch(t, c, "909", SearchOptions{Limit: 3})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) == 0 || len(lines) > 3 {
		t.Fatalf("got %d lines, want 1 to 3:\n%s", len(lines), out)
	}
	var file string
	var block, sent int
	if _, err := fmt.Sscanf(lines[0], "%s", &file); err != nil {
		t.Fatal(err)
	}
	parts := strings.SplitN(lines[0], ":", 4)
	if len(parts) != 4 {
		t.Fatalf("line %q is not file:block:sentence: text", lines[0])
	}
	fmt.Sscan(parts[1], &block)
	fmt.Sscan(parts[2], &sent)
	doc, err := c.Find(strings.TrimSuffix(parts[0], ".txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(parts[3], " ")
	if b := doc.Block(block); b == nil || b.Sentences[sent].Text != text || !strings.Contains(text, "909 km") {
		t.Errorf("line %q does not address its own sentence", lines[0])
	}
}

func TestSearchJSON(t *testing.T) {
	c := seeds(t)
	var got struct {
		Query string `json:"query"`
		Hits  []struct {
			File, ID, Kind, Text string
			Score                int
			Positions            []int
			Block, Sentence      int
		} `json:"hits"`
	}
	out := runSearch(t, c, "türk\x07", SearchOptions{JSON: true, Limit: 5})
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Query != "türk^G" {
		t.Errorf("query echoed as %q, want the bell made visible", got.Query)
	}
	if len(got.Hits) == 0 {
		t.Fatal("no hits for türk in the seeds")
	}
	for _, h := range got.Hits {
		r := []rune(h.Text)
		var m []rune
		for _, p := range h.Positions {
			m = append(m, r[p])
		}
		if h.Kind != "title" && h.Kind != "heading" && h.Kind != "sentence" || strings.ToLower(string(m)) != "türk" || h.ID == "" || h.File == "" {
			t.Errorf("hit %+v: kind or positions wrong (marks %q)", h, string(m))
		}
	}
}

func TestSearchEmptyQueryListsDocuments(t *testing.T) {
	c := seeds(t)
	out := runSearch(t, c, "", SearchOptions{})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(c.Docs) {
		t.Fatalf("%d lines for %d documents:\n%s", len(lines), len(c.Docs), out)
	}
	for i, l := range lines {
		if !strings.HasPrefix(l, c.Docs[i].Path+":-1:-1: "+c.Docs[i].Title) {
			t.Errorf("line %d = %q, want %s's title", i, l, c.Docs[i].ID)
		}
	}
	var js struct{ Hits []json.RawMessage }
	if err := json.Unmarshal([]byte(runSearch(t, c, "zzqqxj", SearchOptions{JSON: true})), &js); err != nil || js.Hits == nil {
		t.Errorf("no hits must still be a JSON list: %v %v", err, js.Hits)
	}
}

// A negative --limit is refused as compare refuses --top -1; 0 still
// means every hit.
func TestSearchLimit(t *testing.T) {
	c := seeds(t)
	var buf bytes.Buffer
	err := RunSearch(&buf, c, "iran", SearchOptions{Limit: -1})
	if err == nil || !strings.Contains(err.Error(), "--limit") || !strings.Contains(err.Error(), "-1") || buf.Len() != 0 {
		t.Errorf("--limit -1: err %v, output %q; want a clear refusal and no output", err, buf.String())
	}
	all := strings.Count(runSearch(t, c, "iran", SearchOptions{}), "\n")
	if three := strings.Count(runSearch(t, c, "iran", SearchOptions{Limit: 3}), "\n"); three != 3 || all <= 50 {
		t.Errorf("--limit 3 gave %d lines, --limit 0 gave %d", three, all)
	}
}

// A query over MaxQueryChars is searched up to there, and the CLI says so
// on stderr; the JSON echoes what was searched.
func TestSearchCutQuery(t *testing.T) {
	c := seeds(t)
	var out, errOut bytes.Buffer
	long := strings.Repeat("oil ", 25000)
	if err := RunSearch(&out, c, long, SearchOptions{JSON: true, Stderr: &errOut}); err != nil {
		t.Fatal(err)
	}
	var got struct{ Query string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Query != long[:search.MaxQueryChars] || !strings.Contains(errOut.String(), "first 300 characters") {
		t.Errorf("echoed %d bytes of the query; stderr %q", len(got.Query), errOut.String())
	}
	errOut.Reset()
	if err := RunSearch(&out, c, "oil", SearchOptions{Stderr: &errOut}); err != nil || errOut.Len() != 0 {
		t.Errorf("a short query: err %v, stderr %q", err, errOut.String())
	}
}
