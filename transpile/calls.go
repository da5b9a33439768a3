package transpile

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/gogears/gogears/pyast"
	"github.com/gogears/gogears/runtime/cmd/spec"
	"golang.org/x/tools/go/types/typeutil"
)

// Import paths the translator knows specially.
const (
	dslPath     = "github.com/gogears/gogears/dsl"
	runtimePath = "github.com/gogears/gogears/runtime"
	cmdPath     = "github.com/gogears/gogears/runtime/cmd"
)

// allowedPackages are the standard packages steps may call into; each
// allowed function has an entry in stdFuncs.
var allowedPackages = map[string]bool{
	"strings": true, "strconv": true, "fmt": true, "math": true, "sort": true, "slices": true,
	"maps": true, "unicode": true, "unicode/utf8": true, "encoding/json": true, "time": true, "errors": true,
}

// stdVars maps allowed package-level variables to shim values.
var stdVars = map[string]string{
	"strconv.ErrSyntax": "_gg_errsyntax",
	"strconv.ErrRange":  "_gg_errrange",
}

// A stdFunc translates a call of an allowed standard function, given its
// translated arguments.
type stdFunc func(c *funcCtx, e *ast.CallExpr, args []pyast.Expr) pyast.Expr

// shimFn maps a function to a shim taking the same arguments.
func shimFn(name string, extra ...pyast.Expr) stdFunc {
	return func(c *funcCtx, e *ast.CallExpr, args []pyast.Expr) pyast.Expr {
		return c.t.shimCall(name, append(args, extra...)...)
	}
}

// methodFn maps a function to a method of its first argument.
func methodFn(name string) stdFunc {
	return func(c *funcCtx, e *ast.CallExpr, args []pyast.Expr) pyast.Expr {
		return pyCall(pyAttr(args[0], name), args[1:]...)
	}
}

// mathFn maps to a function of Python's math module, which agrees with Go
// on the values the shims do not special-case.
func mathFn(name string) stdFunc {
	return func(c *funcCtx, e *ast.CallExpr, args []pyast.Expr) pyast.Expr {
		c.t.needMath = true
		return pyCall(pyAttr(pyName("math"), name), args...)
	}
}

var stdFuncs map[string]stdFunc

