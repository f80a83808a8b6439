package compare

import (
	"reflect"
	"strings"
	"testing"

	"parley/corpus"
)

// reversedRuns is text with each run of n words in reverse order: the
// same words, near one another, but no copy.
func reversedRuns(text string, n int) string {
	w := strings.Fields(text)
	for i := 0; i < len(w); i += n {
		j := min(i+n, len(w))
		for l, r := i, j-1; l < r; l, r = l+1, r-1 {
			w[l], w[r] = w[r], w[l]
		}
	}
	return strings.Join(w, " ")
}

// The forward index keeps only the units claim discovery reads
// (index_forward.go), spread over both documents: the postings are those
// of the whole, each unit read has the whole index's forward entries,
// and the claims span both documents. The index is large enough for
// discovery's rare-term candidates, which are scored from the forward
// index (claim_candidates.go).
func TestForwardIndexCutAtDiscover(t *testing.T) {
	dir := t.TempDir()
	a := giantSentence(11, 60<<10)
	b := reversedRuns(a, 40) + " " + giantSentence(12, 700<<10)
	docs := []*corpus.Document{giantDoc(t, dir, "a.txt", a), giantDoc(t, dir, "b.txt", b)}
	keep := 240
	whole := build(docs, Options{EngineOnly: true}, tuned(func(u *tuning) { u.discover = 1 << 30 }))
	cut := build(docs, Options{EngineOnly: true}, tuned(func(u *tuning) { u.discover = keep }))
	set := cut.discoverSet()
	if set.take[0] == 0 || set.take[1] == 0 || whole.entries() <= exactTerms {
		t.Fatalf("want units of both documents (%v) read from an index past %d entries: %d", set.take, exactTerms, whole.entries())
	}
	if !reflect.DeepEqual(cut.postings, whole.postings) {
		t.Error("postings differ from the whole index's")
	}
	if len(cut.fwdEnd) != keep || len(cut.fwd) != int(cut.fwdEnd[keep-1]) {
		t.Errorf("forward index: %d units, %d entries", len(cut.fwdEnd), len(cut.fwd))
	}
	set.each(func(id, pos int32) {
		if !reflect.DeepEqual(cut.forwardOf(pos), whole.forwardOf(id)) {
			t.Fatalf("unit %d (read %d): forward entries differ from the whole index's", id, pos)
		}
	})
	claims := cut.Claims()
	if len(claims) == 0 {
		t.Fatal("no claims")
	}
	for _, cl := range claims {
		if !cl.Coverage[0] || !cl.Coverage[1] {
			t.Fatalf("claim %q does not span both documents", cl.Label)
		}
	}
}

// Claim discovery keeps only the measured facts of what it reads
// (claim_facts.go): the bonuses are those the facts kept whole give.
func TestFactMemoBonusAsWholeFacts(t *testing.T) {
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	ix := Build(c.Docs, Options{EngineOnly: true})
	memo := newFactMemo(ix)
	var numeric []int32
	for id := range int32(len(ix.sents)) {
		if ix.numeric[id] {
			numeric = append(numeric, id)
		}
	}
	bonuses := 0
	for _, q := range numeric {
		whole := ix.prepareTerms(ix.text(q))
		whole.facts = ix.factsOf(q)
		kept := ix.prepareTerms(ix.text(q))
		kept.facts, kept.memo = memo.queryFacts(q), memo
		for _, id := range numeric {
			w, k := ix.factBonus(whole, id), ix.factBonus(kept, id)
			if w != k {
				t.Fatalf("bonus of %d for %d: %v with whole facts, %v kept measured", id, q, w, k)
			}
			if w > 0 {
				bonuses++
			}
		}
	}
	if bonuses == 0 {
		t.Error("no sentence of the seeds got a bonus")
	}
	if len(ix.facts) == 0 || len(memo.measures) == 0 || len(memo.measures) >= len(ix.facts) {
		t.Errorf("%d sentences with measured facts kept of %d extracted", len(memo.measures), len(ix.facts))
	}
}

// Claims tied on coverage, strength and location (the windows of one
// over-long sentence share it) come in the order of their first
// sentence, not of a map's iteration.
func TestTiedClaimsInSentenceOrder(t *testing.T) {
	dir := t.TempDir()
	text := giantSentence(21, 4000)
	docs := []*corpus.Document{giantDoc(t, dir, "a.txt", text), giantDoc(t, dir, "b.txt", text)}
	ix := Build(docs, Options{EngineOnly: true})
	n := ix.docFirst[1]
	if n < 4 {
		t.Fatalf("%d windows", n)
	}
	cluster, strength := map[int32][]int32{}, map[int32]float64{}
	for w := range n {
		cluster[w] = []int32{n + w, w}
		strength[w] = 1
	}
	for range 30 {
		got := ix.rankClusters(cluster, strength)
		for w, cl := range got {
			if s := cl.Sources[0].Statements; len(s) != 1 || s[0].Text != ix.text(int32(w)) {
				t.Fatalf("claim %d is not window %d's", w, w)
			}
		}
	}
}
