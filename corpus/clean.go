package corpus

import (
	"encoding/binary"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Text hygiene. Every byte of a document passes through here once, at load,
// so that nothing read from a file can reach a terminal as a control
// sequence or silently change how text is laid out:
//
//   - invalid UTF-8 bytes are shown as <XX> (hex), never dropped;
//   - CRLF becomes LF; a lone CR is shown as ^M (a bare CR would move the
//     cursor to column 0 and overwrite the line);
//   - tabs are expanded to spaces at tab stops of tabWidth columns; a
//     form feed (a page break in PDF extractions) becomes a line break;
//   - C0 controls (except LF) and DEL are shown as caret text (^[, ^?);
//     C1 controls (U+0080–U+009F) as <80>…<9F>;
//   - bidi embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069), zero-width space U+200B, word joiner U+2060 and a
//     BOM (U+FEFF) after the start of the text are always made visible as
//     <U+XXXX>: they can reorder or hide text, and removing them would
//     silently change what the source says;
//   - ZWNJ and ZWJ (U+200C, U+200D) are kept when they follow a non-ASCII
//     letter or symbol (Persian, Indic scripts and emoji sequences need
//     them) and made visible otherwise, where they only hide text;
//   - U+2028 and U+2029 become line breaks;
//   - the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), the Mongolian
//     vowel separator U+180E and the invisible operators U+2061–U+2064
//     are made visible too: they draw nothing and serve to hide words;
//   - left alone: the marks LRM, RLM and ALM (U+200E, U+200F, U+061C),
//     which only steer neutral characters next to them and which Arabic
//     and Hebrew text needs, and the soft hyphen U+00AD, a hyphenation
//     hint that hides nothing.

const tabWidth = 4

// cleanStats counts what hygiene changed, for Document.Notes.
type cleanStats struct {
	invalid  int // invalid UTF-8 bytes shown as <XX>
	controls int // C0/C1 controls, DEL and lone CRs shown visibly
	hidden   int // bidi and zero-width characters shown as <U+XXXX>
	// nonASCII says the text has a character beyond ASCII, so putting
	// it in NFC may change it (ASCII text is already in NFC).
	nonASCII bool
}

func (s cleanStats) notes() []string {
	var out []string
	if s.invalid > 0 {
		out = append(out, fmt.Sprintf("%d invalid UTF-8 %s shown as <XX>", s.invalid, Plural(s.invalid, "byte", "bytes")))
	}
	if s.controls > 0 {
		out = append(out, fmt.Sprintf("%d control %s shown as caret text", s.controls, Plural(s.controls, "character", "characters")))
	}
	if s.hidden > 0 {
		out = append(out, fmt.Sprintf("%d bidi or zero-width %s shown as <U+XXXX>", s.hidden, Plural(s.hidden, "character", "characters")))
	}
	return out
}

// cleanUTF8 applies the hygiene rules to text that is meant to be UTF-8.
// When nothing needs changing it returns the input bytes as a string
// without copying: callers hand over ownership of b and never modify it.
func cleanUTF8(b []byte) (string, cleanStats) {
	if clean, ascii := needsNoCleaning(b); clean {
		return unsafe.String(unsafe.SliceData(b), len(b)), cleanStats{nonASCII: !ascii}
	}
	var w cleanWriter
	w.sb.Grow(len(b) + len(b)/16)
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf {
			i++
			w.prevNonASCII = false
			if c >= 0x20 && c != 0x7f { // printable: the common case, kept inline
				w.sb.WriteByte(c)
				w.col++
			} else {
				w.control(c, c == '\r' && i < len(b) && b[i] == '\n')
			}
			continue
		}
		i += w.nonASCII(b[i:], i == 0)
	}
	return w.sb.String(), w.st
}

// cleanWriter writes cleaned text, counting what it changed.
type cleanWriter struct {
	sb           strings.Builder
	st           cleanStats
	col          int  // runes since the last LF, for tab stops
	prevNonASCII bool // the last rune written was not ASCII (for ZWJ, ZWNJ)
}

