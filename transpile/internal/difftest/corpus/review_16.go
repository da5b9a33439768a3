package corpus

import "fmt"

var _ = reg(RevLocalTypesZero)

func rLocalZA() string {
	type P struct{ A int }
	var p P
	return fmt.Sprintf("%v", p)
}

func rLocalZB() string {
	type P struct{ A string }
	var p P
	return fmt.Sprintf("%v", p)
}

func RevLocalTypesZero(n int) []string {
	return []string{rLocalZA(), rLocalZB()}
}
