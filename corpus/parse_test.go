package corpus

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// outline renders a document compactly: metadata, then one line per
// heading ("#"), block ("kind: text") and matter ("front|back: text").
func outline(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title=%s|sub=%s|author=%s|outlet=%s|date=%s|kind=%s\n", d.Title, d.Subtitle, d.Author, d.Outlet, d.Published, d.Kind)
	for _, s := range d.Sections {
		if s.Heading != "" {
			b.WriteString("# " + s.Heading + "\n")
		}
		for _, bl := range s.Blocks {
			b.WriteString(string(bl.Kind) + ": " + bl.Text + "\n")
		}
	}
	for _, m := range d.Matter {
		b.WriteString(m.Kind + ": " + m.Text + "\n")
	}
	return b.String()
}

func TestParseHeuristics(t *testing.T) {
	tests := []struct {
		name, file, in, want string
	}{
		{"headline then body", "a.txt", "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76%.\n",
			"title=Ad sales boost Time Warner profit|sub=|author=|outlet=|date=|kind=\nparagraph: Quarterly profits at US media giant TimeWarner jumped 76%.\n"},
		{"lower-case brand headline", "a.txt", "iTunes now selling Band Aid song\n\nIt sells well.\n",
			"title=iTunes now selling Band Aid song|sub=|author=|outlet=|date=|kind=\nparagraph: It sells well.\n"},
		{"page break mid sentence", "a.txt", "T\n\nThe strikes hit government sites\n\n\n\n12\n\nthat caused the death. Next.\n\nNew paragraph.\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: The strikes hit government sites that caused the death. Next.\nparagraph: New paragraph.\n"},
		{"form feed page break", "a.txt", "T\n\nThe strikes hit government sites\f\nthat caused the death.\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: The strikes hit government sites that caused the death.\n"},
		{"hard wrapped", "w.txt", strings.Repeat("A wrapped paragraph of prose that runs on for quite a while and.\nit keeps going to the end of the line on every line of it.\n", 5) + "\nSecond paragraph.\n",
			"title=w|sub=|author=|outlet=|date=|kind=\nparagraph: " + strings.TrimSpace(strings.Repeat("A wrapped paragraph of prose that runs on for quite a while and. it keeps going to the end of the line on every line of it. ", 5)) + "\nparagraph: Second paragraph.\n"},
		{"separator ends paragraph", "a.txt", "T\n\nA line that ends without a stop and\n\n* * *\n\nand a new scene.\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: A line that ends without a stop and\nparagraph: and a new scene.\n"},
		{"byline with two authors", "a.txt", "Big Story Here\n\nBy Dr. Ann Lee and Bo Chan, Staff Writers\n\nPublished: 3 May 2024\n\nThe body starts with a full sentence that runs on long enough to be body text for sure.\n",
			"title=Big Story Here|sub=|author=Ann Lee, Bo Chan|outlet=|date=2024-05-03|kind=\nparagraph: The body starts with a full sentence that runs on long enough to be body text for sure.\nfront: By Dr. Ann Lee and Bo Chan, Staff Writers\nfront: Published: 3 May 2024\n"},
		{"captions either order", "a.txt", "T\n\nBody text here.\n\nA man waves.\n\nA man waves..jpg\n\n▲ Crowds gather.\n\nMore body.\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: Body text here.\ncaption: A man waves.\ncaption: Crowds gather.\nparagraph: More body.\n"},
		{"lone file caption", "a.txt", "T\n\nBody.\n\nphoto_of_talks.png\n\nMore.\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: Body.\ncaption: photo_of_talks\nparagraph: More.\n"},
		{"headings and numbered items", "a.txt", "T\n\nIntro text.\n\nWhy It Matters\n\n1. First Numbered Heading\n\nText under it.\n\n2. A numbered sentence item.\n\nsmall lower case line\n\nEnd.\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: Intro text.\n# Why It Matters\n# 1. First Numbered Heading\nparagraph: Text under it.\nlist: 2. A numbered sentence item.\nparagraph: small lower case line\nparagraph: End.\n"},
		{"markdown", "n.md", "# Title Here\n\n## Part One\n\n> quoted line one\n> and two\n\n- **bold** item\n* second item\n\nText with *italic*.\n",
			"title=Title Here|sub=|author=|outlet=|date=|kind=\n# Part One\nquote: quoted line one and two\nlist: bold item\nlist: second item\nparagraph: Text with italic.\n"},
		{"author note and handle", "a.txt", "T\n\nOpinion text that is the body of it.\n\nThe writer is a columnist. He tweets @some_one\n",
			"title=T|sub=|author=@some_one|outlet=|date=|kind=op-ed\nparagraph: Opinion text that is the body of it.\nback: The writer is a columnist. He tweets @some_one\n"},
		{"outlet label and about section", "a.txt", "Dawn Opinion\n\nThe Headline Here\n\nJane Roe\n\nSenior Fellow, Policy Institute\n\nJune 1, 2025\n\nAbout Dawn\n\nDawn is a paper.\n\nThe Headline Here\n\nJane Roe\n\nBody sentence one. Body sentence two.\n\nAbout the Author\n\nJane writes.\n",
			"title=The Headline Here|sub=|author=Jane Roe|outlet=Dawn|date=2025-06-01|kind=op-ed\nparagraph: Body sentence one. Body sentence two.\nfront: Dawn Opinion\nfront: Senior Fellow, Policy Institute\nfront: June 1, 2025\nfront: About Dawn\nfront: Dawn is a paper.\nback: About the Author\nback: Jane writes.\n"},
		{"first section heading is no subtitle", "a.txt", "My Report\n\nBackground\n\nSome text of the body here.\n\n78,000\n\nMore.\n",
			"title=My Report|sub=|author=|outlet=|date=|kind=\n# Background\nparagraph: Some text of the body here.\nparagraph: 78,000\nparagraph: More.\n"},
		{"domain in a headline", "a.txt", "Amazon.com profits rise\n\nThe retailer did well this year.\n",
			"title=Amazon.com profits rise|sub=|author=|outlet=|date=|kind=\nparagraph: The retailer did well this year.\n"},
		{"publication words in body sentences", "a.txt", "T\n\nBody.\n\nPublished on Monday, the report was read widely.\n\nFirst published in Lahore, the poem spread.\n\nCopyright 2024 Example Media\n",
			"title=T|sub=|author=|outlet=|date=|kind=\nparagraph: Body.\nparagraph: Published on Monday, the report was read widely.\nparagraph: First published in Lahore, the poem spread.\nback: Copyright 2024 Example Media\n"},
		{"no title", "untitled.txt", "This opening line is a long sentence of body text, not a headline at all, since it runs on.\n",
			"title=untitled|sub=|author=|outlet=|date=|kind=\nparagraph: This opening line is a long sentence of body text, not a headline at all, since it runs on.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := outline(Parse(tt.file, []byte(tt.in)))
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	d := Parse("x.md", []byte("---\ntitle: \"T: a \\x1b test\"\nauthors:\n  - A One\n  - B Two\ndate: 2024-02-29\npublisher: Pub\nkind: Explainer\n---\nBody.\n"))
	got := []string{d.Title, d.Author, d.Published, d.Outlet, d.Kind}
	if want := []string{"T: a ^[ test", "A One, B Two", "2024-02-29", "Pub", "explainer"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	// Authors written as mappings (Hugo, Jekyll) are their names; a
	// list is never printed as Go's "[a b]".
	d = Parse("m.md", []byte("---\ntitle: [A, B]\nauthors: [{name: A One}, {name: B Two, email: b@x.y}]\n---\nBody.\n"))
	if d.Title != "A, B" || d.Author != "A One, B Two" {
		t.Errorf("mappings and lists: title %q, author %q", d.Title, d.Author)
	}
	if d := Parse("n.md", []byte("---\nauthor: {name: Sam Lee, email: s@x.y}\n---\nBody.\n")); d.Author != "Sam Lee" {
		t.Errorf("author mapping: %q", d.Author)
	}
	if d := Parse("b.md", []byte("---\ntitle: |\n  Line one\n  Line two\n---\nBody.\n")); d.Title != "Line one Line two" {
		t.Errorf("block scalar title %q", d.Title)
	}
	// TOML front matter, as Hugo writes it.
	d = Parse("h.md", []byte("+++\ntitle = \"Hugo post\"\ndate = 2024-03-05T10:00:00+01:00\nauthors = [\"Ann\", \"Bob\"]\n[params]\nx = 1\n+++\n\nBody.\n"))
	if got := []string{d.Title, d.Author, d.Published}; !slices.Equal(got, []string{"Hugo post", "Ann, Bob", "2024-03-05"}) {
		t.Errorf("TOML front matter: %q", got)
	}
	if d := Parse("t.md", []byte("+++\ntitle = \"unclosed\n+++\nText.\n")); !slices.ContainsFunc(d.Notes, func(n string) bool { return strings.Contains(n, "not valid TOML") }) {
		t.Errorf("bad TOML not noted: %q", d.Notes)
	}
	bad := Parse("y.md", []byte("---\ntitle: [unclosed\n---\nText.\n"))
	if !slices.ContainsFunc(bad.Notes, func(n string) bool { return strings.Contains(n, "not valid YAML") }) {
		t.Errorf("bad YAML not noted: %q", bad.Notes)
	}
	// A .txt file's dashes are not front matter.
	if d := Parse("z.txt", []byte("---\ntitle: no\n---\nHeadline\n\nBody.\n")); d.Title == "no" {
		t.Errorf("front matter read from a .txt file")
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{
		"Published on June 24, 2026":            "2026-06-24",
		"Published on 18th April 2026":          "2026-04-18",
		"Document Date: Wed, Jun 24 2026 09:51": "2026-06-24",
		"April.20, 2026":                        "2026-04-20",
		"2025-12-01T10:00":                      "2025-12-01",
		"1st of May":                            "",
		"May we meet in 2026":                   "",
		"31 February 2026":                      "",
	} {
		if got := parseDate(in); got != want {
			t.Errorf("parseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEmphasis(t *testing.T) {
	tests := []struct {
		in, text string
		spans    []Span
	}{
		{"a **bold** b", "a bold b", []Span{{2, 6}}},
		{"*it* and **bo**", "it and bo", []Span{{0, 2}, {7, 9}}},
		{"2*3*4 stays", "2*3*4 stays", nil},
		{"** not bold **", "** not bold **", nil},
		{"unclosed *star", "unclosed *star", nil},
		{"[Click Here](#) and [site](http://x.y)", "Click Here and site (http://x.y)", nil},
		{"see <http://www.rcas.top>.", "see http://www.rcas.top.", nil},
	}
	for _, tt := range tests {
		text, spans := stripInline(tt.in)
		if text != tt.text || !slices.Equal(spans, tt.spans) {
			t.Errorf("stripInline(%q) = %q %v, want %q %v", tt.in, text, spans, tt.text, tt.spans)
		}
	}
}

// In Markdown an HTML comment shows nothing and a line of images shows
// their alt text: neither is the title, and a figure's alt text is kept
// as a caption.
func TestMarkdownCommentsAndImages(t *testing.T) {
	d := Parse("r.md", []byte("<!-- markdownlint-disable -->\n[![Build](https://x/b.svg)](https://x) ![Go](g.svg)\n\n# The Title\n\nIntro.\n\n![A chart of rainfall](chart.png)\n\n![](deco.png)\n\nEnd.\n"))
	if d.Title != "The Title" {
		t.Errorf("title %q", d.Title)
	}
	var caption string
	for _, b := range d.Blocks() {
		if b.Block.Kind == Caption {
			caption = b.Block.Text
		}
		if strings.Contains(b.Block.Text, "deco.png") || strings.Contains(b.Block.Text, "<!--") {
			t.Errorf("block %q", b.Block.Text)
		}
	}
	if caption != "A chart of rainfall" {
		t.Errorf("caption %q", caption)
	}
	if len(d.Matter) == 0 || d.Matter[0].Text != "Build · Go" {
		t.Errorf("matter %+v", d.Matter)
	}
}
