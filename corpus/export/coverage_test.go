package export

import (
	"bytes"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/compare"
)

// borderFolder is two sources stating the border's length (the second
// as bLength) and one on another matter.
func borderFolder(t *testing.T, bLength string) []*corpus.Document {
	t.Helper()
	return memFolder(t, map[string]string{
		"a.txt": "Border report\n\nThe Durand border between the two countries runs 909 km through the mountains.\n",
		"b.txt": "Border survey\n\nThe Durand border between the two countries runs " + bLength + " through the mountains.\n",
		"0.txt": "Orchard notes\n\nThe orchard committee met to discuss apple varieties and pruning.\n",
	}).Docs
}

// The coverage table has one row per claim and one column per source,
// marked ● ○ or ≠, and spells out the difference; a legend names the
// sources.
func TestWriteCoverageMarkdown(t *testing.T) {
	docs := borderFolder(t, "2,430 km")
	claims := compare.Build(docs, compare.Options{EngineOnly: true}).Claims()
	var out bytes.Buffer
	if err := WriteCoverageMarkdown(&out, docs, nil, claims); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	var rows []string
	for _, l := range lines {
		if strings.HasPrefix(l, "| ") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 1+len(claims) {
		t.Fatalf("%d table rows for %d claims:\n%s", len(rows), len(claims), out.String())
	}
	cells := strings.Split(strings.Trim(rows[1], "| "), " | ")
	// #, claim, kind, a column per source, differs.
	if len(cells) != 3+len(docs)+1 {
		t.Fatalf("row %q has %d cells, want %d", rows[1], len(cells), 3+len(docs)+1)
	}
	marks := strings.Join(cells[3:3+len(docs)], "")
	if strings.Count(marks, "≠") != 2 || strings.Count(marks, "○") != 1 {
		t.Errorf("marks %q: want ≠ for the two sources that differ and ○ for the silent one", marks)
	}
	if d := cells[len(cells)-1]; !strings.Contains(d, "909 km") || !strings.Contains(d, "2,430 km") {
		t.Errorf("the difference is not spelled out: %q", d)
	}
	if !strings.Contains(out.String(), "\nSources:\n\n1. ") {
		t.Errorf("no legend of the sources:\n%s", out.String())
	}
}
