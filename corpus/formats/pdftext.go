package formats

import (
	"github.com/ledongthuc/pdf"
)

// The library's Page.Content looks up the font's widths in the file
// again for every glyph (each lookup parses objects anew), which made a
// ten-page report take about 65 ms. This interpreter follows the same
// text operators with each font's encoding and widths read once per
// page: the glyphs come out the same, several times faster.

// glyph is one character placed on a page, in points.
type glyph struct {
	x, y, size, w float64
	r             rune
}

type matrix [3][3]float64

var ident = matrix{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}

func (x matrix) mul(y matrix) matrix {
	var z matrix
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				z[i][j] += x[i][k] * y[k][j]
			}
		}
	}
	return z
}

func translate(tx, ty float64) matrix { return matrix{{1, 0, 0}, {0, 1, 0}, {tx, ty, 1}} }

// pdfFont is a font's encoding and widths, read once.
type pdfFont struct {
	enc    pdf.TextEncoding
	first  int
	widths []float64
}

func (f *pdfFont) width(code int) float64 {
	if f == nil || code < f.first || code-f.first >= len(f.widths) {
		return 0
	}
	return f.widths[code-f.first]
}

// textState is the graphics and text state that places glyphs.
type textState struct {
	tc, tw, th, tl, tfs, trise float64
	font                       *pdfFont
	tm, tlm, ctm               matrix
}

// pageGlyphs interprets a page's content stream and returns its glyphs.
func pageGlyphs(p pdf.Page) []glyph {
	contents := p.V.Key("Contents")
	if contents.Kind() == pdf.Null {
		return nil
	}
	r := &pageReader{fonts: pageFonts(p), g: textState{th: 1, ctm: ident, tm: ident, tlm: ident}}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		if !r.stateOp(op, args) {
			r.textOp(op, args)
		}
	})
	return r.out
}

// pageFonts reads the encoding and widths of each of the page's fonts.
func pageFonts(p pdf.Page) map[string]*pdfFont {
	fonts := map[string]*pdfFont{}
	for _, name := range p.Fonts() {
		f := p.Font(name)
		pf := &pdfFont{enc: f.Encoder(), first: f.FirstChar()}
		ws := f.V.Key("Widths")
		for i := 0; i < ws.Len() && i < 65536; i++ {
			pf.widths = append(pf.widths, ws.Index(i).Float64())
		}
		fonts[name] = pf
	}
	return fonts
}

// pageReader is the interpreter's state while it reads one page: the
// fonts, the current state and the saved ones, and the glyphs so far.
type pageReader struct {
	fonts map[string]*pdfFont
	g     textState
	stack []textState
	out   []glyph
}

// num is operand i as a number, 0 when it is missing.
func num(args []pdf.Value, i int) float64 {
	if i < len(args) {
		return args[i].Float64()
	}
	return 0
}

// stateOp applies an operator that changes the graphics or text state,
// and reports whether op was one.
func (r *pageReader) stateOp(op string, args []pdf.Value) bool {
	g := &r.g
	switch op {
	case "q":
		if len(r.stack) < 1000 {
			r.stack = append(r.stack, r.g)
		}
	case "Q":
		if n := len(r.stack); n > 0 {
			r.g, r.stack = r.stack[n-1], r.stack[:n-1]
		}
	case "cm":
		if len(args) == 6 {
			g.ctm = matrix{{num(args, 0), num(args, 1), 0}, {num(args, 2), num(args, 3), 0}, {num(args, 4), num(args, 5), 1}}.mul(g.ctm)
		}
	case "BT":
		g.tm, g.tlm = ident, ident
	case "Tf":
		if len(args) == 2 {
			g.font = r.fonts[args[0].Name()]
			g.tfs = num(args, 1)
		}
	case "Tc":
		g.tc = num(args, 0)
	case "Tw":
		g.tw = num(args, 0)
	case "Tz":
		g.th = num(args, 0) / 100
	case "TL":
		g.tl = num(args, 0)
	case "Ts":
		g.trise = num(args, 0)
	case "Td":
		r.nextLine(num(args, 0), num(args, 1))
	case "TD":
		g.tl = -num(args, 1)
		r.nextLine(num(args, 0), num(args, 1))
	case "Tm":
		if len(args) == 6 {
			g.tlm = matrix{{num(args, 0), num(args, 1), 0}, {num(args, 2), num(args, 3), 0}, {num(args, 4), num(args, 5), 1}}
			g.tm = g.tlm
		}
	case "T*":
		r.nextLine(0, -g.tl)
	default:
		return false
	}
	return true
}

// textOp applies an operator that shows text (Tj, ', ", TJ).
func (r *pageReader) textOp(op string, args []pdf.Value) {
	g := &r.g
	switch op {
	case "Tj":
		if len(args) == 1 {
			r.show(args[0].RawString())
		}
	case "'":
		if len(args) == 1 {
			r.nextLine(0, -g.tl)
			r.show(args[0].RawString())
		}
	case "\"":
		if len(args) == 3 {
			g.tw, g.tc = num(args, 0), num(args, 1)
			r.nextLine(0, -g.tl)
			r.show(args[2].RawString())
		}
	case "TJ":
		if len(args) != 1 {
			return
		}
		v := args[0]
		for i := 0; i < v.Len(); i++ {
			x := v.Index(i)
			if x.Kind() == pdf.String {
				r.show(x.RawString())
			} else {
				g.tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).mul(g.tm)
			}
		}
	}
}

// nextLine moves to the start of the next line, offset by (tx, ty).
func (r *pageReader) nextLine(tx, ty float64) {
	r.g.tlm = translate(tx, ty).mul(r.g.tlm)
	r.g.tm = r.g.tlm
}

// show places the glyphs of string s in the current font.
func (r *pageReader) show(s string) {
	g := &r.g
	if g.font == nil {
		return
	}
	// m places text space on the page; each glyph moves it right by
	// its advance, in place of two matrix products per glyph.
	m := g.tm.mul(g.ctm)
	n := 0
	for _, ch := range g.font.enc.Decode(s) {
		var w0 float64
		code := -1
		if n < len(s) {
			code = int(s[n])
			w0 = g.font.width(code)
		}
		n++
		size := g.tfs * g.th * m[0][0]
		r.out = append(r.out, glyph{x: m[2][0] + g.trise*m[1][0], y: m[2][1] + g.trise*m[1][1], size: size, w: w0 / 1000 * size, r: ch})
		tx := w0/1000*g.tfs + g.tc
		if code == ' ' {
			tx += g.tw
		}
		tx *= g.th
		m[2][0] += tx * m[0][0]
		m[2][1] += tx * m[0][1]
		g.tm[2][0] += tx * g.tm[0][0]
		g.tm[2][1] += tx * g.tm[0][1]
	}
}