func init() {
	byteArg := func(c *funcCtx, e *ast.CallExpr, args []pyast.Expr) pyast.Expr {
		return pyCall(pyName("bytes"), pyTuple(args[1]))
	}
	stdFuncs = map[string]stdFunc{
		// strings
		"strings.Contains":     func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr { return pyCmp(a[1], pyast.In, a[0]) },
		"strings.ContainsRune": shimFn("_gg_containsrune"),
		"strings.ContainsAny":  shimFn("_gg_containsany"),
		"strings.HasPrefix":    methodFn("startswith"),
		"strings.HasSuffix":    methodFn("endswith"),
		"strings.Index":        methodFn("find"),
		"strings.LastIndex":    methodFn("rfind"),
		"strings.IndexByte": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return pyCall(pyAttr(a[0], "find"), byteArg(c, e, a))
		},
		"strings.IndexRune":  shimFn("_gg_indexrune"),
		"strings.IndexAny":   shimFn("_gg_indexany"),
		"strings.Split":      shimFn("_gg_split"),
		"strings.SplitN":     shimFn("_gg_splitn"),
		"strings.SplitAfter": shimFn("_gg_splitafter"),
		"strings.Join":       shimFn("_gg_join"),
		"strings.Fields":     shimFn("_gg_fields"),
		"strings.FieldsFunc": shimFn("_gg_fieldsfunc"),
		"strings.TrimSpace":  shimFn("_gg_trimspace"),
		"strings.Trim":       shimFn("_gg_trim"),
		"strings.TrimLeft":   shimFn("_gg_trimleft"),
		"strings.TrimRight":  shimFn("_gg_trimright"),
		"strings.TrimPrefix": shimFn("_gg_trimprefix"),
		"strings.TrimSuffix": shimFn("_gg_trimsuffix"),
		"strings.TrimFunc": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.t.shimCall("_gg_trimfunc_r", c.t.shimCall("_gg_trimfunc_l", a[0], a[1]), a[1])
		},
		"strings.TrimLeftFunc":  shimFn("_gg_trimfunc_l"),
		"strings.TrimRightFunc": shimFn("_gg_trimfunc_r"),
		"strings.ToUpper":       shimFn("_gg_toupper"),
		"strings.ToLower":       shimFn("_gg_tolower"),
		"strings.ToTitle":       shimFn("_gg_totitle"),
		"strings.Repeat":        shimFn("_gg_repeat"),
		"strings.Replace":       shimFn("_gg_replace"),
		"strings.ReplaceAll": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.t.shimCall("_gg_replace", a[0], a[1], a[2], pyast.NewInt(-1))
		},
		"strings.Count":         shimFn("_gg_count"),
		"strings.EqualFold":     shimFn("_gg_equalfold"),
		"strings.Cut":           shimFn("_gg_cut"),
		"strings.IndexFunc":     shimFn("_gg_indexfunc"),
		"strings.LastIndexFunc": shimFn("_gg_lastindexfunc"),
		"strings.ContainsFunc": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return pyCmp(c.t.shimCall("_gg_indexfunc", a...), pyast.GtE, pyast.NewInt(0))
		},
		"strings.Map": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.t.shimCall("_gg_mapstr", a[0], a[1])
		},
		"strings.Compare": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.t.shimCall("_gg_cmp", a[0], a[1])
		},
		// strconv
		"strconv.Atoi":         shimFn("_gg_atoi"),
		"strconv.Itoa":         shimFn("_gg_itoa"),
		"strconv.ParseInt":     shimFn("_gg_parseint"),
		"strconv.ParseUint":    shimFn("_gg_parseuint"),
		"strconv.ParseFloat":   shimFn("_gg_parsefloat"),
		"strconv.ParseBool":    shimFn("_gg_parsebool"),
		"strconv.FormatInt":    shimFn("_gg_formatint"),
		"strconv.FormatUint":   shimFn("_gg_formatint"),
		"strconv.FormatFloat":  shimFn("_gg_formatfloat"),
		"strconv.FormatBool":   shimFn("_gg_formatbool"),
		"strconv.Quote":        shimFn("_gg_quote"),
		"strconv.QuoteToASCII": shimFn("_gg_quoteascii"),
		"strconv.QuoteRune":    shimFn("_gg_quoterune"),
		"strconv.Unquote":      shimFn("_gg_unquote"),
		// fmt
		"fmt.Sprintf":  shimFn("_gg_sprintf"),
		"fmt.Sprint":   shimFn("_gg_sprint"),
		"fmt.Sprintln": shimFn("_gg_sprintln"),
		"fmt.Errorf":   shimFn("_gg_errorf"),
		// errors
		"errors.New":    shimFn("_gg_errors_new"),
		"errors.Is":     shimFn("_gg_errors_is"),
		"errors.Unwrap": shimFn("_gg_errors_unwrap"),
		// math
		"math.Sqrt": shimFn("_gg_sqrt"), "math.Floor": shimFn("_gg_floor"), "math.Ceil": shimFn("_gg_ceil"),
		"math.Trunc": shimFn("_gg_trunc"), "math.Round": shimFn("_gg_round"), "math.RoundToEven": shimFn("_gg_roundeven"),
		"math.Log": shimFn("_gg_log"), "math.Log2": shimFn("_gg_log2"), "math.Log10": shimFn("_gg_log10"),
		"math.Exp": shimFn("_gg_exp"), "math.Pow": shimFn("_gg_pow"), "math.Mod": shimFn("_gg_mathmod"),
		"math.Min": shimFn("_gg_fmin"), "math.Max": shimFn("_gg_fmax"), "math.Inf": shimFn("_gg_inf"),
		"math.IsInf": shimFn("_gg_isinf"),
		"math.Abs":   func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr { return pyCall(pyName("abs"), a...) },
		"math.IsNaN": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr { return pyCmp(a[0], pyast.NotEq, a[0]) },
		"math.NaN": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return pyCall(pyName("float"), pyast.NewStr("nan"))
		},
		"math.Copysign": mathFn("copysign"),
		"math.Signbit": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			c.t.needMath = true
			return pyCmp(pyCall(pyAttr(pyName("math"), "copysign"), &pyast.Float{Value: 1}, a[0]), pyast.Lt, &pyast.Float{Value: 0})
		},
		"math.Hypot": shimFn("_gg_hypot"), "math.Sin": shimFn("_gg_sin"), "math.Cos": shimFn("_gg_cos"), "math.Atan": mathFn("atan"),
		// sort, slices, maps
		"sort.Strings": shimFn("_gg_sort"), "sort.Ints": shimFn("_gg_sort"), "sort.Float64s": shimFn("_gg_sort"),
		"sort.Slice": shimFn("_gg_sortslice"), "sort.SliceStable": shimFn("_gg_sortslicestable"),
		"sort.StringsAreSorted": shimFn("_gg_issorted"), "sort.IntsAreSorted": shimFn("_gg_issorted"),
		"slices.Sort": shimFn("_gg_sort"), "slices.SortFunc": shimFn("_gg_sortcmp"), "slices.SortStableFunc": shimFn("_gg_sortcmpstable"),
		"slices.IsSorted": shimFn("_gg_issorted"), "slices.Contains": shimFn("_gg_contains_el"),
		"slices.Index": shimFn("_gg_index_el"), "slices.Reverse": shimFn("_gg_reverse"),
		"slices.Equal": shimFn("_gg_slices_equal"), "slices.BinarySearch": shimFn("_gg_binsearch"),
		"slices.Clone": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.copyElems(c.t.shimCall("_gg_clone", a...), c.info.TypeOf(e.Args[0]))
		},
		"maps.Clone":       shimFn("_gg_clone"),
		"slices.IndexFunc": shimFn("_gg_indexfunc_el"),
		"slices.ContainsFunc": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return pyCmp(c.t.shimCall("_gg_indexfunc_el", a...), pyast.GtE, pyast.NewInt(0))
		},
		"sort.Search": shimFn("_gg_search"), "sort.SearchInts": shimFn("_gg_searchsorted"),
		"sort.SearchStrings": shimFn("_gg_searchsorted"), "sort.SearchFloat64s": shimFn("_gg_searchsorted"),
		"slices.Max": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.t.shimCall("_gg_max", &pyast.Starred{Value: c.t.shimCall("_gg_nonempty", a[0], pyBytes("slices.Max: empty list"))})
		},
		"slices.Min": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
			return c.t.shimCall("_gg_min", &pyast.Starred{Value: c.t.shimCall("_gg_nonempty", a[0], pyBytes("slices.Min: empty list"))})
		},
		// unicode, utf8
		"unicode.IsLetter": shimFn("_gg_isletter"), "unicode.IsDigit": shimFn("_gg_isdigit"),
		"unicode.IsNumber": shimFn("_gg_isnumber"), "unicode.IsSpace": shimFn("_gg_isspace"),
		"unicode.IsUpper": shimFn("_gg_isupper"), "unicode.IsLower": shimFn("_gg_islower"),
		"unicode.IsPunct": shimFn("_gg_ispunct"), "unicode.IsControl": shimFn("_gg_iscontrol"),
		"unicode.ToUpper": shimFn("_gg_utoupper"), "unicode.ToLower": shimFn("_gg_utolower"),
		"unicode.ToTitle":                     shimFn("_gg_utotitle"),
		"unicode/utf8.RuneCountInString":      shimFn("_gg_runecount"),
		"unicode/utf8.ValidString":            shimFn("_gg_validstr"),
		"unicode/utf8.RuneLen":                shimFn("_gg_runelen"),
		"unicode/utf8.DecodeRuneInString":     shimFn("_gg_decoderune"),
		"unicode/utf8.DecodeLastRuneInString": shimFn("_gg_decodelastrune"),
		// encoding/json
		"encoding/json.Marshal": shimFn("_gg_json_marshal"),
		// time
		"time.Now": shimFn("_gg_now"), "time.Unix": shimFn("_gg_unix"), "time.UnixMilli": shimFn("_gg_unixmilli"),
		"time.Since": shimFn("_gg_since"),
	}
}

