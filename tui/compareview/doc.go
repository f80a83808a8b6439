// Package compareview holds the compare view (what every source says on
// one statement, a column per source) and the claims index (the claims of
// the corpus or of a story, with who states each), with the base they share
// for their common keys (compare_base.go), the engine both ask in commands
// (compare_engine.go) and the workbench that keeps, drops and renames the
// user's claims. Both panes keep the pane contract of tui/common and read
// the one shared context; the root in package tui builds them once the
// corpus is loaded, routes their messages and writes the claims file.
package compareview
