package corpus

import "fmt"

var _ = reg(RevIfaceFmt)

type rCoded interface {
	Error() string
	Code() int
}

type rCodeErr struct{ C int }

func (e rCodeErr) Error() string { return fmt.Sprint("code ", e.C) }
func (e rCodeErr) Code() int     { return e.C }

func RevIfaceFmt(n int) string {
	var e rCoded = rCodeErr{n}
	return fmt.Sprint(e) + fmt.Sprintf("|%v|%d", e, e.Code())
}
