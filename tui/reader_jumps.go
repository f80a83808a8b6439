package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
)

// jumpMsg asks the root to record a jump inside the open document, so
// that ctrl+o comes back to where it started, as vim's jump list records
// G, gg, section moves, the outline and searches (but not j, k or paging).
type jumpMsg struct{ from, to corpus.Loc }

// jumpWatch is where the reader was before a key that may jump.
type jumpWatch struct {
	from      corpus.Loc
	findFrom  corpus.Loc // where a find was started, for its accepted match
	inOutline bool
	inFind    bool
}

// watchJump notes the reader's place before msg is handled.
func (p *readerPane) watchJump(msg tea.KeyPressMsg) jumpWatch {
	w := jumpWatch{from: p.position(), findFrom: p.jumpFindFrom, inOutline: p.outline.on, inFind: p.find.typing}
	if !w.inFind && !w.inOutline && key.Matches(msg, p.ctx.Keys.Find) {
		p.jumpFindFrom = w.from
	}
	return w
}

// noteJump emits a jumpMsg when msg moved the reader by a jump: a jump
// key in the body, a heading chosen in the outline, or a find accepted
// with enter (from where the find started, whatever it showed meanwhile).
func (p *readerPane) noteJump(w jumpWatch, msg tea.KeyPressMsg) {
	from := w.from
	switch {
	case w.inFind:
		if p.find.typing || p.find.query == "" || !key.Matches(msg, p.ctx.Keys.Accept) {
			return
		}
		from = w.findFrom
	case w.inOutline:
		if p.outline.on {
			return
		}
	case !key.Matches(msg, p.ctx.Keys.Top, p.ctx.Keys.Bottom, p.ctx.Keys.NextSection, p.ctx.Keys.PrevSection, p.ctx.Keys.NextMatch, p.ctx.Keys.PrevMatch):
		return
	}
	if to := p.position(); to != from {
		p.Emit(jumpMsg{from: from, to: to})
	}
}
