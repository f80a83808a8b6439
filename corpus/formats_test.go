package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/corpus/formats/formatstest"
)

// loadOneFile loads a single fixture file through LoadPaths, as a user
// naming it would, and fails on any problem.
func loadOneFile(t *testing.T, path string) *Document {
	t.Helper()
	c, err := LoadPaths([]string{path}, LoadOptions{})
	if err != nil || len(c.Problems) > 0 || len(c.Docs) != 1 {
		t.Fatalf("%s: err %v, problems %v, %d docs", path, err, c.Problems, len(c.Docs))
	}
	d := c.Docs[0]
	for _, r := range d.Blocks() {
		cleanIsSafe(t, r.Block.Text)
	}
	return d
}

// allText is every string of a document a reader can see: headings,
// blocks and matter.
func allText(d *Document) string {
	var b strings.Builder
	b.WriteString(d.Title + "\n" + d.Subtitle + "\n")
	for _, s := range d.Sections {
		b.WriteString(s.Heading + "\n")
		for _, bl := range s.Blocks {
			b.WriteString(bl.Text + "\n")
		}
	}
	for _, m := range d.Matter {
		b.WriteString(m.Text + "\n")
	}
	return b.String()
}

// bodyOf is the headings and blocks only.
func bodyOf(d *Document) string {
	var b strings.Builder
	for _, s := range d.Sections {
		b.WriteString(s.Heading + "\n")
		for _, bl := range s.Blocks {
			b.WriteString(bl.Text + "\n")
		}
	}
	return b.String()
}

func kindsOf(d *Document) map[BlockKind]int {
	n := map[BlockKind]int{}
	for _, r := range d.Blocks() {
		n[r.Block.Kind]++
	}
	return n
}

func headings(d *Document) []string {
	var out []string
	for _, s := range d.Sections {
		if s.Heading != "" {
			out = append(out, s.Heading)
		}
	}
	return out
}

func checkMeta(t *testing.T, d *Document, title, author, date, outlet, url string) {
	t.Helper()
	got := []string{d.Title, d.Author, d.Published, d.Outlet, d.URL}
	want := []string{title, author, date, outlet, url}
	for i, f := range []string{"title", "author", "date", "outlet", "url"} {
		if got[i] != want[i] {
			t.Errorf("%s = %q, want %q", f, got[i], want[i])
		}
	}
}

func absent(t *testing.T, where, text string, clutter ...string) {
	t.Helper()
	for _, c := range clutter {
		if strings.Contains(text, c) {
			t.Errorf("%s holds %q", where, c)
		}
	}
}

func TestWebPage(t *testing.T) {
	d := loadOneFile(t, "formats/testdata/news.html")
	checkMeta(t, d, "Iran and US agree to second round of Islamabad talks", "Sara Malik, Tom Reyes", "2026-04-13",
		"The Daily Ledger", "https://www.dailyledger.example/world/2026/04/13/islamabad-talks-second-round")
	if d.Subtitle != "Negotiators leave Pakistan with a timetable but no deal on enrichment." {
		t.Errorf("subtitle %q", d.Subtitle)
	}
	if h := strings.Join(headings(d), "|"); h != "What was agreed|What remains open" {
		t.Errorf("headings %q", h)
	}
	k := kindsOf(d)
	if k[Paragraph] != 7 || k[ListItem] != 3 || k[Quote] != 1 || k[Caption] != 1 {
		t.Errorf("block kinds %v", k)
	}
	body := bodyOf(d)
	if !strings.Contains(body, "ISLAMABAD, April 13 — Iranian and American negotiators agreed") ||
		!strings.Contains(body, "Diplomats expect the expert groups to begin work in Geneva") {
		t.Errorf("body lacks the article's first or last paragraph:\n%s", body)
	}
	// Navigation, cookie banner, share bar, newsletter box, related
	// links, footer and scripts are gone, from the matter too.
	absent(t, "the document", allText(d), "cookies", "Facebook", "LinkedIn", "Subscribe", "Sign up", "newsletter",
		"Read more", "Why Pakistan became the venue", "Privacy policy", "All rights reserved", "dataLayer", "gtag", "font-family")
	// The byline and dateline are kept, as matter.
	if m := allText(d); !strings.Contains(m, "By Sara Malik and Tom Reyes") {
		t.Errorf("byline not kept as matter")
	}
	absent(t, "the body", body, "By Sara Malik", "4:52 PM")
}

