package compareview

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"parley/corpus"
	"parley/tui/common"
)

// paneStatus is the compare view's message on its status line. A path in
// it (the file an export wrote, the folder that refused one) is shortened
// from the left when the line is too narrow, so that the rest of the
// message always shows: "export failed: …/reports not writable".
type paneStatus struct {
	text, path, tail string
	err              bool
}

func (s paneStatus) empty() bool { return s == paneStatus{} }

// exportStatus says where an export went, or in a few words why it could
// not be written: the system's own message names the file again and
// runs past the status line ("permission de…").
func exportStatus(msg compareExportedMsg) paneStatus {
	if msg.err == nil {
		return paneStatus{text: "exported to ", path: corpus.CleanLine(msg.path)}
	}
	dir := corpus.CleanLine(msg.dir)
	failed := func(text, path, tail string) paneStatus {
		return paneStatus{text: "export failed: " + text, path: path, tail: tail, err: true}
	}
	err := msg.err
	switch {
	case errors.Is(err, errNoWorkingDir):
		return failed("", "", errNoWorkingDir.Error())
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return failed("", dir, " not writable")
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return failed("", dir, " does not exist")
	case errors.Is(err, syscall.ENOSPC):
		return failed("no space left in ", dir, "")
	case errors.Is(err, fs.ErrExist):
		return failed("", corpus.CleanLine(msg.path), " exists already")
	}
	// Anything else: the cause, without the path it is about.
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return failed("", dir, ": "+corpus.CleanLine(common.OneLine(err.Error())))
}

// shortenPath fits a path into w cells, keeping its end (the file or
// folder it names) and cutting at a separator where it can.
func shortenPath(path string, w int) string {
	pw := common.StrWidth(path)
	if pw <= w {
		return path
	}
	if w < 2 {
		return "…"
	}
	tail := common.TruncateLeft(path, pw-(w-1), "")
	if i := strings.IndexAny(tail, `/\`); i > 0 && common.StrWidth(tail[:i]) <= max(w/3, 6) && common.StrWidth(tail[i:]) > 4 {
		tail = tail[i:]
	}
	return "…" + tail
}
