package transpile

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"

	"github.com/gogears/gogears/pyast"
)

// expr translates an expression. Constant expressions are folded by
// go/types and emitted as literals.
func (c *funcCtx) expr(e ast.Expr) pyast.Expr {
	if v, ok := c.subst[e]; ok {
		return v
	}
	tv := c.info.Types[e]
	if tv.Value != nil {
		if lit, ok := c.t.constExpr(tv.Value, tv.Type); ok {
			return lit
		}
		c.t.errorf(e, UnsupportedType, "use a value of a supported type", "constant %s of type %s", tv.Value, types.TypeString(tv.Type, nil))
		return pyNone()
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.expr(e.X)
	case *ast.Ident:
		return c.ident(e)
	case *ast.BasicLit:
		bug(e, "unfolded literal")
	case *ast.BinaryExpr:
		return c.binary(e)
	case *ast.UnaryExpr:
		return c.unary(e)
	case *ast.CallExpr:
		return c.call(e)
	case *ast.SelectorExpr:
		return c.selector(e)
	case *ast.IndexExpr:
		return c.index(e)
	case *ast.IndexListExpr:
		return c.funcValue(e)
	case *ast.SliceExpr:
		return c.sliceExpr(e)
	case *ast.StarExpr:
		if _, ok := c.info.TypeOf(e.X).Underlying().(*types.Pointer); ok {
			if _, isStruct := structOf(c.info.TypeOf(e)); !isStruct {
				c.t.errorf(e, AddressOf, "use struct pointers only", "dereference of a pointer to %s", types.TypeString(c.info.TypeOf(e), nil))
			}
			return c.t.shimCall("_gg_deref", c.expr(e.X))
		}
		bug(e, "type in expression position")
	case *ast.CompositeLit:
		return c.compositeLit(e)
	case *ast.FuncLit:
		return c.funcLit(e)
	case *ast.TypeAssertExpr:
		return c.typeAssert(e)
	case *ast.KeyValueExpr:
		bug(e, "key-value outside a composite literal")
	}
	bug(e, "unhandled expression %T", e)
	return nil
}

// isFresh reports whether e yields a new value rather than one stored in a
// variable: struct values from it need no copy.
func isFresh(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit, *ast.CallExpr, *ast.FuncLit, *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return e.Op != token.AND || isFresh(e.X)
	}
	return false
}

// valueTo translates e for storing into a location of type target: struct
// values are copied, and values converted to an interface are checked for
// methods the Python representation cannot dispatch.
func (c *funcCtx) valueTo(e ast.Expr, target types.Type) pyast.Expr {
	return c.valueToOpt(e, target, true)
}

// valueToOpt is valueTo; check false skips the interface check, for fmt
// arguments, which fmtArgs wraps itself.
func (c *funcCtx) valueToOpt(e ast.Expr, target types.Type, check bool) pyast.Expr {
	v := c.expr(e)
	src := c.info.TypeOf(e)
	if src == nil {
		return v
	}
	if needsCopy(src, isFresh(e)) {
		v = c.t.shimCall("_gg_cp", v)
	}
	if check && target != nil && types.IsInterface(target) && !types.IsInterface(src) {
		c.checkInterfaceValue(e, src)
		if iface, ok := target.Underlying().(*types.Interface); ok && iface.Empty() {
			// json.Marshal of the interface could not see the methods.
			c.t.checkJSONMethods(e, src, true)
		}
		c.checkNilPointer(e, src, target)
	}
	return v
}

// checkInterfaceValue rejects values whose methods would be lost or found
// wrongly once stored in an interface.
func (c *funcCtx) checkInterfaceValue(e ast.Expr, src types.Type) {
	c.fmtReach(e, src, false)
	if isFloat32(src) {
		// A Python float cannot remember it was a float32, which fmt and
		// json print with fewer digits.
		c.t.errorf(e, UnsupportedType, "convert it to float64, or pass it to fmt or json.Marshal directly", "float32 value converted to an interface")
		return
	}
	if elemLosesType(src) {
		// A []byte is a Python list of ints: json.Marshal would write an
		// array where Go writes base64, fmt %s a list where Go writes text.
		c.t.errorf(e, UnsupportedType, "convert []byte to string and float32 to float64 first, or pass it to fmt or json.Marshal directly", "%s value converted to an interface", types.TypeString(src, qualifier))
		return
	}
	named, ok := types.Unalias(src).(*types.Named)
	if !ok {
		c.t.attachUnnamed(src)
		c.checkUnnamedValue(e, src)
		if p, isPtr := src.(*types.Pointer); isPtr {
			if named, ok := types.Unalias(p.Elem()).(*types.Named); ok {
				c.t.attachMethods(named) // pointers to structs carry their class methods
			}
		}
		return
	}
	if named.Obj().Pkg() == nil || types.NewMethodSet(types.NewPointer(named)).Len() == 0 {
		return
	}
	_, isStruct := named.Underlying().(*types.Struct)
	if !isStruct {
		if c.isStdType(named) {
			return
		}
		c.t.errorf(e, DynamicInterface, "pass the result of its String or Error method instead", "value of %s (with methods) converted to an interface", named.Obj().Name())
		return
	}
	c.t.attachMethods(named)
	// A struct value does not have its pointer-receiver methods.
	for _, m := range []string{"String", "Error"} {
		if hasPtrOnlyMethod(named, m) {
			c.t.errorf(e, DynamicInterface, "pass a pointer (&v) or make the method's receiver a value", "struct value of %s converted to an interface, and its %s method has a pointer receiver", named.Obj().Name(), m)
		}
	}
}

