package export

import (
	"bytes"
	"strings"
	"testing"

	"parley/corpus"
	"parley/corpus/compare"
)

// locOf is the place of the first sentence of the document with ID
// prefix that holds fragment.
func locOf(t *testing.T, docs []*corpus.Document, prefix, fragment string) corpus.Loc {
	t.Helper()
	locs := compare.ResolveQuote(docs, compare.DocByPrefix(docs, prefix), fragment)
	if len(locs) == 0 {
		t.Fatalf("%s: no sentence contains %q", prefix, fragment)
	}
	return locs[0]
}

// borderMarkdown is the Markdown of the seeds compared with 000's
// sentence on the border, engine only.
func borderMarkdown(t *testing.T) ([]*corpus.Document, *compare.Index, compare.Result, string) {
	t.Helper()
	docs := seeds(t).Docs
	ix := compare.Build(docs, compare.Options{EngineOnly: true})
	r := ix.CompareLoc(locOf(t, docs, "000", "more than 900 kilometers of border"), compare.QueryOptions{Top: 1})
	var buf bytes.Buffer
	if err := WriteCompareMarkdown(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	return docs, ix, r, buf.String()
}

// A source is named as a report cites it (outlet, title, date), with the
// file it was read from after the name and apart from it; a quote names
// its source; the silent sources and the claims are named the same way.
func TestMarkdownNamesSourcesByTitle(t *testing.T) {
	docs, ix, _, md := borderMarkdown(t)
	var buf bytes.Buffer
	for _, want := range []string{
		"### rki.news — “When Diplomacy Opened the Door”, 2026-06-24 *(origin)*\n\nFile: `000_ebe08a8e75726387.txt`\n\n",
		"### Institute for a Community with Shared Future — “Pakistan’s Diplomatic Moment: The Islamabad Peace Process and a Race to Prevent a Wider War”, 2026-04-18\n\nFile: `002_9690ed19ebd18b97.txt`\n\n",
		"— Institute for a Community with Shared Future, block 4, sentence 1",
		"- “Pakistan Strategic Invitation” (`001_3cf63f139cab5d6f.txt`)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	// No heading or list item begins with a file name.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "### `") || strings.HasPrefix(line, "- `") || strings.HasPrefix(line, "### 00") {
			t.Errorf("a source is named by its file: %q", line)
		}
	}

	buf.Reset()
	if err := WriteClaimsMarkdown(&buf, docs, ix.Claims()); err != nil {
		t.Fatal(err)
	}
	if want := "**rki.news — “When Diplomacy Opened the Door”, 2026-06-24** (`000_ebe08a8e75726387.txt`)"; !strings.Contains(buf.String(), want) {
		t.Errorf("claims markdown lacks %q:\n%s", want, buf.String())
	}
}

// Without an outlet or a title the file is all there is to name a source
// by; file names shared by two documents are told apart; Markdown in
// names is escaped and a backtick cannot end the file's code span.
func TestMarkdownSourceNameFallbacks(t *testing.T) {
	doc := func(id, file, title, outlet, date string) *corpus.Document {
		return &corpus.Document{ID: id, File: file, Title: title, Outlet: outlet, Published: date}
	}
	cases := []struct {
		d          *corpus.Document
		name, shrt string
	}{
		{doc("a", "a.txt", "Talks *resume*", "The_Times", "2026-04-12"), "The\\_Times — “Talks \\*resume\\*”, 2026-04-12", "The\\_Times"},
		{doc("b", "b.txt", "Only a title", "", ""), "“Only a title”", "“Only a title”"},
		{doc("c", "c`x.txt", "", "", "2026-01-02"), "`c'x.txt`, 2026-01-02", "`c'x.txt`"},
	}
	for _, c := range cases {
		if got := sourceName(c.d); got != c.name {
			t.Errorf("sourceName(%s) = %q, want %q", c.d.File, got, c.name)
		}
		if got := shortName(c.d); got != c.shrt {
			t.Errorf("shortName(%s) = %q, want %q", c.d.File, got, c.shrt)
		}
	}

	docs := []*corpus.Document{doc("news/001", "001.txt", "Harbour reopens", "", ""), doc("sport/001", "001.txt", "Harbour race", "", "")}
	r := compare.Result{Query: "harbour", Origin: -1, Sources: []compare.SourceResult{
		{Doc: 0, Matches: []compare.Match{{Loc: corpus.Loc{Doc: 0}, Text: "The harbour reopened.", Score: 1}}},
		{Doc: 1, Silent: true},
	}}
	var buf bytes.Buffer
	if err := WriteCompareMarkdown(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"### “Harbour reopens”\n\nFile: `news/001.txt`", "- “Harbour race” (`sport/001.txt`)", "— “Harbour reopens”, block 0, sentence 0"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, buf.String())
		}
	}
}

// The comparison as Markdown: the query, each speaking source with its
// quotes and fact marks, the origin first, then the silent sources.
func TestMarkdownExport(t *testing.T) {
	_, _, r, md := borderMarkdown(t)
	for _, want := range []string{"## Compare:", "> It shares a 909 km long border", "≈ **909 km** — compatible with “more than 900 kilometers”", "### Silent on this point", "(origin)"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	// A section for each source that speaks, the origin first, then one
	// listing the silent sources, one line each.
	speaking, silent := compare.SpeakingOrder(r)
	if got := strings.Count(md, "### "); got != len(speaking)+1 {
		t.Errorf("%d sections, want %d speaking sources and one for the silent:\n%s", got, len(speaking), md)
	}
	if len(silent) == 0 || strings.Count(md, "\n- ") < len(silent) {
		t.Errorf("the %d silent sources are not each listed:\n%s", len(silent), md)
	}
	if strings.Index(md, "(origin)") > strings.Index(md, "> It shares a 909 km") {
		t.Errorf("the origin does not come first:\n%s", md)
	}
}
