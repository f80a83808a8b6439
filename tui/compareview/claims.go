package compareview

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/corpus/export"
	"parley/tui/common"
)

// ClaimsPane lists the claims of the corpus — curated first, then those
// the engine found — each with one mark per source saying whether that
// source makes it. Enter compares the claim across the sources; / compares
// typed text instead.
type ClaimsPane struct {
	compareBase

	width  int
	height int

	seq      int
	loading  bool
	loaded   bool
	claims   []compare.Claim
	sel, off int

	// Stories (claims_story.go): the index of a corpus of several stories
	// lists them, and shows one story's claims at a time.
	story     int // the story shown, or noStory
	idx       storyIndex
	claimDocs []*corpus.Document // what the coverage marks stand for; nil: every document
	part      string             // how much discovery read, when only part (partRead)

	// selLabel is the claim to select once the list comes back after a
	// change of the claims.
	selLabel string
	status   paneStatus // why a key did nothing, or where an export went, until the next key
	export   claimsExport
}

// NewClaimsPane is the claims index over engine, with no story open
// (claims_story.go) and no claims found yet.
func NewClaimsPane(ctx *common.Context, engine *Engine) *ClaimsPane {
	return &ClaimsPane{compareBase: newCompareBase(ctx, engine), story: noStory}
}

// SetExportDir is where x writes the index's Markdown ("" the current
// directory).
func (p *ClaimsPane) SetExportDir(dir string) { p.export.dir = dir }

// Started says whether the claims have been asked for (found or being
// found).
func (p *ClaimsPane) Started() bool { return p.loaded || p.loading }

func (p *ClaimsPane) SetSize(w, h int) {
	p.width, p.height = max(w, 0), max(h, 0)
	p.prompt.setWidth(p.width)
	p.scrollToSel()
}

func (p *ClaimsPane) Keys() help.KeyMap {
	if h, ok := p.modeKeys(); ok {
		return h
	}
	k := p.ctx.Keys.CompareView
	if p.OnStories() {
		return p.paneKeys(k.StoriesHelp().WithFull(k.ClaimsHelp()).WithFull(k.CompareHelp()))
	}
	return p.paneKeys(k.ClaimsHelp().WithFull(k.CompareHelp()))
}

// Load asks for the claims list (discovering claims clusters the whole
// corpus, so it runs in a command). The root calls it when the pane is
// first shown.
func (p *ClaimsPane) Load() tea.Cmd {
	if p.StoryMode() {
		return p.loadStories()
	}
	p.seq++
	p.loading = true
	return runClaims(p.engine, p.seq, p.engineOnly)
}

func (p *ClaimsPane) Update(msg tea.Msg) (common.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case curatedLayerMsg:
		if msg.engineOnly != p.engineOnly {
			// The old list belongs to the other layer: drop it rather
			// than show it under the new layer's name.
			p.engineOnly, p.claims, p.part, p.loaded = msg.engineOnly, nil, "", false
			if p.StoryMode() {
				// The stories' claims found so far are of the other
				// layer too; the story open stays open.
				return p, p.relayerStories()
			}
			return p, p.Load()
		}
	case storyClaimsMsg:
		return p, p.storyClaimsFound(msg)
	case common.ScopeChangedMsg:
		if p.loaded || p.loading {
			p.story = noStory
			return p, p.Load()
		}
	case ClaimsLoadedMsg:
		if msg.seq == p.seq {
			p.claims, p.part, p.loading, p.loaded = msg.claims, msg.part, false, true
			p.sel = min(p.sel, max(len(p.claims)-1, 0))
			p.selectLabel()
			p.scrollToSel()
		}
	case claimsExportedMsg:
		p.status = exportStatus(compareExportedMsg(msg))
	case ClaimsChangedMsg:
		p.selLabel = msg.Label
		if p.StoryMode() {
			return p, p.relayerStories()
		}
		return p, p.Load()
	case tea.KeyPressMsg:
		p.status = paneStatus{}
		return p, p.input(p, msg)
	default:
		return p, p.input(p, msg)
	}
	return p, nil
}

func (p *ClaimsPane) moveSel(d int) { p.setSel(p.sel + d) }

func (p *ClaimsPane) updateInput(msg tea.KeyPressMsg) tea.Cmd {
	text, cmd := p.prompt.update(msg, p.ctx.Keys.CompareView)
	if text == "" {
		return cmd
	}
	return func() tea.Msg { return common.CompareMsg{Text: text} }
}

