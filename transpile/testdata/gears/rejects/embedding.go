package rejects

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/gogears/gogears/dsl"
)

type level int

func (l level) String() string { return fmt.Sprint(int(l)) }

type hidden struct{ N int }

type withIface struct {
	fmt.Stringer // want "GG205 embedded interface fmt.Stringer"
	N            int
}

type withNamed struct {
	level // want "GG205 embedded field rejects.level of non-struct type"
}

type withStd struct {
	time.Time // want "GG205 embedded field time.Time from package time"
}

type withHiddenPtr struct {
	*hidden // want "GG205 embedded pointer to unexported struct type \\*rejects.hidden"
}

// Embedding rejects what the translation cannot embed faithfully.
var Embedding = dsl.KeysOnly("*").
	Map(func(k string) int {
		var a withIface     // want "GG205 unsupported type .*rejects.withIface"
		var b withNamed     // want "GG205 unsupported type .*rejects.withNamed"
		var c withStd       // want "GG205 unsupported type .*rejects.withStd"
		var d withHiddenPtr // want "GG205 unsupported type .*rejects.withHiddenPtr"
		_ = c
		return a.N + int(b.level) + d.N
	}).
	Run()

type stamp struct{ At int }

func (s stamp) MarshalJSON() ([]byte, error) { return []byte(`"stamp"`), nil }

func (s *stamp) UnmarshalText(b []byte) error { s.At = len(b); return nil }

// event gets MarshalJSON and UnmarshalText from its embedded stamp.
type event struct {
	stamp
	Name string
}

type envelope struct {
	Events []event
}

// JSONMethods rejects encoding types whose json methods the shims ignore.
var JSONMethods = dsl.KeysOnly("*").
	Map(func(k string) envelope {
		b, _ := json.Marshal(envelope{}) // want "GG205 rejects.event has method MarshalJSON \\(promoted from an embedded field\\)"
		var e event
		err := json.Unmarshal(b, &e) // want "GG205 rejects.event has method UnmarshalText \\(promoted"
		_ = err
		return envelope{}
	}).
	Run() // want "GG205 rejects.event has method MarshalJSON"

// JSONMethodsAny rejects hiding such a type in an interface value.
var JSONMethodsAny = dsl.KeysOnly("*").
	Map(func(k string) string {
		var v any = envelope{} // want "GG205 rejects.event has method MarshalJSON"
		b, _ := json.Marshal(v)
		return string(b)
	}).
	Run()

type ptrStringer struct{ S string }

func (p *ptrStringer) String() string { return p.S }

type holder struct{ ptrStringer }

// PromotedPtrString rejects struct values whose promoted String needs a
// pointer: fmt would not call it, and the class has it.
var PromotedPtrString = dsl.KeysOnly("*").
	Map(func(k string) string {
		v := struct{ ptrStringer }{}
		h := holder{}
		return fmt.Sprint(v) + // want "GG204 struct value converted to an interface, and its promoted String method has a pointer receiver"
			fmt.Sprint(h) // want "GG204 struct value of holder converted to an interface, and its String method has a pointer receiver"
	}).
	Run()

type withLevel struct{ L level }

// NestedStringer rejects printing a named non-struct type with a String
// method below the top level: its Python value is a plain int.
var NestedStringer = dsl.KeysOnly("*").
	Map(func(k string) string {
		return fmt.Sprint(withLevel{}) + // want "GG204 fmt would print rejects.level inside this value through its String method"
			fmt.Sprint([]level{1}) + // want "GG204 fmt would print rejects.level inside"
			fmt.Sprint([]time.Duration{1}) + // the shims print a Duration through String
			fmt.Sprint(level(2))
	}).
	Run()

// SharpV rejects the Go-syntax verb, which needs Go type names.
var SharpV = dsl.KeysOnly("*").
	Map(func(k string) string {
		return fmt.Sprintf("%#v", k) + // want "GG205 fmt verb %#v: Python values do not carry Go type names"
			fmt.Sprintf("%%#v %+v %[1]v", k) +
			fmt.Sprintf("%-#8v", k) // want "GG205 fmt verb %#v"
	}).
	Run()
