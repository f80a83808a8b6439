package tui

import (
	"charm.land/bubbles/v2/key"
)

// compareKeyMap holds the bindings of the compare view and the claims
// index. They live apart from the shared KeyMap because they only mean
// something in these two panes; help is generated from them all the same.
type compareKeyMap struct {
	Next      key.Binding // next statement / claim
	Prev      key.Binding
	PageRight key.Binding // next sources, sideways
	PageLeft  key.Binding
	Open      key.Binding // open the reader at the statement / compare a claim
	Back      key.Binding
	Curated   key.Binding // toggle the curated layer
	Export    key.Binding
	Query     key.Binding // type a query to compare
	Accept    key.Binding
	Cancel    key.Binding
	Top       key.Binding
	Bottom    key.Binding
}

func defaultCompareKeyMap() compareKeyMap {
	b := func(keys []string, helpKey, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, desc))
	}
	return compareKeyMap{
		Next:      b([]string{"j", "down"}, "j/↓", "next statement"),
		Prev:      b([]string{"k", "up"}, "k/↑", "previous statement"),
		PageRight: b([]string{"l", "right"}, "l/→", "more sources"),
		PageLeft:  b([]string{"h", "left"}, "h/←", "previous sources"),
		Open:      b([]string{"enter"}, "enter", "open in reader"),
		Back:      b([]string{"esc"}, "esc", "back"),
		Curated:   b([]string{"e"}, "e", "curated layer on/off"),
		Export:    b([]string{"x"}, "x", "export Markdown"),
		Query:     b([]string{"/"}, "/", "compare typed text"),
		Accept:    b([]string{"enter"}, "enter", "compare"),
		Cancel:    b([]string{"esc"}, "esc", "cancel"),
		Top:       b([]string{"g", "home"}, "g", "first"),
		Bottom:    b([]string{"G", "end"}, "G", "last"),
	}
}

// compareHelp lists every compare key, for the full help screen.
func (k compareKeyMap) compareHelp() keyGroup { return k.compareHelpPaging(true) }

// compareHelpPaging leaves out the sideways keys when they would do
// nothing (stacked sources, or all columns on one screen).
func (k compareKeyMap) compareHelpPaging(paging bool) keyGroup {
	if !paging {
		return keyGroup{
			short: []key.Binding{k.Next, k.Open, k.Curated, k.Export, k.Query, k.Back},
			full: [][]key.Binding{
				{k.Next, k.Prev, k.Top, k.Bottom},
				{k.Open, k.Back},
				{k.Curated, k.Export, k.Query},
			},
		}
	}
	return keyGroup{
		short: []key.Binding{k.Next, k.PageRight, k.Open, k.Curated, k.Export, k.Query, k.Back},
		full: [][]key.Binding{
			{k.Next, k.Prev, k.Top, k.Bottom},
			{k.PageRight, k.PageLeft, k.Open, k.Back},
			{k.Curated, k.Export, k.Query},
		},
	}
}

func (k compareKeyMap) claimsHelp() keyGroup {
	next := key.NewBinding(key.WithKeys(k.Next.Keys()...), key.WithHelp("j/↓", "next claim"))
	prev := key.NewBinding(key.WithKeys(k.Prev.Keys()...), key.WithHelp("k/↑", "previous claim"))
	open := key.NewBinding(key.WithKeys(k.Open.Keys()...), key.WithHelp("enter", "compare claim"))
	return keyGroup{
		short: []key.Binding{next, open, k.Curated, k.Query, k.Back},
		full: [][]key.Binding{
			{next, prev, k.Top, k.Bottom},
			{open, k.Curated, k.Query, k.Back},
		},
	}
}

func (k compareKeyMap) inputHelp() keyGroup {
	return keyGroup{
		short: []key.Binding{k.Accept, k.Cancel},
		full:  [][]key.Binding{{k.Accept, k.Cancel}},
	}
}
