package stories

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"parley/corpus"
	"parley/corpus/testcorpus"
)

// labels is testdata/bbc_stories.json: stories, articles alone and
// near duplicates of the BBC folder, labelled by reading the articles
// (its criterion is written in the file).
type labels struct {
	Criterion string `json:"criterion"`
	Stories   []struct {
		Name     string     `json:"name"`
		Entities [][]string `json:"entities"`
		Docs     []string   `json:"docs"`
		Not      []string   `json:"not"`
	} `json:"stories"`
	Alone []struct {
		Doc string `json:"doc"`
		Key string `json:"key"`
	} `json:"alone"`
	NearDuplicates [][2]string `json:"near_duplicates"`
}

func loadLabels(t *testing.T) labels {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "bbc_stories.json"))
	if err != nil {
		t.Fatal(err)
	}
	var l labels
	if err := json.Unmarshal(raw, &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// bbcFiles reads every BBC article's raw text once, by id
// ("business/001"), straight from the files.
var bbcFiles struct {
	once  sync.Once
	texts map[string]string
}

func bbcTexts(t *testing.T) map[string]string {
	t.Helper()
	dir := testcorpus.BBC()
	if dir == "" {
		t.Skip("BBC corpus not present beside the repository (../shared/corpora/bbc)")
	}
	bbcFiles.once.Do(func() {
		bbcFiles.texts = map[string]string{}
		paths, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			id := filepath.Base(filepath.Dir(p)) + "/" + strings.TrimSuffix(filepath.Base(p), ".txt")
			bbcFiles.texts[id] = string(raw)
		}
	})
	return bbcFiles.texts
}

// TestBBCLabelsHoldInSources checks the labelled set against the files:
// every article exists, every story member names the story's entities,
// every article alone holds a name no other article holds, and near
// duplicates really share nearly all their words.
func TestBBCLabelsHoldInSources(t *testing.T) {
	texts := bbcTexts(t)
	l := loadLabels(t)
	if !strings.Contains(l.Criterion, "concrete affair") {
		t.Error("the file does not state its criterion")
	}
	big, sections := 0, map[string]bool{}
	for _, s := range l.Stories {
		if len(s.Docs) >= 3 {
			big++
		}
		for _, d := range s.Docs {
			text, ok := texts[d]
			if !ok {
				t.Errorf("%s: no file %s", s.Name, d)
				continue
			}
			sections[strings.Split(d, "/")[0]] = true
			for _, alts := range s.Entities {
				if !containsAny(text, alts) {
					t.Errorf("%s: %s names none of %q", s.Name, d, alts)
				}
			}
		}
		for _, d := range s.Not {
			if _, ok := texts[d]; !ok {
				t.Errorf("%s: no file %s (hard negative)", s.Name, d)
			}
		}
	}
	if big < 20 || len(sections) < 5 {
		t.Errorf("%d stories of 3+ articles over %d sections; want 20 over 5", big, len(sections))
	}
	if len(l.Alone) < 30 {
		t.Errorf("%d articles alone, want 30", len(l.Alone))
	}
	for _, a := range l.Alone {
		for id, text := range texts {
			if has := strings.Contains(text, a.Key); has != (id == a.Doc) {
				t.Errorf("alone %s: key %q in %s: %v", a.Doc, a.Key, id, has)
			}
		}
	}
	for _, p := range l.NearDuplicates {
		if o := wordOverlap(texts[p[0]], texts[p[1]]); o < 0.8 {
			t.Errorf("near duplicates %s and %s share only %.2f of their words", p[0], p[1], o)
		}
	}
}

func containsAny(text string, alts []string) bool {
	for _, a := range alts {
		if strings.Contains(text, a) {
			return true
		}
	}
	return false
}

// wordOverlap is the share of the longer body's words (as a multiset)
// that the other body has too; the title line is left out.
func wordOverlap(a, b string) float64 {
	body := func(s string) []string {
		_, rest, _ := strings.Cut(s, "\n")
		return strings.Fields(rest)
	}
	wa, wb := body(a), body(b)
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	shared := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return float64(shared) / float64(max(len(wa), len(wb), 1))
}

// quality is the grouping measured against the labels.
type quality struct {
	precision, recall   float64
	predicted, truePos  int
	labelled            int
	dupFound, dupPairs  int
	dupExtra            int
	falsePairs, missing []string
}

