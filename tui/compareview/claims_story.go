package compareview

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/compare"
	"parley/tui/common"
)

// The claims index of a corpus that holds several stories opens on the
// stories: each with its number of sources and, once counted, of claims.
// A story's claims are found in the background when it is opened (and,
// while the list is shown, story after story, so the counts fill in);
// the claims of one story never mix with another's. A corpus that is one
// story (the shipped seeds) opens on its claims, as before.

// noStory is ClaimsPane.story when the stories list (or, for a corpus of
// one story, the whole corpus's claims) is shown.
const noStory = -1

// taggedStory keys the claims of the tagged set.
const taggedStory = -2

// storyIndex is the claims pane's list of stories and the claims found so
// far for each.
type storyIndex struct {
	rows     []int // stories with two sources or more, most sources first
	alone    int   // documents alone in their story: no claim is possible
	found    map[int]storyClaims
	running  int // the story being worked on, or noStory
	sel, off int
}

// storyClaims are one story's claims, their coverage marks in the order
// of docs (the story's sources).
type storyClaims struct {
	claims []compare.Claim
	docs   []*corpus.Document
	part   string // partRead
}

// storyClaimsMsg carries one story's claims back to the claims pane.
type storyClaimsMsg struct {
	story  int
	docs   []*corpus.Document // the set's documents, in the order of the coverage marks
	claims []compare.Claim
	layer  bool   // engine only
	part   string // partRead
}

// runStoryClaims finds the claims of a comparison set in a command, on
// the set's own index (compare.Scope.Claims), so the terms rare within
// the story weigh as they should.
func runStoryClaims(e *Engine, story int, sc *compare.Scope, engineOnly bool) tea.Cmd {
	return func() tea.Msg {
		return storyClaimsMsg{story: story, docs: setDocs(e.docs, sc), claims: sc.Claims(), layer: engineOnly, part: partRead(sc.Index())}
	}
}

// partRead says how much of a set's sentences claim discovery read when
// it read only part of them (more than compare's bound of them: a sample
// spread over the documents, compare.Index.ClaimsRead), else "".
func partRead(ix *compare.Index) string {
	if read, total := ix.ClaimsRead(); read < total {
		return fmt.Sprintf("found in %s of %s sentences, spread over the documents", corpus.GroupDigits(read), corpus.GroupDigits(total))
	}
	return ""
}

// StoryMode says whether the index works story by story: the stories are
// known and the corpus is more than one story.
func (p *ClaimsPane) StoryMode() bool {
	if p.set == nil || p.set.Groups == nil {
		return false
	}
	if p.set.Scope != nil {
		return true
	}
	return len(p.set.Groups.Stories) > 1
}

// OnStories says whether the stories list is shown.
func (p *ClaimsPane) OnStories() bool { return p.StoryMode() && p.story == noStory }

// loadStories prepares the stories list (or, in a restricted session,
// opens the claims of its set) and starts finding claims.
func (p *ClaimsPane) loadStories() tea.Cmd {
	p.seq++ // an answer for the whole corpus no longer applies
	g := p.set.Groups
	if p.idx.found == nil {
		p.idx = storyIndex{found: map[int]storyClaims{}, running: noStory}
		for k, s := range g.Stories {
			if len(s.Docs) >= 2 {
				p.idx.rows = append(p.idx.rows, k)
			} else {
				p.idx.alone++
			}
		}
	}
	if sc := p.set.Scope; sc != nil {
		k := sc.Story
		if k < 0 {
			k = taggedStory
		}
		return p.openStory(k)
	}
	p.story, p.loaded, p.loading = noStory, true, false
	return p.nextStory()
}

// scopeOf is the comparison set of story k, or of the tagged set.
func (p *ClaimsPane) scopeOf(k int) *compare.Scope {
	sets := p.engine.setsFor(p.engineOnly)
	if k == taggedStory {
		sources := p.set.TaggedScope().Sources
		if p.set.Scope != nil {
			sources = p.set.Scope.Sources
		}
		return sets.Tagged(sources)
	}
	return sets.Story(k)
}

