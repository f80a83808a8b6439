package compare

import (
	"regexp"
	"strconv"
	"strings"
)

// factWindow is a window of a sentence that the number patterns run in.
type factWindow struct {
	s          string // the sentence
	lo         int    // where the window starts in it
	win, lower string // the window's text, and lower-cased
	add        func(Fact)
}

// findAll matches re in the window, with offsets into the sentence.
func (w *factWindow) findAll(re *regexp.Regexp) [][]int {
	ms := re.FindAllStringSubmatchIndex(w.win, -1)
	for _, m := range ms {
		for k := range m {
			if m[k] >= 0 {
				m[k] += w.lo
			}
		}
	}
	return ms
}

// has reports whether the lower-cased window holds any of words.
func (w *factWindow) has(words ...string) bool {
	for _, x := range words {
		if strings.Contains(w.lower, x) {
			return true
		}
	}
	return false
}

// g is group k of match m.
func (w *factWindow) g(m []int, k int) string { return group(w.s, m, k) }

func (w *factWindow) dates() {
	for _, m := range w.findAll(reDateMDY) {
		w.add(dateFact(w.s, m, w.g(m, 1), w.g(m, 2), w.g(m, 3), w.g(m, 4)))
	}
	for _, m := range w.findAll(reDateDMY) {
		w.add(dateFact(w.s, m, w.g(m, 3), w.g(m, 1), w.g(m, 2), w.g(m, 4)))
	}
	for _, m := range w.findAll(reDateMY) {
		w.add(monthFact(w.s, m))
	}
}

func (w *factWindow) percents() {
	for _, m := range w.findAll(rePercent) {
		if f, ok := numFact(w.s, m, KindPercent, w.g(m, 1), w.g(m, 2), "", "%"); ok {
			w.add(f)
		}
	}
}

func (w *factWindow) money() {
	for _, m := range w.findAll(reMoney) {
		cur := strings.ToUpper(strings.TrimRight(strings.TrimSpace(w.g(m, 2)), "."))
		switch cur {
		case "$", "US$":
			cur = "USD"
		case "RS":
			cur = "PKR"
		}
		if f, ok := numFact(w.s, m, KindMoney, w.g(m, 1), w.g(m, 3), w.g(m, 4), cur); ok {
			w.add(f)
		}
	}
}

func (w *factWindow) lengths() {
	for _, m := range w.findAll(reLength) {
		unit, mult := lengthUnit(w.g(m, 4))
		if f, ok := numFact(w.s, m, KindLength, w.g(m, 1), w.g(m, 2), w.g(m, 3), unit); ok {
			f.Value, f.Low, f.High = f.Value*mult, f.Low*mult, f.High*mult
			w.add(f)
		}
	}
}

func (w *factWindow) durations() {
	for _, m := range w.findAll(reDuration) {
		u := strings.TrimSuffix(strings.ToLower(w.g(m, 3)), "s")
		if f, ok := numFact(w.s, m, KindDuration, w.g(m, 1), w.g(m, 2), "", "h"); ok {
			mult := durationHours[u]
			f.Value, f.Low, f.High = f.Value*mult, f.Low*mult, f.High*mult
			w.add(f)
		}
	}
}

// years reads decades ("the 1990s"), year ranges ("2019–21") and years.
func (w *factWindow) years() {
	for _, m := range w.findAll(reDecade) {
		y, _ := strconv.Atoi(w.g(m, 2))
		w.add(Fact{Kind: KindYear, Text: w.s[m[0]:m[1]], Value: float64(y), Low: float64(y), High: float64(y + 9), Unit: "year", Qualifier: strings.ToLower(w.g(m, 1)), Start: m[0], End: m[1]})
	}
	for _, m := range w.findAll(reYearRange) {
		a, _ := strconv.Atoi(w.g(m, 1))
		bs := w.g(m, 2)
		b, _ := strconv.Atoi(bs)
		if len(bs) == 2 {
			b += a / 100 * 100
		}
		if b > a {
			w.add(Fact{Kind: KindYear, Text: w.s[m[0]:m[1]], Value: float64(a), Low: float64(a), High: float64(b), Unit: "year", Start: m[0], End: m[1]})
		}
	}
	for _, m := range w.findAll(reYear) {
		y, _ := strconv.Atoi(w.g(m, 2))
		w.add(Fact{Kind: KindYear, Text: w.s[m[0]:m[1]], Value: float64(y), Low: float64(y), High: float64(y), Unit: "year", Qualifier: strings.ToLower(w.g(m, 1)), Start: m[0], End: m[1]})
	}
}