func TestWebPageSavedAsText(t *testing.T) {
	raw, err := os.ReadFile("formats/testdata/news.html")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "page.txt")
	os.WriteFile(path, raw, 0o644)
	d := loadOneFile(t, path)
	if d.Title != "Iran and US agree to second round of Islamabad talks" {
		t.Errorf("title %q", d.Title)
	}
	absent(t, "the document", allText(d), "<p>", "<div", "</", "application/ld+json")
}

func TestPDFReport(t *testing.T) {
	d := loadOneFile(t, "formats/testdata/brief.pdf")
	// The text's own header wins over the information dictionary's
	// "Microsoft Word - brief7-final.docx".
	checkMeta(t, d, "After Islamabad: What the Second Round Must Settle", "Amina Qureshi, Daniel Okafor", "2026-04-20", "", "")
	if h := strings.Join(headings(d), "|"); h != "Recommendations" {
		t.Errorf("headings %q", h)
	}
	blocks := d.Blocks()
	if len(blocks) != 3 || kindsOf(d)[Paragraph] != 3 {
		t.Fatalf("%d blocks, kinds %v:\n%s", len(blocks), kindsOf(d), bodyOf(d))
	}
	// One paragraph across the page break; the word broken at a line
	// end made whole.
	if !strings.Contains(blocks[1].Block.Text, "neither side is ready to move first without guarantees") {
		t.Errorf("the paragraph across the page break is not one: %q", blocks[1].Block.Text)
	}
	if !strings.Contains(blocks[0].Block.Text, "rather than an agreement, and the hardest") {
		t.Errorf("hyphenation not undone: %q", blocks[0].Block.Text)
	}
	absent(t, "the document", allText(d), "Policy Brief 7", "Islamabad Process Review", "Page 1", "Page 2", "agree- ment", "Microsoft Word")
}

func TestEPUBBook(t *testing.T) {
	d := loadOneFile(t, "formats/testdata/book.epub")
	checkMeta(t, d, "Talking in Islamabad", "Nadia Rahman, Omar Siddiqui", "2026-05-02", "Margalla Press", "")
	// Spine order (the manifest lists the chapters the other way round),
	// each chapter a section with its heading: its own <h1>, or its title.
	if h := strings.Join(headings(d), "|"); h != "Chapter One: The Venue|Chapter Two: The Terms" {
		t.Errorf("headings %q", h)
	}
	if k := kindsOf(d); k[Paragraph] != 3 || k[ListItem] != 2 || k[Quote] != 1 {
		t.Errorf("block kinds %v", k)
	}
	if d.Sections[0].Level != 1 || d.Sections[1].Level != 1 {
		t.Errorf("chapter levels %d, %d", d.Sections[0].Level, d.Sections[1].Level)
	}
}

func TestWebCopiedText(t *testing.T) {
	d := loadOneFile(t, "testdata/formats/web.txt")
	// The dateline gives the date and is never the title.
	checkMeta(t, d, "Iran and US agree to second round of talks in Islamabad", "Parisa Hafezi, Humeyra Pamuk", "2026-04-13", "", "")
	body := bodyOf(d)
	if !strings.Contains(body, "cost £1.8m to host") || !strings.Contains(body, `described as "substantive"`) || !strings.Contains(body, "risqué") {
		t.Errorf("entities not decoded:\n%s", body)
	}
	if len(headings(d)) != 0 || len(d.Blocks()) != 2 {
		t.Errorf("headings %q, %d blocks:\n%s", headings(d), len(d.Blocks()), body)
	}
	absent(t, "the body", body, "Facebook", "cookies", "Reporting by", "Editing by", "Read Next", "Oil prices slip", "Updated 2 hours ago")
	back := ""
	for _, m := range d.Matter {
		if m.Kind == "back" {
			back += m.Text + "\n"
		}
	}
	if !strings.Contains(back, "Reporting by Parisa Hafezi") || !strings.Contains(back, "Oil prices slip") {
		t.Errorf("credit and tail not in the back matter:\n%s", back)
	}
}

