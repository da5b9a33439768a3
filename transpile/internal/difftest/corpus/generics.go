package corpus

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/gogears/gogears/transpile/internal/difftest/corpus/shapes"
)

// Generic functions instantiated with types whose Python form differs
// (docs/subset.md, "generic functions"): each instantiation is translated
// with its type arguments, so widths, division and zero values follow the
// type argument.
var _ = reg(GenericSumInt8, GenericSumUint8, GenericSumInt16, GenericSumUint32, GenericSumInt64, GenericSumUint64,
	GenericSumFloats, GenericSumFloat32, GenericMulWrap, GenericDivInt8, GenericDivUint8, GenericDivUint64,
	GenericDivFloatVsInt, GenericModSigns, GenericShiftInt8, GenericShiftUint64, GenericNegComplement,
	GenericConcat, GenericCompareStrings, GenericOrderedMinMax, GenericBuiltinMinMaxFloat, GenericZeroValues,
	GenericZeroStruct, GenericStructCopies, GenericConversions, GenericConvertFloatToInt, GenericRuneString, GenericNested,
	GenericClosureCapture, GenericNamedApprox, GenericMethodConstraint, GenericRecursive, GenericStructCopy,
	GenericMapZero, GenericIncDec, GenericCrossPackage, GenericTypeStack, GenericTypeMethodMap, GenericSortedKeys,
	GenericSharedDef, GenericFuncValue)

// gnumber is the constraint of the arithmetic helpers.
type gnumber interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64
}

// ginteger is the constraint of the helpers with ginteger-only operators.
type ginteger interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

