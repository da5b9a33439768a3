package transpile

// This file writes a gear's script: the step functions, the wrappers that
// adapt RedisGears callbacks to Go signatures, and the GB(...) chain with
// every option.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"math/big"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/gogears/gogears/pyast"
	"golang.org/x/tools/go/types/typeutil"
)

// readerNames maps dsl reader constructors to RedisGears readers.
var readerNames = map[string]string{
	"Keys": "KeysReader", "HashKeys": "KeysReader", "StringKeys": "KeysReader", "ListKeys": "KeysReader",
	"SetKeys": "KeysReader", "ZSetKeys": "KeysReader", "KeysOnly": "KeysOnlyReader", "Stream": "StreamReader",
	"FromSeq": "PythonReader", "ShardIDs": "ShardsIDReader", "Command": "CommandReader",
}

// typedKeys maps typed key readers to the key type they filter on.
var typedKeys = map[string]string{
	"HashKeys": "hash", "StringKeys": "string", "ListKeys": "list", "SetKeys": "set", "ZSetKeys": "zset",
}

// A gearEmitter builds one gear's script.
type gearEmitter struct {
	t    *translator
	gd   *gearDecl
	info *types.Info
	n    int // step counter for wrapper names
}

// gearScript returns the script of one gear.
func (t *translator) gearScript(gd *gearDecl) (string, error) {
	e := &gearEmitter{t: t, gd: gd, info: gd.pkg.TypesInfo}
	var chain pyast.Expr
	func() {
		defer t.recoverInternal(gd.spec)
		chain = e.chain()
	}()
	t.drain()
	if chain == nil {
		return "", nil
	}
	id := gd.pkg.PkgPath + "." + gd.obj.Name()
	header := []string{"gogears:gear " + id}
	if len(gd.reqs) > 0 {
		header = append(header, "gogears:requirements "+strings.Join(gd.reqs, " "))
	}
	if len(t.paramNames) > 0 {
		var ps []string
		for p := range t.paramNames {
			ps = append(ps, p)
		}
		sortStrings(ps)
		header = append(header, "gogears:params "+strings.Join(ps, ","))
	}
	return t.render(header, []pyast.Stmt{&pyast.ExprStmt{Value: chain}})
}

