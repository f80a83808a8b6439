package search

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"time"
	"unsafe"

	"parley/corpus"
	"parley/corpus/mapfile"
)

// The search index kept on disk, one file per folder opened, beside the
// document cache and bounded with it. It holds every target of the
// folder's documents (text and folded text, kind, place) by file, keyed
// by each file's path, size and modification time, so that a search
// over an unchanged folder reads one file instead of decoding every
// document and building the index again. A changed or added file is
// loaded alone (through the document cache) and the file written anew.
//
// Layout (little-endian): a prelude (storeMagic, format, counts and
// section lengths), the meta section (parley's version, the folder, and
// per file its name, size, time and number of targets), the targets'
// fixed-size records, their letter masks (prefilter.go), the text arena, the folded arena (a target's
// folded text at the same offset as its text, never longer), and a
// trailer of CRC-32 checksums, one per storeChunk bytes of all that
// precedes it, so that checking a large file uses every core.

const (
	storeMagic   = "parley-search\n"
	storeFormat  = 2
	storeChunk   = 8 << 20
	preludeLen   = len(storeMagic) + 4 + 4 + 8 + 8 + 8
	recordLen    = 32
	storeTrailer = "end\n"
)

// crcTable is the checksums' polynomial: IEEE's, which Go computes
// with carry-less multiplication, three to four times faster here than
// Castagnoli's with the CRC32 instruction (458 MB: 29-37 ms against
// 116-123 ms on one core), and the check reads the whole index file on
// every search.
var crcTable = crc32.IEEETable

var errStore = errors.New("search index damaged")

// storedFile is one file's entry in the stored index.
type storedFile struct {
	nameAt, nameLen int // its path under the folder, in the file's data
	size, mtime     int64
	first, n        int // its targets' records
}

// storeFile is an opened index file: its bytes, and its sections.
type storeFile struct {
	data          []byte
	release       func()
	files         []storedFile // in the order written, the listing's
	records       []byte
	masks         []byte // each target's letterMask, 8 bytes
	text, folded  []byte
	nTargets      int
	root, version string
	// order is the entries of the files loaded this run, in corpus order.
	order []storedFile
}

// storePath is where the index of the folder root (absolute) lives.
func storePath(cache *corpus.Cache, root string) string {
	h := sha256.Sum256([]byte(root))
	return filepath.Join(cache.Dir, "search-"+hex.EncodeToString(h[:12]))
}

// openStore maps and checks the index file at path; a missing, foreign
// or damaged file is an error, and is then rebuilt. Unless keep is set,
// the checked pages go back to the page cache (see checkChunks); a
// search that scans the index at once keeps them, as the scan would only
// fault most of them in again: at forty times the BBC folder, the second
// `parley search` used 0.60 s of CPU in place of 0.64 s (medians of eight
// runs each, alternating, at a load average of 7; 3aae136), at 597 MiB
// rather than 530 MiB at the peak (3.1 times the text; later cuts
// brought the second search back to 533 MiB).
func openStore(path, version, root string, keep bool) (*storeFile, error) {
	data, release, err := mapfile.Map(path)
	if err != nil {
		return nil, err
	}
	s, err := parseStore(data, version, root, keep)
	if err != nil {
		release()
		return nil, err
	}
	s.release = release
	// Touched on use, so pruning drops the folders opened longest ago.
	now := time.Now()
	_ = os.Chtimes(path, now, now)
	return s, nil
}

