package compareview

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus/compare"
	"parley/tui/common"
)

// The workbench keys of the claims index: rename (r) and delete (D) the
// selected claim, undo the last change (u). Keeping and dropping
// statements happen in the compare view, which enter opens on the claim.

func (p *ClaimsPane) updateWorkKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := p.ctx.Keys.CompareView
	switch {
	case key.Matches(msg, k.Undo):
		return func() tea.Msg { return ClaimsUndoMsg{} }, true
	case key.Matches(msg, k.Rename):
		c, ok := p.workClaim("rename")
		if !ok {
			return nil, true
		}
		return p.work.ask("rename claim: ", "rename", c.Label, p.width, renameClaim(p.engine, c.Label, func(string) {})), true
	case key.Matches(msg, k.Delete):
		c, ok := p.workClaim("delete")
		if !ok {
			return nil, true
		}
		if c.Origin != compare.OriginUser {
			p.status = paneStatus{text: "only your own claims can be deleted; d in the compare view drops a statement from a shipped one", err: true}
			return nil, true
		}
		p.work.confirm(fmt.Sprintf("delete your claim “%s”?", common.OneLine(c.Label)), "delete", deleteClaim(c))
		return nil, true
	}
	return nil, false
}

// workClaim is the selected claim when it is curated (the user's or a
// shipped one) and the file can be written; else the status says why.
func (p *ClaimsPane) workClaim(what string) (compare.Claim, bool) {
	switch {
	case p.engine.key == nil:
		p.status = paneStatus{text: "no claims file to write to", err: true}
	case p.engineOnly:
		p.status = paneStatus{text: "the curated layer is off: e turns it on to edit claims", err: true}
	case p.sel >= len(p.claims):
		p.status = paneStatus{text: "no claim selected", err: true}
	case !p.claims[p.sel].Curated:
		p.status = paneStatus{text: fmt.Sprintf("the engine found this claim: enter compares it, and a keeps its statements as your claim; then %s it", what), err: true}
	default:
		return p.claims[p.sel], true
	}
	return compare.Claim{}, false
}

// selectLabel selects the claim a change was about, once the list that
// shows the change is in.
func (p *ClaimsPane) selectLabel() {
	if p.selLabel == "" {
		return
	}
	for i, c := range p.claims {
		if c.Label == p.selLabel {
			p.sel = i
			break
		}
	}
	p.selLabel = ""
}

// relayerStories forgets the stories' claims found under the old curated
// layer, and finds the open story's again under the new one.
func (p *ClaimsPane) relayerStories() tea.Cmd {
	clear(p.idx.found)
	if p.story == noStory {
		return p.nextStory()
	}
	return p.openStory(p.story)
}
