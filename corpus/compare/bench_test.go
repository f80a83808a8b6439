package compare

import (
	"sync"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// Targets (issue 5): indexing the BBC folder under 300 ms
// (BenchmarkBuildBBC), one compare query over it under 10 ms once
// indexed (BenchmarkCompareBBC, and BenchmarkCompareBBCCold when no fact
// of the matches was extracted yet), the claims of the seeds discovered
// in under 50 ms (BenchmarkClaimsSeeds). BenchmarkClaimsBBC is the claim
// discovery the TUI runs in the background for a large folder.
//
//	go test ./corpus/compare -run '^$' -bench . -benchtime 3x

var (
	bbcOnce sync.Once
	bbcDocs []*corpus.Document
	bbcErr  error
)

func loadBBC(b *testing.B) []*corpus.Document {
	b.Helper()
	root := testcorpus.BBC()
	if root == "" {
		b.Skip("shared/corpora/bbc not found beside the repository")
	}
	bbcOnce.Do(func() {
		c, err := corpus.LoadPaths([]string{root}, corpus.LoadOptions{})
		if err != nil {
			bbcErr = err
			return
		}
		bbcDocs = c.Docs
	})
	if bbcErr != nil {
		b.Fatal(bbcErr)
	}
	return bbcDocs
}

func BenchmarkBuildBBC(b *testing.B) {
	docs := loadBBC(b)
	b.ResetTimer()
	var ix *Index
	for b.Loop() {
		ix = Build(docs, Options{})
	}
	b.ReportMetric(float64(ix.Sentences()), "sentences")
}

var bbcQueries = []string{
	"The government plans to raise taxes on petrol by 5% next year.",
	"Shares in the company fell sharply after profits dropped by more than 20%.",
	"The striker scored twice in the second half to win the match.",
	"Mobile phone makers are adding music players to their handsets.",
}

// BenchmarkCompareBBC is a query once the index is warm: facts of
// sentences met by earlier queries are kept, as in a session.
func BenchmarkCompareBBC(b *testing.B) {
	docs := loadBBC(b)
	ix := Build(docs, Options{})
	for _, q := range bbcQueries {
		ix.Compare(q, QueryOptions{Top: 3})
	}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		ix.Compare(bbcQueries[i%len(bbcQueries)], QueryOptions{Top: 3})
		i++
	}
}

// BenchmarkCompareBBCCold is the first query of its kind: every fact of
// the matched sentences is extracted anew.
func BenchmarkCompareBBCCold(b *testing.B) {
	docs := loadBBC(b)
	ix := Build(docs, Options{})
	b.ResetTimer()
	i := 0
	for b.Loop() {
		b.StopTimer()
		ix.facts = map[int32][]Fact{}
		b.StartTimer()
		ix.Compare(bbcQueries[i%len(bbcQueries)], QueryOptions{Top: 3})
		i++
	}
}

func BenchmarkCompareSentenceBBC(b *testing.B) {
	docs := loadBBC(b)
	ix := Build(docs, Options{})
	loc := corpus.Loc{Doc: len(docs) / 2, Block: 1, Sentence: 0}
	if ix.sentID(loc) < 0 {
		loc = ix.loc(int32(ix.Sentences() / 2))
	}
	b.ResetTimer()
	for b.Loop() {
		ix.CompareLoc(loc, QueryOptions{Top: 3})
	}
}

func BenchmarkClaimsSeeds(b *testing.B) {
	c, err := corpus.LoadSeeds()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var n int
	for b.Loop() {
		// A fresh index each time: Claims is computed once per index.
		n = len(Build(c.Docs, Options{EngineOnly: true}).Claims())
	}
	b.ReportMetric(float64(n), "claims")
}

// BenchmarkExtractFactsBBC extracts the facts of every 8th BBC sentence:
// the cost a cold compare pays for each matched sentence.
func BenchmarkExtractFactsBBC(b *testing.B) {
	docs := loadBBC(b)
	var sents []string
	for _, d := range docs {
		for _, br := range d.Blocks() {
			for _, s := range br.Block.Sentences {
				sents = append(sents, s.Text)
			}
		}
	}
	var sample []string
	for i := 0; i < len(sents); i += 8 {
		sample = append(sample, sents[i])
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sample {
			ExtractFacts(s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(sample)), "ns/sentence")
}

// BenchmarkClaimsBBC discovers the claims of the BBC folder, as the TUI
// does in the background for any folder it opens.
func BenchmarkClaimsBBC(b *testing.B) {
	docs := loadBBC(b)
	b.ResetTimer()
	var n int
	for b.Loop() {
		b.StopTimer()
		ix := Build(docs, Options{EngineOnly: true})
		b.StartTimer()
		n = len(ix.Claims())
	}
	b.ReportMetric(float64(n), "claims")
}
