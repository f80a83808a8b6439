package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"parley/corpus"
)

func runCLI(t *testing.T, c *corpus.Corpus, q string, opts CLIOptions) string {
	t.Helper()
	var buf bytes.Buffer
	if err := RunCLI(&buf, c, q, opts); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestCLILines(t *testing.T) {
	_, c := seedIndex(t)
	out := runCLI(t, c, "909", CLIOptions{Limit: 3})
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

func TestCLIJSON(t *testing.T) {
	_, c := seedIndex(t)
	var got struct {
		Query string `json:"query"`
		Hits  []struct {
			File, ID, Kind, Text string
			Score                int
			Positions            []int
			Block, Sentence      int
		} `json:"hits"`
	}
	out := runCLI(t, c, "türk\x07", CLIOptions{JSON: true, Limit: 5})
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

func TestCLIEmptyQueryListsDocuments(t *testing.T) {
	_, c := seedIndex(t)
	out := runCLI(t, c, "", CLIOptions{})
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
	if err := json.Unmarshal([]byte(runCLI(t, c, "zzqqxj", CLIOptions{JSON: true})), &js); err != nil || js.Hits == nil {
		t.Errorf("no hits must still be a JSON list: %v %v", err, js.Hits)
	}
}

// A negative --limit is refused as compare refuses --top -1; 0 still
// means every hit.
func TestCLILimit(t *testing.T) {
	_, c := seedIndex(t)
	var buf bytes.Buffer
	err := RunCLI(&buf, c, "iran", CLIOptions{Limit: -1})
	if err == nil || !strings.Contains(err.Error(), "--limit") || !strings.Contains(err.Error(), "-1") || buf.Len() != 0 {
		t.Errorf("--limit -1: err %v, output %q; want a clear refusal and no output", err, buf.String())
	}
	all := strings.Count(runCLI(t, c, "iran", CLIOptions{}), "\n")
	if three := strings.Count(runCLI(t, c, "iran", CLIOptions{Limit: 3}), "\n"); three != 3 || all <= 50 {
		t.Errorf("--limit 3 gave %d lines, --limit 0 gave %d", three, all)
	}
}

// A query over MaxQueryChars is searched up to there, and the CLI says so
// on stderr; the JSON echoes what was searched.
func TestCLICutQuery(t *testing.T) {
	_, c := seedIndex(t)
	var out, errOut bytes.Buffer
	long := strings.Repeat("oil ", 25000)
	if err := RunCLI(&out, c, long, CLIOptions{JSON: true, Stderr: &errOut}); err != nil {
		t.Fatal(err)
	}
	var got struct{ Query string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Query != long[:MaxQueryChars] || !strings.Contains(errOut.String(), "first 300 characters") {
		t.Errorf("echoed %d bytes of the query; stderr %q", len(got.Query), errOut.String())
	}
	errOut.Reset()
	if err := RunCLI(&out, c, "oil", CLIOptions{Stderr: &errOut}); err != nil || errOut.Len() != 0 {
		t.Errorf("a short query: err %v, stderr %q", err, errOut.String())
	}
}

// parley search with a group, as main runs it (the prefilter, then the
// search): the lines hold either word, and a file holding neither is
// turned away; a bar alone lists the documents as operators alone do.
func TestCLIOr(t *testing.T) {
	dir := guardFolder(t)
	const q = "hormuz | genève"
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{Keep: DocumentFilter(q)})
	if err != nil {
		t.Fatal(err)
	}
	if c.Filtered == 0 {
		t.Error("the filter kept every file")
	}
	out := runCLI(t, c, q, CLIOptions{})
	var words []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		switch {
		case strings.Contains(line, "Hormuz"):
			words = append(words, "hormuz")
		case strings.Contains(line, "Genève"):
			words = append(words, "genève")
		default:
			t.Errorf("line %q holds neither word", line)
		}
	}
	if !strings.Contains(strings.Join(words, " "), "hormuz") || !strings.Contains(strings.Join(words, " "), "genève") {
		t.Errorf("output:\n%s\nwant lines with Hormuz and with Genève", out)
	}
	all, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := runCLI(t, all, "|", CLIOptions{}), runCLI(t, all, "", CLIOptions{}); got != want {
		t.Errorf("a bar alone:\n%s\nwant the documents listed:\n%s", got, want)
	}
}
