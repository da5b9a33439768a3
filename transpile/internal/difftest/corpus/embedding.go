package corpus

// Rows: struct embedding / promoted fields and methods, json flattening of
// embedded structs, fmt of embedded structs.

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/gogears/gogears/transpile/internal/difftest/corpus/shapes"
)

var _ = reg(EmbedPromotedRead, EmbedPromotedWrite, EmbedDeepPath, EmbedCompositeLit, EmbedCopy,
	EmbedCopyInSlice, EmbedMapValues, EmbedEquality, EmbedMapKey, EmbedValueMethod,
	EmbedPtrMethodMutates, EmbedPtrMethodDeep, EmbedValueMethodCopy, EmbedStringer, EmbedStringerIface,
	EmbedErrorPtr, EmbedErrorValue, EmbedFmtVerbs, EmbedFmtSlice, EmbedJSONFlatten,
	EmbedJSONShadow, EmbedJSONAmbiguous, EmbedJSONTagged, EmbedJSONOmit, EmbedJSONUnmarshal,
	EmbedJSONPtr, EmbedPtrShared, EmbedPtrEquality, EmbedInterfaceDispatch, EmbedShadowMethod,
	EmbedUnexported, EmbedSameTypeTwice, EmbedJSONRoundTrip, EmbedUnmarshalKeeps, EmbedNilPtrPanic,
	EmbedNilPtrMethod, EmbedReturnStruct, EmbedUnwrap, EmbedPtrValueMethodNil, EmbedSliceCards,
	EmbedGeneric, EmbedAnon, EmbedFieldCard, EmbedRangeMethod, EmbedClosure, EmbedIfaceValueCopy,
	StructParallelPtr, EmbedParallelPromoted, StructErrorField, EmbedErrorNamed, EmbedCrossPackage,
	EmbedAnonIface, StructAnonPtrFmt, EmbedErrorFieldAssert, EmbedFmtDepth, EmbedJSONNullAlloc, JSONInvalidUTF8, StructConvClass, EmbedJSONFold)

// Base is the common part of the embedding types.
type Base struct {
	ID   string
	Tags []string
}

func (b Base) Key() string       { return "k:" + b.ID }
func (b *Base) Tag(t string)     { b.Tags = append(b.Tags, t) }
func (b *Base) Rename(id string) { b.ID = id }
func (b Base) Mangle() string    { b.ID += "!"; return b.ID }

// Order embeds Base by value.
type Order struct {
	Base
	Total int
}

// Line embeds Order, so Base's fields are two levels down.
type Line struct {
	Order
	Qty int
}

func EmbedPromotedRead(id string, total int) []any {
	o := Order{Base: Base{ID: id}, Total: total}
	return []any{o.ID, o.Base.ID, o.Total, o.Tags == nil}
}

func EmbedPromotedWrite(id string, n int) []any {
	var o Order
	o.ID = id
	o.Total += n
	o.Tags = append(o.Tags, id)
	o.ID += "x"
	return []any{o.Base.ID, o.Total, len(o.Base.Tags)}
}

func EmbedDeepPath(id string, q int) []any {
	l := Line{Qty: q}
	l.ID = id
	l.Total = q * 2
	l.Order.Base.ID += "/"
	p := &l
	p.ID += "p"
	return []any{l.ID, l.Order.ID, l.Order.Base.ID, l.Total, l.Qty, p.Order.Total}
}

func EmbedCompositeLit(id string, n int) []Order {
	return []Order{
		{Base{id, nil}, n},
		{Base: Base{ID: id, Tags: []string{"a"}}},
		{Total: n},
		{},
	}
}

func EmbedCopy(id string) []any {
	o := Order{Base: Base{ID: id, Tags: []string{"t"}}, Total: 1}
	c := o
	c.ID = "changed"
	c.Total = 2
	c.Tags[0] = "shared" // the slice is shared, as in Go
	b := o.Base
	b.ID = "b"
	return []any{o.ID, c.ID, o.Tags[0], b.ID, o.Base.ID}
}

