package formats

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxBlocks caps the blocks taken from one page or chapter.
const maxBlocks = 100_000

// blockWalker turns a cleaned article (or an EPUB chapter) into blocks:
// headings, paragraphs, list items, quotes, captions, tables and
// preformatted text. Text inside a block is flattened, with runs of
// white space made one space, as a browser lays it out.
type blockWalker struct {
	blocks []Block
	inline strings.Builder // inline text waiting to become a paragraph
	kind   Kind            // kind of the pending inline text
}

// skipTags hold no article text (readability removes most of them from
// a web page already; an EPUB chapter keeps them).
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Footer: true,
	atom.Form: true, atom.Button: true, atom.Svg: true, atom.Iframe: true, atom.Template: true,
	atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Head: true, atom.Math: true,
}

func walkBlocks(n *html.Node) []Block {
	// go-readability makes the <p> elements it puts in place of <br><br>
	// (and of a <div> of text) with no atom, only a name: give every
	// element its atom, so that they are told apart as any other.
	forEach(n, func(c *html.Node) bool {
		if c.DataAtom == 0 {
			c.DataAtom = atom.Lookup([]byte(c.Data))
		}
		return true
	})
	w := &blockWalker{}
	w.children(n, Paragraph)
	w.flush()
	return w.blocks
}

func (w *blockWalker) children(n *html.Node, kind Kind) {
	for c := n.FirstChild; c != nil && len(w.blocks) < maxBlocks; c = c.NextSibling {
		w.node(c, kind)
	}
}

// node handles one node inside a container whose loose text is of kind.
func (w *blockWalker) node(n *html.Node, kind Kind) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, kind)
		return
	case html.ElementNode:
	default:
		if n.Type == html.DocumentNode {
			w.children(n, kind)
		}
		return
	}
	if skipTags[n.DataAtom] || hidden(n) {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.leaf(Block{Kind: Heading, Level: int(n.Data[1] - '0'), Text: flatText(n)})
	case atom.P:
		w.flush()
		w.children(n, kind)
		w.flush()
	case atom.Li, atom.Dd, atom.Dt:
		w.flush()
		w.children(n, ListItem)
		w.flush()
	case atom.Blockquote:
		w.flush()
		w.children(n, Quote)
		w.flush()
	case atom.Figcaption, atom.Caption:
		w.leaf(Block{Kind: Caption, Text: flatText(n)})
	case atom.Pre:
		w.leaf(Block{Kind: Pre, Text: preText(n)})
	case atom.Table:
		w.flush()
		w.table(n)
	case atom.Br:
		w.text(" ", kind)
	case atom.Hr:
		w.flush()
	case atom.Img:
		// An image's alt text is no sentence of the article; its
		// caption, when it has one, is a figcaption.
	default:
		if isBlockElement(n.DataAtom) {
			w.flush()
			w.children(n, kind)
			w.flush()
			return
		}
		w.children(n, kind)
	}
}

// leaf adds a block that holds no other blocks.
func (w *blockWalker) leaf(b Block) {
	w.flush()
	if strings.TrimSpace(b.Text) != "" {
		w.blocks = append(w.blocks, b)
	}
}

func (w *blockWalker) text(s string, kind Kind) {
	if w.inline.Len() == 0 {
		w.kind = kind
		s = strings.TrimLeft(s, " \t\n\r\f")
	}
	if w.inline.Len() < 1<<20 {
		w.inline.WriteString(s)
	}
}

// flush ends the pending inline text as a block of its kind.
func (w *blockWalker) flush() {
	if w.inline.Len() == 0 {
		return
	}
	t := collapseSpace(w.inline.String())
	w.inline.Reset()
	if t != "" {
		w.blocks = append(w.blocks, Block{Kind: w.kind, Text: t})
	}
}

// table reads a table's rows; a table of one column, or a layout table
// holding whole paragraphs, is read as paragraphs instead.
func (w *blockWalker) table(n *html.Node) {
	var rows [][]string
	var cells []*html.Node
	forEach(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Table:
			return c == n // a nested table is read as the cell's text
		case atom.Tr:
			var row []string
			for td := c.FirstChild; td != nil; td = td.NextSibling {
				if td.DataAtom == atom.Td || td.DataAtom == atom.Th {
					row = append(row, flatText(td))
					cells = append(cells, td)
				}
			}
			if len(row) > 0 {
				rows = append(rows, row)
			}
			return false
		}
		return true
	})
	cols := 0
	long := false
	for _, r := range rows {
		cols = max(cols, len(r))
		for _, c := range r {
			long = long || len(c) > 300
		}
	}
	if cols < 2 || long {
		for _, td := range cells {
			w.children(td, Paragraph)
			w.flush()
		}
		return
	}
	w.blocks = append(w.blocks, Block{Kind: Table, Rows: rows})
}

// forEach visits the elements under n in document order; visit returns
// whether to descend into an element.
func forEach(n *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && !visit(c) {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// flatText is the text under n on one line.
func flatText(n *html.Node) string {
	var b strings.Builder
	forEachText(n, func(s string) { b.WriteString(s) }, true)
	return collapseSpace(b.String())
}

// preText keeps the line breaks and spacing of preformatted text.
func preText(n *html.Node) string {
	var b strings.Builder
	forEachText(n, func(s string) { b.WriteString(s) }, false)
	return strings.Trim(b.String(), "\n")
}

// forEachText calls f with every text under n, skipping what skipTags
// names; brAsSpace turns <br> into a space, else into a line break.
func forEachText(n *html.Node, f func(string), brAsSpace bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch {
		case c.Type == html.TextNode:
			f(c.Data)
			continue
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			if brAsSpace {
				f(" ")
			} else {
				f("\n")
			}
			continue
		case c.Type == html.ElementNode && (skipTags[c.DataAtom] || hidden(c)):
			continue
		case c.Type == html.ElementNode && c != n && isBlockElement(c.DataAtom):
			// keep words of adjacent blocks (table cells, divs) apart
			f(" ")
			stack = append(stack, spaceNode)
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// spaceNode stands after a block element's children in forEachText.
var spaceNode = &html.Node{Type: html.TextNode, Data: " "}

// collapseSpace makes every run of white space one space and trims.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		}
	}
	return false
}

var blockElements = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Aside: true, atom.Figure: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Body: true,
	atom.Html: true, atom.Address: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

func isBlockElement(a atom.Atom) bool { return blockElements[a] }
