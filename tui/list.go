package tui

import (
	"slices"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/tui/common"
	"parley/tui/compareview"
)

// listPane shows the documents, sorted and filtered; enter opens one.
type listPane struct {
	common.Outbox
	ctx *common.Context
	set *common.StorySet // stories, tags and the session's scope (common/storyset.go)

	docs    []*corpus.Document // every document, in arrival order
	order   []listKey          // what docs[i] is sorted and filtered by
	shown   []int              // indexes into docs, sorted and filtered
	sel     int                // index into shown
	top     int                // first shown item on screen
	sortBy  sortKey
	filter  textinput.Model
	editing bool // the filter input has the keys
	// pinned is set once the cursor is on a document by choice (the user
	// moved it, or a document was opened). Until then it stays on the
	// first row while a folder streams in, however the documents arrive.
	pinned bool

	width, height int
	focused       bool

	loading  bool
	done     int
	total    int
	cached   int                       // of done, decoded from the cache
	bodies   struct{ done, total int } // bodies read once listed (load_bodies.go)
	indexing []string                  // background indexes still being built, once loaded
	spin     spinner.Model
	bar      progress.Model
	problems int

	// items caches drawn rows: styling is the costly part of a frame and
	// a row only changes with the width, selection, focus, styles or measure.
	items map[*corpus.Document]cachedItem
	paths listPaths // which documents are named by their path (list_paths.go)
}

type cachedItem struct {
	width       int
	sel, focus  bool
	gen         int // the context's: styles and width measure
	tagged      bool
	also        string // the duplicates named after the metadata
	sub         string // the path under the folder opened, when shown
	title, meta string
}

const itemLines = 3 // title, metadata, gap

func newListPane(ctx *common.Context) *listPane {
	ti := common.NewTextInput("/", "filter", maxQuery)
	return &listPane{
		ctx:    ctx,
		filter: ti,
		spin:   spinner.New(spinner.WithSpinner(spinner.Dot)),
		bar:    progress.New(progress.WithoutPercentage(), progress.WithFillCharacters('█', '░')),
	}
}

// setDocs replaces the documents, keeping the selected one when it is
// still there.
func (l *listPane) setDocs(docs []*corpus.Document) {
	if l.holds(docs) {
		return // the batches that streamed in: already listed and sorted
	}
	cur := l.kept()
	l.docs = docs
	l.paths = listPaths{} // worked out anew: not a growth of the last docs
	l.order = listKeysOf(docs)
	l.refresh(cur)
}

// holds reports whether the list has exactly docs, in any order, as when
// a folder's batches have all arrived, and their keys still hold: a
// catalog file, applied once every file is read, can change a title, so
// a corpus with curated metadata is listed again.
func (l *listPane) holds(docs []*corpus.Document) bool {
	if len(docs) != len(l.docs) || len(docs) == 0 {
		return false
	}
	if slices.Equal(docs, l.docs) { // as they arrived: the usual case
		return !slices.ContainsFunc(docs, func(d *corpus.Document) bool { return len(d.Editorial) > 0 })
	}
	have := make(map[*corpus.Document]bool, len(l.docs))
	for _, d := range l.docs {
		have[d] = true
	}
	for _, d := range docs {
		if !have[d] || len(d.Editorial) > 0 {
			return false
		}
	}
	return true
}

// addDocs appends documents as they arrive while a folder loads. Only the
// batch is filtered and sorted; it is then merged into the shown order, so
// each batch costs about its own size plus one pass over the list.
func (l *listPane) addDocs(docs []*corpus.Document) {
	cur := l.kept()
	from := len(l.docs)
	if l.loading && l.total > cap(l.docs) {
		// Room for the whole folder at once, rather than copying the
		// list over and over as it doubles.
		l.docs = slices.Grow(l.docs, l.total-len(l.docs))
		l.order = slices.Grow(l.order, l.total-len(l.order))
		l.shown = slices.Grow(l.shown, l.total-len(l.shown))
	}
	l.docs = append(l.docs, docs...)
	l.order = appendListKeys(l.order, docs) // into the room made above
	add := filterKeys(l.order[from:], l.docs[from:], from, l.filter.Value(), nil)
	sortByKeys(l.order, add, l.sortBy)
	l.shown = mergeSorted(l.order, l.shown, add, l.sortBy)
	l.reselect(cur)
}

