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

// A document written a value at a time with WriteJSONValue, as a long
// list is streamed, is the document WriteJSON writes whole: nesting,
// empty lists and escaped hidden runes alike.
func TestWriteJSONValueAsNestedInWhole(t *testing.T) {
	type item struct {
		Text  string   `json:"text"`
		Terms []string `json:"terms"`
	}
	type doc struct {
		Items []item `json:"items"`
		Empty []int  `json:"empty"`
	}
	whole := doc{Items: []item{{"a\x1b\u202e <b>", []string{"x", "y"}}, {"c", []string{}}}, Empty: []int{}}
	var want, got bytes.Buffer
	if err := WriteJSON(&want, whole); err != nil {
		t.Fatal(err)
	}
	got.WriteString("{\n  \"items\": [")
	for i, it := range whole.Items {
		got.WriteString([]string{"\n    ", ",\n    "}[min(i, 1)])
		if err := WriteJSONValue(&got, it, 2); err != nil {
			t.Fatal(err)
		}
	}
	got.WriteString("\n  ],\n  \"empty\": ")
	if err := WriteJSONValue(&got, whole.Empty, 1); err != nil {
		t.Fatal(err)
	}
	got.WriteString("\n}\n")
	if got.String() != want.String() {
		t.Errorf("streamed:\n%s\nwhole:\n%s", got.String(), want.String())
	}
}