func EmbedCopyInSlice(xs []int) []any {
	os := make([]Order, len(xs))
	for i, x := range xs {
		os[i].ID = fmt.Sprint(x)
		os[i].Total = x
	}
	for _, o := range os {
		o.ID = "lost"
	}
	for i := range os {
		os[i].Rename(os[i].ID + "!")
	}
	var out []any
	for _, o := range os {
		out = append(out, o.ID, o.Total)
	}
	return out
}

func EmbedMapValues(keys []string) []any {
	m := map[string]Order{}
	for i, k := range keys {
		o := m[k]
		o.ID += k
		o.Total += i
		m[k] = o
	}
	bs := map[string][]Line{}
	for _, k := range keys {
		l := Line{}
		l.ID = k
		bs[k] = append(bs[k], l)
	}
	var out []any
	for _, k := range keys {
		out = append(out, m[k].ID, m[k].Total, len(bs[k]), bs[k][0].ID)
	}
	return out
}

type cmpA struct {
	xy
	S string
}

type cmpB struct {
	cmpA
	N int
}

func EmbedEquality(a, b string) []bool {
	x := cmpB{cmpA: cmpA{xy{1, 2}, a}, N: 1}
	y := cmpB{cmpA: cmpA{xy{1, 2}, b}, N: 1}
	z := x
	z.N = 2
	w := x
	w.X = 3
	return []bool{x == y, x != y, x.cmpA == y.cmpA, x.xy == y.xy, x == z, x.cmpA == z.cmpA, x == w, x.S == w.S}
}

type xy struct{ X, Y int }

type tagged struct {
	xy
	Name string
}

func EmbedMapKey(xs []int) []any {
	seen := map[tagged]int{}
	for _, x := range xs {
		k := tagged{xy{x % 3, x % 2}, "n"}
		seen[k]++
	}
	return []any{len(seen), seen[tagged{xy: xy{0, 0}, Name: "n"}]}
}

func EmbedValueMethod(id string) []string {
	o := Order{Base: Base{ID: id}}
	l := Line{Order: o}
	p := &l
	return []string{o.Key(), l.Key(), p.Key(), Line{}.Key()}
}

func EmbedPtrMethodMutates(id string, n int) []any {
	o := Order{}
	o.Rename(id)
	o.Tag("a")
	p := &Order{}
	p.Rename(id + "p")
	p.Tag("b")
	os := []Order{{}, {}}
	os[1].Rename("second")
	os[1].Tag(id)
	return []any{o.ID, o.Tags, p.ID, p.Tags, os[0].ID, os[1].ID, os[1].Tags, n}
}

func EmbedPtrMethodDeep(id string) []any {
	l := Line{}
	l.Rename(id)
	l.Tag(id)
	l.Order.Tag("o")
	ls := []*Line{{}, &l}
	for _, x := range ls {
		x.Rename(x.ID + "+")
	}
	return []any{l.ID, l.Tags, ls[0].ID, ls[1].ID}
}

func EmbedValueMethodCopy(id string) []any {
	l := Line{}
	l.ID = id
	r := l.Mangle()
	r2 := l.Order.Mangle()
	return []any{r, r2, l.ID}
}

// Named has a String method that Card promotes.
type Named struct{ Name string }

func (n Named) String() string { return "<" + n.Name + ">" }

// Card embeds Named: fmt prints it through the promoted String.
type Card struct {
	Named
	Count int
}

func EmbedStringer(s string, n int) []string {
	c := Card{Named{s}, n}
	p := &c
	return []string{fmt.Sprint(c), fmt.Sprintf("%v|%s|%d", c, p, c.Count), fmt.Sprintf("%+v", c), c.String()}
}

func EmbedStringerIface(s string) []string {
	var out []string
	for _, v := range []fmt.Stringer{Card{Named: Named{s}}, Named{s + "2"}, &Card{}} {
		out = append(out, v.String())
	}
	return out
}

type failure struct{ Msg string }

