package tui

import (
	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/stories"
	"parley/tui/common"
)

// storiesFoundMsg carries the stories of the corpus, found in the
// background once it is loaded.
type storiesFoundMsg struct {
	docs   []*corpus.Document // the corpus they were found for
	groups *stories.Result
}

// findStories groups docs into stories off the interface's goroutine.
func findStories(docs []*corpus.Document) tea.Cmd {
	return func() tea.Msg { return storiesFoundMsg{docs: docs, groups: stories.Group(docs)} }
}

// The root's side of stories: finding them once the corpus is loaded, and
// restricting the session to one story (or the tagged set) and widening
// it again.

// groupStories starts finding the stories of the loaded corpus.
func (m *Model) groupStories() tea.Cmd {
	if m.corpus == nil || len(m.corpus.Docs) == 0 {
		return nil
	}
	m.set.Grouping = true
	return findStories(m.corpus.Docs)
}

// storiesFound installs the stories, unless they were found for a corpus
// that is no longer the one open.
// The claims index, if it was asked for, starts again by story.
func (m *Model) storiesFound(msg storiesFoundMsg) tea.Cmd {
	if m.corpus == nil || !sameDocs(msg.docs, m.corpus.Docs) || msg.groups == nil {
		return nil
	}
	m.set.Groups, m.set.Grouping = msg.groups, false
	if e := m.compareEngine(); e != nil {
		e.SetStories(msg.groups)
	}
	m.list.indexed("stories")
	m.list.refresh(m.list.kept())
	m.previewSelection()
	if p := m.claimsIndex; p != nil && p.StoryMode() && p.Started() {
		return p.Load()
	}
	return nil
}

func sameDocs(a, b []*corpus.Document) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func scopeChanged() tea.Msg { return common.ScopeChangedMsg{} }

// toggleScope is &: when the session is restricted, it widens to every
// document; otherwise it restricts the session to the tagged documents
// when there are any, else to the story of the document at hand (the
// list's selection, the reader's document, the compared sentence's, the
// claims index's story).
func (m *Model) toggleScope() tea.Cmd {
	if m.corpus == nil {
		m.note = "the documents are still loading"
		return nil
	}
	keep := m.list.selected()
	switch {
	case m.set.Scope != nil:
		m.set.Scope = nil
		m.note = "every document: " + common.Plural(len(m.corpus.Docs), "document")
	case len(m.set.Tags) > 0:
		m.set.Scope = m.set.TaggedScope()
	default:
		if m.set.Groups == nil {
			m.note = "the stories are still being found"
			return nil
		}
		k := m.storyAtHand()
		if k < 0 {
			m.note = "no document selected: nothing to restrict to"
			return nil
		}
		m.set.Scope = m.set.StoryScope(k)
	}
	if keep != nil && !m.set.InScope(keep) {
		keep = nil
	}
	m.list.refresh(keep)
	if keep != nil {
		m.list.selectDoc(keep)
	}
	m.previewSelection()
	return scopeChanged
}

// storyAtHand is the story of what the focused pane shows, or -1.
func (m *Model) storyAtHand() int {
	doc := -1
	switch m.focus {
	case focusReader:
		if m.reader.doc != nil {
			doc = m.reader.docIdx
		}
	case focusCompare:
		if m.compareView != nil {
			doc = m.compareView.OriginDoc()
		}
	case focusClaims:
		if m.claimsIndex != nil {
			if k := m.claimsIndex.StoryAtHand(); k >= 0 {
				return k
			}
		}
	}
	if doc < 0 {
		if d := m.list.selected(); d != nil {
			doc = m.indexOf(d)
		}
	}
	return m.set.StoryOf(doc)
}

// scopeBadge is the footer's marker of a restricted session, "story:
// <label> · 7 sources", at most half the width; "" when not restricted.
func (m *Model) scopeBadge() string {
	mk := m.set.MarkerFit(m.ctx.Width/2 - 2)
	if mk == "" || m.ctx.Width < 20 {
		return ""
	}
	return m.ctx.Styles.StatusKey.Render(common.TruncPlain(" "+mk+" ", m.ctx.Width/2))
}