// stdMethods maps methods of standard types, keyed "pkg.Type.Method".
var stdMethods = map[string]stdFunc{
	"time.Duration.Seconds": shimFn("_gg_dur_seconds"),
	"time.Duration.Minutes": shimFn("_gg_dur_minutes"),
	"time.Duration.Hours":   shimFn("_gg_dur_hours"),
	"time.Duration.String":  shimFn("_gg_dur_str"),
	"time.Duration.Milliseconds": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
		return c.t.shimCall("_gg_div", a[0], pyast.NewInt(1000000))
	},
	"time.Duration.Microseconds": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr {
		return c.t.shimCall("_gg_div", a[0], pyast.NewInt(1000))
	},
	"time.Duration.Nanoseconds": func(c *funcCtx, e *ast.CallExpr, a []pyast.Expr) pyast.Expr { return a[0] },
}

// stdTypeMethods are standard types whose methods the shims define with
// the same names (time.Time, strings.Builder).
var stdTypeMethods = map[string]map[string]bool{
	"time.Time":       {"Unix": true, "UnixMilli": true, "UnixNano": true, "Sub": true, "Add": true, "Before": true, "After": true, "Equal": true, "IsZero": true},
	"strings.Builder": {"WriteString": true, "WriteByte": true, "WriteRune": true, "String": true, "Len": true, "Reset": true, "Grow": true},
}

// stdZero gives the zero value of standard struct types the shims model.
var stdZero = map[string]func(t *translator) pyast.Expr{
	"time.Time": func(t *translator) pyast.Expr {
		return t.shimCall("_GgTime", pyast.NewInt(-62135596800), pyast.NewInt(0))
	},
	"strings.Builder": func(t *translator) pyast.Expr { return t.shimCall("_GgBuilder") },
}

// inModule reports whether path belongs to the user's module.
func (t *translator) inModule(path string) bool {
	return t.modulePath != "" && (path == t.modulePath || strings.HasPrefix(path, t.modulePath+"/"))
}

