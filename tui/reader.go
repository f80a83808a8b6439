package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
)

// readerPane shows one document, wrapped once per width and scrolled.
type readerPane struct {
	common.Outbox
	ctx *common.Context

	doc    *corpus.Document
	docIdx int // index in the corpus, for Loc; -1 while unknown

	width, height int
	focused       bool
	matterOpen    bool

	r   *rendered // cached wrap for the current width; nil when stale
	top int       // first line shown
	// anchor keeps the place across a re-wrap (resize, fold, restyle).
	anchor anchor

	find    findState
	cursor  sentenceCursor
	mark    *corpus.Loc // a sentence highlighted by OpenMsg
	outline outlineState
	// jumpFindFrom is where the last find began, for the jump list.
	jumpFindFrom corpus.Loc
}

// anchor is a place that survives re-wrapping: a byte of a block, and how
// many lines above that byte's line the top of the screen was.
type anchor struct {
	block, off, above int
}

// stepDocMsg asks the root for the next (+1) or previous (-1) document in
// the list's order.
type stepDocMsg struct{ delta int }

func newReaderPane(ctx *common.Context) *readerPane {
	ti := common.NewTextInput("/", "find in document", maxQuery)
	common.SteadyCursor(&ti) // an open find box idles without redrawing
	return &readerPane{ctx: ctx, docIdx: -1, find: findState{input: ti}}
}

// open shows doc at loc (Block -1: the top); highlight marks the sentence.
func (p *readerPane) open(doc *corpus.Document, docIdx int, loc corpus.Loc, highlight bool) {
	doc.LoadBody() // listed without it while its folder loads
	if doc != p.doc {
		p.doc = doc
		p.r = nil
		p.anchor = anchor{block: -1}
		p.find.clear()
		p.cursor.on = false
		p.outline.on = false
	}
	p.docIdx = docIdx
	p.mark = nil
	if highlight && loc.Block >= 0 {
		m := loc
		p.mark = &m
	}
	p.ensure()
	p.scrollToLoc(loc, highlight)
}

// openAt shows doc at a remembered place (clamped when the document has
// shrunk since).
func (p *readerPane) openAt(doc *corpus.Document, docIdx int, a anchor) {
	p.open(doc, docIdx, corpus.Loc{Doc: docIdx, Block: -1, Sentence: -1}, false)
	p.anchor = a
	if p.r != nil {
		p.top = p.anchorLine(a)
		p.clampTop()
	}
}

// Focus and Blur: only the focused reader's status bar is reversed.
func (p *readerPane) Focus() tea.Cmd { p.focused = true; return nil }
func (p *readerPane) Blur()          { p.focused = false }

// Restyle wraps again with the new styles (the cached lines hold them).
func (p *readerPane) Restyle() {
	p.r = nil
	p.ensure()
}

func (p *readerPane) SetSize(w, h int) {
	// The anchor, set by the last scroll, decides the top: resizes never
	// move it, so a storm of them leaves the reader where the user was.
	p.width, p.height = w, h
	p.sizeFindInput()
	p.ensure()
	if p.r != nil {
		p.top = p.anchorLine(p.anchor)
		p.clampTop()
	}
	p.scrollOutline()
}

func (p *readerPane) bodyHeight() int { return max(p.height-1, 0) }

// ensure wraps the document for the current width if the cache is stale,
// and puts the anchor back at the top.
func (p *readerPane) ensure() {
	if p.doc == nil || p.width <= 0 || (p.r != nil && p.r.width == p.width && p.r.matterOpen == p.matterOpen) {
		return
	}
	p.r = renderDoc(p.doc, p.width, p.ctx.Styles, p.matterOpen)
	p.top = p.anchorLine(p.anchor)
	p.clampTop()
}

func (p *readerPane) maxTop() int {
	if p.r == nil {
		return 0
	}
	return max(len(p.r.lines)-p.bodyHeight(), 0)
}

func (p *readerPane) clampTop() { p.top = max(min(p.top, p.maxTop()), 0) }

func (p *readerPane) scroll(n int) {
	p.top += n
	p.clampTop()
	p.anchor = p.topAnchor()
}

func (p *readerPane) setTop(line int) {
	p.top = line
	p.clampTop()
	p.anchor = p.topAnchor()
}

// topAnchor is the top line as an anchor: the first body line at or below
// it. Block -1 means the top of the document.
func (p *readerPane) topAnchor() anchor {
	if p.r == nil {
		return p.anchor
	}
	if p.top > 0 {
		for i := p.top; i < len(p.r.lines); i++ {
			if l := p.r.lines[i]; l.block >= 0 {
				return anchor{block: l.block, off: l.start, above: i - p.top}
			}
		}
	}
	return anchor{block: -1, above: p.top}
}

func (p *readerPane) anchorLine(a anchor) int {
	switch {
	case p.r == nil || a.block < 0:
		return a.above
	case a.block >= len(p.r.blocks):
		return len(p.r.lines) // the document shrank: its end
	}
	return p.lineOfOffset(a.block, a.off) - a.above
}

// position is the sentence at the top of the screen (Block -1 when the
// header is at the top), used for jumps and remembered positions.
func (p *readerPane) position() corpus.Loc {
	loc := corpus.Loc{Doc: p.docIdx, Block: -1, Sentence: -1}
	if p.r == nil || p.top <= 0 {
		return loc
	}
	for i := p.top; i < len(p.r.lines); i++ {
		if l := p.r.lines[i]; l.block >= 0 {
			loc.Block = l.block
			loc.Sentence = sentenceAt(p.r.blocks[l.block].Block, l.start)
			return loc
		}
	}
	return loc
}

