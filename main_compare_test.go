package main

import (
	"strings"
	"testing"
)

// Bad flags and empty text are refused with a message, before anything
// is loaded.
func TestCompareRefusesBadInput(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "--json", "--markdown", "border"}, "choose one"},
		{[]string{"claims", "--json", "--markdown"}, "choose one"},
		{[]string{"compare", "--top", "0", "border"}, "--top"},
		{[]string{"compare", "--top", "-3", "border"}, "--top"},
		{[]string{"compare", "   "}, "needs a sentence"},
		{[]string{"compare"}, "compare needs TEXT"},
		{[]string{"show"}, "show needs DOC"},
		{[]string{"search"}, "search needs QUERY"},
	} {
		out, _, err := run(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err %v, want one saying %q", tc.args, err, tc.want)
		}
		if out != "" {
			t.Errorf("%v wrote output: %q", tc.args, out)
		}
	}
}