// call translates a call: conversions, builtins, then by callee.
func (c *funcCtx) call(e *ast.CallExpr) pyast.Expr {
	if tv := c.info.Types[e.Fun]; tv.IsType() {
		return c.conversion(e, tv.Type)
	}
	if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			return c.builtin(e, b.Name())
		}
	}
	if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
		if _, ok := c.info.Uses[sel.Sel].(*types.Builtin); ok {
			c.t.errorf(e, Unsafe, "remove the unsafe code", "use of package unsafe")
			return pyNone()
		}
	}
	fn, _ := typeutil.Callee(c.info, e).(*types.Func)
	if fn == nil {
		// A call through a func value: closures and func-typed variables
		// are Python functions.
		sig, _ := c.info.TypeOf(e.Fun).Underlying().(*types.Signature)
		if sig == nil {
			bug(e, "call of non-function")
		}
		return pyCall(c.expr(e.Fun), c.args(e, sig)...)
	}
	if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
		if s := c.info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
			// T.M(x, ...): the receiver is the first argument.
			return pyCall(c.expr(e.Fun), c.args(e, c.info.TypeOf(e.Fun).(*types.Signature))...)
		}
	}
	fn = fn.Origin()
	if m := c.typeParamMethod(e, fn); m != nil {
		fn = m
	}
	sig := fn.Signature()
	pkg := fn.Pkg()
	if pkg == nil {
		// error.Error, the one universe method.
		return pyCall(pyAttr(c.expr(e.Fun.(*ast.SelectorExpr).X), fn.Name()))
	}
	path := pkg.Path()
	if recv := sig.Recv(); recv != nil {
		return c.methodCall(e, fn)
	}
	switch {
	case path == runtimePath:
		return c.runtimeCall(e, fn)
	case path == cmdPath:
		return c.cmdCall(e, fn)
	case path == "unsafe":
		c.t.errorf(e, Unsafe, "remove the unsafe code", "use of package unsafe")
		return pyNone()
	case path == "reflect":
		c.t.errorf(e, Reflection, "use a type switch on the supported types", "use of package reflect")
		return pyNone()
	case path == "encoding/json" && fn.Name() == "Unmarshal":
		return c.jsonUnmarshal(e)
	case path == "encoding/json" && fn.Name() == "Marshal":
		// The static type tells float32 and []byte apart in Python.
		c.t.checkJSONMethods(e, c.info.TypeOf(e.Args[0]), true)
		return c.t.shimCall("_gg_json_marshal", c.expr(e.Args[0]), c.t.jsonDesc(c.info.TypeOf(e.Args[0])))
	case path == "slices" && (fn.Name() == "Sorted" || fn.Name() == "Collect"):
		return c.seqCollect(e, fn.Name() == "Sorted")
	case allowedPackages[path]:
		f, ok := stdFuncs[path+"."+fn.Name()]
		if !ok {
			c.t.errorf(e, PackageCall, "see docs/subset.md for the supported standard functions", "%s.%s is not supported in steps", pkg.Name(), fn.Name())
			return pyNone()
		}
		if path == "fmt" {
			if len(e.Args) > 0 && (fn.Name() == "Sprintf" || fn.Name() == "Errorf") {
				if format, ok := c.constString(e.Args[0]); ok {
					if verb := typeVerb(format); verb != "" {
						c.t.errorf(e.Args[0], UnsupportedType, "print the type with a type switch, or the value with %v", "fmt verb %s: Python values do not carry Go type names", verb)
					}
				}
			}
			return f(c, e, c.fmtArgs(e, sig))
		}
		return f(c, e, c.args(e, sig))
	}
	if _, ok := c.t.decls[fn]; ok && c.t.inModule(path) {
		return pyCall(c.funcRef(e.Fun, fn), c.args(e, c.callSig(e, sig))...)
	}
	if path == dslPath {
		c.t.errorf(e, PackageCall, "build gears at package level, not inside steps", "dsl.%s called inside a step", fn.Name())
		return pyNone()
	}
	c.t.errorf(e, PackageCall, "call only the module's own functions and the allowed standard packages (docs/subset.md)", "call of %s from package %s", fn.Name(), path)
	return pyNone()
}

// args translates call arguments for sig: f(g()) with a multi-value g
// spreads its tuple, and a variadic call passes its extra arguments as is
// (the callee's *args becomes a list) or spreads a slice given with ...
func (c *funcCtx) args(e *ast.CallExpr, sig *types.Signature) []pyast.Expr {
	return c.argsOpt(e, sig, true)
}

// argsOpt is args; check false leaves interface checks to fmtArgs.
func (c *funcCtx) argsOpt(e *ast.CallExpr, sig *types.Signature, check bool) []pyast.Expr {
	params := sig.Params()
	if len(e.Args) == 1 && params.Len() > 1 {
		if tup, ok := c.info.TypeOf(e.Args[0]).(*types.Tuple); ok && tup.Len() > 1 {
			return []pyast.Expr{&pyast.Starred{Value: c.expr(e.Args[0])}}
		}
	}
	var out []pyast.Expr
	for i, a := range e.Args {
		var pt types.Type
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			st := params.At(params.Len() - 1).Type().(*types.Slice)
			if e.Ellipsis.IsValid() {
				v := c.expr(a)
				if isString(c.info.TypeOf(a)) {
					v = pyCall(pyName("list"), v)
				}
				out = append(out, &pyast.Starred{Value: &pyast.BoolOp{Op: pyast.Or, Values: []pyast.Expr{v, pyTuple()}}})
				continue
			}
			pt = st.Elem()
		default:
			pt = params.At(i).Type()
		}
		out = append(out, c.valueToOpt(a, pt, check))
	}
	return out
}

// isDuration reports whether t is time.Duration.
func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// typeVerb returns the first verb of format that prints Go type names
// (%T, %#v), or "".
func typeVerb(format string) string {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		sharp := false
		j := i + 1
		for ; j < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[j]) >= 0; j++ {
			sharp = sharp || format[j] == '#'
		}
		if j < len(format) {
			switch {
			case format[j] == 'T':
				return "%T"
			case format[j] == 'v' && sharp:
				return "%#v"
			}
		}
		i = j
	}
	return ""
}

