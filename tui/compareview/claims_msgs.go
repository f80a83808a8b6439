package compareview

import "parley/corpus/compare/claimsfile"

// The messages of a change of the user's claims: the panes and the reader
// ask the root for it, and the root tells the panes once it is written.

// ClaimsEditMsg asks the root to change the user's claims: Edit changes
// the file, What says it on the status line ("kept in “Venue”"), and
// Label is the claim to show afterwards.
type ClaimsEditMsg struct {
	Edit  func(f *claimsfile.File)
	What  string
	Label string
}

// ClaimsUndoMsg asks the root to undo the last change (u).
type ClaimsUndoMsg struct{}

// ClaimsChangedMsg tells the compare view and the claims index that the
// curated layer changed, and which claim the change was about.
type ClaimsChangedMsg struct {
	Label  string
	Failed bool // nothing changed: the edit or undo failed, or there was none
}
