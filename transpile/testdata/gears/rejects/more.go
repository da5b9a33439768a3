package rejects

import (
	"encoding/json"
	"fmt"

	"github.com/gogears/gogears/dsl"
)

type namer struct{ N string }

func (n namer) Name() string { return n.N }

func (n *namer) Set(s string) { n.N = s }

// Iterators rejects range-over-func, some method values and loop captures.
var Iterators = dsl.KeysOnly("*").
	Map(func(k string) int {
		total := 0
		for i := range func(yield func(int) bool) {} { // want "GG109 range over a function iterator"
			total += i
		}
		n := namer{k}
		f := n.Name // a copy of n: translated
		n = namer{"other"}
		g := n.Set // want "GG304 method value Set takes the address of a value that may be reassigned"
		var err error = json.Unmarshal(nil, &n)
		h := err.Error // want "GG304 method value Error of error: only methods declared in the module"
		_, _, _ = f, g, h
		var fs []func()
		for i := range 3 {
			fs = append(fs, func() { i++ }) // want "GG404 closure in a loop assigns captured loop variable i"
		}
		return total
	}).
	Run()

func pick() dsl.Job[string] { return dsl.KeysOnly("*").Run() }

// NotAChain is built by a function call, which gogears cannot follow.
var NotAChain = pick() // want "GG501 gear NotAChain is not a dsl builder chain"

func first(xs ...int) int { // want "GG207 variadic parameter xs is written through"
	xs[0]++
	return xs[0]
}

// Hoisting rejects calls that need a statement inside expressions.
var Hoisting = dsl.KeysOnly("*").
	Map(func(k string) int {
		var v map[string]int
		if len(k) > 0 && json.Unmarshal([]byte(k), &v) == nil { // want "GG205 json.Unmarshal inside an expression"
			return first(1, 2)
		}
		return 0
	}).
	Run()

// Aliases appends to a slice shared with another variable written by index.
var Aliases = dsl.KeysOnly("*").
	Map(func(k string) int {
		a := []int{1, 2, 3}
		b := a
		a = append(a, 4) // want "GG206 append to a, which shares its backing array"
		b[0] = 9
		return a[0] + b[0]
	}).
	Run()

// tagged has json tag options the shims do not follow.
type tagged struct {
	N int `json:"n,string"`   // want "GG205 json tag option string of field N"
	Z int `json:"z,omitzero"` // want "GG205 json tag option omitzero of field Z"
}

// Float32Any stores float32 values in interfaces, which lose their width.
var Float32Any = dsl.KeysOnly("*").
	Map(func(k string) string {
		f := float32(len(k)) / 3
		var x any = f // want "GG205 float32 value converted to an interface"
		b, _ := json.Marshal(tagged{N: len(k)})
		c, _ := json.Marshal(f)
		_ = x
		return string(b) + string(c)
	}).
	Run()

func boxed[T any](x T) any {
	return x // want "GG205 float32 value converted to an interface" "GG204 value of shade \\(with methods\\) converted to an interface"
}

type shade int

func (s shade) String() string { return "shade" }

// Generics stores values in an interface from a generic function: each
// instantiation is checked with its type argument, and what no Python
// value can carry (float32 formatting, methods of a non-struct type) is
// rejected in the instantiation that needs it.
var Generics = dsl.KeysOnly("*").
	Map(func(k string) int {
		a, b, c := boxed(float32(len(k))), boxed(shade(len(k))), boxed(len(k))
		_, _ = a, b
		return c.(int)
	}).
	Run()

// RangeGrow appends to a slice while ranging over it and writing its
// elements: what the range sees depends on the slice's capacity.
var RangeGrow = dsl.KeysOnly("*").
	Map(func(k string) int {
		s := []int{1, 2, 3}
		t := 0
		for i, v := range s {
			s = append(s, v) // want "GG206 append to s while ranging over it and writing its elements"
			s[i] = len(k)
			t += v
		}
		return t
	}).
	Run()

type node struct{ N int }

// PtrKeys keys a map by pointers, which Python would hash by value.
var PtrKeys = dsl.KeysOnly("*").
	Map(func(k string) int {
		a := &node{len(k)}
		m := map[*node]int{} // want "GG205 map keyed by pointer type \\*rejects.node"
		m[a] = 1             // want "GG205 map keyed by pointer type \\*rejects.node"
		return m[a]          // want "GG205 map keyed by pointer type \\*rejects.node"
	}).
	Run()

// FmtTypes prints Go type names, which Python values do not carry.
var FmtTypes = dsl.KeysOnly("*").
	Map(func(k string) string {
		a := fmt.Sprintf("%T", k)                // want "GG205 fmt verb %T"
		return a + fmt.Errorf("%-#v", k).Error() // want "GG205 fmt verb %#v"
	}).
	Run()

// BytesInAny stores []byte and float32 values where Python loses their
// Go type (json.Marshal would write a list, not base64).
var BytesInAny = dsl.KeysOnly("*").
	Map(func(k string) any {
		m := map[string]any{"raw": []byte(k)} // want "GG205 \\[\\]byte value converted to an interface"
		m["f"] = []float32{1}                 // want "GG205 \\[\\]float32 value converted to an interface"
		return m
	}).
	Run()

type codeErr struct{ Code int }

func (e *codeErr) Error() string { return "code" }

func find(k string) *codeErr {
	if k == "" {
		return &codeErr{1}
	}
	return nil
}

func newCodeErr(c int) *codeErr {
	if c > 0 {
		return &codeErr{c}
	}
	return new(codeErr)
}

// TypedNil stores a pointer that may be nil in an error: Go's error is
// then not nil, Python's is.
var TypedNil = dsl.KeysOnly("*").
	Map(func(k string) string {
		var err error = find(k) // want "GG204 \\*rejects.codeErr that may be nil converted to error"
		ok := &codeErr{2}
		var err2 error = ok
		var err3 error = newCodeErr(3)
		_ = err3
		if err != nil && err2 != nil {
			return err.Error()
		}
		return k
	}).
	Run()

// AnyKeys keys a map by interface values: Python merges 1, 1.0 and true.
var AnyKeys = dsl.KeysOnly("*").
	Map(func(k string) int {
		m := map[any]int{} // want "GG205 map keyed by any"
		m[1] = 1           // want "GG205 map keyed by any, which holds an interface"
		m[1.0] = 2         // want "GG205 map keyed by any"
		return len(m)
	}).
	Run()

// CallOrder has calls that change an operand read before them where the
// calls cannot be moved first.
var CallOrder = dsl.KeysOnly("*").
	Map(func(k string) int {
		n := len(k)
		grow := func() int {
			n++
			return 1
		}
		for n+grow() < 10 { // want "GG205 a call here may change an operand read before it"
		}
		if n > 0 && n+grow() > 3 { // want "GG205 a call here may change an operand"
			n--
		}
		switch {
		case n*2 > grow(): // want "GG205 a call here may change an operand"
			n = 0
		}
		return n
	}).
	Run()

// AppendCapacity appends to a slice and writes the result by index:
// whether the original sees the write depends on its spare capacity,
// which Python does not model.
var AppendCapacity = dsl.KeysOnly("*").
	Map(func(k string) int {
		s := make([]int, 1, 10)
		t := append(s, len(k)) // want "GG206 append to s, which shares its backing array"
		t[0] = 5
		var u = append(t, 1) // want "GG206 append to t, which shares its backing array"
		u[1]++
		return s[0]
	}).
	Run()
