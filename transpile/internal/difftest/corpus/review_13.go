package corpus

import "fmt"

var _ = reg(RevPtrStringPromoted)

type rVO2 struct {
	RPInner
	N int
}

func RevPtrStringPromoted(n int) string {
	v := rVO2{RPInner{n}, 100}
	return fmt.Sprint(&v)
}
