package compareview

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"parley/corpus/compare"
	"parley/tui/common"
	"parley/tui/textlayout"
)

// This file draws the inside of one source's column: its head, its
// statements with their context, and their fact marks.

// sourceHead is the outlet and the date (and whether it is the origin).
func (p *ComparePane) sourceHead(col, w int) []string {
	name, meta := p.headParts(col)
	return []string{common.FitWidth(name, w), common.FitWidth(meta, w)}
}

// stickyHead is the heading on one line, pinned at the top of the stacked
// view when the source's own heading has scrolled off.
func (p *ComparePane) stickyHead(col, w int) string {
	name, meta := p.headParts(col)
	return common.FitWidth(name+p.ctx.Styles.Compare.Meta.Render(" · ")+meta, w)
}

// headParts are a column's heading: the source's name, and its date,
// kind and whether it is the origin (or, for the silent summary, how
// many sources it holds).
func (p *ComparePane) headParts(col int) (name, meta string) {
	if p.order[col] == silentCol {
		return p.ctx.Styles.Compare.Outlet.Render("silent"), p.ctx.Styles.Compare.Meta.Render(fmt.Sprintf("%d sources", len(p.silent)))
	}
	src := p.result.Sources[p.order[col]]
	name = p.ctx.Styles.Compare.Outlet.Render(p.sourceName(src.Doc))
	var parts []string
	if src.Doc >= 0 && src.Doc < len(p.docs) {
		d := p.docs[src.Doc]
		date := d.Published
		if date == "" {
			date = "undated"
		}
		parts = append(parts, date)
		if d.Kind != "" {
			parts = append(parts, d.Kind)
		}
	}
	meta = p.ctx.Styles.Compare.Meta.Render(strings.Join(parts, " · "))
	if src.Origin {
		meta += p.ctx.Styles.Compare.Origin.Render(" · origin")
	}
	return name, meta
}

// statements draws a source's matches (or its silence) and says which
// lines the selected statement covers, or -1, -1.
func (p *ComparePane) statements(col, w int) (lines []string, selA, selB int) {
	selA, selB = -1, -1
	if p.order[col] == silentCol {
		return p.silentSummary(w), selA, selB
	}
	src := p.result.Sources[p.order[col]]
	if src.Silent || len(src.Matches) == 0 {
		return []string{"", p.ctx.Styles.Compare.Silent.Render("silent — nothing here on this point")}, selA, selB
	}
	textW := max(w-2, 1)
	for mi, m := range src.Matches {
		lines = append(lines, "")
		isSel := p.sel < len(p.stmts) && p.stmts[p.sel] == stmtRef{col, mi}
		gutter := "  "
		if isSel {
			gutter = p.ctx.Styles.Compare.Gutter.Render("▌ ")
			selA = len(lines)
		}
		text, spans := p.matchText(m, textW)
		var body []string
		body = append(body, textlayout.WrapStyled(text, textW, p.ctx.Styles.Compare.Body, spans)...)
		if !src.Origin {
			body = append(body, p.factLines(m, textW)...)
		}
		if m.Curated && p.result.Claim != nil {
			body = append(body, p.ctx.Styles.Compare.Curated.Render(curatedTag(*p.result.Claim)))
		}
		for _, l := range body {
			lines = append(lines, gutter+l)
		}
		if isSel {
			selB = len(lines)
		}
	}
	return lines, selA, selB
}

// compareSilentNames is how many silent sources the summary names; more
// would be a list nobody reads, and the column could not hold them.
const compareSilentNames = 12

// silentSummary sums up the silent sources: how many, and their names
// while they are few.
func (p *ComparePane) silentSummary(w int) []string {
	lines := []string{"", p.ctx.Styles.Compare.Silent.Render(fmt.Sprintf("silent: %d sources — nothing on this point", len(p.silent)))}
	for _, si := range p.silent[:min(len(p.silent), compareSilentNames)] {
		lines = append(lines, p.ctx.Styles.Compare.Dim.Render("  "+p.sourceName(p.result.Sources[si].Doc)))
	}
	if more := len(p.silent) - compareSilentNames; more > 0 {
		lines = append(lines, p.ctx.Styles.Compare.Dim.Render(fmt.Sprintf("  … and %d more", more)))
	}
	for i := range lines {
		lines[i] = common.FitWidth(lines[i], w)
	}
	return lines
}