// elemLosesType reports whether a slice or map type is or holds []byte or
// float32 values, which the Python value cannot tell apart from []int
// and float64 once in an interface. (Struct fields keep their types.)
func elemLosesType(t types.Type) bool {
	if isByteSlice(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return isFloat32(u.Elem()) || elemLosesType(u.Elem())
	case *types.Map:
		return isFloat32(u.Elem()) || isFloat32(u.Key()) || elemLosesType(u.Elem())
	}
	return false
}

// hasPtrOnlyMethod reports whether *T has method name but T does not.
func hasPtrOnlyMethod(typ types.Type, name string) bool {
	// Method sets, so methods promoted from embedded fields count.
	if types.NewMethodSet(typ).Lookup(nil, name) != nil {
		return false
	}
	return types.NewMethodSet(types.NewPointer(typ)).Lookup(nil, name) != nil
}

// isStdType reports whether a named type comes from the standard library
// (time.Duration, time.Time...), whose values shims handle.
func (c *funcCtx) isStdType(n *types.Named) bool {
	p := n.Obj().Pkg()
	return p != nil && allowedPackages[p.Path()]
}

// ident translates a name.
func (c *funcCtx) ident(id *ast.Ident) pyast.Expr {
	obj := c.info.Uses[id]
	switch obj := obj.(type) {
	case *types.Nil:
		return pyNone()
	case *types.Var:
		if obj.Parent() == obj.Pkg().Scope() {
			return c.globalVar(id, obj)
		}
		n, _ := c.scope.lookup(obj)
		if n == "" {
			bug(id, "unknown variable %s", id.Name)
		}
		return pyName(n)
	case *types.Func:
		return c.funcValue(id)
	case *types.Const:
		bug(id, "unfolded constant %s", id.Name)
	}
	bug(id, "unhandled identifier %s (%T)", id.Name, obj)
	return nil
}

// globalVar handles a read of a package-level variable: only sentinel
// errors made with errors.New from a constant are translated.
func (c *funcCtx) globalVar(at ast.Node, obj *types.Var) pyast.Expr {
	if n, ok := c.t.sentinel(obj); ok {
		return pyName(n)
	}
	c.t.errorf(at, CapturedVar, "steps run on the server: use a constant, a dsl.Param, or read it from Redis", "step reads package-level variable %s", obj.Name())
	return pyNone()
}

// funcValue returns a reference to a function: a top-level function of
// the module (queued for translation).
func (c *funcCtx) funcValue(e ast.Expr) pyast.Expr {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.IndexExpr:
		return c.funcValue(x.X)
	case *ast.IndexListExpr:
		return c.funcValue(x.X)
	}
	if id == nil {
		bug(e, "function value %T", e)
	}
	fn, ok := c.info.Uses[id].(*types.Func)
	if !ok {
		bug(e, "not a function")
	}
	fn = fn.Origin()
	if _, ok := c.t.decls[fn]; ok {
		return c.funcRef(e, fn)
	}
	if v := c.stdFuncValue(fn); v != nil {
		return v
	}
	if fn.Pkg() != nil && allowedPackages[fn.Pkg().Path()] {
		c.t.errorf(e, PackageCall, "wrap it in a func literal that calls it", "function value %s: only non-variadic, non-generic functions of the allow-list outside fmt and encoding/json are values", fn.FullName())
		return pyNone()
	}
	c.t.errorf(e, PackageCall, "wrap it in a func literal that calls it", "function value %s from outside the translated packages", fn.FullName())
	return pyNone()
}

