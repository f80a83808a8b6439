package tui

import (
	"fmt"
	"slices"
	"strings"

	"parley/corpus"
	"parley/tui/common"
)

// The list's side of stories and tags: grouping by story (the "story"
// sort), the restricted session, and the documents the user tagged.

// restrict keeps, of idx (indexes into l.docs), the documents of the
// session's scope; in a story view (grouped, or restricted) a duplicate
// is left out, shown once as its kept copy's "also in".
func (l *listPane) restrict(idx []int) []int {
	if l.set == nil {
		return idx
	}
	hideCopies := l.sortBy == byStory || l.set.Scope != nil
	out := idx[:0]
	for _, di := range idx {
		d := l.docs[di]
		if !l.set.InScope(d) || hideCopies && l.isCopy(d) {
			continue
		}
		out = append(out, di)
	}
	return out
}

// isCopy says whether d is a duplicate of another document.
func (l *listPane) isCopy(d *corpus.Document) bool {
	if l.set == nil || l.set.Groups == nil {
		return false
	}
	i, ok := l.set.Index[d]
	if !ok {
		return false
	}
	_, dup := l.set.Groups.DuplicateOf[i]
	return dup
}

// groupOf is the group d is listed under when grouped by story: its
// story, or -1 for the documents alone in theirs (listed last, under one
// header) and while the stories are not known.
func (l *listPane) groupOf(d *corpus.Document) int {
	if l.set == nil || l.set.Groups == nil {
		return -1
	}
	k := l.set.StoryOf(l.set.Index[d])
	if k < 0 || len(l.set.Groups.Stories[k].Docs) < 2 {
		return -1
	}
	return k
}

// grouped says whether the list draws story headers.
func (l *listPane) grouped() bool {
	return l.sortBy == byStory && l.set != nil && l.set.Groups != nil
}

// sortByStory orders idx by story (most sources first, as the stories
// are numbered), the documents alone last, and by date within a story.
func (l *listPane) sortByStory(idx []int) {
	sortByKeys(l.order, idx, byDate)
	if l.set == nil || l.set.Groups == nil {
		return
	}
	rank := func(di int) int {
		if g := l.groupOf(l.docs[di]); g >= 0 {
			return g
		}
		return len(l.set.Groups.Stories)
	}
	slices.SortStableFunc(idx, func(a, b int) int { return rank(a) - rank(b) })
}

// headerAt is the story header drawn above shown item i, or "" for none:
// one above the first item of each group, and above the first item on
// screen so the group is always named.
func (l *listPane) headerAt(i int) string {
	if !l.hasHeader(i) {
		return ""
	}
	return l.groupTitle(l.groupOf(l.docs[l.shown[i]]))
}

// hasHeader says whether a header is drawn above shown item i.
func (l *listPane) hasHeader(i int) bool {
	if !l.grouped() || i < 0 || i >= len(l.shown) {
		return false
	}
	return i <= l.top || l.groupOf(l.docs[l.shown[i-1]]) != l.groupOf(l.docs[l.shown[i]])
}

// groupTitle is "label · 7 sources · 2004-12-01 – 2004-12-20" for a
// story, or how many documents are alone in theirs.
func (l *listPane) groupTitle(g int) string {
	if g < 0 {
		n := 0
		for _, s := range l.set.Groups.Stories {
			if len(s.Docs) < 2 {
				n++
			}
		}
		return fmt.Sprintf("alone in their story · %s", common.Plural(n, "document"))
	}
	s := l.set.Groups.Stories[g]
	parts := []string{common.CleanLabel(s.Label), common.Plural(len(s.Docs), "source")}
	if copies := len(l.set.Groups.Sources(g)) - len(s.Docs); copies > 0 {
		parts[1] += fmt.Sprintf(" (+%d %s)", copies, corpus.Plural(copies, "copy", "copies"))
	}
	if span := common.StorySpan(s); span != "" {
		parts = append(parts, span)
	}
	return strings.Join(parts, " · ")
}

// itemHeight is how many lines shown item i takes when drawn: a header
// (if any), its title, its metadata and a gap.
func (l *listPane) itemHeight(i int) int {
	if l.hasHeader(i) {
		return itemLines + 1
	}
	return itemLines
}