// matchText is the statement inside a little of its paragraph: the
// sentence in full with the terms it shares with the query and its facts
// marked, the paragraph around it dimmed and cut to about a line and a
// half either side. A sentence too long for any column is cut to a
// window around its first mark (compare_window.go), with "…" at the cuts.
func (p *ComparePane) matchText(m compare.Match, w int) (string, []textlayout.Span) {
	valid := func(start, end int) bool { return start >= 0 && start < end && end <= len(m.Text) }
	facts := shownFacts(m)
	// The window opens at the first mark; a sentence may hold thousands,
	// so they are looked at twice rather than all gathered.
	focus := -1
	for _, f := range facts {
		if valid(f.Start, f.End) && (focus < 0 || f.Start < focus) {
			focus = f.Start
		}
	}
	// Spans are sorted and disjoint: the first valid one is the leftmost.
	for _, s := range m.Spans {
		if valid(s.Start, s.End) {
			if focus < 0 || s.Start < focus {
				focus = s.Start
			}
			break
		}
	}
	a, b := sentenceWindow(m.Text, focus, stmtLimit(w))
	sent := common.OneLineKeep(m.Text[a:b])
	before, after := "", ""
	if i := p.sentenceOffset(m); i >= 0 {
		room := w * 3 / 2
		if a == 0 {
			before = contextBefore(m.Context[:i], room)
		}
		if b == len(m.Text) {
			after = contextAfter(m.Context[i+len(m.Text):], room)
		}
	}
	if a > 0 {
		before = "…"
	} else if before != "" {
		before += " "
	}
	if b < len(m.Text) {
		after = "…"
	} else if after != "" {
		after = " " + after
	}
	// The marks in the window, in the text's bytes. Facts first: where a
	// fact and a shared term overlap, the fact's mark matters more.
	off := len(before) - a
	var spans []textlayout.Span
	mark := func(start, end int, st lipgloss.Style) {
		if valid(start, end) && start < b && a < end {
			spans = append(spans, textlayout.Span{Start: off + max(start, a), End: off + min(end, b), Style: st})
		}
	}
	for _, f := range facts {
		mark(f.Start, f.End, p.ctx.Styles.Compare.Rel[f.Relation])
	}
	// The window opens before the first mark, so the spans in it are the
	// first ones: a giant sentence may have thousands past its end, and
	// this runs for every statement on every frame.
	for _, s := range m.Spans {
		if s.Start >= b {
			break
		}
		mark(s.Start, s.End, p.ctx.Styles.Compare.Shared)
	}
	if before != "" {
		spans = append(spans, textlayout.Span{Start: 0, End: len(before), Style: p.ctx.Styles.Compare.Context})
	}
	if after != "" {
		spans = append(spans, textlayout.Span{Start: len(before) + len(sent), End: len(before) + len(sent) + len(after), Style: p.ctx.Styles.Compare.Context})
	}
	return before + sent + after, spans
}

// sentenceOffset is where a match's sentence starts in its paragraph, or
// -1 when it is not found there. The document says where, which spares a
// search through a long paragraph on every frame.
func (p *ComparePane) sentenceOffset(m compare.Match) int {
	if m.Text == "" {
		return -1
	}
	if m.Loc.Doc >= 0 && m.Loc.Doc < len(p.docs) {
		if bl := p.docs[m.Loc.Doc].Block(m.Loc.Block); bl != nil && m.Loc.Sentence >= 0 && m.Loc.Sentence < len(bl.Sentences) {
			if i := bl.Sentences[m.Loc.Sentence].Start; i >= 0 && i+len(m.Text) <= len(m.Context) && m.Context[i:i+len(m.Text)] == m.Text {
				return i
			}
		}
	}
	return strings.Index(m.Context, m.Text)
}

// shownFacts are the fact marks worth a reader's eye: every comparable
// number, date and duration, but places and actors only where they differ
// or merely fit — "Iran ✓ same" on every line would drown the marks that
// matter. Repeats of one fact are shown once.
func shownFacts(m compare.Match) []compare.FactMark {
	var out []compare.FactMark
	seen := map[string]bool{}
	for _, f := range m.Facts {
		if f.Relation == compare.None {
			continue
		}
		if (f.Kind == compare.KindPlace || f.Kind == compare.KindActor) && f.Relation == compare.Same {
			continue
		}
		k := string(f.Kind) + "\x00" + common.OneLine(f.Text) + "\x00" + string(f.Relation)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	return out
}

// factLines lists a statement's comparable facts with their marks: the
// glyph, the fact as written, and what it was compared with.
func (p *ComparePane) factLines(m compare.Match, w int) []string {
	var out []string
	facts := shownFacts(m)
	more := len(facts) - compareMaxFacts
	if more > 0 {
		facts = facts[:compareMaxFacts]
	}
	for _, f := range facts {
		mark := common.RelGlyph[f.Relation] + " " + common.OneLine(f.Text)
		text := mark + " " + relWord[f.Relation]
		if f.Against != nil && f.Relation != compare.Same {
			text += relWith[f.Relation] + common.OneLine(f.Against.Text)
		}
		if f.Note != "" {
			text += " · " + f.Note
		}
		spans := []textlayout.Span{{Start: 0, End: len(mark), Style: p.ctx.Styles.Compare.Rel[f.Relation]}, {Start: len(mark), End: len(text), Style: p.ctx.Styles.Compare.Dim}}
		out = append(out, textlayout.WrapStyled(text, w, p.ctx.Styles.Compare.Dim, spans)...)
	}
	if more > 0 {
		out = append(out, p.ctx.Styles.Compare.Dim.Render("… and "+common.Plural(more, "more fact")))
	}
	return out
}

// relWord names a relation after a fact.
var relWord = map[compare.Relation]string{
	compare.Same:       "same",
	compare.Compatible: "compatible",
	compare.Different:  "differs",
}

var relWith = map[compare.Relation]string{
	compare.Compatible: " with ",
	compare.Different:  " from ",
}