// lineOf is the line where loc's sentence starts (0 for the header;
// clamped when the document has shrunk).
func (p *readerPane) lineOf(loc corpus.Loc) int {
	if p.r == nil || loc.Block < 0 || len(p.r.blocks) == 0 {
		return 0
	}
	b := min(loc.Block, len(p.r.blocks)-1)
	line := p.r.blockLine[b]
	blk := p.r.blocks[b].Block
	if loc.Sentence >= 0 && loc.Sentence < len(blk.Sentences) && loc.Block == b {
		start := blk.Sentences[loc.Sentence].Start
		for line+1 < len(p.r.lines) && p.r.lines[line+1].block == b && p.r.lines[line+1].start <= start {
			line++
		}
	}
	return line
}

// scrollToLoc puts loc at the top, or a third of the way down when it is
// a highlighted target so it reads in context.
func (p *readerPane) scrollToLoc(loc corpus.Loc, centre bool) {
	line := p.lineOf(loc)
	if centre {
		line -= p.bodyHeight() / 3
	}
	p.setTop(line)
}

func sentenceAt(b *corpus.Block, off int) int {
	for i, s := range b.Sentences {
		if off < s.End {
			return i
		}
	}
	return len(b.Sentences) - 1
}

func (p *readerPane) CapturesInput() bool { return p.find.typing }

func (p *readerPane) Keys() help.KeyMap {
	switch {
	case p.find.typing:
		return p.ctx.Keys.InputKeys()
	case p.outline.on:
		return p.ctx.Keys.OutlineKeys()
	case p.cursor.on:
		return p.ctx.Keys.CursorKeys()
	}
	return p.ctx.Keys.ReaderKeys()
}

func (p *readerPane) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	if p.doc == nil {
		return p, nil
	}
	defer p.sizeFindInput() // whatever changed the find count
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			p.scroll(3)
		case tea.MouseWheelUp:
			p.scroll(-3)
		}
		return p, nil
	case tea.KeyPressMsg:
		w := p.watchJump(msg)
		cmd := p.handleKeyPress(msg)
		p.noteJump(w, msg)
		return p, cmd
	case tea.PasteMsg:
		if p.find.typing {
			return p, p.editFind(msg)
		}
		return p, nil
	}
	if p.find.typing {
		var cmd tea.Cmd
		p.find.input, cmd = p.find.input.Update(msg)
		return p, cmd
	}
	return p, nil
}

// handleKeyPress routes a key to the find input, the outline, the
// sentence cursor or the body, whichever is active.
func (p *readerPane) handleKeyPress(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case p.find.typing:
		return p.updateFind(msg)
	case p.outline.on:
		return p.updateOutline(msg)
	case p.cursor.on:
		if cmd, ok := p.updateCursor(msg); ok {
			return cmd
		}
	}
	return p.handleKey(msg)
}

func (p *readerPane) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	km, h := p.ctx.Keys, p.bodyHeight()
	switch {
	case key.Matches(msg, km.Down, km.LineDown):
		p.scroll(1)
	case key.Matches(msg, km.Up, km.LineUp):
		p.scroll(-1)
	case key.Matches(msg, km.PageDown):
		p.scroll(max(h-1, 1))
	case key.Matches(msg, km.PageUp):
		p.scroll(-max(h-1, 1))
	case key.Matches(msg, km.HalfDown):
		p.scroll(max(h/2, 1))
	case key.Matches(msg, km.HalfUp):
		p.scroll(-max(h/2, 1))
	case key.Matches(msg, km.Top):
		p.setTop(0)
	case key.Matches(msg, km.Bottom):
		p.setTop(p.maxTop())
	case key.Matches(msg, km.NextSection):
		p.jumpSection(1)
	case key.Matches(msg, km.PrevSection):
		p.jumpSection(-1)
	case key.Matches(msg, km.Outline):
		p.openOutline()
	case key.Matches(msg, km.Matter):
		// Find reads what is on screen: showing or folding the matter
		// finds again, keeping the current match where it can.
		onScreen := p.curOnScreen()
		p.matterOpen = !p.matterOpen
		p.ensure()
		p.refind(onScreen)
	case key.Matches(msg, km.NextDoc):
		p.Emit(stepDocMsg{delta: 1})
	case key.Matches(msg, km.PrevDoc):
		p.Emit(stepDocMsg{delta: -1})
	case key.Matches(msg, km.Find):
		return p.startFind()
	case key.Matches(msg, km.NextMatch):
		p.stepMatch(1)
	case key.Matches(msg, km.PrevMatch):
		p.stepMatch(-1)
	case key.Matches(msg, km.Cursor):
		p.startCursor()
	case key.Matches(msg, km.Compare):
		p.compareHere()
	case key.Matches(msg, km.Back):
		if p.find.query != "" {
			// The first esc clears a finished find (its highlights,
			// count or "no match"), as less's ESC-u does; the next one
			// goes back.
			p.find.clear()
			return nil
		}
		p.Emit(common.BackMsg{})
	}
	return nil
}

// jumpSection moves to the next or previous heading from the top line.
func (p *readerPane) jumpSection(dir int) {
	if p.r == nil {
		return
	}
	entries := p.r.outline
	if dir > 0 {
		for _, e := range entries {
			if e.line > p.top {
				p.setTop(e.line)
				return
			}
		}
		return
	}
	for i := len(entries) - 1; i >= 0; i-- {
		if entries[i].line < p.top {
			p.setTop(entries[i].line)
			return
		}
	}
	p.setTop(0)
}

// currentSection is the heading the top line falls under.
func (p *readerPane) currentSection() string {
	if p.r == nil {
		return ""
	}
	heading := ""
	for _, e := range p.r.outline {
		if e.line > p.top {
			break
		}
		heading = e.heading
	}
	return heading
}
