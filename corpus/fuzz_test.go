package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets. Their seed corpora live in testdata/fuzz/<Target>/ and
// the f.Add calls below; run one with e.g.
//   go test ./corpus -run '^$' -fuzz FuzzParse -fuzztime 20s

func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "a\r\nb\rc\td", "\x1b[31mred\x07", "\xef\xbb\xbfbom", "\xff\xfeH\x00i\x00",
		"\u202eevil\u2066", "zero\u200bwidth\u200d", "bad\xc3\x28bytes", "\xc2\x9bc1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, _, err := decodeText(append([]byte(nil), raw...))
		if err != nil {
			return
		}
		cleanIsSafe(t, text)
		// Cleaning clean text changes nothing.
		if again, _ := cleanUTF8([]byte(text)); again != text && !strings.Contains(text, "\u200c") && !strings.Contains(text, "\u200d") {
			t.Fatalf("not idempotent: %q -> %q", text, again)
		}
		line := CleanLine(string(raw))
		if strings.ContainsAny(line, "\n\r\x1b") || !utf8.ValidString(line) {
			t.Fatalf("CleanLine unsafe: %q", line)
		}
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Title\n\nBody text. More text.\n",
		"RCAS Commentary\n\nA Title Here\n\nJane Doe\n\nSenior Fellow, Some Institute\n\nApril 21, 2026\n\nAbout RCAS\n\nWe are.\n\nA Title Here\n\nJane Doe\n\nBody starts here and goes on for a while.\n",
		"---\ntitle: T\nauthor: [A, B]\n---\n# T\n\n- item\n- **bold** and *it*\n",
		"By Mr. Ann Lee, Director\n\nPublished on 18th April 2026\n\nText ending in the\n\n\n\nmiddle of a sentence.\n",
		"Caption text.png\n\nCaption text\n\n▲ Marked caption\n\n> quoted\n\n1. Numbered Heading\n\nPara.\n",
		"*unclosed **mixed* bold**\n[link](http://x) <http://y>\n",
	} {
		f.Add("doc.md", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, raw []byte) {
		d := Parse(name, raw)
		if d == nil || d.Title == "" {
			t.Fatal("no document or no title")
		}
		for _, m := range d.Matter {
			cleanIsSafe(t, m.Text)
		}
		for _, r := range d.Blocks() {
			b := r.Block
			cleanIsSafe(t, b.Text)
			for _, e := range b.Emphasis {
				if e.Start < 0 || e.End > len(b.Text) || e.Start > e.End {
					t.Fatalf("bad emphasis %v in %q", e, b.Text)
				}
			}
			for _, s := range b.Sentences {
				if s.Start < 0 || s.End > len(b.Text) || b.Text[s.Start:s.End] != s.Text {
					t.Fatalf("bad sentence %+v in %q", s, b.Text)
				}
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"The U.S. and Iran met. Talks followed.", "“Move forward.” He said.", "1. Item. 2.5 percent… Done?! Yes",
		"Gen. Munir, Mr. Dar and Dr. Peng met at No. 10.", "i.e. e.g. J.D. Vance", "..", "“”", ". . ."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		var joined strings.Builder
		for _, s := range splitSentences(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad sentence %+v in %q", s, text)
			}
			if strings.TrimSpace(text[prev:s.Start]) != "" {
				t.Fatalf("text lost between sentences: %q in %q", text[prev:s.Start], text)
			}
			joined.WriteString(s.Text)
			prev = s.End
		}
		if strings.TrimSpace(text[prev:]) != "" && strings.Trim(text[prev:], " ") != "" {
			t.Fatalf("text lost at the end: %q", text[prev:])
		}
	})
}
