package export

import (
	"bytes"
	"fmt"
	"testing"
	"testing/fstest"

	"github.com/charmbracelet/x/exp/golden"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/stories"
	seedfiles "parley/seeds"
)

// The search, compare and claims outputs, byte for byte, on the seeds
// (with their shipped claims and one of the user's) and on a folder with
// two files of one name, a copy, a fact two sources state differently, Markdown
// characters in a title, and a story of more sources than a coverage row
// draws marks for. Run with -update to write the goldens again after a
// change meant to alter the output.

// seedsLayer is the seeds' shipped claims, as claimsfile lays them, and a
// claim of the user's.
func seedsLayer(t *testing.T, c *corpus.Corpus) []compare.CuratedClaim {
	t.Helper()
	shipped, err := compare.LoadCurated(seedfiles.FS)
	if err != nil {
		t.Fatal(err)
	}
	d := c.Docs[1]
	user := compare.CuratedClaim{Label: "An invitation to Istanbul", Origin: compare.OriginUser,
		Quotes: map[string][]string{d.ID: {d.Sections[0].Blocks[0].Sentences[0].Text}}}
	out := []compare.CuratedClaim{user}
	for _, s := range shipped {
		s.Origin = compare.OriginShipped
		out = append(out, s)
	}
	return out
}

// outputFolder is a small folder of sources, loaded from memory so that
// the paths in the output are the same on every machine.
func outputFolder(t *testing.T) *corpus.Corpus {
	t.Helper()
	harbour := []byte("Harbour reopens\n\nThe old harbour of Kestrel Bay reopened on Monday after dredging removed 4 million tonnes of silt.\n\nThe mayor of Kestrel Bay thanked the dredging crews.\n")
	fsys := fstest.MapFS{
		"news/001.txt":     {Data: harbour},
		"wire/harbour.txt": {Data: harbour}, // a copy
		"sport/001.txt":    {Data: []byte("Harbour race\n\nRowers raced across the old harbour of Kestrel Bay, reopened on Monday after the dredging.\n\nDredging removed 3 million tonnes of silt from the harbour of Kestrel Bay.\n")},
		"news/002.md":      {Data: []byte("---\ntitle: A *bold* [claim] about <Kestrel> #1 | harbour_news\noutlet: Bay `Courier`\ndate: 2026-03-02\nurl: https://example.org/kestrel\n---\n\nDredging of the Kestrel Bay harbour removed 4 million tonnes of silt, and the harbour reopened on Monday.\n\nThe mayor of Kestrel Bay thanked the dredging crews.\n")},
	}
	// Fifteen notes of one story, each with a paragraph of its own so
	// that none is a copy of another.
	topics := []string{"beekeeping hives", "irrigation ditches", "frost candles", "cider pressing", "ladder safety",
		"grafting knives", "hedge planting", "compost heaps", "fencing repairs", "market stalls", "school visits",
		"rainwater tanks", "mowing rotas", "bird boxes", "pest traps"}
	for i, topic := range topics {
		fsys[fmt.Sprintf("misc/%03d.txt", i+3)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"Orchard note %d\n\nThe Larkspur orchard committee met to discuss apple varieties and winter pruning.\n\n"+
				"The Larkspur orchard committee planted %d new pear trees this spring.\n\n"+
				"Volunteers spent the afternoon on %s, a task the committee set aside for week %d of the season.\n",
			i+3, 10+i%3, topic, i+1))}
	}
	c, err := corpus.LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// output runs f into a buffer and compares the bytes with the golden.
func output(t *testing.T, f func(*bytes.Buffer) error) {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, buf.Bytes())
}

func TestGoldenSearchOutput(t *testing.T) {
	s, folder := seeds(t), outputFolder(t)
	cases := []struct {
		name  string
		c     *corpus.Corpus
		query string
		opts  SearchOptions
	}{
		{"seeds_text", s, "islamabad talks", SearchOptions{Limit: 20}},
		{"seeds_json", s, "hormuz", SearchOptions{JSON: true, Limit: 5}},
		{"seeds_none", s, "zzqqxx", SearchOptions{Limit: 5}},
		{"folder_text", folder, "harbour", SearchOptions{}},
		{"folder_json", folder, "'kestrel bay", SearchOptions{JSON: true, Limit: 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			output(t, func(b *bytes.Buffer) error { return RunSearch(b, tc.c, tc.query, tc.opts) })
		})
	}
}

