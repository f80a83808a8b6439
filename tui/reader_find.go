package tui

import (
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"

	"parley/corpus"
	"parley/tui/common"
)

// findState is find-in-document: the query being typed, and the matches of
// the last accepted one in reading order (byte ranges of body blocks, and
// of matter notes while the matter is shown: see noteBlock).
type findState struct {
	input   textinput.Model
	typing  bool
	query   string
	matches []overlay
	cur     int
	origin  anchor // where the reader was when typing began
	// inMatter counts the query's occurrences in the folded front and
	// back matter when the body has none, so the status says where the
	// word is, and which key shows it, instead of a bare "no match".
	inMatter   int
	matterKind string // "front", "back" or "front and back"
	// The matches are a window of at most 2×findWindow
	// (reader_find_window.go): base matches come before it, total is
	// the count, a lower bound while more says the scan stopped early.
	base, total int
	more        bool
}

func (f *findState) clear() {
	f.typing = false
	f.input.Blur()
	f.query = ""
	f.matches = nil
	f.cur, f.base, f.total, f.more = 0, 0, 0, false
	f.inMatter, f.matterKind = 0, ""
}

// status is "3/7" while there are matches, or says there are none, and
// where the query is when only the folded matter has it (unfold names the
// key that shows it). It gives the longest wording that fits in room
// cells, down to the shortest one.
func (f *findState) status(unfold string, room int) string {
	if f.query == "" {
		return ""
	}
	if len(f.matches) > 0 {
		return f.findCount()
	}
	q := fmt.Sprintf("%q", corpus.CleanLine(f.query))
	var forms []string
	if f.inMatter > 0 {
		forms = []string{
			fmt.Sprintf("no match for %s · %d in the folded %s matter, %s shows it", q, f.inMatter, f.matterKind, unfold),
			fmt.Sprintf("no match · %d in the folded %s matter, %s shows it", f.inMatter, f.matterKind, unfold),
			fmt.Sprintf("no match · %d in folded matter, %s shows it", f.inMatter, unfold),
			fmt.Sprintf("no match · %d in folded matter", f.inMatter),
		}
	} else {
		forms = []string{"no match for " + q, "no match"}
	}
	for _, s := range forms {
		if common.StrWidth(s) <= room {
			return s
		}
	}
	return forms[len(forms)-1]
}

// findStatus is the find's status for this pane's fold state and keys,
// in at most room cells where it can.
func (p *readerPane) findStatus(room int) string {
	return p.find.status(p.ctx.Keys.Matter.Help().Key, room)
}

func (p *readerPane) updateFind(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.ctx.Keys.Accept):
		p.find.typing = false
		p.find.input.Blur()
		p.runFind(p.find.input.Value())
		return nil
	case key.Matches(msg, p.ctx.Keys.Cancel):
		// Back to where the reader was, with no highlights, as in less.
		p.find.clear()
		p.anchor = p.find.origin
		p.top = p.anchorLine(p.anchor)
		p.clampTop()
		return nil
	}
	return p.editFind(msg)
}

// editFind passes typing or a paste to the find input and finds again
// when the text changed.
func (p *readerPane) editFind(msg tea.Msg) tea.Cmd {
	before := p.find.input.Value()
	var cmd tea.Cmd
	p.find.input, cmd = p.find.input.Update(msg)
	if v := p.find.input.Value(); v != before {
		// Incremental: show the matches while typing, searching from
		// where the reader was when typing began.
		p.anchor = p.find.origin
		p.top = p.anchorLine(p.anchor)
		p.clampTop()
		p.runFind(v)
	}
	return cmd
}

// startFind opens the find input.
func (p *readerPane) startFind() tea.Cmd {
	p.find.typing = true
	p.find.origin = p.anchor
	p.find.input.SetValue("")
	return p.find.input.Focus()
}

// runFind finds every case-insensitive occurrence of q in the text on
// screen (the body, and the matter while it is shown) and goes to the
// first one at or after the top of the screen.
func (p *readerPane) runFind(q string) {
	// Documents are read in NFC (corpus.decodeText): so is the query, so
	// an accent typed or pasted as a combining mark finds the letter.
	q = norm.NFC.String(q)
	p.find.query = q
	p.find.cur = 0
	if q == "" || p.r == nil {
		p.find.matches = p.find.matches[:0]
		p.find.base, p.find.total, p.find.more = 0, 0, false
		p.find.inMatter, p.find.matterKind = 0, ""
		p.find.query = ""
		return
	}
	p.find.cur = p.scanFind(p.topOrder())
	if len(p.find.matches) > 0 {
		if p.find.cur >= len(p.find.matches) {
			p.goFirst() // none below the top: round to the first, as less does
		}
		p.showMatch()
	}
}

