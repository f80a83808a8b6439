package tui

import (
	"strings"
	"unicode/utf8"

	"parley/corpus"
	"parley/corpus/search"
	"parley/tui/common"
	"parley/tui/textlayout"
)

// The preview shows the selected hit in its paragraph, under the
// document's title, beside the hits (below them on a narrow terminal), as
// fzf's --preview does: moving through the hits shows where each one is
// without opening the reader.

type previewPlace int

const (
	previewNone  previewPlace = iota // too small: a detail line names the document
	previewRight                     // beside the hits, as fzf's default
	previewBelow                     // under the hits, on a narrow terminal
)

const (
	previewSideWidth = 100 // from this width the preview sits beside the hits
	previewMinHeight = 16  // below the side width, the height a preview under the hits needs
)

func (p *searchPane) previewPlace() previewPlace {
	switch {
	case p.width >= previewSideWidth && p.height >= 6:
		return previewRight
	case p.height >= previewMinHeight && p.width >= minWidth:
		return previewBelow
	}
	return previewNone
}

// hitsWidth is the width of the hit lines: half the pane beside a
// preview, else all of it.
func (p *searchPane) hitsWidth() int {
	if p.previewPlace() == previewRight {
		return p.width / 2
	}
	return p.width
}

// rowsAbovePreview is how many hits show above a preview below them: two
// fifths of what the input and the status line leave, the rest (after a
// rule) for the preview.
func (p *searchPane) rowsAbovePreview() int { return max((p.height-2)*2/5, 3) }

// viewWithPreview draws the input and status lines, then the hits and
// the preview side by side or one above the other.
func (p *searchPane) viewWithPreview() string {
	w, h := p.width, p.height
	lines := make([]string, 0, h)
	lines = append(lines, p.inputLine(), p.statusLine())
	hits := p.hits()
	hw := p.hitsWidth()
	hitRow := func(i int) string {
		if i < len(hits) {
			return p.cachedHitLine(i, i == p.sel)
		}
		return common.Spaces(hw)
	}
	body := h - len(lines)
	if p.previewPlace() == previewRight {
		pw := w - hw - 1
		pv := p.cachedPreview(pw, body)
		sep := p.ctx.Styles.Rule.Render("│")
		for r := 0; r < body; r++ {
			lines = append(lines, hitRow(p.top+r)+sep+pv[r])
		}
		return strings.Join(lines, "\n")
	}
	rows := p.rowsAbovePreview()
	for r := 0; r < rows; r++ {
		lines = append(lines, hitRow(p.top+r))
	}
	lines = append(lines, p.ctx.Styles.Rule.Render(strings.Repeat("─", w)))
	lines = append(lines, p.cachedPreview(w, h-len(lines))...)
	return strings.Join(lines[:h], "\n")
}

// previewMemo keeps the preview drawn for one hit at one size: drawing
// wraps a paragraph, and a frame redraws it only when the selection, the
// answer, the size or the styles change.
type previewMemo struct {
	res   *search.Result
	sel   int
	w, h  int
	gen   int // the context's generation: styles and width measure
	lines []string
}

func (p *searchPane) cachedPreview(w, h int) []string {
	c := &p.preview
	if c.lines == nil || c.res != p.res || c.sel != p.sel || c.w != w || c.h != h || c.gen != p.ctx.Gen {
		*c = previewMemo{res: p.res, sel: p.sel, w: w, h: h, gen: p.ctx.Gen, lines: p.previewLines(w, h)}
	}
	return c.lines
}

// previewLines draws the selected hit exactly w×h: the document's title,
// its date, outlet and author, the section heading, then the paragraph
// holding the hit with the hit's sentence marked and the query's matched
// characters in it highlighted, scrolled so the sentence shows.
func (p *searchPane) previewLines(w, h int) []string {
	hit, ok := p.selected()
	if !ok || p.ix == nil || hit.Loc.Doc < 0 || hit.Loc.Doc >= len(p.ix.Docs()) {
		return common.FitBlock(nil, w, h)
	}
	d := p.ix.Docs()[hit.Loc.Doc]
	in := max(w-2, 1) // a cell of margin either side
	var head []string
	titleSpans := []textlayout.Span(nil)
	if hit.Kind == search.Title {
		titleSpans = matchSpans(docTitle(d), hit, 0, p)
	}
	title := textlayout.WrapStyled(docTitle(d), in, p.ctx.Styles.Title, titleSpans)
	head = append(head, title[:min(len(title), 2)]...)
	head = append(head, p.ctx.Styles.Meta.Render(common.TruncPlain(docMeta(d), in)))
	if sec := sectionOf(d.Sections, hit.Loc.Block); sec != "" {
		st := p.ctx.Styles.Heading
		if hit.Kind == search.Heading {
			st = p.ctx.Styles.Match
		}
		head = append(head, st.Render(common.TruncPlain("§ "+common.OneLine(sec), in)))
	}
	head = append(head, "")
	para := p.previewParagraph(d, hit, in, max(h-len(head), 0))
	lines := append(head, para...)
	for i := range lines {
		lines[i] = " " + lines[i]
	}
	return common.FitBlock(lines, w, h)
}

