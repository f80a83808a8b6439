package compareview

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/tui/common"
)

// compareBase is what the compare view and the claims index share: the
// engine, the session's story set, the curated layer switch, the query
// prompt and the workbench's prompt, the order in which input reaches them
// (input), and the keys that mean the same in both (sharedKey). Each pane
// embeds it and handles only its own keys.
type compareBase struct {
	common.Outbox

	ctx        *common.Context
	set        *common.StorySet // the session's stories, tags and scope
	engine     *Engine
	engineOnly bool // the curated layer is off

	prompt compareInput
	work   claimPrompt // the workbench's label prompt or question
}

func newCompareBase(ctx *common.Context, engine *Engine) compareBase {
	return compareBase{ctx: ctx, engine: engine, prompt: newCompareInput()}
}

// SetStories hands the pane the session's comparison set, which the root
// keeps (nil: every document, no stories).
func (b *compareBase) SetStories(set *common.StorySet) { b.set = set }

// Engine is the engine the compare view and the claims index share.
func (b *compareBase) Engine() *Engine { return b.engine }

// noCurated is what e says when the corpus has no curated layer.
const noCurated = "no curated claims for this corpus: engine only"

// sharedKey handles the keys both panes give the same meaning: / types a
// query to compare, e turns the curated layer on or off. When a key can do
// nothing, say is told why (for the pane's status line).
func (b *compareBase) sharedKey(msg tea.KeyPressMsg, say func(string)) (tea.Cmd, bool) {
	k := b.ctx.Keys.CompareView
	switch {
	case key.Matches(msg, k.Query):
		return b.prompt.open(), true
	case key.Matches(msg, k.Curated):
		if !b.engine.hasCurated() {
			say(noCurated)
			return nil, true
		}
		return setCuratedLayer(!b.engineOnly), true
	}
	return nil, false
}

// inputTaker is what each pane does with the input the base hands on.
type inputTaker interface {
	updateInput(msg tea.KeyPressMsg) tea.Cmd           // a key while the query prompt is open
	updateWorkKey(msg tea.KeyPressMsg) (tea.Cmd, bool) // the workbench's keys
	updateKey(msg tea.KeyPressMsg) tea.Cmd             // the pane's own keys
	moveSel(d int)
}

// input routes what the user does in either pane in the same order: a key
// goes to the workbench's prompt when it is open, else to the query
// prompt, else to the workbench's keys, else to the pane's own keys; the
// wheel moves the selection; a paste, as anything else (a cursor's
// blink), goes to the open prompt.
func (b *compareBase) input(p inputTaker, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case b.work.on:
			return b.work.update(msg)
		case b.prompt.typing:
			return p.updateInput(msg)
		}
		if cmd, ok := p.updateWorkKey(msg); ok {
			return cmd
		}
		return p.updateKey(msg)
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			p.moveSel(1)
		case tea.MouseWheelUp:
			p.moveSel(-1)
		}
		return nil
	case tea.PasteMsg:
		if b.work.on {
			return b.work.paste(msg)
		}
	}
	return b.prompt.updateOther(msg)
}

// modeKeys is the help while a prompt has the keys, if one has.
func (b *compareBase) modeKeys() (help.KeyMap, bool) {
	switch {
	case b.work.on:
		return b.work.help(), true
	case b.prompt.typing:
		return b.ctx.Keys.CompareView.InputHelp(), true
	}
	return nil, false
}

// paneKeys is a pane's help without the curated layer's key when there is
// no curated layer to turn on or off.
func (b *compareBase) paneKeys(g common.KeyGroup) help.KeyMap {
	return b.ctx.Keys.CompareView.WithoutCurated(g, b.engine.hasCurated())
}

// CapturesInput lets typed text reach the prompts rather than the global
// keys.
func (b *compareBase) CapturesInput() bool { return b.prompt.typing || b.work.on }

// Neither pane keeps anything of the focus, and the compare view's
// drawing is keyed by the context's generation (compare_memo.go), so a
// restyle needs nothing here.
func (b *compareBase) Focus() tea.Cmd { return nil }
func (b *compareBase) Blur()          {}
func (b *compareBase) Restyle()       {}

// noRoom is the drawing of a pane with no room to draw in ("" with no
// rows, blank rows with no columns), and whether it has none.
func noRoom(w, h int) (string, bool) {
	switch {
	case h <= 0:
		return "", true
	case w <= 0:
		return strings.Repeat("\n", h-1), true
	}
	return "", false
}
