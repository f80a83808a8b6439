// Package common holds what every pane of the interface shares, in package
// tui and in its sub-packages: the styles, the one KeyMap (with the compare
// view's keys), the screen's size and how text is measured (Context); the
// pane contract and the navigation a pane sends the root (Pane, Outbox,
// OpenMsg, CompareMsg, BackMsg); the comparison set (StorySet); and the
// helpers that fit text to a width. The root model builds one Context and
// hands the same pointer to every pane, so a change of background or of
// the terminal's width method reaches them all at once.
package common

// Context is shared by the root model and every pane. The root alone
// writes it, in Update; panes read it when they draw.
type Context struct {
	Styles *Styles
	Keys   *KeyMap
	// Width and Height are the whole screen's; a pane's own rectangle
	// comes through its SetSize.
	Width, Height int
	// Gen changes whenever what was drawn before may no longer be right
	// (new styles, a new width method): caches of drawn text keep the
	// generation they were drawn in and draw again when it differs.
	Gen int
}

// New is the context for a dark or light background.
func New(isDark bool) *Context {
	st := NewStyles(isDark)
	km := DefaultKeyMap()
	return &Context{Styles: &st, Keys: &km}
}

// Restyle builds the styles for the terminal's background.
func (c *Context) Restyle(isDark bool) {
	*c.Styles = NewStyles(isDark)
	c.Gen++
}

// Remeasure marks everything drawn as stale after the width method
// changed (width.go).
func (c *Context) Remeasure() { c.Gen++ }

// SetSize records the screen's size.
func (c *Context) SetSize(w, h int) { c.Width, c.Height = w, h }
