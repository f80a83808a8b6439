package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// run executes the command line and returns stdout, stderr and the error.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd := newRootCmd(&out, &errb)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), errb.String(), err
}

func keysOf(m map[string]any) []string {
	var k []string
	for key := range m {
		k = append(k, key)
	}
	sort.Strings(k)
	return k
}

func hasKeys(t *testing.T, what string, m map[string]any, want ...string) {
	t.Helper()
	for _, k := range want {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q (has %q)", what, k, keysOf(m))
		}
	}
}

func TestListJSONShape(t *testing.T) {
	out, _, err := run(t, "list", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Documents []map[string]any `json:"documents"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Documents) != 5 {
		t.Fatalf("%d documents", len(v.Documents))
	}
	for _, d := range v.Documents {
		hasKeys(t, "document", d, "id", "file", "title", "subtitle", "outlet", "author", "published", "kind", "words")
		if p := d["published"].(string); p != "" && len(p) != len("2026-04-18") {
			t.Errorf("published %q is not YYYY-MM-DD", p)
		}
		if !strings.HasSuffix(d["file"].(string), ".txt") || strings.Contains(d["file"].(string), "/") {
			t.Errorf("file %q is not a base name", d["file"])
		}
	}
}

func TestListText(t *testing.T) {
	out, _, err := run(t, "list")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 5 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	if !strings.HasPrefix(lines[2], "002_9690ed19ebd18b97  2026-04-18  ") || !strings.Contains(lines[2], "Khalid Taimur Akram") {
		t.Errorf("002 line: %q", lines[2])
	}
	// Aligned: the title column starts at the same place on every line.
	col := strings.Index(lines[0], "When Diplomacy")
	if strings.Index(lines[3], "The U.S.-Iran War") != col {
		t.Errorf("columns not aligned:\n%s", out)
	}
}

func TestShowJSONShape(t *testing.T) {
	out, _, err := run(t, "show", "--json", "003")
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	hasKeys(t, "show", v, "id", "file", "title", "subtitle", "outlet", "author", "published", "kind", "sections", "matter")
	sections := v["sections"].([]any)
	kinds := map[string]bool{}
	for _, s := range sections {
		sm := s.(map[string]any)
		hasKeys(t, "section", sm, "heading", "blocks")
		for _, b := range sm["blocks"].([]any) {
			bm := b.(map[string]any)
			hasKeys(t, "block", bm, "kind", "text", "sentences")
			kinds[bm["kind"].(string)] = true
		}
	}
	if !kinds["paragraph"] || !kinds["caption"] {
		t.Errorf("block kinds %v", kinds)
	}
	for _, m := range v["matter"].([]any) {
		mm := m.(map[string]any)
		hasKeys(t, "matter", mm, "kind", "text")
		if k := mm["kind"]; k != "front" && k != "back" {
			t.Errorf("matter kind %q", k)
		}
	}
}

func TestShowText(t *testing.T) {
	out, _, err := run(t, "show", "001")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Pakistan Strategic Invitation\n", "## 1. Historical Diplomatic Balancing\n", "- Iran’s nuclear program"} {
		if !strings.Contains(out, want) {
			t.Errorf("show 001 lacks %q", want)
		}
	}
	out, _, _ = run(t, "show", "003")
	if !strings.Contains(out, "[caption] A Pakistani Ranger") || !strings.Contains(out, "-- back matter --") {
		t.Errorf("show 003 lacks caption or matter")
	}
}

func TestShowErrors(t *testing.T) {
	if _, _, err := run(t, "show", "nope"); err == nil || !strings.Contains(err.Error(), "no document") {
		t.Errorf("unknown doc: %v", err)
	}
	if _, _, err := run(t, "show", "00"); err == nil || !strings.Contains(err.Error(), "names 5 documents") {
		t.Errorf("ambiguous doc: %v", err)
	}
}

func TestListPathsReportsBadFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Good title\n\nGood body.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("\x00\x01binary"), 0o644)
	out, errOut, err := run(t, "list", "--json", dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "bad.txt") || !strings.Contains(errOut, "binary") {
		t.Errorf("stderr = %q", errOut)
	}
	var v struct{ Documents []struct{ ID, Title string } }
	json.Unmarshal([]byte(out), &v)
	if len(v.Documents) != 1 || v.Documents[0].ID != "good" || v.Documents[0].Title != "Good title" {
		t.Errorf("documents = %+v", v.Documents)
	}
	if _, _, err := run(t, "list", filepath.Join(dir, "bad.txt")); err == nil {
		t.Error("nothing loaded but no error")
	}
}

// The reader fails before taking the screen when no named path exists,
// names each, and suggests a subcommand for a mistyped one.
func TestReaderMissingPaths(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	_, stderr, err := run(t, a, b)
	if err == nil || !strings.Contains(err.Error(), "no documents loaded") {
		t.Fatalf("err = %v, want no documents loaded", err)
	}
	for _, p := range []string{a, b} {
		if !strings.Contains(stderr, "skipped "+p+": no such file or directory") {
			t.Errorf("stderr does not name %s:\n%s", p, stderr)
		}
	}
	for _, args := range [][]string{{"lst"}, {"lst", dir}, {"serch", "hormuz"}} {
		want := map[string]string{"lst": "list", "serch": "search"}[args[0]]
		if _, _, err := run(t, args...); err == nil || !strings.Contains(err.Error(), `did you mean "`+want+`"?`) {
			t.Errorf("parley %v: %v, want a suggestion of %s", args, err, want)
		}
	}
}
