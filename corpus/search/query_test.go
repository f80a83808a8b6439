package search

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParseQuery(t *testing.T) {
	type tm struct {
		kind      termKind
		neg       bool
		text      string
		sensitive bool
	}
	cases := []struct {
		in   string
		want []tm
	}{
		{"hormuz", []tm{{termFuzzy, false, "hormuz", false}}},
		{"  oil   price ", []tm{{termFuzzy, false, "oil", false}, {termFuzzy, false, "price", false}}},
		{"'border", []tm{{termExact, false, "border", false}}},
		{"^Pak", []tm{{termPrefix, false, "Pak", true}}},
		{"talks$", []tm{{termSuffix, false, "talks", false}}},
		{"^why pakistan is involved$", []tm{{termPrefix, false, "why", false}, {termFuzzy, false, "pakistan", false}, {termFuzzy, false, "is", false}, {termSuffix, false, "involved", false}}},
		{"^exact$", []tm{{termEqual, false, "exact", false}}},
		{"!iran", []tm{{termExact, true, "iran", false}}},
		{"!'iran", []tm{{termExact, true, "iran", false}}},
		{"!^The", []tm{{termPrefix, true, "The", true}}},
		{"!talks$", []tm{{termSuffix, true, "talks", false}}},
		{`new\ york`, []tm{{termFuzzy, false, "new york", false}}},
		{`cost\$`, []tm{{termFuzzy, false, "cost$", false}}},
		{"$5", []tm{{termFuzzy, false, "$5", false}}},
		{"Türkiye", []tm{{termFuzzy, false, "Türkiye", true}}},
		{"中国", []tm{{termFuzzy, false, "中国", false}}},
		// Operators alone are ignored while the term is being typed, and
		// so is a backslash that has nothing to escape yet.
		{"!", nil},
		{"' ^ ! $", nil},
		{"^$ !$ '$ !^$", nil},
		{`\`, nil},
		{`oil \`, []tm{{termFuzzy, false, "oil", false}}},
		{`new\`, []tm{{termFuzzy, false, "new", false}}},
		{`\$`, []tm{{termFuzzy, false, "$", false}}},
		{`$$`, []tm{{termSuffix, false, "$", false}}},
		{`\ `, []tm{{termFuzzy, false, " ", false}}},
		{"", nil},
	}
	for _, c := range cases {
		q := parseQuery(c.in)
		var got []tm
		for _, x := range q.terms {
			got = append(got, tm{x.kind, x.neg, x.text, x.sensitive})
		}
		if len(got) != len(c.want) {
			t.Errorf("parseQuery(%q) = %+v, want %+v", c.in, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("parseQuery(%q) term %d = %+v, want %+v", c.in, i, got[i], c.want[i])
			}
		}
	}
}

func TestParseQueryCleans(t *testing.T) {
	q := parseQuery("ira\x1b[31mn\xff\x00")
	for _, r := range q.clean {
		if r < 0x20 || r == 0x7f {
			t.Fatalf("cleaned query %q still has control character %U", q.clean, r)
		}
	}
	if !strings.HasPrefix(q.clean, "ira^[") {
		t.Errorf("escape not shown as caret text: %q", q.clean)
	}
	if len(q.terms) != 1 || !strings.HasPrefix(q.terms[0].text, "ira[31mn") {
		t.Errorf("control characters not dropped from the terms: %+v", q.terms)
	}
}

// A query is searched up to MaxQueryChars characters, as fzf's prompt
// takes no more; the cut is reported and echoed.
func TestParseQueryCut(t *testing.T) {
	long := strings.Repeat("oil ", 25000)
	q := parseQuery(long)
	if !q.cut || utf8.RuneCountInString(q.clean) != MaxQueryChars || len(q.terms) != 1 { // repeats are dropped
		t.Errorf("cut %v, echo of %d characters, %d terms; want the first %d characters",
			q.cut, utf8.RuneCountInString(q.clean), len(q.terms), MaxQueryChars)
	}
	// Characters, not bytes: 300 CJK characters are kept whole.
	cjk := strings.Repeat("中", MaxQueryChars)
	if q := parseQuery(cjk); q.cut || q.terms[0].text != cjk {
		t.Errorf("%d CJK characters were cut", MaxQueryChars)
	}
	if q := parseQuery(cjk + "x"); !q.cut || q.terms[0].text != cjk {
		t.Errorf("%d CJK characters and one more: cut %v, term %q", MaxQueryChars, q.cut, q.terms[0].text)
	}
}

// Parsing is linear in the query's length: bonusBounds once called
// chain (linear) inside a loop over the term, so a term of 20,000
// characters took seconds. chain is bounded whatever its argument.
func TestChainBounded(t *testing.T) {
	if got := chain(1 << 40); got != chainCap || chain(chainSteps) != chainCap || chain(chainSteps-2) >= chainCap {
		t.Errorf("chain: %d, %d, %d", chain(1<<40), chain(chainSteps), chain(chainSteps-2))
	}
	for a := range 30 {
		want := 0
		for range a {
			want = min(want*3+5, chainCap)
		}
		if chain(a) != want {
			t.Errorf("chain(%d) = %d, want %d", a, chain(a), want)
		}
	}
	// Beyond the query's cut, a term of any length parses: fast enough
	// here that a quadratic cost would time the test out.
	tm, ok := parseTerm(strings.Repeat("ab", 500000))
	if !ok || tm.adjAll != chainCap || len(tm.pairs) != 999999 {
		t.Errorf("a term of a million characters: ok %v, adjAll %d, %d pairs", ok, tm.adjAll, len(tm.pairs))
	}
}

func TestNarrows(t *testing.T) {
	cases := []struct {
		old, new string
		want     bool
	}{
		{"h", "ho", true},
		{"hor", "hormuz", true},
		{"oil", "oil p", true},
		{"oil p", "oil pr", true},
		{"'bord", "'border", true},
		{"^Pa", "^Pak", true},
		{"ir", "Ira", true},  // smart case only narrows further
		{"Ir", "IRa", false}, // case-sensitive "Ir" is not implied
		{"!d", "!do", false}, // a longer exclusion excludes less
		{"talk$", "talks$", false},
		{"oil", "'oil", false},
		{"oil price", "oil", false},
		{"", "a", false},
		{"abc", "ab", false},
		{"music !download", "music !download x", true},
		// Groups: each alternative of the new term must imply one of the
		// old; a bar widens what the term matches.
		{"a", "a |", true},
		{"a", "a | b", false},
		{"a | b", "a | b", true},
		{"a | b", "a | b c", true},
		{"a | b", "a | bc", true},
		{"a | b", "ab | b", true},
		{"a | b", "b | a", true},
		{"a | b", "a", true},
		{"a | b", "ax", true},
		{"a | b", "c", false},
		{"a | b", "a | b | c", false},
		{"a | b", "a | c", false},
		{"a | b", "'a | b", false},
		{"a b | c", "a b | c d", true},
		{"a b | c", "a b", true},
		{"a b | c", "a bx | c", true},
		{"!a | !b", "!a | !b", true},
		{"!a | !b", "!a", true},
		{"!a | !b", "!ab | !b", false}, // a longer exclusion excludes less
		{"a | b x", "a | b x | y", false},
	}
	for _, c := range cases {
		if got := parseQuery(c.new).narrows(parseQuery(c.old)); got != c.want {
			t.Errorf("%q narrows %q = %v, want %v", c.new, c.old, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Hormuz":        "hormuz",
		"TÜRKIYE":       "türkiye",
		"Straße":        "straße",
		"ΣΟΦΙΑ":         "ςοφια",
		"中国传媒大学":        "中国传媒大学",
		"KELVIN \u212a": "kelvin \u212a", // folds to a shorter rune: kept
	}
	for in, want := range cases {
		got := fold(in)
		if got != want || len(got) != len(in) {
			t.Errorf("fold(%q) = %q, want %q of the same byte length", in, got, want)
		}
	}
}

func TestFoldIntoMatchesFold(t *testing.T) {
	for _, s := range []string{
		"", "A", "Hello, World! THE QUICK BROWN FOX @[`{ 0123456789",
		"Straße ÀÉÎÕÜ and 中国传媒大学 KELVIN \u212a mixed CASE text of some length",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x7f",
		"\xff\xfeinvalid BYTES then ASCII", "Σ12345678ΣABCDEFGHI",
		"abcdefgHijklmnop", "abcdefghIjklmnop", "aBCDEFGHIJ", "TimeWarner said", "éA", "aÉ", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	} {
		dst := make([]byte, len(s))
		size, n, camel := foldInto(dst, s)
		if camel != hasCamel(s) {
			t.Errorf("foldInto(%q) camel = %v, hasCamel says %v", s, camel, !camel)
		}
		want := fold(plain(s))
		if string(dst[:size]) != want || n != utf8.RuneCountInString(s) {
			t.Errorf("foldInto(%q) = %q, %d runes; fold(plain) gives %q, %d runes", s, dst[:size], n, want, utf8.RuneCountInString(s))
		}
	}
}

// hasCamel is the plain reference for the camel flag foldInto computes:
// a lower-case letter followed by an upper-case one.
func hasCamel(s string) bool {
	prevLower := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if prevLower && 'A' <= c && c <= 'Z' {
				return true
			}
			prevLower = 'a' <= c && c <= 'z'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if prevLower && unicode.IsUpper(r) {
			return true
		}
		prevLower = unicode.IsLower(r)
		i += size
	}
	return false
}

func TestStep(t *testing.T) {
	cases := []struct {
		prev, q string
		want    stepKind
	}{
		{"che", "chel", stepExtend},
		{"oil pr", "oil pri", stepExtend},
		{"oil", "oil p", stepAdd},
		{"'bord", "'borde", stepExtend},
		{"pak !i", "pak !ir", stepNone}, // a longer exclusion excludes less
		{"pak", "pak !i", stepAdd},
		{"Ir", "Ira", stepNone}, // case-sensitive: searched again
		{"^the", "^then", stepNone},
		{"oil pr", "oil", stepNone},
		{"oil", "gas", stepNone},
		{"中国", "中国传", stepExtend},
		// A group is screened again, or narrowed from the matches of an
		// earlier query (see narrows); terms added after it continue.
		{"a |", "a | b", stepNone},
		{"a | b", "a | bc", stepNone},
		{"a | b", "a | b c", stepAdd},
		{"a | b c", "a | b ch", stepExtend},
		{"a | b c", "a | c ch", stepNone},
		{"x", "x a | b", stepAdd},
	}
	for _, c := range cases {
		if got := step(parseQuery(c.q), parseQuery(c.prev)); got != c.want {
			t.Errorf("step %q -> %q = %v, want %v", c.prev, c.q, got, c.want)
		}
	}
}

func TestPlain(t *testing.T) {
	for in, want := range map[string]string{
		"":              "",
		"Türkiye":       "Turkiye",
		"façade":        "facade",
		"Ünïcödé":       "Unicode",
		"Łódź Øresund":  "Lodz Oresund",
		"İstanbul ılık": "Istanbul ilik",
		"Việt Nam":      "Viet Nam",
		"Straße Æsir":   "Straße Æsir", // one letter would become two: kept
		"中国传媒 ½ × ÷":    "中国传媒 ½ × ÷",
		"Cafe\u0301":    "Cafe\u0301", // a combining mark is not a letter
	} {
		if got := plain(in); got != want {
			t.Errorf("plain(%q) = %q, want %q", in, got, want)
		}
		if got, want := foldPlain(in), fold(plain(in)); got != want {
			t.Errorf("foldPlain(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPlainLetters: every mapping keeps one rune for one, and its case,
// so rune indexes and camel humps are those of the text; and it agrees
// with case folding.
func TestPlainLetters(t *testing.T) {
	n := 0
	for r := rune(0); r < 0x2000; r++ {
		b := rune(plainRune(r))
		if b == 0 {
			continue
		}
		n++
		if unicode.IsUpper(r) != unicode.IsUpper(b) || unicode.IsLower(r) != unicode.IsLower(b) {
			t.Errorf("%c reads as %c: not the same case", r, b)
		}
		if f := foldRune(r); f != r && rune(plainRune(f)) != foldRune(b) {
			t.Errorf("%c folds to %c, which reads as %c, not %c", r, f, plainRune(f), foldRune(b))
		}
	}
	if n < 400 {
		t.Errorf("only %d letters fold", n)
	}
}

// TestTermAccents: a term with an accented letter matches accents exactly.
func TestTermAccents(t *testing.T) {
	for w, exact := range map[string]bool{"turkiye": false, "türkiye": true, "TÜRKIYE": true, "中国": false, "straße": false, "İ": true} {
		if tm, _ := parseTerm(w); tm.exact != exact {
			t.Errorf("%q: exact %v, want %v", w, tm.exact, exact)
		}
	}
}

// A combining accent typed after its letter is the composed letter, as
// in the documents (read in NFC), and control characters are dropped.
func TestParseQueryNFC(t *testing.T) {
	q := parseQuery("cafe\u0301 b\x1bar")
	if len(q.terms) != 2 || q.terms[0].text != "caf\u00e9" || q.terms[1].text != "bar" {
		var got []string
		for _, tm := range q.terms {
			got = append(got, tm.text)
		}
		t.Errorf("terms = %q, want [café bar]", got)
	}
}

// A term given twice is searched once; the same letters with another
// operator are another term.
func TestParseQueryDropsRepeats(t *testing.T) {
	q := parseQuery("oil oil 'oil price oil !oil")
	var got []string
	for _, tm := range q.terms {
		got = append(got, tm.text)
	}
	if strings.Join(got, " ") != "oil oil price oil" || len(q.terms) != 4 {
		t.Errorf("terms = %q, want oil, 'oil, price, !oil", got)
	}
}

// groupWords shows a parsed query as its terms, a group's alternatives
// joined by "|": kind letter, "!" when negated, then the text.
func groupWords(q query) string {
	kinds := map[termKind]string{termFuzzy: "f", termExact: "e", termPrefix: "p", termSuffix: "s", termEqual: "q"}
	var out []string
	for _, t := range q.terms {
		var alts []string
		for _, a := range altsOf(&t) {
			w := kinds[a.kind]
			if a.neg {
				w += "!"
			}
			alts = append(alts, w+":"+a.text)
		}
		if t.kind == termGroup && len(t.alts) < 2 {
			alts = append(alts, "a group of one")
		}
		out = append(out, strings.Join(alts, "|"))
	}
	return strings.Join(out, " ")
}

// "|" on its own joins the terms on either side into a group; a bar with
// no term on one side is ignored while it is being typed, and "\|" is a
// bar to find.
func TestParseQueryOr(t *testing.T) {
	cases := map[string]string{
		"a | b":                   "f:a|f:b",
		"^core go$ | rb$ | py$":   "p:core s:go|s:rb|s:py",
		"a b | c d":               "f:a f:b|f:c f:d",
		"'a | ^b | c$ | ^d$":      "e:a|p:b|s:c|q:d",
		"!a | !b":                 "e!:a|e!:b",
		"x !a | b":                "f:x e!:a|f:b",
		"Iran | türkiye":          "f:Iran|f:türkiye",
		"a |":                     "f:a",
		"| a":                     "f:a",
		"|":                       "",
		"| | |":                   "",
		"a | | b":                 "f:a|f:b",
		"a || b":                  "f:a f:|| f:b", // a bar is an operator only alone
		"a|b":                     "f:a|b",
		"a | ! | b":               "f:a|f:b", // operators alone are skipped
		"a | ^ b":                 "f:a|f:b",
		"a | b a":                 "f:a|f:b f:a",
		"a | a":                   "f:a",
		"a | b a | b":             "f:a|f:b",
		"b | a a | b":             "f:b|f:a f:a|f:b",
		`\|`:                      "f:|",
		`a \| b`:                  "f:a f:| f:b",
		`'\| !\|`:                 "e:| e!:|",
		`a\|b`:                    "f:a|b",
		`\|$`:                     "s:|",
		"'|":                      "e:|",
		`new\ york | boston`:      "f:new york|f:boston",
		"a | b | c | d | e | f":   "f:a|f:b|f:c|f:d|f:e|f:f",
		"a | b c | d !e | !f ^g$": "f:a|f:b f:c|f:d e!:e|e!:f q:g",
	}
	for in, want := range cases {
		if got := groupWords(parseQuery(in)); got != want {
			t.Errorf("parseQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

// Typing a query with a bar, keystroke by keystroke, never leaves it with
// no term once it had one.
func TestParseQueryOrWhileTyping(t *testing.T) {
	for _, q := range []string{"hormuz | lucerne", "^core go$ | rb$ | py$", "a | !b", `x \| y`} {
		had := false
		for i := 1; i <= len(q); i++ {
			n := len(parseQuery(q[:i]).terms)
			if had && n == 0 {
				t.Errorf("%q: no term left", q[:i])
			}
			had = had || n > 0
		}
	}
}
