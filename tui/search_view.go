package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"

	"parley/corpus"
	"parley/corpus/search"
)

// searchSyntax is shown under an empty query: the query language in one
// line (see corpus/search/query.go).
const searchSyntax = " words match fuzzily · 'exact · ^starts · ends$ · !not · a capital letter matches case"

// rows is how many hits fit: the input, a status line and a detail line
// take the rest.
func (p *searchPane) rows() int { return max(p.height-3, 1) }

func (p *searchPane) view() string {
	w, h := p.width, p.height
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := make([]string, 0, h)
	lines = append(lines, p.inputLine(), p.statusLine())
	hits := p.hits()
	for i := p.top; i < len(hits) && len(lines) < h-1; i++ {
		lines = append(lines, p.hitLine(hits[i], i == p.sel))
	}
	for len(lines) < h-1 {
		lines = append(lines, spaces(w))
	}
	lines = append(lines, p.detailLine())
	return strings.Join(lines[:h], "\n")
}

func (p *searchPane) hits() []search.Hit {
	if p.res == nil {
		return nil
	}
	return p.res.Hits
}

// scopeWidth is the width of the scope label at the end of the input line.
const scopeWidth = 15

func (p *searchPane) inputLine() string {
	scope := " all documents "
	if p.thisDoc {
		scope = " this document "
	}
	scope = p.st.status.Render(scope)
	sw := ansi.StringWidth(scope)
	if sw >= p.width {
		return fitWidth(p.input.View(), p.width)
	}
	return fitWidth(p.input.View(), p.width-sw) + scope
}

func (p *searchPane) statusLine() string {
	var s string
	switch {
	case p.err != "":
		return fitWidth(p.st.warn.Render(truncPlain(" "+p.err, p.width)), p.width)
	case p.ix == nil:
		s = " indexing…"
	case p.res == nil:
		s = " searching…"
	case strings.TrimSpace(p.input.Value()) == "":
		s = searchSyntax
	default:
		s = fmt.Sprintf(" %s · %.1f ms", plural(p.res.Total, "hit"), float64(p.took.Microseconds())/1000)
		if p.res.Total > len(p.res.Hits) {
			s += fmt.Sprintf(" · best %d shown", len(p.res.Hits))
		}
	}
	return fitWidth(p.st.dim.Render(truncPlain(s, p.width)), p.width)
}

// kindTags are the fixed-width labels of the hit kinds.
var kindTags = map[search.Kind]string{search.Title: "title", search.Heading: "head ", search.Sentence: "sent "}

// hitLine is one hit: selection bar, kind, document, and the text with
// the matched characters marked, scrolled so the first match shows.
func (p *searchPane) hitLine(h search.Hit, selected bool) string {
	w := p.width
	bar, text := "  ", p.st.body
	if selected {
		bar, text = "┃ ", p.st.selectedMeta
	}
	docW := max(min(w/6, 18), 6)
	doc := fitWidth(truncPlain(p.docLabel(h.Loc.Doc), docW), docW)
	head := p.st.selBar.Render(bar) + p.st.dim.Render(kindTags[h.Kind]) + " " + p.st.meta.Render(doc) + " "
	room := w - ansi.StringWidth(head)
	if room <= 0 {
		return fitWidth(head, w)
	}
	return fitWidth(head+highlightText(h.Text, h.Positions, room, text, p.st.match), w)
}

func (p *searchPane) docLabel(doc int) string {
	docs := p.ix.Docs()
	if doc < 0 || doc >= len(docs) {
		return ""
	}
	return sourceLabel(docs[doc])
}

// detailLine names where the selected hit is: the document's title and
// the section heading.
func (p *searchPane) detailLine() string {
	h, ok := p.selected()
	if !ok {
		return spaces(p.width)
	}
	d := p.ix.Docs()[h.Loc.Doc]
	s := " in " + docTitle(d)
	if sec := sectionOf(d.Sections, h.Loc.Block); sec != "" {
		s += " — " + sec
	}
	return fitWidth(p.st.dim.Render(truncPlain(s, p.width)), p.width)
}

// sectionOf is the heading of the section holding a global block index.
func sectionOf(secs []corpus.Section, block int) string {
	if block < 0 {
		return ""
	}
	for _, s := range secs {
		if block < len(s.Blocks) {
			return s.Heading
		}
		block -= len(s.Blocks)
	}
	return ""
}

// highlightText draws text in width cells with the characters at the rune
// indexes pos in hl. It works on grapheme clusters, so an accent or a
// wide CJK character is marked and measured whole. When the first match
// would fall off the right edge the text is scrolled left behind "…".
func highlightText(text string, pos []int, width int, base, hl lipgloss.Style) string {
	type cluster struct {
		s       string
		w       int
		matched bool
	}
	var cs []cluster
	first, ri, pi := -1, 0, 0
	state := -1
	for rest := text; rest != ""; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := utf8.RuneCountInString(c)
		m := false
		for pi < len(pos) && pos[pi] < ri+n {
			if pos[pi] >= ri {
				m = true
			}
			pi++
		}
		if m && first < 0 {
			first = len(cs)
		}
		cs = append(cs, cluster{c, ansi.StringWidth(c), m})
		ri += n
	}
	start, lead := 0, ""
	if first >= 0 {
		upto := 0
		for _, c := range cs[:first+1] {
			upto += c.w
		}
		if upto > width*2/3 {
			// Keep a third of the width of context before the match.
			start, lead = first, "…"
			for ctx := 0; start > 0 && ctx+cs[start-1].w < width/3; start-- {
				ctx += cs[start-1].w
			}
		}
	}
	var sb strings.Builder
	if lead != "" {
		sb.WriteString(base.Render(lead))
	}
	for i := start; i < len(cs); {
		j := i
		var run strings.Builder
		for j < len(cs) && cs[j].matched == cs[i].matched {
			run.WriteString(cs[j].s)
			j++
		}
		st := base
		if cs[i].matched {
			st = hl
		}
		sb.WriteString(st.Render(run.String()))
		i = j
	}
	return ansi.Truncate(sb.String(), width, "…")
}
