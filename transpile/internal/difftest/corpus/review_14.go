package corpus

import "strings"

var _ = reg(RevBuilderReturned)

type rWithB struct {
	B strings.Builder
	N int
}

func rMkB(s string) rWithB {
	var w rWithB
	w.B.WriteString(s)
	return w
}

func RevBuilderReturned(s string) string {
	w := rMkB(s)
	w.B.WriteString("y")
	return w.B.String()
}
