package compareview

import (
	"fmt"
	"path"
	"strings"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
	"parley/tui/textlayout"
)

const (
	// compareMinCol is the narrowest useful column: below two of these
	// side by side the sources are stacked one above another instead.
	compareMinCol = 30
	colGap        = 3 // " │ " between columns
	// colHead is the lines pinned at the top of each column: outlet, date.
	colHead = 2
)

func (p *ComparePane) stacked() bool { return p.width < 2*compareMinCol+colGap }

// columnsShown is how many sources are on screen at once.
func (p *ComparePane) columnsShown() int {
	n := len(p.order)
	if p.stacked() {
		return max(n, 1)
	}
	c := (p.width + colGap) / (compareMinCol + colGap)
	return max(1, min(c, n))
}

// pinned says whether the origin's column stays on the left while the
// others page past it: what is being compared stays in sight.
func (p *ComparePane) pinned() bool {
	return !p.stacked() && p.columnsShown() >= 2 && len(p.order) > 0 && p.order[0] != silentCol &&
		p.result != nil && p.result.Sources[p.order[0]].Origin
}

// perPage is how many columns one sideways page moves.
func (p *ComparePane) perPage() int {
	if p.pinned() {
		return p.columnsShown() - 1
	}
	return p.columnsShown()
}

// visibleCols lists the columns on screen, as indices into order.
func (p *ComparePane) visibleCols() []int {
	if p.stacked() {
		cols := make([]int, len(p.order))
		for i := range cols {
			cols[i] = i
		}
		return cols
	}
	var cols []int
	first := p.page
	if p.pinned() {
		cols = append(cols, 0)
		first++
	}
	for c := first; c < len(p.order) && len(cols) < p.columnsShown(); c++ {
		cols = append(cols, c)
	}
	return cols
}

// draw renders exactly width×height cells from what Update computed;
// View caches what it returns.
func (p *ComparePane) draw() string {
	w, h := p.width, p.height
	if blank, ok := noRoom(w, h); ok {
		return blank
	}
	title, claim, rule, status := p.titleLine(), p.claimLine(w), p.ctx.Styles.Compare.Rule.Render(strings.Repeat("─", w)), p.statusLine(w)
	// Chrome gives way to the statements on a short terminal: the rule
	// first, then the claim line, then the status, the title last.
	top, bottom := []string{title, claim, rule}, []string{status}
	for h-len(top)-len(bottom) < 3 && len(top)+len(bottom) > 0 {
		switch {
		case len(top) == 3:
			top = top[:2]
		case len(top) == 2:
			top = top[:1]
		case len(bottom) == 1:
			bottom = nil
		default:
			top = nil
		}
	}
	bodyH := h - len(top) - len(bottom)
	lines := append([]string{}, top...)
	lines = append(lines, common.FitBlock(p.body(w, bodyH), w, bodyH)...)
	lines = append(lines, bottom...)
	return strings.Join(common.FitBlock(lines, w, h), "\n")
}

func (p *ComparePane) titleLine() string {
	if p.work.on {
		return p.work.view(p.ctx.Styles.Compare)
	}
	if p.prompt.typing {
		return p.prompt.view()
	}
	if p.query.text == "" {
		return p.ctx.Styles.Compare.Title.Render("Compare")
	}
	// The query may be a whole paragraph: only what the line can show is
	// flattened and cleaned.
	q := corpus.CleanLine(common.OneLine(clipText(p.query.text, 4*p.width+64)))
	return p.ctx.Styles.Compare.Title.Render("Compare ") + quoteOnce(q)
}

