package corpus

import (
	"path"
	"path/filepath"
	"strings"
)

// parser holds one document while it is being read.
type parser struct {
	d        *Document
	srcLines []srcLine
	texts    []string // source line text with inline markup removed
	spans    [][]Span // emphasis spans in texts
	i        int      // first source line of the body
	bodySeen bool     // a body block has been emitted (matter is "back" from now on)
	tail     bool     // the rest is a copied page's list of other articles, filed as matter
}

// Parse turns one file's raw bytes into a Document. name is the file's
// path, used for File and Path; a ".md" name enables YAML front matter.
// Bytes that are not clean text are made visible (see clean.go) and noted
// in Notes; Parse never fails.
func Parse(name string, raw []byte) *Document {
	// Parse must not keep the caller's slice: decodeText may alias it.
	text, notes, err := decodeText(append([]byte(nil), raw...))
	if err != nil {
		notes = append(notes, err.Error())
		text, _ = cleanUTF8(append([]byte(nil), raw...))
	}
	text, more := decodeEntities(name, text)
	d := parseText(name, text)
	d.Notes = append(append(notes, more...), d.Notes...)
	return d
}

// baseName is the last element of a file's path, as the system separates
// them: on Linux a backslash is part of a name ("notes\\2026.txt"), on
// Windows it separates. Embedded paths use "/", which both accept. It is
// what Document.File is cleaned from.
func baseName(name string) string {
	return filepath.Base(name)
}

// parseText parses text that has been through hygiene already.
func parseText(name, text string) *Document {
	base := baseName(name)
	d := &Document{File: CleanLine(base), Path: name}
	md := isMarkdownName(base)
	if md {
		text = applyFrontMatter(d, text)
	}
	p := &parser{d: d, srcLines: splitSrcLines(text, md)}
	p.texts = make([]string, len(p.srcLines))
	p.spans = make([][]Span, len(p.srcLines))
	for i, u := range p.srcLines {
		p.texts[i], p.spans[i] = stripInline(u.text)
	}
	p.header()
	p.body()
	p.finish()
	return d
}

// noTitleNote is the note of a document titled by its file name.
const noTitleNote = "no title in the text; the file name stands in"

// finish fills what follows from the parse: author string, sentences,
// word count, and a title when the text has none.
func (p *parser) finish() {
	d := p.d
	d.Author = strings.Join(d.Authors, ", ")
	for si := range d.Sections {
		d.Words += wordCount(d.Sections[si].Heading)
		for bi := range d.Sections[si].Blocks {
			b := &d.Sections[si].Blocks[bi]
			if b.Kind.Verbatim() {
				b.Sentences = lineSentences(b.Text)
			} else {
				b.Sentences = splitSentences(b.Text)
			}
			d.Words += wordCount(b.Text)
		}
	}
	if d.Title == "" {
		d.Title = strings.TrimSuffix(d.File, path.Ext(d.File))
		if d.Title == "" {
			d.Title = CleanLine(d.File)
		}
		if strings.TrimSpace(d.Title) == "" || d.Title == "." || d.Title == "/" {
			d.Title = "(untitled)"
		}
		d.Notes = append(d.Notes, noTitleNote)
	}
}

// lineSentences makes each non-blank line of a table or of code one
// sentence: what search finds and the sentence cursor steps through.
func lineSentences(text string) []Sentence {
	var out []Sentence
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if line := text[start:end]; strings.TrimSpace(line) != "" {
			out = append(out, Sentence{Text: line, Start: start, End: end})
		}
		start = end + 1
	}
	return out
}
