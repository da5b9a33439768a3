package pyast

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCommentLines(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", []string{""}},
		{"one", []string{"one"}},
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\rc", []string{"a", "b", "c"}},
		{"a\n", []string{"a", ""}},
		{"a\u2028b\u2029c\u0085d\ve\ff", []string{"a", "b", "c", "d", "e", "f"}},
		{"nul\x00 bad\xff ok é", []string{"nul\ufffd bad\ufffd ok é"}},
	}
	for _, tt := range tests {
		got := CommentLines(tt.text)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("CommentLines(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
		for _, line := range got {
			if err := checkComment(line); err != nil {
				t.Errorf("CommentLines(%q) gave %q, which Comment refuses", tt.text, line)
			}
		}
	}
}

// TestCommentCannotBreakOut prints comments built from hostile text and
// has CPython confirm the file holds nothing but the comments.
func TestCommentCannotBreakOut(t *testing.T) {
	t.Parallel()
	hostile := "x = 1\r\nimport os\rprint('pwned')\u2028del x\x00\xff"
	var body []Stmt
	for _, line := range CommentLines(hostile) {
		body = append(body, &Comment{Text: line})
	}
	m := &Module{Comments: CommentLines(hostile), Body: append(body, &FunctionDef{Comments: CommentLines(hostile), Name: "f"})}
	src, err := Print(m)
	if err != nil {
		t.Fatal(err)
	}
	if r := cpythonCheck(t, []string{string(src)}, []string{Dump(m)})[0]; r != "" {
		t.Errorf("Print(comments) =\n%s\n%s", src, r)
	}
}