// stdFuncValue returns a standard function as a value, such as
// unicode.ToUpper passed to strings.Map: a lambda making the call the
// translator makes for a direct one. Only functions whose translation
// needs nothing but the argument values qualify: fmt and encoding/json
// read their arguments' static types, variadic and generic ones their
// call sites.
func (c *funcCtx) stdFuncValue(fn *types.Func) pyast.Expr {
	pkg, sig := fn.Pkg(), fn.Signature()
	if pkg == nil || !allowedPackages[pkg.Path()] || pkg.Path() == "fmt" || pkg.Path() == "encoding/json" ||
		sig.Recv() != nil || sig.Variadic() || sig.TypeParams().Len() > 0 {
		return nil
	}
	f, ok := stdFuncs[pkg.Path()+"."+fn.Name()]
	if !ok {
		return nil
	}
	params := make([]string, sig.Params().Len())
	args := make([]pyast.Expr, len(params))
	for i := range params {
		params[i] = "x" + strconv.Itoa(i) // the call refers to shims and builtins only
		args[i] = pyName(params[i])
	}
	body := f(c, nil, args)
	if call, ok := body.(*pyast.Call); ok && len(call.Keywords) == 0 && slices.EqualFunc(call.Args, params, func(a pyast.Expr, p string) bool {
		n, ok := a.(*pyast.Name)
		return ok && n.ID == p
	}) {
		if _, ok := call.Func.(*pyast.Name); ok {
			return call.Func // a shim with the same parameters
		}
	}
	return &pyast.Lambda{Args: pyast.Arguments{Args: params}, Body: body}
}

// selector translates x.f: fields, and package-qualified names.
func (c *funcCtx) selector(e *ast.SelectorExpr) pyast.Expr {
	if sel, ok := c.info.Selections[e]; ok {
		switch sel.Kind() {
		case types.FieldVal:
			x, _ := embedPath(c.expr(e.X), sel.Recv(), sel.Index()[:len(sel.Index())-1])
			if named, isNamed := types.Unalias(derefType(sel.Recv())).(*types.Named); isNamed && c.isStdType(named) {
				c.t.errorf(e, PackageCall, "use the type's methods instead", "field %s of %s", e.Sel.Name, named.Obj().Name())
			}
			return pyAttr(x, attrName(e.Sel.Name))
		case types.MethodVal:
			return c.methodValue(e, sel)
		case types.MethodExpr:
			return c.methodExpr(e, sel)
		}
	}
	// Package-qualified identifier.
	switch obj := c.info.Uses[e.Sel].(type) {
	case *types.Var:
		if n, ok := stdVars[obj.Pkg().Path()+"."+obj.Name()]; ok {
			return pyName(c.t.shims.use(n))
		}
		if obj.Pkg().Path() == dslPath || !c.t.inModule(obj.Pkg().Path()) {
			c.t.errorf(e, PackageCall, "only constants and functions of allowed packages can be used", "variable %s.%s", obj.Pkg().Name(), obj.Name())
			return pyNone()
		}
		return c.globalVar(e, obj)
	case *types.Func:
		return c.funcValue(e)
	}
	bug(e, "unhandled selector %s", e.Sel.Name)
	return nil
}

func derefType(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// index translates x[i] for strings, slices and maps.
func (c *funcCtx) index(e *ast.IndexExpr) pyast.Expr {
	xt := c.info.TypeOf(e.X)
	if _, ok := xt.(*types.Signature); ok {
		return c.funcValue(e)
	}
	switch u := xt.Underlying().(type) {
	case *types.Map:
		z, ok := c.t.zeroValue(u.Elem())
		if !ok {
			c.t.errorf(e, UnsupportedType, "use a supported element type", "map element type %s", types.TypeString(u.Elem(), nil))
			z = pyNone()
		}
		return c.t.shimCall("_gg_mget", c.expr(e.X), c.mapKey(e.X, e.Index), z)
	case *types.Slice, *types.Basic:
		if _, ok := c.constInt(e.Index); ok {
			return &pyast.Subscript{Value: c.expr(e.X), Index: c.expr(e.Index)}
		}
		return c.t.shimCall("_gg_ix", c.expr(e.X), c.expr(e.Index))
	case *types.Signature:
		return c.funcValue(e)
	}
	c.t.errorf(e, UnsupportedType, "use a slice instead of an array", "index of %s", types.TypeString(xt, nil))
	return pyNone()
}

// sliceExpr translates x[lo:hi] with Go's bounds checks.
func (c *funcCtx) sliceExpr(e *ast.SliceExpr) pyast.Expr {
	if e.Slice3 {
		c.t.errorf(e, UnsupportedType, "use a two-index slice", "three-index slice expression")
	}
	xt := c.info.TypeOf(e.X)
	if _, ok := xt.Underlying().(*types.Slice); !ok && !isString(xt) {
		c.t.errorf(e, UnsupportedType, "slice a slice or a string", "slice of %s", types.TypeString(xt, nil))
	}
	var lo, hi pyast.Expr = pyast.NewInt(0), pyNone()
	if e.Low != nil {
		lo = c.expr(e.Low)
	}
	if e.High != nil {
		hi = c.expr(e.High)
	}
	return c.t.shimCall("_gg_sl", c.expr(e.X), lo, hi)
}

// unary translates unary operators.
func (c *funcCtx) unary(e *ast.UnaryExpr) pyast.Expr {
	t := c.info.TypeOf(e)
	switch e.Op {
	case token.SUB:
		c.checkTypeParam(e, t)
		if isFloat32(t) {
			return &pyast.UnaryOp{Op: pyast.USub, Operand: c.expr(e.X)}
		}
		return c.t.wrapInt(t, &pyast.UnaryOp{Op: pyast.USub, Operand: c.expr(e.X)})
	case token.ADD:
		return c.expr(e.X)
	case token.NOT:
		return &pyast.UnaryOp{Op: pyast.Not, Operand: c.expr(e.X)}
	case token.XOR:
		c.checkTypeParam(e, t)
		return c.t.wrapInt(t, &pyast.UnaryOp{Op: pyast.Invert, Operand: c.expr(e.X)})
	case token.AND:
		if cl, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok {
			if _, isStruct := structOf(c.info.TypeOf(cl)); isStruct {
				return c.compositeLit(cl)
			}
		}
		// &v of a struct variable that is never reassigned as a whole: the
		// Python object is shared, which is what the pointer means.
		if id, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && isStructValue(v.Type()) && v.Parent() != v.Pkg().Scope() && c.assigns[v] == 0 {
				return c.expr(id)
			}
		}
		c.t.errorf(e, AddressOf, "use &T{...} struct literals or &v of a struct variable never reassigned; other pointers have no Python form", "address of %s", exprKind(e.X))
		return pyNone()
	case token.ARROW:
		c.t.errorf(e, Channel, "steps cannot use channels", "channel receive in a step")
		return pyNone()
	}
	bug(e, "unhandled unary %s", e.Op)
	return nil
}