func gsum[T gnumber](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func GenericSumInt8(xs []int8) int8       { return gsum(xs) }
func GenericSumUint8(xs []uint8) uint8    { return gsum(xs) }
func GenericSumInt16(xs []int16) int16    { return gsum(xs) }
func GenericSumUint32(xs []uint32) uint32 { return gsum(xs) }
func GenericSumInt64(xs []int64) int64    { return gsum(xs) }
func GenericSumUint64(xs []uint64) uint64 { return gsum(xs) }
func GenericSumFloats(xs []float64) float64 {
	return gsum(xs)
}
func GenericSumFloat32(xs []float64) float32 {
	ys := make([]float32, len(xs))
	for i, x := range xs {
		ys[i] = float32(x) * 1.1
	}
	return gsum(ys)
}

func gmul[T gnumber](a, b T) T { return a*b - a }

func GenericMulWrap(a int8, b uint16, c int64) []int64 {
	return []int64{int64(gmul(a, a)), int64(gmul(b, b)), gmul(c, c), int64(gmul(int32(c), int32(a)))}
}

func gdivmod[T ginteger](a, b T) (T, T) { return a / b, a % b }

func GenericDivInt8(a, b int8) []int8 {
	q, r := gdivmod(a, b)
	return []int8{q, r}
}
func GenericDivUint8(a, b uint8) []uint8 {
	q, r := gdivmod(a, b)
	return []uint8{q, r}
}
func GenericDivUint64(a, b uint64) []uint64 {
	q, r := gdivmod(a, b)
	return []uint64{q, r}
}

func gdiv[T int | int64 | float64](a, b T) T { return a / b }

func GenericDivFloatVsInt(a, b int) []float64 {
	out := []float64{gdiv(float64(a), float64(b))}
	if b != 0 {
		out = append(out, float64(gdiv(a, b)), float64(gdiv(int64(a), int64(b))))
	}
	return out
}

func gmod[T ginteger](a, b T) T {
	if b == 0 {
		return 0
	}
	return a % b
}

func GenericModSigns(a, b int16) []int64 {
	return []int64{int64(gmod(a, b)), int64(gmod(uint16(a), uint16(b))), int64(gmod(int8(a), int8(b))), int64(gmod(uint32(a), uint32(b)))}
}

func gshl[T ginteger](x T, n uint) T { return x << n }
func gshr[T ginteger](x T, n uint) T { return x >> n }

func GenericShiftInt8(x int8, n uint8) []int8 {
	m := uint(n % 12)
	return []int8{gshl(x, m), gshr(x, m), gshl(x, 3), gshr(x, 7)}
}

func GenericShiftUint64(x uint64, n uint8) []uint64 {
	m := uint(n % 70)
	return []uint64{gshl(x, m), gshr(x, m), uint64(gshl(uint8(x), m)), uint64(gshr(int32(x), m))}
}

func gneg[T ginteger](x T) T  { return -x }
func gcomp[T ginteger](x T) T { return ^x &^ 1 }

func GenericNegComplement(x int8, y uint16) []int64 {
	return []int64{int64(gneg(x)), int64(gneg(y)), int64(gcomp(x)), int64(gcomp(y)), int64(gneg(int64(x)))}
}

// glabel is a named string type in a ~string type set.
type glabel string

func gconcat[T ~string](xs []T, sep T) T {
	var out T
	for i, x := range xs {
		if i > 0 {
			out += sep
		}
		out = out + x
	}
	return out
}

func GenericConcat(xs []string, sep string) []string {
	ls := make([]glabel, len(xs))
	for i, x := range xs {
		ls[i] = glabel(x)
	}
	return []string{gconcat(xs, sep), string(gconcat(ls, glabel(sep)+"|"))}
}

func gless[T cmp.Ordered](a, b T) bool { return a < b }

func GenericCompareStrings(a, b string) []bool {
	return []bool{gless(a, b), gless(b, a), gless(glabel(a), glabel(b)), gless(len(a), len(b))}
}

func gmax[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func gmin[T cmp.Ordered](a, b T) T {
	if a < b {
		return a
	}
	return b
}

func GenericOrderedMinMax(a, b float64, s string) []string {
	return []string{
		fmt.Sprint(gmax(a, b), gmin(a, b)),
		fmt.Sprint(gmax(int8(a), int8(b)), gmin(uint8(a), uint8(b))),
		gmax(s, "m") + gmin(s, "m"),
	}
}

func gminmax[T cmp.Ordered](a, b T) []T { return []T{min(a, b), max(a, b)} }

func GenericBuiltinMinMaxFloat(a, b float64) []string {
	return []string{fmt.Sprint(gminmax(a, b)), fmt.Sprint(gminmax(int16(a), int16(b))), fmt.Sprint(gminmax(fmt.Sprint(a), fmt.Sprint(b)))}
}

func gzeroOf[T any]() T {
	var z T
	return z
}

func GenericZeroValues(n int) []string {
	return []string{
		fmt.Sprint(gzeroOf[int8]() + int8(n)),
		fmt.Sprintf("%q", gzeroOf[string]()),
		fmt.Sprint(gzeroOf[float64]() / float64(n)),
		fmt.Sprint(gzeroOf[[]int]() == nil, gzeroOf[map[string]int]() == nil, gzeroOf[*gpoint]() == nil),
		fmt.Sprint(gzeroOf[bool]()),
	}
}

// gpoint is a struct type argument.
type gpoint struct{ X, Y int }

func GenericZeroStruct(x int) string {
	p := gzeroOf[gpoint]()
	p.X = x
	q := gzeroOf[gpoint]()
	return fmt.Sprint(p, q)
}

func gconv[U, T gnumber](x T) U { return U(x) }

func GenericConversions(x int64) []string {
	return []string{
		fmt.Sprint(gconv[int8](x), gconv[uint8](x), gconv[int16](x), gconv[uint32](x), gconv[uint64](x)),
		fmt.Sprint(gconv[float64](x), gconv[int64](gconv[uint16](x))),
		fmt.Sprint(gconv[float64](gconv[float32](x))),
	}
}

func GenericConvertFloatToInt(f float64) []string {
	if f != f || f > 1e18 || f < -1e18 {
		return nil // out of range conversions are implementation-specific
	}
	return []string{fmt.Sprint(gconv[int64](f), gconv[int32](f/1e9), gconv[float64](gconv[float32](f)))}
}

func grune[T ~int32 | ~uint8](x T) string { return string(rune(x)) + string(x) }

func GenericRuneString(n int32) string {
	return grune(n) + "|" + grune(uint8(n))
}

func gmapT[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func gsumSquares[T gnumber](xs []T) T {
	return gsum(gmapT(xs, func(x T) T { return x * x }))
}

func GenericNested(xs []int8) []string {
	fs := make([]float64, len(xs))
	for i, x := range xs {
		fs[i] = float64(x) / 3
	}
	return []string{fmt.Sprint(gsumSquares(xs)), fmt.Sprint(gsumSquares(fs)), fmt.Sprint(gsumSquares([]uint8{uint8(len(xs)), 200}))}
}

func gadder[T gnumber](base T) func(T) T {
	calls := 0
	return func(x T) T {
		calls++
		base += x
		return base * T(calls)
	}
}

func GenericClosureCapture(a, b int8) []int64 {
	f := gadder(a)
	g := gadder(float64(a) / 4)
	h := gadder(uint8(b))
	return []int64{int64(f(b)), int64(f(b)), int64(g(float64(b))), int64(h(uint8(a))), int64(h(250))}
}

// gcelsius has methods and is in a ~int16 type set.
type gcelsius int16

func (c gcelsius) String() string { return fmt.Sprintf("%d°C", int16(c)) }

func gclamp[T ~int16](x, lo, hi T) T {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x + 1
}

func GenericNamedApprox(x int16) []string {
	c := gclamp(gcelsius(x), -40, 32767)
	return []string{fmt.Sprint(c), c.String(), fmt.Sprint(gclamp(x, -40, 32767))}
}

// gstringerInt is a constraint with a type set and a method.
type gstringerInt interface {
	~int16
	String() string
}

func gdescribe[T gstringerInt](xs []T) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(x.String())
		b.WriteString(fmt.Sprint(x*2, ";"))
	}
	return b.String()
}

func GenericMethodConstraint(xs []int16) string {
	cs := make([]gcelsius, len(xs))
	for i, x := range xs {
		cs[i] = gcelsius(x)
	}
	return gdescribe(cs)
}

func gpow[T gnumber](x T, n int) T {
	if n <= 0 {
		return 1
	}
	return x * gpow(x, n-1)
}

func GenericRecursive(x int8, n uint8) []string {
	k := int(n % 9)
	return []string{fmt.Sprint(gpow(x, k)), fmt.Sprint(gpow(uint16(x), k)), fmt.Sprint(gpow(float64(x)/2, k))}
}

func gdup[T any](x T) []T { return []T{x, x} }

func GenericStructCopy(x int) []string {
	ps := gdup(gpoint{x, 1})
	ps[0].X++
	ns := gdup(x)
	ns[0]++
	return []string{fmt.Sprint(ps), fmt.Sprint(ns)}
}

func gget[K comparable, V any](m map[K]V, k K) (V, bool) {
	v, ok := m[k]
	return v, ok
}

func GenericMapZero(m map[string]float64, k string) []string {
	v, ok := gget(m, k)
	w, ok2 := gget(map[string]glabel{"a": "A"}, k)
	x, ok3 := gget(map[int8]uint8{1: 255}, int8(len(k)))
	return []string{fmt.Sprint(v, ok), fmt.Sprintf("%q %v", w, ok2), fmt.Sprint(x+1, ok3)}
}

func gcount[T ginteger](start T, n int) []T {
	var out []T
	x := start
	for range n {
		x++
		out = append(out, x)
		x -= 2
		x--
	}
	return out
}

func GenericIncDec(a int8, b uint8) []string {
	return []string{fmt.Sprint(gcount(a, 4)), fmt.Sprint(gcount(b, 4))}
}

func GenericCrossPackage(xs []int8, f float64) []string {
	return []string{fmt.Sprint(shapes.Total(xs)), fmt.Sprint(shapes.Total([]float64{f, f / 3})), fmt.Sprint(shapes.Count(xs, 0))}
}

// gstack is a generic type with pointer methods.
type gstack[T any] struct{ items []T }

func (s *gstack[T]) push(x T) { s.items = append(s.items, x) }

func (s *gstack[T]) pop() (T, bool) {
	var z T
	if len(s.items) == 0 {
		return z, false
	}
	x := s.items[len(s.items)-1]
	s.items = slices.Clone(s.items[:len(s.items)-1])
	return x, true
}

func GenericTypeStack(xs []int8) []string {
	s := &gstack[int8]{}
	for _, x := range xs {
		s.push(x * 3)
	}
	t := &gstack[string]{}
	var out []string
	for {
		x, ok := s.pop()
		if !ok {
			break
		}
		t.push(fmt.Sprint(x))
	}
	y, ok := t.pop()
	return append(out, y, fmt.Sprint(ok, len(t.items)))
}

// gpair is a generic type with a generic method (Go 1.27).
type gpair[A any] struct{ L, R A }

func (p gpair[A]) swap() gpair[A] { return gpair[A]{p.R, p.L} }

func (p gpair[A]) mapBoth[B any](f func(A) B) gpair[B] { return gpair[B]{f(p.L), f(p.R)} }

func GenericTypeMethodMap(a, b int8) []string {
	p := gpair[int8]{a, b}
	q := p.mapBoth(func(x int8) int8 { return x * 2 }).swap()
	r := mapPair(p, func(x int8) string { return fmt.Sprint(x, "!") })
	return []string{fmt.Sprint(q.L, q.R), r.L + r.R, fmt.Sprint(p)}
}

func mapPair[A, B any](p gpair[A], f func(A) B) gpair[B] { return p.mapBoth(f) }

func gkeysSorted[K cmp.Ordered, V any](m map[K]V) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func GenericSortedKeys(m map[string]int) []string {
	inv := map[int]string{}
	for k, v := range m {
		inv[v%7] = k
	}
	return append(gkeysSorted(m), fmt.Sprint(gkeysSorted(inv)))
}

// gindex translates the same for every type argument: one def is shared.
func gindex[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func GenericSharedDef(xs []int8, s string) []int {
	return []int{gindex(xs, 3), gindex([]string{"a", s}, s), gindex([]float64{1.5}, float64(len(s)))}
}

func GenericFuncValue(xs []uint8) []string {
	add := gsum[uint8]
	f := gmul[int16]
	return []string{fmt.Sprint(add(xs)), fmt.Sprint(f(int16(len(xs)), 300)), fmt.Sprint(gmapT(xs, gneg[uint8]))}
}

var _ = reg(GenericStringerType, GenericFmtTypeArgs, GenericErrorConstraint, GenericMutualRecursion, GenericJSON,
	GenericSliceConstraint, GenericPointerCompare, GenericInterfaceTypeArgs, GenericTypeSwitch, GenericAssertKnown)

// gbox is a generic type with a String method: fmt finds it on every
// instantiation's class.
type gbox[T any] struct{ V T }

func (b gbox[T]) String() string { return fmt.Sprint("<", b.V, ">") }

func GenericStringerType(x int8, f float64) []string {
	a, b := gbox[int8]{x}, gbox[float32]{float32(f)}
	var s fmt.Stringer = gbox[string]{fmt.Sprint(x)}
	return []string{fmt.Sprint(a), fmt.Sprintf("%v|%s", b, &b), s.String()}
}

func gshow[T any](x T) string { return fmt.Sprint(x) + fmt.Sprintf("|%v", x) }

func GenericFmtTypeArgs(x int16, f float64) []string {
	return []string{gshow(float32(f)), gshow(gcelsius(x)), gshow(int8(x)), gshow([]byte(fmt.Sprint(x))), gshow(&gpoint{int(x), 2}), gshow(gpoint{1, int(x)})}
}

// errCode is an error type that is not a struct.
type errCode string

func (e errCode) Error() string { return "code " + string(e) }

// gerr is an error type with a pointer receiver.
type gerr struct{ N int }

func (e *gerr) Error() string { return fmt.Sprint("gerr ", e.N) }

func gerrText[E error](e E) string { return e.Error() + "/" + fmt.Sprint(e) }

func GenericErrorConstraint(s string, n int) []string {
	return []string{gerrText(errCode(s)), gerrText(&gerr{n}), gerrText[error](&gerr{-n})}
}

func geven[T ginteger](n T) bool {
	if n == 0 {
		return true
	}
	return godd(n - 1)
}

func godd[T ginteger](n T) bool {
	if n == 0 {
		return false
	}
	return geven(n - 1)
}

func GenericMutualRecursion(n uint8) []bool {
	k := n % 40
	return []bool{geven(k), godd(int8(k)), geven(int8(-int8(k))), godd(uint16(k))}
}

func gjson[T any](x T) string {
	b, err := json.Marshal(x)
	if err != nil {
		return "error"
	}
	return string(b)
}

func GenericJSON(x int8, f float64, s string) []string {
	return []string{gjson(x), gjson(float32(f / 7)), gjson(gpoint{int(x), 1}), gjson([]byte(s)), gjson(map[string]uint8{s: uint8(x)})}
}

// names is a named slice type in a ~[]E type set.
type names []string

func gfirstLast[S ~[]E, E any](s S) (E, E) {
	var z E
	if len(s) == 0 {
		return z, z
	}
	return s[0], s[len(s)-1]
}

func GenericSliceConstraint(xs []string, ys []float64) []string {
	a, b := gfirstLast(names(xs))
	c, d := gfirstLast(ys)
	return []string{a + b, fmt.Sprint(c, d)}
}

func gsame[T comparable](a, b T) bool { return a == b }

func GenericPointerCompare(x int) []bool {
	p, q := &gpoint{x, 1}, &gpoint{x, 1}
	return []bool{gsame(p, q), gsame(p, p), gsame(*p, *q), gsame(x, x+1)}
}

func GenericInterfaceTypeArgs(x int) []string {
	var e error
	if x%2 == 0 {
		e = &gerr{x}
	}
	return []string{fmt.Sprint(gzeroOf[error]() == nil, gzeroOf[any]() == nil), fmt.Sprint(gsame[any](x, x), gsame[error](e, nil)), gshow[any](x)}
}

func gkind[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v+1)
	case int8, uint8:
		return fmt.Sprint("small ", v)
	case string:
		return "string " + v
	case gpoint:
		v.X++
		return fmt.Sprint("point ", v, x)
	case fmt.Stringer:
		return "stringer " + v.String()
	case error:
		return "error " + v.Error()
	case nil:
		return "nil"
	}
	return "other"
}