// claimLine says what the query is and which layer is on.
func (p *ComparePane) claimLine(w int) string {
	layer := "[curated layer on]"
	if p.engineOnly || !p.engine.hasCurated() {
		layer = "[engine only]"
	}
	var left string
	switch {
	case p.claimLabel != "" || (p.result != nil && p.result.Claim != nil):
		label, tag := p.claimLabel, ""
		if c := p.result; c != nil && c.Claim != nil {
			label = c.Claim.Label
			tag = curatedTag(*c.Claim)
			if n := len(p.engine.staleOf(label)); n > 0 && c.Claim.Origin == compare.OriginUser {
				tag += fmt.Sprintf(" · ! %d quote(s) no longer found", n)
			}
		}
		left = "claim: " + corpus.CleanLine(common.OneLine(clipText(label, 4*w+64)))
		if tag != "" {
			left += " " + p.ctx.Styles.Compare.Curated.Render("· "+tag)
		}
	case p.fromReader && p.query.origin != nil:
		left = p.ctx.Styles.Compare.Meta.Render("sentence from " + p.sourceName(p.query.origin.Doc))
	case p.query.text != "":
		left = p.ctx.Styles.Compare.Meta.Render("typed query")
	}
	if note := p.scopeNote(); note != "" && p.query.text != "" {
		// The set first: what the sources are matters more than where
		// the sentence came from, which its column names too.
		left = p.ctx.Styles.Compare.Meta.Render(note+" · ") + left
	}
	lw := max(w-common.StrWidth(layer)-1, 0)
	return common.FitWidth(left, lw) + " " + p.ctx.Styles.Compare.Meta.Render(layer)
}

func (p *ComparePane) statusLine(w int) string {
	var left string
	if n := len(p.order); n > 0 {
		cols := p.visibleCols()
		switch {
		case p.stacked():
			// Stacked there are no pages: the count is of sources, the
			// silent ones in their summary included.
			sources := n
			if len(p.silent) > 0 {
				sources += len(p.silent) - 1
			}
			left = common.Plural(sources, "source")
		case p.pinned():
			left = "origin + " + colRange(cols[1:], n)
		default:
			left = colRange(cols, n)
		}
		if len(p.silent) > 0 {
			left += fmt.Sprintf(" · %d silent", len(p.silent))
		}
		if !p.stacked() {
			if p.page > 0 {
				left = "◂ " + left
			}
			if cols[len(cols)-1] < n-1 {
				left += " ▸"
			}
		}
	}
	right := p.legend()
	if st := p.status; !st.empty() {
		// The message comes before the count of sources: when both do
		// not fit, the count gives way, and then the path is shortened.
		// On a narrow screen "export failed: " gives way to "failed: ",
		// then goes, so the reason at the end always shows.
		pathRoom := min(common.StrWidth(st.path), 1) // at least "…" of a path
		if common.StrWidth(st.text+st.tail)+pathRoom > w {
			st.text = strings.TrimPrefix(st.text, "export ")
			if common.StrWidth(st.text+st.tail)+pathRoom > w {
				st.text = ""
			}
		}
		fixed := common.StrWidth(st.text + st.tail)
		room := w - fixed
		if left != "" {
			room -= common.StrWidth(left) + 3
			if room < min(common.StrWidth(st.path), max(24, common.StrWidth(path.Base(st.path))+2)) {
				left, room = "", w-fixed
			}
		}
		right = st.text + st.tail
		if st.path != "" {
			right = st.text + shortenPath(st.path, room) + st.tail
		}
		if st.err {
			right = p.ctx.Styles.Compare.Warn.Render(right)
		}
	}
	if left == "" {
		return right
	}
	return p.ctx.Styles.Compare.Status.Render(left) + "   " + right
}

// colRange names the columns shown, counted from 1: "columns 2–3 of 5".
// They are columns, not sources: the silent ones share one, so "sources
// 2–4 of 4 · 2 silent" would read as six sources where there are five.
func colRange(cols []int, n int) string {
	switch len(cols) {
	case 0:
		return common.Plural(n, "column")
	case 1:
		return fmt.Sprintf("column %d of %d", cols[0]+1, n)
	}
	return fmt.Sprintf("columns %d–%d of %d", cols[0]+1, cols[len(cols)-1]+1, n)
}