func exprKind(e ast.Expr) string {
	switch e.(type) {
	case *ast.Ident:
		return "a variable"
	case *ast.SelectorExpr:
		return "a field"
	case *ast.IndexExpr:
		return "an element"
	}
	return "an expression"
}

// checkTypeParam guards the typed lowering: generic bodies are translated
// per instantiation with the type arguments substituted (generics.go), so
// an operator on a type parameter here is a translator bug, reported
// rather than translated with the wrong width.
func (c *funcCtx) checkTypeParam(at ast.Node, t types.Type) {
	if _, ok := types.Unalias(t).(*types.TypeParam); ok {
		bug(at, "operator on type parameter %s", t)
	}
}

var binOps = map[token.Token]pyast.Op{
	token.ADD: pyast.Add, token.SUB: pyast.Sub, token.MUL: pyast.Mult,
	token.AND: pyast.BitAnd, token.OR: pyast.BitOr, token.XOR: pyast.BitXor,
}

var cmpOps = map[token.Token]pyast.Op{
	token.EQL: pyast.Eq, token.NEQ: pyast.NotEq, token.LSS: pyast.Lt,
	token.LEQ: pyast.LtE, token.GTR: pyast.Gt, token.GEQ: pyast.GtE,
}

// binary translates binary operators with Go's integer, float and string
// semantics.
func (c *funcCtx) binary(e *ast.BinaryExpr) pyast.Expr {
	switch e.Op {
	case token.LAND:
		return &pyast.BoolOp{Op: pyast.And, Values: []pyast.Expr{c.expr(e.X), c.expr(e.Y)}}
	case token.LOR:
		return &pyast.BoolOp{Op: pyast.Or, Values: []pyast.Expr{c.expr(e.X), c.expr(e.Y)}}
	}
	if _, ok := cmpOps[e.Op]; ok {
		return c.compare(e.Op, c.expr(e.X), c.info.TypeOf(e.X), c.expr(e.Y), c.info.TypeOf(e.Y))
	}
	t := c.info.TypeOf(e)
	c.checkTypeParam(e, t)
	x, y := c.expr(e.X), c.expr(e.Y)
	switch {
	case isString(t):
		if e.Op != token.ADD {
			bug(e, "string operator %s", e.Op)
		}
		return pyBin(x, pyast.Add, y)
	case isFloat(t):
		var r pyast.Expr
		switch e.Op {
		case token.QUO:
			if v := c.info.Types[e.Y].Value; v != nil && constant.Sign(v) != 0 {
				r = pyBin(x, pyast.Div, y)
			} else {
				r = c.t.shimCall("_gg_fdiv", x, y)
			}
		case token.ADD, token.SUB, token.MUL:
			r = pyBin(x, binOps[e.Op], y)
		default:
			bug(e, "float operator %s", e.Op)
		}
		if isFloat32(t) {
			r = c.t.shimCall("_gg_f32", r)
		}
		return r
	case isInteger(t):
		switch e.Op {
		case token.ADD, token.SUB, token.MUL:
			return c.t.wrapInt(t, pyBin(x, binOps[e.Op], y))
		case token.AND, token.OR, token.XOR:
			return pyBin(x, binOps[e.Op], y)
		case token.AND_NOT:
			return pyBin(x, pyast.BitAnd, &pyast.UnaryOp{Op: pyast.Invert, Operand: y})
		case token.QUO:
			return c.t.wrapInt(t, c.t.shimCall("_gg_div", x, y))
		case token.REM:
			return c.t.shimCall("_gg_mod", x, y)
		case token.SHL:
			if n, ok := c.constInt(e.Y); ok && n >= 0 && n < 64 {
				return c.t.wrapInt(t, pyBin(x, pyast.LShift, y))
			}
			return c.t.wrapInt(t, c.t.shimCall("_gg_shl", x, y))
		case token.SHR:
			if n, ok := c.constInt(e.Y); ok && n >= 0 && n < 64 {
				return pyBin(x, pyast.RShift, y)
			}
			return c.t.shimCall("_gg_shr", x, y)
		}
	}
	c.t.errorf(e, UnsupportedType, "use supported operand types", "operator %s on %s", e.Op, types.TypeString(t, nil))
	return pyNone()
}

