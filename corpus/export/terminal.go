package export

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// TerminalWidth is the width of w when it is a terminal, or 0: output to
// a pipe or a file is not wrapped, and list's titles are not cut.
func TerminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil {
		return 0
	}
	return width
}
