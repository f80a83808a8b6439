package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"parley/corpus/formats"
)

// The kinds of file parley reads, by extension (compared in lower case).
var (
	textExts     = []string{".txt", ".text", ".md", ".markdown"}
	markdownExts = []string{".md", ".markdown"}
	htmlExts     = []string{".html", ".htm", ".xhtml"}
)

// errUnsupported is the reason given for a named file of another kind.
var errUnsupported = errors.New("not a kind of file parley reads (.txt, .text, .md, .markdown, .html, .htm, .xhtml, .pdf, .epub)")

func hasExt(p string, exts []string) bool {
	ext := strings.ToLower(path.Ext(p))
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

// readableName reports a file name parley reads. The extension is found
// and lowered once: the walk asks twice for each of the 89,040 files of
// forty times the BBC folder, and hasExt's doing it again for each list
// was 11 ms of a second search's listing.
func readableName(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return slices.Contains(textExts, ext) || slices.Contains(htmlExts, ext) || ext == ".pdf" || ext == ".epub"
}

func isMarkdownName(p string) bool { return hasExt(p, markdownExts) }

// formatReader picks the reader for a file that is not plain text, by
// its name and, for a web page saved as .txt, by its first bytes; nil
// means the text path.
func formatReader(name string, raw []byte) func([]byte) (*formats.Doc, error) {
	switch ext := strings.ToLower(path.Ext(name)); {
	case hasExt(ext, htmlExts):
		return formats.HTML
	case ext == ".pdf":
		return formats.PDF
	case ext == ".epub":
		return formats.EPUB
	case (ext == ".txt" || ext == ".text") && looksLikeHTML(raw):
		return formats.HTML
	}
	return nil
}

// looksLikeHTML reports text that opens as a saved web page does.
func looksLikeHTML(raw []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(raw[:min(len(raw), 512)], []byte{0xef, 0xbb, 0xbf}), " \t\r\n")
	head = bytes.ToLower(head[:min(len(head), 16)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// SkippedSummary counts what was not opened, by kind: "4 skipped: 2
// .docx, 1 .png, 1 unreadable"; "" when nothing was skipped.
func (c *Corpus) SkippedSummary() string {
	n := len(c.Unsupported) + len(c.Problems)
	if n == 0 {
		return ""
	}
	byExt := map[string]int{}
	for _, p := range c.Unsupported {
		ext := strings.ToLower(path.Ext(baseName(p)))
		if ext == "" {
			ext = "no extension"
		}
		byExt[CleanLine(ext)]++
	}
	exts := make([]string, 0, len(byExt))
	for e := range byExt {
		exts = append(exts, e)
	}
	// Most first, then by name, so the summary reads the same every time.
	sort.Slice(exts, func(i, j int) bool {
		if byExt[exts[i]] != byExt[exts[j]] {
			return byExt[exts[i]] > byExt[exts[j]]
		}
		return exts[i] < exts[j]
	})
	parts := make([]string, 0, len(exts)+1)
	for _, e := range exts {
		parts = append(parts, fmt.Sprintf("%d %s", byExt[e], e))
	}
	if len(c.Problems) > 0 {
		parts = append(parts, fmt.Sprintf("%d unreadable", len(c.Problems)))
	}
	return fmt.Sprintf("%d skipped: %s", n, strings.Join(parts, ", "))
}