// scanFind reads the window of matches around at (see scanWindow) and
// returns the index of the first at or after it. With the matter folded
// and no match in the body, it counts those in the matter for the status
// instead.
func (p *readerPane) scanFind(at order) int {
	p.find.inMatter, p.find.matterKind = 0, ""
	i := p.scanWindow(at)
	if !p.matterOpen && len(p.find.matches) == 0 {
		p.findInMatter(p.find.query)
	}
	return i
}

// findInMatter counts q in the front and back matter, and notes which of
// them hold it.
func (p *readerPane) findInMatter(q string) {
	front, back := false, false
	for _, m := range p.doc.Matter {
		n := len(findFold(m.Text, q))
		if n == 0 {
			continue
		}
		p.find.inMatter += n
		if m.Kind == "back" {
			back = true
		} else {
			front = true
		}
	}
	switch {
	case front && back:
		p.find.matterKind = "front and back"
	case back:
		p.find.matterKind = "back"
	case front:
		p.find.matterKind = "front"
	}
}

// refind finds again after the matter was shown or folded. The current
// match stays current when it is still found (a body match); one in the
// matter just folded gives way to the nearest body match, the next in
// reading order or else the last. The screen follows the current match
// only if it was on screen, or if there was none (m shows the match the
// status pointed to).
func (p *readerPane) refind(onScreen bool) {
	if p.find.query == "" || p.r == nil {
		return
	}
	var old overlay
	had := len(p.find.matches) > 0
	if had {
		old = p.find.matches[p.find.cur]
	}
	at := p.topOrder()
	if had {
		at = p.readingOrder(old)
	}
	p.find.cur = p.scanFind(at)
	if len(p.find.matches) == 0 {
		return
	}
	if p.find.cur >= len(p.find.matches) {
		if had {
			p.goLast()
		} else {
			p.goFirst()
		}
	}
	if !had || onScreen {
		p.showMatch()
	}
}

// readingOrder places a match in the order the text is drawn: front
// matter (0), body (1), back matter (2), then the block or note and the
// byte in it.
func (p *readerPane) readingOrder(m overlay) [3]int {
	if m.block >= 0 {
		return [3]int{1, m.block, m.start}
	}
	n, part := noteOf(m.block), 0
	if n < len(p.doc.Matter) && p.doc.Matter[n].Kind == "back" {
		part = 2
	}
	return [3]int{part, n, m.start}
}

func lessOrder(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// curOnScreen reports whether the current find match is on screen.
func (p *readerPane) curOnScreen() bool {
	if len(p.find.matches) == 0 || p.r == nil {
		return false
	}
	m := p.find.matches[p.find.cur]
	line := p.lineOfOffset(m.block, m.start)
	return line >= p.top && line < p.top+p.bodyHeight()
}

// showMatch scrolls only when the current match is off screen, as less does.
func (p *readerPane) showMatch() {
	m := p.find.matches[p.find.cur]
	line := p.lineOfOffset(m.block, m.start)
	if line < p.top || line >= p.top+p.bodyHeight() {
		p.setTop(line - p.bodyHeight()/3)
	}
}

// lineOfOffset is the line showing byte off of a block.
// block is a body block or a shown matter note (noteBlock).
func (p *readerPane) lineOfOffset(block, off int) int {
	first := p.r.firstLine(block)
	// The block's lines run from first while they belong to it, in order
	// of their start; a binary search keeps a find in one huge paragraph
	// (tens of thousands of lines and matches) from going quadratic.
	n := sort.Search(len(p.r.lines)-first, func(i int) bool {
		l := p.r.lines[first+i]
		return l.block != block || l.start > off
	})
	return first + max(n-1, 0)
}

// findFold returns the byte ranges in text that equal q ignoring case.
func findFold(text, q string) [][2]int {
	var out [][2]int
	eachFold(text, q, func(s, e int) bool {
		out = append(out, [2]int{s, e})
		return true
	})
	return out
}
