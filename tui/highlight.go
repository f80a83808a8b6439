package tui

import (
	"sort"
	"strings"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/textlayout"
)

// overlay is a highlight over a block's bytes [start, end), drawn when the
// line is shown; higher rank wins where overlays meet.
type overlay struct {
	block, start, end int
	paint             common.Paint
	rank              int
}

// styleSpans draws a body line's text: base paint, emphasis spans, and any
// overlays on top.
func styleSpans(blk *corpus.Block, l docLine, st *common.Styles, ovs []overlay) string {
	base, emph := st.Paint.BlockPaints(blk.Kind)
	if l.segs != nil {
		return paintSegs(blk, l, base, emph, ovs)
	}
	return paintSpans(blk.Text, blk.Emphasis, base, emph, l, ovs)
}

// paintSpans draws l, a line of text (a block's or a matter note's), with
// base and emphasis paints and the overlays on top.
func paintSpans(text string, emphasis []corpus.Span, base, emph common.Paint, l docLine, ovs []overlay) string {
	cuts := []int{l.start, l.end}
	inLine := func(a, b int) bool { return a < l.end && b > l.start }
	// Only the spans on this line are kept for the loop below, which
	// looks at each for every cut: a screen of one-letter matches would
	// otherwise cost the square of the matches on screen per line.
	var lineEmph []corpus.Span
	for _, e := range emphasis {
		if inLine(e.Start, e.End) {
			lineEmph = append(lineEmph, e)
			cuts = append(cuts, clampInt(e.Start, l.start, l.end), clampInt(e.End, l.start, l.end))
		}
	}
	var lineOvs []overlay
	for _, o := range ovs {
		if o.block == l.block && inLine(o.start, o.end) {
			lineOvs = append(lineOvs, o)
			cuts = append(cuts, clampInt(o.start, l.start, l.end), clampInt(o.end, l.start, l.end))
		}
	}
	emphasis, ovs = lineEmph, lineOvs
	if len(cuts) == 2 {
		return base.Render(l.text)
	}
	for i := range cuts {
		cuts[i] = textlayout.RuneFloor(text, cuts[i])
	}
	sort.Ints(cuts)
	var sb strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		style, rank := base, -1
		for _, e := range emphasis {
			if e.Start <= a && b <= e.End {
				style = emph
			}
		}
		for _, o := range ovs {
			if o.block == l.block && o.start <= a && b <= o.end && o.rank > rank {
				style, rank = o.paint, o.rank
			}
		}
		sb.WriteString(style.Render(text[a:b]))
	}
	return sb.String()
}

func clampInt(v, lo, hi int) int { return max(lo, min(v, hi)) }
