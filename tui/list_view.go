package tui

import (
	"fmt"
	"strings"

	"parley/corpus"
	"parley/tui/common"
)

func (l *listPane) View() string {
	w, h := l.width, l.height
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := make([]string, 0, h)
	lines = append(lines, l.headerLine(), l.filterLine())
	for i := l.top; i < len(l.shown) && len(lines) < h; i++ {
		if hdr := l.headerAt(i); hdr != "" {
			lines = append(lines, common.FitWidth(l.ctx.Styles.PaneTitle.Render(common.TruncPlain(" ▾ "+hdr, w)), w))
		}
		d := l.docs[l.shown[i]]
		title, meta := l.cachedItemLines(d, i == l.sel)
		lines = append(lines, title, meta, common.Spaces(w))
	}
	if len(l.shown) == 0 && !l.loading {
		empty := "  no documents match"
		if len(l.docs) == 0 {
			empty = "  no documents"
		}
		lines = append(lines, common.FitWidth(l.ctx.Styles.Dim.Render(empty), w))
	}
	for len(lines) < h {
		lines = append(lines, common.Spaces(w))
	}
	return strings.Join(lines[:h], "\n")
}

func (l *listPane) headerLine() string {
	w := l.width
	if l.loading {
		return common.FitWidth(l.spin.View()+" "+l.loadingStatus(), w)
	}
	count := common.Plural(len(l.docs), "document")
	if l.filter.Value() != "" {
		// While a filter is typed (and after), the count is of what it
		// keeps: "3 of 5 documents".
		count = fmt.Sprintf("%d of %s", len(l.shown), count)
	}
	s := fmt.Sprintf(" %s · by %s", count, l.sortBy)
	if l.sortBy == byStory && l.set != nil && l.set.Groups == nil {
		s += " (grouping…)"
	}
	if sc := l.scopeHeader(); sc != "" {
		s = sc
	}
	s += l.tagCount()
	if l.problems > 0 {
		s += fmt.Sprintf(" · %d skipped", l.problems)
	}
	if l.bodies.total > 0 {
		s = fmt.Sprintf(" %d docs · reading texts %d/%d %s", len(l.docs), l.bodies.done, l.bodies.total, l.spin.View())
	} else if len(l.indexing) > 0 {
		// Short enough for a narrow list: the sort and skips return after.
		s = fmt.Sprintf(" %d docs · indexing %s %s", len(l.docs), strings.Join(l.indexing, ", "), l.spin.View())
	}
	return common.FitWidth(l.ctx.Styles.PaneTitle.Render(common.TruncPlain(s, w)), w)
}

func (l *listPane) filterLine() string {
	w := l.width
	switch {
	case l.loading && l.total > 0:
		return common.FitWidth(" "+l.bar.ViewAs(float64(l.done)/float64(l.total)), w)
	case l.editing:
		return common.FitWidth(l.filter.View(), w)
	case l.filter.Value() != "":
		s := fmt.Sprintf(" filter: %s (%d of %d) · esc clears", corpus.CleanLine(l.filter.Value()), len(l.shown), l.scopeTotal())
		return common.FitWidth(l.ctx.Styles.Dim.Render(common.TruncPlain(s, w)), w)
	}
	return common.Spaces(w)
}

func (l *listPane) cachedItemLines(d *corpus.Document, selected bool) (string, string) {
	tagged, also := l.tagged(d), l.alsoIn(d)
	sub, lead := l.subPath(d)
	if lead {
		sub = "\x00" + sub // first, not last: part of the cache key
	}
	if c, ok := l.items[d]; ok && c.width == l.width && c.sel == selected && c.focus == l.focused && c.gen == l.ctx.Gen && c.tagged == tagged && c.also == also && c.sub == sub {
		return c.title, c.meta
	}
	if l.items == nil || len(l.items) > 4096 {
		l.items = map[*corpus.Document]cachedItem{}
	}
	title, meta := l.itemLines(d, selected, tagged, also, sub)
	l.items[d] = cachedItem{width: l.width, sel: selected, focus: l.focused, gen: l.ctx.Gen, tagged: tagged, also: also, sub: sub, title: title, meta: meta}
	return title, meta
}

// itemLines draws a document's title and metadata lines: a bar when it
// is selected, a * when it is tagged (as mutt marks tagged messages), and
// its hidden duplicates ("also in: …") after the metadata; sub, the path
// under the folder opened when the list names it (list_paths.go): first
// when it starts with a NUL byte (never drawn), else last.
func (l *listPane) itemLines(d *corpus.Document, selected, tagged bool, also, sub string) (string, string) {
	w := l.width
	bar, mark := " ", " "
	titleSt, metaSt := l.ctx.Styles.Body.Bold(true), l.ctx.Styles.Meta
	if selected {
		bar = "│"
		if l.focused {
			bar = "┃"
			titleSt, metaSt = l.ctx.Styles.Selected, l.ctx.Styles.SelectedMeta
		}
	}
	if tagged {
		mark = "*"
	}
	bar = l.ctx.Styles.SelBar.Render(bar) + l.ctx.Styles.ListMark.Render(mark)
	inner := max(w-2, 0)
	title := common.TruncPlain(docTitle(d), inner)
	meta := docMeta(d)
	first, isFirst := strings.CutPrefix(sub, "\x00")
	if isFirst {
		meta = first + " · " + meta
	}
	if also != "" {
		meta += " · " + also
	}
	if sub != "" && !isFirst {
		meta += " · " + sub
	}
	ed := ""
	if len(d.Editorial) > 0 {
		ed = " ed."
	}
	meta = common.TruncPlain(meta, max(inner-len(ed), 0))
	titleLine := bar + titleSt.Render(title)
	metaLine := bar + metaSt.Render(meta) + l.ctx.Styles.Editorial.Render(ed)
	return common.FitWidth(titleLine, w), common.FitWidth(metaLine, w)
}

// loadingStatus says what loading is doing, with counts, short enough
// for a narrow list: finding the files, then reading and parsing them, or
// decoding them from the cache.
func (l *listPane) loadingStatus() string {
	switch {
	case l.total == 0:
		return "loading: finding files…"
	case l.cached > 0:
		return fmt.Sprintf("loading %d/%d: %d from cache", l.done, l.total, l.cached)
	}
	return fmt.Sprintf("loading: read and parsed %d/%d", l.done, l.total)
}
