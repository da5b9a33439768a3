package dsl

import (
	"encoding/json"
	"fmt"

	"github.com/gogears/gogears/runtime"
)

// Parameter is a typed, named gear parameter: a value chosen when the gear
// is submitted (run or deployed), not when it is written. Declare it as a
// package-level variable and call Get inside steps:
//
//	var Limit = dsl.Param("limit", 10)
//
//	var Top = dsl.KeysOnly("user:*").Filter(func(k string) bool { return len(k) < Limit.Get() }).Run()
//
// Steps may capture constants and parameters only; gogears gen rejects
// other captured variables.
//
// On the server the generated script reads the value from its GG_PARAMS
// dict (filled by the client from Bind values as JSON), falling back to
// the default. T must therefore survive a JSON round trip.
type Parameter[T any] struct {
	name string
	def  T
}

// Param declares a parameter with a name (unique within the gear's package,
// a Python identifier is best) and a default value.
func Param[T any](name string, def T) Parameter[T] {
	return Parameter[T]{name: name, def: def}
}

// Name returns the parameter's name, the key in GG_PARAMS.
func (p Parameter[T]) Name() string { return p.name }

// Default returns the parameter's default value.
func (p Parameter[T]) Default() T { return p.def }

// Get returns the parameter's value in the running execution: the value
// bound at submit time, or the default. Outside an engine (for example when
// a test calls a step function directly) it returns the default.
func (p Parameter[T]) Get() T {
	raw, ok := runtime.LookupParam(p.name)
	if !ok {
		return p.def
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		panic(&runtime.Error{Msg: fmt.Sprintf("parameter %s: value %s is not a %T: %v", p.name, raw, v, err), Flat: true})
	}
	return v
}

// Bind returns a binding of the parameter to v, to pass when submitting a
// gear (engine.Run, client.Run, client.Deploy).
func (p Parameter[T]) Bind(v T) ParamValue {
	return ParamValue{Name: p.name, Value: v}
}

// ParamValue is a parameter bound to a value.
type ParamValue struct {
	// Name is the parameter's name.
	Name string
	// Value is the bound value; it is sent as JSON.
	Value any
}

// EncodeParams returns the JSON object {name: value} of the bindings, the
// GG_PARAMS content. A name bound twice is an error.
func EncodeParams(params ...ParamValue) ([]byte, error) {
	m := make(map[string]json.RawMessage, len(params))
	for _, p := range params {
		if _, dup := m[p.Name]; dup {
			return nil, fmt.Errorf("dsl: parameter %q bound twice", p.Name)
		}
		b, err := json.Marshal(p.Value)
		if err != nil {
			return nil, fmt.Errorf("dsl: parameter %q: %w", p.Name, err)
		}
		m[p.Name] = b
	}
	return json.Marshal(m)
}
