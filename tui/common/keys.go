package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeyMap is every key binding of the interface, in one place. Panes match
// keys only through these bindings, and help is generated from them.
type KeyMap struct {
	// Global (handled by the root model).
	Quit        key.Binding
	Interrupt   key.Binding // ctrl+c quits even while typing
	Help        key.Binding
	Back        key.Binding
	FocusNext   key.Binding
	FocusPrev   key.Binding
	JumpBack    key.Binding
	JumpForward key.Binding
	Claims      key.Binding // the claims index
	Search      key.Binding // search every document
	Scope       key.Binding // restrict the session to a story or the tagged set, or widen

	// Movement, shared by the list, the reader and the full help.
	Up       key.Binding
	Down     key.Binding
	LineDown key.Binding // scroll the view a line (the list's cursor stays if it can)
	LineUp   key.Binding
	PageDown key.Binding
	PageUp   key.Binding
	HalfDown key.Binding
	HalfUp   key.Binding
	Top      key.Binding
	Bottom   key.Binding

	// List.
	Open   key.Binding
	Filter key.Binding
	Sort   key.Binding
	// Tags form the user's own comparison set.
	Tag      key.Binding
	UntagAll key.Binding

	// Reader.
	NextSection key.Binding
	PrevSection key.Binding
	Outline     key.Binding
	NextDoc     key.Binding
	PrevDoc     key.Binding
	Find        key.Binding
	NextMatch   key.Binding
	PrevMatch   key.Binding
	Matter      key.Binding

	// Sentence cursor (reader).
	Cursor       key.Binding
	NextSentence key.Binding
	PrevSentence key.Binding
	Compare      key.Binding
	AddToClaim   key.Binding // the sentence under the cursor, to a claim of the user's
	UndoClaim    key.Binding // u pages in the reader, as in less

	// Search pane (it takes typed text, so no letters).
	SearchDown     key.Binding
	SearchUp       key.Binding
	SearchPageDown key.Binding
	SearchPageUp   key.Binding
	SearchScope    key.Binding

	// Text input (filter, find).
	Accept key.Binding
	Cancel key.Binding

	// CompareView holds the keys of the compare view and the claims index.
	CompareView CompareKeyMap
}

// bind is a binding of keys, named helpKey in the help.
func bind(keys []string, helpKey, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
}

// DefaultKeyMap follows less and vim habits.
func DefaultKeyMap() KeyMap {
	b := bind
	k := KeyMap{
		Quit:      b([]string{"q"}, "q", "quit"),
		Interrupt: b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Help:      b([]string{"?"}, "?", "all keys"),
		Back:      b([]string{"esc"}, "esc", "back"),
		FocusNext: b([]string{"tab"}, "tab", "next pane"),
		FocusPrev: b([]string{"shift+tab"}, "shift+tab", "previous pane"),
		// ctrl+i is tab on most terminals, so ctrl+] is the portable forward.
		JumpBack:    b([]string{"ctrl+o"}, "ctrl+o", "jump back"),
		JumpForward: b([]string{"ctrl+]", "ctrl+i"}, "ctrl+]", "jump forward"),
		Claims:      b([]string{"C"}, "C", "claims"),
		// ctrl+f is less's and vim's page down, so search is F alone.
		Search: b([]string{"F"}, "F", "search all"),
		// less's & shows only what matches; & again widens, as & with an
		// empty pattern does there.
		Scope: b([]string{"&"}, "&", "only this story (or the tagged) / widen again"),

		Up:       b([]string{"k", "up"}, "↑/k", "up"),
		Down:     b([]string{"j", "down"}, "↓/j", "down"),
		LineDown: b([]string{"ctrl+e"}, "ctrl+e", "scroll a line down"),
		LineUp:   b([]string{"ctrl+y"}, "ctrl+y", "scroll a line up"),
		PageDown: b([]string{"space", "pgdown", "f", "ctrl+f"}, "space/ctrl+f", "page down"),
		PageUp:   b([]string{"b", "pgup", "ctrl+b"}, "b/ctrl+b", "page up"),
		HalfDown: b([]string{"d", "ctrl+d"}, "d", "half page down"),
		HalfUp:   b([]string{"u", "ctrl+u"}, "u", "half page up"),
		Top:      b([]string{"g", "home"}, "g/home", "top"),
		Bottom:   b([]string{"G", "end"}, "G/end", "bottom"),

		Open:   b([]string{"enter"}, "enter", "open"),
		Filter: b([]string{"/"}, "/", "filter"),
		Sort:   b([]string{"s"}, "s", "sort: date/title/outlet/story (grouped)"),
		// space tags as in mutt and ranger (and moves down); the list
		// still pages with f, ctrl+f and pgdn.
		Tag:      b([]string{"space", "t"}, "space/t", "tag/untag (your comparison set)"),
		UntagAll: b([]string{"T"}, "T", "untag all"),

		NextSection: b([]string{"]"}, "]", "next section"),
		PrevSection: b([]string{"["}, "[", "previous section"),
		Outline:     b([]string{"o"}, "o", "outline"),
		NextDoc:     b([]string{"J"}, "J", "next document"),
		PrevDoc:     b([]string{"K"}, "K", "previous document"),
		Find:        b([]string{"/"}, "/", "find"),
		NextMatch:   b([]string{"n"}, "n", "next match"),
		PrevMatch:   b([]string{"N"}, "N", "previous match"),
		Matter:      b([]string{"m"}, "m", "show/hide front & back matter"),

		Cursor:       b([]string{"v"}, "v", "sentence cursor"),
		NextSentence: b([]string{")", "j", "down"}, ")/j", "next sentence"),
		PrevSentence: b([]string{"(", "k", "up"}, "(/k", "previous sentence"),
		Compare:      b([]string{"c"}, "c", "compare sentence"),
		AddToClaim:   b([]string{"a"}, "a", "add sentence to a claim"),
		UndoClaim:    b([]string{"U"}, "U", "undo the last change to the claims"),

		SearchDown:     b([]string{"down", "ctrl+n"}, "↓/ctrl+n", "next hit"),
		SearchUp:       b([]string{"up", "ctrl+p"}, "↑/ctrl+p", "previous hit"),
		SearchPageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		SearchPageUp:   b([]string{"pgup"}, "pgup", "page up"),
		SearchScope:    b([]string{"ctrl+t"}, "ctrl+t", "all docs / this doc"),

		Accept: b([]string{"enter"}, "enter", "accept"),
		Cancel: b([]string{"esc"}, "esc", "cancel"),
	}
	k.CompareView = newCompareKeyMap(k)
	return k
}

