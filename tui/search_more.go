package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"parley/corpus/search"
	"parley/tui/common"
)

// Paging past the first searchLimit hits, and the scope label: the parts
// of the search pane that go beyond one ranked screenful of all documents.

// searchMoreMsg is the answer to a request for more hits of base.
type searchMoreMsg struct {
	base *search.Result
	res  *search.Result
}

// loadMore asks for the next searchLimit hits of the answer shown when
// the selection is within a page of the last hit kept and more match. It
// runs in a command, as a search does, so moving never waits on ranking;
// one request is in flight at a time.
func (p *searchPane) loadMore() tea.Cmd {
	res := p.res
	if res == nil || p.ix == nil || p.more != 0 || res.Total <= len(res.Hits) || p.sel < len(res.Hits)-1-p.rows() {
		return nil
	}
	ix, limit := p.ix, len(res.Hits)+searchLimit
	p.more = limit
	return func() tea.Msg {
		more, err := ix.More(context.Background(), res, limit)
		if err != nil {
			more = res
		}
		loadHitBodies(ix, more)
		return searchMoreMsg{base: res, res: more}
	}
}

// receiveMore shows the longer answer when it is still the answer shown:
// the hits it had come first in the same order, so the selection stays.
func (p *searchPane) receiveMore(msg searchMoreMsg) {
	if msg.base != p.res {
		return // a new answer came in the meantime
	}
	p.more = 0
	p.res = msg.res
	if p.prev == msg.base {
		p.prev = msg.res
	}
	p.keepVisible()
}

// scopeLabel names what is searched, at the end of the input line: all
// documents, or the one the reader shows, by its title.
func (p *searchPane) scopeLabel() string {
	if !p.thisDoc || p.ix == nil || p.current < 0 || p.current >= len(p.ix.Docs()) {
		return " all documents "
	}
	return " in " + common.TruncPlain(docTitle(p.ix.Docs()[p.current]), max(p.width/3-4, 8)) + " "
}

// fitInput gives the query input what the scope label leaves of the line.
func (p *searchPane) fitInput() {
	p.input.SetWidth(max(p.width-common.StrWidth(p.input.Prompt)-common.StrWidth(p.scopeLabel())-1, 1))
}
