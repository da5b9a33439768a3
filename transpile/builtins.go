package transpile

import (
	"go/ast"
	"go/types"

	"github.com/gogears/gogears/pyast"
)

// isBuiltin reports whether call calls the predeclared function name.
func (c *funcCtx) isBuiltin(call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// builtin translates calls of predeclared functions.
func (c *funcCtx) builtin(e *ast.CallExpr, name string) pyast.Expr {
	switch name {
	case "len":
		t := c.info.TypeOf(e.Args[0])
		if isString(t) {
			return pyCall(pyName("len"), c.expr(e.Args[0]))
		}
		switch t.Underlying().(type) {
		case *types.Slice, *types.Map:
			return c.t.shimCall("_gg_len", c.expr(e.Args[0]))
		}
		c.t.errorf(e, UnsupportedType, "use len on strings, slices or maps", "len of %s", types.TypeString(t, qualifier))
		return pyNone()
	case "cap":
		c.t.errorf(e, UnsupportedType, "use len; capacity has no Python counterpart", "cap is not supported")
		return pyNone()
	case "append":
		return c.appendCall(e, false)
	case "copy":
		src := c.expr(e.Args[1])
		if isString(c.info.TypeOf(e.Args[1])) {
			src = pyCall(pyName("list"), src)
		}
		return c.t.shimCall("_gg_copy", c.expr(e.Args[0]), c.copyElems(src, c.info.TypeOf(e.Args[1])))
	case "delete":
		return c.t.shimCall("_gg_del", c.expr(e.Args[0]), c.mapKey(e.Args[0], e.Args[1]))
	case "make":
		return c.makeCall(e)
	case "new":
		t := c.info.TypeOf(e.Args[0])
		if _, ok := t.Underlying().(*types.Struct); ok {
			z, _ := c.t.zeroValue(t)
			return z
		}
		c.t.errorf(e, AddressOf, "use pointers to structs only", "new(%s)", types.TypeString(t, qualifier))
		return pyNone()
	case "panic":
		return c.t.shimCall("_gg_panic", c.valueTo(e.Args[0], types.NewInterfaceType(nil, nil)))
	case "recover":
		c.t.errorf(e, Recover, "let the record fail; RedisGears records the error", "recover is not supported")
		return pyNone()
	case "min", "max":
		args := make([]pyast.Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = c.expr(a)
		}
		if isFloat(c.info.TypeOf(e)) {
			return c.t.shimCall("_gg_"+name, args...)
		}
		return pyCall(pyName(name), args...)
	case "clear":
		return c.t.shimCall("_gg_clear", c.expr(e.Args[0]))
	case "close":
		c.t.errorf(e, Channel, "steps cannot use channels", "close of a channel")
		return pyNone()
	case "print", "println":
		c.t.errorf(e, PackageCall, "use runtime.Log", "%s writes to the server's stderr", name)
		return pyNone()
	case "complex", "real", "imag":
		c.t.errorf(e, UnsupportedType, "use float64 pairs", "complex numbers are not supported")
		return pyNone()
	}
	bug(e, "unhandled builtin %s", name)
	return nil
}

// appendCall translates append. inPlace grows the first argument's list
// (for x = append(x, ...) on an unaliased local); otherwise a new list is
// built, so no other slice can observe the change.
func (c *funcCtx) appendCall(e *ast.CallExpr, inPlace bool) pyast.Expr {
	s := c.expr(e.Args[0])
	st, _ := c.info.TypeOf(e).Underlying().(*types.Slice)
	if inner, ok := ast.Unparen(e.Args[0]).(*ast.SliceExpr); ok {
		if _, isSlice := c.info.TypeOf(inner.X).Underlying().(*types.Slice); isSlice {
			c.t.errorf(e, AliasingAppend, "copy the subslice first: append(slices.Clone(s[i:j]), ...)", "append to a subslice, which shares its backing array in Go")
		}
	}
	if e.Ellipsis.IsValid() {
		xs := c.expr(e.Args[1])
		if isString(c.info.TypeOf(e.Args[1])) {
			xs = pyCall(pyName("list"), xs)
		}
		xs = c.copyElems(xs, c.info.TypeOf(e.Args[1]))
		if inPlace {
			return c.t.shimCall("_gg_pushv", s, xs)
		}
		if st != nil && isStructValue(st.Elem()) {
			return c.t.shimCall("_gg_appends", s, &pyast.Starred{Value: &pyast.BoolOp{Op: pyast.Or, Values: []pyast.Expr{xs, pyTuple()}}})
		}
		return c.t.shimCall("_gg_appendv", s, xs)
	}
	args := []pyast.Expr{s}
	for _, a := range e.Args[1:] {
		var et types.Type
		if st != nil {
			et = st.Elem()
		}
		args = append(args, c.valueTo(a, et))
	}
	if inPlace {
		return c.t.shimCall("_gg_push", args...)
	}
	if st != nil && isStructValue(st.Elem()) {
		return c.t.shimCall("_gg_appends", args...)
	}
	return c.t.shimCall("_gg_append", args...)
}

// copyElems copies the struct elements of the list xs of Go type t (a
// slice or map of struct values) when they go into another backing array
// or slice: Go copies each element, Python would share the instances.
func (c *funcCtx) copyElems(xs pyast.Expr, t types.Type) pyast.Expr {
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	default:
		return xs
	}
	if !isStructValue(elem) {
		return xs
	}
	return c.t.shimCall("_gg_cps", xs)
}