// chain builds GB(...).op(...)....run(...) / .register(...).
func (e *gearEmitter) chain() pyast.Expr {
	gd := e.gd
	rname := gd.reader.name
	reader, ok := readerNames[rname]
	if !ok {
		e.errorf(gd.reader.call, GearShape, "start the gear with a dsl reader", "dsl.%s is not a reader", rname)
		return nil
	}
	gb := &pyast.Call{Func: pyName("GB"), Args: []pyast.Expr{pyast.NewStr(reader)}}
	var readerArg pyast.Expr
	switch rname {
	case "FromSeq":
		f := e.stepFunc(gd.reader.call.Args[0], 0, "reader")
		readerArg = e.t.shimCall("_gg_seqreader", f)
	case "ShardIDs", "Command":
	default:
		s, ok := e.constString(gd.reader.call.Args[0])
		if !ok {
			return nil
		}
		readerArg = pyast.NewStr(s)
		gb.Keywords = append(gb.Keywords, pyast.Keyword{Arg: "defaultArg", Value: pyast.NewStr(s)})
	}
	if gd.doc != "" && utf8.ValidString(gd.doc) {
		gb.Keywords = append(gb.Keywords, pyast.Keyword{Arg: "desc", Value: pyast.NewStr(gd.doc)})
	}
	var x pyast.Expr = gb
	op := func(name string, args ...pyast.Expr) {
		x = pyCall(pyAttr(x, name), args...)
	}
	// Reader records in the Go representation.
	rec := gd.elem[0]
	switch {
	case readerNames[rname] == "KeysReader":
		if kt, ok := typedKeys[rname]; ok {
			r := pyName("r")
			op("filter", &pyast.Lambda{Args: pyast.Arguments{Args: []string{"r"}}, Body: pyCmp(pyCall(pyAttr(r, "get"), pyast.NewStr("type")), pyast.Eq, pyast.NewStr(kt))})
		}
		cls, _ := e.t.structClass(rec)
		kind := map[string]string{"Keys": "any", "HashKeys": "hash", "StringKeys": "string", "ListKeys": "list"}[rname]
		if kind == "" {
			kind = "none"
		}
		op("map", &pyast.Lambda{Args: pyast.Arguments{Args: []string{"r"}}, Body: e.t.shimCall("_gg_keyrec", pyName("r"), cls, pyast.NewStr(kind))})
	case rname == "Stream":
		cls, _ := e.t.structClass(rec)
		op("map", &pyast.Lambda{Args: pyast.Arguments{Args: []string{"r"}}, Body: e.t.shimCall("_gg_streamrec", pyName("r"), cls)})
	case rname == "KeysOnly", rname == "ShardIDs", rname == "Command":
		op("map", pyName(e.t.shims.use("_gg_in")))
	}
	for i, s := range gd.steps {
		idx := i + 1
		a := s.call.Args
		elemOut := gd.elem[idx]
		elemIn := gd.elem[idx-1]
		switch s.name {
		case "Map":
			op("map", e.stepFunc(a[0], idx, ""))
		case "ForEach", "Filter":
			f := e.stepFunc(a[0], idx, "")
			if isStructValue(elemIn) && e.mayWriteParam(a[0]) {
				// Go passes the step a copy and the record goes on
				// unchanged; Python would pass the record itself on.
				f = e.wrapper(idx, []string{"r"}, func(ps []pyast.Expr) pyast.Expr {
					return pyCall(f, e.t.shimCall("_gg_cp", ps[0]))
				}, nil)
			}
			op(strings.ToLower(s.name), f)
		case "FlatMap":
			f := e.stepFunc(a[0], idx, "")
			op("flatmap", e.wrapper(idx, []string{"r"}, func(ps []pyast.Expr) pyast.Expr {
				return &pyast.BoolOp{Op: pyast.Or, Values: []pyast.Expr{pyCall(f, ps...), &pyast.List{}}}
			}, nil))
		case "Accumulate":
			f := e.stepFunc(a[0], idx, "")
			op("accumulate", e.accWrapper(idx, f, elemOut, 0, 2, nil))
		case "LocalGroupBy", "GroupBy":
			ext := e.extractor(a[0], idx, elemIn)
			f := e.stepFunc(a[1], idx, "reduce")
			op(strings.ToLower(s.name), ext, e.accWrapper(idx, f, groupValue(elemOut), 1, 3, []int{0}))
			e.groupRecords(op, elemOut)
		case "BatchGroupBy":
			ext := e.extractor(a[0], idx, elemIn)
			f := e.stepFunc(a[1], idx, "reduce")
			op("batchgroupby", ext, e.wrapper(idx, []string{"k", "rs"}, func(ps []pyast.Expr) pyast.Expr {
				return pyCall(f, e.t.shimCall("_gg_in", ps[0]), ps[1])
			}, nil))
			e.groupRecords(op, elemOut)
		case "Repartition":
			op("repartition", e.extractor(a[0], idx, elemIn))
		case "CountBy":
			op("countby", e.extractor(a[0], idx, elemIn))
			e.groupRecords(op, elemOut)
		case "Aggregate":
			zero := e.zeroLiteral(a[0], elemOut)
			seq := e.stepFunc(a[1], idx, "seq")
			comb := e.stepFunc(a[2], idx, "comb")
			op("aggregate", zero, seq, comb)
		case "AggregateBy":
			ext := e.extractor(a[0], idx, elemIn)
			zero := e.zeroLiteral(a[1], groupValue(elemOut))
			seq := e.stepFunc(a[2], idx, "seq")
			comb := e.stepFunc(a[3], idx, "comb")
			keyed := func(f pyast.Expr) pyast.Expr {
				return e.wrapper(idx, []string{"k", "a", "r"}, func(ps []pyast.Expr) pyast.Expr {
					return pyCall(f, e.t.shimCall("_gg_in", ps[0]), ps[1], ps[2])
				}, nil)
			}
			op("aggregateby", ext, zero, keyed(seq), keyed(comb))
			e.groupRecords(op, elemOut)
		case "Avg":
			op("avg", e.stepFunc(a[0], idx, ""))
		case "Count":
			op("count")
		case "Distinct":
			op("distinct")
		case "Collect":
			op("collect")
		case "Limit":
			l, ok1 := e.constInt(a[0])
			st, ok2 := e.constInt(a[1])
			if ok1 && ok2 {
				op("limit", l, st)
			}
		case "Sort":
			desc := false
			if len(a) > 0 {
				v, ok := e.constInt(a[len(a)-1])
				if ok {
					desc = v.(*pyast.Int).Value.Sign() != 0
				}
			}
			x = &pyast.Call{Func: pyAttr(x, "sort"), Keywords: []pyast.Keyword{{Arg: "reverse", Value: pyBool(!desc)}}}
		default:
			e.errorf(s.call, GearShape, "use the operations documented in package dsl", "unknown operation %s", s.name)
		}
	}
	// Results travel as JSON (contract 1), except a hook's single result,
	// which is the hooked command's reply.
	if !e.hasOption("Hook") {
		var at ast.Node = gd.spec
		if gd.action != nil {
			at = gd.action.call
			if sel, ok := gd.action.call.Fun.(*ast.SelectorExpr); ok {
				at = sel.Sel // Run, on its own line
			}
		}
		e.t.checkJSONMethods(at, gd.elem[len(gd.elem)-1], true)
	}
	if e.hasOption("Hook") {
		op("map", pyName(e.t.shims.use("_gg_out")))
	} else if last := gd.elem[len(gd.elem)-1]; staticJSON(last) {
		// float32 and []byte need the static type to encode as Go does.
		v := pyName("v")
		op("map", &pyast.Lambda{Args: pyast.Arguments{Args: []string{"v"}}, Body: e.t.shimCall("_gg_result", v, e.t.jsonDesc(last))})
	} else {
		op("map", pyName(e.t.shims.use("_gg_result")))
	}
	return e.action(x, readerArg)
}

