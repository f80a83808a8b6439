package tui

import (
	"strings"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/textlayout"
)

// cellSeg is one piece of a laid-out table line: a fragment of a cell
// (start < end, its bytes in the block's Text, so find's matches and the
// sentence cursor can be painted on it) or fill (padding, the column
// separator, the header rule; start == end).
type cellSeg struct {
	start, end int
	text       string
}

// tableSep goes between columns; narrowSep when the pane is too narrow
// for the spaced one.
const (
	tableSep  = " │ "
	narrowSep = "│"
)

// tableWidths fits the columns' natural widths into avail cells: when they
// are too wide together, the widest are shrunk to a common cap, none below
// its longest word (floor) while the words fit, each at least one cell;
// the cells left over go to the shrunk ones.
func tableWidths(natural, floor []int, avail int) []int {
	n := len(natural)
	out := make([]int, n)
	total, floors := 0, 0
	for i, w := range natural {
		out[i] = max(w, 1)
		total += out[i]
		floors += min(max(floor[i], 1), out[i])
	}
	if total <= avail {
		return out
	}
	lowest := func(i int) int {
		if floors <= avail {
			return min(max(floor[i], 1), out[i])
		}
		return 1
	}
	width := func(i, c int) int { return max(min(out[i], c), lowest(i)) }
	capSum := func(c int) int {
		s := 0
		for i := range out {
			s += width(i, c)
		}
		return s
	}
	// The largest cap c with capSum(c) <= avail.
	lo, hi := 1, 0
	for _, w := range out {
		hi = max(hi, w)
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if capSum(mid) <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	left := avail - capSum(lo)
	res := make([]int, n)
	for i, w := range out {
		res[i] = width(i, lo)
		if w > res[i] && left > 0 {
			res[i]++
			left--
		}
	}
	return res
}

// cellOffsets finds each row's cells in the table's Text (the rows one a
// line, the cells in order), -1 for a cell not found as written.
func cellOffsets(text string, rows [][]string) [][]int {
	offs := make([][]int, len(rows))
	lineStart := 0
	for ri, row := range rows {
		lineEnd := len(text)
		if lineStart <= len(text) {
			if j := strings.IndexByte(text[min(lineStart, len(text)):], '\n'); j >= 0 {
				lineEnd = lineStart + j
			}
		}
		pos := min(lineStart, len(text))
		offs[ri] = make([]int, len(row))
		for ci, cell := range row {
			offs[ri][ci] = -1
			if cell == "" || pos > lineEnd {
				continue
			}
			if j := strings.Index(text[pos:lineEnd], cell); j >= 0 {
				offs[ri][ci] = pos + j
				pos += j + len(cell)
			}
		}
		lineStart = lineEnd + 1
	}
	return offs
}

// table lays a table block out to fit the text column: every column
// always shown, the widest shrunk and their cells wrapped within the
// column (a row then takes several lines, its cells aligned), a rule
// under the header and, when a row wraps, between the rows. Each line
// keeps the bytes of the Text its cell fragments came from, so find and
// the cursor still paint on them.
func (b *builder) table(ref corpus.BlockRef) {
	blk := ref.Block
	rows := blk.Rows
	prefix := "  "
	widths, sep := tableColumns(rows, max(b.r.measure-common.StrWidth(prefix), 1))
	offs := cellOffsets(blk.Text, rows)
	wrapped, wraps := wrapCells(rows, widths)
	last := 0 // the Text's bytes laid out so far
	for ri, r := range rows {
		if ri > 0 && (ri == 1 || wraps) {
			b.tableLine(ref, prefix, []cellSeg{{start: last, end: last, text: tableRule(widths, sep)}}, last, last)
		}
		height := 1
		for _, segs := range wrapped[ri] {
			height = max(height, len(segs))
		}
		for k := 0; k < height; k++ {
			line, lo, hi := tableRowLine(r, wrapped[ri], offs[ri], widths, sep, k)
			if lo < 0 {
				lo, hi = last, last
			}
			last = max(last, hi)
			b.tableLine(ref, prefix, line, lo, hi)
		}
	}
}

// tableColumns is the width of each column of rows within measure cells,
// and the separator between columns (a narrower one when the columns are
// many for the measure).
func tableColumns(rows [][]string, measure int) ([]int, string) {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	sep := tableSep
	if measure-(n-1)*common.StrWidth(sep) < n {
		sep = narrowSep
	}
	natural, floor := make([]int, n), make([]int, n)
	for _, r := range rows {
		for i, cell := range r {
			natural[i] = max(natural[i], common.StrWidth(cell))
			for _, word := range strings.Fields(cell) {
				floor[i] = max(floor[i], common.StrWidth(word))
			}
		}
	}
	return tableWidths(natural, floor, max(measure-(n-1)*common.StrWidth(sep), n)), sep
}

// wrapCells wraps each cell to its column: the fragments' byte ranges in
// the cell (nil for an empty cell), and whether any cell takes more than
// one line.
func wrapCells(rows [][]string, widths []int) ([][][][2]int, bool) {
	wrapped := make([][][][2]int, len(rows))
	wraps := false
	for ri, r := range rows {
		wrapped[ri] = make([][][2]int, len(r))
		for ci, cell := range r {
			segs := textlayout.Wrap(cell, widths[ci])
			if len(segs) == 1 && segs[0][1] == 0 {
				segs = nil
			}
			wrapped[ri][ci] = segs
			wraps = wraps || len(segs) > 1
		}
	}
	return wrapped, wraps
}

// tableRule is the line under the header row (and between rows, when
// cells wrap): a dash per cell, crossed at each separator.
func tableRule(widths []int, sep string) string {
	var sb strings.Builder
	for i, w := range widths {
		if i > 0 {
			sb.WriteString(strings.Repeat("─", (common.StrWidth(sep)-1)/2) + "┼" + strings.Repeat("─", common.StrWidth(sep)/2))
		}
		sb.WriteString(strings.Repeat("─", w))
	}
	return sb.String()
}

// tableRowLine is line k of row r: its cells' fragments (wrapped) with
// the padding between them, and the range of the block's text it shows
// (lo < 0 when none). offs are where the row's cells start in the text.
func tableRowLine(r []string, wrapped [][][2]int, offs []int, widths []int, sep string, k int) (line []cellSeg, lo, hi int) {
	lo, hi = -1, -1
	fill := ""
	for ci := range widths {
		if ci > 0 {
			fill += sep
		}
		text, start, end := "", 0, 0
		if ci < len(r) && k < len(wrapped[ci]) {
			seg := wrapped[ci][k]
			text = r[ci][seg[0]:seg[1]]
			if common.StrWidth(text) > widths[ci] {
				text = common.Truncate(text, widths[ci], "")
			}
			if o := offs[ci]; o >= 0 {
				start, end = o+seg[0], o+seg[0]+len(text)
			}
		}
		if text != "" {
			if fill != "" {
				line = append(line, cellSeg{start: start, end: start, text: fill})
			}
			line = append(line, cellSeg{start: start, end: end, text: text})
			if start < end {
				if lo < 0 {
					lo = start
				}
				lo, hi = min(lo, start), max(hi, end)
			}
			fill = ""
		}
		if ci < len(widths)-1 {
			fill += common.Spaces(widths[ci] - common.StrWidth(text))
		}
	}
	return line, lo, hi
}

// tableLine adds one laid-out line of a table.
func (b *builder) tableLine(ref corpus.BlockRef, prefix string, segs []cellSeg, start, end int) {
	var sb strings.Builder
	for _, s := range segs {
		sb.WriteString(s.text)
	}
	l := docLine{kind: lkBody, prefix: prefix, text: sb.String(), block: ref.Index, start: start, end: end, section: b.section, segs: segs}
	// A column too narrow for the pane is cut at the text column (the
	// frame must keep its width); the view cuts it again at the pane.
	l.width = common.StrWidth(l.prefix) + common.StrWidth(l.text)
	l.styled = b.st.Paint.ListMark.Render(l.prefix) + styleSpans(ref.Block, l, b.st, nil)
	b.r.lines = append(b.r.lines, l)
}

// paintSegs draws a table line piece by piece: the cell fragments with
// their emphasis and overlays, the fill in the base paint.
func paintSegs(blk *corpus.Block, l docLine, base, emph common.Paint, ovs []overlay) string {
	var sb strings.Builder
	for _, s := range l.segs {
		if s.start >= s.end {
			sb.WriteString(base.Render(s.text))
			continue
		}
		sub := docLine{block: l.block, start: s.start, end: s.end, text: s.text}
		sb.WriteString(paintSpans(blk.Text, blk.Emphasis, base, emph, sub, ovs))
	}
	return sb.String()
}