// fmtArgs translates fmt arguments, marking values whose Go type fmt
// needs: []byte prints as text with %s, float32 with float32 digits,
// pointers to structs as &{...}, and named non-struct types through their
// String or Error method.
func (c *funcCtx) fmtArgs(e *ast.CallExpr, sig *types.Signature) []pyast.Expr {
	out := c.argsOpt(e, sig, false)
	if e.Ellipsis.IsValid() {
		return out
	}
	for i, a := range e.Args {
		if i >= len(out) {
			break
		}
		t := c.info.TypeOf(a)
		if t == nil || c.info.Types[a].Value != nil && i == 0 {
			continue
		}
		c.fmtReach(a, t, true)
		switch t.Underlying().(type) {
		case *types.Slice, *types.Map:
			if isByteSlice(t) {
				out[i] = c.t.shimCall("_GgBytes", out[i])
			} else {
				out[i] = c.t.shimCall("_GgTyped", out[i], c.t.jsonDesc(t))
			}
			continue
		}
		switch {
		case isByteSlice(t):
			out[i] = c.t.shimCall("_GgBytes", out[i])
		case isFloat32(t):
			out[i] = c.t.shimCall("_GgF32", out[i])
		case isDuration(t):
			// fmt prints a Duration through its String method.
			out[i] = c.t.shimCall("_GgStringer", out[i], pyName(c.t.shims.use("_gg_dur_str")))
		default:
			if types.IsInterface(t) {
				// Python dispatches on the value the interface holds.
			} else if named, ok := types.Unalias(derefType(t)).(*types.Named); ok && named.Obj().Pkg() != nil && c.t.inModule(named.Obj().Pkg().Path()) {
				_, isStruct := named.Underlying().(*types.Struct)
				for _, m := range []string{"Error", "String"} {
					obj, index, _ := types.LookupFieldOrMethod(t, true, named.Obj().Pkg(), m)
					if fn, ok := obj.(*types.Func); ok && fn.Signature().Params().Len() == 0 {
						if !isStruct || hasPtrOnlyMethod(named, m) {
							if _, isPtr := t.(*types.Pointer); isStruct && !isPtr {
								c.checkInterfaceValue(a, t)
								break
							}
							out[i] = c.t.shimCall("_GgStringer", out[i], c.promotedRef(a, fn, t, index))
							break
						}
						c.t.attachMethods(named)
					}
				}
				if _, isPtr := t.(*types.Pointer); isPtr && isStruct {
					if _, wrapped := out[i].(*pyast.Call); !wrapped || out[i].(*pyast.Call).Func.(*pyast.Name).ID != "_GgStringer" {
						out[i] = c.t.shimCall("_GgPtr", out[i])
					}
				}
			} else if _, ok := types.Unalias(derefType(t)).Underlying().(*types.Struct); ok {
				out[i] = c.unnamedFmtArg(a, t, out[i])
			}
		}
	}
	return out
}

// methodCall translates x.M(args) for methods of the module's types,
// standard types, and interface methods.
func (c *funcCtx) methodCall(e *ast.CallExpr, fn *types.Func) pyast.Expr {
	fun := ast.Unparen(e.Fun)
	if ix, ok := fun.(*ast.IndexExpr); ok { // x.M[T](...), a generic method
		fun = ast.Unparen(ix.X)
	} else if ix, ok := fun.(*ast.IndexListExpr); ok {
		fun = ast.Unparen(ix.X)
	}
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok {
		bug(e, "method call without selector")
	}
	sig := fn.Signature()
	recvT := sig.Recv().Type()
	xt := c.info.TypeOf(sel.X)
	if types.IsInterface(recvT) {
		if types.IsInterface(xt) {
			c.noteInterfaceCall(e, xt, fn)
			return pyCall(pyAttr(c.expr(sel.X), attrName(fn.Name())), c.args(e, sig)...)
		}
	}
	named, _ := types.Unalias(derefType(recvT)).(*types.Named)
	if named != nil && named.Obj().Pkg() != nil {
		key := named.Obj().Pkg().Path() + "." + named.Obj().Name()
		if f, ok := stdMethods[key+"."+fn.Name()]; ok {
			return f(c, e, append([]pyast.Expr{c.expr(sel.X)}, c.args(e, sig)...))
		}
		if stdTypeMethods[key][fn.Name()] {
			return pyCall(pyAttr(c.expr(sel.X), fn.Name()), c.args(e, sig)...)
		}
		if key == dslPath+".Parameter" && fn.Name() == "Get" {
			return c.paramGet(e, sel.X)
		}
		if !c.t.inModule(named.Obj().Pkg().Path()) {
			c.t.errorf(e, PackageCall, "see docs/subset.md for the supported standard methods", "method %s.%s is not supported in steps", named.Obj().Name(), fn.Name())
			return pyNone()
		}
	}
	if _, ok := c.t.decls[fn]; !ok {
		c.t.errorf(e, PackageCall, "call methods declared in the module's own packages", "method %s has no source to translate", fn.FullName())
		return pyNone()
	}
	recv := c.expr(sel.X)
	fresh := isFresh(sel.X)
	if s := c.info.Selections[sel]; s != nil && len(s.Index()) > 1 {
		// A promoted method receives the embedded value; through a nil
		// embedded pointer a value receiver panics, as in Go.
		recv, xt = embedPath(recv, xt, s.Index()[:len(s.Index())-1])
		fresh = false
		if _, xptr := xt.(*types.Pointer); xptr && isStructValue(recvT) {
			recv = c.t.shimCall("_gg_deref", recv)
		}
	}
	if _, ptr := recvT.(*types.Pointer); !ptr && isStructValue(recvT) {
		// A value receiver gets a copy; x may be a value or a pointer.
		if _, xptr := xt.(*types.Pointer); xptr || !fresh {
			recv = c.t.shimCall("_gg_cp", recv)
		}
	}
	var own []types.Type
	if sig.TypeParams().Len() > 0 {
		own = instTypeArgs(c.info, c.sub, sel.Sel)
	}
	ref := c.t.methodRef(fn, xt, own, sel.Sel)
	return pyCall(ref, append([]pyast.Expr{recv}, c.args(e, c.callSig(e, sig))...)...)
}