// mayWriteParam reports whether the step function f may change its first
// parameter: assign to it or a field or array element of it, take its
// address, or call a pointer method on it. A function whose syntax is not
// found counts as writing.
func (e *gearEmitter) mayWriteParam(f ast.Expr) bool {
	var ftype *ast.FuncType
	var body *ast.BlockStmt
	info := e.info
	switch x := ast.Unparen(f).(type) {
	case *ast.FuncLit:
		ftype, body = x.Type, x.Body
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		fn, _ := typeutil.Callee(info, &ast.CallExpr{Fun: x}).(*types.Func)
		if fn != nil {
			fn = fn.Origin()
		}
		d, ok := e.t.decls[fn]
		if fn == nil || !ok || d.decl.Body == nil {
			return true
		}
		ftype, body, info = d.decl.Type, d.decl.Body, d.pkg.TypesInfo
	default:
		return true
	}
	if ftype.Params == nil || len(ftype.Params.List) == 0 || len(ftype.Params.List[0].Names) == 0 {
		return false // unnamed: the body cannot reach it
	}
	param := info.Defs[ftype.Params.List[0].Names[0]]
	// root is the variable an lvalue writes into, through field
	// selections and array (not slice or map) indexing.
	root := func(x ast.Expr) types.Object {
		for {
			switch y := ast.Unparen(x).(type) {
			case *ast.Ident:
				return info.Uses[y]
			case *ast.SelectorExpr:
				x = y.X
			case *ast.IndexExpr:
				if _, arr := info.TypeOf(y.X).Underlying().(*types.Array); !arr {
					return nil
				}
				x = y.X
			default:
				return nil
			}
		}
	}
	writes := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				writes = writes || root(l) == param
			}
		case *ast.IncDecStmt:
			writes = writes || root(n.X) == param
		case *ast.RangeStmt:
			writes = writes || (n.Key != nil && root(n.Key) == param) || (n.Value != nil && root(n.Value) == param)
		case *ast.UnaryExpr:
			writes = writes || (n.Op == token.AND && root(n.X) == param)
		case *ast.SelectorExpr:
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				if sig, ok := sel.Obj().Type().(*types.Signature); ok && sig.Recv() != nil {
					if _, ptr := sig.Recv().Type().(*types.Pointer); ptr {
						writes = writes || root(n.X) == param
					}
				}
			}
		}
		return !writes
	})
	return writes
}