// makeCall translates make for slices and maps.
func (c *funcCtx) makeCall(e *ast.CallExpr) pyast.Expr {
	t := c.info.TypeOf(e.Args[0])
	switch u := t.Underlying().(type) {
	case *types.Map:
		return &pyast.Dict{}
	case *types.Slice:
		if len(e.Args) < 2 {
			bug(e, "make without length")
		}
		z, ok := c.t.zeroValue(u.Elem())
		if !ok {
			c.t.errorf(e, UnsupportedType, "use a supported element type", "slice of %s", types.TypeString(u.Elem(), qualifier))
			return pyNone()
		}
		n := c.expr(e.Args[1])
		if isStructValue(u.Elem()) {
			return c.t.shimCall("_gg_makef", n, &pyast.Lambda{Body: z})
		}
		if v, ok := c.constInt(e.Args[1]); ok && v >= 0 {
			return pyBin(&pyast.List{Elts: []pyast.Expr{z}}, pyast.Mult, n)
		}
		return c.t.shimCall("_gg_make", n, z)
	case *types.Chan:
		c.t.errorf(e, Channel, "steps cannot use channels", "make of a channel")
		return pyNone()
	}
	bug(e, "make of %s", t)
	return nil
}

// conversion translates T(x).
func (c *funcCtx) conversion(e *ast.CallExpr, to types.Type) pyast.Expr {
	x := e.Args[0]
	from := c.info.TypeOf(x)
	if b, ok := from.(*types.Basic); ok && b.Kind() == types.UntypedNil {
		return pyNone()
	}
	_, toTP := types.Unalias(to).(*types.TypeParam)
	_, fromTP := types.Unalias(from).(*types.TypeParam)
	if (toTP || fromTP) && !types.Identical(to, from) {
		// Instantiations see their type arguments (generics.go): the
		// conversion's Python form depends on them.
		bug(e, "conversion from %s to %s with type parameters", from, to)
	}
	v := c.expr(x)
	switch {
	case isString(to) && isInteger(from):
		return c.t.shimCall("_gg_runestr", v)
	case isString(to) && isByteSlice(from):
		return c.t.shimCall("_gg_frombytes", v)
	case isString(to) && isRuneSlice(from):
		return c.t.shimCall("_gg_fromrunes", v)
	case isByteSlice(to) && isString(from):
		return pyCall(pyName("list"), v)
	case isRuneSlice(to) && isString(from):
		return c.t.shimCall("_gg_torunes", v)
	case isInteger(to) && isFloat(from):
		switch bits, signed, _ := intInfo(to); {
		case bits == 64 && !signed:
			return c.t.wrapInt(to, c.t.shimCall("_gg_ftoi", v, pyast.NewInt(64)))
		case bits == 32 && signed:
			return c.t.wrapInt(to, c.t.shimCall("_gg_ftoi", v, pyast.NewInt(32)))
		}
		return c.t.wrapInt(to, c.t.shimCall("_gg_ftoi", v))
	case isInteger(to) && isInteger(from):
		tb, ts, _ := intInfo(to)
		fb, fs, _ := intInfo(from)
		if ts == fs && tb >= fb || ts && !fs && tb > fb {
			return v // widening keeps the value
		}
		return c.t.wrapInt(to, v)
	case isFloat(to) && (isInteger(from) || isFloat(from)):
		if isFloat32(to) && isInteger(from) {
			// Rounding through float64 first would round twice.
			return c.t.shimCall("_gg_i2f32", v)
		}
		if isFloat32(to) {
			return c.t.shimCall("_gg_f32", pyCall(pyName("float"), v))
		}
		if isInteger(from) {
			return pyCall(pyName("float"), v)
		}
		return v
	case types.IsInterface(to):
		return c.valueTo(x, to)
	}
	if isStructValue(to) && isStructValue(from) && types.TypeString(from, nil) != types.TypeString(to, nil) && !c.isStdStruct(from) && !c.isStdStruct(to) {
		// Another struct type has another class: its json tags, methods
		// and type switches must see the new type.
		if cls, ok := c.t.structClass(to); ok {
			return c.t.shimCall("_gg_structconv", v, cls)
		}
	}
	if isStructValue(to) && !isFresh(x) {
		return c.t.shimCall("_gg_cp", v)
	}
	if types.ConvertibleTo(from, to) && sameRepr(from, to) {
		return v
	}
	c.t.errorf(e, UnsupportedType, "convert through a supported type", "conversion from %s to %s", types.TypeString(from, qualifier), types.TypeString(to, qualifier))
	return pyNone()
}

