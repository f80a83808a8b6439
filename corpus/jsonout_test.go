package corpus

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// WriteJSON escapes controls, DEL, C1, bidi and zero-width runes as
// \uXXXX, and the JSON decodes back to the exact strings.
func TestWriteJSONEscapesHiddenRunes(t *testing.T) {
	in := map[string]string{"file": "a\x1b[7m\u202eb\u009bc\x7fd\u200be\u2066f\ufeffg <é>"}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, in); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "\x1b\u202e\u009b\x7f\u200b\u2066\ufeff") {
		t.Errorf("raw hidden rune in %q", out)
	}
	for _, esc := range []string{`\u001b`, `\u202e`, `\u009b`, `\u007f`, `\u200b`, `\u2066`, `\ufeff`, "<é>"} {
		if !strings.Contains(out, esc) {
			t.Errorf("%q lacks %s", out, esc)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || back["file"] != in["file"] {
		t.Errorf("round trip: %q, %v", back["file"], err)
	}
}