func TestGoldenCompareOutput(t *testing.T) {
	s, folder := seeds(t), outputFolder(t)
	curated := seedsLayer(t, s)
	sentence := s.Docs[3].Sections[0].Blocks[3].Sentences[0].Text
	harbour := docNamed(t, folder, "news/001.txt").Sections[0].Blocks[0].Sentences[0].Text
	cases := []struct {
		name string
		c    *corpus.Corpus
		text string
		opts CompareOptions
	}{
		{"seeds_typed_text", s, "Pakistan hosted the talks", CompareOptions{CommandOptions: compare.CommandOptions{Top: 2, Curated: curated}}},
		{"seeds_typed_json", s, "Pakistan hosted the talks", CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Top: 2, Curated: curated}}},
		{"seeds_typed_markdown", s, "Pakistan hosted the talks", CompareOptions{Markdown: true, CommandOptions: compare.CommandOptions{Top: 2, Curated: curated}}},
		{"seeds_sentence_text", s, sentence, CompareOptions{CommandOptions: compare.CommandOptions{Top: 1, Curated: curated}}},
		{"seeds_sentence_markdown", s, sentence, CompareOptions{Markdown: true, CommandOptions: compare.CommandOptions{Top: 1, Curated: curated}}},
		{"seeds_user_claim_text", s, "An invitation to Istanbul", CompareOptions{CommandOptions: compare.CommandOptions{Top: 1, Curated: curated}}},
		{"seeds_engine_only_json", s, "the ceasefire held", CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Top: 3, EngineOnly: true}}},
		{"folder_all_text", folder, harbour, CompareOptions{CommandOptions: compare.CommandOptions{Top: 1, All: true}}},
		{"folder_all_json", folder, harbour, CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Top: 1, All: true}}},
		{"folder_all_markdown", folder, harbour, CompareOptions{Markdown: true, CommandOptions: compare.CommandOptions{Top: 1, All: true}}},
		{"folder_story_text", folder, "pear trees", CompareOptions{CommandOptions: compare.CommandOptions{Top: 1, Story: storyOf(folder, 5)}}},
		{"folder_typed_text", folder, "dredging removed silt", CompareOptions{CommandOptions: compare.CommandOptions{Top: 2}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			output(t, func(b *bytes.Buffer) error { return RunCompare(b, tc.c, tc.text, tc.opts) })
		})
	}
}

func TestGoldenClaimsOutput(t *testing.T) {
	s, folder := seeds(t), outputFolder(t)
	curated := seedsLayer(t, s)
	cases := []struct {
		name string
		c    *corpus.Corpus
		opts CompareOptions
	}{
		{"seeds_text", s, CompareOptions{CommandOptions: compare.CommandOptions{Curated: curated}}},
		{"seeds_json", s, CompareOptions{JSON: true, CommandOptions: compare.CommandOptions{Curated: curated}}},
		{"seeds_markdown", s, CompareOptions{Markdown: true, CommandOptions: compare.CommandOptions{Curated: curated}}},
		{"folder_text", folder, CompareOptions{}},
		{"folder_json", folder, CompareOptions{JSON: true}},
		{"folder_markdown", folder, CompareOptions{Markdown: true}},
		{"folder_story_text", folder, CompareOptions{CommandOptions: compare.CommandOptions{Story: storyOf(folder, 0)}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			output(t, func(b *bytes.Buffer) error { return RunClaims(b, tc.c, tc.opts) })
		})
	}
}

// The Markdown the interface exports: a comparison, and the claims'
// coverage table with marks (the seeds) and with counts (a story of more
// sources than MaxCoverageMarks).
func TestGoldenInterfaceMarkdown(t *testing.T) {
	s, folder := seeds(t), outputFolder(t)
	ix := compare.Build(s.Docs, compare.Options{Curated: seedsLayer(t, s)})
	t.Run("compare", func(t *testing.T) {
		r := ix.Compare("Pakistan hosted the talks", compare.QueryOptions{Top: 2})
		output(t, func(b *bytes.Buffer) error { return WriteCompareMarkdown(b, s.Docs, r) })
	})
	t.Run("claims", func(t *testing.T) {
		output(t, func(b *bytes.Buffer) error { return WriteClaimsMarkdown(b, s.Docs, ix.Claims()) })
	})
	t.Run("coverage_marks", func(t *testing.T) {
		output(t, func(b *bytes.Buffer) error { return WriteCoverageMarkdown(b, s.Docs, nil, ix.Claims()) })
	})
	t.Run("coverage_counts", func(t *testing.T) {
		sets := compare.NewSets(folder.Docs, stories.Group(folder.Docs), compare.Options{})
		sc := sets.StoryOf(5)
		output(t, func(b *bytes.Buffer) error {
			return WriteCoverageMarkdown(b, folder.Docs, sc.Set, sc.Claims())
		})
	})
}

// docNamed is the document of folder loaded from path.
func docNamed(t *testing.T, c *corpus.Corpus, path string) *corpus.Document {
	t.Helper()
	for _, d := range c.Docs {
		if d.Path == path {
			return d
		}
	}
	t.Fatalf("no document %s", path)
	return nil
}

// storyOf is the ID of document doc's story.
func storyOf(c *corpus.Corpus, doc int) string {
	r := stories.Group(c.Docs)
	return r.Stories[r.StoryOf[doc]].ID
}
