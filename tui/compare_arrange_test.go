package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// A query that starts with a quotation mark is not quoted again.
func TestCompareTitleQuotesOnce(t *testing.T) {
	for in, want := range map[string]string{
		"Talks resumed.": "“Talks resumed.”",
		"“This is a turning point,” he said.": "“This is a turning point,” he said.",
		"\"Plain quotes\" too":                "\"Plain quotes\" too",
		"«Guillemets»":                        "«Guillemets»",
	} {
		if got := quoteOnce(in); got != want {
			t.Errorf("quoteOnce(%q) = %q, want %q", in, got, want)
		}
	}
	p := fixturePane(t, 80, 24)
	p.Update(common.CompareMsg{Text: "“This is a turning point,” he said."})
	if v := ansi.Strip(p.View()); !strings.HasPrefix(v, "Compare “This is a turning point,” he said.") || strings.Contains(v, "““") {
		t.Errorf("title: %q", strings.SplitN(v, "\n", 2)[0])
	}
}

// The origin's column holds the compared sentence alone, in its
// paragraph: none of the origin's other sentences that match the query.
func TestCompareOriginShowsOnlyTheComparedSentence(t *testing.T) {
	m := newTestModel(t, 160, 40, seedCorpus(t))
	// The interview's border sentence, as in the issue: its other
	// sentences on Pakistan (China, ...) matched the query too.
	var from corpus.Loc
	found := false
	for di, d := range m.corpus.Docs {
		for _, b := range d.Blocks() {
			for si, s := range b.Block.Sentences {
				if strings.HasPrefix(s.Text, "He noted that Pakistan and Iran share more than 900") {
					from, found = corpus.Loc{Doc: di, Block: b.Index, Sentence: si}, true
				}
			}
		}
	}
	if !found {
		t.Fatal("the border sentence is not in the seeds")
	}
	d := m.corpus.Docs[from.Doc]
	send(m, common.CompareMsg{Text: d.Block(from.Block).Sentences[from.Sentence].Text, From: from, HasFrom: true})
	p := compareNow(t, m)
	for _, s := range p.result.Sources {
		if !s.Origin {
			continue
		}
		if len(s.Matches) != 1 || s.Matches[0].Loc != from {
			t.Fatalf("the origin's column holds %d statements (%+v), want the compared sentence alone", len(s.Matches), s.Matches)
		}
	}
	if v := screen(m); strings.Contains(v, "China") {
		t.Errorf("the origin's column shows another of its sentences:\n%s", v)
	}
	// The engine's own result is left as it was (it is shared).
	var r compare.Result
	r.Sources = []compare.SourceResult{{Origin: true, Matches: []compare.Match{{Loc: corpus.Loc{Block: 1}}, {Loc: from}}}}
	got := originOnly(r, &from)
	if len(r.Sources[0].Matches) != 2 || len(got.Sources[0].Matches) != 1 || got.Sources[0].Matches[0].Loc != from {
		t.Errorf("originOnly changed its input or kept the wrong match: %+v / %+v", r.Sources[0].Matches, got.Sources[0].Matches)
	}
}
