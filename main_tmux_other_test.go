//go:build !unix

package main

// The tmux end-to-end tests build on Unix only (main_tmux_test.go). Here
// TestMain has no tmux tests to overlap and no binaries of theirs to
// remove.

func overlapEndToEnd()    {}
func removeParleyBuilds() {}
