package common

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

// CompareKeyMap holds the bindings of the compare view and the claims
// index (KeyMap.CompareView). They are grouped apart because they only
// mean something in these two panes; help is generated from them all the
// same.
type CompareKeyMap struct {
	Next      key.Binding // next statement / claim
	Prev      key.Binding
	PageRight key.Binding // next sources, sideways
	PageLeft  key.Binding
	Open      key.Binding // open the reader at the statement / compare a claim
	Back      key.Binding
	Curated   key.Binding // toggle the curated layer
	Export    key.Binding
	Query     key.Binding // type a query to compare
	Widen     key.Binding // every document / back to the comparison set
	Accept    key.Binding
	Cancel    key.Binding
	Top       key.Binding
	Bottom    key.Binding
	// Paging through the claims index, with the keys that page the list
	// and the reader.
	PageDown key.Binding
	PageUp   key.Binding
	HalfDown key.Binding
	HalfUp   key.Binding
	// The workbench: the user's claims (compareview/compare_work.go).
	Keep   key.Binding
	Drop   key.Binding
	Rename key.Binding
	Delete key.Binding
	Undo   key.Binding
}

// newCompareKeyMap builds the compare keys on the shared ones, so paging
// is the same binding everywhere.
func newCompareKeyMap(shared KeyMap) CompareKeyMap {
	b := bind
	return CompareKeyMap{
		PageDown: shared.PageDown,
		PageUp:   shared.PageUp,
		// u undoes here, as in vim: half a page up is ctrl+u.
		HalfDown:  shared.HalfDown,
		HalfUp:    b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
		Keep:      b([]string{"a"}, "a", "keep statement in the claim (a new claim when none)"),
		Drop:      b([]string{"d"}, "d", "drop statement from the claim"),
		Rename:    b([]string{"r"}, "r", "rename claim"),
		Delete:    b([]string{"D"}, "D", "delete your claim"),
		Undo:      b([]string{"u"}, "u", "undo the last change to the claims"),
		Next:      b([]string{"j", "down"}, "j/↓", "next statement"),
		Prev:      b([]string{"k", "up"}, "k/↑", "previous statement"),
		PageRight: b([]string{"l", "right"}, "l/→", "more sources"),
		PageLeft:  b([]string{"h", "left"}, "h/←", "previous sources"),
		Open:      b([]string{"enter"}, "enter", "open in reader"),
		Back:      b([]string{"esc", "q"}, "esc/q", "back"),
		Curated:   b([]string{"e"}, "e", "curated layer on/off"),
		Export:    b([]string{"x"}, "x", "export Markdown to parley-compare-YYYYMMDD-HHMMSS.md (the status line says where: here, unless here is a folder being read)"),
		Query:     b([]string{"/"}, "/", "compare typed text"),
		Widen:     b([]string{"w"}, "w", "widen to every document / back to the story"),
		Accept:    b([]string{"enter"}, "enter", "compare"),
		Cancel:    b([]string{"esc"}, "esc", "cancel"),
		Top:       b([]string{"g", "home"}, "g", "first"),
		Bottom:    b([]string{"G", "end"}, "G", "last"),
	}
}

// CompareHelp lists every compare key, for the full help screen.
func (k CompareKeyMap) CompareHelp() KeyGroup { return k.CompareHelpPaging(true, false) }

// CompareHelpPaging leaves out the sideways keys when they would do
// nothing (stacked sources, or all columns on one screen); on the last
// page (atEnd) the footer names the way back rather than on.
func (k CompareKeyMap) CompareHelpPaging(paging, atEnd bool) KeyGroup {
	if !paging {
		return KeyGroup{
			Short: []key.Binding{k.Next, k.Open, Brief(k.Widen, "widen"), k.Keep, k.Drop, k.Curated, k.ExportShort(), k.Query, k.Back},
			Full: [][]key.Binding{
				{k.Next, k.Prev, k.Top, k.Bottom},
				{k.Open, k.Back},
				{k.Curated, k.Export, k.Query, k.Widen},
				{k.Keep, k.Drop, k.Rename, k.Delete, k.Undo},
			},
		}
	}
	sideways := k.PageRight
	if atEnd {
		sideways = k.PageLeft
	}
	return KeyGroup{
		Short: []key.Binding{k.Next, sideways, k.Open, Brief(k.Widen, "widen"), k.Keep, k.Drop, k.Curated, k.ExportShort(), k.Query, k.Back},
		Full: [][]key.Binding{
			{k.Next, k.Prev, k.Top, k.Bottom},
			{k.PageRight, k.PageLeft, k.Open, k.Back},
			{k.Curated, k.Export, k.Query, k.Widen},
			{k.Keep, k.Drop, k.Rename, k.Delete, k.Undo},
		},
	}
}

