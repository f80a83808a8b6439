package tui

// compareHere is c without the sentence cursor: it compares the sentence
// the reader's attention is on, as v would pick it (the current find
// match, else the sentence a search hit opened, else the first sentence
// at the top of the screen), and leaves the cursor on it, so that back
// from the comparison ) and ( step on from there. With no sentence to
// pick it says how to choose one instead of doing nothing.
func (p *readerPane) compareHere() {
	if p.r == nil {
		return
	}
	p.startCursor()
	if !p.cursor.on || !p.validSentence(p.cursor.block, p.cursor.sentence) {
		p.cursor.on = false
		p.Emit(noteMsg("no sentence here to compare: v starts the sentence cursor, ) and ( move it, c compares"))
		return
	}
	p.compare()
}