func (f *failure) Error() string { return "failure: " + f.Msg }

// opError is an error through its promoted *failure method.
type opError struct {
	failure
	Op string
}

func runOp(op string) error {
	if strings.HasPrefix(op, "x") {
		return &opError{failure{"bad " + op}, op}
	}
	return nil
}

func EmbedErrorPtr(op string) []any {
	err := runOp(op)
	if err == nil {
		return []any{nil}
	}
	oe, ok := err.(*opError)
	return []any{err.Error(), fmt.Sprint(err), ok, oe.Op, oe.Msg}
}

type codeBase struct{ Code int }

func (c codeBase) Error() string { return fmt.Sprintf("code %d", c.Code) }

// httpErr is an error by value through codeBase's promoted Error.
type httpErr struct {
	codeBase
	Path string
}

func EmbedErrorValue(n int) []any {
	var err error = httpErr{codeBase{n}, "/p"}
	same := httpErr{codeBase{n}, "/p"}
	other := httpErr{codeBase{n + 1}, "/p"}
	return []any{err.Error(), fmt.Sprintf("%v", err), errors.Is(err, same), errors.Is(err, other), err == error(same)}
}

type inner struct {
	A int
	B string
}

type outer struct {
	inner
	C []int
	D *inner
}

func EmbedFmtVerbs(a int, s string) []string {
	o := outer{inner: inner{a, s}, C: []int{a}}
	l := Line{Order: Order{Base{s, []string{s}}, a}, Qty: 2}
	return []string{
		fmt.Sprintf("%v", o), fmt.Sprintf("%+v", o), fmt.Sprint(l), fmt.Sprintf("%+v", l),
		fmt.Sprintf("%v", Order{Base: Base{ID: s}, Total: a}), fmt.Sprintf("%+v", Order{Base: Base{ID: s}, Total: a}),
		fmt.Sprintf("%x", cmpA{xy{a, 255}, s}), fmt.Sprintf("%v", &inner{a, s}),
	}
}

func EmbedFmtSlice(xs []int) string {
	var os []Order
	for _, x := range xs {
		os = append(os, Order{Base{fmt.Sprint(x), nil}, x})
	}
	return fmt.Sprintf("%v %+v", os, map[string]Order{"k": {Total: len(xs)}})
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}

func EmbedJSONFlatten(id string, n int) []string {
	o := Order{Base{id, []string{"t"}}, n}
	l := Line{Order: o, Qty: 3}
	return []string{marshal(o), marshal(l), marshal(&l), marshal([]Order{o, {}}), marshal(map[string]Line{"a": l})}
}

// Shadows: the outer ID shadows Base's, at any depth.
type shadowed struct {
	Base
	ID int
}

type deepShadow struct {
	Line
	Total string `json:"Total"`
}

func EmbedJSONShadow(id string, n int) []any {
	s := shadowed{Base{id, nil}, n}
	d := deepShadow{Total: id}
	d.Line.Total = n
	d.ID = id
	return []any{marshal(s), marshal(d), s.ID, s.Base.ID, d.Total, d.Line.Total}
}

type left struct {
	Name string
	L    int
}

type right struct {
	Name string
	R    int
}

type rightTagged struct {
	Other string `json:"Name"`
	R2    int
}

// both has Name at depth 1 twice: encoding/json drops it.
type both struct {
	left
	right
}

// tagWins has Name twice at depth 1 but one is tagged: the tag wins.
type tagWins struct {
	left
	rightTagged
}

func EmbedJSONAmbiguous(s string, n int) []string {
	b := both{left{s, n}, right{s + "r", n + 1}}
	t := tagWins{left{s, n}, rightTagged{s + "t", n}}
	var b2 both
	err := json.Unmarshal([]byte(`{"Name":"x","L":1,"R":2}`), &b2)
	return []string{marshal(b), marshal(t), b2.left.Name, b2.right.Name, fmt.Sprint(b2.L, b2.R, err)}
}

type named2 struct {
	Base  `json:"base"`
	xy    `json:"pt"`
	Total int
}