// compare translates a comparison; comparing with nil uses `is`.
func (c *funcCtx) compare(op token.Token, x pyast.Expr, xt types.Type, y pyast.Expr, yt types.Type) pyast.Expr {
	isNil := func(t types.Type) bool {
		b, ok := t.(*types.Basic)
		return ok && b.Kind() == types.UntypedNil
	}
	if isNil(xt) {
		x, y = y, x
		xt, yt = yt, xt
	}
	if isNil(yt) {
		if op == token.EQL {
			return pyCmp(x, pyast.Is, pyNone())
		}
		return pyCmp(x, pyast.IsNot, pyNone())
	}
	if isPointer(xt) || isPointer(yt) {
		// Pointers are equal when they point to the same struct, not to
		// equal ones.
		if op == token.EQL {
			return pyCmp(x, pyast.Is, y)
		}
		return pyCmp(x, pyast.IsNot, y)
	}
	return pyCmp(x, cmpOps[op], y)
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}

// compositeLit translates struct, slice and map literals.
func (c *funcCtx) compositeLit(e *ast.CompositeLit) pyast.Expr {
	t := c.info.TypeOf(e)
	switch u := derefType(t).Underlying().(type) {
	case *types.Struct:
		cls, ok := c.t.structClass(derefType(t))
		if !ok {
			c.t.errorf(e, UnsupportedType, "use fields of supported types", "struct type %s", types.TypeString(t, nil))
			return pyNone()
		}
		if len(e.Elts) == 0 {
			return pyCall(cls)
		}
		vals := make([]pyast.Expr, u.NumFields())
		for i, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				name := kv.Key.(*ast.Ident).Name
				for j := 0; j < u.NumFields(); j++ {
					if u.Field(j).Name() == name {
						vals[j] = c.valueTo(kv.Value, u.Field(j).Type())
					}
				}
			} else {
				vals[i] = c.valueTo(el, u.Field(i).Type())
			}
		}
		for j := range vals {
			if vals[j] == nil {
				z, ok := c.t.zeroValue(u.Field(j).Type())
				if !ok {
					z = pyNone()
				}
				vals[j] = z
			}
		}
		return pyCall(cls, vals...)
	case *types.Slice:
		elts := make([]pyast.Expr, 0, len(e.Elts))
		for _, el := range e.Elts {
			if _, ok := el.(*ast.KeyValueExpr); ok {
				c.t.errorf(el, UnsupportedType, "list every element in order", "indexed slice literal")
				return pyNone()
			}
			elts = append(elts, c.elemValue(el, u.Elem()))
		}
		return &pyast.List{Elts: elts}
	case *types.Map:
		d := &pyast.Dict{}
		// gc inserts the entries whose key and value are constants first,
		// then the others in order: it matters when a computed key equals
		// a constant one.
		var static, dynamic []ast.Expr
		for _, el := range e.Elts {
			kv := el.(*ast.KeyValueExpr)
			if c.info.Types[kv.Key].Value != nil && c.info.Types[kv.Value].Value != nil {
				static = append(static, el)
			} else {
				dynamic = append(dynamic, el)
			}
		}
		c.checkMapKey(e, u.Key())
		for _, el := range append(static, dynamic...) {
			kv := el.(*ast.KeyValueExpr)
			d.Keys = append(d.Keys, c.elemValue(kv.Key, u.Key()))
			d.Values = append(d.Values, c.elemValue(kv.Value, u.Elem()))
		}
		return d
	}
	c.t.errorf(e, UnsupportedType, "use a slice instead of an array", "composite literal of %s", types.TypeString(t, nil))
	return pyNone()
}