// kept is the document the cursor must stay on when the list is sorted,
// filtered or grows: the selected one once chosen, else none (the top).
func (l *listPane) kept() *corpus.Document {
	if !l.pinned {
		return nil
	}
	return l.selected()
}

// selected is the document under the cursor, or nil.
func (l *listPane) selected() *corpus.Document {
	if l.sel < 0 || l.sel >= len(l.shown) {
		return nil
	}
	return l.docs[l.shown[l.sel]]
}

// selectDoc moves the cursor to d when it is shown.
func (l *listPane) selectDoc(d *corpus.Document) {
	for i, di := range l.shown {
		if l.docs[di] == d {
			l.sel, l.pinned = i, true
			l.keepVisible()
			return
		}
	}
}

// neighbour is the document delta places from d in the list's order
// (wrapping), so that next/previous document follow what the user sees.
func (l *listPane) neighbour(d *corpus.Document, delta int) (next *corpus.Document, wrapped bool) {
	n := len(l.shown)
	if n == 0 {
		return nil, false
	}
	at := -1
	for i, di := range l.shown {
		if l.docs[di] == d {
			at = i
			break
		}
	}
	if at < 0 {
		return l.docs[l.shown[0]], false
	}
	to := at + delta
	return l.docs[l.shown[(to%n+n)%n]], to < 0 || to >= n
}

func (l *listPane) refresh(keep *corpus.Document) {
	l.shown = l.restrict(filterKeys(l.order, l.docs, 0, l.filter.Value(), l.shown[:0]))
	if l.sortBy == byStory {
		l.sortByStory(l.shown)
	} else {
		sortByKeys(l.order, l.shown, l.sortBy)
	}
	l.reselect(keep)
}

// reselect puts the cursor on keep when it is shown, else on the top.
func (l *listPane) reselect(keep *corpus.Document) {
	l.sel = 0
	if keep != nil {
		for i, di := range l.shown {
			if l.docs[di] == keep {
				l.sel = i
			}
		}
	}
	l.keepVisible()
}

// busy is while the folder loads or its indexes are built: the spinner
// turns.
func (l *listPane) busy() bool { return l.loading || l.bodies.total > 0 || len(l.indexing) > 0 }

// indexed notes that a background index is ready.
func (l *listPane) indexed(name string) {
	l.indexing = slices.DeleteFunc(l.indexing, func(s string) bool { return s == name })
}

func (l *listPane) SetSize(w, h int) {
	l.width, l.height = w, h
	l.filter.SetWidth(max(w-3, 1))
	l.bar.SetWidth(max(w-2, 1))
	l.keepVisible()
}

// Focus and Blur: the focused list marks the selected row with a heavy
// bar and the selection colours.
func (l *listPane) Focus() tea.Cmd { l.focused = true; return nil }
func (l *listPane) Blur()          { l.focused = false }

// Restyle: the rows are keyed by the context's generation.
func (l *listPane) Restyle() {}

func (l *listPane) CapturesInput() bool { return l.editing }

func (l *listPane) Keys() help.KeyMap {
	if l.editing {
		return l.ctx.Keys.InputKeys()
	}
	return l.ctx.Keys.ListKeys()
}

func (l *listPane) visibleItems() int { return max((l.height-2)/itemLines, 1) }

func (l *listPane) keepVisible() {
	if l.grouped() {
		l.keepVisibleGrouped()
		return
	}
	l.top = common.ScrollIntoView(l.sel, l.top, l.visibleItems(), len(l.shown))
}

