package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// MaxFileSize is the default size cap: larger files are skipped rather
// than read into memory.
const MaxFileSize = 64 << 20

// ErrBinary marks a file that looks like binary data rather than text.
var ErrBinary = errors.New("binary file (not text)")

// binaryInvalidShare is the share of invalid UTF-8 bytes above which a
// file is taken for binary data. Text in a legacy 8-bit encoding (Latin-1
// accents, a pound sign) stays well below it.
const binaryInvalidShare = 0.10

// decodeText turns a file's bytes into clean UTF-8 text. It strips a
// UTF-8 BOM, decodes UTF-16 with a BOM, refuses binary data and applies
// the hygiene rules. raw is owned by the result and must not be modified.
func decodeText(raw []byte) (string, []string, error) {
	var notes []string
	switch {
	case bytes.HasPrefix(raw, []byte{0xef, 0xbb, 0xbf}):
		raw = raw[3:]
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}), bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		// The BOM decides the byte order; invalid sequences become U+FFFD.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(raw)
		if err != nil {
			return "", nil, fmt.Errorf("decoding UTF-16: %w", err)
		}
		raw = out
		notes = append(notes, "decoded from UTF-16")
	}
	if err := sniffBinary(raw); err != nil {
		return "", nil, err
	}
	if legacy8Bit(raw) {
		if out, err := charmap.Windows1252.NewDecoder().Bytes(raw); err == nil {
			raw = out
			notes = append(notes, "decoded from Windows-1252 (it is not UTF-8)")
		}
	}
	text, st := cleanUTF8(raw)
	// One spelling per character: "café" typed with a composed é must find
	// the same word written as e and a combining accent, in search and in
	// compare alike. ASCII text is already in NFC.
	if st.nonASCII && !norm.NFC.IsNormalString(text) {
		text = norm.NFC.String(text)
		notes = append(notes, "normalised to composed Unicode (NFC)")
	}
	return text, append(notes, st.notes()...), nil
}

// legacy8Bit reports text in a legacy 8-bit encoding rather than UTF-8:
// it has bytes over 0x7F, and not one of them starts a valid UTF-8
// sequence (a Latin-1 pound sign, a Windows-1252 quote). Text with any
// valid sequence is UTF-8 with a few bad bytes, shown as they are.
// Windows-1252 is read for it, as browsers read pages that name no
// encoding: it is Latin-1 with printable characters in place of most
// C1 controls.
func legacy8Bit(b []byte) bool {
	if utf8.Valid(b) {
		return false
	}
	for i := 0; i < len(b); i++ {
		if b[i] < utf8.RuneSelf {
			continue
		}
		if r, size := utf8.DecodeRune(b[i:]); r != utf8.RuneError || size != 1 {
			return false
		}
	}
	return true
}

// sniffBinary reports ErrBinary for data with a NUL byte or a high share
// of invalid UTF-8.
func sniffBinary(b []byte) error {
	if bytes.IndexByte(b, 0) >= 0 {
		return fmt.Errorf("%w: it contains NUL bytes", ErrBinary)
	}
	if utf8.Valid(b) {
		return nil
	}
	invalid := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		}
		i += size
	}
	if len(b) >= 16 && float64(invalid) > binaryInvalidShare*float64(len(b)) {
		return fmt.Errorf("%w: %d of %d bytes are not valid UTF-8", ErrBinary, invalid, len(b))
	}
	return nil
}