// callSig returns the signature a call's arguments are translated for:
// the instantiated one when the callee is generic, so arguments see the
// instance's parameter types.
func (c *funcCtx) callSig(e *ast.CallExpr, sig *types.Signature) *types.Signature {
	if sig.TypeParams().Len() == 0 && sig.RecvTypeParams().Len() == 0 {
		return sig
	}
	if s, ok := c.info.TypeOf(e.Fun).(*types.Signature); ok {
		return s
	}
	return sig
}

// typeParamMethod returns the concrete method a call x.M() reaches when x
// had a type parameter type, whose methods come from its constraint: in
// an instantiation x has the type argument, and the call goes to that
// type's method directly (no Python dispatch on a value that may be a
// plain int). It returns nil for other calls.
func (c *funcCtx) typeParamMethod(e *ast.CallExpr, fn *types.Func) *types.Func {
	recv := fn.Signature().Recv()
	if c.sub == nil || recv == nil || !types.IsInterface(recv.Type()) {
		return nil
	}
	sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	xt := c.info.TypeOf(sel.X)
	if xt == nil || types.IsInterface(xt) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(xt, true, fn.Pkg(), fn.Name())
	m, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	return m.Origin()
}

// noteInterfaceCall checks a method call through an interface value: the
// error interface's Error is always available; other methods dispatch on
// struct classes, whose methods are attached when they become interfaces.
func (c *funcCtx) noteInterfaceCall(e *ast.CallExpr, it types.Type, fn *types.Func) {
	if isErrorType(it) || fn.Name() == "Error" || fn.Name() == "String" {
		return
	}
	if named, ok := types.Unalias(it).(*types.Named); ok && named.Obj().Pkg() != nil && c.t.inModule(named.Obj().Pkg().Path()) {
		return
	}
	c.t.errorf(e, DynamicInterface, "call a concrete type's method", "method %s called through interface %s", fn.Name(), types.TypeString(it, qualifier))
}

// runtimeCall maps the gogears runtime package to RedisGears builtins.
func (c *funcCtx) runtimeCall(e *ast.CallExpr, fn *types.Func) pyast.Expr {
	a := c.args(e, fn.Signature())
	str := func(x pyast.Expr) pyast.Expr { return c.t.shimCall("_gg_str", x) }
	text := func(x pyast.Expr) pyast.Expr { return c.t.shimCall("_gg_text", x) }
	switch fn.Name() {
	case "Execute":
		if cmdName, ok := c.constString(e.Args[0]); ok && blockingCommands[strings.ToUpper(cmdName)] {
			c.t.errorf(e, BlockingCommand, "use the non-blocking form of the command", "blocking command %s in a step", strings.ToUpper(cmdName))
		}
		return c.t.shimCall("_gg_in", pyCall(pyName("execute"), append([]pyast.Expr{str(a[0])}, a[1:]...)...))
	case "Log":
		return pyCall(pyName("log"), text(a[0]))
	case "LogAt":
		return &pyast.Call{Func: pyName("log"), Args: []pyast.Expr{text(a[1])}, Keywords: []pyast.Keyword{{Arg: "level", Value: str(a[0])}}}
	case "Atomic":
		return c.t.shimCall("_gg_atomic", a[0])
	case "HashTag":
		return c.t.shimCall("_gg_in", pyCall(pyName("hashtag")))
	case "ConfigGet":
		return c.t.shimCall("_gg_configget", a[0])
	case "GearsConfigGet":
		return c.t.shimCall("_gg_in", pyCall(pyName("gearsConfigGet"), str(a[0]), str(a[1])))
	case "OverrideReply":
		return pyCall(pyName("override_reply"), c.t.shimCall("_gg_out", a[0]))
	case "CallNext":
		return c.t.shimCall("_gg_in", pyCall(pyName("call_next"), a...))
	case "GetCommand":
		return c.t.shimCall("_gg_in", pyCall(pyName("get_command")))
	case "FlatError":
		return pyCall(pyName("flat_error"), text(a[0]))
	}
	c.t.errorf(e, PackageCall, "use the runtime functions documented for steps", "runtime.%s cannot be called in a step", fn.Name())
	return pyNone()
}

// blockingCommands would stall Redis inside a gear.
var blockingCommands = map[string]bool{
	"BLPOP": true, "BRPOP": true, "BRPOPLPUSH": true, "BLMOVE": true, "BLMPOP": true, "BZPOPMIN": true,
	"BZPOPMAX": true, "BZMPOP": true, "WAIT": true, "WAITAOF": true, "XREAD": true, "XREADGROUP": true,
	"SUBSCRIBE": true, "PSUBSCRIBE": true, "SSUBSCRIBE": true, "MONITOR": true,
}