// TestBBCStoriesQuality measures the grouping of BBC against the
// labelled set: pairwise precision and recall over the labelled
// articles, and the share of duplicate pairs found. The figures are in
// the README; the test fails only when they fall below what was
// measured when the set was made, so a change that loses quality shows.
func TestBBCStoriesQuality(t *testing.T) {
	docs, r := bbcResult(t)
	texts := bbcTexts(t)
	l := loadLabels(t)
	index := positions(docs)
	q := measure(l, texts, index, r)
	t.Logf("grouping: precision %.3f (%d of %d predicted pairs), recall %.3f (%d of %d labelled pairs)",
		q.precision, q.truePos, q.predicted, q.recall, q.truePos, q.labelled)
	t.Logf("duplicates: %d of %d labelled pairs found (%.3f); %d duplicates found beyond them",
		q.dupFound, q.dupPairs, float64(q.dupFound)/float64(q.dupPairs), q.dupExtra)
	for i, h := range []labels{l.half(0), l.half(1)} {
		hq := measure(h, texts, index, r)
		t.Logf("half %d of the stories and articles alone: precision %.3f, recall %.3f", i, hq.precision, hq.recall)
	}
	for _, s := range q.falsePairs {
		t.Logf("wrongly together: %s", s)
	}
	for _, s := range q.missing {
		t.Logf("wrongly apart: %s", s)
	}
	if q.precision < minPrecision || q.recall < minRecall || float64(q.dupFound) < minDuplicates*float64(q.dupPairs) {
		t.Errorf("quality fell below the measured floor (precision %.2f, recall %.2f, duplicates %.2f)", minPrecision, minRecall, minDuplicates)
	}
}

// The floors are the figures measured with the present grouping,
// rounded down; the targets of the issue are 0.9, 0.8 and 0.95.
const (
	minPrecision  = 0.92
	minRecall     = 0.84
	minDuplicates = 0.99
)

func measure(l labels, texts map[string]string, index map[string]int, r *Result) quality {
	var q quality
	storyOf := map[string]int{} // labelled story of each labelled article; alone ones get their own
	for si, s := range l.Stories {
		for _, d := range s.Docs {
			storyOf[d] = si
		}
	}
	for i, a := range l.Alone {
		storyOf[a.Doc] = len(l.Stories) + i
	}
	var ids []string
	for id := range storyOf {
		ids = append(ids, id)
	}
	pred := func(id string) int { return r.StoryOf[index[id]] }
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			a, b := ids[i], ids[j]
			same, guess := storyOf[a] == storyOf[b], pred(a) == pred(b)
			q.count(same, guess, a, b)
		}
	}
	for si, s := range l.Stories {
		for _, n := range s.Not {
			if _, counted := storyOf[n]; counted {
				continue // alone or in another story: its pairs are counted above
			}
			for _, d := range s.Docs {
				q.count(false, pred(n) == pred(d), d, n+" (not "+fmt.Sprint(si)+")")
			}
		}
	}
	q.precision = float64(q.truePos) / float64(max(q.predicted, 1))
	q.recall = float64(q.truePos) / float64(max(q.labelled, 1))
	q.dupFound, q.dupPairs, q.dupExtra = duplicatesFound(l, texts, index, r)
	return q
}

func (q *quality) count(same, guess bool, a, b string) {
	if guess {
		q.predicted++
	}
	if same {
		q.labelled++
	}
	switch {
	case same && guess:
		q.truePos++
	case guess:
		q.falsePairs = append(q.falsePairs, a+" + "+b)
	case same:
		q.missing = append(q.missing, a+" + "+b)
	}
}

// duplicatesFound counts the labelled duplicate pairs (exact copies
// found from the files, and the near ones listed) that the grouping
// marks as copies of one document, and the documents marked as copies
// beyond them.
func duplicatesFound(l labels, texts map[string]string, index map[string]int, r *Result) (found, pairs, extra int) {
	keptOf := func(id string) int {
		i := index[id]
		if k, ok := r.DuplicateOf[i]; ok {
			return k
		}
		return i
	}
	labelled := map[int]bool{}
	check := func(a, b string) {
		pairs++
		if keptOf(a) == keptOf(b) {
			found++
		}
		labelled[index[a]], labelled[index[b]] = true, true
	}
	byBody := map[string][]string{}
	for id, text := range texts {
		_, body, _ := strings.Cut(text, "\n")
		key := strings.Join(strings.Fields(body), " ")
		byBody[key] = append(byBody[key], id)
	}
	for _, ids := range byBody {
		for _, id := range ids[1:] {
			check(ids[0], id)
		}
	}
	for _, p := range l.NearDuplicates {
		check(p[0], p[1])
	}
	for d := range r.DuplicateOf {
		if !labelled[d] {
			extra++
		}
	}
	return found, pairs, extra
}

// positions is each document's position in docs, by id.
func positions(docs []*corpus.Document) map[string]int {
	index := make(map[string]int, len(docs))
	for i, d := range docs {
		index[d.ID] = i
	}
	return index
}
