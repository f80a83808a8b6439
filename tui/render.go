package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/textlayout"
)

// lineKind says how a rendered line is styled.
type lineKind uint8

const (
	lkBlank lineKind = iota
	lkTitle
	lkSubtitle
	lkMeta
	lkEditorial
	lkRule
	lkFold
	lkMatter
	lkHeading
	lkBody
)

// docLine is one screen line of a rendered document. For body lines (and
// lines of shown matter), block and [start, end) locate the text inside
// the block, so highlights (find matches, the sentence cursor) can be laid
// over it when drawn.
type docLine struct {
	kind   lineKind
	prefix string // plain, e.g. "• " or "│ "
	text   string // plain
	// block is the global block index of a body line, noteBlock(i) on a
	// line of doc.Matter[i] while the matter is shown (start and end then
	// locate the text in the note, for find's highlights), -1 otherwise.
	block   int
	start   int
	end     int
	section int
	width   int    // cells of prefix+text
	styled  string // prefix+text with the base style and emphasis
	// segs are the pieces of a laid-out table line (its cells' fragments
	// are not one run of the block's Text); nil on other lines.
	segs []cellSeg
}

// outlineEntry is one heading for the outline.
type outlineEntry struct {
	section int
	line    int
	heading string
}

// rendered is a document wrapped to one width. It is built once per width
// (and per style or fold change) and scrolled without re-wrapping.
type rendered struct {
	width      int // pane width it was made for
	measure    int // text column width
	pad        int // left margin that centres the text column
	lines      []docLine
	blocks     []corpus.BlockRef
	blockLine  []int // global block index -> first line
	noteLine   []int // index in doc.Matter -> first line; -1 while folded
	outline    []outlineEntry
	matterOpen bool
}

// maxMeasure keeps lines at a comfortable reading length.
const maxMeasure = 88

func textMeasure(width int) int {
	if width <= 4 {
		return max(width, 1)
	}
	return min(width-2, maxMeasure)
}

// renderDoc lays out doc at width: the reader's lines, wrapped once per
// width and kept until the document or the width changes.
func renderDoc(doc *corpus.Document, width int, st *common.Styles, matterOpen bool) *rendered {
	r := &rendered{width: width, measure: textMeasure(width), matterOpen: matterOpen}
	r.pad = max((width-r.measure)/2, 0)
	b := &builder{r: r, st: st}

	b.plain(lkTitle, docTitle(doc), "", st.Title)
	if doc.Subtitle != "" {
		b.plain(lkSubtitle, doc.Subtitle, "", st.Subtitle)
	}
	// Metadata breaks only between fields, never inside a date.
	for _, line := range joinWrap(headerMeta(doc), " · ", r.measure) {
		b.add(docLine{kind: lkMeta, block: -1, text: line}, st.Meta)
	}
	if doc.URL != "" {
		b.plain(lkMeta, doc.URL, "", st.Meta)
	}
	if len(doc.Editorial) > 0 {
		b.plain(lkEditorial, "ed.: "+strings.Join(doc.Editorial, ", ")+" from the catalog, not the text", "", st.Editorial)
	}
	b.add(docLine{kind: lkRule, block: -1, text: strings.Repeat("─", r.measure)}, st.Rule)
	r.noteLine = make([]int, len(doc.Matter))
	for i := range r.noteLine {
		r.noteLine[i] = -1
	}
	b.matter(doc, "front")
	r.blocks = doc.Blocks()
	r.blockLine = make([]int, len(r.blocks))
	lastSection := -1
	for _, ref := range r.blocks {
		if ref.Section != lastSection {
			lastSection = ref.Section
			b.section = ref.Section
			if h := doc.Sections[ref.Section].Heading; h != "" {
				b.blank()
				r.outline = append(r.outline, outlineEntry{section: ref.Section, line: len(r.lines), heading: h})
				b.plain(lkHeading, h, "", st.Heading)
			}
		}
		b.blank()
		r.blockLine[ref.Index] = len(r.lines)
		b.block(ref)
	}
	if !hasBody(doc) {
		// Say so, rather than leave a page that looks unfinished.
		note := "(empty document)"
		if len(doc.Matter) > 0 {
			note = "(no body text)"
		}
		b.blank()
		b.plain(lkMeta, note, "", st.Meta)
	}
	b.matter(doc, "back")
	return r
}

// headerMeta is the header's metadata; the reading time only when there
// is something to read.
func headerMeta(doc *corpus.Document) []string {
	parts := make([]string, 0, 5)
	for _, p := range []string{doc.Outlet, doc.Author, doc.Published, doc.Kind} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if doc.Words == 0 {
		return parts
	}
	return append(parts, readingTime(doc.Words)+" read")
}

// hasBody reports whether a document has a heading or any body text.
func hasBody(doc *corpus.Document) bool {
	for _, s := range doc.Sections {
		if s.Heading != "" {
			return true
		}
		for _, b := range s.Blocks {
			if b.Text != "" {
				return true
			}
		}
	}
	return false
}