// hasOption reports whether the action passes the dsl option name.
func (e *gearEmitter) hasOption(name string) bool {
	for _, o := range e.gd.action.call.Args {
		if call, ok := ast.Unparen(o).(*ast.CallExpr); ok {
			if fn := typeutil.StaticCallee(e.info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == dslPath && fn.Name() == name {
				return true
			}
		}
	}
	return false
}

// groupRecords converts {'key', 'value'} records into dsl.Group values.
func (e *gearEmitter) groupRecords(op func(string, ...pyast.Expr), group types.Type) {
	cls, ok := e.t.structClass(group)
	if !ok {
		return
	}
	op("map", &pyast.Lambda{Args: pyast.Arguments{Args: []string{"r"}}, Body: e.t.shimCall("_gg_group", pyName("r"), cls)})
}

// groupValue returns V of dsl.Group[K, V].
func groupValue(t types.Type) types.Type {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() < 2 {
		return nil
	}
	return n.TypeArgs().At(1)
}

// action emits run(...) or register(...) with the options.
func (e *gearEmitter) action(x pyast.Expr, readerArg pyast.Expr) pyast.Expr {
	gd := e.gd
	reader := readerNames[gd.reader.name]
	call := &pyast.Call{Func: pyAttr(x, strings.ToLower(gd.action.name))}
	kw := func(name string, v pyast.Expr) {
		for i, k := range call.Keywords {
			if k.Arg == name {
				call.Keywords[i].Value = v
				return
			}
		}
		call.Keywords = append(call.Keywords, pyast.Keyword{Arg: name, Value: v})
	}
	run := gd.action.name == "Run"
	arg := readerArg
	if !run {
		switch reader {
		case "KeysReader", "StreamReader":
			kw("prefix", readerArg)
		}
		if kt, ok := typedKeys[gd.reader.name]; ok {
			kw("keyTypes", &pyast.List{Elts: []pyast.Expr{pyast.NewStr(kt)}})
		}
	}
	for _, o := range gd.action.call.Args {
		call2, ok := ast.Unparen(o).(*ast.CallExpr)
		if !ok {
			e.errorf(o, OptionArg, "pass dsl option calls directly", "option is not a dsl option call")
			continue
		}
		fn := typeutil.StaticCallee(e.info, call2)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != dslPath {
			e.errorf(o, OptionArg, "pass dsl option calls directly", "option is not a dsl option call")
			continue
		}
		args := call2.Args
		str := func() pyast.Expr {
			s, ok := e.constString(args[0])
			if !ok {
				return pyNone()
			}
			return pyast.NewStr(s)
		}
		strs := func() pyast.Expr {
			l := &pyast.List{}
			for _, a := range args {
				s, ok := e.constString(a)
				if ok {
					l.Elts = append(l.Elts, pyast.NewStr(s))
				}
			}
			return l
		}
		boolArg := func() pyast.Expr {
			tv := e.info.Types[args[0]]
			if tv.Value == nil || tv.Value.Kind() != constant.Bool {
				e.errorf(args[0], OptionArg, "pass a constant", "option argument is not a constant")
				return pyBool(true)
			}
			return pyBool(constant.BoolVal(tv.Value))
		}
		switch fn.Name() {
		case "Pattern":
			arg = str()
		case "NoScan":
			kw("noScan", pyBool(true))
		case "ScanCount":
			if v, ok := e.constInt(args[0]); ok {
				kw("count", v)
			}
		case "ReadValue":
			kw("readValue", boolArg())
		case "FromID":
			kw("fromId", str())
		case "Mode":
			if reader != "KeysOnlyReader" && reader != "ShardsIDReader" {
				kw("mode", str())
			}
		case "NoCollect":
			kw("collect", pyBool(false))
		case "Prefix":
			kw("prefix", str())
		case "OnEvents":
			kw("eventTypes", strs())
		case "OnKeyTypes":
			kw("keyTypes", strs())
		case "Commands":
			kw("commands", strs())
		case "OnRegistered":
			kw("onRegistered", e.stepFunc(args[0], 0, "onregistered"))
		case "Batch":
			if v, ok := e.constInt(args[0]); ok {
				kw("batch", v)
			}
		case "Duration":
			if v, ok := e.durationIn(args[0], 1e6); ok {
				kw("duration", v)
			}
		case "OnFailed":
			kw("onFailedPolicy", str())
		case "RetryInterval":
			if v, ok := e.durationIn(args[0], 1e9); ok {
				kw("onFailedRetryInterval", v)
			}
		case "TrimStream":
			kw("trimStream", boolArg())
		case "Trigger":
			kw("trigger", str())
		case "InOrder":
			kw("inorder", pyBool(true))
		case "Hook":
			kw("hook", str())
		case "KeyPrefix":
			kw("keyprefix", str())
		default:
			e.errorf(o, OptionArg, "use the options documented in package dsl", "unknown option dsl.%s", fn.Name())
		}
	}
	kw("convertToStr", pyBool(false))
	if run && arg != nil {
		call.Args = []pyast.Expr{arg}
	}
	return call
}

// durationIn converts a constant time.Duration to the given unit.
func (e *gearEmitter) durationIn(a ast.Expr, unit float64) (pyast.Expr, bool) {
	tv := e.info.Types[a]
	if tv.Value == nil {
		e.errorf(a, OptionArg, "pass a constant duration such as 5*time.Second", "duration is not a constant")
		return nil, false
	}
	ns, _ := constant.Int64Val(tv.Value)
	if ns%int64(unit) == 0 {
		return pyast.NewInt(ns / int64(unit)), true
	}
	return &pyast.Float{Value: float64(ns) / unit}, true
}

func (e *gearEmitter) errorf(n ast.Node, code Code, hint, format string, args ...any) {
	e.t.errorf(n, code, hint, format, args...)
}

// constString returns a constant string argument, reporting others.
func (e *gearEmitter) constString(a ast.Expr) (string, bool) {
	s, ok := constStr(e.info, a)
	if !ok {
		e.errorf(a, OptionArg, "pass a string constant; use a dsl.Param for values chosen at submit time", "argument is not a constant string")
		return "", false
	}
	if !utf8.ValidString(s) {
		e.errorf(a, OptionArg, "use valid UTF-8", "argument is not valid UTF-8")
		return "", false
	}
	return s, true
}

// constInt returns a constant integer argument, reporting others.
func (e *gearEmitter) constInt(a ast.Expr) (pyast.Expr, bool) {
	tv := e.info.Types[a]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		e.errorf(a, OptionArg, "pass an integer constant", "argument is not a constant integer")
		return nil, false
	}
	b, _ := new(big.Int).SetString(tv.Value.ExactString(), 10)
	return &pyast.Int{Value: b}, true
}

