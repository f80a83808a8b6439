package compareview

import (
	"strings"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// Text inputs do not blink under test: a blink is a timer, and tests never
// wait on timers (as in package tui).
func init() { common.InputBlink = false }

// The view tests draw a fixed, hand-made comparison over hand-made
// documents, so that their golden files change only when the view does —
// not whenever the parser or the engine improves. Tests of real behaviour
// on the seeds live in compare_seeds_test.go.

// fixtureDoc builds a document of one section from paragraphs, each a list
// of sentences joined by single spaces.
func fixtureDoc(id, outlet, date, kind string, paras ...[]string) *corpus.Document {
	d := &corpus.Document{ID: id, File: id + ".txt", Title: "Title of " + id, Outlet: outlet, Published: date, Kind: kind}
	var sec corpus.Section
	for _, sents := range paras {
		b := corpus.Block{Kind: corpus.Paragraph}
		for i, s := range sents {
			if i > 0 {
				b.Text += " "
			}
			b.Sentences = append(b.Sentences, corpus.Sentence{Text: s, Start: len(b.Text), End: len(b.Text) + len(s)})
			b.Text += s
		}
		sec.Blocks = append(sec.Blocks, b)
	}
	d.Sections = []corpus.Section{sec}
	return d
}

func fixtureDocs() []*corpus.Document {
	return []*corpus.Document{
		fixtureDoc("000_interview", "rki.news", "2026-06-24", "interview",
			[]string{"Ambassador Aamer acknowledged these difficult moments."},
			[]string{"He noted that Pakistan and Iran share more than 900 kilometers of border, along with deep cultural, religious, and historical ties.", "These realities, he said, make long-term estrangement neither practical nor desirable."}),
		fixtureDoc("001_explainer", "", "", "explainer",
			[]string{"Islamabad received an official invitation to talks in Istanbul, Türkiye."}),
		fixtureDoc("002_commentary", "CUC / PRCCSF", "2026-04-18", "commentary",
			[]string{"Pakistan occupies a unique geopolitical position.", "It shares a 909 km long border with Iran and Iran was the first Muslim country to recognize Pakistan at the time of independence.", "Both are brothers and very good neighbors also."}),
		fixtureDoc("003_rcas", "RCAS", "2026-04-21", "commentary",
			[]string{"First, Pakistan benefits from deep-rooted historical and geopolitical ties with Iran.", "The two states share a long border, cultural linkages, and sustained diplomatic engagement since the mid-20th century."},
			[]string{"伊朗与巴基斯坦共享一条漫长的边界，两国之间有着深厚的文化联系和长期的外交往来。"}),
		fixtureDoc("004_oped", "Op-ed", "", "op-ed",
			[]string{"The summit concluded with a 60-day roadmap to produce a more comprehensive agreement."}),
	}
}

// fixtureMatch is the match for sentence s of block b of document doc,
// with the listed words marked as shared and facts attached.
func fixtureMatch(docs []*corpus.Document, doc, block, sent int, score float64, curated bool, shared []string, facts ...compare.FactMark) compare.Match {
	bl := docs[doc].Block(block)
	s := bl.Sentences[sent]
	m := compare.Match{Loc: corpus.Loc{Doc: doc, Block: block, Sentence: sent}, Text: s.Text, Context: bl.Text, Score: score, Curated: curated}
	for _, w := range shared {
		if i := strings.Index(s.Text, w); i >= 0 {
			m.Shared = append(m.Shared, w)
			m.Spans = append(m.Spans, corpus.Span{Start: i, End: i + len(w)})
		}
	}
	for _, f := range facts {
		if i := strings.Index(s.Text, f.Text); i >= 0 {
			f.Start, f.End = i, i+len(f.Text)
		}
		m.Facts = append(m.Facts, f)
	}
	return m
}

func fixtureResult(docs []*corpus.Document) compare.Result {
	query := docs[0].Block(1).Sentences[0].Text
	border := compare.Fact{Kind: compare.KindLength, Text: "more than 900 kilometers", Value: 900, Low: 900, Unit: "km", Qualifier: "more than"}
	return compare.Result{
		Query:  query,
		Origin: 0,
		Claim:  &compare.Claim{Label: "Pakistan and Iran share a long border", Curated: true},
		Sources: []compare.SourceResult{
			{Doc: 0, Origin: true, Matches: []compare.Match{fixtureMatch(docs, 0, 1, 0, 9, true, []string{"Pakistan", "Iran", "border"})}},
			{Doc: 1, Silent: true},
			{Doc: 2, Matches: []compare.Match{
				fixtureMatch(docs, 2, 0, 1, 7.5, true, []string{"border", "Iran"},
					compare.FactMark{Fact: compare.Fact{Kind: compare.KindLength, Text: "909 km", Value: 909, Low: 909, High: 909, Unit: "km"}, Relation: compare.Compatible, Against: &border}),
				fixtureMatch(docs, 2, 0, 0, 2.1, false, []string{"Pakistan"}),
			}},
			{Doc: 3, Matches: []compare.Match{
				fixtureMatch(docs, 3, 0, 1, 5.2, true, []string{"share", "border"}),
				fixtureMatch(docs, 3, 1, 0, 1.4, false, nil),
			}},
			{Doc: 4, Silent: true},
		},
	}
}
