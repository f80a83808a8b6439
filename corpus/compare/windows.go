package compare

import (
	"slices"
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
func onlyWindows(d *corpus.Document) bool { return windowedBytes(d) > 0 }

// windowedBytes is the text of a document of windows alone, or 0 for
// any other document.
func windowedBytes(d *corpus.Document) int {
	n := 0
	for _, br := range d.Blocks() {
		for _, s := range br.Block.Sentences {
			if len(s.Text) <= maxSentence {
				return 0
			}
			n += len(s.Text)
		}
	}
	return n
}

// analyseWindows is analyseDoc for a document of windows alone. A window
// has no phrases, so each of its terms is a word or compound, kept once
// with its frequency as it is met: these postings (8 bytes a distinct
// word of a window) become the forward index once windowTerms gives them
// their term ids, with nothing copied. Keeping every word's id instead
// (4 bytes a word) until the postings were made held both at once:
// indexing one 16 MiB sentence held 12 MB of ids beside 11 MB of
// postings.
func analyseWindows(an *analyzer, d *corpus.Document) analysed {
	out := analysed{an: an, windowed: true}
	total, done := windowedBytes(d), 0
	var at []int32 // by key id: its place in posts + 1
	forUnits(d, func(_, _ int, text string, _, _ int, window bool) {
		first := int32(len(out.posts))
		n := int32(0)
		an.scan(text, func(id int32, _, _ int, _ bool) {
			n++
			for int(id) >= len(at) {
				at = append(at, 0)
			}
			if p := at[id] - 1; p >= first {
				out.posts[p].tf++
				return
			}
			at[id] = int32(len(out.posts)) + 1
			out.posts = growPosts(out.posts, done, total)
			out.posts = append(out.posts, posting{id, 1})
		})
		done += len(text)
		out.lens = append(out.lens, n)
		out.endUnit(len(out.posts), text, window)
	})
	if spare := cap(out.posts) - len(out.posts); spare > len(out.posts)/16 {
		// The room growPosts left is held as long as the index, whose
		// postings these become (index_place.go). A copy costs the
		// array twice over, and both documents of a pair are analysed
		// at once: the process peaked there, its heap past the soft
		// limit, when each copied 5.3 MB from 6 MB. growPosts leaves
		// little room, so few need one.
		out.posts = slices.Clone(out.posts)
	}
	return out
}

// growPosts makes room for one more posting of a document of windows,
// done bytes of its total analysed. Once a sixteenth of the text is
// done, a full slice grows to what the rest of the text should need at
// the same rate, and 1% more, rather than by a quarter each time:
// the last growths of a slice as large as the text's postings held the
// old and new arrays at once (22 MB of the 11 MB a 16 MiB sentence
// needs) and left up to a quarter of it unused.
func growPosts(posts []posting, done, total int) []posting {
	if len(posts) < cap(posts) || done < total/16 || done == 0 {
		return posts
	}
	want := int(float64(len(posts)) * float64(total) / float64(done) * 1.01)
	if want <= len(posts)+len(posts)/8 {
		return posts // short of the estimate: append grows it as usual
	}
	return slices.Grow(posts, want-len(posts))
}

// windowTerms is sentenceTerms for a document of windows alone: its
// postings, with term ids for key ids, in place.
func windowTerms(a analysed, tids []int32) docTerms {
	for i := range a.posts {
		a.posts[i].sent = tids[a.posts[i].sent]
	}
	return docTerms{posts: a.posts, ends: a.ends}
}