// keepVisibleGrouped is keepVisible for a list with headers: the
// selected item and its lines on screen, and no empty space below the
// last item while there are items above.
func (l *listPane) keepVisibleGrouped() {
	room := max(l.height-2, itemLines)
	n := len(l.shown)
	if l.sel < l.top {
		l.top = l.sel
	}
	for l.top < l.sel && l.linesFrom(l.top, l.sel) > room {
		l.top++
	}
	// The lowest top that still fills the screen to the last item.
	low, used := n, 0
	for low > 0 {
		h := itemLines
		if i := low - 1; i == 0 || l.groupOf(l.docs[l.shown[i]]) != l.groupOf(l.docs[l.shown[i-1]]) {
			h++
		}
		if used+h+1 > room { // +1: the top item's sticky header
			break
		}
		used += h
		low--
	}
	l.top = max(min(l.top, low), 0)
}

// linesFrom counts the lines items from..to take with from at the top.
func (l *listPane) linesFrom(from, to int) int {
	top := l.top
	l.top = from
	n := 0
	for i := from; i <= to && i < len(l.shown); i++ {
		n += l.itemHeight(i)
	}
	l.top = top
	return n
}

// itemAt is the shown item drawn at line y below the list's two header
// lines, and whether y is on its title or metadata (not a header or gap).
func (l *listPane) itemAt(y int) (int, bool) {
	for i := l.top; i < len(l.shown) && y >= 0; i++ {
		if l.hasHeader(i) {
			y--
		}
		if y >= 0 && y < itemLines {
			return i, y < itemLines-1
		}
		y -= itemLines
	}
	return -1, false
}

// alsoIn names a document's duplicates, where they are hidden (a story
// view): "also in: business/123".
func (l *listPane) alsoIn(d *corpus.Document) string {
	if l.set == nil || l.set.Groups == nil || !(l.sortBy == byStory || l.set.Scope != nil) {
		return ""
	}
	i, ok := l.set.Index[d]
	if !ok {
		return ""
	}
	var ids []string
	for _, c := range l.set.Groups.Copies[i] {
		ids = append(ids, corpus.CleanLine(l.set.Docs[c].ID))
	}
	if len(ids) == 0 {
		return ""
	}
	return "also in: " + strings.Join(ids, ", ")
}

// toggleTag tags or untags the selected document and moves down, as
// space does in mutt and ranger.
func (l *listPane) toggleTag() {
	d := l.selected()
	if d == nil || l.set == nil {
		return
	}
	if l.set.Tags[d] {
		delete(l.set.Tags, d)
	} else {
		l.set.Tags[d] = true
	}
	l.move(1)
}

// untagAll clears every tag.
func (l *listPane) untagAll() {
	if l.set != nil {
		clear(l.set.Tags)
	}
}

// tagged says whether d is tagged.
func (l *listPane) tagged(d *corpus.Document) bool { return l.set != nil && l.set.Tags[d] }

// scopeHeaderRoom is the least room the list's header leaves the story's
// marker before it drops the sort: "story: Yukos · Rus… · 19 sources".
const scopeHeaderRoom = 28

// scopeHeader is the list's first line in a restricted session: the
// marker in place of the document count.
func (l *listPane) scopeHeader() string {
	if l.set == nil || l.set.Scope == nil {
		return ""
	}
	tail := fmt.Sprintf(" · by %s · & widens", l.sortBy)
	if l.width-1-common.StrWidth(tail) < scopeHeaderRoom {
		// The list beside the reader (40 columns) would keep the sort
		// and elide the story to "story: …": the story comes first.
		tail = " · & widens"
	}
	return " " + l.set.MarkerFit(l.width-1-common.StrWidth(tail)) + tail
}

// tagCount is the footnote of the list's header when documents are
// tagged: "3 tagged".
func (l *listPane) tagCount() string {
	if l.set == nil || len(l.set.Tags) == 0 {
		return ""
	}
	return fmt.Sprintf(" · %d tagged", len(l.set.Tags))
}

// scopeTotal is how many documents the list holds before its filter: the
// sources of the session's scope when it is restricted.
func (l *listPane) scopeTotal() int {
	if l.set == nil || l.set.Scope == nil {
		return len(l.docs)
	}
	return len(l.set.Scope.Sources)
}
