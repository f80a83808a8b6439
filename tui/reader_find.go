package tui

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/unicode/norm"

	"parley/corpus"
)

// findState is find-in-document: the query being typed, and the matches of
// the last accepted one (block byte ranges, in document order).
type findState struct {
	input   textinput.Model
	typing  bool
	query   string
	matches []overlay
	cur     int
	origin  anchor // where the reader was when typing began
	// inMatter counts the query's occurrences in the front and back
	// matter when the body has none: find reads the body only, so the
	// status says where the word is instead of a bare "no match".
	inMatter   int
	matterKind string // "front", "back" or "front and back"
}

func (f *findState) clear() {
	f.typing = false
	f.input.Blur()
	f.query = ""
	f.matches = nil
	f.cur = 0
	f.inMatter, f.matterKind = 0, ""
}

// status is "3/7" while there are matches, or says there are none, and
// where the query is when only the matter has it (unfold names the key
// that shows folded matter). It gives the longest wording that fits in
// room cells, down to the shortest one.
func (f *findState) status(matterOpen bool, unfold string, room int) string {
	if f.query == "" {
		return ""
	}
	if len(f.matches) > 0 {
		return fmt.Sprintf("%d/%d", f.cur+1, len(f.matches))
	}
	q := fmt.Sprintf("%q", corpus.CleanLine(f.query))
	var forms []string
	switch {
	case f.inMatter > 0 && matterOpen:
		forms = []string{
			fmt.Sprintf("no match for %s in the body · %d in the %s matter", q, f.inMatter, f.matterKind),
			fmt.Sprintf("no match in the body · %d in the %s matter", f.inMatter, f.matterKind),
			fmt.Sprintf("no match in the body · %d in the matter", f.inMatter),
		}
	case f.inMatter > 0:
		forms = []string{
			fmt.Sprintf("no match for %s · %d in the folded %s matter, %s shows it", q, f.inMatter, f.matterKind, unfold),
			fmt.Sprintf("no match · %d in the folded %s matter, %s shows it", f.inMatter, f.matterKind, unfold),
			fmt.Sprintf("no match · %d in folded matter, %s shows it", f.inMatter, unfold),
			fmt.Sprintf("no match · %d in folded matter", f.inMatter),
		}
	default:
		forms = []string{"no match for " + q, "no match"}
	}
	for _, s := range forms {
		if strWidth(s) <= room {
			return s
		}
	}
	return forms[len(forms)-1]
}

// findStatus is the find's status for this pane's fold state and keys,
// in at most room cells where it can.
func (p *readerPane) findStatus(room int) string {
	return p.find.status(p.matterOpen, p.km.Matter.Help().Key, room)
}

func (p *readerPane) updateFind(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, p.km.Accept):
		p.find.typing = false
		p.find.input.Blur()
		p.runFind(p.find.input.Value())
		return nil
	case key.Matches(msg, p.km.Cancel):
		// Back to where the reader was, with no highlights, as in less.
		p.find.clear()
		p.anchor = p.find.origin
		p.top = p.anchorLine(p.anchor)
		p.clampTop()
		return nil
	}
	return p.editFind(msg)
}

// editFind passes typing or a paste to the find input and finds again
// when the text changed.
func (p *readerPane) editFind(msg tea.Msg) tea.Cmd {
	before := p.find.input.Value()
	var cmd tea.Cmd
	p.find.input, cmd = p.find.input.Update(msg)
	if v := p.find.input.Value(); v != before {
		// Incremental: show the matches while typing, searching from
		// where the reader was when typing began.
		p.anchor = p.find.origin
		p.top = p.anchorLine(p.anchor)
		p.clampTop()
		p.runFind(v)
	}
	return cmd
}

// startFind opens the find input.
func (p *readerPane) startFind() tea.Cmd {
	p.find.typing = true
	p.find.origin = p.anchor
	p.find.input.SetValue("")
	return p.find.input.Focus()
}

// runFind finds every case-insensitive occurrence of q in the body and
// goes to the first one at or after the top of the screen.
func (p *readerPane) runFind(q string) {
	// Documents are read in NFC (corpus.decodeText): so is the query, so
	// an accent typed or pasted as a combining mark finds the letter.
	q = norm.NFC.String(q)
	p.find.query = q
	p.find.matches = p.find.matches[:0]
	p.find.cur = 0
	p.find.inMatter, p.find.matterKind = 0, ""
	if q == "" || p.r == nil {
		p.find.query = ""
		return
	}
	for _, ref := range p.r.blocks {
		for _, m := range findFold(ref.Block.Text, q) {
			p.find.matches = append(p.find.matches, overlay{block: ref.Index, start: m[0], end: m[1]})
		}
	}
	if len(p.find.matches) == 0 {
		p.findInMatter(q)
		return
	}
	for i, m := range p.find.matches {
		if p.lineOfOffset(m.block, m.start) >= p.top {
			p.find.cur = i
			break
		}
	}
	p.showMatch()
}

// findInMatter counts q in the front and back matter, and notes which of
// them hold it.
func (p *readerPane) findInMatter(q string) {
	front, back := false, false
	for _, m := range p.doc.Matter {
		n := len(findFold(m.Text, q))
		if n == 0 {
			continue
		}
		p.find.inMatter += n
		if m.Kind == "back" {
			back = true
		} else {
			front = true
		}
	}
	switch {
	case front && back:
		p.find.matterKind = "front and back"
	case back:
		p.find.matterKind = "back"
	case front:
		p.find.matterKind = "front"
	}
}

func (p *readerPane) stepMatch(dir int) {
	n := len(p.find.matches)
	if n == 0 {
		return
	}
	p.find.cur = ((p.find.cur+dir)%n + n) % n
	p.showMatch()
}

// showMatch scrolls only when the current match is off screen, as less does.
func (p *readerPane) showMatch() {
	m := p.find.matches[p.find.cur]
	line := p.lineOfOffset(m.block, m.start)
	if line < p.top || line >= p.top+p.bodyHeight() {
		p.setTop(line - p.bodyHeight()/3)
	}
}

// lineOfOffset is the line showing byte off of a block.
func (p *readerPane) lineOfOffset(block, off int) int {
	first := p.r.blockLine[block]
	// The block's lines run from first while they belong to it, in order
	// of their start; a binary search keeps a find in one huge paragraph
	// (tens of thousands of lines and matches) from going quadratic.
	n := sort.Search(len(p.r.lines)-first, func(i int) bool {
		l := p.r.lines[first+i]
		return l.block != block || l.start > off
	})
	return first + max(n-1, 0)
}

// findFold returns the byte ranges in text that equal q ignoring case.
// It compares rune by rune, so offsets stay right even where lower-casing
// would change a character's length.
func findFold(text, q string) [][2]int {
	var out [][2]int
	first, _ := utf8.DecodeRuneInString(q)
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if equalFoldRune(r, first) {
			if end, ok := prefixFold(text[i:], q); ok {
				out = append(out, [2]int{i, i + end})
				i += max(end, size)
				continue
			}
		}
		i += size
	}
	return out
}

// prefixFold reports whether s starts with q ignoring case, and where the
// match ends in s.
func prefixFold(s, q string) (int, bool) {
	i := 0
	for _, qr := range q {
		if i >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !equalFoldRune(r, qr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func equalFoldRune(a, b rune) bool {
	return a == b || strings.EqualFold(string(a), string(b))
}