// elemValue translates a composite literal element, whose type may be
// elided (&T{} or T{} inside []T{...}).
func (c *funcCtx) elemValue(e ast.Expr, t types.Type) pyast.Expr {
	return c.valueTo(e, t)
}

// typeAssert translates x.(T), which panics when x does not hold a T.
func (c *funcCtx) typeAssert(e *ast.TypeAssertExpr) pyast.Expr {
	t := c.info.TypeOf(e.Type)
	dyn := c.knownDynamicType(e.X)
	if dyn == nil {
		c.checkTypeCases(e, []types.Type{t})
	}
	x := c.expr(e.X)
	tmp := pyName("_v")
	test := c.typeTestKnown(e.Type, tmp, t, dyn)
	return c.t.shimCall("_gg_assert", x, &pyast.Lambda{Args: pyast.Arguments{Args: []string{"_v"}}, Body: test}, pyBytes(types.TypeString(t, qualifier)))
}

func qualifier(p *types.Package) string { return p.Name() }

// commaOk translates the two-value forms v, ok := m[k] and v, ok := x.(T).
func (c *funcCtx) commaOk(e ast.Expr, vt types.Type) (pyast.Expr, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.IndexExpr:
		m, ok := c.info.TypeOf(x.X).Underlying().(*types.Map)
		if !ok {
			return nil, false
		}
		z, _ := c.t.zeroValue(m.Elem())
		if z == nil {
			z = pyNone()
		}
		return c.copyFirst(c.t.shimCall("_gg_mget2", c.expr(x.X), c.mapKey(x.X, x.Index), z), m.Elem()), true
	case *ast.TypeAssertExpr:
		t := c.info.TypeOf(x.Type)
		dyn := c.knownDynamicType(x.X)
		if dyn == nil {
			c.checkTypeCases(x, []types.Type{t})
		}
		z, _ := c.t.zeroValue(t)
		if z == nil {
			z = pyNone()
		}
		tmp := pyName("_v")
		test := c.typeTestKnown(x.Type, tmp, t, dyn)
		return c.copyFirst(c.t.shimCall("_gg_assert2", c.expr(x.X), &pyast.Lambda{Args: pyast.Arguments{Args: []string{"_v"}}, Body: test}, z), t), true
	case *ast.UnaryExpr:
		if x.Op == token.ARROW {
			c.t.errorf(x, Channel, "steps cannot use channels", "channel receive in a step")
			return pyNone(), true
		}
	}
	return nil, false
}

// knownDynamicType returns the type of the value an interface operand
// holds when the operand is a conversion any(v) of a non-interface v, the
// idiom generic code switches on; or nil. Python values do not carry
// their Go types (an int8 and an int are both int), so a test on such an
// operand is decided from the static type instead.
func (c *funcCtx) knownDynamicType(x ast.Expr) types.Type {
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	if tv := c.info.Types[call.Fun]; !tv.IsType() || !types.IsInterface(tv.Type) {
		return nil
	}
	at := c.info.TypeOf(call.Args[0])
	if b, ok := at.(*types.Basic); ok && b.Info()&types.IsUntyped != 0 {
		if b.Kind() == types.UntypedNil {
			return nil
		}
		at = types.Default(at)
	}
	if at == nil || types.IsInterface(at) {
		return nil
	}
	return at
}

// typeTestKnown is typeTest for an operand holding a value of type dyn,
// decided at translation time; dyn nil tests at run time.
func (c *funcCtx) typeTestKnown(at ast.Expr, x pyast.Expr, t, dyn types.Type) pyast.Expr {
	if dyn == nil {
		return c.typeTest(at, x, t)
	}
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return pyBool(false) // any(v) of a non-interface v is never nil
	}
	if it, ok := t.Underlying().(*types.Interface); ok {
		return pyBool(types.Implements(dyn, it))
	}
	return pyBool(types.Identical(dyn, t))
}

// isPyTrue reports whether a test built by typeTestKnown is constant
// True: True itself or an or of tests with a True.
func isPyTrue(e pyast.Expr) bool {
	switch e := e.(type) {
	case *pyast.Bool:
		return e.Value
	case *pyast.BoolOp:
		if e.Op == pyast.Or {
			for _, v := range e.Values {
				if isPyTrue(v) {
					return true
				}
			}
		}
	}
	return false
}

// copyFirst copies the struct value of a (value, ok) pair: v, ok := m[k]
// and v, ok := x.(T) give v a copy in Go.
func (c *funcCtx) copyFirst(pair pyast.Expr, t types.Type) pyast.Expr {
	if !isStructValue(t) {
		return pair
	}
	return c.t.shimCall("_gg_cpfirst", pair)
}

