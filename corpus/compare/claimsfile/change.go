package claimsfile

import (
	"errors"
	"reflect"
	"time"

	"parley/corpus/atomicfile"
)

// Change is what one edit did to the file, claim by claim: Before holds
// the entries it replaced or removed, After the entries it wrote. Undoing
// it puts Before back in place of After. Kept per claim rather than as a
// whole file, so that an edit or an undo never reverts what another
// parley wrote to the same file meanwhile.
type Change struct {
	Before, After []Claim
}

// lockWait is how long an edit waits for another process's edit.
const lockWait = 2 * time.Second

// Edit applies edit to the file as it is on disk now (another parley may
// have changed it), writes the result at once and makes it the layer's.
// It returns what changed, for Undo. A broken file is never written.
func (l *Layer) Edit(edit func(f *File)) (Change, error) {
	var ch Change
	err := l.update(func(f *File) {
		before := f.Clone()
		edit(f)
		ch = diff(before, f)
	})
	return ch, err
}

// Undo puts back what ch replaced.
func (l *Layer) Undo(ch Change) error {
	return l.update(func(f *File) {
		for _, c := range ch.After {
			f.Delete(c.Label)
		}
		for _, c := range ch.Before {
			if i := f.Find(c.Label); i >= 0 {
				f.Claims[i] = c
			} else {
				f.Claims = append(f.Claims, c)
			}
		}
	})
}

// update reads the file under its lock, changes it and writes it.
func (l *Layer) update(change func(f *File)) error {
	if l.User == nil {
		return errors.New("the claims file is broken; parley does not write over it")
	}
	unlock, err := atomicfile.Lock(l.Loc.Path, lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	f, err := Read(l.Loc.Path)
	if err != nil {
		return err
	}
	f = f.Clone()
	change(f)
	if err := Write(l.Loc.Path, f); err != nil {
		return err
	}
	l.User = f
	return nil
}

// diff lists the entries of a that b changed or removed (Before) and the
// entries of b that are new or changed (After), by label.
func diff(a, b *File) Change {
	var ch Change
	for _, c := range a.Claims {
		if j := b.Find(c.Label); j < 0 || !reflect.DeepEqual(c, b.Claims[j]) {
			ch.Before = append(ch.Before, c)
		}
	}
	for _, c := range b.Claims {
		if i := a.Find(c.Label); i < 0 || !reflect.DeepEqual(c, a.Claims[i]) {
			ch.After = append(ch.After, c)
		}
	}
	return ch
}

// Empty says whether the change changed nothing.
func (ch Change) Empty() bool { return len(ch.Before) == 0 && len(ch.After) == 0 }
