package corpus

import (
	"encoding/binary"
	"errors"
	"io"
	"unsafe"
)

// The document codec writes a parsed Document in a compact binary form
// for the cache: varint lengths and numbers, each string once. A
// sentence is stored as its offsets only; its text is the block's text
// between them, so it is sliced back out, sharing the block's memory.
// ID and Path are not stored: they depend on how the folder was named
// and are set by the loader. The metadata (appendMeta) and the body
// (appendBody) are two encodings, stored apart. A field added to Document must be added
// here and docCodecVersion raised (TestDocCodecCoversDocument checks).

// docCodecVersion changes whenever the encoding below changes.
const docCodecVersion = 3 // 2: a table block's rows; 3: metadata apart from the body

var errCorrupt = errors.New("corrupt cache entry")

// docWriter encodes into b; with out set (writeBody), it hands b to out
// whenever it holds streamAt bytes, so a long string goes through b a
// piece at a time.
type docWriter struct {
	b   []byte
	out io.Writer
	err error
}

func (w *docWriter) int(n int) {
	w.b = binary.AppendVarint(w.b, int64(n))
	w.full()
}

func (w *docWriter) uint(n int) {
	w.b = binary.AppendUvarint(w.b, uint64(n))
	w.full()
}

func (w *docWriter) str(s string) {
	w.uint(len(s))
	if w.out == nil {
		w.b = append(w.b, s...)
		return
	}
	for len(s) > 0 { // a piece at a time: a long text is never copied whole
		n := min(len(s), streamAt)
		w.b = append(w.b, s[:n]...)
		s = s[n:]
		w.full()
	}
}

// full hands b to out once it holds streamAt bytes or more.
func (w *docWriter) full() {
	if w.out != nil && len(w.b) >= streamAt {
		w.flush()
	}
}

// flush hands what b holds to out.
func (w *docWriter) flush() {
	if w.err == nil && len(w.b) > 0 {
		_, w.err = w.out.Write(w.b)
	}
	w.b = w.b[:0]
}

// streamAt is about the most writeBody holds before it writes.
const streamAt = 64 << 10

func (w *docWriter) strs(ss []string) {
	w.uint(len(ss))
	for _, s := range ss {
		w.str(s)
	}
}

// appendDoc appends d's encoding to b: its list metadata, then its body.
func appendDoc(b []byte, d *Document) []byte { return appendBody(appendMeta(b, d), d) }

// appendMeta appends what the list shows, sorts and groups on, and what
// parley list writes: everything but the body. The cache keeps it apart
// from the body, so a folder is listed without decoding a body.
func appendMeta(b []byte, d *Document) []byte {
	w := docWriter{b: b}
	for _, s := range []string{d.File, d.Title, d.Subtitle, d.Outlet, d.Author, d.Published, d.URL, d.Kind} {
		w.str(s)
	}
	w.strs(d.Authors)
	w.strs(d.Editorial)
	w.int(d.Words)
	w.strs(d.Notes)
	return w.b
}

// appendBody appends the body: the sections and the front and back matter.
func appendBody(b []byte, d *Document) []byte {
	w := docWriter{b: b}
	encodeBody(&w, d)
	return w.b
}

// writeBody writes the body's encoding (appendBody's bytes) to out
// without laying it out whole first: a document's text is written as it
// is. Laid out, the encoding of one 16 MiB sentence was a third 16 MB
// copy of its text beside the file read and the text parsed from it, and
// the first compare of it, which stores it, peaked there.
func writeBody(out io.Writer, d *Document) error {
	w := docWriter{b: make([]byte, 0, streamAt), out: out}
	encodeBody(&w, d)
	w.flush()
	return w.err
}

func encodeBody(w *docWriter, d *Document) {
	w.uint(len(d.Sections))
	for _, s := range d.Sections {
		w.str(s.Heading)
		w.int(s.Level)
		w.uint(len(s.Blocks))
		for _, bl := range s.Blocks {
			w.str(string(bl.Kind))
			w.str(bl.Text)
			w.uint(len(bl.Emphasis))
			for _, e := range bl.Emphasis {
				w.int(e.Start)
				w.int(e.End)
			}
			w.uint(len(bl.Sentences))
			for _, se := range bl.Sentences {
				w.int(se.Start)
				w.int(se.End)
			}
			w.uint(len(bl.Rows))
			for _, row := range bl.Rows {
				w.strs(row)
			}
		}
	}
	w.uint(len(d.Matter))
	for _, m := range d.Matter {
		w.str(m.Kind)
		w.str(m.Text)
	}
}

// docReader decodes; the first error sticks and every later read
// returns zero values, so decodeDoc checks once at the end.
type docReader struct {
	b   []byte
	err error
	// s, when set, is the whole input as one string, and str returns
	// slices of it: a document's strings then cost one allocation rather
	// than one each (about a million fewer to list the 40x folder).
	s string
}