// constString returns the value of a constant string expression.
func (c *funcCtx) constString(e ast.Expr) (string, bool) {
	tv := c.info.Types[e]
	if tv.Value == nil {
		return "", false
	}
	s := tv.Value.ExactString()
	if len(s) >= 2 && s[0] == '"' {
		return strings.Trim(s, `"`), true
	}
	return "", false
}

var cmdSpecs = func() map[string]spec.Command {
	m := map[string]spec.Command{}
	for _, cmd := range spec.Commands {
		m[cmd.Func] = cmd
	}
	return m
}()

// cmdCall translates a typed command of runtime/cmd into execute() and
// the reply kind's conversion, from the command table.
func (c *funcCtx) cmdCall(e *ast.CallExpr, fn *types.Func) pyast.Expr {
	cs, ok := cmdSpecs[fn.Name()]
	if !ok {
		c.t.errorf(e, PackageCall, "use a command from the table in runtime/cmd/spec", "cmd.%s is not a command", fn.Name())
		return pyNone()
	}
	toks, err := cs.Tokens()
	if err != nil {
		bug(e, "command table: %v", err)
	}
	sig := fn.Signature()
	a := c.args(e, sig)
	params := map[string]pyast.Expr{}
	var variadic pyast.Expr
	pi := 0
	for _, tk := range toks {
		if tk.Literal != "" || tk.Count {
			continue
		}
		if tk.Type == "...string" {
			rest := a[pi:]
			if len(rest) == 1 {
				if st, ok := rest[0].(*pyast.Starred); ok {
					variadic = pyCall(pyName("list"), st.Value)
					break
				}
			}
			variadic = &pyast.List{Elts: rest}
			break
		}
		params[tk.Name] = a[pi]
		pi++
	}
	var cmdName string
	var args []pyast.Expr
	for i, tk := range toks {
		switch {
		case i == 0:
			cmdName = tk.Literal
		case tk.Literal != "":
			if i == 1 && strings.Contains(cs.Syntax, " ") && isContainerWord(tk.Literal) {
				cmdName += " " + tk.Literal
				continue
			}
			args = append(args, pyBytes(tk.Literal))
		case tk.Count:
			args = append(args, pyCall(pyName("len"), variadic))
		case tk.Type == "...string":
			args = append(args, &pyast.Starred{Value: variadic})
		case tk.Type == "float64":
			args = append(args, c.t.shimCall("_gg_formatfloat", params[tk.Name], pyast.NewInt('f'), pyast.NewInt(-1), pyast.NewInt(64)))
		default:
			args = append(args, params[tk.Name])
		}
	}
	var callArgs []pyast.Expr
	for _, w := range strings.Fields(cmdName) {
		callArgs = append(callArgs, pyast.NewStr(w))
	}
	raw := pyCall(pyName("execute"), append(callArgs, args...)...)
	return c.reply(e, cs.Reply, raw, variadic)
}

// isContainerWord reports whether a second literal word belongs to the
// command name (XGROUP CREATE, OBJECT ENCODING).
func isContainerWord(w string) bool {
	switch w {
	case "CREATE", "DESTROY", "SETID", "DELCONSUMER", "CREATECONSUMER", "ENCODING", "FREQ", "IDLETIME", "REFCOUNT":
		return true
	}
	return false
}

// reply converts a raw reply by kind.
func (c *funcCtx) reply(e ast.Node, kind spec.Reply, raw, variadic pyast.Expr) pyast.Expr {
	cls := func(name string) pyast.Expr {
		obj := c.t.cmdType(name)
		if obj == nil {
			bug(e, "cmd.%s type not found", name)
		}
		cl, _ := c.t.structClass(obj)
		return cl
	}
	switch kind {
	case spec.None:
		return c.t.shimCall("_gg_r_none", raw)
	case spec.Int:
		return c.t.shimCall("_gg_r_int", raw)
	case spec.Bool:
		return c.t.shimCall("_gg_r_bool", raw)
	case spec.OK:
		return c.t.shimCall("_gg_r_ok", raw)
	case spec.Str:
		return c.t.shimCall("_gg_r_str", raw)
	case spec.StrNil:
		return c.t.shimCall("_gg_r_strnil", raw)
	case spec.IntNil:
		return c.t.shimCall("_gg_r_intnil", raw)
	case spec.Float:
		return c.t.shimCall("_gg_r_float", raw)
	case spec.FloatNil:
		return c.t.shimCall("_gg_r_floatnil", raw)
	case spec.Strs:
		return c.t.shimCall("_gg_r_strs", raw)
	case spec.Bools:
		return c.t.shimCall("_gg_r_bools", raw)
	case spec.StrMap:
		return c.t.shimCall("_gg_r_strmap", raw)
	case spec.ZipMap:
		return c.t.shimCall("_gg_r_zipmap", raw, variadic)
	case spec.ScanPage:
		return c.t.shimCall("_gg_r_scanpage", raw)
	case spec.ZScores:
		return c.t.shimCall("_gg_r_zscores", raw, cls("Z"))
	case spec.XMessages:
		return c.t.shimCall("_gg_r_xmessages", raw, cls("XMessage"))
	case spec.XStreams:
		return c.t.shimCall("_gg_r_xstreams", raw, cls("XStream"), cls("XMessage"))
	case spec.GeoPosList:
		return c.t.shimCall("_gg_r_geopos", raw, cls("GeoPos"))
	}
	bug(e, "unknown reply kind %v", kind)
	return nil
}