func (l *listPane) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case searchIndexMsg:
		l.indexed("search")
	case compareview.ClaimsLoadedMsg, compareIndexedMsg:
		l.indexed("compare")
	case spinner.TickMsg:
		if !l.busy() {
			return l, nil
		}
		var cmd tea.Cmd
		l.spin, cmd = l.spin.Update(msg)
		return l, cmd
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelDown:
			l.move(1)
		case tea.MouseWheelUp:
			l.move(-1)
		}
		return l, nil
	case tea.MouseClickMsg:
		return l, l.click(msg)
	case tea.KeyPressMsg:
		if l.editing {
			return l, l.updateFilter(msg)
		}
		return l, l.handleKey(msg)
	case tea.PasteMsg:
		if l.editing {
			return l, l.editFilter(msg)
		}
		return l, nil
	}
	if l.editing {
		var cmd tea.Cmd
		l.filter, cmd = l.filter.Update(msg)
		return l, cmd
	}
	return l, nil
}

// click selects the item under the pointer; a click on the selected item
// opens it.
func (l *listPane) click(msg tea.MouseClickMsg) tea.Cmd {
	if msg.Button != tea.MouseLeft || msg.Y < 2 {
		return nil
	}
	i, ok := l.itemAt(msg.Y - 2)
	if !ok {
		return nil
	}
	if i == l.sel {
		l.Emit(openDocMsg{doc: l.docs[l.shown[i]]})
		return nil
	}
	l.sel, l.pinned = i, true
	l.keepVisible()
	return nil
}

func (l *listPane) updateFilter(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, l.ctx.Keys.Accept):
		// Filtering to a document and accepting is choosing it: clearing
		// the filter later keeps the cursor there.
		l.editing = false
		l.filter.Blur()
		l.pinned = l.selected() != nil
		return nil
	case key.Matches(msg, l.ctx.Keys.Cancel):
		l.editing = false
		l.filter.Blur()
		l.filter.SetValue("")
		l.refresh(l.kept())
		return nil
	}
	return l.editFilter(msg)
}

// editFilter passes typing or a paste to the filter and filters again
// when the text changed.
func (l *listPane) editFilter(msg tea.Msg) tea.Cmd {
	before := l.filter.Value()
	var cmd tea.Cmd
	l.filter, cmd = l.filter.Update(msg)
	if l.filter.Value() != before {
		l.refresh(nil)
	}
	return cmd
}

func (l *listPane) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	km := l.ctx.Keys
	switch {
	case key.Matches(msg, km.Tag): // before PageDown: space tags here
		l.toggleTag()
	case key.Matches(msg, km.UntagAll):
		l.untagAll()
	case key.Matches(msg, km.Down):
		l.move(1)
	case key.Matches(msg, km.Up):
		l.move(-1)
	case key.Matches(msg, km.PageDown):
		l.move(l.visibleItems())
	case key.Matches(msg, km.PageUp):
		l.move(-l.visibleItems())
	case key.Matches(msg, km.HalfDown):
		l.move(max(l.visibleItems()/2, 1))
	case key.Matches(msg, km.HalfUp):
		l.move(-max(l.visibleItems()/2, 1))
	case key.Matches(msg, km.LineDown):
		l.scrollView(1)
	case key.Matches(msg, km.LineUp):
		l.scrollView(-1)
	case key.Matches(msg, km.Top):
		l.move(-len(l.shown))
	case key.Matches(msg, km.Bottom):
		l.move(len(l.shown))
	case key.Matches(msg, km.Sort):
		l.sortBy = (l.sortBy + 1) % sortKeys
		l.refresh(l.kept())
	case key.Matches(msg, km.Filter):
		l.editing = true
		return l.filter.Focus()
	case key.Matches(msg, km.Back):
		// The list is where going back ends; esc only clears a filter.
		l.filter.SetValue("")
		l.refresh(l.kept())
	case key.Matches(msg, km.Open):
		if d := l.selected(); d != nil {
			l.Emit(openDocMsg{doc: d})
		}
	}
	return nil
}

func (l *listPane) move(delta int) {
	l.sel = max(min(l.sel+delta, len(l.shown)-1), 0)
	l.pinned = true
	l.keepVisible()
}

// scrollView moves the view by n items, as vim's ctrl+e and ctrl+y: the
// cursor stays on its document unless it would leave the screen.
func (l *listPane) scrollView(n int) {
	rows := l.visibleItems()
	l.top = max(min(l.top+n, len(l.shown)-rows), 0)
	l.sel = max(min(l.sel, l.top+rows-1, len(l.shown)-1), l.top, 0)
	l.pinned = true
}
