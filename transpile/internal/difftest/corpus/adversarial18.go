package corpus

import (
	"encoding/json"
	"fmt"
)

// Adversarial cases, eighteenth batch (red team): json.Unmarshal into
// pointers, pointer elements, interfaces holding values, bool keys.

var _ = reg(A18UnmarshalPtrs, A18UnmarshalIntoAny, A18UnmarshalBoolKeys)

type a18rec struct {
	P  *a7pt
	Ps []*a7pt
	M  map[string]*a7pt
	A  any
}

func A18UnmarshalPtrs(n uint8) []string {
	keep := &a7pt{X: 1, Y: 2}
	r := a18rec{P: keep, A: map[string]any{"old": 1.0}}
	err := json.Unmarshal([]byte(`{"P": {"X": 5}, "Ps": [{"X": 1}, null], "M": {"a": {"Y": 3}, "b": null}, "A": {"new": 2}}`), &r)
	return []string{fmt.Sprint(keep.X, keep.Y, r.P == keep, len(r.Ps), r.Ps[0].X, r.Ps[1] == nil, r.M["a"].Y, r.M["b"] == nil, err), fmt.Sprint(r.A), fmt.Sprint(n)}
}

func A18UnmarshalIntoAny(n uint8) []string {
	var a any = map[string]any{"old": 1.0}
	err := json.Unmarshal([]byte(`{"new": 2}`), &a)
	var b any = 5.0
	err2 := json.Unmarshal([]byte(`[1, "x", null, true, {"k": []}]`), &b)
	var c any
	err3 := json.Unmarshal([]byte(`1e400`), &c)
	// After a type error Go 1.27 leaves c = 0.0, the shim c unchanged
	// (docs/subset.md); only the error is compared.
	return []string{fmt.Sprint(a, err), fmt.Sprint(b, err2), fmt.Sprint(err3 != nil), fmt.Sprint(n)}
}

func A18UnmarshalBoolKeys(n uint8) []string {
	var m map[bool]int
	err := json.Unmarshal([]byte(`{"true": 1}`), &m)
	var u map[uint8]string
	err2 := json.Unmarshal([]byte(`{"256": "x"}`), &u)
	return []string{fmt.Sprint(len(m), err != nil), fmt.Sprint(len(u), err2), fmt.Sprint(n)}
}
