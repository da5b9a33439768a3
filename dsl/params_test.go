package dsl_test

import (
	"testing"

	"github.com/gogears/gogears/dsl"
)

func TestEncodeParams(t *testing.T) {
	type window struct{ From, To int }
	w := dsl.Param("window", window{1, 2})
	b, err := dsl.EncodeParams(w.Bind(window{3, 4}), dsl.Param("name", "x").Bind("y"))
	if err != nil || string(b) != `{"name":"y","window":{"From":3,"To":4}}` {
		t.Errorf("EncodeParams = %s, %v", b, err)
	}
	if _, err := dsl.EncodeParams(dsl.Param("f", func() {}).Bind(nil)); err == nil {
		t.Errorf("EncodeParams(func) succeeded, want an error")
	}
	if got := w.Get(); got != (window{1, 2}) || w.Default() != got || w.Name() != "window" {
		t.Errorf("Get outside an engine = %v, want the default", got)
	}
}
