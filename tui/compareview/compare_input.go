package compareview

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"parley/tui/common"
)

// compareInput is the one-line "compare: …" prompt that the compare view
// and the claims index both open with /, for text typed by the user.
type compareInput struct {
	typing bool
	input  textinput.Model
}

func newCompareInput() compareInput {
	in := common.NewTextInput("compare: ", "a sentence or a few words", 500)
	return compareInput{input: in}
}

func (c *compareInput) setWidth(w int) {
	c.input.SetWidth(max(w-len(c.input.Prompt)-1, 1))
}

// open starts typing on an empty prompt.
func (c *compareInput) open() tea.Cmd {
	c.typing = true
	c.input.SetValue("")
	return c.input.Focus()
}

func (c *compareInput) close() {
	c.typing = false
	c.input.Blur()
}

// update handles a key while typing. text is the query when enter
// accepted a non-empty one; the prompt closes on enter and on cancel.
func (c *compareInput) update(msg tea.KeyPressMsg, km common.CompareKeyMap) (text string, cmd tea.Cmd) {
	switch {
	case key.Matches(msg, km.Accept):
		c.close()
		return common.OneLine(c.input.Value()), nil
	case key.Matches(msg, km.Cancel):
		c.close()
		return "", nil
	}
	c.input, cmd = c.input.Update(msg)
	return "", cmd
}

// updateOther passes non-key messages (cursor blinks) to the prompt while
// it is open.
func (c *compareInput) updateOther(msg tea.Msg) tea.Cmd {
	if !c.typing {
		return nil
	}
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	return cmd
}

func (c *compareInput) view() string { return c.input.View() }