// joinWrap joins parts with sep into lines at most width cells wide,
// breaking only between parts; a part wider than a line is cut.
func joinWrap(parts []string, sep string, width int) []string {
	var lines []string
	cur, curW := "", 0
	sepW := common.StrWidth(sep)
	for _, p := range parts {
		p = common.TruncPlain(p, width)
		pw := common.StrWidth(p)
		switch {
		case cur == "":
			cur, curW = p, pw
		case curW+sepW+pw <= width:
			cur, curW = cur+sep+p, curW+sepW+pw
		default:
			lines = append(lines, cur)
			cur, curW = p, pw
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

type builder struct {
	r       *rendered
	st      *common.Styles
	section int
}

func (b *builder) add(l docLine, st lipgloss.Style) {
	l.section = b.section
	l.width = common.StrWidth(l.prefix) + common.StrWidth(l.text)
	// A paint, not Render: Render styles underlined text (headings) a
	// rune at a time, which splits an emoji sequence into codepoints that
	// a terminal measuring clusters no longer joins.
	l.styled = common.NewPaint(st).Render(l.text)
	if l.prefix != "" {
		l.styled = b.st.ListMark.Render(l.prefix) + l.styled
	}
	b.r.lines = append(b.r.lines, l)
}

func (b *builder) blank() {
	if n := len(b.r.lines); n > 0 && b.r.lines[n-1].kind == lkBlank {
		return
	}
	b.r.lines = append(b.r.lines, docLine{kind: lkBlank, block: -1, section: b.section})
}

// plain wraps a non-body text (title, heading, matter) with one style.
func (b *builder) plain(kind lineKind, text, prefix string, st lipgloss.Style) {
	for _, seg := range textlayout.Wrap(text, b.r.measure-common.StrWidth(prefix)) {
		b.add(docLine{kind: kind, prefix: prefix, text: text[seg[0]:seg[1]], block: -1}, st)
		prefix = common.Spaces(common.StrWidth(prefix))
	}
}

func (b *builder) matter(doc *corpus.Document, kind string) {
	var notes []int
	for i, m := range doc.Matter {
		if m.Kind == kind {
			notes = append(notes, i)
		}
	}
	if len(notes) == 0 {
		return
	}
	b.blank()
	if !b.r.matterOpen {
		label := "▸ " + kind + " matter folded (" + common.Plural(len(notes), "note") + ") · m shows it"
		b.plain(lkFold, label, "", b.st.Fold)
		return
	}
	b.plain(lkFold, "▾ "+kind+" matter · m hides it", "", b.st.Fold)
	for _, i := range notes {
		b.note(i, doc.Matter[i].Text)
	}
}

// note wraps a shown matter note, each line knowing the bytes of the note
// it holds, as a body block's lines do.
func (b *builder) note(i int, text string) {
	b.r.noteLine[i] = len(b.r.lines)
	prefix := "  "
	for _, seg := range textlayout.Wrap(text, b.r.measure-common.StrWidth(prefix)) {
		b.add(docLine{kind: lkMatter, prefix: prefix, text: text[seg[0]:seg[1]], block: noteBlock(i), start: seg[0], end: seg[1]}, b.st.Matter)
	}
}

// noteBlock is the docLine.block (and overlay.block) of doc.Matter[i]:
// below -1, so that block >= 0 still means the body; noteOf inverts it.
func noteBlock(i int) int { return -2 - i }

func noteOf(block int) int { return -2 - block }

// firstLine is the first line of a body block or of a shown matter note
// (0 for a folded note).
func (r *rendered) firstLine(block int) int {
	if block >= 0 {
		return r.blockLine[block]
	}
	if n := noteOf(block); n >= 0 && n < len(r.noteLine) && r.noteLine[n] >= 0 {
		return r.noteLine[n]
	}
	return 0
}

func (b *builder) block(ref corpus.BlockRef) {
	blk := ref.Block
	if blk.Kind == corpus.Table && len(blk.Rows) > 0 {
		b.table(ref)
		return
	}
	if blk.Kind.Verbatim() {
		b.verbatim(ref)
		return
	}
	prefix := ""
	switch blk.Kind {
	case corpus.ListItem:
		prefix = "• "
	case corpus.Quote:
		prefix = "│ "
	case corpus.Caption:
		prefix = "  "
	}
	first := true
	for _, seg := range textlayout.Wrap(blk.Text, b.r.measure-common.StrWidth(prefix)) {
		l := docLine{kind: lkBody, prefix: prefix, text: blk.Text[seg[0]:seg[1]], block: ref.Index, start: seg[0], end: seg[1], section: b.section}
		if !first {
			l.prefix = common.Spaces(common.StrWidth(prefix))
		}
		first = false
		l.width = common.StrWidth(l.prefix) + common.StrWidth(l.text)
		l.styled = b.st.Paint.ListMark.Render(l.prefix) + styleSpans(blk, l, b.st, nil)
		b.r.lines = append(b.r.lines, l)
	}
}

// verbatim draws a table or a code block line by line as written, each
// line cut at the text column's width: reflowing would break its columns
// and its indentation.
func (b *builder) verbatim(ref corpus.BlockRef) {
	blk := ref.Block
	prefix := "  "
	width := max(b.r.measure-common.StrWidth(prefix), 1)
	for start := 0; start <= len(blk.Text); {
		end := strings.IndexByte(blk.Text[start:], '\n')
		if end < 0 {
			end = len(blk.Text)
		} else {
			end += start
		}
		cut := start + len(common.Truncate(blk.Text[start:end], width, ""))
		l := docLine{kind: lkBody, prefix: prefix, text: blk.Text[start:cut], block: ref.Index, start: start, end: cut, section: b.section}
		l.width = common.StrWidth(l.prefix) + common.StrWidth(l.text)
		l.styled = b.st.Paint.ListMark.Render(l.prefix) + styleSpans(blk, l, b.st, nil)
		b.r.lines = append(b.r.lines, l)
		start = end + 1
	}
}
