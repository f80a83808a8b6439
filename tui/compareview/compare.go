package compareview

import (
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// compareTop is how many statements each source shows: the best and a
// runner-up is enough to judge a source without burying the columns.
const compareTop = 2

// CompareClaimMsg asks for the compare view on a claim of the claims
// index; the root shows the compare pane and forwards it.
type CompareClaimMsg struct {
	claim compare.Claim
}

// stmtRef addresses one statement of the view: a column (in display
// order) and a match within it.
type stmtRef struct{ col, match int }

// ComparePane shows what every source says on one statement, a column per
// source. It asks the engine in a command and draws only finished results.
type ComparePane struct {
	compareBase

	docs   []*corpus.Document
	scope  compareScope // what the query is compared across (compare_set.go)
	width  int
	height int

	query      compareQuery
	claimLabel string // set when the view was opened on a claim
	fromReader bool   // the query is a sentence the reader pointed at

	seq     int // of the latest query; older results are dropped
	loading bool
	result  *compare.Result
	order   []int // display order of result.Sources: origin first; silentCol is the silent summary
	silent  []int // the silent sources summed up in one column, if they are many
	stmts   []stmtRef
	sel     int // index into stmts
	page    int // first column shown, after the pinned origin if any

	// keepSel is the statement to select again once a comparison
	// redone after a change of the claims comes back.
	keepSel *corpus.Loc
	// saving is set while a change of the claims is on its way; keys
	// typed meanwhile, or while a comparison is found, wait in typeahead
	// and act on the view that shows the change.
	saving    bool
	typeahead []tea.KeyPressMsg

	status    paneStatus
	exportDir string           // "" is the current directory (see exportDir)
	now       func() time.Time // for export file names; a clock in tests

	memo compareViewMemo
}

// NewComparePane is the compare view over engine, with nothing compared
// yet.
func NewComparePane(ctx *common.Context, engine *Engine) *ComparePane {
	return &ComparePane{
		compareBase: newCompareBase(ctx, engine),
		docs:        engine.docs,
		now:         time.Now,
	}
}

// SetExportDir is where x writes its Markdown ("" the current directory).
func (p *ComparePane) SetExportDir(dir string) { p.exportDir = dir }

func (p *ComparePane) SetSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	p.prompt.setWidth(p.width)
	p.rearrange()
	p.clampPage()
}

func (p *ComparePane) Keys() help.KeyMap {
	if h, ok := p.modeKeys(); ok {
		return h
	}
	k := p.ctx.Keys.CompareView
	return p.paneKeys(k.CompareHelpPaging(p.pages(), p.onLastPage()).WithFull(k.ClaimsHelp()))
}

// start asks for a comparison and forgets the previous one.
func (p *ComparePane) start(q compareQuery) tea.Cmd {
	q.top = compareTop
	q.engineOnly = p.engineOnly
	p.querySet(&q)
	p.query = q
	p.seq++
	p.loading = true
	p.result, p.order, p.silent, p.stmts, p.sel, p.page = nil, nil, nil, nil, 0, 0
	p.status = paneStatus{}
	return runCompare(p.engine, p.seq, q)
}

func (p *ComparePane) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case ClaimsChangedMsg:
		return p, p.claimsChanged(msg)
	case common.CompareMsg:
		p.claimLabel, p.fromReader = "", msg.HasFrom
		q := compareQuery{text: msg.Text}
		if msg.HasFrom {
			from := msg.From
			q.origin = &from
		}
		p.scope = p.scopeFor(q.originDoc())
		return p, p.start(q)
	case common.ScopeChangedMsg:
		if p.query.text == "" {
			return p, nil
		}
		p.scope = p.scopeFor(p.query.originDoc())
		return p, p.start(p.query)
	case CompareClaimMsg:
		return p, p.startClaim(msg.claim)
	case curatedLayerMsg:
		if msg.engineOnly == p.engineOnly {
			return p, nil
		}
		p.engineOnly = msg.engineOnly
		if p.query.text == "" {
			return p, nil
		}
		return p, p.start(p.query)
	case compareResultMsg:
		if msg.seq == p.seq {
			if msg.picked != nil {
				p.scope.set = msg.picked
			}
			p.setResult(msg.result)
			p.restoreSel()
			return p, p.replayTypeahead()
		}
	case compareExportedMsg:
		p.status = exportStatus(msg)
	case tea.KeyPressMsg:
		if p.holdKey(msg) {
			return p, nil
		}
		return p, p.input(p, msg)
	default:
		return p, p.input(p, msg)
	}
	return p, nil
}

// startClaim compares a claim's first statement, so that its sources line
// up against one concrete sentence; the claim's label heads the view.
func (p *ComparePane) startClaim(c compare.Claim) tea.Cmd {
	p.claimLabel, p.fromReader = c.Label, false
	claim := ""
	if c.Curated {
		claim = c.Label
	}
	for _, src := range c.Sources {
		if len(src.Statements) > 0 {
			st := src.Statements[0]
			loc := st.Loc
			p.scope = p.scopeFor(loc.Doc)
			return p.start(compareQuery{text: st.Text, origin: &loc, claim: claim})
		}
	}
	p.scope = p.scopeFor(-1)
	return p.start(compareQuery{text: c.Label, claim: claim})
}

