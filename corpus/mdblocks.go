package corpus

import (
	"strings"
)

// Markdown blocks whose lines must stay lines: fenced and indented code,
// and tables. splitSrcLines hands each whole to one source line, never rejoined.

// verbatimSrcLine reads a code block or a table starting at the line raw
// (line trimmed; text what follows), and returns it with the text after
// it. Indented code needs a blank line (or the start) before it, else
// the line continues a paragraph.
func verbatimSrcLine(raw, line, text string, afterGap bool) (srcLine, string, bool) {
	if fence := codeFence(line); fence != "" {
		code, rest := takeFenced(text, fence, indentOf(raw))
		return srcLine{text: code, kind: uCode}, rest, true
	}
	if afterGap && indentOf(raw) >= 4 {
		code, rest := takeIndented(raw, text)
		return srcLine{text: code, kind: uCode}, rest, true
	}
	if tableStart(line, text) {
		rows, rest := takeTable(line, text)
		return srcLine{text: line, kind: uTable, rows: rows}, rest, true
	}
	return srcLine{}, text, false
}

// nextLine cuts the first line off text.
func nextLine(text string) (string, string) {
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		return text[:i], text[i+1:]
	}
	return text, ""
}

// codeFence returns the fence that opens a fenced code block ("```" or
// "~~~", three or more), or "" when line opens none.
func codeFence(line string) string {
	for _, c := range []string{"`", "~"} {
		n := 0
		for n < len(line) && line[n] == c[0] {
			n++
		}
		if n >= 3 && (c == "~" || !strings.Contains(line[n:], "`")) {
			return line[:n]
		}
	}
	return ""
}

// takeFenced reads a fenced block's lines up to its closing fence (or
// the end of the text), without the indentation the opening fence had.
func takeFenced(text, fence string, indent int) (string, string) {
	var lines []string
	for len(text) > 0 {
		var line string
		line, text = nextLine(text)
		if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
			break
		}
		lines = append(lines, dropIndent(line, indent))
	}
	return strings.Join(lines, "\n"), text
}

// takeIndented reads an indented code block: lines indented four spaces
// or more, and blank lines between them.
func takeIndented(first, text string) (string, string) {
	lines := []string{dropIndent(first, 4)}
	for len(text) > 0 {
		line, rest := nextLine(text)
		if strings.TrimSpace(line) == "" {
			// A blank line belongs to the block only if it goes on after it.
			k := rest
			for len(k) > 0 {
				var l string
				l, k = nextLine(k)
				if strings.TrimSpace(l) != "" {
					if indentOf(l) < 4 {
						return strings.Join(lines, "\n"), text
					}
					break
				}
			}
			lines = append(lines, "")
			text = rest
			continue
		}
		if indentOf(line) < 4 {
			break
		}
		lines = append(lines, dropIndent(line, 4))
		text = rest
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n"), text
}

func indentOf(line string) int {
	return len(line) - len(strings.TrimLeft(line, " "))
}

func dropIndent(line string, n int) string {
	return line[min(n, indentOf(line)):]
}

// tableStart reports a table's header line: a line with a pipe followed
// by a delimiter row ("|---|:---:|").
func tableStart(line, text string) bool {
	if !strings.Contains(line, "|") {
		return false
	}
	next, _ := nextLine(text)
	return delimiterRow(strings.TrimSpace(next))
}

func delimiterRow(s string) bool {
	if !strings.Contains(s, "-") || !strings.ContainsAny(s, "|") && !strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("|-: ", r) {
			return false
		}
	}
	return true
}

// takeTable reads a table's rows (header first, the delimiter row left
// out) up to the first line without a pipe.
func takeTable(header, text string) ([][]string, string) {
	rows := [][]string{tableCells(header)}
	_, text = nextLine(text) // the delimiter row
	for len(text) > 0 {
		line, rest := nextLine(text)
		t := strings.TrimSpace(line)
		if t == "" || !strings.Contains(t, "|") {
			break
		}
		rows = append(rows, tableCells(t))
		text = rest
	}
	return rows, text
}

// tableCells splits "| a | b \| c |" into its cells, inline markup
// removed.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line) && line[i+1] == '|':
			cur.WriteByte('|')
			i++
		case line[i] == '|':
			cells = append(cells, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	cells = append(cells, cur.String())
	for i, c := range cells {
		cells[i], _ = stripInline(strings.TrimSpace(c))
	}
	return cells
}
