package corpus

import (
	"encoding/json"
	"fmt"
)

// Adversarial cases, seventeenth batch (red team): fmt and json on map
// keys Go sorts or rejects, and values json cannot encode.

var _ = reg(A17FmtStructKeys, A17JSONUnsupportedKeys, A17JSONFuncValue, A17JSONCycle)

func A17FmtStructKeys(n int) []string {
	m := map[a7pt]int{{X: 2, Y: 1}: 1, {X: 1, Y: 9}: 2, {X: 1, Y: -n}: 3, {X: n}: 4}
	b := map[bool]string{true: "t", false: "f"}
	type k2 struct {
		S string
		B bool
	}
	m2 := map[k2]int{{"b", true}: 1, {"a", true}: 2, {"b", false}: 3}
	return []string{fmt.Sprint(m), fmt.Sprint(b), fmt.Sprint(m2)}
}

func A17JSONUnsupportedKeys(n int) []string {
	// Go 1.27's texts for these name a jsontext offset; the shim's differ
	// (docs/subset.md), so only the failure is compared.
	b1, e1 := json.Marshal(map[a7pt]int{{X: n}: 1})
	b2, e2 := json.Marshal(map[bool]int{true: n})
	b3, e3 := json.Marshal(map[uint8]int{255: n})
	return []string{fmt.Sprint(b1 == nil, e1 != nil), fmt.Sprint(b2 == nil, e2 != nil), string(b3), fmt.Sprint(e3)}
}

type a17withFunc struct {
	F func() int
	N int
}

func A17JSONFuncValue(n int) []string {
	_, e1 := json.Marshal(a17withFunc{N: n})
	_, e2 := json.Marshal(a17withFunc{F: func() int { return n }})
	return []string{fmt.Sprint(e1), fmt.Sprint(e2)}
}

func A17JSONCycle(n int) []string {
	a := &a14node{V: n}
	b := &a14node{V: 2, Next: a}
	b2, err := json.Marshal(b)
	a.Next = b
	_, err2 := json.Marshal(b)
	return []string{string(b2), fmt.Sprint(err), fmt.Sprint(err2)}
}
