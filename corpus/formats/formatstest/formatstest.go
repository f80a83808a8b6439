// Package formatstest builds small files of each format parley reads,
// for tests and benchmarks: PDF reports written with fpdf, EPUB books
// zipped with archive/zip and saved news pages. Only tests import it.
package formatstest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// fixed keeps generated files byte-for-byte the same from run to run.
var fixed = time.Date(2026, 4, 20, 9, 0, 0, 0, time.UTC)

// Page is the lines of one PDF page; an empty line is a paragraph gap,
// and a line starting with "# " is set large, as a heading.
type Page []string

// PDF writes pages as a PDF with a running header and a "Page N of M"
// footer on every page, and the given information dictionary.
func PDF(header, infoTitle, infoAuthor string, pages []Page) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(fixed)
	f.SetModificationDate(fixed)
	f.SetCatalogSort(true)
	f.SetAutoPageBreak(false, 10)
	if infoTitle != "" {
		f.SetTitle(infoTitle, true)
	}
	if infoAuthor != "" {
		f.SetAuthor(infoAuthor, true)
	}
	f.AliasNbPages("{nb}")
	if header != "" {
		f.SetHeaderFunc(func() {
			f.SetFont("Helvetica", "I", 9)
			f.Cell(0, 8, header)
			f.Ln(12)
		})
	}
	f.SetFooterFunc(func() {
		f.SetY(-15)
		f.SetFont("Helvetica", "", 9)
		f.Cell(0, 8, fmt.Sprintf("Page %d of {nb}", f.PageNo()))
	})
	for _, p := range pages {
		f.AddPage()
		for _, line := range p {
			switch {
			case line == "":
				f.Ln(4)
			case strings.HasPrefix(line, "# "):
				f.SetFont("Helvetica", "B", 16)
				f.Cell(0, 9, line[2:])
				f.Ln(9)
			default:
				f.SetFont("Helvetica", "", 11)
				f.Cell(0, 6, line)
				f.Ln(6)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Brief is the two-page report of the tests: a header with title, byline
// and date, a word hyphenated at a line end, and a paragraph that goes on
// across the page break, under a running header.
func Brief() []byte {
	return PDF("Islamabad Process Review | Policy Brief 7", "Microsoft Word - brief7-final.docx", "", []Page{{
		"# After Islamabad: What the Second Round Must Settle",
		"By Amina Qureshi and Daniel Okafor",
		"April 20, 2026",
		"",
		"The first round of talks in Islamabad ended with a timetable rather than an agree-",
		"ment, and the hardest questions were left to expert groups that will meet in Geneva.",
		"",
		"Negotiators from both delegations told us that the sequencing of sanctions relief",
		"and limits on enrichment remains the central dispute, and that neither side is ready",
	}, {
		"to move first without guarantees from the other. Pakistan has offered to host the",
		"second round before the end of May.",
		"",
		"# Recommendations",
		"",
		"Both sides should publish the terms of reference of the expert groups and agree on",
		"a verification channel that reports to the mediator within thirty days.",
	}})
}

// Report is a PDF of n pages of ordinary prose, for benchmarks.
func Report(seed, n int) []byte {
	pages := make([]Page, n)
	for p := range pages {
		var lines Page
		if p == 0 {
			lines = append(lines, fmt.Sprintf("# Report %d on the Islamabad talks", seed), "By A. Writer", "")
		}
		for para := 0; para < 6; para++ {
			for l := 0; l < 6; l++ {
				lines = append(lines, fmt.Sprintf("Line %d of paragraph %d on page %d: the delegations discussed sanctions and", l+1, para+1, p+1))
			}
			lines = append(lines, "enrichment, and agreed to meet again.", "")
		}
		pages[p] = lines
	}
	return PDF(fmt.Sprintf("Report %d | Islamabad", seed), "", "", pages)
}

// Chapter is one XHTML file of an EPUB.
type Chapter struct {
	Name string // file name inside OEBPS/
	Body string // XHTML inside <body>
	// Title is the <title> element.
	Title string
}

// EPUB zips chapters into a book whose spine lists them in the given
// order; the manifest lists them reversed, so a reader that follows the
// manifest instead of the spine gets them wrong.
func EPUB(title string, authors []string, date, publisher string, chapters []Chapter) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	put := func(name, body string, method uint16) {
		w, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: fixed})
		if err != nil {
			panic(err)
		}
		w.Write([]byte(body))
	}
	put("mimetype", "application/epub+zip", zip.Store)
	put("META-INF/container.xml", `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`, zip.Deflate)
	var opf strings.Builder
	opf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:parley-test</dc:identifier>
<dc:title>` + title + `</dc:title>
`)
	for _, a := range authors {
		opf.WriteString("<dc:creator>" + a + "</dc:creator>\n")
	}
	opf.WriteString("<dc:date>" + date + "</dc:date>\n<dc:publisher>" + publisher + "</dc:publisher>\n</metadata>\n<manifest>\n")
	for i := len(chapters) - 1; i >= 0; i-- {
		c := chapters[i]
		fmt.Fprintf(&opf, `<item id="c%d" href="%s" media-type="application/xhtml+xml"/>`+"\n", i, c.Name)
	}
	opf.WriteString("</manifest>\n<spine>\n")
	for i := range chapters {
		fmt.Fprintf(&opf, `<itemref idref="c%d"/>`+"\n", i)
	}
	opf.WriteString("</spine>\n</package>\n")
	put("OEBPS/content.opf", opf.String(), zip.Deflate)
	for _, c := range chapters {
		put("OEBPS/"+c.Name, `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>`+c.Title+`</title></head>
<body>`+c.Body+`</body></html>`, zip.Deflate)
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// Book is the two-chapter EPUB of the tests.
func Book() []byte {
	return EPUB("Talking in Islamabad", []string{"Nadia Rahman", "Omar Siddiqui"}, "2026-05-02", "Margalla Press", []Chapter{{
		Name:  "one.xhtml",
		Title: "Chapter One",
		Body: `<h1>Chapter One: The Venue</h1>
<p>Pakistan offered its capital as a neutral venue months before the first round began.</p>
<p>Officials in Islamabad prepared the Foreign Office for two days of direct talks.</p>`,
	}, {
		Name:  "two.xhtml",
		Title: "Chapter Two: The Terms",
		Body: `<p>The second round would turn on three questions.</p>
<ul><li>the sequencing of sanctions relief;</li><li>limits on enrichment;</li></ul>
<blockquote><p>Nobody expects a deal in one sitting.</p></blockquote>`,
	}})
}

// Encrypted is a one-page PDF that needs the password "secret".
func Encrypted() []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCreationDate(fixed)
	f.SetProtection(0, "secret", "owner")
	f.AddPage()
	f.SetFont("Helvetica", "", 11)
	f.Cell(0, 6, "A confidential report on the talks in Islamabad.")
	var b bytes.Buffer
	if err := f.Output(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}