// parseStore checks data's checksums and framing and finds its sections.
func parseStore(data []byte, version, root string, keep bool) (*storeFile, error) {
	if len(data) < preludeLen || string(data[:len(storeMagic)]) != storeMagic {
		return nil, errStore
	}
	p := data[len(storeMagic):]
	format, nFiles := binary.LittleEndian.Uint32(p), binary.LittleEndian.Uint32(p[4:])
	nTargets, metaLen, arenaLen := binary.LittleEndian.Uint64(p[8:]), binary.LittleEndian.Uint64(p[16:]), binary.LittleEndian.Uint64(p[24:])
	if format != storeFormat || nTargets > uint64(len(data))/recordLen || metaLen > uint64(len(data)) || arenaLen > uint64(len(data)) {
		return nil, errStore
	}
	body := uint64(preludeLen) + metaLen + nTargets*(recordLen+8) + 2*arenaLen
	chunks := (body + storeChunk - 1) / storeChunk
	if uint64(len(data)) != body+4*chunks+4+uint64(len(storeTrailer)) ||
		string(data[len(data)-len(storeTrailer):]) != storeTrailer ||
		uint64(binary.LittleEndian.Uint32(data[body+4*chunks:])) != chunks ||
		!checkChunks(data[:body], data[body:body+4*chunks], keep) {
		return nil, errStore
	}
	s := &storeFile{data: data, nTargets: int(nTargets)}
	m := &metaReader{b: data[preludeLen : uint64(preludeLen)+metaLen]}
	s.version, s.root = m.str(), m.str()
	if m.bad || s.version != version || s.root != root || uint64(nFiles) > metaLen {
		return nil, errStore
	}
	s.files = make([]storedFile, nFiles)
	first := 0
	for k := range s.files {
		f := &s.files[k]
		f.nameLen = int(m.uvarint())
		f.nameAt = preludeLen + int(metaLen) - len(m.b)
		m.skip(f.nameLen)
		f.size, f.mtime, f.first, f.n = m.varint(), m.varint(), first, int(m.uvarint())
		first += f.n
		if m.bad || first > s.nTargets {
			return nil, errStore
		}
	}
	if m.bad || len(m.b) != 0 || first != s.nTargets {
		return nil, errStore
	}
	at := uint64(preludeLen) + metaLen
	s.records = data[at : at+nTargets*recordLen]
	at += nTargets * recordLen
	s.masks = data[at : at+nTargets*8]
	at += nTargets * 8
	s.text, s.folded = data[at:at+arenaLen], data[at+arenaLen:at+2*arenaLen]
	for b := s.records; len(b) >= recordLen; b = b[recordLen:] {
		off, textLen, foldedLen := binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint32(b[8:]), binary.LittleEndian.Uint32(b[12:])
		if off > arenaLen || uint64(textLen) > arenaLen-off || foldedLen > textLen {
			return nil, errStore
		}
	}
	if !keep {
		mapfile.Drop(s.text)
	}
	return s, nil
}

// match pairs the listed files with the stored ones: match[k] is the
// entry of files[k], or -1. Both are in path order (the index is written
// in the listing's order), so one pass in step finds them; an entry gone
// or a file added only puts one side a step ahead.
func (s *storeFile) match(files []corpus.ListedFile) []int32 {
	out := make([]int32, len(files))
	k := 0
	for i := range files {
		out[i] = -1
		rel := files[i].Rel
		for k < len(s.files) {
			f := &s.files[k]
			name := s.data[f.nameAt : f.nameAt+f.nameLen]
			if string(name) == rel {
				out[i] = int32(k)
				k++
				break
			}
			if string(name) > rel {
				break // a file the index does not have
			}
			k++ // an entry whose file is gone
		}
	}
	return out
}

// checkChunks checks each storeChunk bytes of body against its CRC-32
// in sums, on every core.
func checkChunks(body, sums []byte, keep bool) bool {
	n := len(sums) / 4
	bad := make([]bool, n)
	_ = parallel(context.Background(), n, func(i int) {
		chunk := body[i*storeChunk : min((i+1)*storeChunk, len(body))]
		bad[i] = crc32.Checksum(chunk, crcTable) != binary.LittleEndian.Uint32(sums[4*i:])
		// Checked, its pages go back to the page cache until a search
		// reads them: the interface's peak at forty times the BBC folder
		// held the whole 472 MB file at once otherwise.
		if !keep {
			mapfile.Drop(chunk)
		}
	})
	for _, b := range bad {
		if b {
			return false
		}
	}
	return true
}

// mask is stored target i's letter mask.
func (s *storeFile) mask(i int) uint64 { return binary.LittleEndian.Uint64(s.masks[8*i:]) }