// typeTest returns a test of whether x holds a value of type t.
func (c *funcCtx) typeTest(at ast.Expr, x pyast.Expr, t types.Type) pyast.Expr {
	isinst := func(cls string) pyast.Expr { return pyCall(pyName("isinstance"), x, pyName(cls)) }
	if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return pyCmp(x, pyast.Is, pyNone())
	}
	if types.IsInterface(t) {
		if isErrorType(t) {
			// callable: a field named Error (an embedded type's name) is no method.
			return pyCall(pyName("callable"), pyCall(pyName("getattr"), x, pyast.NewStr("Error"), pyNone()))
		}
		if it := t.Underlying().(*types.Interface); it.Empty() {
			return pyCmp(x, pyast.IsNot, pyNone())
		}
		c.t.errorf(at, TypeAssert, "assert to a concrete type", "type assertion to interface %s", types.TypeString(t, qualifier))
		return pyBool(false)
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return isinst("bool")
		case u.Info()&types.IsInteger != 0:
			return &pyast.BoolOp{Op: pyast.And, Values: []pyast.Expr{isinst("int"), &pyast.UnaryOp{Op: pyast.Not, Operand: isinst("bool")}}}
		case u.Info()&types.IsFloat != 0:
			return isinst("float")
		case u.Info()&types.IsString != 0:
			return isinst("bytes")
		}
	case *types.Slice, *types.Map:
		// A Python list or dict does not know its Go element types: a
		// map[string]string read from Redis and a map[string]any decoded
		// from JSON look the same, so such assertions are rejected.
		c.t.errorf(at, TypeAssert, "assert to a basic type or struct, or keep the value typed", "type assertion to %s: Python cannot tell slice and map types apart", types.TypeString(t, qualifier))
		return pyBool(false)
	case *types.Pointer, *types.Struct:
		cls, ok := c.t.structClass(derefType(t))
		if ok {
			return pyCmp(pyCall(pyName("type"), x), pyast.Is, cls)
		}
	}
	c.t.errorf(at, TypeAssert, "assert to a basic type, slice, map or struct", "type assertion to %s", types.TypeString(t, qualifier))
	return pyBool(false)
}

// checkTypeCases rejects sets of asserted types the Python representation
// cannot tell apart: two integer types, two float types, two slice or map
// types, T and *T, or a named non-struct type.
func (c *funcCtx) checkTypeCases(at ast.Node, ts []types.Type) {
	ats := make([]ast.Expr, len(ts))
	for i := range ats {
		if e, ok := at.(ast.Expr); ok {
			ats[i] = e
		}
	}
	c.checkTypeCasesAt(ats, ts)
}

// checkTypeCasesAt is checkTypeCases reporting at each type's expression.
func (c *funcCtx) checkTypeCasesAt(ats []ast.Expr, ts []types.Type) {
	kinds := map[string]string{}
	for i, t := range ts {
		var at ast.Node = ats[i]
		if t == nil || types.IsInterface(t) {
			continue
		}
		if b, ok := t.(*types.Basic); ok && b.Kind() == types.UntypedNil {
			continue
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			if _, isStruct := n.Underlying().(*types.Struct); !isStruct {
				c.t.errorf(at, TypeAssert, "assert to the underlying type, then convert", "type assertion to named type %s, which Python cannot tell from %s", n.Obj().Name(), types.TypeString(n.Underlying(), qualifier))
				continue
			}
		}
		var k string
		switch u := derefType(t).Underlying().(type) {
		case *types.Basic:
			switch {
			case u.Info()&types.IsInteger != 0:
				k = "integer"
			case u.Info()&types.IsFloat != 0:
				k = "float"
			default:
				k = u.Name()
			}
		case *types.Slice:
			k = "slice"
		case *types.Map:
			k = "map"
		case *types.Struct:
			k = types.TypeString(derefType(t), nil)
		}
		if prev, ok := kinds[k]; ok && prev != types.TypeString(t, nil) {
			c.t.errorf(at, TypeAssert, "use one "+k+" type per switch", "types %s and %s look the same in Python", prev, types.TypeString(t, qualifier))
		}
		kinds[k] = types.TypeString(t, qualifier)
	}
}

// isErrorType reports whether t is the error interface.
func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// quoteGo quotes s for messages.
func quoteGo(s string) string { return strconv.Quote(s) }

// checkMapKey rejects map key types Python would hash differently: pointers
// (hashed by the struct's value) and interfaces, also inside struct keys
// (Python's 1, 1.0 and True are one key; Go's int 1, float64 1 and true
// are three).
func (c *funcCtx) checkMapKey(at ast.Node, key types.Type) {
	if isPointer(key) {
		c.t.errorf(at, UnsupportedType, "key the map by a field that identifies the struct", "map keyed by pointer type %s", types.TypeString(key, qualifier))
	}
	if hasInterface(key) {
		c.t.errorf(at, UnsupportedType, "key the map by one concrete type (convert the keys to strings)", "map keyed by %s, which holds an interface: Python merges the keys 1, 1.0 and true", types.TypeString(key, qualifier))
	}
}

