package common

import (
	"charm.land/lipgloss/v2"

	"parley/corpus/compare"
)

// CompareStyles are the styles of the compare view and the claims index.
// Every mark has a glyph as well as a colour, so the view reads the same
// without colour (NO_COLOR, a monochrome terminal, a Markdown export).
type CompareStyles struct {
	Title, Outlet, Meta, Body, Context, Shared          lipgloss.Style
	Gutter, Curated, Silent, Origin, Rule, Status, Warn lipgloss.Style
	Selected, Dim                                       lipgloss.Style
	Rel                                                 map[compare.Relation]lipgloss.Style
}

// RelGlyph is the mark shown for each relation; the legend spells them out.
var RelGlyph = map[compare.Relation]string{
	compare.Same:       "✓",
	compare.Compatible: "≈",
	compare.Different:  "≠",
}

func NewCompareStyles(isDark bool) CompareStyles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	pal := NewPalette(isDark)
	accent, dim, faint, text, hlBg, selBg := pal.Accent, pal.Dim, pal.Faint, pal.Text, pal.HlBg, pal.SelBg
	s := CompareStyles{
		Title:    lipgloss.NewStyle().Bold(true),
		Outlet:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Meta:     lipgloss.NewStyle().Foreground(dim),
		Body:     lipgloss.NewStyle().Foreground(text),
		Context:  lipgloss.NewStyle().Foreground(dim).Italic(true),
		Shared:   lipgloss.NewStyle().Underline(true).Background(hlBg),
		Gutter:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		Curated:  lipgloss.NewStyle().Foreground(ld(c("#8A5A00"), c("#E0B050"))).Bold(true),
		Silent:   lipgloss.NewStyle().Foreground(faint).Italic(true),
		Origin:   lipgloss.NewStyle().Foreground(accent).Italic(true),
		Rule:     lipgloss.NewStyle().Foreground(faint),
		Status:   lipgloss.NewStyle().Foreground(dim),
		Warn:     lipgloss.NewStyle().Bold(true).Foreground(ld(c("#B00020"), c("#FF6B6B"))),
		Selected: lipgloss.NewStyle().Bold(true).Background(selBg),
		Dim:      lipgloss.NewStyle().Foreground(dim),
	}
	s.Rel = map[compare.Relation]lipgloss.Style{
		compare.Same:       lipgloss.NewStyle().Bold(true).Foreground(ld(c("#1B7F3B"), c("#6BD68A"))),
		compare.Compatible: lipgloss.NewStyle().Bold(true).Foreground(ld(c("#8A6D00"), c("#E6C84C"))),
		compare.Different:  lipgloss.NewStyle().Bold(true).Foreground(ld(c("#B00020"), c("#FF6B6B"))),
	}
	return s
}
