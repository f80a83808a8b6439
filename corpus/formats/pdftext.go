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
	var out []glyph
	g := textState{th: 1, ctm: ident, tm: ident, tlm: ident}
	var stack []textState
	show := func(s string) {
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
			out = append(out, glyph{x: m[2][0] + g.trise*m[1][0], y: m[2][1] + g.trise*m[1][1], size: size, w: w0 / 1000 * size, r: ch})
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
	nextLine := func(tx, ty float64) {
		g.tlm = translate(tx, ty).mul(g.tlm)
		g.tm = g.tlm
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		args := make([]pdf.Value, stk.Len())
		for i := len(args) - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		num := func(i int) float64 {
			if i < len(args) {
				return args[i].Float64()
			}
			return 0
		}
		switch op {
		case "q":
			if len(stack) < 1000 {
				stack = append(stack, g)
			}
		case "Q":
			if n := len(stack); n > 0 {
				g, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				g.ctm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}.mul(g.ctm)
			}
		case "BT":
			g.tm, g.tlm = ident, ident
		case "Tf":
			if len(args) == 2 {
				g.font = fonts[args[0].Name()]
				g.tfs = num(1)
			}
		case "Tc":
			g.tc = num(0)
		case "Tw":
			g.tw = num(0)
		case "Tz":
			g.th = num(0) / 100
		case "TL":
			g.tl = num(0)
		case "Ts":
			g.trise = num(0)
		case "Td":
			nextLine(num(0), num(1))
		case "TD":
			g.tl = -num(1)
			nextLine(num(0), num(1))
		case "Tm":
			if len(args) == 6 {
				g.tlm = matrix{{num(0), num(1), 0}, {num(2), num(3), 0}, {num(4), num(5), 1}}
				g.tm = g.tlm
			}
		case "T*":
			nextLine(0, -g.tl)
		case "Tj":
			if len(args) == 1 {
				show(args[0].RawString())
			}
		case "'":
			if len(args) == 1 {
				nextLine(0, -g.tl)
				show(args[0].RawString())
			}
		case "\"":
			if len(args) == 3 {
				g.tw, g.tc = num(0), num(1)
				nextLine(0, -g.tl)
				show(args[2].RawString())
			}
		case "TJ":
			if len(args) != 1 {
				return
			}
			v := args[0]
			for i := 0; i < v.Len(); i++ {
				x := v.Index(i)
				if x.Kind() == pdf.String {
					show(x.RawString())
				} else {
					g.tm = translate(-x.Float64()/1000*g.tfs*g.th, 0).mul(g.tm)
				}
			}
		}
	})
	return out
}
