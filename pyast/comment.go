package pyast

import (
	"strings"
	"unicode/utf8"
)

// checkComment returns ErrInvalidComment if text could break out of a
// comment line: Python ends a comment at \n or \r, and refuses a file
// holding NUL or invalid UTF-8. Editors also break lines at \v, \f, U+0085,
// U+2028 and U+2029, so those are refused too, to keep what a reader sees
// equal to what Python runs.
func checkComment(text string) error {
	if !utf8.ValidString(text) || strings.ContainsAny(text, commentBreakers) {
		return ErrInvalidComment
	}
	return nil
}

// commentBreakers are the characters a comment line must not hold.
const commentBreakers = "\n\r\x00\v\f\u0085\u2028\u2029"

// CommentLines splits text into lines that are safe as [Comment] text or
// comment lines of a [FunctionDef] or [Module]: it breaks at \r\n, \n, \r,
// \v, \f, U+0085, U+2028 and U+2029, and replaces NUL and each invalid
// UTF-8 byte with U+FFFD. Empty text gives one empty line.
func CommentLines(text string) []string {
	var lines []string
	var cur strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\r' && strings.HasPrefix(text[i:], "\r\n"):
			size = 2
			fallthrough
		case r != 0 && strings.ContainsRune(commentBreakers, r):
			lines = append(lines, cur.String())
			cur.Reset()
		case r == 0 || r == utf8.RuneError && size == 1:
			cur.WriteRune(utf8.RuneError)
		default:
			cur.WriteString(text[i : i+size])
		}
		i += size
	}
	return append(lines, cur.String())
}
