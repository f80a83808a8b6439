package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
)

func seeds(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestShowWrapsToWidth(t *testing.T) {
	c := seeds(t)
	for _, width := range []int{24, 40, 80} {
		for _, d := range c.Docs {
			var buf bytes.Buffer
			if err := WriteShow(&buf, d, ShowOptions{Width: width}); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(buf.String(), "\n") {
				if w := ansi.StringWidth(line); w > width {
					t.Errorf("%s at width %d: line of %d cells: %q", d.ID, width, w, line)
				}
			}
		}
	}
}

func TestShowUnwrappedIsOneLinePerParagraph(t *testing.T) {
	d, err := seeds(t).Find("002")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteShow(&buf, d, ShowOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, r := range d.Blocks() {
		if !strings.Contains(out, r.Block.Text+"\n") {
			t.Errorf("block not on one line: %.60q", r.Block.Text)
		}
	}
	for _, want := range []string{"- Lifting sanctions\n", "-- front matter --\n", "Khalid Taimur Akram · Institute for a Community with Shared Future · 2026-04-18 · op-ed (editorial: kind)\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q", want)
		}
	}
}

func TestListJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteList(&buf, seeds(t), ListOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	var v ListJSON
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	d := v.Documents[4]
	if d.ID != "004_ab57fc61b301b9b7" || d.File != "004_ab57fc61b301b9b7.txt" || d.Author != "Omar Quraishi" || d.Published != "" || d.Words < 800 {
		t.Errorf("004 = %+v", d)
	}
	if strings.Join(d.Editorial, ",") != "title,author" {
		t.Errorf("004 editorial = %q", d.Editorial)
	}
}

func TestListEmptyCorpusJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteList(&buf, &corpus.Corpus{}, ListOptions{JSON: true}); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(buf.String()) != `{
  "documents": []
}` {
		t.Errorf("empty list = %s", buf.String())
	}
}
