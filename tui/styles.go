package tui

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"parley/corpus"
)

// styles holds every style the panes use. Structure never depends on colour
// alone: headings are bold, selection is reversed, matches are underlined,
// so a terminal without colour (or NO_COLOR) still shows it.
type styles struct {
	isDark bool

	title     lipgloss.Style
	subtitle  lipgloss.Style
	meta      lipgloss.Style
	editorial lipgloss.Style
	heading   lipgloss.Style
	body      lipgloss.Style
	emphasis  lipgloss.Style
	listMark  lipgloss.Style
	quote     lipgloss.Style
	caption   lipgloss.Style
	matter    lipgloss.Style
	fold      lipgloss.Style

	match        lipgloss.Style
	matchCurrent lipgloss.Style
	cursor       lipgloss.Style
	mark         lipgloss.Style

	status    lipgloss.Style
	statusKey lipgloss.Style
	rule      lipgloss.Style
	dim       lipgloss.Style
	paneTitle lipgloss.Style

	selected     lipgloss.Style
	selectedMeta lipgloss.Style
	selBar       lipgloss.Style
	warn         lipgloss.Style

	help  help.Styles
	paint spanPaints
}

// palette is the colours every pane shares, for a light or dark background.
type palette struct {
	accent, dim, faint, text, hlBg, selBg color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return palette{
		accent: ld(c("#5A3FC0"), c("#B9A5FF")),
		dim:    ld(c("#6B6B6B"), c("#8A8A8A")),
		faint:  ld(c("#A0A0A0"), c("#5C5C5C")),
		text:   ld(c("#1E1E1E"), c("#DDDDDD")),
		hlBg:   ld(c("#FFE68A"), c("#6B5A00")),
		selBg:  ld(c("#DCD6F7"), c("#3B3360")),
	}
}

func newStyles(isDark bool) styles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	pal := newPalette(isDark)
	accent, dim, faint, text, hlBg, selBg := pal.accent, pal.dim, pal.faint, pal.text, pal.hlBg, pal.selBg
	curBg := ld(c("#FFB454"), c("#B86B00"))

	s := styles{isDark: isDark}
	s.title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.subtitle = lipgloss.NewStyle().Italic(true).Foreground(text)
	s.meta = lipgloss.NewStyle().Foreground(dim)
	s.editorial = lipgloss.NewStyle().Foreground(faint).Italic(true)
	s.heading = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent)
	s.body = lipgloss.NewStyle().Foreground(text)
	s.emphasis = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.listMark = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.quote = lipgloss.NewStyle().Italic(true).Foreground(dim)
	s.caption = lipgloss.NewStyle().Italic(true).Foreground(faint)
	s.matter = lipgloss.NewStyle().Foreground(dim)
	s.fold = lipgloss.NewStyle().Foreground(faint).Italic(true)

	s.match = lipgloss.NewStyle().Underline(true).Background(hlBg)
	s.matchCurrent = lipgloss.NewStyle().Reverse(true).Bold(true).Background(curBg)
	s.cursor = lipgloss.NewStyle().Reverse(true)
	s.mark = lipgloss.NewStyle().Underline(true).Bold(true).Background(hlBg)

	s.status = lipgloss.NewStyle().Reverse(true)
	s.statusKey = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.rule = lipgloss.NewStyle().Foreground(faint)
	s.dim = lipgloss.NewStyle().Foreground(dim)
	s.paneTitle = lipgloss.NewStyle().Bold(true)

	s.selected = lipgloss.NewStyle().Bold(true).Foreground(accent).Background(selBg)
	s.selectedMeta = lipgloss.NewStyle().Foreground(text).Background(selBg)
	s.selBar = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.warn = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#B00020"), c("#FF6B6B")))

	s.help = help.DefaultStyles(isDark)
	s.paint = newSpanPaints(&s)
	return s
}

// paint is a style reduced to the escape sequences around its text, so
// drawing a span in a frame is two string joins rather than a full
// lipgloss render. Only for styles without padding, margins or width.
type paint struct {
	pre, post string
}

func newPaint(st lipgloss.Style) paint {
	const mark = "\uE000" // a private-use rune no style transforms
	r := st.Render(mark)
	i := strings.Index(r, mark)
	if i < 0 {
		return paint{}
	}
	return paint{pre: r[:i], post: r[i+len(mark):]}
}

func (p paint) render(s string) string {
	if s == "" || p.pre == "" {
		return s
	}
	return p.pre + s + p.post
}

// spanPaints are the paints the reader uses in every frame.
type spanPaints struct {
	listMark                        paint
	body, bodyEm                    paint
	quote, quoteEm                  paint
	caption, captionEm              paint
	match, matchCurrent, cursor, mk paint
	matter                          paint
}

func newSpanPaints(s *styles) spanPaints {
	return spanPaints{
		listMark:     newPaint(s.listMark),
		body:         newPaint(s.body),
		bodyEm:       newPaint(s.body.Bold(true)),
		quote:        newPaint(s.quote),
		quoteEm:      newPaint(s.quote.Bold(true)),
		caption:      newPaint(s.caption),
		captionEm:    newPaint(s.caption.Bold(true)),
		match:        newPaint(s.match),
		matchCurrent: newPaint(s.matchCurrent),
		cursor:       newPaint(s.cursor),
		mk:           newPaint(s.mark),
		matter:       newPaint(s.matter),
	}
}

// blockPaints is the base and emphasis paint for a kind of block.
func (sp *spanPaints) blockPaints(k corpus.BlockKind) (paint, paint) {
	switch k {
	case corpus.Quote:
		return sp.quote, sp.quoteEm
	case corpus.Caption:
		return sp.caption, sp.captionEm
	}
	return sp.body, sp.bodyEm
}
