package corpus

import (
	"errors"
	"fmt"
)

var _ = reg(FmtInts, FmtStrings, FmtFloats, FmtSprint, FmtSprintln, FmtSlices, FmtMaps, FmtBools, FmtErrors,
	FmtStruct, FmtStructPtr, FmtStringer, FmtWidth, FmtBytes, FmtNil)

func FmtInts(n int64) string {
	r := rune(n % 0x110000)
	return fmt.Sprintf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%+d|%c|%q|%U", n, n, n, n, n, n, n, n, n, r, r, r)
}
func FmtStrings(s string) string {
	return fmt.Sprintf("%s|%q|%x|% x|%10s|%-10s|%.2s|%v", s, s, s, s, s, s, s, s)
}
func FmtFloats(f float64) string {
	return fmt.Sprintf("%v|%f|%.3f|%e|%g|%G|%8.2f|%+.1e", f, f, f, f, f, f, f, f)
}
func FmtSprint(n int, s string) string { return fmt.Sprint(n, s, n, n, s, s, true, 2.5) }
func FmtSprintln(n int, s string) string {
	return fmt.Sprintln(n, s, 1.0, false)
}
func FmtSlices(xs []int) string       { return fmt.Sprintf("%v %d %x", xs, xs, xs) }
func FmtMaps(m map[string]int) string { return fmt.Sprint(m) + fmt.Sprintf("%v", m) }
func FmtBools(b bool) string          { return fmt.Sprintf("%t %v", b, b) }
func FmtErrors(s string) string {
	err := errors.New(s)
	w := fmt.Errorf("wrapped: %w", err)
	return fmt.Sprintf("%v|%s|%v", err, w, errors.Unwrap(w) == err)
}

type point struct {
	X, Y int
	Name string
}

func FmtStruct(x int, s string) string {
	p := point{x, -x, s}
	return fmt.Sprintf("%v %+v", p, p)
}
func FmtStructPtr(x int) string {
	p := &point{X: x}
	return fmt.Sprintf("%v %+v", p, p)
}

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func FmtStringer(f float64) string {
	c := celsius(f)
	return fmt.Sprintf("%v|%s|%.2f", c, c, c) + fmt.Sprint(c)
}
func FmtWidth(n int, s string) string { return fmt.Sprintf("[%*d][%-*s]", n%20, n, n%20, s) }
func FmtBytes(s string) string        { return fmt.Sprintf("%s %x %v", []byte(s), []byte(s), []byte(s)) }
func FmtNil(m map[string]int, xs []string) string {
	var err error
	return fmt.Sprintf("%v %v %v %d", err, m, xs, len(xs))
}
