package common

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"

	"parley/corpus"
)

// Styles holds every style the panes use. Structure never depends on colour
// alone: headings are bold, selection is reversed, matches are underlined,
// so a terminal without colour (or NO_COLOR) still shows it.
type Styles struct {
	IsDark bool

	Title     lipgloss.Style
	Subtitle  lipgloss.Style
	Meta      lipgloss.Style
	Editorial lipgloss.Style
	Heading   lipgloss.Style
	Body      lipgloss.Style
	Emphasis  lipgloss.Style
	ListMark  lipgloss.Style
	Quote     lipgloss.Style
	Caption   lipgloss.Style
	Matter    lipgloss.Style
	Fold      lipgloss.Style

	Match        lipgloss.Style
	MatchCurrent lipgloss.Style
	Cursor       lipgloss.Style
	Mark         lipgloss.Style

	Status    lipgloss.Style
	StatusKey lipgloss.Style
	Rule      lipgloss.Style
	Dim       lipgloss.Style
	PaneTitle lipgloss.Style

	Selected     lipgloss.Style
	SelectedMeta lipgloss.Style
	SelBar       lipgloss.Style
	Warn         lipgloss.Style

	Help  help.Styles
	Paint SpanPaints
	// Compare is the compare view's and the claims index's.
	Compare CompareStyles
}

// Palette is the colours every pane shares, for a light or dark background.
type Palette struct {
	Accent, Dim, Faint, Text, HlBg, SelBg color.Color
}

func NewPalette(isDark bool) Palette {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	return Palette{
		Accent: ld(c("#5A3FC0"), c("#B9A5FF")),
		Dim:    ld(c("#6B6B6B"), c("#8A8A8A")),
		Faint:  ld(c("#A0A0A0"), c("#5C5C5C")),
		Text:   ld(c("#1E1E1E"), c("#DDDDDD")),
		HlBg:   ld(c("#FFE68A"), c("#6B5A00")),
		SelBg:  ld(c("#DCD6F7"), c("#3B3360")),
	}
}

func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	pal := NewPalette(isDark)
	accent, dim, faint, text, hlBg, selBg := pal.Accent, pal.Dim, pal.Faint, pal.Text, pal.HlBg, pal.SelBg
	curBg := ld(c("#FFB454"), c("#B86B00"))

	s := Styles{IsDark: isDark}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtitle = lipgloss.NewStyle().Italic(true).Foreground(text)
	s.Meta = lipgloss.NewStyle().Foreground(dim)
	s.Editorial = lipgloss.NewStyle().Foreground(faint).Italic(true)
	s.Heading = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent)
	s.Body = lipgloss.NewStyle().Foreground(text)
	s.Emphasis = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.ListMark = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Quote = lipgloss.NewStyle().Italic(true).Foreground(dim)
	s.Caption = lipgloss.NewStyle().Italic(true).Foreground(faint)
	s.Matter = lipgloss.NewStyle().Foreground(dim)
	s.Fold = lipgloss.NewStyle().Foreground(faint).Italic(true)

	s.Match = lipgloss.NewStyle().Underline(true).Background(hlBg)
	s.MatchCurrent = lipgloss.NewStyle().Reverse(true).Bold(true).Background(curBg)
	s.Cursor = lipgloss.NewStyle().Reverse(true)
	s.Mark = lipgloss.NewStyle().Underline(true).Bold(true).Background(hlBg)

	s.Status = lipgloss.NewStyle().Reverse(true)
	s.StatusKey = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Rule = lipgloss.NewStyle().Foreground(faint)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.PaneTitle = lipgloss.NewStyle().Bold(true)

	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent).Background(selBg)
	s.SelectedMeta = lipgloss.NewStyle().Foreground(text).Background(selBg)
	s.SelBar = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Warn = lipgloss.NewStyle().Bold(true).Foreground(ld(c("#B00020"), c("#FF6B6B")))

	s.Help = help.DefaultStyles(isDark)
	s.Paint = NewSpanPaints(&s)
	s.Compare = NewCompareStyles(isDark)
	return s
}

// Paint is a style reduced, where it can be, to the escape sequences it
// writes before and after a text (colours and attributes), so drawing a
// span in a frame is two string joins rather than a full lipgloss render.
// (Render styles an underlined text a character at a time, so a line of
// scattered matches cost milliseconds.) Spaces take the style as letters
// do. A style that does more (padding, margins, width) is rendered whole.
type Paint struct {
	Pre, Post string
	// Plain: the sequences take no cells, so text can be measured before
	// it is painted.
	Plain bool
	style *lipgloss.Style // rendered whole when it could not be reduced; nil otherwise
}

func NewPaint(st lipgloss.Style) Paint {
	const mark = "\uE000" // a private-use rune no style transforms
	pre, post, ok := strings.Cut(st.Render(mark), mark)
	if !ok || strings.Contains(post, mark) || strings.ContainsAny(pre+post, "\n ") {
		return Paint{style: &st}
	}
	return Paint{Pre: pre, Post: post, Plain: StrWidth(pre+post) == 0}
}

// Render paints s; an empty s stays empty.
func (p Paint) Render(s string) string {
	switch {
	case p.style != nil:
		return p.style.Render(s)
	case s == "" || p.Pre == "":
		return s
	}
	return p.Pre + s + p.Post
}

// Write writes s painted to sb.
func (p Paint) Write(sb *strings.Builder, s string) {
	if p.style != nil {
		sb.WriteString(p.style.Render(s))
		return
	}
	sb.WriteString(p.Pre)
	sb.WriteString(s)
	sb.WriteString(p.Post)
}

// SpanPaints are the paints the reader uses in every frame.
type SpanPaints struct {
	ListMark                          Paint
	Body, BodyEm                      Paint
	Quote, QuoteEm                    Paint
	Caption, CaptionEm                Paint
	Match, MatchCurrent, Cursor, Mark Paint
	Matter                            Paint
}

func NewSpanPaints(s *Styles) SpanPaints {
	return SpanPaints{
		ListMark:     NewPaint(s.ListMark),
		Body:         NewPaint(s.Body),
		BodyEm:       NewPaint(s.Body.Bold(true)),
		Quote:        NewPaint(s.Quote),
		QuoteEm:      NewPaint(s.Quote.Bold(true)),
		Caption:      NewPaint(s.Caption),
		CaptionEm:    NewPaint(s.Caption.Bold(true)),
		Match:        NewPaint(s.Match),
		MatchCurrent: NewPaint(s.MatchCurrent),
		Cursor:       NewPaint(s.Cursor),
		Mark:         NewPaint(s.Mark),
		Matter:       NewPaint(s.Matter),
	}
}

// BlockPaints is the base and emphasis paint for a kind of block.
func (sp *SpanPaints) BlockPaints(k corpus.BlockKind) (Paint, Paint) {
	switch k {
	case corpus.Quote:
		return sp.Quote, sp.QuoteEm
	case corpus.Caption:
		return sp.Caption, sp.CaptionEm
	}
	return sp.Body, sp.BodyEm
}
