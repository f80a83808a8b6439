package common

// ScrollIntoView is the first row to show so that row sel is among the
// rows shown, rows at a time out of total, moving top as little as it
// can: every list (documents, hits, claims, stories, the outline, the
// claim picker) scrolls so.
func ScrollIntoView(sel, top, rows, total int) int {
	rows = max(rows, 1)
	if sel < top {
		top = sel
	}
	if sel >= top+rows {
		top = sel - rows + 1
	}
	return max(min(top, total-rows), 0)
}
