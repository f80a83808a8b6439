package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/tui/common"
)

// View draws the panes in their rectangles, then the footer. Every line
// is exactly the window's width and there are exactly height lines.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	// No window title. A terminal cannot be asked for its title portably,
	// and Bubble Tea writes an empty one on exit whenever a view set one,
	// so a title set here would leave the user's window blank after
	// parley quits (shells that do not retitle at each prompt keep it so).
	// less leaves the title alone, and so does parley: the title the user
	// had is the title they get back. The title stack (XTWINOPS 22/23)
	// is not kept by every terminal or multiplexer, so it cannot undo it.
	return v
}

func (m *Model) render() string {
	w, h := m.ctx.Width, m.ctx.Height
	if w <= 0 || h <= 0 {
		return ""
	}
	if m.lay.tooSmall {
		return common.FitArea("terminal too small", w, h)
	}
	var body string
	switch {
	case m.showAll:
		body = m.fullHelp()
	case m.picker != nil:
		body = m.picker.view(m.ctx.Styles, w, m.lay.main.H)
	case m.lay.split && (m.focus == focusList || m.focus == focusReader):
		body = joinColumns(m.list.View(), m.ctx.Styles.Rule.Render("│"), m.reader.View(), m.lay.main.H)
	default:
		body = m.panes[m.focus].View()
	}
	return body + "\n" + m.footer()
}

// joinColumns puts two panes of equal height side by side; both already
// draw exactly their size, so no measuring is needed.
func joinColumns(left, sep, right string, h int) string {
	ls, rs := strings.Split(left, "\n"), strings.Split(right, "\n")
	var sb strings.Builder
	sb.Grow(len(left) + len(right) + h*(len(sep)+1))
	for i := 0; i < h; i++ {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if i < len(ls) {
			sb.WriteString(ls[i])
		}
		sb.WriteString(sep)
		if i < len(rs) {
			sb.WriteString(rs[i])
		}
	}
	return sb.String()
}

// footer is a note when there is one, else the focused pane's short help.
func (m *Model) footer() string {
	if m.note != "" {
		return common.FitWidth(m.ctx.Styles.Warn.Render(common.TruncPlain(" "+m.note, m.ctx.Width)), m.ctx.Width)
	}
	if m.skipped && m.corpus != nil && (len(m.corpus.Problems) > 0 || len(m.corpus.Unsupported) > 0) {
		return common.FitWidth(m.ctx.Styles.Warn.Render(m.skippedNote(m.ctx.Width)), m.ctx.Width)
	}
	if m.picker != nil {
		return common.FitWidth(m.ctx.Styles.Dim.Render(" ↑/↓ choose · enter adds the sentence · esc cancels · ctrl+c quits"), m.ctx.Width)
	}
	if m.showAll {
		return common.FitWidth(m.ctx.Styles.Dim.Render(" j/k scroll · q or any other key closes this help · mouse: the wheel scrolls, a click selects, a second click opens"), m.ctx.Width)
	}
	keys := m.footerKeys()
	// A restricted session is named first, in every pane (common/storyset.go).
	badge, w := m.scopeBadge(), m.ctx.Width
	w -= common.StrWidth(badge)
	return badge + m.footerMemo.get(keys, w, m.ctx.Gen, func() string {
		return common.FitWidth(m.shortHelpLine(fitHints(keys, w, m.shortHelpLine)), w)
	})
}

// footerMemo keeps the last footer: drawing help is a good part of a
// frame's cost, and it changes only with the keys shown, width, styles or
// measure (the context's generation).
type footerMemo struct {
	key  string
	text string
}

func (f *footerMemo) get(keys []key.Binding, width, gen int, draw func() string) string {
	var sb strings.Builder
	sb.WriteString(strconv.Itoa(width))
	sb.WriteByte('/')
	sb.WriteString(strconv.Itoa(gen))
	for _, k := range keys {
		if k.Enabled() {
			h := k.Help()
			sb.WriteString("\x00" + h.Key + "\x01" + h.Desc)
		}
	}
	if sb.String() != f.key {
		f.key, f.text = sb.String(), draw()
	}
	return f.text
}