func EmbedJSONTagged(id string, n int) []string {
	v := named2{Base{id, nil}, xy{n, -n}, n}
	var back named2
	err := json.Unmarshal([]byte(marshal(v)), &back)
	return []string{marshal(v), back.ID, fmt.Sprint(back.X, back.Y, back.Total, err)}
}

type optional struct {
	Note string `json:"note,omitempty"`
	Skip int    `json:"-"`
}

type withOpt struct {
	optional
	Base `json:"-"`
	N    int `json:"n,omitempty"`
}

func EmbedJSONOmit(s string, n int) []string {
	w := withOpt{optional{s, n}, Base{ID: s}, n}
	return []string{marshal(w), marshal(withOpt{}), fmt.Sprintf("%+v", w.optional)}
}

func EmbedJSONUnmarshal(id string, n int) []any {
	doc := fmt.Sprintf(`{"id":%q,"TOTAL":%d,"Qty":2,"Tags":["a"],"Order":{"Total":9}}`, id, n)
	var l Line
	err := json.Unmarshal([]byte(doc), &l)
	return []any{err == nil, l.ID, l.Total, l.Qty, l.Tags}
}

// Ref embeds a pointer: json skips its fields while it is nil.
type Ref struct {
	*Base
	Rev int
}

func EmbedJSONPtr(id string, n int) []any {
	empty := Ref{Rev: n}
	full := Ref{&Base{ID: id}, n}
	var back Ref
	err := json.Unmarshal([]byte(`{"ID":"z","Rev":4}`), &back)
	var none Ref
	err2 := json.Unmarshal([]byte(`{"Rev":5}`), &none)
	return []any{marshal(empty), marshal(full), err, back.Base != nil, back.ID, back.Rev, err2, none.Base == nil}
}

func EmbedPtrShared(id string) []any {
	r := Ref{&Base{ID: id}, 1}
	c := r
	c.ID = "shared"
	c.Rev = 2
	c.Tag("t")
	return []any{r.ID, r.Rev, r.Tags, c.Base == r.Base}
}

func EmbedPtrEquality(id string) []bool {
	b := &Base{ID: id}
	x, y := Ref{b, 1}, Ref{b, 1}
	z := Ref{&Base{ID: id}, 1}
	return []bool{x == y, x == z, x.ID == z.ID, x != z}
}

// keyer is satisfied through promoted methods.
type keyer interface{ Key() string }

// special overrides Key; its Base's Key stays reachable.
type special struct {
	Base
	Kind string
}

func (s special) Key() string { return "special:" + s.Kind + ":" + s.Base.Key() }

func EmbedInterfaceDispatch(id string) []string {
	ks := []keyer{Order{Base: Base{ID: id}}, Line{}, &Order{}, special{Base{ID: id}, "s"}, Base{ID: "b"}}
	var out []string
	for _, k := range ks {
		out = append(out, k.Key())
	}
	return out
}

func EmbedShadowMethod(id string) []string {
	s := special{Base{ID: id}, "k"}
	return []string{s.Key(), s.Base.Key(), fmt.Sprint(s.ID)}
}

type base struct {
	Visible string
	hidden  int
}

// Exposed embeds an unexported type whose exported fields json promotes.
type Exposed struct {
	base
	Own int
}

func EmbedUnexported(s string, n int) []string {
	e := Exposed{base{s, n}, n}
	e.hidden++
	var back Exposed
	err := json.Unmarshal([]byte(`{"Visible":"v","hidden":3,"Own":1}`), &back)
	return []string{marshal(e), fmt.Sprintf("%v %+v", e, back), fmt.Sprint(err)}
}

type viaA struct{ Base }
type viaB struct{ Base }

// twice reaches Base's fields through two embedded types at once.
type twice struct {
	viaA
	viaB
	N int
}

