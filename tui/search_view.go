package tui

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/rivo/uniseg"

	"parley/corpus"
	"parley/corpus/search"
	"parley/tui/common"
)

// searchSyntax is shown under an empty query: the query language in one
// line (see corpus/search/query.go).
const searchSyntax = " words match fuzzily · 'exact · ^starts · ends$ · !not · a capital letter matches case"

// rows is how many hits fit: the input and a status line take the rest,
// and a detail line or the preview (search_preview.go).
func (p *searchPane) rows() int {
	switch p.previewPlace() {
	case previewRight:
		return max(p.height-2, 1)
	case previewBelow:
		return p.rowsAbovePreview()
	}
	return max(p.height-3, 1)
}

func (p *searchPane) View() string {
	w, h := p.width, p.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if p.previewPlace() != previewNone {
		return p.viewWithPreview()
	}
	lines := make([]string, 0, h)
	lines = append(lines, p.inputLine(), p.statusLine())
	hits := p.hits()
	for i := p.top; i < len(hits) && len(lines) < h-1; i++ {
		lines = append(lines, p.cachedHitLine(i, i == p.sel))
	}
	for len(lines) < h-1 {
		lines = append(lines, common.Spaces(w))
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

func (p *searchPane) inputLine() string {
	scope := p.ctx.Styles.Status.Render(p.scopeLabel())
	sw := common.StrWidth(scope)
	if sw >= p.width {
		return common.FitWidth(p.input.View(), p.width)
	}
	return common.FitWidth(p.input.View(), p.width-sw) + scope
}

func (p *searchPane) statusLine() string {
	var s string
	switch {
	case p.err != "":
		return common.FitWidth(p.ctx.Styles.Warn.Render(common.TruncPlain(" "+p.err, p.width)), p.width)
	case p.ix == nil:
		s = " indexing…"
	case p.res == nil:
		s = " searching…"
	case strings.TrimSpace(p.input.Value()) == "":
		s = searchSyntax
	default:
		s = fmt.Sprintf(" %s · %.1f ms", common.Plural(p.res.Total, "hit"), float64(p.took.Microseconds())/1000)
		if p.res.Total > len(p.res.Hits) {
			s += fmt.Sprintf(" · best %d shown, more as you move down", len(p.res.Hits))
		}
		if p.searching() {
			s += " · searching…"
		}
	}
	return common.FitWidth(p.ctx.Styles.Dim.Render(common.TruncPlain(s, p.width)), p.width)
}

// hitLines keeps the hit lines drawn for one answer, width and
// background: highlighting is most of a frame's cost, and moving the
// selection redraws only the two lines it changes.
type hitLines struct {
	res   *search.Result
	width int
	gen   int            // the context's generation: styles and width measure
	lines map[int]string // by hit index*2, +1 when selected

	body, selected, match common.Paint
}

func (p *searchPane) cachedHitLine(i int, selected bool) string {
	c := &p.drawn
	if c.res != p.res || c.width != p.hitsWidth() || c.gen != p.ctx.Gen || c.lines == nil {
		*c = hitLines{res: p.res, width: p.hitsWidth(), gen: p.ctx.Gen, lines: map[int]string{},
			body: common.NewPaint(p.ctx.Styles.Body), selected: common.NewPaint(p.ctx.Styles.SelectedMeta), match: common.NewPaint(p.ctx.Styles.Match)}
	}
	k := i * 2
	if selected {
		k++
	}
	line, ok := c.lines[k]
	if !ok {
		line = p.hitLine(p.res.Hits[i], selected)
		c.lines[k] = line
	}
	return line
}

// kindTags are the fixed-width labels of the hit kinds.
var kindTags = map[search.Kind]string{search.Title: "title", search.Heading: "head ", search.Sentence: "sent "}

// hitLine is one hit: selection bar, kind, document, and the text with
// the matched characters marked, scrolled so the first match shows.
func (p *searchPane) hitLine(h search.Hit, selected bool) string {
	w := p.hitsWidth()
	bar, text := "  ", p.drawn.body
	if selected {
		bar, text = "┃ ", p.drawn.selected
	}
	docW := max(min(w/6, 18), 6)
	doc := common.FitWidth(common.TruncPlain(p.docLabel(h.Loc.Doc), docW), docW)
	head := p.ctx.Styles.SelBar.Render(bar) + p.ctx.Styles.Dim.Render(kindTags[h.Kind]) + " " + p.ctx.Styles.Meta.Render(doc) + " "
	room := w - common.StrWidth(head)
	if room <= 0 {
		return common.FitWidth(head, w)
	}
	hl, hw := highlightRuns(h.Text, h.Positions, room, text, p.drawn.match)
	return head + hl + common.Spaces(max(room-hw, 0))
}

func (p *searchPane) docLabel(doc int) string {
	docs := p.ix.Docs()
	if doc < 0 || doc >= len(docs) {
		return ""
	}
	return common.SourceLabel(docs[doc])
}

// detailLine names where the selected hit is: the document's title and
// the section heading.
func (p *searchPane) detailLine() string {
	h, ok := p.selected()
	if !ok {
		return common.Spaces(p.width)
	}
	d := p.ix.Docs()[h.Loc.Doc]
	s := " in " + docTitle(d)
	if sec := sectionOf(d.Sections, h.Loc.Block); sec != "" {
		s += " — " + sec
	}
	return common.FitWidth(p.ctx.Styles.Dim.Render(common.TruncPlain(s, p.width)), p.width)
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
// indexes pos (ascending) in hl. It works on grapheme clusters, so an
// accent or a wide CJK character is marked and measured whole. When the
// first match would fall off the right edge the text is scrolled left
// behind "…". Only what can show is measured and styled: a long sentence
// with matches scattered through it (a long query) costs its visible
// width, not its length.
func highlightText(text string, pos []int, width int, base, hl lipgloss.Style) string {
	out, _ := highlightRuns(text, pos, width, common.NewPaint(base), common.NewPaint(hl))
	return out
}

// highlightRuns is highlightText with its styles prepared; it also returns
// the width drawn.
func highlightRuns(text string, pos []int, width int, b, h common.Paint) (string, int) {
	var cs []cluster
	first, ri, pi := -1, 0, 0
	state := -1
	// after is the width drawn from the first match on (or from the
	// start when nothing matches): past width+1 nothing more can show.
	after := 0
	rest := text
	for rest != "" && after <= width+1 {
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
		w := common.StrWidth(c)
		cs = append(cs, cluster{c, w, m})
		if first >= 0 || len(pos) == 0 {
			after += w
		}
		ri += n
	}
	start, lead := 0, ""
	if first >= 0 {
		upto := 0
		for _, c := range cs[:first+1] {
			upto += c.w
		}
		if upto > width*2/3 {
			// Keep a third of the width of context before the match,
			// from the start of a word where one is near.
			start, lead = first, "…"
			for ctx := 0; start > 0 && ctx+cs[start-1].w < width/3; start-- {
				ctx += cs[start-1].w
			}
			start = wordStart(cs, start, first, width)
			if start == 0 {
				lead = ""
			}
		}
	}
	if b.Plain && h.Plain {
		return drawRuns(cs[start:], lead, rest == "", width, b, h)
	}
	var sb strings.Builder
	if lead != "" {
		b.Write(&sb, lead)
	}
	var run strings.Builder
	for i := start; i < len(cs); {
		j := i
		run.Reset()
		for j < len(cs) && cs[j].matched == cs[i].matched {
			run.WriteString(cs[j].s)
			j++
		}
		if cs[i].matched {
			h.Write(&sb, run.String())
		} else {
			b.Write(&sb, run.String())
		}
		i = j
	}
	out := common.Truncate(sb.String(), width, "…")
	return out, common.StrWidth(out)
}

// wordStart moves start, where the text shown after "…" begins, to the
// nearest start of a word: forward no further than the first match (it
// stays in view), back no further than keeps the match in the first two
// thirds of width. Either way it moves at most a fifth of width (at least 6
// cells); text without spaces near start (CJK) keeps start as it is.
func wordStart(cs []cluster, start, first, width int) int {
	isSpace := func(i int) bool { return cs[i].s == " " }
	if start == 0 || isSpace(start-1) {
		return start
	}
	near := max(width/5, 6)
	fwd, fd := -1, 0
	for k, d := start, 0; k < first && d <= near; k++ {
		d += cs[k].w
		if isSpace(k) && d <= near {
			fwd, fd = k+1, d
			break
		}
	}
	span := 0 // cells from start through the first match
	for _, c := range cs[start : first+1] {
		span += c.w
	}
	back, bd := -1, 0
	for k, d := start, 0; k > 0 && d <= near && span+d <= width*2/3; k-- {
		d += cs[k-1].w
		if d > near || span+d > width*2/3 {
			break
		}
		if k-1 == 0 || isSpace(k-2) {
			back, bd = k-1, d
			break
		}
	}
	switch {
	case fwd >= 0 && (back < 0 || fd < bd):
		return fwd
	case back >= 0:
		return back
	}
	return start
}

// cluster is a grapheme cluster of a hit's text, its width, and whether a
// query matched it.
type cluster struct {
	s       string
	w       int
	matched bool
}

// drawRuns writes lead and the clusters in width cells, cut with "…" as
// ansi.Truncate cuts (complete says no text follows the clusters), when
// the styles add no visible text: widths are summed, never measured
// again on the styled string.
func drawRuns(cs []cluster, lead string, complete bool, width int, b, h common.Paint) (string, int) {
	total := common.StrWidth(lead)
	for _, c := range cs {
		total += c.w
	}
	fits := complete && total <= width
	limit := width
	if !fits {
		limit = width - 1 // room for the "…" at the end
	}
	var sb strings.Builder
	used := 0
	if lead != "" && used+1 <= limit {
		b.Write(&sb, lead)
		used++
	}
	var run strings.Builder
	for i := 0; i < len(cs); {
		st := b
		if cs[i].matched {
			st = h
		}
		run.Reset()
		j := i
		for j < len(cs) && cs[j].matched == cs[i].matched && used+cs[j].w <= limit {
			run.WriteString(cs[j].s)
			used += cs[j].w
			j++
		}
		if run.Len() > 0 {
			st.Write(&sb, run.String())
		}
		if j == len(cs) || cs[j].matched == cs[i].matched {
			break // the end, or no room for the next cluster
		}
		i = j
	}
	if !fits && width > 0 {
		sb.WriteString("…")
		used++
	}
	return sb.String(), used
}