// A page copied from a news site with its navigation above the headline
// and its "Related Topics" and cookie links below the article: the
// chrome is matter, the outlet line is the outlet.
func TestWebCopiedTextSiteChrome(t *testing.T) {
	for _, name := range []string{"webchrome.txt", "webchrome-nobyline.txt"} {
		t.Run(name, func(t *testing.T) {
			path := "testdata/formats/webchrome.txt"
			author := "Lyse Doucet"
			if name != "webchrome.txt" {
				// The same page without its byline, the menu above the
				// outlet line: the header is read line by line.
				raw, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				text := strings.Replace(string(raw), "By Lyse Doucet\n\n", "", 1)
				text = strings.Replace(text, "BBC News\n\nSign in\n\nHome News Sport Weather iPlayer Sounds Bitesize\n",
					"Sign in\nHome News Sport Weather iPlayer Sounds Bitesize\nBBC News\n", 1)
				if strings.Contains(text, "By Lyse") || !strings.Contains(text, "Bitesize\nBBC News\n") {
					t.Fatalf("fixture not rewritten:\n%s", text)
				}
				path = filepath.Join(t.TempDir(), name)
				if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				author = ""
			}
			d := loadOneFile(t, path)
			checkMeta(t, d, "Pakistan offers to host fresh round of Iran-US talks", author, "2026-04-13", "BBC News", "")
			body := bodyOf(d)
			if len(headings(d)) != 0 || len(d.Blocks()) != 3 || !strings.HasPrefix(strings.TrimSpace(body), "Pakistan has offered") ||
				!strings.Contains(body, "a ministry spokesman told reporters") {
				t.Errorf("headings %q, %d blocks:\n%s", headings(d), len(d.Blocks()), body)
			}
			absent(t, "the body", body, "Skip to content", "Sign in", "Home News", "Menu", "Search", "Related Topics",
				"More on this story", "Iran and US hold first talks", "Cookie", "cookies")
			var front, back string
			for _, m := range d.Matter {
				if m.Kind == "back" {
					back += m.Text + "\n"
				} else {
					front += m.Text + "\n"
				}
			}
			for _, s := range []string{"Skip to content", "Home News Sport Weather iPlayer Sounds Bitesize", "Menu", "Search"} {
				if !strings.Contains(front, s+"\n") {
					t.Errorf("%q not a line of the front matter:\n%s", s, front)
				}
			}
			for _, s := range []string{"Related Topics", "More on this story", "Cookie policy", "Accept cookies", "Manage cookies"} {
				if !strings.Contains(back, s+"\n") {
					t.Errorf("%q not a line of the back matter:\n%s", s, back)
				}
			}
		})
	}
}

func TestMarkdownTableAndCode(t *testing.T) {
	d := loadOneFile(t, "testdata/formats/table.md")
	checkMeta(t, d, "Where the talks stand", "Lena Fischer", "2026-04-21", "", "https://notes.example.org/islamabad/where-the-talks-stand")
	if len(headings(d)) != 0 {
		t.Errorf("code lines became headings: %q", headings(d))
	}
	var table, code []*Block
	for _, r := range d.Blocks() {
		switch r.Block.Kind {
		case Table:
			table = append(table, r.Block)
		case Preformatted:
			code = append(code, r.Block)
		}
	}
	if len(table) != 1 || len(table[0].Rows) != 5 || table[0].Rows[4][0] != "Venue | host" {
		t.Fatalf("tables %+v", table)
	}
	lines := strings.Split(table[0].Text, "\n")
	if len(lines) != 5 || len(table[0].Sentences) != 5 {
		t.Fatalf("table text %q, %d sentences", table[0].Text, len(table[0].Sentences))
	}
	// Aligned: the column separators stand at the same place on every row.
	col := strings.Index(lines[0], "│")
	for _, l := range lines {
		if strings.Index(l, "│") != col {
			t.Errorf("row not aligned: %q", l)
		}
	}
	if len(code) != 2 || code[0].Text != "# not a heading: a comment in the file\nround: 2\nvenue: Islamabad\n    indented: kept as written" ||
		code[1].Text != "$ parley talks/\n## also not a heading" {
		t.Errorf("code blocks %+v", code)
	}
}

