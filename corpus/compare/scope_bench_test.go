package compare

import (
	"testing"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/corpus/testcorpus"
)

// Targets (issue 9): a story's claims in 100 ms or less for a story of
// 20 documents, index included (BenchmarkStoryClaims20), and a sentence
// compared within its story in 5 ms or less (BenchmarkCompareInStory,
// the story's index built; BenchmarkCompareInStoryCold builds it too).
//
//	go test ./corpus/compare -run '^$' -bench Story -benchtime 20x

// story20 is the BBC grouped into stories and a set of 20 documents of
// its largest story, topped up from the next largest when it has fewer
// (the grouping is tuned for precision: its largest story may not reach
// 20).
func story20(b *testing.B) (*Sets, []int) {
	docs := loadBBC(b)
	r := stories.Group(docs)
	var set []int
	for _, s := range r.Stories {
		set = append(set, s.Docs...)
		if len(set) >= 20 {
			break
		}
	}
	if len(set) < 20 {
		b.Fatalf("the BBC stories hold %d documents", len(set))
	}
	return NewSets(docs, r, Options{}), set[:20]
}

func BenchmarkStoryClaims20(b *testing.B) {
	sets, set := story20(b)
	b.ResetTimer()
	n := 0
	cpu := testcorpus.CPUTime()
	for b.Loop() {
		n = len(sets.Tagged(set).Claims()) // a new set: its index is built anew
	}
	b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e6/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(n), "claims")
}

// firstSentence is the first sentence of a block.
func firstSentence(doc, block int) corpus.Loc { return corpus.Loc{Doc: doc, Block: block, Sentence: 0} }

// BenchmarkCompareInStory compares the first sentence of each paragraph
// of the set's first document in turn, the set's index built.
func BenchmarkCompareInStory(b *testing.B) {
	sets, set := story20(b)
	sc := sets.Tagged(set)
	sc.Index()
	d := loadBBC(b)[set[0]]
	b.ResetTimer()
	i := 0
	cpu := testcorpus.CPUTime()
	defer func() { b.ReportMetric(float64(testcorpus.CPUTime()-cpu)/1e6/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		blocks := d.Blocks()
		br := blocks[i%len(blocks)]
		i++
		if len(br.Block.Sentences) == 0 {
			continue
		}
		sc.CompareLoc(firstSentence(set[0], br.Index), QueryOptions{Top: 3})
	}
}

func BenchmarkCompareInStoryCold(b *testing.B) {
	sets, set := story20(b)
	b.ResetTimer()
	for b.Loop() {
		sets.Tagged(set).CompareLoc(firstSentence(set[0], 1), QueryOptions{Top: 3})
	}
}
