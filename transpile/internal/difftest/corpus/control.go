package corpus

import (
	"errors"
	"strconv"
)

var _ = reg(IfElseChain, SwitchTag, SwitchNoTag, SwitchMulti, SwitchDefaultMiddle, SwitchBreak, SwitchInit,
	ForContinuePost, ForWhile, ForInfiniteBreak, RangeInt, NestedLoopBreak, TypeSwitch, TypeSwitchNil,
	SwapAssign, MultiReturn, NamedResults, NamedResultsModified, ShadowScopes, ParallelIndexAssign, Fib,
	Collatz, PanicDivZero, PanicCustom, PanicIndex, RecursiveFact, OpAssignIndex, OpAssignMap, ForRangeString,
	GotoFreeStateMachine, KeywordNames, TypeAssertOk)

func IfElseChain(n int) string {
	if n < 0 {
		return "neg"
	} else if n == 0 {
		return "zero"
	} else if x := n * 2; x > 100 {
		return "big" + strconv.Itoa(x)
	} else {
		return "small"
	}
}
func SwitchTag(s string) int {
	switch s {
	case "a":
		return 1
	case "b", "c":
		return 2
	case "":
		return 3
	}
	return 0
}
func SwitchNoTag(n int) string {
	switch {
	case n > 10:
		return "gt10"
	case n > 0:
		return "pos"
	default:
		return "other"
	}
}
func SwitchMulti(n int8) int {
	r := 0
	switch n % 4 {
	case 0, 1:
		r = 10
	case 2:
		r = 20
	default:
		r = -1
	}
	return r
}
func SwitchDefaultMiddle(n int) string {
	switch n {
	case 1:
		return "one"
	default:
		return "dflt"
	case 2:
		return "two"
	}
}
func SwitchBreak(xs []int) int {
	total := 0
	for _, x := range xs {
		switch {
		case x < 0:
			if x < -100 {
				break
			}
			total -= x
		default:
			total += x
		}
	}
	return total
}
func SwitchInit(s string) string {
	switch n := len(s); {
	case n == 0:
		return "empty"
	case n > 5:
		return "long"
	}
	return "short"
}
func ForContinuePost(n uint8) []int {
	var out []int
	for i := 0; i < int(n%30); i++ {
		if i%3 == 0 {
			continue
		}
		out = append(out, i)
	}
	return out
}
func ForWhile(n int) int {
	steps := 0
	for n > 1 && steps < 1000 {
		n /= 2
		steps++
	}
	return steps
}
func ForInfiniteBreak(s string) int {
	i := 0
	for {
		if i >= len(s) || s[i] == ',' {
			break
		}
		i++
	}
	return i
}
func RangeInt(n int8) int {
	s := 0
	for i := range int(n) {
		s += i
	}
	for range 3 {
		s++
	}
	return s
}
func NestedLoopBreak(xs []int) []int {
	var out []int
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if xs[i]+xs[j] == 10 {
				out = append(out, i, j)
				break
			}
		}
	}
	return out
}
func TypeSwitch(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case bool:
		return "bool " + strconv.FormatBool(x)
	case float64:
		return "float " + strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return "string " + x
	default:
		return "other"
	}
}
func TypeSwitchNil(s string) string {
	var vals []any
	vals = append(vals, s, len(s) > 2, float64(len(s)), nil, []any{s}, map[string]any{s: 1.0})
	out := ""
	for _, v := range vals {
		out += TypeSwitch(v) + ";"
	}
	return out
}
func SwapAssign(a, b int) []int {
	a, b = b, a
	x, y, z := a, b, a+b
	return []int{a, b, x, y, z}
}
func divmod(a, b int) (int, int) { return a / b, a % b }
func MultiReturn(a, b int) []int {
	if b == 0 {
		return nil
	}
	q, r := divmod(a, b)
	return []int{q, r}
}
func split(sum int) (x, y int) {
	x = sum * 4 / 9
	y = sum - x
	return
}
func NamedResults(n int) []int {
	a, b := split(n)
	return []int{a, b}
}
func namedErr(s string) (n int, err error) {
	n, err = strconv.Atoi(s)
	if err != nil {
		err = errors.New("bad number")
		return
	}
	n *= 2
	return n, nil
}
func NamedResultsModified(s string) []any {
	n, err := namedErr(s)
	return []any{n, err}
}
func ShadowScopes(n int) []int {
	x := n
	out := []int{x}
	if x := n * 2; x > 0 {
		out = append(out, x)
		{
			x := x + 1
			out = append(out, x)
		}
	}
	for x := 0; x < 2; x++ {
		out = append(out, x)
	}
	return append(out, x)
}
func ParallelIndexAssign(xs []int) []int {
	ys := append([]int{}, xs...)
	if len(ys) >= 2 {
		ys[0], ys[len(ys)-1] = ys[len(ys)-1], ys[0]
	}
	return ys
}
func Fib(n uint8) uint64 {
	a, b := uint64(0), uint64(1)
	for range int(n % 100) {
		a, b = b, a+b
	}
	return a
}
func Collatz(n uint16) int {
	x := int(n) + 1
	steps := 0
	for x != 1 {
		if x%2 == 0 {
			x /= 2
		} else {
			x = 3*x + 1
		}
		steps++
	}
	return steps
}
func PanicDivZero(a, b int) int { return a / b }
func PanicCustom(s string) string {
	if s == "" {
		panic("empty input")
	}
	return s
}
func PanicIndex(xs []string) string { return xs[len(xs)-1] }
func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}
func RecursiveFact(n uint8) int { return fact(int(n % 25)) }
func OpAssignIndex(xs []int) []int {
	ys := append([]int{}, xs...)
	for i := range ys {
		ys[i] *= 3
		ys[i] -= i
		ys[i] <<= 1
	}
	return ys
}
func OpAssignMap(keys []string) map[string]int {
	m := map[string]int{}
	for i, k := range keys {
		m[k] += i
		m[k] *= 2
	}
	return m
}
func ForRangeString(s string) []int {
	var out []int
	for i, r := range s {
		if r == 0xFFFD {
			out = append(out, -i)
			continue
		}
		out = append(out, i)
	}
	return out
}
func GotoFreeStateMachine(s string) string {
	state := "start"
	for _, c := range s {
		switch state {
		case "start":
			if c >= '0' && c <= '9' {
				state = "num"
			} else {
				state = "word"
			}
		case "num":
			if c < '0' || c > '9' {
				state = "mixed"
			}
		}
	}
	return state
}
func KeywordNames(len, list int) []int {
	str := len + list
	def := str * 2
	lambda := def - 1
	None := lambda
	return []int{str, def, lambda, None}
}
func TypeAssertOk(s string) []any {
	var v any = s
	str, ok := v.(string)
	f, ok2 := v.(float64)
	return []any{str, ok, f, ok2}
}

var _ = reg(LocalNamedLikeType)

// LocalNamedLikeType has locals named like a struct type and a function
// it uses later: module-level names must not be shadowed.
func LocalNamedLikeType(n int) []any {
	pair := n * 2
	makePair := "x"
	p := makePair_(pair)
	return []any{p.A, makePair}
}

func makePair_(a int) pair { return pair{A: a} }