// stepFunc translates a step argument: a func literal becomes a def, a
// top-level function of the module is referenced.
func (e *gearEmitter) stepFunc(a ast.Expr, idx int, role string) pyast.Expr {
	t := e.t
	if call, ok := ast.Unparen(a).(*ast.CallExpr); ok && len(call.Args) == 1 && e.info.Types[call.Fun].IsType() {
		// A conversion such as iter.Seq[int](func(...) {...}).
		return e.stepFunc(call.Args[0], idx, role)
	}
	switch x := ast.Unparen(a).(type) {
	case *ast.FuncLit:
		what := fmt.Sprintf("%s step %d", e.gd.obj.Name(), idx)
		if idx == 0 {
			what = fmt.Sprintf("%s %s", e.gd.obj.Name(), role)
		} else if role != "" {
			what += " " + role
		}
		c := newFuncCtx(t, e.gd.pkg, nil, x)
		c.idBase = e.gd.obj.Name()
		name := t.module.fresh(fmt.Sprintf("step%d", idx))
		if idx == 0 {
			name = t.module.fresh(role)
		}
		var def *pyast.FunctionDef
		func() {
			defer t.recoverInternal(x)
			def = c.function(name, x.Type.Params.List, x.Type, x.Body, e.info.TypeOf(x).(*types.Signature))
			if len(c.pre) > 0 {
				def.Body = append(c.pre, def.Body...)
			}
		}()
		if def == nil {
			return pyNone()
		}
		def.Comments = []string{fmt.Sprintf("go: %s.%s (%s)", e.gd.pkg.PkgPath, what, filepath.Base(t.fset.Position(x.Pos()).Filename))}
		t.defs = append(t.defs, def)
		return pyName(name)
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr:
		id := instIdent(x)
		if fn, ok := e.info.Uses[id].(*types.Func); ok && fn.Signature().Recv() == nil {
			if _, known := t.decls[fn.Origin()]; known && t.inModule(fn.Pkg().Path()) {
				return t.funcRef(e.info, nil, x, fn.Origin())
			}
		}
	}
	e.errorf(a, StepArg, "pass a func literal or a top-level function of the module", "step argument is neither a func literal nor a top-level function")
	return pyNone()
}