// stringReader is a docReader whose strings share one copy of b.
func stringReader(b []byte) docReader { return docReader{b: b, s: string(b)} }

func (r *docReader) fail() { r.err, r.b = errCorrupt, nil }

func (r *docReader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// count reads a length, refusing one longer than the bytes left (each
// item takes at least one byte), so a corrupt entry cannot ask for a
// huge allocation.
func (r *docReader) count() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)-n) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *docReader) u64() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// take returns the next n bytes, not copied; nil when fewer are left.
func (r *docReader) take(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.fail()
		return nil
	}
	b := r.b[:n:n]
	r.b = r.b[n:]
	return b
}

func (r *docReader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	var s string
	if r.s != "" {
		at := len(r.s) - len(r.b) // r.b is what is left of the input
		s = r.s[at : at+n]
	} else {
		s = string(r.b[:n])
	}
	r.b = r.b[n:]
	return s
}

func (r *docReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

// decodeDoc decodes one document encoded by appendDoc.
func decodeDoc(b []byte) (*Document, error) {
	r := docReader{b: b}
	d := &Document{}
	readMeta(&r, d)
	readBody(&r, d)
	if r.err != nil || len(r.b) != 0 {
		return nil, errCorrupt
	}
	return d, nil
}

// decodeMeta decodes a document's list metadata (appendMeta): a document
// without its body.
func decodeMeta(b []byte) (*Document, error) { return decodeMetaText(b, string(b)) }

// decodeMetaText is decodeMeta given b as a string too (the same bytes),
// whose slices the document's strings are.
func decodeMetaText(b []byte, text string) (*Document, error) {
	r := docReader{b: b, s: text}
	d := &Document{}
	readMeta(&r, d)
	if r.err != nil || len(r.b) != 0 {
		return nil, errCorrupt
	}
	return d, nil
}

// decodeBody decodes a body (appendBody) into d, which is left as it was
// when the bytes are damaged. It takes b over: the body's strings are
// slices of b itself, which the caller (the cache, reading it fresh from
// its file) never writes or uses again. A string copy of b, as
// stringReader makes, held a second copy of the body until the first
// was collected: on one 16 MiB sentence read back from the cache that
// was 16 MB more live at the peak of compare --all.
func decodeBody(b []byte, d *Document) error {
	if len(b) == 0 {
		return errCorrupt
	}
	r := docReader{b: b, s: unsafe.String(&b[0], len(b))}
	var body Document
	readBody(&r, &body)
	if r.err != nil || len(r.b) != 0 {
		return errCorrupt
	}
	d.Sections, d.Matter = body.Sections, body.Matter
	return nil
}

func readMeta(r *docReader, d *Document) {
	for _, f := range []*string{&d.File, &d.Title, &d.Subtitle, &d.Outlet, &d.Author, &d.Published, &d.URL, &d.Kind} {
		*f = r.str()
	}
	d.Authors = r.strs()
	d.Editorial = r.strs()
	d.Words = r.int()
	d.Notes = r.strs()
}

func readBody(r *docReader, d *Document) {
	if n := r.count(); n > 0 {
		d.Sections = make([]Section, n)
	}
	for i := range d.Sections {
		s := &d.Sections[i]
		s.Heading = r.str()
		s.Level = r.int()
		if n := r.count(); n > 0 {
			s.Blocks = make([]Block, n)
		}
		for j := range s.Blocks {
			decodeBlock(r, &s.Blocks[j])
		}
	}
	if n := r.count(); n > 0 {
		d.Matter = make([]Matter, n)
	}
	for i := range d.Matter {
		d.Matter[i] = Matter{Kind: r.str(), Text: r.str()}
	}
}

func decodeBlock(r *docReader, bl *Block) {
	bl.Kind = BlockKind(r.str())
	bl.Text = r.str()
	if n := r.count(); n > 0 {
		bl.Emphasis = make([]Span, n)
	}
	for k := range bl.Emphasis {
		start, end := r.span(len(bl.Text))
		bl.Emphasis[k] = Span{Start: start, End: end}
	}
	if n := r.count(); n > 0 {
		bl.Sentences = make([]Sentence, n)
	}
	for k := range bl.Sentences {
		start, end := r.span(len(bl.Text))
		bl.Sentences[k] = Sentence{Text: bl.Text[start:end], Start: start, End: end}
	}
	if n := r.count(); n > 0 {
		bl.Rows = make([][]string, n)
	}
	for k := range bl.Rows {
		bl.Rows[k] = r.strs()
	}
}

// span reads a byte range inside a text of n bytes; a range outside it is
// damage, and reads as empty so nothing slices past the text.
func (r *docReader) span(n int) (start, end int) {
	start, end = r.int(), r.int()
	if r.err != nil || start < 0 || end < start || end > n {
		r.fail()
		return 0, 0
	}
	return start, end
}
