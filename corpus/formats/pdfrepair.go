package formats

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// repairPages turns a PDF's page lines into text the text parser reads
// as a clean source: running headers and footers (a line repeated at the
// top or bottom of most pages, page numbers aside) and page numbers are
// removed, a word hyphenated at a line end is made whole, a blank line
// marks a paragraph break (a wider gap between lines), and a page break
// inside a sentence joins the two pages' lines.
func repairPages(pages [][]pdfLine) string {
	running := runningLines(pages)
	var out []pdfLine
	for pi, lines := range pages {
		first := true
		for li, l := range lines {
			if edgeLine(lines, li) && (running[normLine(l.text)] || pageNumber(l.text)) {
				continue
			}
			switch {
			case first && pi > 0 && len(out) > 0 && !endsSentence(out[len(out)-1].text):
				l.gap = 0 // the sentence goes on from the last page
			case first && pi > 0:
				l.gap = 2
			}
			first = false
			out = append(out, l)
		}
	}
	var b strings.Builder
	for i := 0; i < len(out); i++ {
		t := out[i].text
		if i > 0 {
			if out[i].gap > 1.45 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		// A word hyphenated at the line end: "negoti-" + "ations".
		for i+1 < len(out) && out[i+1].gap <= 1.45 && hyphenated(t, out[i+1].text) {
			next := out[i+1].text
			word, rest, _ := strings.Cut(next, " ")
			t = t[:len(t)-1] + word
			if rest == "" {
				i++
				continue
			}
			out[i+1].text = rest
			break
		}
		b.WriteString(t)
	}
	return b.String()
}

// edgeLine reports one of the two first or two last lines of a page,
// where running headers and footers stand.
func edgeLine(lines []pdfLine, i int) bool {
	return i < 2 || i >= len(lines)-2
}

// runningLines finds the lines repeated at the edges of most pages: the
// same text with its numbers ignored ("Page 3 of 9", "Policy Brief | 4").
func runningLines(pages [][]pdfLine) map[string]bool {
	if len(pages) < 2 {
		return nil
	}
	count := map[string]int{}
	for _, lines := range pages {
		seen := map[string]bool{}
		for i, l := range lines {
			if !edgeLine(lines, i) {
				continue
			}
			if k := normLine(l.text); !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	need := max(2, (len(pages)+1)/2)
	out := map[string]bool{}
	for k, n := range count {
		if n >= need && k != "" {
			out[k] = true
		}
	}
	return out
}

// normLine is a line with every run of digits made "#", for comparing
// running lines that carry a page number.
func normLine(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSpace(b.String())
}

// pageNumber reports a line that is only a page number: "12", "- 4 -",
// "Page 3 of 9", "3/9".
func pageNumber(s string) bool {
	t := strings.ToLower(strings.TrimSpace(s))
	t = strings.TrimPrefix(t, "page ")
	t = strings.Trim(t, "-–—| ")
	if t == "" || len(t) > 14 {
		return false
	}
	for _, r := range t {
		if !unicode.IsDigit(r) && r != ' ' && r != '/' && r != 'o' && r != 'f' {
			return false
		}
	}
	return unicode.IsDigit(rune(t[0]))
}

// hyphenated reports a line ending in a word broken with a hyphen, the
// next line going on in lower case.
func hyphenated(line, next string) bool {
	if !strings.HasSuffix(line, "-") || len(line) < 3 || strings.HasSuffix(line, "--") {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(line[:len(line)-1])
	after, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLower(after)
}

// endsSentence reports a line that closes a sentence.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \"'”’)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".?!:;", r)
}
