package transpile

import "fmt"

// Code identifies one kind of diagnostic. It prints as GGnnn. Numbers are
// grouped by hundreds, written out explicitly, and never reused or changed:
// users search for them and tests assert on them. Add new codes at the end
// of their group.
//
// Groups: 0xx tool and load problems, 1xx statements, 2xx types and
// values, 3xx calls and packages, 4xx closures and captured state,
// 5xx gear structure.
type Code int

// String returns the code as GGnnn.
func (c Code) String() string { return fmt.Sprintf("GG%03d", int(c)) }

const (
	// InternalError reports a bug in gogears itself: the translator met a Go
	// construct it has no case for. The diagnostic carries the position of
	// the Go code being translated; please report it with that code.
	//
	// Example: none; any occurrence is a bug.
	InternalError Code = 1

	// LoadError reports that a package could not be loaded or type-checked
	// (syntax error, type error, missing import). Fix the Go code first:
	// `go vet` shows the same problem.
	//
	// Example:
	//
	//	var x int = "s"
	LoadError Code = 2

	// GoStmt reports a go statement. Steps run inside RedisGears, which
	// gives them no goroutines.
	//
	// Example:
	//
	//	go work()
	GoStmt Code = 101

	// Channel reports a channel type, send, receive or close.
	//
	// Example:
	//
	//	ch := make(chan int)
	Channel Code = 102

	// SelectStmt reports a select statement.
	//
	// Example:
	//
	//	select {}
	SelectStmt Code = 103

	// DeferStmt reports a defer statement; it is not lowered yet.
	//
	// Example:
	//
	//	defer cleanup()
	DeferStmt Code = 104

	// Recover reports a call of recover.
	//
	// Example:
	//
	//	r := recover()
	Recover Code = 105

	// GotoStmt reports a goto statement.
	//
	// Example:
	//
	//	goto done
	GotoStmt Code = 106

	// Fallthrough reports a fallthrough statement in a switch.
	//
	// Example:
	//
	//	case 1:
	//		fallthrough
	Fallthrough Code = 107

	// Label is retired: it reported labeled statements, break and continue
	// with a label, and continue inside a switch that also uses break. They
	// are translated now (flag variables carry a branch out of inner Python
	// loops), so no diagnostic has this code; the number is not reused.
	//
	// Example: none; it is no longer reported.
	Label Code = 108

	// RangeFunc reports range over a function iterator or a channel.
	//
	// Example:
	//
	//	for x := range seq {}
	RangeFunc Code = 109

	// Unsafe reports use of package unsafe.
	//
	// Example:
	//
	//	unsafe.Sizeof(x)
	Unsafe Code = 201

	// AddressOf reports taking the address of a variable, field or element.
	// Only &T{...} composite literals are translated.
	//
	// Example:
	//
	//	p := &x
	AddressOf Code = 202

	// DynamicInterface reports a method call through an interface other than
	// error, or a conversion to such an interface.
	//
	// Example:
	//
	//	var s fmt.Stringer = v; s.String()
	DynamicInterface Code = 204

	// UnsupportedType reports a type the translation has no representation
	// for: complex numbers, arrays, channels, function-typed fields,
	// uintptr, and embedded fields other than the module's struct types
	// (interfaces, non-struct types, other packages' types, pointers to
	// unexported structs).
	//
	// Example:
	//
	//	var c complex128
	UnsupportedType Code = 205

	// AliasingAppend reports an append whose result is stored in a variable
	// other than its first argument, or an append to a resliced value: Go may
	// share the backing array, Python lists never do.
	//
	// Example:
	//
	//	b := append(a, 1)
	AliasingAppend Code = 206

	// SliceAlias reports a slice expression on a slice (not a string): the
	// Go result shares memory with the original, a Python slice copies.
	// Reslicing is accepted only when the result is not written through.
	//
	// Example:
	//
	//	t := s[1:]; t[0] = 9
	SliceAlias Code = 207

	// TypeAssert reports a type assertion or type switch on a type other than
	// the basic types, strings, maps and slices of them.
	//
	// Example:
	//
	//	v.(MyIface)
	TypeAssert Code = 208

	// PackageCall reports a call into a package outside the allow-list and
	// outside the module.
	//
	// Example:
	//
	//	os.Getenv("HOME")
	PackageCall Code = 301

	// BlockingCommand reports a blocking Redis command (BLPOP, XREAD BLOCK,
	// WAIT...) passed to runtime.Execute; it would stall Redis.
	//
	// Example:
	//
	//	runtime.Execute("BLPOP", "q", "0")
	BlockingCommand Code = 302

	// MethodValue reports a method value or method expression Python
	// cannot hold faithfully: a method of an interface or a standard type,
	// a generic method, or a pointer method bound to a value that may be
	// reassigned (its address is taken).
	//
	// Example:
	//
	//	var err error = ...
	//	f := err.Error
	MethodValue Code = 304

	// Reflection reports use of reflect.
	//
	// Example:
	//
	//	reflect.TypeOf(x)
	Reflection Code = 306

	// CapturedVar reports a step that reads a variable declared outside it
	// that is not a constant: a package-level var, or a local of the
	// function building the gear. Steps run on the server; capture a
	// constant or a gear parameter instead.
	//
	// Example:
	//
	//	var limit = 10
	//	... Filter(func(r R) bool { return r.N < limit })
	CapturedVar Code = 401

	// GlobalWrite reports an assignment to a package-level variable.
	//
	// Example:
	//
	//	counter++
	GlobalWrite Code = 402

	// LoopCapture reports a closure created in a loop that captures a
	// per-iteration variable which is reassigned: Python closures share one
	// variable across iterations, so only read-only captures are bound.
	//
	// Example:
	//
	//	for i := range n { x := i; fs = append(fs, func() { x++ }) }
	LoopCapture Code = 404

	// GearShape reports a gear variable whose initializer is not one DSL
	// builder chain ending in Run or Register.
	//
	// Example:
	//
	//	var G = pick(dsl.KeysOnly("*").Run(), nil)
	GearShape Code = 501

	// StepArg reports a step argument that is neither a func literal nor a
	// top-level function of the module.
	//
	// Example:
	//
	//	Map(fns[0])
	StepArg Code = 502

	// OptionArg reports a builder or option argument that is not a constant
	// the transpiler can evaluate.
	//
	// Example:
	//
	//	dsl.HashKeys(prefix + "*")   // prefix is a var
	OptionArg Code = 503
)