func GenericTypeSwitch(x int, s string) []string {
	return []string{gkind(x), gkind(int8(x)), gkind(uint8(x)), gkind(int16(x)), gkind(s), gkind(gpoint{x, 0}), gkind(&gerr{x}), gkind(gbox[int]{x})}
}

func gasInt[T any](x T) (int, bool) {
	n, ok := any(x).(int)
	return n, ok
}

func GenericAssertKnown(x int8) []string {
	a, ok1 := gasInt(x)
	b, ok2 := gasInt(int(x))
	c, ok3 := gasInt[any](int(x))
	return []string{fmt.Sprint(a, ok1, b, ok2, c, ok3)}
}

var _ = reg(GenericVariadic, GenericNaNKeys, GenericBytesConv, GenericJSONDecode, GenericCrossNamed, GenericList, GenericMethodOfPlainType,
	GenericPointerConstraint)

func gmaxOf[T cmp.Ordered](first T, rest ...T) T {
	m := first
	for _, x := range rest {
		m = max(m, x)
	}
	return m
}

func GenericVariadic(xs []float64, s string) []string {
	out := []string{gmaxOf(s, "b", "a"), fmt.Sprint(gmaxOf(int8(len(s)), -3, 2))}
	if len(xs) > 0 {
		out = append(out, fmt.Sprint(gmaxOf(xs[0], slices.Clone(xs[1:])...)))
	}
	return out
}