func TestTextAndMarkdownExtensions(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.text"), []byte("A plain title\n\nThe body &amp; more.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.markdown"), []byte("---\ntitle: From front matter\nurl: https://x.example/b\n---\n\nBody.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil || len(c.Docs) != 4 || len(c.Problems) != 0 {
		t.Fatalf("err %v, %d docs, problems %v", err, len(c.Docs), c.Problems)
	}
	a, b, em, et := c.Docs[0], c.Docs[1], c.Docs[2], c.Docs[3]
	if a.Title != "A plain title" || !strings.Contains(bodyOf(a), "The body & more.") {
		t.Errorf(".text: %q %q", a.Title, bodyOf(a))
	}
	if b.Title != "From front matter" || b.URL != "https://x.example/b" {
		t.Errorf(".markdown: %q %q", b.Title, b.URL)
	}
	// An empty .md is titled by its name and noted as an empty .txt is.
	if em.Title != "empty" || strings.Join(em.Notes, "|") != strings.Join(et.Notes, "|") || len(em.Sections) != len(et.Sections) {
		t.Errorf("empty.md %q %q, empty.txt %q %q", em.Title, em.Notes, et.Title, et.Notes)
	}
}

func TestSkippedSummary(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"a.txt": "A title\n\nText.\n", "b.docx": "PK", "c.DOCX": "PK", "d.png": "\x89PNG",
		"bad.txt": "bin\x00ary", ".DS_Store": "x", "catalog.json": "{}"}
	for name, body := range files {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil || len(c.Docs) != 1 {
		t.Fatalf("err %v, %d docs", err, len(c.Docs))
	}
	if got := c.SkippedSummary(); got != "4 skipped: 2 .docx, 1 .png, 1 unreadable" {
		t.Errorf("summary %q", got)
	}
	if got := (&Corpus{}).SkippedSummary(); got != "" {
		t.Errorf("nothing skipped: %q", got)
	}
}

// A PDF whose text has no header takes its title and author from the
// information dictionary, when they say something.
func TestPDFInfoDictionary(t *testing.T) {
	body := formatstest.Page{
		"Sanctions relief is the question on which the second round of talks in Islamabad will turn,",
		"and both delegations have said as much in public over the past week, in almost the same words.",
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "named.pdf"), formatstest.PDF("", "Sanctions Relief Options", "Farah Javed", []formatstest.Page{body}), 0o644)
	os.WriteFile(filepath.Join(dir, "placeholder.pdf"), formatstest.PDF("", "Microsoft Word - draft3.docx", "", []formatstest.Page{body}), 0o644)
	c, err := LoadPaths([]string{dir}, LoadOptions{})
	if err != nil || len(c.Docs) != 2 {
		t.Fatalf("err %v, problems %v", err, c.Problems)
	}
	named, placeholder := c.Docs[0], c.Docs[1]
	if named.Title != "Sanctions Relief Options" || named.Author != "Farah Javed" || named.Published != "2026-04-20" {
		t.Errorf("named: %q %q %q", named.Title, named.Author, named.Published)
	}
	if placeholder.Title != "placeholder" {
		t.Errorf("a file name in the information dictionary became the title: %q", placeholder.Title)
	}
}
