// Package rejects is a golden test case: every rejected construct, with
// the diagnostic it must produce on its line.
package rejects

import (
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"unsafe"

	"github.com/gogears/gogears/dsl"
	"github.com/gogears/gogears/runtime"
)

var limit = 10

var counter int

// Concurrency rejects goroutines, channels, select and defer.
var Concurrency = dsl.KeysOnly("*").
	ForEach(func(k string) {
		go runtime.Log(k)    // want "GG101 go statement"
		ch := make(chan int) // want "GG102 make of a channel"
		ch <- 1              // want "GG102 channel send"
		select {}            // want "GG103 select statement"
		defer runtime.Log(k) // want "GG104 defer is not supported"
		_ = recover()        // want "GG105 recover is not supported"
		for range ch {       // want "GG102 range over a channel"
		}
	}).
	Run()

// Flow rejects goto and fallthrough. Labels are translated: the labeled
// loop and the label only goto reaches draw no diagnostic of their own.
var Flow = dsl.KeysOnly("*").
	Map(func(k string) int {
		n := 0
	outer:
		for i := range 3 {
			for j := range 3 {
				if i*j > 2 {
					break outer
				}
			}
		}
		switch n {
		case 0:
			n++
			fallthrough // want "GG107 fallthrough statement"
		case 1:
			n++
		}
	again:
		for i := range 3 {
			if i == n {
				continue again
			}
			if n > 7 {
				goto again // want "GG106 goto statement"
			}
		}
		if n > 5 {
			goto done // want "GG106 goto statement"
		}
	done:
		return n
	}).
	Run()

// Values rejects pointers to locals, unsafe, reflection and aliasing.
var Values = dsl.KeysOnly("*").
	Map(func(k string) string {
		n := len(k)
		p := &n // want "GG202 address of a variable"
		_ = p
		_ = unsafe.String(nil, 0) // want "GG201 use of package unsafe"
		_ = reflect.TypeOf(k)     // want "GG306 use of package reflect"
		xs := []string{k, k}
		ys := xs[:1] // want "GG207 subslice of a slice that may be written through"
		ys[0] = "x"
		zs := append(xs[:1], "y") // want "GG206 append to a subslice" "GG207 subslice"
		_ = zs
		var c complex128 // want "GG205 unsupported type complex128"
		_ = c
		_ = cap(xs)         // want "GG205 cap is not supported"
		return os.Getenv(k) // want "GG301 call of Getenv from package os"
	}).
	Run()

// Captures rejects reading and writing package-level variables.
var Captures = dsl.KeysOnly("*").
	Filter(func(k string) bool {
		counter++             // want "GG402 assignment to package-level variable counter"
		return len(k) < limit // want "GG401 step reads package-level variable limit"
	}).
	Run()

type celsius float64

func (c celsius) String() string { return "c" }

// Interfaces rejects dispatch the Python form cannot do.
var Interfaces = dsl.KeysOnly("*").
	Map(func(k string) any {
		var v any = celsius(1) // want "GG204 value of celsius"
		_ = v
		var w any = k
		_, _ = w.([]string) // want "GG208 type assertion to \\[\\]string: Python cannot tell slice and map types apart"
		switch w.(type) {
		case int, int64: // want "GG208 types int and int64 look the same"
		}
		_ = strings.NewReader(k) // want "GG301 strings.NewReader is not supported"
		f := strings.Fields      // supported as a value
		g := strconv.FormatInt   // supported as a value
		h := fmt.Sprint          // want "GG301 function value fmt.Sprint: only non-variadic"
		_, _ = g, h
		_ = f
		_ = runtime.Execute("BLPOP", k, "0") // want "GG302 blocking command BLPOP"
		bs := []byte(k)
		_ = bs[0:1:1] // want "GG205 three-index slice expression" "GG207 subslice"
		return w
	}).
	Run()

var steps = []func(string) string{strings.ToUpper}

// BadStep passes a step that is neither a literal nor a function.
var BadStep = dsl.KeysOnly("*").
	Map(steps[0]). // want "GG502 step argument"
	Run()

// BadOption passes a non-constant option.
var BadOption = dsl.KeysOnly(pattern()). // want "GG503 argument is not a constant string"
						Run()

func pattern() string { return "x*" }
