package corpus

import (
	"path"
	"strings"
)

// Parse turns one file's raw bytes into a Document. name is the file's
// path, used for File and Path.
//
// This first version only splits paragraphs on blank lines and sentences
// on ". "; the real parser replaces it.
func Parse(name string, raw []byte) *Document {
	d := &Document{File: path.Base(strings.ReplaceAll(name, "\\", "/")), Path: name}
	text := strings.ReplaceAll(string(raw), "\r\n", "\n")
	var sec Section
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(strings.ReplaceAll(para, "\n", " "))
		if para == "" {
			continue
		}
		if d.Title == "" {
			d.Title = para
			continue
		}
		b := Block{Kind: Paragraph, Text: para}
		start := 0
		for i := 0; i < len(para); i++ {
			if para[i] == '.' && (i+1 == len(para) || para[i+1] == ' ') {
				b.Sentences = append(b.Sentences, Sentence{Text: para[start : i+1], Start: start, End: i + 1})
				start = i + 2
			}
		}
		if start < len(para) {
			b.Sentences = append(b.Sentences, Sentence{Text: para[start:], Start: start, End: len(para)})
		}
		d.Words += len(strings.Fields(para))
		sec.Blocks = append(sec.Blocks, b)
	}
	d.Sections = []Section{sec}
	return d
}