func gdistinct[K comparable](xs []K) int {
	m := map[K]int{}
	for _, x := range xs {
		m[x]++
	}
	return len(m)
}

func GenericNaNKeys(xs []float64, ys []string) []int {
	return []int{gdistinct(xs), gdistinct(ys), gdistinct([]int8{1, 1, int8(len(ys))})}
}

// raw is a named byte slice type.
type raw []byte

func gtext[B ~[]byte](b B) string  { return string(b) }
func gbytes[B ~[]byte](s string) B { return B(s) }

func GenericBytesConv(s string) []string {
	b := gbytes[raw](s)
	c := gbytes[[]byte](s + "!")
	return []string{gtext(b), gtext(c), fmt.Sprint(len(b), len(c))}
}

func gdecode[T any](s string) (T, bool) {
	var v T
	err := json.Unmarshal([]byte(s), &v)
	return v, err == nil
}

func GenericJSONDecode(n int8, f float64) []string {
	a, ok1 := gdecode[int8](fmt.Sprint(int(n) * 3))
	b, ok2 := gdecode[gpoint](fmt.Sprintf(`{"X":%d,"Y":2}`, n))
	c, ok3 := gdecode[[]string](`["x","` + fmt.Sprint(n) + `"]`)
	d, ok4 := gdecode[uint8](fmt.Sprint(n))
	return []string{fmt.Sprint(a, ok1, b, ok2, c, ok3, d, ok4)}
}