// previewParagraph wraps the hit's paragraph (the document's first for a
// title) in rows lines of width w, from a little before the hit's
// sentence. A paragraph longer than the preview can show is cut to a
// window around the sentence first, so a huge one costs what the screen
// holds.
func (p *searchPane) previewParagraph(d *corpus.Document, hit search.Hit, w, rows int) []string {
	if rows <= 0 {
		return nil
	}
	block := hit.Loc.Block
	if block < 0 {
		block = 0
	}
	b := d.Block(block)
	if b == nil {
		return []string{p.ctx.Styles.Dim.Render("(no text)")}
	}
	text := b.Text
	var spans []textlayout.Span
	focus := 0
	if hit.Kind == search.Sentence && hit.Loc.Sentence >= 0 && hit.Loc.Sentence < len(b.Sentences) {
		s := b.Sentences[hit.Loc.Sentence]
		focus = s.Start
		spans = sentenceSpans(s, matchSpans(s.Text, hit, s.Start, p), p)
	}
	// The window: what rows lines of w cells can show (at most four bytes
	// a cell), a third of it before the sentence.
	room := 4 * w * rows
	lo, hi := 0, len(text)
	if len(text) > room {
		lo = textlayout.RuneFloor(text, max(focus-room/3, 0))
		hi = textlayout.RuneFloor(text, min(lo+room, len(text)))
	}
	lead, tail := "", ""
	if lo > 0 {
		lead = "…"
	}
	if hi < len(text) {
		tail = "…"
	}
	shown := lead + common.OneLineKeep(text[lo:hi]) + tail
	shift := len(lead) - lo
	var kept []textlayout.Span
	for _, s := range spans {
		a, e := max(s.Start, lo), min(s.End, hi)
		if a < e {
			kept = append(kept, textlayout.Span{Start: a + shift, End: e + shift, Style: s.Style})
		}
	}
	ranges := textlayout.WrapAtSpaces(shown, w)
	// Start a line or two before the sentence's first line when the
	// paragraph is taller than the preview; style only the lines shown.
	first := 0
	for i, r := range ranges {
		if r[0] <= focus+shift {
			first = i
		}
	}
	start := max(min(first-2, len(ranges)-rows), 0)
	if first < rows-1 {
		start = 0
	}
	return textlayout.StyleLines(shown, ranges[start:min(start+rows, len(ranges))], p.ctx.Styles.Body, kept)
}

// matchSpans marks the query's matched characters of text (the hit's
// text; its positions are rune indexes) as byte spans from off.
func matchSpans(text string, hit search.Hit, off int, p *searchPane) []textlayout.Span {
	if len(hit.Positions) == 0 || text != hit.Text {
		return nil
	}
	var spans []textlayout.Span
	ri, pi := 0, 0
	for bi, r := range text {
		for pi < len(hit.Positions) && hit.Positions[pi] < ri {
			pi++
		}
		if pi < len(hit.Positions) && hit.Positions[pi] == ri {
			spans = append(spans, textlayout.Span{Start: off + bi, End: off + bi + utf8.RuneLen(r), Style: p.ctx.Styles.Match})
		}
		ri++
	}
	return spans
}

// sentenceSpans marks a sentence: its matched characters (disjoint spans,
// in order) and the rest of it in the selection's style.
func sentenceSpans(s corpus.Sentence, matched []textlayout.Span, p *searchPane) []textlayout.Span {
	var out []textlayout.Span
	pos := s.Start
	for _, m := range matched {
		if m.Start > pos {
			out = append(out, textlayout.Span{Start: pos, End: m.Start, Style: p.ctx.Styles.SelectedMeta})
		}
		out = append(out, m)
		pos = m.End
	}
	if pos < s.End {
		out = append(out, textlayout.Span{Start: pos, End: s.End, Style: p.ctx.Styles.SelectedMeta})
	}
	return out
}
