//go:build unix

package main

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// tmuxControl is one tmux client in control mode (tmux -C), through which
// a session's commands go: a poll of the screen is a line written and a
// reply read, where a tmux process per command cost about 4 ms of
// processor, and the tests run over a thousand of them.
//
// Each command is one line; tmux answers each in order with its output
// between "%begin" and "%end" (or "%error") lines. Lines outside those
// blocks are notifications, which are skipped.
type tmuxControl struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines chan string // the client's output, closed when it ends
}

// attachControl attaches a control client to the server's session
// "main". It neither sizes the window (ignore-size) nor receives what the
// program draws (no-output). If it cannot attach, it ends, and the first
// command says so.
func attachControl(socket string) (*tmuxControl, error) {
	cmd := exec.Command("tmux", "-S", socket, "-C", "attach-session", "-t", "main", "-f", "ignore-size,no-output")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	c := &tmuxControl{cmd: cmd, in: in, lines: make(chan string, 64)}
	go func() {
		defer close(c.lines)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if line != "" {
				c.lines <- strings.TrimSuffix(line, "\n")
			}
			if err != nil {
				return
			}
		}
	}()
	return c, nil
}

// run sends one command and returns its output, one "\n" after each line
// as the tmux command prints it.
func (c *tmuxControl) run(args ...string) (string, error) {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = controlQuote(a)
	}
	if _, err := io.WriteString(c.in, strings.Join(quoted, " ")+"\n"); err != nil {
		return "", err
	}
	return c.reply()
}

// reply reads the reply to the client's next command.
func (c *tmuxControl) reply() (string, error) {
	timeout := time.After(waitTimeout)
	for {
		out, ours, err := c.block(timeout)
		if err != nil || ours {
			return out, err
		}
	}
}

// block reads the next reply, skipping notifications, and says whether
// it answers a command of this client: "%begin time number flags" has
// flags 1 then (the attach's own reply, flags 0, can come after the
// first of those). It ends with "%end" or "%error" and the same time and
// number.
func (c *tmuxControl) block(timeout <-chan time.Time) (out string, ours bool, err error) {
	next := func() (string, error) {
		select {
		case line, ok := <-c.lines:
			if !ok {
				return "", fmt.Errorf("the control client ended")
			}
			return line, nil
		case <-timeout:
			return "", fmt.Errorf("no reply from tmux in %v", waitTimeout)
		}
	}
	line, err := next()
	for err == nil && !strings.HasPrefix(line, "%begin ") {
		line, err = next()
	}
	if err != nil {
		return "", false, err
	}
	f := strings.Fields(line)
	if len(f) < 4 {
		return "", false, fmt.Errorf("tmux wrote %q", line)
	}
	id, ours := f[1]+" "+f[2], f[3] == "1"
	var b strings.Builder
	for {
		line, err := next()
		if err != nil {
			return "", ours, err
		}
		if end, ok := strings.CutPrefix(line, "%end "); ok && strings.HasPrefix(end, id+" ") {
			return b.String(), ours, nil
		}
		if end, ok := strings.CutPrefix(line, "%error "); ok && strings.HasPrefix(end, id+" ") {
			if !ours {
				return "", false, nil
			}
			return "", true, fmt.Errorf("%s", strings.TrimSpace(b.String()))
		}
		b.WriteString(line + "\n")
	}
}

// close detaches the client and waits for it to end.
func (c *tmuxControl) close() {
	c.in.Close()
	for range c.lines {
	}
	_ = c.cmd.Wait()
}

// controlQuote quotes an argument for tmux's command parser: in double
// quotes, with the characters it would read otherwise escaped.
func controlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\', '"', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