func GenericCrossNamed(xs []int16) []string {
	cs := make([]gcelsius, len(xs))
	for i, x := range xs {
		cs[i] = gcelsius(x)
	}
	return []string{fmt.Sprint(shapes.Total(cs)), shapes.Total(cs).String()}
}

// gnode is a recursive generic type.
type gnode[T any] struct {
	V    T
	Next *gnode[T]
}

func gpush[T any](head *gnode[T], v T) *gnode[T] { return &gnode[T]{v, head} }

func gvalues[T any](head *gnode[T]) []T {
	var out []T
	for n := head; n != nil; n = n.Next {
		out = append(out, n.V)
	}
	return out
}

func GenericList(xs []int8, s string) []string {
	var a *gnode[int8]
	for _, x := range xs {
		a = gpush(a, x*2)
	}
	b := gpush(gpush[string](nil, s), s+s)
	return []string{fmt.Sprint(gvalues(a)), fmt.Sprint(gvalues(b))}
}

// gscale is a plain type with a generic method (Go 1.27).
type gscale struct{ K int }

func (s gscale) apply[T gnumber](x T) T { return x*T(s.K) + T(s.K)/2 }

func GenericMethodOfPlainType(k int16, x int8, f float64) []string {
	s := gscale{int(k)}
	return []string{fmt.Sprint(s.apply(x)), fmt.Sprint(s.apply(f)), fmt.Sprint(s.apply[uint16](uint16(x)))}
}

