package corpus

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

var _ = reg(StringerPtr, StringerValueStruct, ErrorsIsCustom, ErrorfMulti, SprintStructSlice, MapOfStructs,
	MethodChain, UnicodeClassify, UnicodeCase, SortStructs, VariadicCall, VariadicSpread, FuncValueMap,
	ClosureRecursion, ConstIota, RuneArithmetic, ByteLoopUpper, StringsFieldsFunc, PanicNilMap, BoolLogic)

type temp struct{ C float64 }

func (t *temp) String() string { return fmt.Sprintf("%.1fC", t.C) }

type label struct{ S string }

func (l label) String() string { return "<" + l.S + ">" }

func StringerPtr(f float64) string {
	t := &temp{f}
	return fmt.Sprint(t) + "|" + fmt.Sprintf("%v %s", t, t)
}
func StringerValueStruct(s string) string {
	l := label{s}
	return fmt.Sprint(l, &l) + fmt.Sprintf("[%v]", []label{l, {"x"}})
}

type codeErr struct{ Code int }

func (e codeErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

func ErrorsIsCustom(n int) []any {
	var err error = codeErr{n % 3}
	w := fmt.Errorf("ctx: %w", err)
	return []any{errors.Is(w, codeErr{1}), errors.Is(w, err), w.Error()}
}
func ErrorfMulti(a int, s string) string {
	return fmt.Errorf("a=%d s=%q extra=%v", a, s, []string{s}).Error()
}
func SprintStructSlice(xs []int) string {
	var ps []pair
	for _, x := range xs {
		ps = append(ps, pair{x, fmt.Sprint(x)})
	}
	return fmt.Sprintf("%v|%+v", ps, ps)
}
func MapOfStructs(keys []string) string {
	m := map[string]*pair{}
	for i, k := range keys {
		if p, ok := m[k]; ok {
			p.A += i
			continue
		}
		m[k] = &pair{A: i, B: k}
	}
	var out []string
	for k, p := range m {
		out = append(out, fmt.Sprintf("%s=%d", k, p.A))
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

type acc struct{ parts []string }

func (a *acc) add(s string) *acc { a.parts = append(a.parts, s); return a }
func (a *acc) done() string      { return strings.Join(a.parts, "/") }

func MethodChain(s string) string { return (&acc{}).add(s).add("x").add(s).done() }
func UnicodeClassify(s string) []int {
	var out []int
	for _, r := range s {
		k := 0
		switch {
		case unicode.IsLetter(r):
			k = 1
		case unicode.IsDigit(r):
			k = 2
		case unicode.IsSpace(r):
			k = 3
		case unicode.IsPunct(r):
			k = 4
		}
		if unicode.IsUpper(r) {
			k += 10
		}
		out = append(out, k)
	}
	return out
}
func UnicodeCase(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLower(r) {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
func SortStructs(xs []int) []int {
	ps := make([]pair, 0, len(xs))
	for i, x := range xs {
		ps = append(ps, pair{x, fmt.Sprint(i)})
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].A != ps[j].A {
			return ps[i].A < ps[j].A
		}
		return ps[i].B < ps[j].B
	})
	var out []int
	for _, p := range ps {
		out = append(out, p.A)
	}
	return out
}
func total(xs ...int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
func VariadicCall(a, b int) []int { return []int{total(), total(a), total(a, b, a)} }
func VariadicSpread(xs []int) int { return total(xs...) + total(append(xs, 1)...) }
func FuncValueMap(s string) string {
	ops := map[string]func(string) string{
		"up":  func(s string) string { return strings.ToUpper(s) },
		"rev": StrReverseBytes,
	}
	return ops["up"](s) + ops["rev"](s)
}
func ClosureRecursion(n uint8) int {
	var fib func(int) int
	fib = func(k int) int {
		if k < 2 {
			return k
		}
		return fib(k-1) + fib(k-2)
	}
	return fib(int(n % 20))
}

type weekday int

const (
	sunday weekday = iota
	monday
	tuesday
)

func ConstIota(n int) []int {
	return []int{int(sunday), int(monday), int(tuesday), int(weekday(n) % 3)}
}
func RuneArithmetic(s string) string {
	var out []rune
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			r = 'a' + (r-'a'+13)%26
		}
		out = append(out, r)
	}
	return string(out)
}
func ByteLoopUpper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}
func StringsFieldsFunc(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
}
func PanicNilMap(k string) int {
	var m map[string]int
	if k == "" {
		m = map[string]int{}
	}
	m[k] = 1
	return len(m)
}
func BoolLogic(a, b bool) []bool {
	return []bool{a && b, a || b, !a, a != b, a == !b, (a || b) && !(a && b)}
}