func (p *ClaimsPane) updateKey(msg tea.KeyPressMsg) tea.Cmd {
	if p.OnStories() {
		return p.updateStoriesKey(msg)
	}
	if cmd, ok := p.sharedKey(msg, func(s string) { p.status = paneStatus{text: s} }); ok {
		return cmd
	}
	k := p.ctx.Keys.CompareView
	switch {
	case key.Matches(msg, k.Back):
		if p.leaveStory() {
			return nil
		}
		p.Emit(common.BackMsg{})
		return nil
	case key.Matches(msg, k.Next):
		p.setSel(p.sel + 1)
	case key.Matches(msg, k.Prev):
		p.setSel(p.sel - 1)
	case key.Matches(msg, k.Top):
		p.setSel(0)
	case key.Matches(msg, k.Bottom):
		p.setSel(len(p.claims) - 1)
	case key.Matches(msg, k.PageDown):
		p.setSel(p.sel + p.listHeight())
	case key.Matches(msg, k.PageUp):
		p.setSel(p.sel - p.listHeight())
	case key.Matches(msg, k.HalfDown):
		p.setSel(p.sel + max(p.listHeight()/2, 1))
	case key.Matches(msg, k.HalfUp):
		p.setSel(p.sel - max(p.listHeight()/2, 1))
	case key.Matches(msg, k.Export):
		return p.exportIndex()
	case key.Matches(msg, k.Open):
		if p.sel < len(p.claims) {
			c := p.claims[p.sel]
			return func() tea.Msg { return CompareClaimMsg{claim: c} }
		}
	}
	return nil
}

func (p *ClaimsPane) setSel(i int) {
	p.sel = min(max(i, 0), max(len(p.claims)-1, 0))
	p.scrollToSel()
}

// listHeight is the rows left for claims under the header and above the
// status line.
func (p *ClaimsPane) listHeight() int {
	if p.showsMarks() {
		return max(p.height-3, 1)
	}
	return max(p.height-2, 1)
}

// showsMarks says whether rows draw a mark per source; on a large corpus
// they show a count instead, and the marks legend has nothing to explain.
func (p *ClaimsPane) showsMarks() bool { return export.ShowsMarks(len(p.markDocs())) }

func (p *ClaimsPane) scrollToSel() {
	p.off = common.ScrollIntoView(p.sel, p.off, p.listHeight(), len(p.claims))
}

// View draws exactly width×height.
func (p *ClaimsPane) View() string {
	if p.OnStories() {
		return p.storiesView()
	}
	w, h := p.width, p.height
	if blank, ok := noRoom(w, h); ok {
		return blank
	}
	var lines []string
	switch {
	case p.work.on:
		lines = append(lines, p.work.view(p.ctx.Styles.Compare))
	case p.prompt.typing:
		lines = append(lines, p.prompt.view())
	default:
		lines = append(lines, p.headerLine(w))
	}
	if p.showsMarks() {
		lines = append(lines, p.sourcesLine())
	}
	switch {
	case p.Finding():
		lines = append(lines, p.ctx.Styles.Compare.Dim.Render(p.findingText()))
	case len(p.claims) == 0:
		lines = append(lines, p.ctx.Styles.Compare.Dim.Render("no claims: no point is made by two sources or more"))
	default:
		end := min(p.off+p.listHeight(), len(p.claims))
		for i := p.off; i < end; i++ {
			lines = append(lines, p.row(i, w))
		}
	}
	if h >= 4 {
		body := common.FitBlock(lines, w, h-1)
		bottom := p.madeBy()
		if !p.status.empty() {
			bottom = p.statusLine(w)
		}
		body = append(body, common.FitWidth(bottom, w))
		return strings.Join(body, "\n")
	}
	return strings.Join(common.FitBlock(lines, w, h), "\n")
}

// Finding says the claims are being found and none are known yet.
func (p *ClaimsPane) Finding() bool { return p.loading && !p.loaded }