// gsetter is the pointer-method constraint idiom: PT is *T with a method.
type gsetter[T any] interface {
	*T
	set(s string)
}

// gcell has a pointer-receiver method.
type gcell struct{ S string }

func (c *gcell) set(s string) { c.S = "<" + s + ">" }

func gparseAll[T any, PT gsetter[T]](xs []string) []T {
	var out []T
	for _, x := range xs {
		p := PT(new(T))
		p.set(x)
		out = append(out, *p)
	}
	return out
}

func GenericPointerConstraint(xs []string) []string {
	var out []string
	for _, c := range gparseAll[gcell](xs) {
		out = append(out, c.S)
	}
	return out
}

var _ = reg(GenericOpAssign, GenericNamedString, GenericCache, GenericLoopClosures, GenericNamedResults)

func gopassign[T ginteger](xs []T, d T) []T {
	out := make([]T, 0, len(xs))
	m := map[int]T{}
	for i, x := range xs {
		if d != 0 {
			x /= d
			x %= d + 1 - d%2
		}
		x <<= 3
		x += T(1) << 6
		x -= d
		x *= x
		m[i%3] += x
		m[i%3] ^= d
		out = append(out, x)
	}
	return append(out, m[0], m[1], m[2])
}

func GenericOpAssign(xs []int8, d int8) []string {
	ys := make([]uint32, len(xs))
	for i, x := range xs {
		ys[i] = uint32(x) * 16777619
	}
	return []string{fmt.Sprint(gopassign(xs, d)), fmt.Sprint(gopassign(ys, uint32(d))), fmt.Sprint(gopassign([]int64{int64(d) << 40}, -3))}
}

