package corpus

import (
	"encoding/json"
	"fmt"
)

var _ = reg(RevJSONEmbedDeepErr)

type RJBase struct {
	ID   string
	Tags []int
}

type rjRef struct {
	*RJBase
	Rev int
}

type rjIn struct {
	A int
	B string `json:"b"`
}

type rjOuter struct {
	rjIn
	Ref rjRef
	C   []rjIn
}

type rjDeep struct {
	rjOuter
	X map[string]rjRef
}

func RevJSONEmbedDeepErr(n int) []string {
	var out []string
	for _, doc := range []string{`{"X":{"k":{"ID":1}}}`, `{"Ref":{"Tags":{"a":1}}}`, `{"C":[{"b":false}]}`, `{"X":{"k":{"Rev":"s"}}}`} {
		var d rjDeep
		err := json.Unmarshal([]byte(doc), &d)
		out = append(out, fmt.Sprint(err))
	}
	return out
}