// hasInterface reports whether t is an interface or a struct with one.
func hasInterface(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Interface:
		return true
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if hasInterface(u.Field(i).Type()) {
				return true
			}
		}
	}
	return false
}

// mapKey translates the key k of map m. A float NaN key gets a fresh NaN
// object: Python finds a key by identity before equality, so reusing one
// NaN would find it again, where Go never finds a NaN key.
func (c *funcCtx) mapKey(m, k ast.Expr) pyast.Expr {
	mt, ok := c.info.TypeOf(m).Underlying().(*types.Map)
	if !ok {
		return c.expr(k)
	}
	c.checkMapKey(k, mt.Key())
	key := c.valueTo(k, mt.Key())
	if isFloat(mt.Key()) {
		key = c.t.shimCall("_gg_fkey", key)
	}
	return key
}

// methodOf returns the module method a method value or expression
// selects, or nil after reporting why it cannot be one: methods of
// interfaces and of standard types are dispatched in ways a Python
// function value does not carry.
func (c *funcCtx) methodOf(e *ast.SelectorExpr, sel *types.Selection, what string) *types.Func {
	fn := sel.Obj().(*types.Func).Origin()
	if _, ok := c.t.decls[fn]; !ok || types.IsInterface(fn.Signature().Recv().Type()) || fn.Signature().TypeParams().Len() > 0 {
		c.t.errorf(e, MethodValue, "wrap the call in a func literal", "%s %s of %s: only methods declared in the module, on concrete types, without type parameters of their own", what, e.Sel.Name, types.TypeString(sel.Recv(), qualifier))
		return nil
	}
	return fn
}

// methodValue translates x.M used as a value. Go evaluates the receiver
// now: a value receiver is copied now, and each call gets its own copy; a
// pointer receiver is the pointer now, so x must be a pointer, or a
// struct variable never reassigned (the rule of &x).
func (c *funcCtx) methodValue(e *ast.SelectorExpr, sel *types.Selection) pyast.Expr {
	fn := c.methodOf(e, sel, "method value")
	if fn == nil {
		return pyNone()
	}
	recvT := fn.Signature().Recv().Type()
	recv, xt := c.expr(e.X), c.info.TypeOf(e.X)
	if len(sel.Index()) > 1 {
		recv, xt = embedPath(recv, xt, sel.Index()[:len(sel.Index())-1])
	}
	ref := c.t.methodRef(fn, xt, nil, e.Sel)
	_, xptr := xt.(*types.Pointer)
	if _, ptr := recvT.(*types.Pointer); ptr {
		if !xptr && !c.neverReassigned(e.X, sel) {
			c.t.errorf(e, MethodValue, "call it through a pointer (p := &T{...}) or wrap the call in a func literal", "method value %s takes the address of a value that may be reassigned", e.Sel.Name)
			return pyNone()
		}
		return c.t.shimCall("_gg_bind", ref, recv)
	}
	if isStructValue(recvT) {
		if xptr {
			recv = c.t.shimCall("_gg_deref", recv)
		}
		return c.t.shimCall("_gg_bindcopy", ref, c.t.shimCall("_gg_cp", recv))
	}
	return c.t.shimCall("_gg_bind", ref, recv)
}

// neverReassigned reports whether x, the receiver of a pointer method
// selected directly, is a local struct variable never assigned as a
// whole: the Python object then stands for &x.
func (c *funcCtx) neverReassigned(x ast.Expr, sel *types.Selection) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok || len(sel.Index()) > 1 {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && isStructValue(v.Type()) && v.Parent() != v.Pkg().Scope() && c.assigns[v] == 0
}

// methodExpr translates T.M or (*T).M: a function whose first parameter
// is the receiver, copied for a value receiver as a call copies it.
func (c *funcCtx) methodExpr(e *ast.SelectorExpr, sel *types.Selection) pyast.Expr {
	fn := c.methodOf(e, sel, "method expression")
	if fn == nil {
		return pyNone()
	}
	if len(sel.Index()) > 1 {
		c.t.errorf(e, MethodValue, "name the embedded type: Inner.M", "method expression %s promoted from an embedded field", e.Sel.Name)
		return pyNone()
	}
	recvT, xt := fn.Signature().Recv().Type(), sel.Recv()
	if c.sub != nil {
		xt = c.sub.typ(xt) // Selections are not substituted in an instantiation
	}
	ref := c.t.methodRef(fn, xt, nil, e.Sel)
	if _, ptr := recvT.(*types.Pointer); !ptr && isStructValue(recvT) {
		_, xptr := xt.(*types.Pointer)
		return c.t.shimCall("_gg_copyfirst", ref, pyBool(xptr))
	}
	return ref
}
