package compareview

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

// originOnly keeps the origin's compared sentence alone, and leaves the
// engine's own result as it was (it is shared); the whole flow is tested
// in tui (TestCompareOriginShowsOnlyTheComparedSentence).
func TestOriginOnlyCopies(t *testing.T) {
	from := corpus.Loc{Block: 3, Sentence: 1}
	var r compare.Result
	r.Sources = []compare.SourceResult{{Origin: true, Matches: []compare.Match{{Loc: corpus.Loc{Block: 1}}, {Loc: from}}}}
	got := originOnly(r, &from)
	if len(r.Sources[0].Matches) != 2 || len(got.Sources[0].Matches) != 1 || got.Sources[0].Matches[0].Loc != from {
		t.Errorf("originOnly changed its input or kept the wrong match: %+v / %+v", r.Sources[0].Matches, got.Sources[0].Matches)
	}
}
