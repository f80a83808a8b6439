package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/compareview"
)

// sentenceCursor picks one sentence in the reader, for compare.
type sentenceCursor struct {
	on              bool
	block, sentence int
}

// startCursor puts the cursor where the reader's attention is: the
// current find match, else the sentence an open highlighted, when on
// screen; else the first sentence shown.
func (p *readerPane) startCursor() {
	if p.r == nil || len(p.r.blocks) == 0 {
		return
	}
	loc := p.position()
	if p.mark != nil && p.onScreen(p.lineOf(*p.mark)) {
		loc = *p.mark
	}
	if len(p.find.matches) > 0 {
		// A match in the shown matter has no sentence, and one scrolled
		// away from is no longer where the reader looks: the cursor then
		// starts from the screen.
		if m := p.find.matches[p.find.cur]; m.block >= 0 && p.onScreen(p.lineOfOffset(m.block, m.start)) {
			loc = corpus.Loc{Block: m.block, Sentence: sentenceAt(p.r.blocks[m.block].Block, m.start)}
		}
	}
	if loc.Block < 0 {
		loc.Block, loc.Sentence = 0, 0
	}
	p.cursor = sentenceCursor{on: true, block: loc.Block, sentence: max(loc.Sentence, 0)}
	if !p.validSentence(p.cursor.block, p.cursor.sentence) {
		p.moveCursor(1)
	}
	p.showCursor()
}

// onScreen says whether the reader's line is in the rows it shows.
func (p *readerPane) onScreen(line int) bool {
	return line >= p.top && line < p.top+p.bodyHeight()
}

func (p *readerPane) validSentence(b, s int) bool {
	return b >= 0 && b < len(p.r.blocks) && s >= 0 && s < len(p.r.blocks[b].Block.Sentences)
}

// updateCursor handles the keys of cursor mode; ok is false for keys it
// leaves to the reader (scrolling, find, ...).
func (p *readerPane) updateCursor(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	km := p.ctx.Keys
	switch {
	case key.Matches(msg, km.NextSentence):
		p.moveCursor(1)
	case key.Matches(msg, km.PrevSentence):
		p.moveCursor(-1)
	case key.Matches(msg, km.Compare, km.Accept):
		p.compare()
	case key.Matches(msg, km.AddToClaim):
		if p.validSentence(p.cursor.block, p.cursor.sentence) {
			text := p.r.blocks[p.cursor.block].Block.Sentences[p.cursor.sentence].Text
			loc := corpus.Loc{Doc: p.docIdx, Block: p.cursor.block, Sentence: p.cursor.sentence}
			return func() tea.Msg { return pickClaimMsg{loc: loc, text: text} }, true
		}
	case key.Matches(msg, km.UndoClaim):
		return func() tea.Msg { return compareview.ClaimsUndoMsg{} }, true
	case key.Matches(msg, km.Back, km.Cursor):
		p.cursor.on = false
	default:
		return nil, false
	}
	return nil, true
}

// moveCursor steps to the next or previous sentence, across blocks.
func (p *readerPane) moveCursor(dir int) {
	b, s := p.cursor.block, p.cursor.sentence
	for {
		s += dir
		for b >= 0 && b < len(p.r.blocks) && (s < 0 || s >= len(p.r.blocks[b].Block.Sentences)) {
			b += dir
			if b < 0 || b >= len(p.r.blocks) {
				break
			}
			s = 0
			if dir < 0 {
				s = len(p.r.blocks[b].Block.Sentences) - 1
			}
		}
		if b < 0 || b >= len(p.r.blocks) {
			return // stay on the first or last sentence
		}
		if p.validSentence(b, s) {
			p.cursor.block, p.cursor.sentence = b, s
			p.showCursor()
			return
		}
	}
}

// showCursor scrolls just enough to keep the cursor's sentence on screen.
func (p *readerPane) showCursor() {
	if !p.validSentence(p.cursor.block, p.cursor.sentence) {
		return
	}
	sent := p.r.blocks[p.cursor.block].Block.Sentences[p.cursor.sentence]
	first := p.lineOfOffset(p.cursor.block, sent.Start)
	last := p.lineOfOffset(p.cursor.block, max(sent.End-1, sent.Start))
	h := p.bodyHeight()
	switch {
	case first < p.top:
		p.setTop(first)
	case last >= p.top+h:
		p.setTop(min(first, last-h+1))
	}
}

// compare asks for the cursor's sentence to be compared across sources.
func (p *readerPane) compare() {
	if !p.validSentence(p.cursor.block, p.cursor.sentence) {
		return
	}
	text := p.r.blocks[p.cursor.block].Block.Sentences[p.cursor.sentence].Text
	from := corpus.Loc{Doc: p.docIdx, Block: p.cursor.block, Sentence: p.cursor.sentence}
	p.Emit(common.CompareMsg{Text: text, From: from, HasFrom: true})
}

// linesOrder is the reading-order span of the text on lines [from, to).
func (p *readerPane) linesOrder(from, to int) (lo, hi order) {
	lo, hi = orderEnd, orderStart
	for i := from; i < to; i++ {
		if l := p.r.lines[i]; l.block != -1 {
			if lo == orderEnd {
				lo = p.readingOrder(overlay{block: l.block, start: l.start})
			}
			hi = p.readingOrder(overlay{block: l.block, start: l.end})
		}
	}
	return lo, hi
}

// overlays lists the highlights touching lines [from, to): find matches,
// the sentence cursor and the marked sentence.
func (p *readerPane) overlays(from, to int) []overlay {
	r := p.r
	if from >= len(r.lines) {
		return nil
	}
	to = min(to, len(r.lines))
	// The body blocks and the matter notes on these lines (notes are
	// drawn in order, front before back, so a range of them).
	firstBlock, lastBlock := -1, -1
	firstNote, lastNote := -1, -2
	for i := from; i < to; i++ {
		switch b := r.lines[i].block; {
		case b >= 0:
			if firstBlock < 0 {
				firstBlock = b
			}
			lastBlock = b
		case b < -1:
			n := noteOf(b)
			if firstNote < 0 || n < firstNote {
				firstNote = n
			}
			lastNote = max(lastNote, n)
		}
	}
	if firstBlock < 0 && firstNote < 0 {
		return nil
	}
	var out []overlay
	sentence := func(b, s, rank int, st overlay) {
		if b < firstBlock || b > lastBlock || !p.validSentence(b, s) {
			return
		}
		sent := r.blocks[b].Block.Sentences[s]
		st.block, st.start, st.end, st.rank = b, sent.Start, sent.End, rank
		out = append(out, st)
	}
	if p.mark != nil {
		sentence(p.mark.Block, p.mark.Sentence, 1, overlay{paint: p.ctx.Styles.Paint.Mark})
	}
	if p.cursor.on {
		sentence(p.cursor.block, p.cursor.sentence, 2, overlay{paint: p.ctx.Styles.Paint.Cursor})
	}
	lo, hi := p.linesOrder(from, to)
	first, last := p.visibleMatches(lo, hi)
	for i := first; i < last; i++ {
		m := p.find.matches[i]
		m.paint, m.rank = p.ctx.Styles.Paint.Match, 3
		if i == p.find.cur {
			m.paint, m.rank = p.ctx.Styles.Paint.MatchCurrent, 4
		}
		out = append(out, m)
	}
	return out
}
