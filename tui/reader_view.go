package tui

import (
	"fmt"
	"strings"

	"parley/tui/common"
)

// Drawing the reader: only what is already wrapped, plus the overlays of
// the visible lines.

func (p *readerPane) View() string {
	w, h := p.width, p.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if p.doc == nil {
		msg := p.ctx.Styles.Dim.Render("Select a document and press enter.")
		return common.FitArea("\n "+msg, w, h)
	}
	if p.r == nil {
		return common.FitArea("", w, h) // not laid out yet: SetSize and open lay it out
	}
	var sb strings.Builder
	sb.Grow((w + 16) * h)
	if p.outline.on {
		p.outlineView(&sb)
	} else {
		p.bodyView(&sb)
	}
	sb.WriteString(p.statusLine())
	return sb.String()
}

func (p *readerPane) bodyView(sb *strings.Builder) {
	r, bh := p.r, p.bodyHeight()
	ovs := p.overlays(p.top, p.top+bh)
	pad := common.Spaces(r.pad)
	for i := p.top; i < p.top+bh; i++ {
		if i >= len(r.lines) {
			sb.WriteString(common.Spaces(p.width))
			sb.WriteByte('\n')
			continue
		}
		l := &r.lines[i]
		styled := l.styled
		if l.block != -1 && len(ovs) > 0 && touches(ovs, l) {
			prefix := p.ctx.Styles.Paint.ListMark.Render(l.prefix)
			if l.block >= 0 {
				styled = prefix + styleSpans(r.blocks[l.block].Block, *l, p.ctx.Styles, ovs)
			} else {
				// A line of shown matter with a find match on it.
				mp := p.ctx.Styles.Paint.Matter
				styled = prefix + paintSpans(p.doc.Matter[noteOf(l.block)].Text, nil, mp, mp, *l, ovs)
			}
		}
		if r.pad+l.width > p.width {
			sb.WriteString(common.FitWidth(pad+styled, p.width))
		} else {
			sb.WriteString(pad)
			sb.WriteString(styled)
			sb.WriteString(common.Spaces(p.width - r.pad - l.width))
		}
		sb.WriteByte('\n')
	}
}

func touches(ovs []overlay, l *docLine) bool {
	for _, o := range ovs {
		if o.block == l.block && o.start < l.end && o.end > l.start {
			return true
		}
	}
	return false
}

// findCount is the match count shown beside the find input, or "" when
// there is no query or no room for it beside the input.
func (p *readerPane) findCount() string {
	if p.find.query == "" {
		return ""
	}
	count := " " + p.findStatus(p.width/2-3) + " "
	if common.StrWidth(count) >= p.width/2 {
		return ""
	}
	return count
}

// sizeFindInput fits the find input to what the count leaves (its
// prompt and cursor take a cell each), so it scrolls and is never cut
// with "…"; called whenever the count or the width may have changed.
func (p *readerPane) sizeFindInput() {
	p.find.input.SetWidth(max(p.width-common.StrWidth(p.findCount())-2, 1))
}

// statusLine shows the find input while typing; otherwise the position,
// section and mode.
func (p *readerPane) statusLine() string {
	w := p.width
	if p.find.typing {
		count := p.findCount()
		return common.FitWidth(p.find.input.View(), w-common.StrWidth(count)) + p.ctx.Styles.StatusKey.Render(count)
	}
	pct := "All"
	if n := len(p.r.lines); n > p.bodyHeight() {
		pct = fmt.Sprintf("%d%%", min((p.top+p.bodyHeight())*100/n, 100))
	}
	left := " " + pct
	if s := p.currentSection(); s != "" {
		left += " · " + s
	} else {
		left += " · " + docTitle(p.doc)
	}
	mode := ""
	switch {
	case p.cursor.on:
		mode = "sentence · c compares · "
	case p.outline.on:
		mode = "outline · "
	}
	// The find's status may take all but the percentage on the left. A
	// dot keeps it apart from the mode: not "c compares 3/35".
	right := p.findStatus(w - common.StrWidth(mode) - 8)
	if right != "" || mode != "" {
		right = " " + strings.TrimSpace(strings.TrimSuffix(mode+right, " · ")) + " "
	}
	// The status bar is reversed only in the focused reader, which shows
	// where the keys go when the list sits beside it.
	bar, key := p.ctx.Styles.Status, p.ctx.Styles.StatusKey
	if !p.focused {
		bar, key = p.ctx.Styles.Dim, p.ctx.Styles.Dim
	}
	rw := common.StrWidth(right)
	if rw >= w {
		return bar.Render(common.FitWidth(right, w))
	}
	left = common.TruncPlain(left, w-rw)
	return bar.Render(common.FitWidth(left, w-rw)) + key.Render(right)
}
