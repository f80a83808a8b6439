package compare

import (
	"fmt"
	"testing"

	"parley/corpus"
)

// folderOf writes files (name -> text) to a temporary folder and loads it.
func folderOf(t *testing.T, files map[string]string) []*corpus.Document {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		writeFile(t, dir, name, text)
	}
	c, err := corpus.LoadPaths([]string{dir}, corpus.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Docs
}

// checkAgreement asserts that sentence, made by every document, is
// shown in every source and is one claim covering them all.
func checkAgreement(t *testing.T, docs []*corpus.Document, sentence string) {
	t.Helper()
	ix := Build(docs, Options{EngineOnly: true})
	r := ix.Compare(sentence, QueryOptions{Top: 1})
	for _, s := range r.Sources {
		if s.Silent || len(s.Matches) == 0 || s.Matches[0].Text != sentence {
			t.Errorf("%s: silent %v, matches %+v; want it to state %q", docs[s.Doc].File, s.Silent, s.Matches, sentence)
		}
	}
	found := false
	for _, c := range ix.Claims() {
		if c.Covered() == len(docs) && c.Sources[0].Statements[0].Text == sentence {
			found = true
		}
	}
	if !found {
		t.Errorf("no claim made by all %d sources for %q; claims %+v", len(docs), sentence, ix.Claims())
	}
}

// The case: five sources that each make only the same statement.
// Every word is in every sentence, so none is rare, yet the statement is
// the clearest agreement there is.
func TestAgreementIsNeverSilence(t *testing.T) {
	const s = "The delegation arrived in Islamabad on Monday for talks with Iran."
	for _, n := range []int{2, 3, 5, 8} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			files := map[string]string{}
			for i := range n {
				files[fmt.Sprintf("s%d.txt", i)] = fmt.Sprintf("Report %d\n\n%s\n", i, s)
			}
			checkAgreement(t, folderOf(t, files), s)
		})
	}
}

// A statement in the story's common words (each source names Iran, talks
// and Islamabad in most of its sentences) is still agreement when every
// source makes it.
func TestAgreementInCommonWords(t *testing.T) {
	const s = "Iran held talks in Islamabad."
	files := map[string]string{}
	for i := range 4 {
		files[fmt.Sprintf("s%d.txt", i)] = fmt.Sprintf("Report %d\n\n"+
			"Iran sent envoys to Islamabad for talks, source %d says.\n\n"+
			"The talks in Islamabad followed weeks of pressure on Iran.\n\n"+
			"%s\n\n"+
			"Observers in Islamabad expect Iran to return for more talks.\n", i, i, s)
	}
	checkAgreement(t, folderOf(t, files), s)
}