// control writes an ASCII control: line ends kept (CRLF as LF, a form
// feed as a line break), tabs expanded, the others in caret form.
func (w *cleanWriter) control(c byte, crlf bool) {
	switch {
	case c == '\n':
		w.sb.WriteByte('\n')
		w.col = 0
	case c == '\r':
		if crlf {
			return // the LF comes next
		}
		w.sb.WriteString("^M")
		w.st.controls++
		w.col += 2
	case c == '\f':
		// A form feed is a page break in PDF extractions: a line
		// break, so the paragraph it splits can be rejoined.
		w.sb.WriteByte('\n')
		w.col = 0
	case c == '\t':
		n := tabWidth - w.col%tabWidth
		w.sb.WriteString("        "[:n])
		w.col += n
	case c < 0x20:
		w.sb.WriteByte('^')
		w.sb.WriteByte(c + 0x40)
		w.st.controls++
		w.col += 2
	default: // DEL
		w.sb.WriteString("^?")
		w.st.controls++
		w.col += 2
	}
}

// nonASCII writes the rune b starts with (start: at the start of the
// text) and returns its length: an invalid byte or a C1 control as
// <XX>, a hidden character as <U+XXXX>, the Unicode line and paragraph
// separators as line breaks, a leading BOM not at all.
func (w *cleanWriter) nonASCII(b []byte, start bool) int {
	w.st.nonASCII = true
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size == 1 {
		fmt.Fprintf(&w.sb, "<%02X>", b[0])
		w.st.invalid++
		w.col += 4
		w.prevNonASCII = false
		return 1
	}
	switch {
	case r >= 0x80 && r <= 0x9f:
		fmt.Fprintf(&w.sb, "<%02X>", r)
		w.st.controls++
		w.col += 4
	case r == 0xfeff && start:
		// A leading BOM only says the text is UTF-8.
	case isHiddenRune(r) || ((r == 0x200c || r == 0x200d) && !w.prevNonASCII):
		fmt.Fprintf(&w.sb, "<U+%04X>", r)
		w.st.hidden++
		w.col += 8
	case r == 0x2028:
		w.sb.WriteByte('\n')
		w.col = 0
	case r == 0x2029:
		w.sb.WriteString("\n\n")
		w.col = 0
	default:
		w.sb.Write(b[:size])
		w.col++
	}
	w.prevNonASCII = true
	return size
}

// isHiddenRune reports the characters that are always made visible.
func isHiddenRune(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200b, r == 0x2060, r == 0xfeff:
		return true
	case r == 0x115f, r == 0x1160, r == 0x3164, r == 0xffa0, r == 0x180e, r >= 0x2061 && r <= 0x2064:
		// Hangul fillers, the Mongolian vowel separator and the invisible
		// maths operators draw nothing in running text and are used to
		// hide or spoof words.
		return true
	}
	return false
}

// needsNoCleaning is the fast path: plain printable ASCII plus LF, or
// valid UTF-8 with nothing the rules would touch. ascii says which, when
// clean.
func needsNoCleaning(b []byte) (clean, ascii bool) {
	ascii = true
	i := 0
	// Eight bytes at a time while all are printable ASCII (0x20-0x7e), the
	// bulk of most files: this check runs over every byte loaded. For a
	// byte below 0x80, adding 0x60 sets its high bit when it is >= 0x20 and
	// adding 0x01 when it is 0x7f; neither carries into the next byte.
	const hi = 0x8080808080808080
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		if w&hi == 0 && (w+0x6060606060606060)&hi == hi && (w+0x0101010101010101)&hi == 0 {
			continue
		}
		for _, c := range b[i : i+8] {
			if c >= utf8.RuneSelf {
				ascii = false
				continue
			}
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false, false
			}
		}
	}
	for _, c := range b[i:] {
		if c >= utf8.RuneSelf {
			ascii = false
			continue
		}
		if (c < 0x20 && c != '\n') || c == 0x7f {
			return false, false
		}
	}
	if ascii {
		return true, true
	}
	if !utf8.Valid(b) {
		return false, false
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if (r >= 0x80 && r <= 0x9f) || isHiddenRune(r) || r == 0x200c || r == 0x200d || r == 0x2028 || r == 0x2029 {
			return false, false
		}
		i += size
	}
	return true, false
}

// CleanLine makes an untrusted string (a file name, a query, an error)
// safe to print on one line: the document hygiene rules, and line breaks
// shown as ^J so the string cannot start a new line.
func CleanLine(s string) string {
	out, _ := cleanUTF8([]byte(s))
	if strings.IndexByte(out, '\n') >= 0 {
		out = strings.ReplaceAll(out, "\n", "^J")
	}
	return out
}

// StripControls drops C0, DEL and C1 control characters: what a typed
// query is matched with, since a document's text never holds one (a query
// is echoed with CleanLine).
func StripControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r >= 0x7f && r <= 0x9f {
			return -1
		}
		return r
	}, s)
}
