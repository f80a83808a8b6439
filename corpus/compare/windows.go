package compare

import (
	"unicode/utf8"

	"parley/corpus"
)

// An over-long sentence (a file with no full stops, a table flattened to
// one line) is indexed as windows of at most window bytes, each a unit
// of the index as a sentence is, all at the sentence's location. Every
// cost of the engine then grows with the text, not with the square of a
// sentence's length: a unit's terms, its facts and what is shown of it
// are all bounded. Windows are not indexed for two-word phrases, which
// would double the index of a text that is one sentence for want of
// full stops. A query longer than maxSentence is compared by its first
// window.
//
// maxSentence is well above the longest sentence of the seeds and the
// BBC folder (about 1,000 bytes), so ordinary prose is never cut; window
// is about a long sentence's length (some 80 words).
const (
	maxSentence = 2048
	window      = 512
)

// forWindows calls fn with the byte range of each window of text: the
// whole text when it fits in one, else stretches cut at the last space before
// the bound (or at a character boundary when a stretch has none).
func forWindows(text string, fn func(lo, hi int)) {
	for lo := 0; ; {
		if len(text)-lo <= window {
			fn(lo, len(text))
			return
		}
		hi := lo + window
		cut := hi
		for cut > lo && text[cut] != ' ' {
			cut--
		}
		if cut == lo {
			cut = hi
			for cut > lo && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		fn(lo, cut)
		lo = cut
		for lo < len(text) && text[lo] == ' ' {
			lo++
		}
		if lo == len(text) {
			return
		}
	}
}

// firstWindow is text up to its first window's end.
func firstWindow(text string) string {
	if len(text) <= maxSentence {
		return text
	}
	end := len(text)
	stopped := false
	forWindows(text, func(_, hi int) {
		if !stopped {
			end, stopped = hi, true
		}
	})
	return text[:end]
}

// forUnits calls fn for each unit of document d in index order: each
// sentence, or each window of an over-long one (window true, lo and hi
// the window's bytes in the sentence).
func forUnits(d *corpus.Document, fn func(block, sent int, text string, lo, hi int, window bool)) {
	for _, br := range d.Blocks() {
		for si, s := range br.Block.Sentences {
			if len(s.Text) <= maxSentence {
				fn(br.Index, si, s.Text, 0, len(s.Text), false)
				continue
			}
			forWindows(s.Text, func(lo, hi int) {
				fn(br.Index, si, s.Text[lo:hi], lo, hi, true)
			})
		}
	}
}

// onlyWindows reports whether every unit of a document is a window (a
// file with no full stop, or a few over-long sentences and nothing else).
func onlyWindows(a analysed) bool {
	for _, w := range a.win {
		if !w {
			return false
		}
	}
	return len(a.win) > 0
}

// windowTerms is sentenceTerms for a document of windows alone. A window
// has no phrases, so each of its terms is a word, whose id is final
// already: it is kept as the forward index's posting (8 bytes) rather
// than an entry (16), and fillForward takes the slice as it is. Indexing
// one 16 MB sentence held 31 MB of entries besides the text; the
// postings, in the order and with the frequencies sentenceTerms gives,
// hold half.
func windowTerms(a analysed, tids []int32) docTerms {
	out := docTerms{posts: make([]posting, 0, termRoom(a)), ends: make([]int32, len(a.ends))}
	at := make([]int32, len(a.an.keys)) // by key id: its place in posts + 1
	start := int32(0)
	for si, end := range a.ends {
		first := int32(len(out.posts))
		for _, local := range a.ids[start:end] {
			if p := at[local] - 1; p >= first {
				out.posts[p].tf++
				continue
			}
			at[local] = int32(len(out.posts)) + 1
			out.posts = append(out.posts, posting{tids[local], 1})
		}
		out.ends[si] = int32(len(out.posts))
		start = end
	}
	return out
}