func (p *ComparePane) updateInput(msg tea.KeyPressMsg) tea.Cmd {
	text, cmd := p.prompt.update(msg, p.ctx.Keys.CompareView)
	if text == "" {
		return cmd
	}
	p.claimLabel, p.fromReader = "", false
	p.scope = p.scopeFor(-1)
	return p.start(compareQuery{text: text})
}

func (p *ComparePane) updateKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := p.sharedKey(msg, func(s string) { p.status = paneStatus{text: s} }); ok {
		return cmd
	}
	k := p.ctx.Keys.CompareView
	switch {
	case key.Matches(msg, k.Back):
		p.Emit(common.BackMsg{})
		return nil
	case key.Matches(msg, k.Widen):
		wide := p.scope.wide
		p.widen()
		if wide != p.scope.wide {
			return p.start(p.query)
		}
		return nil
	case key.Matches(msg, k.Next):
		p.moveSel(1)
	case key.Matches(msg, k.Prev):
		p.moveSel(-1)
	case key.Matches(msg, k.Top):
		p.setSel(0)
	case key.Matches(msg, k.Bottom):
		p.setSel(len(p.stmts) - 1)
	case key.Matches(msg, k.PageRight):
		p.pageBy(1)
	case key.Matches(msg, k.PageLeft):
		p.pageBy(-1)
	case key.Matches(msg, k.Open):
		if m := p.Selected(); m != nil {
			p.Emit(common.OpenMsg{Loc: m.Loc, Highlight: true})
			return nil
		}
	case key.Matches(msg, k.Export):
		if p.result == nil || p.loading {
			p.status = paneStatus{text: "nothing to export yet", err: true}
			return nil
		}
		return exportCompare(p.docs, *p.result, p.exportDir, p.now())
	}
	return nil
}

// compareMaxSilentCols is the most silent sources drawn as columns of
// their own. A silent column says one thing, so beyond a few they only
// push the sources that speak pages away; four keeps every source of a
// small corpus (the five seeds: an origin and four others) in its own
// column, which is how a small comparison reads best.
const compareMaxSilentCols = 4

// silentCol stands in order for the one column that sums up the silent
// sources when there are too many for a column each.
const silentCol = -1

// setResult takes a finished comparison (the origin's column keeping
// only the compared sentence) and lays it out (compare_arrange.go): the
// first statement of a source other than the origin is selected, since
// that is what the user came for.
func (p *ComparePane) setResult(r compare.Result) {
	r = originOnly(r, p.query.origin)
	p.result, p.loading = &r, false
	p.order, p.stmts, p.sel, p.page = p.order[:0], p.stmts[:0], 0, 0
	p.arrange()
}

// pages says whether sideways paging does anything: columns side by side
// and more of them than one screen shows.
func (p *ComparePane) pages() bool {
	if p.stacked() {
		return false
	}
	return p.pagedCols() > p.perPage()
}

// Selected is the match under the selection, or nil.
func (p *ComparePane) Selected() *compare.Match {
	if p.result == nil || p.sel < 0 || p.sel >= len(p.stmts) {
		return nil
	}
	s := p.stmts[p.sel]
	return &p.result.Sources[p.order[s.col]].Matches[s.match]
}

func (p *ComparePane) moveSel(d int) { p.setSel(p.sel + d) }

func (p *ComparePane) setSel(i int) {
	if len(p.stmts) == 0 {
		return
	}
	p.sel = min(max(i, 0), len(p.stmts)-1)
	p.showSel()
}

// showSel pages sideways so the selected statement's column is on screen.
func (p *ComparePane) showSel() {
	if p.sel >= len(p.stmts) || p.stacked() {
		return
	}
	col := p.stmts[p.sel].col
	if p.pinned() {
		if col == 0 {
			return
		}
		col-- // pages count the columns after the pinned origin
	}
	per := p.perPage()
	if col < p.page {
		p.page = col
	} else if col >= p.page+per {
		p.page = col - per + 1
	}
	p.clampPage()
}

// pageBy moves the visible columns sideways by one screenful and selects
// the first statement now in view outside the pinned origin, so j/k
// continue from what is seen.
func (p *ComparePane) pageBy(d int) {
	if p.stacked() {
		return
	}
	p.page += d * p.perPage()
	p.clampPage()
	for _, c := range p.visibleCols() {
		if p.pinned() && c == 0 {
			continue
		}
		for i, s := range p.stmts {
			if s.col == c {
				p.sel = i
				return
			}
		}
	}
}

// clampPage keeps the page inside the columns that page.
func (p *ComparePane) clampPage() {
	p.page = max(min(p.page, p.pagedCols()-p.perPage()), 0)
}

// onLastPage reports whether the last of the columns that page is shown.
func (p *ComparePane) onLastPage() bool { return p.page+p.perPage() >= p.pagedCols() }

// pagedCols is how many columns page sideways: all but a pinned origin.
func (p *ComparePane) pagedCols() int {
	n := len(p.order)
	if p.pinned() {
		n--
	}
	return n
}
