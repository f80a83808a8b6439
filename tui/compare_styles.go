package tui

import (
	"charm.land/lipgloss/v2"

	"parley/corpus/compare"
)

// compareStyles are the styles of the compare view and the claims index.
// Every mark has a glyph as well as a colour, so the view reads the same
// without colour (NO_COLOR, a monochrome terminal, a Markdown export).
type compareStyles struct {
	title, outlet, meta, body, context, shared          lipgloss.Style
	gutter, curated, silent, origin, rule, status, warn lipgloss.Style
	selected, dim                                       lipgloss.Style
	rel                                                 map[compare.Relation]lipgloss.Style
}

// relGlyph is the mark shown for each relation; the legend spells them out.
var relGlyph = map[compare.Relation]string{
	compare.Same:       "✓",
	compare.Compatible: "≈",
	compare.Different:  "≠",
}

func newCompareStyles(isDark bool) compareStyles {
	ld := lipgloss.LightDark(isDark)
	c := lipgloss.Color
	pal := newPalette(isDark)
	accent, dim, faint, text, hlBg, selBg := pal.accent, pal.dim, pal.faint, pal.text, pal.hlBg, pal.selBg
	s := compareStyles{
		title:    lipgloss.NewStyle().Bold(true),
		outlet:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		meta:     lipgloss.NewStyle().Foreground(dim),
		body:     lipgloss.NewStyle().Foreground(text),
		context:  lipgloss.NewStyle().Foreground(dim).Italic(true),
		shared:   lipgloss.NewStyle().Underline(true).Background(hlBg),
		gutter:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		curated:  lipgloss.NewStyle().Foreground(ld(c("#8A5A00"), c("#E0B050"))).Bold(true),
		silent:   lipgloss.NewStyle().Foreground(faint).Italic(true),
		origin:   lipgloss.NewStyle().Foreground(accent).Italic(true),
		rule:     lipgloss.NewStyle().Foreground(faint),
		status:   lipgloss.NewStyle().Foreground(dim),
		warn:     lipgloss.NewStyle().Bold(true).Foreground(ld(c("#B00020"), c("#FF6B6B"))),
		selected: lipgloss.NewStyle().Bold(true).Background(selBg),
		dim:      lipgloss.NewStyle().Foreground(dim),
	}
	s.rel = map[compare.Relation]lipgloss.Style{
		compare.Same:       lipgloss.NewStyle().Bold(true).Foreground(ld(c("#1B7F3B"), c("#6BD68A"))),
		compare.Compatible: lipgloss.NewStyle().Bold(true).Foreground(ld(c("#8A6D00"), c("#E6C84C"))),
		compare.Different:  lipgloss.NewStyle().Bold(true).Foreground(ld(c("#B00020"), c("#FF6B6B"))),
	}
	return s
}