// wrapper emits a def adapting a RedisGears callback to a Go function.
func (e *gearEmitter) wrapper(idx int, params []string, body func([]pyast.Expr) pyast.Expr, pre []pyast.Stmt) pyast.Expr {
	e.n++
	name := e.t.module.fresh(fmt.Sprintf("step%d_wrap", idx))
	ps := make([]pyast.Expr, len(params))
	for i, p := range params {
		ps[i] = pyName(p)
	}
	def := &pyast.FunctionDef{Name: name, Args: pyast.Arguments{Args: params}}
	def.Body = append(pre, &pyast.Return{Value: body(ps)})
	def.Comments = []string{fmt.Sprintf("go: %s.%s step %d adapter (%s)", e.gd.pkg.PkgPath, e.gd.obj.Name(), idx, filepath.Base(e.t.fset.Position(e.gd.spec.Pos()).Filename))}
	e.t.defs = append(e.t.defs, def)
	return pyName(name)
}

// accWrapper adapts an accumulator callback: RedisGears passes None as the
// first accumulator where Go passes the zero value; keys arrive as str.
func (e *gearEmitter) accWrapper(idx int, f pyast.Expr, acc types.Type, accPos, n int, keys []int) pyast.Expr {
	params := []string{"r"}
	if n == 2 {
		params = []string{"a", "r"}
	} else if n == 3 {
		params = []string{"k", "a", "r"}
	}
	var pre []pyast.Stmt
	if acc != nil {
		if z, ok := e.t.zeroValue(acc); ok {
			if _, isNone := z.(*pyast.None); !isNone {
				a := pyName(params[accPos])
				pre = append(pre, &pyast.If{Test: pyCmp(a, pyast.Is, pyNone()), Body: []pyast.Stmt{&pyast.Assign{Targets: []pyast.Expr{a}, Value: z}}})
			}
		}
	}
	return e.wrapper(idx, params, func(ps []pyast.Expr) pyast.Expr {
		args := append([]pyast.Expr(nil), ps...)
		for _, k := range keys {
			args[k] = e.t.shimCall("_gg_in", args[k])
		}
		return pyCall(f, args...)
	}, pre)
}

// extractor wraps a key extractor so RedisGears gets a str key.
func (e *gearEmitter) extractor(a ast.Expr, idx int, in types.Type) pyast.Expr {
	f := e.stepFunc(a, idx, "extract")
	copyArg := isStructValue(in) && e.mayWriteParam(a) // the record goes on
	return e.wrapper(idx, []string{"r"}, func(ps []pyast.Expr) pyast.Expr {
		if copyArg {
			ps[0] = e.t.shimCall("_gg_cp", ps[0])
		}
		return e.t.shimCall("_gg_str", pyCall(f, ps...))
	}, nil)
}

// zeroLiteral translates an Aggregate zero: a constant or composite literal.
func (e *gearEmitter) zeroLiteral(a ast.Expr, t types.Type) pyast.Expr {
	c := newFuncCtx(e.t, e.gd.pkg, nil, a)
	c.idBase = e.gd.obj.Name()
	var v pyast.Expr
	func() {
		defer e.t.recoverInternal(a)
		v = c.valueTo(a, t)
	}()
	if len(c.pre) > 0 || v == nil {
		e.errorf(a, OptionArg, "use a constant or a composite literal", "aggregate zero must be a literal")
		return pyNone()
	}
	return v
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// staticJSON reports whether values of t encode differently in JSON from
// what their Python value alone tells: float32 and []byte, also inside
// slices, maps and pointers (struct fields carry their own types).
func staticJSON(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Kind() == types.Float32
	case *types.Slice:
		return isByteSlice(t) || staticJSON(u.Elem())
	case *types.Map:
		return staticJSON(u.Elem())
	case *types.Pointer:
		return staticJSON(u.Elem())
	}
	return false
}
