package corpus

import (
	"os"
	"strings"
	"testing"
	"time"

	"parley/corpus/formats"
)

// Fuzz targets for each format's entry point, through parseFile as a
// loaded file goes: no panic, no hang past the budget, and nothing
// unclean in the document. Seeds: the fixtures in formats/testdata and
// the cases below; the default `go test` runs only the seeds.
//   go test ./corpus -run '^$' -fuzz FuzzHTML -fuzztime 30s   (also FuzzPDF, FuzzEPUB, FuzzMarkdown)

func fuzzFormat(f *testing.F, name string, fixtures []string, seeds ...string) {
	for _, p := range fixtures {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
			f.Add(data[:len(data)*2/3])
		}
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	old := formats.Budget
	formats.Budget = 5 * time.Second
	f.Cleanup(func() { formats.Budget = old })
	f.Fuzz(func(t *testing.T, raw []byte) {
		d, err := parseFile(name, raw, MaxFileSize, nil)
		if err != nil {
			return
		}
		for _, s := range []string{d.Title, d.Subtitle, d.Outlet, d.Author, d.Published, d.URL} {
			cleanIsSafe(t, s)
			if strings.Contains(s, "\n") {
				t.Fatalf("a line break in metadata %q", s)
			}
		}
		for _, r := range d.Blocks() {
			cleanIsSafe(t, r.Block.Text)
			for _, row := range r.Block.Rows {
				for _, c := range row {
					cleanIsSafe(t, c)
				}
			}
		}
		for _, m := range d.Matter {
			cleanIsSafe(t, m.Text)
		}
	})
}

func FuzzHTML(f *testing.F) {
	fuzzFormat(f, "page.html", []string{"formats/testdata/news.html"},
		"<p>a\x1b[31mred</p>", "<table><tr><td>a<td>b<tr><td>\x07</table>", "<pre>\tx\r\ny</pre>",
		`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H\u001b","author":[{"name":"A"}]}]}</script>`,
		"<h1>T</h1><h7>x</h7><figure><figcaption>c</figcaption></figure>", strings.Repeat("<div>", 600))
}

func FuzzPDF(f *testing.F) {
	fuzzFormat(f, "report.pdf", []string{"formats/testdata/brief.pdf"}, "%PDF-1.4\n%%EOF\n", "%PDF-2.0\nx")
}

func FuzzEPUB(f *testing.F) {
	fuzzFormat(f, "book.epub", []string{"formats/testdata/book.epub"}, "PK\x03\x04", "")
}

func FuzzMarkdown(f *testing.F) {
	fuzzFormat(f, "notes.md", []string{"testdata/formats/table.md"},
		"| a | b |\n|---|---|\n| \x1b | \\| |\n", "```\n\tcode\x07\n", "    x\n\n    y\n", "a | b\n--|--\n")
}
