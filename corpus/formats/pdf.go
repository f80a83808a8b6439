package formats

import (
	"bytes"
	"errors"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// maxPages caps the pages read from one PDF.
const maxPages = 2000

// PDF extracts the text of a PDF, page by page, and repairs what
// extraction leaves (see pdfrepair.go). The result is plain text for the
// text parser, plus the information dictionary's title, author and date
// when they are meaningful. A PDF with no text layer (a scan) or one
// that needs a password is refused with a message saying so.
func PDF(raw []byte) (*Doc, error) {
	return guard("PDF", func() (*Doc, error) { return readPDF(raw) })
}

func readPDF(raw []byte) (*Doc, error) {
	if bytes.HasPrefix(raw, []byte("%PDF-2.")) {
		// The reader checks for a 1.x header; a 2.0 file is read the same.
		raw = append([]byte("%PDF-1.7"), raw[8:]...)
	}
	r, err := pdf.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) {
			return nil, unreadable("encrypted PDF: it needs a password")
		}
		if strings.Contains(err.Error(), "encrypt") {
			return nil, unreadable("encrypted PDF (%v)", err)
		}
		return nil, unreadable("broken PDF (%v)", err)
	}
	d := &Doc{}
	n := r.NumPage()
	if n > maxPages {
		d.Notes = append(d.Notes, "only the first 2000 pages were read")
		n = maxPages
	}
	pages := make([][]pdfLine, 0, n)
	chars := 0
	for i := 1; i <= n; i++ {
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		lines := pageLines(pageGlyphs(p))
		for _, l := range lines {
			chars += len(strings.TrimSpace(l.text))
		}
		pages = append(pages, lines)
	}
	if chars < 20 {
		return nil, unreadable("PDF with no text layer (a scan?): parley reads only PDFs that hold text")
	}
	d.Text = repairPages(pages)
	readInfo(r.Trailer().Key("Info"), d)
	return d, nil
}

// pdfLine is one line of a page, top to bottom, with the gap above it
// in units of the page's usual line spacing.
type pdfLine struct {
	text string
	y    float64
	size float64
	gap  float64 // space above, in line spacings (0 for the first)
}

// pageLines groups a page's glyphs into lines (by baseline, top to
// bottom), inserting a space where glyphs stand apart.
func pageLines(gs []glyph) []pdfLine {
	if len(gs) == 0 {
		return nil
	}
	sort.SliceStable(gs, func(i, j int) bool {
		if math.Abs(gs[i].y-gs[j].y) > 0.5*max(gs[i].size, 1) {
			return gs[i].y > gs[j].y
		}
		return gs[i].x < gs[j].x
	})
	var lines []pdfLine
	var b strings.Builder
	start := 0
	end := func(i int) {
		if t := strings.TrimSpace(b.String()); t != "" {
			lines = append(lines, pdfLine{text: t, y: gs[start].y, size: gs[start].size})
		}
		b.Reset()
		start = i
	}
	for i, g := range gs {
		if i > start {
			prev := gs[i-1]
			if math.Abs(g.y-prev.y) > 0.5*max(prev.size, 1) {
				end(i)
			} else if spaced(prev, g) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(g.r)
	}
	end(len(gs))
	markGaps(lines)
	return lines
}

// spaced reports glyphs far enough apart to be two words.
func spaced(a, b glyph) bool {
	if a.r == ' ' || b.r == ' ' {
		return false
	}
	w := a.w
	if w <= 0 {
		w = 0.5 * a.size // no width table: an average glyph
	}
	return b.x-(a.x+w) > 0.2*max(a.size, 1)
}

// markGaps measures the space above each line in units of the page's
// usual line spacing, so that a paragraph break shows.
func markGaps(lines []pdfLine) {
	var steps []float64
	for i := 1; i < len(lines); i++ {
		if s := lines[i-1].y - lines[i].y; s > 0 {
			steps = append(steps, s)
		}
	}
	if len(steps) == 0 {
		return
	}
	// The usual spacing is the lower quartile of the steps: on a page of
	// short paragraphs half the steps can be paragraph gaps.
	sort.Float64s(steps)
	usual := steps[len(steps)/4]
	full := fullLineLength(lines)
	for i := 1; i < len(lines); i++ {
		prev := lines[i-1]
		lines[i].gap = (prev.y - lines[i].y) / max(usual, 1)
		// A change of type size (a headline, a heading) or a short line
		// (a byline, a date, the last line of a paragraph) ends a block.
		if math.Abs(prev.size-lines[i].size) > 0.1*prev.size || utf8.RuneCountInString(prev.text) < full*6/10 {
			lines[i].gap = max(lines[i].gap, 2)
		}
	}
}

// fullLineLength is the length in characters of a full line of text on
// the page: the 90th percentile of its lines.
func fullLineLength(lines []pdfLine) int {
	ns := make([]int, len(lines))
	for i, l := range lines {
		ns[i] = utf8.RuneCountInString(l.text)
	}
	sort.Ints(ns)
	return ns[len(ns)*9/10]
}

// readInfo takes title, author and date from the information dictionary
// when they say something: not a file name or a tool's placeholder.
func readInfo(info pdf.Value, d *Doc) {
	if info.IsNull() {
		return
	}
	if t := strings.TrimSpace(info.Key("Title").Text()); meaningfulInfo(t) {
		d.Title = t
	}
	if a := strings.TrimSpace(info.Key("Author").Text()); meaningfulInfo(a) {
		d.Authors = splitAuthors(a)
	}
	if c := info.Key("CreationDate").Text(); len(c) >= 10 && strings.HasPrefix(c, "D:") {
		d.Published = c[2:6] + "-" + c[6:8] + "-" + c[8:10]
	}
}

// placeholderInfo are what tools write when the author gave no title.
var placeholderInfo = []string{"untitled", "microsoft word", "document", "slide", "powerpoint", "presentation",
	"title", "author", "user", "admin", "owner", "unknown", "anonymous"}

// meaningfulInfo rejects "Microsoft Word - draft3.docx", "Untitled-1",
// "report.pdf" and the like.
func meaningfulInfo(s string) bool {
	if len(s) < 3 || len(s) > 300 {
		return false
	}
	ls := strings.ToLower(s)
	for _, p := range placeholderInfo {
		if strings.HasPrefix(ls, p) && (len(ls) == len(p) || !isLetter(ls[len(p)])) {
			return false
		}
	}
	for _, ext := range []string{".doc", ".docx", ".pdf", ".indd", ".odt", ".rtf", ".txt", ".ppt", ".pptx", ".tex", ".qxd", ".pages"} {
		if strings.HasSuffix(ls, ext) {
			return false
		}
	}
	return strings.ContainsFunc(s, func(r rune) bool { return r > 'A' })
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