// openStory shows story k's claims, finding them first if need be.
func (p *ClaimsPane) openStory(k int) tea.Cmd {
	p.story, p.sel, p.off = k, 0, 0
	if f, ok := p.idx.found[k]; ok && k != taggedStory {
		p.claims, p.claimDocs, p.part, p.loaded, p.loading = f.claims, f.docs, f.part, true, false
		return nil
	}
	p.claims, p.claimDocs, p.part, p.loaded, p.loading = nil, nil, "", false, true
	if p.idx.running != noStory {
		return nil // the answer in flight starts this one next
	}
	p.idx.running = k
	return runStoryClaims(p.engine, k, p.scopeOf(k), p.engineOnly)
}

// nextStory starts finding the claims of the first story not yet done,
// so the list's counts fill in; nothing when one is under way.
func (p *ClaimsPane) nextStory() tea.Cmd {
	if p.idx.running != noStory {
		return nil
	}
	for _, k := range p.idx.rows {
		if _, ok := p.idx.found[k]; !ok {
			p.idx.running = k
			return runStoryClaims(p.engine, k, p.scopeOf(k), p.engineOnly)
		}
	}
	return nil
}

// storyClaimsFound takes one story's claims and starts the next: the
// story the user opened if it is still waiting, else the next of the list.
func (p *ClaimsPane) storyClaimsFound(msg storyClaimsMsg) tea.Cmd {
	if msg.story == p.idx.running {
		p.idx.running = noStory
	}
	if msg.layer != p.engineOnly {
		// Of the other layer: it is dropped, and what waited on it starts.
		return p.resumeStories()
	}
	docs := msg.docs
	p.idx.found[msg.story] = storyClaims{claims: msg.claims, docs: docs, part: msg.part}
	if msg.story == p.story {
		p.claims, p.claimDocs, p.part, p.loaded, p.loading = msg.claims, docs, msg.part, true, false
		p.setSel(p.sel)
	}
	return p.resumeStories()
}

// resumeStories starts the story the user opened if it still waits for
// its claims, else the next story of the list.
func (p *ClaimsPane) resumeStories() tea.Cmd {
	if p.story != noStory && !p.loaded {
		return p.openStory(p.story)
	}
	return p.nextStory()
}

// StoryAtHand is the story the index points at: the one open, or the
// selected row of the stories list; -1 for none.
func (p *ClaimsPane) StoryAtHand() int {
	switch {
	case !p.StoryMode():
		return -1
	case p.story >= 0:
		return p.story
	case p.story == noStory && p.idx.sel < len(p.idx.rows):
		return p.idx.rows[p.idx.sel]
	}
	return -1
}

// updateStoriesKey is a key on the stories list.
func (p *ClaimsPane) updateStoriesKey(msg tea.KeyPressMsg) tea.Cmd {
	k := p.ctx.Keys.CompareView
	n := len(p.idx.rows)
	h := p.storyRows()
	if cmd, ok := p.sharedKey(msg, func(s string) { p.status = paneStatus{text: s} }); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Back):
		p.Emit(common.BackMsg{})
	case key.Matches(msg, k.Export):
		p.status = paneStatus{text: "x exports one story's claims: enter opens it"}
	case key.Matches(msg, k.Next):
		p.setStorySel(p.idx.sel + 1)
	case key.Matches(msg, k.Prev):
		p.setStorySel(p.idx.sel - 1)
	case key.Matches(msg, k.Top):
		p.setStorySel(0)
	case key.Matches(msg, k.Bottom):
		p.setStorySel(n - 1)
	case key.Matches(msg, k.PageDown):
		p.setStorySel(p.idx.sel + h)
	case key.Matches(msg, k.PageUp):
		p.setStorySel(p.idx.sel - h)
	case key.Matches(msg, k.HalfDown):
		p.setStorySel(p.idx.sel + max(h/2, 1))
	case key.Matches(msg, k.HalfUp):
		p.setStorySel(p.idx.sel - max(h/2, 1))
	case key.Matches(msg, k.Open):
		if p.idx.sel < n {
			return p.openStory(p.idx.rows[p.idx.sel])
		}
	}
	return nil
}

// leaveStory is esc on a story's claims: back to the stories list, unless
// the session is restricted to that story (then esc leaves the index).
func (p *ClaimsPane) leaveStory() bool {
	if !p.StoryMode() || p.story == noStory || p.set.Scope != nil {
		return false
	}
	p.story, p.claims, p.claimDocs, p.part, p.loaded, p.loading = noStory, nil, nil, "", true, false
	return true
}