// KeyGroup is a help.KeyMap made of fixed bindings, for panes and modes.
type KeyGroup struct {
	Short []key.Binding
	Full  [][]key.Binding
}

func (g KeyGroup) ShortHelp() []key.Binding  { return g.Short }
func (g KeyGroup) FullHelp() [][]key.Binding { return g.Full }

// Brief is b as the footer names it, in a word; the full help keeps
// the whole description.
func Brief(b key.Binding, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(strings.SplitN(b.Help().Key, "/", 2)[0], desc))
}

// GlobalKeys are shown after the focused pane's own keys.
func (k KeyMap) GlobalKeys() []key.Binding {
	return []key.Binding{k.Search, k.Claims, k.FocusNext, k.Help, k.Quit}
}

func (k KeyMap) GlobalFull() []key.Binding {
	return []key.Binding{k.FocusNext, k.FocusPrev, k.Back, k.JumpBack, k.JumpForward, k.Search, k.Claims, k.Scope, k.Help, k.Quit}
}

// MovingPageDown is page down as the keys shared by the list, the reader
// and the help list it: in the list space tags, so it is named apart.
func (k KeyMap) MovingPageDown() key.Binding {
	return key.NewBinding(key.WithKeys("pgdown", "f", "ctrl+f"), key.WithHelp("f/ctrl+f", "page down (space too, but in the list space tags)"))
}

func (k KeyMap) ListKeys() KeyGroup {
	return KeyGroup{
		Short: []key.Binding{k.Open, k.Filter, Brief(k.Sort, "sort"), Brief(k.Tag, "tag"), Brief(k.Scope, "story")},
		Full: [][]key.Binding{
			{k.Up, k.Down, k.MovingPageDown(), k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.LineDown, k.LineUp},
			{k.Open, k.Filter, k.Sort, k.Tag, k.UntagAll},
		},
	}
}

func (k KeyMap) ReaderKeys() KeyGroup {
	return KeyGroup{
		// Most important first: the footer drops hints from the end
		// when the terminal is narrow, and every reader knows space.
		Short: []key.Binding{k.Cursor, k.Compare, k.Find, k.Outline, k.NextSection, k.NextDoc, k.PageDown},
		Full: [][]key.Binding{
			{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.LineDown, k.LineUp},
			{k.NextSection, k.PrevSection, k.Outline, k.NextDoc, k.PrevDoc, k.Matter},
			// The sentence cursor's keys (after v), a and U too, so that the
			// help opened from the list or the reader names them all.
			{k.Find, k.NextMatch, k.PrevMatch, k.Cursor, k.NextSentence, k.PrevSentence, k.Compare, k.AddToClaim, k.UndoClaim},
		},
	}
}

func (k KeyMap) CursorKeys() KeyGroup {
	return KeyGroup{
		Short: []key.Binding{k.Compare, k.NextSentence, k.PrevSentence, k.AddToClaim, k.Back},
		Full:  [][]key.Binding{{k.NextSentence, k.PrevSentence, k.Compare, k.AddToClaim, k.UndoClaim, k.Back}},
	}
}

func (k KeyMap) InputKeys() KeyGroup {
	return KeyGroup{
		Short: []key.Binding{k.Accept, k.Cancel},
		Full:  [][]key.Binding{{k.Accept, k.Cancel}},
	}
}

func (k KeyMap) OutlineKeys() KeyGroup {
	closeIt := key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q/esc", "close"))
	return KeyGroup{
		Short: []key.Binding{k.Down, k.Up, k.Open, closeIt},
		Full:  [][]key.Binding{{k.Down, k.Up, k.Open, closeIt}},
	}
}

// SearchKeys are the search pane's bindings. The pane takes typed text,
// so it moves with arrows and control keys, never letters.
func (k KeyMap) SearchKeys() KeyGroup {
	open := key.NewBinding(key.WithKeys(k.Accept.Keys()...), key.WithHelp(k.Accept.Help().Key, "open at the hit"))
	return KeyGroup{
		Short: []key.Binding{open, k.SearchDown, k.SearchUp, k.SearchScope, k.Cancel},
		Full: [][]key.Binding{
			{open, k.SearchDown, k.SearchUp, k.SearchPageDown, k.SearchPageUp},
			{k.SearchScope, k.Cancel, k.JumpBack},
		},
	}
}
