package compareview

import (
	"io"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"parley/corpus"
	"parley/corpus/export"
	"parley/tui/common"
)

// x in the claims index exports the index as a Markdown coverage table
// (export.WriteCoverageMarkdown), where the compare view's exports go.

// claimsExport is what the claims index needs to export: where to, and a
// clock for the file name.
type claimsExport struct {
	dir string           // "" is the current directory (see exportDir)
	now func() time.Time // nil: time.Now
}

// claimsExportedMsg is an export of the claims index done: the compare
// view's message under another name, so that only the index shows it.
type claimsExportedMsg compareExportedMsg

// exportIndex writes the claims listed as a coverage table.
func (p *ClaimsPane) exportIndex() tea.Cmd {
	if !p.loaded || len(p.claims) == 0 {
		p.status = paneStatus{text: "nothing to export yet", err: true}
		return nil
	}
	now := time.Now
	if p.export.now != nil {
		now = p.export.now
	}
	// The marks stand for the open story's sources, or every document.
	index := map[*corpus.Document]int{}
	for i, d := range p.engine.docs {
		index[d] = i
	}
	var set []int
	for _, d := range p.markDocs() {
		set = append(set, index[d])
	}
	docs, claims := p.engine.docs, slices.Clone(p.claims)
	write := exportMarkdown("parley-claims", p.export.dir, now(), func(f io.Writer) error {
		return export.WriteCoverageMarkdown(f, docs, set, claims)
	})
	return func() tea.Msg { return claimsExportedMsg(write().(compareExportedMsg)) }
}

// statusLine is the claims index's bottom line with a message: why a key
// did nothing, where an export went (the path shortened from its left to
// fit) or why it failed; errors stand out.
func (p *ClaimsPane) statusLine(w int) string {
	st := p.status
	line := st.text + shortenPath(st.path, max(w-common.StrWidth(st.text+st.tail), 8)) + st.tail
	if st.err {
		return p.ctx.Styles.Compare.Warn.Render(corpus.CleanLine(line))
	}
	return p.ctx.Styles.Compare.Status.Render(corpus.CleanLine(line))
}
