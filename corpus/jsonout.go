package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// FileName is the file's real base name, as the system spells it, for
// output a script reads back (JSON): File is its display form, with
// control and bidi characters made visible. Written through WriteJSON,
// such characters are escaped (\u001b, \u202e), never written raw.
func (d *Document) FileName() string {
	if d.Path == "" {
		return d.File
	}
	return baseName(d.Path)
}

// WriteJSON writes v as indented JSON (HTML characters unescaped) with
// every C0 control, DEL, C1 control, bidi mark, embedding, override and
// isolate and zero-width or invisible character escaped as \uXXXX, so
// that no raw control or bidi character reaches a terminal, while a
// script decoding the JSON gets the exact string back. Outside strings
// JSON holds only ASCII punctuation, so the escapes land in strings.
func WriteJSON(w io.Writer, v any) error {
	b, err := encodeJSON(v, "")
	if err != nil {
		return err
	}
	_, err = w.Write(EscapeJSONHidden(b))
	return err
}

// WriteJSONValue writes v as WriteJSON would write it nested depth
// levels deep in a document: its lines after the first indented two
// spaces a level more, with no newline at the end. A long list is then
// written an element at a time, never encoded whole in memory.
func WriteJSONValue(w io.Writer, v any, depth int) error {
	b, err := encodeJSON(v, strings.Repeat("  ", depth))
	if err != nil {
		return err
	}
	_, err = w.Write(EscapeJSONHidden(bytes.TrimSuffix(b, []byte("\n"))))
	return err
}

// encodeJSON is v indented two spaces a level after prefix, HTML left
// as it is, with the encoder's newline at the end.
func encodeJSON(v any, prefix string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// EscapeJSONHidden rewrites the runes of encoded JSON that a terminal
// would act on or hide (see WriteJSON) as \uXXXX escapes.
func EscapeJSONHidden(b []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i < len(b); {
		if c := b[i]; c < utf8.RuneSelf && c >= 0x20 && c != 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if jsonHidden(r) {
			out = append(out, b[last:i]...)
			out = fmt.Appendf(out, `\u%04x`, r)
			last = i + size
		}
		i += size
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// jsonHidden reports a rune WriteJSON escapes. The encoder's own
// newlines between values are kept.
func jsonHidden(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case isHiddenRune(r), r >= 0x200b && r <= 0x200f, r == 0x061c, r == 0x2028, r == 0x2029, r == 0x00ad:
		return true
	}
	return false
}