func gshout[S ~string](s S) (S, int) {
	out := s[:0]
	n := 0
	for i, r := range s {
		if r > 127 {
			n += i
			continue
		}
		out += S(strings.ToUpper(string(r)))
	}
	if len(s) > 2 && s[1:] > s[:1] {
		out += s[len(s)-1:]
	}
	return out, n
}

func GenericNamedString(s string) []string {
	a, n := gshout(glabel(s))
	b, m := gshout(s)
	return []string{string(a), b, fmt.Sprint(n, m)}
}

// gcache is a generic type with a map field and several methods.
type gcache[K comparable, V any] struct {
	m    map[K]V
	hits int
}

func (c *gcache[K, V]) get(k K) V {
	v, ok := c.m[k]
	if ok {
		c.hits++
	}
	return v
}

func (c *gcache[K, V]) put(k K, v V) *gcache[K, V] {
	if c.m == nil {
		c.m = map[K]V{}
	}
	c.m[k] = v
	return c
}

func (c *gcache[K, V]) size() int { return len(c.m) + c.hits*0 }

func GenericCache(keys []string, f float64) []string {
	a := &gcache[string, int8]{}
	for i, k := range keys {
		a.put(k, int8(i*50))
	}
	b := (&gcache[float64, []string]{}).put(f, keys).put(-f, nil)
	return []string{fmt.Sprint(a.get("a"), a.get("é"), a.hits, a.size()), fmt.Sprint(len(b.get(f)), b.get(-f) == nil, b.get(f+1) == nil, b.size())}
}

func gclosures[T gnumber](xs []T) []T {
	var fs []func() T
	for i, x := range xs {
		fs = append(fs, func() T { return x * T(i) })
	}
	var out []T
	for _, f := range fs {
		out = append(out, f())
	}
	return out
}

func GenericLoopClosures(xs []int8) []string {
	fs := make([]float64, len(xs))
	for i, x := range xs {
		fs[i] = float64(x) / 8
	}
	return []string{fmt.Sprint(gclosures(xs)), fmt.Sprint(gclosures(fs))}
}

func gsplit[T ginteger](x T, parts int) (q, r T, ok bool) {
	if parts <= 0 {
		return
	}
	q = x / T(parts)
	r = x - q*T(parts)
	ok = true
	return
}

func GenericNamedResults(x int16, parts int8) []string {
	a, b, ok := gsplit(int8(x), int(parts))
	c, d, ok2 := gsplit(uint16(x), int(parts))
	return []string{fmt.Sprint(a, b, ok), fmt.Sprint(c, d, ok2)}
}

func gFirstOf[T any](s []T) T { return s[0] }

func gKeep[T any](m map[string]T, k string, v T) T {
	m[k] = v
	return m[k]
}

func gApply[T any](xs []T, f func(T) T) []T {
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// GenericStructCopies: a generic function handing back struct values
// hands back copies, as Go does for each instantiation.
func GenericStructCopies(n int) []int {
	s := []gpoint{{X: n}}
	v := gFirstOf(s)
	v.X = 42
	m := map[string]gpoint{}
	p := gpoint{X: n, Y: 1}
	w := gKeep(m, "a", p)
	w.Y = 7
	p.Y = 9
	ys := gApply(s, func(q gpoint) gpoint { q.X++; return q })
	ys[0].Y = 5
	return []int{s[0].X, v.X, m["a"].Y, w.Y, p.Y, ys[0].X, s[0].Y}
}
