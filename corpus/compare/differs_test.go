package compare

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"parley/corpus"
)

func borderFolder(t *testing.T, bLength string) []*corpus.Document {
	return folderOf(t, map[string]string{
		"a.txt": "Border report\n\nThe Durand border between the two countries runs 909 km through the mountains.\n",
		"b.txt": "Border survey\n\nThe Durand border between the two countries runs " + bLength + " through the mountains.\n",
		"0.txt": "Orchard notes\n\nThe orchard committee met to discuss apple varieties and pruning.\n",
	})
}

// A claim whose sources give different figures names them; one whose
// sources agree (or state compatible ranges) names none.
func TestClaimDiffers(t *testing.T) {
	for _, tc := range []struct {
		b      string
		differ bool
	}{
		{"2,430 km", true},
		{"about 959 km", true}, // ±5%: 911–1,007 km
		{"909 kilometres", false},
		{"more than 900 km", false},
	} {
		docs := borderFolder(t, tc.b)
		claims := Build(docs, Options{EngineOnly: true}).Claims()
		if len(claims) != 1 {
			t.Fatalf("%s: %d claims, want 1: %+v", tc.b, len(claims), claims)
		}
		c := claims[0]
		if c.Disagrees() != tc.differ {
			t.Errorf("%s: Disagrees() = %v, want %v (%+v)", tc.b, c.Disagrees(), tc.differ, c.Differs)
		}
		if tc.differ {
			d := c.Differs[0]
			if docs[d.Docs[0]].File != "a.txt" || docs[d.Docs[1]].File != "b.txt" || d.Facts[0].Text != "909 km" || d.Facts[1].Text != tc.b {
				t.Errorf("%s: differs %+v, want 909 km (a) against %s (b)", tc.b, c.Differs, tc.b)
			}
		}
	}
}

// parley claims marks the claim with ≠ and names the facts, in text,
// JSON and Markdown, with the corpus' documents (the claim is found in
// the story of a.txt and b.txt, whose index numbers them from 0).
func TestClaimsCLIShowsDiffers(t *testing.T) {
	c := &corpus.Corpus{Docs: borderFolder(t, "2,430 km")}
	var text, js, md bytes.Buffer
	if err := RunClaimsCLI(&text, c, CLIOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "●● ≠ ") || !strings.Contains(text.String(), "≠ 909 km (a.txt) · 2,430 km (b.txt)") {
		t.Errorf("text output lacks the ≠ mark or the facts:\n%s", text.String())
	}
	if err := RunClaimsCLI(&js, c, CLIOptions{JSON: true}); err != nil {
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
	if d.Kind != KindLength || d.A.File != "a.txt" || d.A.Text != "909 km" || d.B.File != "b.txt" || d.B.Value != "2430" {
		t.Errorf("JSON difference %+v", d)
	}
	if err := RunClaimsCLI(&md, c, CLIOptions{Markdown: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "- ≠ 909 km (`a.txt`) · 2,430 km (`b.txt`)") {
		t.Errorf("Markdown lacks the difference:\n%s", md.String())
	}
}