// headerLine is the title, the claim counts once the claims are found
// (while they are being found there is nothing to count yet: the line
// below says so), and the curated layer's state.
func (p *ClaimsPane) headerLine(w int) string {
	layer := "[curated layer on]"
	if p.engineOnly || !p.engine.hasCurated() {
		layer = "[engine only]"
	}
	left := p.ctx.Styles.Compare.Title.Render("Claims" + p.storyTitle())
	if !p.Finding() {
		counts := " · " + claimCounts(p.claims)
		if p.part != "" {
			counts += " · " + p.part
		}
		left += p.ctx.Styles.Compare.Meta.Render(counts)
	}
	return common.FitWidth(left, max(w-len(layer)-1, 0)) + " " + p.ctx.Styles.Compare.Meta.Render(layer)
}

// claimCounts says how many claims the index lists and of which kind, in
// the README's terms: yours and the shipped ones (the curated layer),
// and those the engine found.
func claimCounts(claims []compare.Claim) string {
	yours, shipped := 0, 0
	for _, c := range claims {
		switch {
		case c.Curated && c.Origin == compare.OriginUser:
			yours++
		case c.Curated:
			shipped++
		}
	}
	found := len(claims) - yours - shipped
	head := common.Plural(len(claims), "claim")
	if len(claims) == 0 {
		return head
	}
	if yours+shipped == 0 {
		return head + ", all found by the engine"
	}
	var parts []string
	if yours > 0 {
		parts = append(parts, strconv.Itoa(yours)+" yours")
	}
	if shipped > 0 {
		parts = append(parts, strconv.Itoa(shipped)+" shipped")
	}
	if found > 0 {
		parts = append(parts, strconv.Itoa(found)+" found")
	}
	return head + ": " + strings.Join(parts, ", ")
}

// sourcesLine numbers the sources, in the order of the coverage marks.
func (p *ClaimsPane) sourcesLine() string {
	var parts []string
	for i, d := range p.markDocs() {
		parts = append(parts, fmt.Sprintf("%d %s", i+1, common.SourceLabel(d)))
	}
	return p.ctx.Styles.Compare.Dim.Render("marks: " + strings.Join(parts, " · "))
}

// row is one claim: its coverage (a mark per source, or a count on a
// large corpus), its kind, its label.
func (p *ClaimsPane) row(i, w int) string {
	c := p.claims[i]
	marks := export.CoverageText(c.Coverage)
	if !p.showsMarks() {
		// Counts are right-aligned to the widest, so the labels line up.
		n := len(c.Coverage)
		marks = fmt.Sprintf("%*s", len(fmt.Sprintf("%d/%d", n, n)), marks)
	}
	kind := p.ctx.Styles.Compare.Dim.Render("found   ")
	if tag := curatedTag(c); tag != "" {
		if c.Origin == compare.OriginUser && len(p.engine.staleOf(c.Label)) > 0 {
			tag = "yours !"
		}
		kind = p.ctx.Styles.Compare.Curated.Render(fmt.Sprintf("%-8s", tag))
	}
	// ≠: the sources state some fact of the claim differently.
	differ := "  "
	if c.Disagrees() {
		differ = p.ctx.Styles.Compare.Warn.Render(" ≠")
	}
	label := corpus.CleanLine(common.OneLine(c.Label))
	if i == p.sel {
		return p.ctx.Styles.Compare.Gutter.Render("▌") + marks + differ + " " + kind + p.ctx.Styles.Compare.Selected.Render(label)
	}
	return " " + marks + differ + " " + kind + label
}

// madeBy names the sources that make the selected claim.
func (p *ClaimsPane) madeBy() string {
	if p.sel >= len(p.claims) {
		return ""
	}
	c := p.claims[p.sel]
	var names []string
	for i, ok := range c.Coverage {
		if docs := p.markDocs(); ok && i < len(docs) {
			names = append(names, common.SourceLabel(docs[i]))
		}
	}
	line := fmt.Sprintf("made by %d: %s", len(names), strings.Join(names, ", "))
	if len(names) == 0 {
		// A claim of yours whose quotes are all in files not opened.
		line = "made by none of the sources open"
	}
	if c.Disagrees() {
		d := c.Differs[0]
		line = fmt.Sprintf("≠ %s: %s, %s: %s · %s", common.SourceLabel(p.engine.docs[d.Docs[0]]), d.Facts[0].Text, common.SourceLabel(p.engine.docs[d.Docs[1]]), d.Facts[1].Text, line)
	}
	return p.ctx.Styles.Compare.Status.Render(corpus.CleanLine(line))
}