func EmbedSameTypeTwice(id string, n int) []string {
	t := twice{viaA{Base{ID: id}}, viaB{Base{ID: "b"}}, n}
	var back twice
	err := json.Unmarshal([]byte(`{"ID":"q","N":2}`), &back)
	return []string{marshal(t), back.viaA.ID + "|" + back.viaB.ID, fmt.Sprint(back.N, err)}
}

func EmbedJSONRoundTrip(id string, n int) []any {
	l := Line{Order{Base{id, []string{id, "x"}}, n}, n + 1}
	var back Line
	err := json.Unmarshal([]byte(marshal(l)), &back)
	return []any{err, back.ID, back.Tags, back.Total, back.Qty, fmt.Sprint(back.Tags) == fmt.Sprint(l.Tags)}
}

func EmbedUnmarshalKeeps(id string) []any {
	l := Line{Order{Base{id, nil}, 7}, 8}
	err := json.Unmarshal([]byte(`{"Qty":1}`), &l)
	return []any{err, l.ID, l.Total, l.Qty}
}

func EmbedNilPtrPanic(n int) string {
	r := Ref{Rev: n}
	if n > 100 {
		r.Base = &Base{}
	}
	return r.ID
}

func (b *Base) Describe() string {
	if b == nil {
		return "nil base"
	}
	return "base " + b.ID
}

func EmbedNilPtrMethod(n int) []string {
	r := Ref{Rev: n}
	out := []string{r.Describe()}
	r.Base = &Base{ID: fmt.Sprint(n)}
	return append(out, r.Describe())
}

func EmbedReturnStruct(id string, n int) Line {
	l := Line{Qty: n}
	l.Rename(id)
	l.Total = n * 3
	return l
}

// Wrapped is an error wrapping a cause.
type Wrapped struct {
	failure
	cause error
}

func (w *Wrapped) Unwrap() error { return w.cause }

var errRoot = errors.New("root")

// chained reaches Unwrap through an embedded *Wrapped.
type chained struct {
	*Wrapped
	Step int
}

func EmbedUnwrap(s string) []any {
	var err error = chained{&Wrapped{failure{s}, errRoot}, 1}
	return []any{err.Error(), errors.Is(err, errRoot), errors.Unwrap(err) == errRoot}
}

func EmbedPtrValueMethodNil(n int) string {
	r := Ref{Rev: n}
	if n%2 == 0 {
		r.Base = &Base{ID: "even"}
	}
	return r.Key()
}

// EmbedSliceCards prints promoted Stringers inside a slice and a map.
func EmbedSliceCards(s string) string {
	return fmt.Sprint([]Card{{Named{s}, 1}}) + fmt.Sprintf("%v", map[string]Card{"a": {Named{s}, 2}})
}

// embBox is a generic struct embedded by gholder.
type embBox[T any] struct{ Val T }

func (g embBox[T]) Get() T   { return g.Val }
func (g *embBox[T]) Set(v T) { g.Val = v }

type gholder struct {
	embBox[int]
	Name string
}

func EmbedGeneric(n int) []any {
	h := gholder{Name: "h"}
	h.Set(n)
	h.Val++
	return []any{h.Get(), h.Val, marshal(h), fmt.Sprintf("%+v", h)}
}

func EmbedAnon(s string) string {
	v := struct {
		Base
		N int
	}{Base{ID: s}, 1}
	v.Rename(s + "!")
	return fmt.Sprintf("%+v %s %s", v, v.Key(), marshal(v))
}

type cardHolder struct {
	C Card
	N int
}

func EmbedFieldCard(s string) string {
	return fmt.Sprint(cardHolder{Card{Named{s}, 1}, 2})
}

func EmbedRangeMethod(xs []string) []any {
	ls := make([]Line, len(xs))
	for i, x := range xs {
		ls[i].ID = x
	}
	for _, l := range ls {
		l.Rename("lost")
		l.Tag("t")
	}
	var out []any
	for _, l := range ls {
		out = append(out, l.ID, len(l.Tags))
	}
	return out
}

