package rejects

import (
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
