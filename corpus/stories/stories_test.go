package stories

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"parley/corpus"
)

func seedDocs(t *testing.T) []*corpus.Document {
	t.Helper()
	c, err := corpus.LoadSeeds()
	if err != nil {
		t.Fatal(err)
	}
	return c.Docs
}

func TestSeedsAreOneStory(t *testing.T) {
	docs := seedDocs(t)
	r := Group(docs)
	if len(r.Stories) != 1 || len(r.Stories[0].Docs) != len(docs) {
		t.Fatalf("want the %d seeds as one story, got %d stories: %+v", len(docs), len(r.Stories), r.Stories)
	}
	s := r.Stories[0]
	if s.Label == "" || s.ID == "" {
		t.Errorf("story without label or ID: %+v", s)
	}
	if s.First == "" || s.Last < s.First {
		t.Errorf("date span %q–%q", s.First, s.Last)
	}
	if len(r.DuplicateOf) != 0 {
		t.Errorf("seeds have no copies, got %v", r.DuplicateOf)
	}
}

// article builds a small parsed document.
func article(id, title string, paras ...string) *corpus.Document {
	d := corpus.Parse(id+".txt", []byte(title+"\n\n"+strings.Join(paras, "\n\n")+"\n"))
	d.ID = id
	return d
}

func TestCopiesAndNearCopies(t *testing.T) {
	body := []string{
		"The Zorvan Mining Company agreed on Tuesday to buy the Kettlewick smelter from Brannock Holdings for an undisclosed sum.",
		"Zorvan chief executive Aldous Pemberly said the Kettlewick plant would keep its 400 workers and its name.",
		"Brannock had put the smelter up for sale last year after losses at its Ostrava copper business.",
		"Analysts at Fenwright Securities said the price was likely to be close to the value Brannock put on the plant in March.",
	}
	near := slices.Clone(body)
	near[1] = strings.Replace(near[1], "400 workers", "four hundred workers", 1)
	other := []string{
		"The Quillon football club sacked its manager Desmond Arkwright after a fifth defeat in a row on Saturday.",
		"Quillon chairman Rupert Vane said a new manager would be named before the cup tie against Harrowgate.",
	}
	docs := []*corpus.Document{
		article("a/1", "Zorvan buys Kettlewick smelter", body...),
		article("a/2", "Quillon sack Arkwright", other...),
		article("a/3", "Zorvan to buy smelter", body...), // same body, another title
		article("a/4", "Zorvan buys Kettlewick plant", near...),
	}
	r := Group(docs)
	want := map[int]int{2: 0, 3: 0}
	if !reflect.DeepEqual(r.DuplicateOf, want) {
		t.Fatalf("DuplicateOf = %v, want %v", r.DuplicateOf, want)
	}
	if !reflect.DeepEqual(r.Copies[0], []int{2, 3}) {
		t.Errorf("Copies[0] = %v", r.Copies[0])
	}
	if r.StoryOf[2] != r.StoryOf[0] || r.StoryOf[3] != r.StoryOf[0] || r.StoryOf[1] == r.StoryOf[0] {
		t.Errorf("StoryOf = %v", r.StoryOf)
	}
	for _, s := range r.Stories {
		for _, d := range s.Docs {
			if _, dup := r.DuplicateOf[d]; dup {
				t.Errorf("story %s lists the duplicate %d", s.ID, d)
			}
		}
	}
	if got := r.Sources(r.StoryOf[0]); !reflect.DeepEqual(got, []int{0, 2, 3}) {
		t.Errorf("Sources = %v", got)
	}
}

func TestStableIDs(t *testing.T) {
	docs := seedDocs(t)
	a, b := Group(docs), Group(docs)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs on the same corpus differ")
	}
	if a.Find(a.Stories[0].ID) != 0 || a.Find("no-such-story") != -1 {
		t.Error("Find does not find the story by its ID")
	}
}

func TestUniqueIDs(t *testing.T) {
	used := map[string]int{}
	var got []string
	for _, base := range []string{"a", "a", "a-2", "a"} {
		got = append(got, uniqueID(base, used))
	}
	if fmt.Sprint(got) != "[a a-2 a-2-2 a-3]" {
		t.Errorf("uniqueID gave %v", got)
	}
}

// No documents, empty ones and ones without a word group without a
// panic: each empty document is a story of its own, never a copy.
func TestEmptyAndWordless(t *testing.T) {
	if r := Group(nil); len(r.Stories) != 0 || len(r.StoryOf) != 0 {
		t.Errorf("no documents: %+v", r)
	}
	docs := []*corpus.Document{
		article("e/1", ""),
		article("e/2", ""),
		article("e/3", "1984", "2004 - 2005: 12, 13."),
		article("e/4", "1984", "2004 - 2005: 12, 13."),
	}
	r := Group(docs)
	if len(r.StoryOf) != 4 {
		t.Fatalf("StoryOf = %v", r.StoryOf)
	}
	if _, dup := r.DuplicateOf[1]; dup {
		t.Error("an empty body is marked a copy")
	}
	if r.DuplicateOf[3] != 2 {
		t.Errorf("two bodies of the same numbers are not copies: %v", r.DuplicateOf)
	}
	for _, s := range r.Stories {
		if s.ID == "" {
			t.Errorf("story without an ID: %+v", s)
		}
	}
}

// Bodies longer than sampleBytes are compared on a sample of their word
// triples: two long near copies are still found, and a long body is not
// taken for a copy of another long body on the same topic.
func TestLongNearCopiesSampled(t *testing.T) {
	long := func(seed int, n int) []string {
		var paras []string
		size := 0
		for i := 0; size < n; i++ {
			p := fmt.Sprintf("Report %d of the Zorvan hearing: witness %d told the Kettlewick inquiry that smelter batch %d left the plant on day %d.", i, i*seed%977, i*7+seed, i%31)
			paras = append(paras, p)
			size += len(p) + 2
		}
		return paras
	}
	a := long(3, 2*sampleBytes)
	near := slices.Clone(a)
	for i := 0; i < len(near); i += 50 {
		near[i] = strings.Replace(near[i], "witness", "a witness", 1)
	}
	other := long(11, 2*sampleBytes)
	docs := []*corpus.Document{
		article("a", "Zorvan hearing", a...),
		article("b", "Zorvan hearing", near...),
		article("c", "Zorvan hearing", other...),
	}
	if s := shingles(docs[0]); !s.sampled || len(s.m) == 0 {
		t.Fatalf("a body of over %d bytes: sampled %v, %d triples kept", sampleBytes, s.sampled, len(s.m))
	}
	r := Group(docs)
	if keep, ok := r.DuplicateOf[1]; !ok || keep != 0 {
		t.Errorf("long near copy: DuplicateOf = %v, want b as a copy of a", r.DuplicateOf)
	}
	if _, ok := r.DuplicateOf[2]; ok {
		t.Errorf("a long body with other numbers taken for a copy: %v", r.DuplicateOf)
	}
	short := shingles(article("d", "Zorvan hearing", a[:3]...))
	if short.sampled || len(short.sample().m) >= len(short.m) {
		t.Errorf("a short body keeps all its triples, its sample fewer: sampled %v, %d and %d", short.sampled, len(short.m), len(short.sample().m))
	}
}