func EmbedClosure(s string) []any {
	o := Order{}
	f := func(id string) { o.Rename(id); o.Total++ }
	f(s)
	g := func(x Order) string { x.Rename("in"); return x.ID }
	r := g(o)
	return []any{o.ID, o.Total, r}
}

// mangler's method has a value receiver that writes to it.
type mangler interface{ Mangle() string }

// EmbedIfaceValueCopy calls promoted value-receiver methods through an
// interface: each call gets a copy, and a nil embedded pointer panics.
func EmbedIfaceValueCopy(id string, n int) []any {
	l := &Line{}
	l.ID = id
	var m mangler = l
	var v mangler = *l
	out := []any{m.Mangle(), m.Mangle(), v.Mangle(), v.Mangle(), l.ID}
	var k keyer = Ref{Rev: n}
	if n%3 == 0 {
		k = Ref{&Base{ID: id}, n}
	}
	return append(out, k.Key())
}

// pholder holds a pointer that a parallel assignment replaces.
type pholder struct{ P *pair }

// StructParallelPtr writes through a pointer operand that the same
// parallel assignment replaces: Go reads the pointer first.
func StructParallelPtr(s string) []string {
	h := pholder{&pair{B: "old"}}
	old := h.P
	h.P, h.P.B = &pair{B: "new"}, s
	hs := []pholder{h}
	old2 := hs[0].P
	hs[0].P, hs[0].P.A = &pair{}, 5
	return []string{old.B, h.P.B, old2.B, string(rune('0' + old2.A)), string(rune('0' + hs[0].P.A))}
}

func EmbedParallelPromoted(s string) []string {
	r := Ref{&Base{ID: "old"}, 1}
	old := r.Base
	r.Base, r.ID = &Base{ID: "new"}, s
	l := struct {
		Ref
		N int
	}{Ref{&Base{ID: "l"}, 2}, 3}
	oldL := l.Base
	l.Ref, l.ID, l.N = Ref{&Base{ID: "n"}, 0}, s+"!", 4
	return []string{old.ID, r.ID, oldL.ID, l.ID}
}

// resp has a field named Error, which is no method for fmt.
type resp struct {
	Error string
	Code  int
}

// Error is a struct type named Error.
type Error struct{ Msg string }

// resp2 embeds a type named Error.
type resp2 struct {
	Error
	Code int
}

func StructErrorField(s string) string {
	return fmt.Sprint(resp{s, 1}) + fmt.Sprintf("%+v", []resp{{s, 2}})
}
func EmbedErrorNamed(s string) string {
	return fmt.Sprint(resp2{Error{s}, 1}) + fmt.Sprintf("%+v", []resp2{{Error{s}, 2}})
}

// framed embeds a struct of another package of the module: its String,
// Area and Scale are promoted, and json flattens its fields.
type framed struct {
	shapes.Rect
	Border int `json:"border"`
}

func EmbedCrossPackage(w, h int8) []any {
	f := framed{shapes.NewRect(int(w), int(h)), 1}
	f.Scale(2)
	f.W++
	var s fmt.Stringer = f
	return []any{f.Area(), f.String(), s.String(), fmt.Sprint(f), marshal(f), fmt.Sprintf("%+v", f.Rect)}
}

// EmbedAnonIface dispatches promoted methods of unnamed structs.
func EmbedAnonIface(s string) []string {
	v := struct {
		Base
		N int
	}{Base{ID: s}, 1}
	var k keyer = v
	p := &struct {
		Named
		N int
	}{Named{s}, 2}
	var st fmt.Stringer = p
	var a any = v
	return []string{k.Key(), st.String(), fmt.Sprint(v), fmt.Sprint(p), fmt.Sprint(*p), fmt.Sprint(a)}
}

func StructAnonPtrFmt(n int) string {
	return fmt.Sprint(&struct{ A int }{n}) + fmt.Sprintf("%+v", &struct {
		B int
		Base
	}{n, Base{ID: "x"}})
}

