// Package formats reads the file formats people keep their sources in
// (web pages, PDF reports, EPUB books) into one plain intermediate: the
// metadata a file states and its text as typed blocks. It knows nothing of
// parley's documents; the corpus package cleans and parses what it returns
// exactly as it does text files, so no byte of a file reaches the terminal
// unclean.
package formats

import (
	"errors"
	"fmt"
	"time"
)

// Kind says what a block of extracted text is.
type Kind uint8

const (
	Paragraph Kind = iota
	Heading        // Level 1–6
	ListItem
	Quote
	Caption
	Table // Rows holds the cells
	Pre   // preformatted: line breaks and spacing are kept
)

// Block is one piece of extracted text. Text is raw (not yet cleaned);
// for Table it is empty and Rows holds the cells.
type Block struct {
	Kind  Kind
	Level int
	Text  string
	Rows  [][]string
}

// Doc is what a reader extracted from one file. Strings are raw: the
// corpus package cleans every one. Either Blocks or Text is set: Text is
// plain text for the text parser (PDF), Blocks are already structured
// (web pages, EPUB).
type Doc struct {
	Title, Subtitle, Outlet, URL string
	Authors                      []string
	Published                    string // as the file states it; ISO when the file uses it
	Blocks                       []Block
	Text                         string
	// Matter is front matter the reader found beside the article, such as
	// a byline or a dateline, in reading order.
	Matter []string
	Notes  []string
}

// ErrUnreadable marks a file whose format was recognised but that could
// not be read: broken, truncated, encrypted, scanned, or over a cap.
var ErrUnreadable = errors.New("unreadable")

// Budget is the most time one file may take to extract. A reader that
// runs over it is abandoned and the file reported, so that a malformed
// file can never stall a folder.
var Budget = 20 * time.Second

// guard runs one reader with a time budget and turns a panic inside it
// (some libraries panic on malformed input) into an error.
func guard(kind string, read func() (*Doc, error)) (*Doc, error) {
	type result struct {
		doc *Doc
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{nil, fmt.Errorf("%w: malformed %s (%v)", ErrUnreadable, kind, r)}
			}
		}()
		d, err := read()
		done <- result{d, err}
	}()
	timer := time.NewTimer(Budget)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.doc, r.err
	case <-timer.C:
		return nil, fmt.Errorf("%w: reading this %s took over %v; skipped", ErrUnreadable, kind, Budget)
	}
}

// unreadable wraps a reason in ErrUnreadable.
func unreadable(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrUnreadable}, args...)...)
}