func (p *ComparePane) legend() string {
	var parts []string
	for _, r := range []compare.Relation{compare.Same, compare.Compatible, compare.Different} {
		parts = append(parts, p.ctx.Styles.Compare.Rel[r].Render(common.RelGlyph[r])+p.ctx.Styles.Compare.Dim.Render(" "+string(r)))
	}
	return strings.Join(parts, "  ")
}

func (p *ComparePane) sourceName(doc int) string {
	if doc < 0 || doc >= len(p.docs) {
		return "?"
	}
	return common.SourceLabel(p.docs[doc])
}

// body draws the statements area: a message, the columns, or the stack.
func (p *ComparePane) body(w, h int) []string {
	switch {
	case h <= 0:
		return nil
	case p.loading:
		return []string{p.ctx.Styles.Compare.Dim.Render("comparing…")}
	case p.result == nil:
		return textlayout.WrapStyled("Nothing compared yet. Press / to type a statement, c on a sentence in the reader, or pick a claim in the claims index.", w, p.ctx.Styles.Compare.Dim, nil)
	case len(p.order) == 0:
		return []string{p.ctx.Styles.Compare.Dim.Render("no sources to compare")}
	case p.stacked():
		return p.stackedBody(w, h)
	}
	vis := p.visibleCols()
	n := len(vis)
	cw := (w - (n-1)*colGap) / n
	cols := make([][]string, n)
	for i, col := range vis {
		colW := cw
		if i == n-1 {
			colW = w - (n-1)*(cw+colGap)
		}
		cols[i] = p.column(col, colW, h)
	}
	sep := p.ctx.Styles.Compare.Rule.Render(" │ ")
	out := make([]string, h)
	for row := range out {
		parts := make([]string, n)
		for i := range cols {
			parts[i] = cols[i][row]
		}
		out[row] = strings.Join(parts, sep)
	}
	return out
}

// column draws one source, exactly w×h: its head pinned, its statements
// scrolled so that the selected one is in view.
func (p *ComparePane) column(col, w, h int) []string {
	head := p.sourceHead(col, w)
	stmts, selA, selB := p.statements(col, w)
	rest := max(h-len(head), 0)
	off := 0
	if selA >= 0 && selB > rest {
		off = min(selA, selB-rest)
	}
	shown := stmts[min(off, len(stmts)):]
	if len(shown) > rest && rest > 0 {
		shown = append(shown[:rest-1:rest-1], p.ctx.Styles.Compare.Dim.Render("↓ more"))
	}
	return common.FitBlock(append(head, shown...), w, h)
}

// stackedBody draws the sources one above another, scrolled so that the
// selected statement is in view. When that scrolls its source's heading
// off the top, the heading stays pinned on the first line, so the
// statement on screen is always named.
func (p *ComparePane) stackedBody(w, h int) []string {
	var all []string
	selA, selB, selCol, selHead := -1, -1, -1, -1
	for col := range p.order {
		if col > 0 {
			all = append(all, "")
		}
		head := len(all)
		all = append(all, p.sourceHead(col, w)...)
		stmts, a, b := p.statements(col, w)
		if a >= 0 {
			selA, selB, selCol, selHead = len(all)+a, len(all)+b, col, head
		}
		all = append(all, stmts...)
	}
	off := scrollOff(selA, selB, h)
	if selCol < 0 || off <= selHead || h < 3 {
		return common.FitBlock(all[min(off, len(all)):], w, h)
	}
	off = scrollOff(selA, selB, h-1)
	// Rather than half a heading under the pinned one, start after it.
	off = max(off, min(selHead+colHead, selA))
	return common.FitBlock(append([]string{p.stickyHead(selCol, w)}, all[min(off, len(all)):]...), w, h)
}

// scrollOff is the first line to show of a list h lines tall so that
// lines [a, b) are in view (their start, when they are taller).
func scrollOff(a, b, h int) int {
	if a >= 0 && b > h {
		return min(a, b-h)
	}
	return 0
}
