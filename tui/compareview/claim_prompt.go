package compareview

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"parley/tui/common"
)

// claimPrompt is the workbench's one-line prompt in the compare view and
// the claims index: a claim's label to type (a new claim, a rename), or a
// yes/no question (deleting a claim). Enter (or y) accepts; esc (or any
// other key to a question) cancels.
type claimPrompt struct {
	on       bool
	question string // set for a yes/no question
	verb     string // what accepting does, for the footer: "rename", "delete"
	input    textinput.Model
	accept   func(text string) tea.Cmd
}

// MaxLabel bounds a claim's label, as the other prompts are bounded.
const MaxLabel = 200

// ask opens the prompt on value, for a label; verb is what enter does.
func (c *claimPrompt) ask(prompt, verb, value string, width int, accept func(string) tea.Cmd) tea.Cmd {
	c.on, c.question, c.verb, c.accept = true, "", verb, accept
	c.input = common.NewTextInput(prompt, "a few words naming the point", MaxLabel)
	c.input.SetWidth(max(width-len(prompt)-1, 1))
	c.input.SetValue(value)
	c.input.CursorEnd()
	return c.input.Focus()
}

// confirm asks a yes/no question; verb is what y does.
func (c *claimPrompt) confirm(question, verb string, accept func(string) tea.Cmd) {
	c.on, c.question, c.verb, c.accept = true, question, verb, accept
}

// help is the footer while the prompt is open: its own keys, not the
// query prompt's.
func (c *claimPrompt) help() common.KeyGroup {
	var keys []key.Binding
	if c.question != "" {
		keys = []key.Binding{
			key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", c.verb)),
			key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep")),
		}
	} else {
		keys = []key.Binding{
			key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", c.verb)),
			key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		}
	}
	return common.KeyGroup{Short: keys, Full: [][]key.Binding{keys}}
}

func (c *claimPrompt) close() {
	c.on, c.accept = false, nil
	c.input.Blur()
}

func (c *claimPrompt) update(msg tea.KeyPressMsg) tea.Cmd {
	accept := c.accept
	if c.question != "" {
		c.close()
		if msg.String() == "y" || msg.String() == "Y" {
			return accept("")
		}
		return nil
	}
	switch msg.String() {
	case "enter":
		text := common.OneLine(c.input.Value())
		c.close()
		if text == "" {
			return nil
		}
		return accept(text)
	case "esc":
		c.close()
		return nil
	}
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	return cmd
}

// paste takes pasted text into the label; a question ignores it.
func (c *claimPrompt) paste(msg tea.PasteMsg) tea.Cmd {
	if c.question != "" {
		return nil
	}
	var cmd tea.Cmd
	c.input, cmd = c.input.Update(msg)
	return cmd
}

func (c *claimPrompt) view(st common.CompareStyles) string {
	if c.question != "" {
		return st.Warn.Render(c.question + " (y/n)")
	}
	return c.input.View()
}
