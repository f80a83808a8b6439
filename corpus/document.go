// Package corpus turns raw text files into structured documents: cleaned,
// parsed into sections, blocks and sentences, with metadata.
package corpus

// BlockKind says what a block of body text is.
type BlockKind string

const (
	Paragraph BlockKind = "paragraph"
	ListItem  BlockKind = "list"
	Caption   BlockKind = "caption"
	Quote     BlockKind = "quote"
	// Table is a table, its Text the rows aligned in columns (one row a
	// line), its Rows the cells. The reader lays the cells out to fit its
	// pane (every column shown, long cells wrapped within their column).
	Table BlockKind = "table"
	// Preformatted is code or other text whose line breaks and spacing
	// matter; shown as it is, never reflowed.
	Preformatted BlockKind = "pre"
)

// Verbatim reports a kind of block whose lines are shown as they are.
func (k BlockKind) Verbatim() bool { return k == Table || k == Preformatted }

// Span is a half-open byte range [Start, End) inside a block's Text.
type Span struct {
	Start, End int
}

// Sentence is one sentence of a block. Start and End are byte offsets into
// the block's Text, so Text == block.Text[Start:End].
type Sentence struct {
	Text       string
	Start, End int
}

// Block is a paragraph, list item, caption or quote. Text is clean (no
// control bytes, no markdown markers); Emphasis marks spans that were
// **bold** or *italic* in the source.
type Block struct {
	Kind      BlockKind
	Text      string
	Emphasis  []Span
	Sentences []Sentence
	Rows      [][]string // a Table's cells, row by row
}

// Section is a heading (empty for the text before the first heading) and
// the blocks under it.
type Section struct {
	Heading string
	// Level is 1 for a top heading, 2 and more for sub-headings (markdown
	// "##", or numbered headings under a plain one); 0 with no heading.
	Level  int
	Blocks []Block
}

// Matter is front or back matter: publisher notes, author bios, addresses,
// links. Kept apart from the body but still readable.
type Matter struct {
	Kind string // "front" or "back"
	Text string
}

// Document is one parsed source.
type Document struct {
	ID        string // unique in a corpus; the file's path without extension, relative to the root it was loaded from
	File      string // the file's base name
	Path      string // where it was loaded from (for embedded seeds, the name inside the embedded FS)
	Title     string
	Subtitle  string
	Outlet    string
	Author    string   // Authors joined with ", "
	Authors   []string // each author named by the text (or the catalog)
	Published string   // YYYY-MM-DD or ""
	URL       string
	Kind      string // interview, commentary, explainer, op-ed, news, or ""
	// Editorial names the metadata fields that came from a curated catalog
	// rather than from the text itself (e.g. "title", "author").
	Editorial []string
	Sections  []Section
	Matter    []Matter
	Words     int // words in the body (sections), not counting matter
	// Notes are non-fatal problems found while loading (invalid bytes shown
	// as <XX>, control characters made visible, ...), for the user to see.
	Notes []string

	// body is set on a document listed from the cache without its body
	// (LoadOptions.ListOnly): where LoadBody finds it.
	body *pendingBody
}

// Loc addresses a sentence: Block counts blocks in document order from 0
// across sections; Sentence counts within the block. Sentence -1 means the
// block as a whole; Block -1 means the title.
type Loc struct {
	Doc      int // index into the corpus' document slice
	Block    int
	Sentence int
}

// BlockRef is a block with its position, from Document.Blocks.
type BlockRef struct {
	Section int // index into Sections
	Index   int // global block index, as in Loc.Block
	Block   *Block
}

// Blocks lists every body block in document order, with its global index,
// reading the body first when it is pending (LoadBody).
func (d *Document) Blocks() []BlockRef {
	d.LoadBody()
	var out []BlockRef
	for si := range d.Sections {
		for bi := range d.Sections[si].Blocks {
			out = append(out, BlockRef{Section: si, Index: len(out), Block: &d.Sections[si].Blocks[bi]})
		}
	}
	return out
}

// Block returns the block at a global index, or nil when out of range,
// reading the body first when it is pending (LoadBody).
func (d *Document) Block(index int) *Block {
	if index < 0 {
		return nil
	}
	d.LoadBody()
	for si := range d.Sections {
		n := len(d.Sections[si].Blocks)
		if index < n {
			return &d.Sections[si].Blocks[index]
		}
		index -= n
	}
	return nil
}
