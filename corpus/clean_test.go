package corpus

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeText(t *testing.T) {
	utf16le := []byte{0xff, 0xfe, 'H', 0, 'i', 0, '\n', 0, 0xe9, 0}
	utf16be := []byte{0xfe, 0xff, 0, 'H', 0, 'i', 0x20, 0xac}
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"plain ascii", []byte("Hello\nworld"), "Hello\nworld"},
		{"utf-8 bom stripped", []byte("\xef\xbb\xbfTitle"), "Title"},
		{"utf-16 le", utf16le, "Hi\né"},
		{"utf-16 be", utf16be, "Hi€"},
		{"crlf", []byte("a\r\nb\r\n"), "a\nb\n"},
		{"lone cr visible", []byte("a\rb"), "a^Mb"},
		{"tab expanded", []byte("a\tb\n\tc"), "a   b\n    c"},
		{"form feed is a page break", []byte("a\fb"), "a\nb"},
		{"escape sequence", []byte("red \x1b[31mX"), "red ^[[31mX"},
		{"bell and del", []byte("a\x07b\x7f"), "a^Gb^?"},
		{"c1 control", []byte("a\xc2\x9bb"), "a<9B>b"},
		{"latin-1 byte decoded", []byte("\xa315.8m"), "£15.8m"},
		{"windows-1252 quotes and euro", []byte("\x93quoted\x94 \x80 5"), "“quoted” € 5"},
		{"invalid byte in utf-8 text", []byte("caf\xc3\xa9 \xa315.8m"), "café <A3>15.8m"},
		{"bidi override", []byte("abc\u202edef\u2066x\u2069"), "abc<U+202E>def<U+2066>x<U+2069>"},
		{"hangul filler and invisible operator", []byte("pay\u3164pal a\u2062b"), "pay<U+3164>pal a<U+2062>b"},
		{"marks and soft hyphen kept", []byte("\u05e9\u200f x\u00ady"), "\u05e9\u200f x\u00ady"},
		{"zero width space", []byte("pass\u200bword"), "pass<U+200B>word"},
		{"word joiner and mid bom", []byte("a\u2060b\ufeffc"), "a<U+2060>b<U+FEFF>c"},
		{"zwj between latin", []byte("a\u200db"), "a<U+200D>b"},
		{"zwnj in persian kept", []byte("می\u200cخواهم"), "می\u200cخواهم"},
		{"line separator", []byte("a\u2028b"), "a\nb"},
		{"cjk untouched", []byte("中国传媒大学"), "中国传媒大学"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := decodeText(append([]byte(nil), tt.in...))
			if err != nil {
				t.Fatalf("decodeText: %v", err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeTextNotes(t *testing.T) {
	_, notes, err := decodeText([]byte("a\xff\xfeb\x1b c\u202e"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2 invalid UTF-8 bytes shown as <XX>", "1 control character shown as caret text", "1 bidi or zero-width character shown as <U+XXXX>"}
	if strings.Join(notes, "|") != strings.Join(want, "|") {
		t.Errorf("notes = %q, want %q", notes, want)
	}
	if _, notes, _ := decodeText([]byte("clean text")); len(notes) != 0 {
		t.Errorf("clean text got notes %q", notes)
	}
}

// A decomposed accent (e + U+0301) is read as the composed letter, so a
// query typed either way finds it; composed text is left as it is.
func TestDecodeTextNFC(t *testing.T) {
	text, notes, err := decodeText([]byte("Caf\u0065\u0301 au lait, na\u0131ve"))
	if err != nil {
		t.Fatal(err)
	}
	if text != "Caf\u00e9 au lait, na\u0131ve" || len(notes) != 1 || !strings.Contains(notes[0], "NFC") {
		t.Errorf("decoded %q with notes %q", text, notes)
	}
	if _, notes, _ := decodeText([]byte("Caf\u00e9")); len(notes) != 0 {
		t.Errorf("composed text got notes %q", notes)
	}
}

func TestDecodeTextBinary(t *testing.T) {
	for name, in := range map[string][]byte{
		"nul byte":     []byte("PNG\x00\x01\x02 header"),
		"mostly bytes": []byte("\x89\xfa\xfb\xfc\xfd\x80\x81\x82\x83\x84\x85\x86\x87\x88\x8a\x8b ok"),
	} {
		if _, _, err := decodeText(in); !errors.Is(err, ErrBinary) {
			t.Errorf("%s: err = %v, want ErrBinary", name, err)
		}
	}
	// Latin-1 text with a few accents is text, read as Windows-1252.
	latin1 := []byte("Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e and a long enough sentence around them.")
	got, notes, err := decodeText(latin1)
	if err != nil || !strings.Contains(got, "Café au lait, crème brûlée") || len(notes) != 1 || !strings.Contains(notes[0], "Windows-1252") {
		t.Errorf("latin-1: %q, %q, %v", got, notes, err)
	}
}

func TestCleanLine(t *testing.T) {
	tests := map[string]string{
		"report.txt":                 "report.txt",
		"evil\x1b]0;title\x07":       "evil^[]0;title^G",
		"two\nlines\r\n":             "two^Jlines^J",
		"bad\xffname":                "bad<FF>name",
		"rtl\u202etxt.exe":           "rtl<U+202E>txt.exe",
		"tab\there":                  "tab here",
		"\u00e9t\u00e9 \u4e2d\u6587": "\u00e9t\u00e9 \u4e2d\u6587",
	}
	for in, want := range tests {
		if got := CleanLine(in); got != want {
			t.Errorf("CleanLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// cleanIsSafe checks the invariant every cleaned text must meet: valid
// UTF-8, no control characters but LF, no bidi or invisible characters
// that were not allowed through.
func cleanIsSafe(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("not valid UTF-8: %q", s)
	}
	for i, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			t.Fatalf("control %U at %d in %q", r, i, s)
		case isHiddenRune(r), r == '\r', r == '\t':
			t.Fatalf("hidden %U at %d in %q", r, i, s)
		}
	}
}