// isStdStruct reports whether t is a struct type of the standard library
// (time.Time), which a shim class represents.
func (c *funcCtx) isStdStruct(t types.Type) bool {
	named, ok := types.Unalias(t).(*types.Named)
	return ok && c.isStdType(named)
}

// sameRepr reports whether values of from and to share a Python form.
func sameRepr(from, to types.Type) bool {
	return types.Identical(from.Underlying(), to.Underlying()) ||
		isString(from) && isString(to) || isBool(from) && isBool(to)
}

// inplaceAppends finds the local slice variables that x = append(x, ...)
// may grow in place: declared in the body (not parameters, which the
// caller still holds), and never copied into another variable, field,
// element or composite literal, nor passed to a function other than the
// allowed standard ones, nor captured by a closure that might hold it.
func inplaceAppends(info *types.Info, body ast.Node) map[types.Object]bool {
	cands := map[types.Object]bool{}
	bad := map[types.Object]bool{}
	sliceVar := func(e ast.Expr) types.Object { return sliceVarOf(info, e) }
	// Declarations inside the body.
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := info.Defs[id].(*types.Var); ok && !v.IsField() {
				if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice {
					cands[v] = true
				}
			}
		}
		return true
	})
	if fd, ok := body.(*ast.FuncDecl); ok {
		// Parameters and results are not candidates.
		for _, fl := range []*ast.FieldList{fd.Recv, fd.Type.Params, fd.Type.Results} {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				for _, id := range f.Names {
					delete(cands, info.Defs[id])
				}
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch s := n.(type) {
		case *ast.FuncLit:
			for _, f := range s.Type.Params.List {
				for _, id := range f.Names {
					delete(cands, info.Defs[id])
				}
			}
			// A closure returning a captured slice hands the list to its
			// caller in this function: g := get() would share it.
			lit := s
			ast.Inspect(lit.Body, func(n ast.Node) bool {
				if r, ok := n.(*ast.ReturnStmt); ok {
					for _, e := range r.Results {
						if v := sliceVar(e); v != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
							bad[v] = true
						}
					}
				}
				return true
			})
		case *ast.AssignStmt:
			// A variable that may start out sharing its list (an element,
			// a field, a map value, a function's result) must not grow
			// it in place.
			if len(s.Lhs) == len(s.Rhs) {
				for i, r := range s.Rhs {
					if lv := sliceVar(s.Lhs[i]); lv != nil && !freshSlice(info, r, lv) {
						bad[lv] = true
					}
				}
			} else {
				for _, l := range s.Lhs {
					if lv := sliceVar(l); lv != nil {
						bad[lv] = true
					}
				}
			}
			// x = append(x, ...) is the growth we want; any other use of a
			// slice variable as a whole value on the right aliases it.
			for i, r := range s.Rhs {
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && len(s.Lhs) == len(s.Rhs) {
					if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "append" {
						if lv, av := sliceVar(s.Lhs[i]), sliceVar(call.Args[0]); lv != nil && lv == av {
							for _, a := range call.Args[1:] {
								if v := sliceVar(a); v != nil && !call.Ellipsis.IsValid() {
									bad[v] = true
								}
							}
							continue
						}
						for _, a := range call.Args {
							if v := sliceVar(a); v != nil {
								bad[v] = true
							}
						}
						continue
					}
				}
				if v := sliceVar(r); v != nil {
					bad[v] = true
					if lv := sliceVar(s.Lhs[i]); lv != nil {
						bad[lv] = true
					}
				}
			}
		case *ast.CallExpr:
			if tv := info.Types[s.Fun]; tv.IsType() {
				break
			}
			if id, ok := ast.Unparen(s.Fun).(*ast.Ident); ok {
				if _, isB := info.Uses[id].(*types.Builtin); isB {
					if id.Name == "append" {
						for _, a := range s.Args[1:] {
							if v := sliceVar(a); v != nil && !s.Ellipsis.IsValid() {
								bad[v] = true
							}
						}
					}
					break
				}
			}
			if fn, ok := calleeFunc(info, s); ok && fn.Pkg() != nil && readsArgsOnly(fn) {
				break
			}
			// A method of a named slice type may keep its receiver.
			if sel, ok := ast.Unparen(s.Fun).(*ast.SelectorExpr); ok {
				if v := sliceVar(sel.X); v != nil {
					bad[v] = true
				}
			}
			for _, a := range s.Args {
				if v := sliceVar(a); v != nil {
					bad[v] = true
				}
			}
		case *ast.ValueSpec:
			for i, id := range s.Names {
				if lv := sliceVar(id); lv != nil && (len(s.Values) != len(s.Names) || !freshSlice(info, s.Values[i], lv)) && len(s.Values) > 0 {
					bad[lv] = true
				}
			}
		case *ast.RangeStmt:
			// Range values are the ranged slice's elements.
			if lv := sliceVar(s.Value); s.Value != nil && lv != nil {
				bad[lv] = true
			}
		case *ast.CompositeLit:
			for _, el := range s.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				if v := sliceVar(el); v != nil {
					bad[v] = true
				}
			}
		case *ast.ReturnStmt:
			// Returning ends the function; the caller gets the only copy
			// (a closure's return of a captured slice is handled above).
		}
		return true
	})
	out := map[types.Object]bool{}
	for v := range cands {
		if !bad[v] {
			out[v] = true
		}
	}
	return out
}

