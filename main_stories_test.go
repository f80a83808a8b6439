package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStoriesJSONShape(t *testing.T) {
	out, _, err := run(t, "stories", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Stories []map[string]json.RawMessage `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(v.Stories) != 1 {
		t.Fatalf("the five seeds are one story, got %d", len(v.Stories))
	}
	var docs []map[string]any
	if err := json.Unmarshal(v.Stories[0]["documents"], &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 5 {
		t.Fatalf("want 5 documents, got %d", len(docs))
	}
	for _, d := range docs {
		hasKeys(t, "story document", d, "id", "file", "title", "published")
		if _, ok := d["duplicate_of"]; ok {
			t.Errorf("%v: duplicate_of on a document that is no copy", d["id"])
		}
	}
	for _, k := range []string{"id", "label", "documents"} {
		if _, ok := v.Stories[0][k]; !ok {
			t.Errorf("story lacks %q", k)
		}
	}
}

// TestStoriesCopiesAndCleanNames: a copy is marked with the id of the
// document kept, and a control byte in a file name never reaches the
// output.
func TestStoriesCopiesAndCleanNames(t *testing.T) {
	dir := t.TempDir()
	body := "Quarrel over the Harrowgate bridge\n\nThe Harrowgate council voted on Monday to close the Tamsin bridge for repairs costing 4 million pounds.\n\nCouncillor Edwina Morrow said the Tamsin bridge would reopen in the spring.\n"
	for name, text := range map[string]string{
		"a.txt":         body,
		"b\x1b[31m.txt": body,
		"c.txt":         "Cup final tickets sold out\n\nAll tickets for the Quillon cup final sold out within an hour, the club said.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _, err := run(t, "stories", "--json", dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("a control byte reached the output:\n%q", out)
	}
	var v StoriesOut
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	copies := 0
	for _, s := range v.Stories {
		for _, d := range s.Documents {
			if d.DuplicateOf != "" {
				copies++
				if d.DuplicateOf != "a" || !strings.HasPrefix(d.ID, "b") {
					t.Errorf("%s marked a copy of %s", d.ID, d.DuplicateOf)
				}
			}
		}
	}
	if copies != 1 {
		t.Errorf("want one copy, got %d:\n%s", copies, out)
	}
	text, _, err := run(t, "stories", dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(text, 0x1b) || !strings.Contains(text, "copy of a") {
		t.Errorf("text output:\n%q", text)
	}
}

// StoriesOut is the part of the stories JSON the tests read.
type StoriesOut struct {
	Stories []struct {
		ID        string `json:"id"`
		Label     string `json:"label"`
		Documents []struct {
			ID          string `json:"id"`
			DuplicateOf string `json:"duplicate_of"`
		} `json:"documents"`
	} `json:"stories"`
}