// ExportShort is the export key as the footer names it; the full help
// says where the file goes (the current directory).
func (k CompareKeyMap) ExportShort() key.Binding {
	return key.NewBinding(key.WithKeys(k.Export.Keys()...), key.WithHelp(k.Export.Help().Key, "export Markdown"))
}

// ExportIndex is the export key as the claims index's full help names
// it: there it writes the coverage table.
func (k CompareKeyMap) ExportIndex() key.Binding {
	return key.NewBinding(key.WithKeys(k.Export.Keys()...), key.WithHelp(k.Export.Help().Key, "export the claims as a Markdown coverage table (parley-claims-YYYYMMDD-HHMMSS.md, where the comparison's exports go): a row per claim, a column per source, ● ○ ≠"))
}

func (k CompareKeyMap) ClaimsHelp() KeyGroup {
	next := key.NewBinding(key.WithKeys(k.Next.Keys()...), key.WithHelp("j/↓", "next claim"))
	prev := key.NewBinding(key.WithKeys(k.Prev.Keys()...), key.WithHelp("k/↑", "previous claim"))
	open := key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp("enter", "compare claim"))
	return KeyGroup{
		Short: []key.Binding{next, open, k.Curated, k.ExportShort(), k.Query, k.Back},
		Full: [][]key.Binding{
			{next, prev, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
			{open, k.Curated, k.ExportIndex(), k.Query, k.Back},
			{k.Rename, k.Delete, k.Undo},
		},
	}
}

// WithFull adds other groups to a pane's full help. The compare view and
// the claims index lead to each other (enter on a claim, C from the
// comparison), so the help of either lists the keys of both.
func (g KeyGroup) WithFull(other KeyGroup) KeyGroup {
	full := append(append([][]key.Binding{}, g.Full...), other.Full...)
	return KeyGroup{Short: g.Short, Full: full}
}

func (k CompareKeyMap) InputHelp() KeyGroup {
	return KeyGroup{
		Short: []key.Binding{k.Accept, k.Cancel},
		Full:  [][]key.Binding{{k.Accept, k.Cancel}},
	}
}

// WithoutCurated leaves the curated layer's key out of a pane's help when
// the corpus has no curated layer to turn on or off.
func (k CompareKeyMap) WithoutCurated(g KeyGroup, has bool) KeyGroup {
	if has {
		return g
	}
	drop := func(bs []key.Binding) []key.Binding {
		return slices.DeleteFunc(slices.Clone(bs), func(b key.Binding) bool { return slices.Equal(b.Keys(), k.Curated.Keys()) })
	}
	out := KeyGroup{Short: drop(g.Short)}
	for _, grp := range g.Full {
		out.Full = append(out.Full, drop(grp))
	}
	return out
}

// StoriesHelp is the keys of the stories list.
func (k CompareKeyMap) StoriesHelp() KeyGroup {
	next := key.NewBinding(key.WithKeys(k.Next.Keys()...), key.WithHelp("j/↓", "next story"))
	prev := key.NewBinding(key.WithKeys(k.Prev.Keys()...), key.WithHelp("k/↑", "previous story"))
	open := key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp("enter", "the story's claims (esc: back to the stories)"))
	return KeyGroup{
		Short: []key.Binding{next, Brief(open, "open story"), k.Query, k.Back},
		Full:  [][]key.Binding{{next, prev, open, k.Query, k.Back}},
	}
}