func (p *ClaimsPane) setStorySel(i int) {
	p.idx.sel = min(max(i, 0), max(len(p.idx.rows)-1, 0))
	p.idx.off = common.ScrollIntoView(p.idx.sel, p.idx.off, p.storyRows(), len(p.idx.rows))
}

// storyRows is the rows left for stories under the header and above the
// progress line.
func (p *ClaimsPane) storyRows() int { return max(p.height-2, 1) }

// storiesView draws the stories list, exactly width×height.
func (p *ClaimsPane) storiesView() string {
	w, h := p.width, p.height
	if blank, ok := noRoom(w, h); ok {
		return blank
	}
	var lines []string
	if p.prompt.typing {
		lines = append(lines, p.prompt.view())
	} else {
		head := p.ctx.Styles.Compare.Title.Render("Claims by story") +
			p.ctx.Styles.Compare.Meta.Render(fmt.Sprintf("  %s of two sources or more · %s alone", nStories(len(p.idx.rows)), common.Plural(p.idx.alone, "document")))
		lines = append(lines, common.FitWidth(head, w))
	}
	if len(p.idx.rows) == 0 {
		lines = append(lines, p.ctx.Styles.Compare.Dim.Render("no story has two sources: no claim is possible"))
	}
	end := min(p.idx.off+p.storyRows(), len(p.idx.rows))
	for i := p.idx.off; i < end; i++ {
		lines = append(lines, p.storyRow(i))
	}
	body := common.FitBlock(lines, w, max(h-1, 0))
	if h == 1 {
		return common.FitWidth(lines[0], w)
	}
	bottom := p.storyProgress()
	if p.status.text != "" {
		bottom = p.status.text
	}
	return strings.Join(append(body, common.FitWidth(p.ctx.Styles.Compare.Status.Render(bottom), w)), "\n")
}

// storyRow is one story: its sources, its claims (… until counted), its
// label and date span.
func (p *ClaimsPane) storyRow(i int) string {
	k := p.idx.rows[i]
	s := p.set.Groups.Stories[k]
	claims := "     …" + " claims"
	if f, ok := p.idx.found[k]; ok {
		// The word is padded to the plural's width, keeping the labels in one column.
		claims = fmt.Sprintf("%6s %-6s", strconv.Itoa(len(f.claims)), corpus.Plural(len(f.claims), "claim", "claims"))
	}
	text := fmt.Sprintf("%3d sources %s  %s", len(s.Docs), claims, common.CleanLabel(s.Label))
	if span := common.StorySpan(s); span != "" {
		text += "  " + span
	}
	if i == p.idx.sel {
		return p.ctx.Styles.Compare.Gutter.Render("▌") + p.ctx.Styles.Compare.Selected.Render(text)
	}
	return " " + text
}

// storyProgress says how far the counting of claims has gone.
func (p *ClaimsPane) storyProgress() string {
	done := 0
	for _, k := range p.idx.rows {
		if _, ok := p.idx.found[k]; ok {
			done++
		}
	}
	switch n := len(p.idx.rows); {
	case done < n:
		return fmt.Sprintf("finding claims: %d of %s", done, nStories(n))
	case n == 1:
		return "claims found in the 1 story · enter opens it"
	}
	return fmt.Sprintf("claims found in all %s · enter opens one", nStories(len(p.idx.rows)))
}

// storyTitle names the story whose claims are shown, for the header.
func (p *ClaimsPane) storyTitle() string {
	switch {
	case !p.StoryMode() || p.story == noStory:
		return ""
	case p.story == taggedStory:
		return " of the tagged set"
	}
	return " of " + common.CleanLabel(p.set.Groups.Stories[p.story].Label)
}

// findingText is the line shown while claims are being found.
func (p *ClaimsPane) findingText() string {
	if p.StoryMode() && p.story != noStory {
		return fmt.Sprintf("finding the claims of %s…", common.Plural(len(p.scopeOf(p.story).Set), "source"))
	}
	return "finding claims…"
}

// markDocs are the documents the coverage marks stand for: the story's
// sources when a story is open, else every document.
func (p *ClaimsPane) markDocs() []*corpus.Document {
	if p.claimDocs != nil {
		return p.claimDocs
	}
	return p.engine.docs
}

// nStories is "1 story" or "N stories".
func nStories(n int) string { return strconv.Itoa(n) + " " + corpus.Plural(n, "story", "stories") }
