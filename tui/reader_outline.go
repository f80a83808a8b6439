package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/tui/common"
)

// outlineState is the table of contents shown over the reader's body.
type outlineState struct {
	on  bool
	sel int
	top int
}

// outlineEntries is the document's title followed by its headings.
func (p *readerPane) outlineEntries() []outlineEntry {
	return append([]outlineEntry{{section: -1, line: 0, heading: docTitle(p.doc)}}, p.r.outline...)
}

func (p *readerPane) openOutline() {
	if p.r == nil {
		return
	}
	p.outline = outlineState{on: true}
	for i, e := range p.outlineEntries() {
		if e.line <= p.top {
			p.outline.sel = i
		}
	}
	p.scrollOutline()
}

// outlineRows is how many headings the outline shows below its title.
func (p *readerPane) outlineRows() int { return max(p.bodyHeight()-2, 1) }

// scrollOutline keeps the outline's selection on screen (after a move or
// a resize), so that its view only draws.
func (p *readerPane) scrollOutline() {
	if p.outline.on && p.r != nil {
		p.outline.top = common.ScrollIntoView(p.outline.sel, p.outline.top, p.outlineRows(), len(p.outlineEntries()))
	}
}

func (p *readerPane) updateOutline(msg tea.KeyPressMsg) tea.Cmd {
	entries := p.outlineEntries()
	km := p.ctx.Keys
	switch {
	case key.Matches(msg, km.Down):
		p.outline.sel = min(p.outline.sel+1, len(entries)-1)
	case key.Matches(msg, km.Up):
		p.outline.sel = max(p.outline.sel-1, 0)
	case key.Matches(msg, km.Top):
		p.outline.sel = 0
	case key.Matches(msg, km.Bottom):
		p.outline.sel = len(entries) - 1
	case key.Matches(msg, km.Open):
		p.setTop(entries[p.outline.sel].line)
		p.outline.on = false
	case key.Matches(msg, km.Back, km.Outline, km.Quit):
		p.outline.on = false
	}
	p.scrollOutline()
	return nil
}

// closeOverlay closes the outline, for q (which the root sees first).
func (p *readerPane) closeOverlay() bool {
	if !p.outline.on {
		return false
	}
	p.outline.on = false
	return true
}

func (p *readerPane) outlineView(sb *strings.Builder) {
	entries := p.outlineEntries()
	bh := p.bodyHeight()
	o := p.outline
	pad := common.Spaces(p.r.pad)
	inner := max(p.width-p.r.pad, 1)
	lines := []string{p.ctx.Styles.PaneTitle.Render(common.TruncPlain("Outline", inner)), ""}
	for i := o.top; i < len(entries) && len(lines) < bh; i++ {
		text := "  " + entries[i].heading
		if i == 0 {
			text = "  ↑ " + entries[i].heading
		}
		text = common.TruncPlain(text, inner)
		if i == o.sel {
			text = p.ctx.Styles.Cursor.Render(text)
		}
		lines = append(lines, text)
	}
	for i := 0; i < bh; i++ {
		line := ""
		if i < len(lines) {
			line = pad + lines[i]
		}
		sb.WriteString(common.FitWidth(line, p.width))
		sb.WriteByte('\n')
	}
}
