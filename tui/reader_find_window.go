package tui

import (
	"fmt"
	"parley/corpus"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Find keeps a window of matches, not all of them: at most findWindow
// before a place in the text (the top of the screen, or the current
// match) and findWindow from it on, and it stops reading the text once
// the window is full after that place. So a keystroke or an n in a
// document where every one of a million lines matches costs one pass over
// the text before the place and a bounded number of matches, and a frame
// only looks at the matches on screen (visibleMatches). n or N past
// either end of the window reads a new window around the match it goes
// to. The count is exact unless the window filled up, when it reads
// "3/10,000+".
const findWindow = 10000

// order is a place in reading order: front matter (0), body (1), back
// matter (2), the end (3); then the block or note, then the byte.
type order = [3]int

var (
	orderStart = order{-1, 0, 0}
	orderEnd   = order{3, 0, 0}
)

// scanWindow collects the window of the query's matches around at, as
// drawn: the front matter's notes while it is shown, the body, then the
// back matter's. It returns the index in the window of the first match
// at or after at, or the window's length when there is none.
func (p *readerPane) scanWindow(at order) int {
	q := p.find.query
	f := &p.find
	f.matches = f.matches[:0]
	f.base, f.more = 0, false
	before, after := 0, 0
	// emit keeps a match; false stops the scan, the window being full.
	emit := func(o overlay) bool {
		if lessOrder(p.readingOrder(o), at) {
			before++
			f.matches = append(f.matches, o)
			if len(f.matches) >= 2*findWindow { // keep the last findWindow
				f.matches = append(f.matches[:0], f.matches[findWindow:]...)
				f.base += findWindow
			}
			return true
		}
		if after == findWindow {
			f.more = true
			return false
		}
		after++
		f.matches = append(f.matches, o)
		return true
	}
	notes := func(kind string) bool {
		for i, m := range p.doc.Matter {
			if m.Kind == kind && !eachFold(m.Text, q, func(s, e int) bool {
				return emit(overlay{block: noteBlock(i), start: s, end: e})
			}) {
				return false
			}
		}
		return true
	}
	ok := !p.matterOpen || notes("front")
	for _, ref := range p.r.blocks {
		if !ok {
			break
		}
		ok = eachFold(ref.Block.Text, q, func(s, e int) bool {
			return emit(overlay{block: ref.Index, start: s, end: e})
		})
	}
	if ok && p.matterOpen {
		notes("back")
	}
	// Trim what is before at to findWindow.
	if extra := before - f.base - findWindow; extra > 0 {
		f.matches = append(f.matches[:0], f.matches[extra:]...)
		f.base += extra
	}
	f.total = before + after
	return before - f.base
}

// topOrder is the reading-order place of the top of the screen.
func (p *readerPane) topOrder() order {
	for i := p.top; i < len(p.r.lines); i++ {
		if l := p.r.lines[i]; l.block != -1 {
			return p.readingOrder(overlay{block: l.block, start: l.start})
		}
	}
	return orderEnd
}

// goFirst makes the first match current, reading the window at the
// start of the text when it is not in the window.
func (p *readerPane) goFirst() {
	if p.find.base > 0 {
		p.scanWindow(orderStart)
	}
	p.find.cur = 0
}

// goLast makes the last match current, reading the window at the end of
// the text when it is not in the window.
func (p *readerPane) goLast() {
	if p.find.more {
		p.scanWindow(orderEnd)
	}
	p.find.cur = len(p.find.matches) - 1
}

// stepMatch goes to the next (dir 1) or previous (-1) match, round the
// ends as less does.
func (p *readerPane) stepMatch(dir int) {
	f := &p.find
	n := len(f.matches)
	if n == 0 {
		return
	}
	cur := f.matches[f.cur]
	switch i := f.cur + dir; {
	case i >= 0 && i < n:
		f.cur = i
	case i >= n && f.more:
		at := p.readingOrder(cur)
		at[2]++ // just after the current match
		f.cur = p.scanWindow(at)
	case i >= n:
		p.goFirst()
	case f.base > 0:
		f.cur = p.scanWindow(p.readingOrder(cur)) - 1
	default:
		p.goLast()
	}
	p.showMatch()
}

// findCount is "3/7", or "3/10,000+" while the total is not known.
func (f *findState) findCount() string {
	if f.more {
		return fmt.Sprintf("%s/%s+", corpus.GroupDigits(f.base+f.cur+1), corpus.GroupDigits(f.total))
	}
	return fmt.Sprintf("%s/%s", corpus.GroupDigits(f.base+f.cur+1), corpus.GroupDigits(f.total))
}

// visibleMatches is the window's matches that touch the text from the
// place lo to hi, found by binary search: a frame never walks every match.
func (p *readerPane) visibleMatches(lo, hi order) (first, last int) {
	ms := p.find.matches
	first = sort.Search(len(ms), func(i int) bool {
		end := p.readingOrder(ms[i])
		end[2] = ms[i].end
		return lessOrder(lo, end)
	})
	last = first + sort.Search(len(ms)-first, func(i int) bool {
		return !lessOrder(p.readingOrder(ms[first+i]), hi)
	})
	return first, last
}

// eachFold calls f with the byte range of each place in text that equals
// q ignoring case, in order, until f returns false; it reports whether it
// went to the end. It compares rune by rune, so offsets stay right even
// where lower-casing would change a character's length.
func eachFold(text, q string, f func(start, end int) bool) bool {
	if q == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(q)
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if equalFoldRune(r, first) {
			if end, ok := prefixFold(text[i:], q); ok {
				if !f(i, i+end) {
					return false
				}
				i += max(end, size)
				continue
			}
		}
		i += size
	}
	return true
}

// equalFoldRune is strings.EqualFold for one rune each, without making
// strings: ASCII letters directly, others through their fold orbit.
func equalFoldRune(a, b rune) bool {
	if a == b {
		return true
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		if 'A' <= a && a <= 'Z' {
			a += 'a' - 'A'
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return a == b
	}
	for r := unicode.SimpleFold(a); r != a; r = unicode.SimpleFold(r) {
		if r == b {
			return true
		}
	}
	return false
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