// freshSlice reports whether e, assigned to the slice variable v, gives v
// a list no other value holds: nil, a literal, make, an append (to v
// itself, or copying), a conversion, or an allowed standard function that
// returns a new slice.
func freshSlice(info *types.Info, e ast.Expr, v types.Object) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x.Name == "nil" || info.Uses[x] == v
	case *ast.CompositeLit:
		return true
	case *ast.CallExpr:
		if info.Types[x.Fun].IsType() {
			return true
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if _, isB := info.Uses[id].(*types.Builtin); isB {
				return id.Name == "make" || id.Name == "append"
			}
		}
		if fn, ok := calleeFunc(info, x); ok && fn.Pkg() != nil && allowedPackages[fn.Pkg().Path()] {
			return !mutatesArgs(fn)
		}
	}
	return false
}

// calleeFunc returns the static callee of call.
func calleeFunc(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	default:
		return nil, false
	}
	fn, ok := info.Uses[id].(*types.Func)
	return fn, ok
}

// readsArgsOnly reports whether fn only reads its slice arguments during
// the call: the allowed standard functions (except those that reorder or
// keep them) and the gogears runtime.
func readsArgsOnly(fn *types.Func) bool {
	p := fn.Pkg().Path()
	if p == runtimePath || p == cmdPath {
		return true
	}
	return allowedPackages[p] && !mutatesArgs(fn)
}

// mutatesArgs reports whether an allowed standard function keeps or
// changes its slice argument in a way in-place append could expose.
func mutatesArgs(fn *types.Func) bool {
	switch fn.Pkg().Path() + "." + fn.Name() {
	case "slices.Clip", "slices.Grow", "slices.Insert", "slices.Delete":
		return true
	}
	return false
}

// sliceVarOf returns the variable e names when it is a slice-typed
// variable, or nil.
func sliceVarOf(info *types.Info, e ast.Expr) types.Object {
	// A conversion between slice types (named []int) is the same list.
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 && info.Types[call.Fun].IsType() {
		if _, isSlice := info.TypeOf(call.Args[0]).Underlying().(*types.Slice); isSlice {
			return sliceVarOf(info, call.Args[0])
		}
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := info.Uses[id]
	if obj == nil {
		obj = info.Defs[id]
	}
	if v, ok := obj.(*types.Var); ok {
		if _, isSlice := v.Type().Underlying().(*types.Slice); isSlice {
			return v
		}
	}
	return nil
}
