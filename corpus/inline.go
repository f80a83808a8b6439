package corpus

import "strings"

// stripInline removes markdown inline markup from one paragraph: **bold**
// and *italic* become Emphasis spans (markers removed), [text](url) keeps
// its text (and the url, unless it is empty or "#"), and <http://…>
// autolinks lose their angle brackets. Unmatched markers stay literal.
func stripInline(s string) (string, []Span) {
	if !strings.ContainsAny(s, "*[<") {
		return s, nil
	}
	s = stripLinks(s)
	if strings.IndexByte(s, '*') < 0 {
		return s, nil
	}
	// Bold first, then italic on the result; bold spans are shifted by the
	// italic markers removed before them.
	s1, bold, _ := stripMarker(s, "**")
	s2, ital, removed := stripMarker(s1, "*")
	shift := func(o int) int {
		n := 0
		for _, p := range removed {
			if p < o {
				n++
			}
		}
		return o - n
	}
	spans := make([]Span, 0, len(bold)+len(ital))
	for _, sp := range bold {
		spans = append(spans, Span{shift(sp.Start), shift(sp.End)})
	}
	spans = append(spans, ital...)
	sortSpans(spans)
	return s2, spans
}

func sortSpans(sp []Span) {
	for i := 1; i < len(sp); i++ {
		for j := i; j > 0 && sp[j].Start < sp[j-1].Start; j-- {
			sp[j], sp[j-1] = sp[j-1], sp[j]
		}
	}
}

// stripMarker removes matched pairs of marker around non-blank text. It
// returns the new text, the emphasised spans in it, and the positions (in
// the input) of the removed marker bytes.
func stripMarker(s, marker string) (string, []Span, []int) {
	if !strings.Contains(s, marker) {
		return s, nil, nil
	}
	var b strings.Builder
	b.Grow(len(s)) // the text less its markers: no copies as it grows
	var spans []Span
	var removed []int
	m := len(marker)
	i := 0
	for i < len(s) {
		j := strings.Index(s[i:], marker)
		if j < 0 {
			break
		}
		open := i + j
		if !canOpen(s, open, m) {
			b.WriteString(s[i : open+m])
			i = open + m
			continue
		}
		close := findClose(s, open+m, marker)
		if close < 0 {
			b.WriteString(s[i : open+m])
			i = open + m
			continue
		}
		b.WriteString(s[i:open])
		start := b.Len()
		b.WriteString(s[open+m : close])
		spans = append(spans, Span{start, b.Len()})
		for k := 0; k < m; k++ {
			removed = append(removed, open+k, close+k)
		}
		i = close + m
	}
	b.WriteString(s[i:])
	return b.String(), spans, removed
}

// canOpen: a marker opens emphasis when followed by a non-space and not
// glued to a word on its left (so "2*3*4" stays as it is).
func canOpen(s string, at, m int) bool {
	if at+m >= len(s) || s[at+m] == ' ' || s[at+m] == '*' {
		return false
	}
	if at > 0 {
		c := s[at-1]
		if c == '*' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// findClose finds a closing marker after from: preceded by a non-space
// and not part of a longer run of asterisks.
func findClose(s string, from int, marker string) int {
	m := len(marker)
	for i := from; i < len(s); {
		j := strings.Index(s[i:], marker)
		if j < 0 {
			return -1
		}
		at := i + j
		next := at + m
		if at > from && s[at-1] != ' ' && s[at-1] != '*' && (next >= len(s) || s[next] != '*') {
			return at
		}
		i = at + 1
	}
	return -1
}

// stripLinks rewrites [text](url) and <scheme://…> autolinks.
func stripLinks(s string) string {
	if !strings.Contains(s, "](") && !strings.Contains(s, "<http") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch {
		case s[i] == '[':
			end := strings.Index(s[i:], "](")
			if end > 0 {
				closeP := strings.IndexByte(s[i+end:], ')')
				if closeP > 0 {
					text := s[i+1 : i+end]
					url := s[i+end+2 : i+end+closeP]
					if !strings.ContainsAny(text, "[]") && !strings.Contains(url, " ") {
						b.WriteString(text)
						if url != "" && url != "#" {
							b.WriteString(" (" + url + ")")
						}
						i += end + closeP + 1
						continue
					}
				}
			}
		case s[i] == '<' && strings.HasPrefix(s[i:], "<http"):
			end := strings.IndexByte(s[i:], '>')
			if end > 0 && !strings.Contains(s[i:i+end], " ") {
				b.WriteString(s[i+1 : i+end])
				i += end + 1
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}
