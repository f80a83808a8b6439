package tui

import (
	"fmt"
	"strings"
	"testing"

	"parley/corpus"
	"parley/tui/common"
)

// Tests of the compare view and the claims index as the root drives them;
// the panes' own tests are in tui/compareview.

// On the seeds (a curated layer) the root's footer offers e in the
// claims index (the panes' own help is tested in tui/compareview).
func TestCuratedKeyInTheSeedsFooter(t *testing.T) {
	m := newTestModel(t, 160, 30, seedCorpus(t))
	press(m, "C")
	if !strings.Contains(footerLine(m), "e curated layer") {
		t.Errorf("the seeds' claims index does not offer e: %q", footerLine(m))
	}
}

// While the claims are being found (a big folder takes a while), the
// index's header states no counts — "0, 0 curated" read as a result —
// only the title and the layer, above "finding claims…"; the counts come
// with the claims, and go again while the other layer's are found.
func TestClaimsHeaderWhileFinding(t *testing.T) {
	m := newTestModel(t, 80, 24, seedCorpus(t))
	press(m, "C")
	p, ok := m.claimsIndex, m.claimsIndex != nil
	if !ok || m.focus != focusClaims {
		t.Fatalf("C: focus %v, want the claims index", m.focus)
	}
	if !p.Finding() {
		t.Fatal("the claims are already found: the test needs them pending")
	}
	requireHeader := func(want, not string) {
		t.Helper()
		lines := strings.Split(screen(m), "\n")
		head := strings.Join(strings.Fields(lines[0]), " ")
		if head != want {
			t.Errorf("header %q, want %q", head, want)
		}
		if not != "" && !strings.Contains(strings.Join(lines, "\n"), not) {
			t.Errorf("no %q under the header:\n%s", not, strings.Join(lines, "\n"))
		}
	}
	requireHeader("Claims [curated layer on]", "finding claims…")

	claimsNow(t, m)
	curated := 0
	for _, c := range p.Claims() {
		if c.Curated {
			curated++
		}
	}
	requireHeader(fmt.Sprintf("Claims · %d claims: %d shipped, %d found [curated layer on]", len(p.Claims()), curated, len(p.Claims())-curated), "")

	// e turns the layer off; its claims are left pending.
	m.Update(send(m, keyMsg("e"))())
	requireHeader("Claims [engine only]", "finding claims…")
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
	for _, s := range p.Result().Sources {
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
}