// cannotRank reports whether stored target i scores below bar whatever
// its text, from its folded length and camel flag (see bestPossible); a
// target with accents is always looked at.
func (s *storeFile) cannotRank(i int, terms []term, bar int64) bool {
	b := s.records[i*recordLen : (i+1)*recordLen]
	if b[29]&2 != 0 {
		return false
	}
	best, ok := bestPossible(terms, int(binary.LittleEndian.Uint32(b[12:])), b[29]&1 != 0)
	return ok && int64(best) < bar
}

// record is one target as stored.
type record struct {
	off                uint64
	textLen, foldedLen uint32
	block, sent, runes int32
	kind               Kind
	camel, accent      bool
	byline             uint8
}

func (s *storeFile) record(i int) record {
	b := s.records[i*recordLen : (i+1)*recordLen]
	return record{
		off: binary.LittleEndian.Uint64(b), textLen: binary.LittleEndian.Uint32(b[8:]), foldedLen: binary.LittleEndian.Uint32(b[12:]),
		block: int32(binary.LittleEndian.Uint32(b[16:])), sent: int32(binary.LittleEndian.Uint32(b[20:])), runes: int32(binary.LittleEndian.Uint32(b[24:])),
		kind: Kind(b[28]), camel: b[29]&1 != 0, accent: b[29]&2 != 0, byline: b[30],
	}
}

func appendRecord(b []byte, r record) []byte {
	b = binary.LittleEndian.AppendUint64(b, r.off)
	b = binary.LittleEndian.AppendUint32(b, r.textLen)
	b = binary.LittleEndian.AppendUint32(b, r.foldedLen)
	b = binary.LittleEndian.AppendUint32(b, uint32(r.block))
	b = binary.LittleEndian.AppendUint32(b, uint32(r.sent))
	b = binary.LittleEndian.AppendUint32(b, uint32(r.runes))
	var flags byte
	if r.camel {
		flags |= 1
	}
	if r.accent {
		flags |= 2
	}
	return append(b, byte(r.kind), flags, r.byline, 0)
}

// fill sets *t to stored target i as the index holds it, for document
// doc, field by field (a search makes every target this way; building a
// whole one to copy cost more). Its strings are the mapped file's bytes,
// which are never written while mapped (a new index file is renamed over
// the old one, whose mapping stays whole) and never unmapped while the
// index is in use.
func (s *storeFile) fill(i int, doc int32, t *target) {
	b := s.records[i*recordLen : (i+1)*recordLen]
	off := binary.LittleEndian.Uint64(b)
	t.text = bytesString(s.text[off : off+uint64(binary.LittleEndian.Uint32(b[8:]))])
	t.folded = bytesString(s.folded[off : off+uint64(binary.LittleEndian.Uint32(b[12:]))])
	t.doc = doc
	t.block, t.sent = int32(binary.LittleEndian.Uint32(b[16:])), int32(binary.LittleEndian.Uint32(b[20:]))
	t.runes, t.kind = int32(binary.LittleEndian.Uint32(b[24:])), Kind(b[28])
	t.camel, t.accent, t.byline = b[29]&1 != 0, b[29]&2 != 0, b[30]
	t.plain = t.text
	if t.accent {
		t.plain = plain(t.text)
	}
}

func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// metaReader reads the meta section's varints and strings; any overrun
// sets bad.
type metaReader struct {
	b   []byte
	bad bool
}

func (m *metaReader) uvarint() uint64 {
	v, n := binary.Uvarint(m.b)
	if n <= 0 {
		m.bad = true
		return 0
	}
	m.b = m.b[n:]
	return v
}

func (m *metaReader) varint() int64 {
	v, n := binary.Varint(m.b)
	if n <= 0 {
		m.bad = true
		return 0
	}
	m.b = m.b[n:]
	return v
}

// skip passes over n bytes.
func (m *metaReader) skip(n int) {
	if m.bad || n < 0 || n > len(m.b) {
		m.bad = true
		return
	}
	m.b = m.b[n:]
}

func (m *metaReader) str() string {
	n := m.uvarint()
	if m.bad || n > uint64(len(m.b)) {
		m.bad = true
		return ""
	}
	s := string(m.b[:n])
	m.b = m.b[n:]
	return s
}