// EmbedErrorFieldAssert asserts to error values whose field, not method,
// is named Error.
func EmbedErrorFieldAssert(s string) []bool {
	var out []bool
	for _, v := range []any{resp{s, 1}, resp2{Error{s}, 2}, httpErr{}, &opError{}, s} {
		_, ok := v.(error)
		out = append(out, ok)
	}
	return out
}

type lblA struct{ In Named }

func (lblA) String() string { return "A!" }

type lblB struct{ In Named }

func (lblB) String() string { return "B!" }

// amb embeds two Stringers: neither String is promoted, fmt calls neither
// (unexported embedded fields), but calls String on the exported fields
// inside them.
type amb struct {
	lblA
	lblB
}

// hid keeps a Stringer in an unexported field, which fmt prints raw.
type hid struct {
	n Named
	N Named
	p *temp
}

func EmbedFmtDepth(s string, f float64) []string {
	a := amb{lblA{Named{s}}, lblB{Named{s + "b"}}}
	h := hid{Named{s}, Named{s}, nil}
	ts := []temp{{f}}
	ps := []*temp{{f}}
	return []string{fmt.Sprint(a), fmt.Sprintf("%+v", a), fmt.Sprint(h), fmt.Sprint(ts), fmt.Sprint(ps),
		fmt.Sprint(map[string]Card{s: {Named{s}, 1}}), fmt.Sprint([]amb{a}), fmt.Sprint(cardHolder{Card{Named{s}, 1}, 2})}
}

// optEmbed has an embedded struct with a nameless tag: still flattened.
type optEmbed struct {
	Base `json:",omitempty"`
	*Named
	N int
}

func EmbedJSONNullAlloc(s string) []any {
	var r Ref
	err := json.Unmarshal([]byte(`{"ID":null}`), &r)
	var o optEmbed
	err2 := json.Unmarshal([]byte(`{"id":"`+s+`","Name":"n","N":1}`), &o)
	return []any{err, r.Base != nil, r.ID, marshal(optEmbed{}), err2 == nil, o.ID, o.Named != nil && o.Name == "n", marshal(o)}
}

// JSONInvalidUTF8 decodes strings and keys holding invalid UTF-8 and lone
// surrogate escapes, which Go turns into U+FFFD.
func JSONInvalidUTF8(s string) []any {
	var m map[string]any
	err := json.Unmarshal([]byte(`{"k`+s+`":"`+s+`","u":"\ud800x\udcff"}`), &m)
	if err != nil {
		return []any{false}
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := []any{true}
	for _, k := range keys {
		out = append(out, k, m[k])
	}
	return out
}

// convA and convB differ in json tags and methods only.
type convA struct {
	X int `json:"x"`
	B Base
}

type convB struct {
	X int `json:"y"`
	B Base
}

func (c convB) String() string { return fmt.Sprint("B", c.X) }

// StructConvClass converts between struct types with the same fields: the
// result has the target type's tags, methods and identity.
func StructConvClass(n int) []any {
	a := convA{X: n}
	b := convB(a)
	b.B.ID = "changed"
	var v any = b
	_, isB := v.(convB)
	o := Order{Total: n}
	s := shadowed(struct {
		Base
		ID int
	}{Base{ID: "s"}, n})
	return []any{marshal(b), fmt.Sprint(b), isB, a.B.ID, marshal(Order(o)), marshal(s)}
}

// foldNames has keys that differ from promoted ones only in case.
type foldNames struct {
	Base
	Lower string `json:"id"`
}

// EmbedJSONFold matches keys against outer and promoted fields exactly,
// then case-insensitively in field order.
func EmbedJSONFold(s string) []string {
	var out []string
	for _, doc := range []string{`{"ID":"a","id":"b"}`, `{"Id":"c"}`, `{"iD":"d","ID":"e"}`, `{"id":"f","Id":"g"}`} {
		var f foldNames
		err := json.Unmarshal([]byte(doc), &f)
		out = append(out, f.ID+"|"+f.Lower+"|"+fmt.Sprint(err)+"|"+s)
	}
	return append(out, marshal(foldNames{Base{ID: s}, s + "!"}))
}