// codeNames maps each code to a short identifier used in docs/subset.md.
var codeNames = map[Code]string{
	InternalError: "InternalError", LoadError: "LoadError",
	GoStmt: "GoStmt", Channel: "Channel", SelectStmt: "SelectStmt", DeferStmt: "DeferStmt",
	Recover: "Recover", GotoStmt: "GotoStmt", Fallthrough: "Fallthrough", Label: "Label",
	RangeFunc: "RangeFunc", Unsafe: "Unsafe", AddressOf: "AddressOf",
	DynamicInterface: "DynamicInterface", UnsupportedType: "UnsupportedType",
	AliasingAppend: "AliasingAppend", SliceAlias: "SliceAlias", TypeAssert: "TypeAssert",
	PackageCall: "PackageCall", BlockingCommand: "BlockingCommand",
	MethodValue: "MethodValue", Reflection: "Reflection",
	CapturedVar: "CapturedVar", GlobalWrite: "GlobalWrite", LoopCapture: "LoopCapture",
	GearShape: "GearShape", StepArg: "StepArg", OptionArg: "OptionArg",
}

// retired are the codes no longer reported. They keep their names and
// numbers so that old diagnostics can still be looked up.
var retired = map[Code]bool{Label: true}

// Name returns the code's identifier, e.g. "GoStmt", or "" if unknown.
func (c Code) Name() string { return codeNames[c] }
