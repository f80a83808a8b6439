package compareview

import (
	"parley/corpus/compare"
)

// compareViewKey is everything the compare view draws from, so a frame
// that changes none of it reuses the last drawing: wrapping every column
// again on each frame costs about a millisecond at 160×48.
type compareViewKey struct {
	w, h        int
	result      *compare.Result
	query       string
	claimLabel  string
	fromReader  bool
	engineOnly  bool
	loading     bool
	sel, page   int
	status      paneStatus
	gen         int // the context's: styles and the width measure
	hasResult   bool
	statements  int
	typingQuery bool
}

type compareViewMemo struct {
	key compareViewKey
	out string
	ok  bool
}

func (p *ComparePane) viewKey() compareViewKey {
	return compareViewKey{
		w: p.width, h: p.height, result: p.result, query: p.query.text,
		claimLabel: p.claimLabel, fromReader: p.fromReader, engineOnly: p.engineOnly,
		loading: p.loading, sel: p.sel, page: p.page, status: p.status,
		gen: p.ctx.Gen, hasResult: p.result != nil, statements: len(p.stmts),
		typingQuery: p.prompt.typing,
	}
}

// View draws the pane, or returns the last drawing when nothing it draws
// from has changed. The prompts blink while typing, so they are never
// cached.
func (p *ComparePane) View() string {
	if p.prompt.typing || p.work.on {
		return p.draw()
	}
	k := p.viewKey()
	if p.memo.ok && p.memo.key == k {
		return p.memo.out
	}
	p.memo = compareViewMemo{key: k, out: p.draw(), ok: true}
	return p.memo.out
}
