package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus/testcorpus"
)

// factPairs is testdata/factpairs.json: pairs of facts quoted from the
// seeds and the BBC folder, each labelled by reading under the
// criterion written in the file.
type factPairs struct {
	Criterion string `json:"criterion"`
	Pairs     []struct {
		A, B  factSide
		Label string `json:"label"`
		Note  string `json:"note"`
	} `json:"pairs"`
}

type factSide struct {
	Doc      string `json:"doc"`
	Sentence string `json:"sentence"`
	Fact     string `json:"fact"`
}

// labelOf names a relation as the set labels it.
func labelOf(r Relation) string {
	if r == None {
		return "not comparable"
	}
	return string(r)
}

// sideFact is the fact the engine reads where the labelled fact is
// written in the sentence (the first it extracts overlapping it), and
// false when it reads none there.
func sideFact(s factSide) (Fact, bool) {
	i := strings.Index(s.Sentence, s.Fact)
	for _, f := range ExtractFacts(s.Sentence) {
		if i >= 0 && f.Start < i+len(s.Fact) && i < f.End {
			return f, true
		}
	}
	return Fact{}, false
}

// sourceText is the text of a pair's document with its spacing folded,
// or "" when the BBC folder is absent.
func sourceText(t *testing.T, doc string) string {
	t.Helper()
	var raw string
	switch kind, ref, _ := strings.Cut(doc, ":"); kind {
	case "seed":
		raw = rawSeed(t, ref)
	case "bbc":
		root := testcorpus.BBC()
		if root == "" {
			return ""
		}
		b, err := os.ReadFile(filepath.Join(root, ref))
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		raw = string(b)
	default:
		t.Fatalf("%s: unknown source", doc)
	}
	return strings.Join(strings.Fields(raw), " ")
}

// TestFactPairs checks that every quoted sentence is in its document and
// every labelled fact in its sentence, then measures how many pairs the
// engine relates as labelled (target 0.9).
func TestFactPairs(t *testing.T) {
	b, err := os.ReadFile("testdata/factpairs.json")
	if err != nil {
		t.Fatal(err)
	}
	var set factPairs
	if err := json.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	if set.Criterion == "" || len(set.Pairs) < 40 {
		t.Fatalf("criterion %q, %d pairs; want a criterion and 40 pairs or more", set.Criterion, len(set.Pairs))
	}
	texts := map[string]string{}
	labels := map[string]bool{"same": true, "compatible": true, "different": true, "not comparable": true}
	checked, right := 0, 0
	perLabel := map[string][2]int{}
	for i, p := range set.Pairs {
		if !labels[p.Label] {
			t.Errorf("pair %d: label %q", i, p.Label)
		}
		absent := false
		for _, s := range []factSide{p.A, p.B} {
			if _, ok := texts[s.Doc]; !ok {
				texts[s.Doc] = sourceText(t, s.Doc)
			}
			if texts[s.Doc] == "" {
				absent = true
				continue
			}
			if !strings.Contains(texts[s.Doc], strings.Join(strings.Fields(s.Sentence), " ")) {
				t.Errorf("pair %d: %q is not in %s", i, s.Sentence, s.Doc)
			}
			if !strings.Contains(s.Sentence, s.Fact) {
				t.Errorf("pair %d: fact %q is not in its sentence", i, s.Fact)
			}
		}
		if absent {
			continue
		}
		got := None
		if fa, ok := sideFact(p.A); ok {
			if fb, ok := sideFact(p.B); ok {
				got = Relate(fa, fb)
			}
		}
		checked++
		n := perLabel[p.Label]
		n[1]++
		if labelOf(got) == p.Label {
			right++
			n[0]++
		} else {
			t.Logf("miss: %q (%s) against %q (%s): engine %s, labelled %s", p.A.Fact, p.A.Doc, p.B.Fact, p.B.Doc, labelOf(got), p.Label)
		}
		perLabel[p.Label] = n
	}
	if checked == 0 {
		t.Skip("no pair could be checked")
	}
	acc := float64(right) / float64(checked)
	t.Logf("fact pairs: %d of %d related as labelled (%.3f); by label: %v", right, checked, acc, perLabel)
	if checked == len(set.Pairs) && acc < 0.9 {
		t.Errorf("accuracy %.3f below the 0.9 target", acc)
	}
}