// paramGet translates P.Get() for a package-level dsl.Parameter variable.
func (c *funcCtx) paramGet(e *ast.CallExpr, x ast.Expr) pyast.Expr {
	var obj *types.Var
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		obj, _ = c.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		obj, _ = c.info.Uses[x.Sel].(*types.Var)
	}
	if obj == nil || obj.Parent() != obj.Pkg().Scope() {
		c.t.errorf(e, OptionArg, "declare parameters as package-level variables", "parameter is not a package-level variable")
		return pyNone()
	}
	p, ok := c.t.param(obj)
	if !ok {
		c.t.errorf(e, OptionArg, "declare it as var P = dsl.Param(\"name\", constant)", "parameter %s must be declared with dsl.Param and constant arguments", obj.Name())
		return pyNone()
	}
	c.t.usesParams = true
	c.t.paramNames[p.name] = true
	rt := c.info.TypeOf(e)
	return c.t.shimCall("_gg_param", pyast.NewStr(p.name), p.def, c.t.jsonDesc(rt))
}

// jsonUnmarshal translates json.Unmarshal(data, &v): the decoded value is
// assigned to v in a statement before the current one, and the call's
// value is the error.
func (c *funcCtx) jsonUnmarshal(e *ast.CallExpr) pyast.Expr {
	if c.stmtCall != e {
		c.t.errorf(e, UnsupportedType, "call it as its own statement: err := json.Unmarshal(data, &v)", "json.Unmarshal inside an expression")
		return pyNone()
	}
	u, ok := ast.Unparen(e.Args[1]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		c.t.errorf(e, AddressOf, "pass &v for a local variable v", "json.Unmarshal target must be &variable")
		return pyNone()
	}
	target := c.target(u.X)
	vt := c.info.TypeOf(u.X)
	c.t.checkJSONMethods(e, vt, false)
	errName := c.scope.fresh("_err")
	data := c.expr(e.Args[0])
	c.pre = append(c.pre, &pyast.Assign{
		Targets: []pyast.Expr{pyTuple(target, pyName(errName))},
		Value:   c.t.shimCall("_gg_json_unmarshal", data, c.t.jsonDesc(vt), c.expr(u.X)),
	})
	return pyName(errName)
}

// seqCollect handles slices.Sorted(maps.Keys(m)) and slices.Collect of
// maps.Keys / maps.Values, the iterator forms steps commonly use.
func (c *funcCtx) seqCollect(e *ast.CallExpr, sorted bool) pyast.Expr {
	inner, ok := ast.Unparen(e.Args[0]).(*ast.CallExpr)
	if ok {
		if fn, _ := typeutil.Callee(c.info, inner).(*types.Func); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "maps" {
			m := c.expr(inner.Args[0])
			var xs pyast.Expr
			mt, _ := c.info.TypeOf(inner.Args[0]).Underlying().(*types.Map)
			switch fn.Name() {
			case "Keys":
				xs = c.t.shimCall("_gg_keys", m)
				if mt != nil {
					xs = c.copyElems(xs, types.NewSlice(mt.Key()))
				}
			case "Values":
				xs = pyCall(pyName("list"), pyCall(pyAttr(&pyast.BoolOp{Op: pyast.Or, Values: []pyast.Expr{m, &pyast.Dict{}}}, "values")))
				if mt != nil {
					xs = c.copyElems(xs, mt)
				}
			}
			if xs != nil {
				if sorted {
					// slices.Sort's order: NaN first, -0.0 and 0.0 as pdqsort leaves them.
					xs = c.t.shimCall("_gg_sorted", xs)
				}
				return c.t.shimCall("_gg_nilempty", xs)
			}
		}
	}
	c.t.errorf(e, RangeFunc, "collect from maps.Keys or maps.Values", "iterator argument is not supported")
	return pyNone()
}

// promotedRef returns method fn of a value of type t, reached through the
// embedded fields of index (from types.LookupFieldOrMethod) when it is
// promoted: a function of the outer value, as the class attribute
// attachPromoted makes.
func (c *funcCtx) promotedRef(at ast.Node, fn *types.Func, t types.Type, index []int) pyast.Expr {
	if len(index) < 2 {
		return c.t.methodRef(fn.Origin(), t, nil, at)
	}
	var path []pyast.Expr
	owner := t
	for _, f := range embeddedFields(t, index[:len(index)-1]) {
		path = append(path, pyast.NewStr(attrName(f.Name())))
		owner = f.Type()
	}
	recvT := fn.Signature().Recv().Type()
	_, ptrRecv := recvT.(*types.Pointer)
	return c.t.shimCall("_gg_promote", c.t.methodRef(fn.Origin(), owner, nil, at), pyTuple(path...), pyBool(!ptrRecv && isStructValue(recvT)))
}
