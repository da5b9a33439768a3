package transpile

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/gogears/gogears/pyast"
	"golang.org/x/tools/go/types/typeutil"
)

// Go leaves the order between a call and a plain operand of the same
// statement unspecified; gc runs every call of the statement first, left
// to right and depth first, then reads the variables, fields and elements
// (x + f() reads x after f). Python reads operands in source order. When
// a call could change an operand Python reads before it, the statement's
// calls go to temporaries first, in gc's order.

// orderCalls hoists the calls of a statement's expressions when gc's
// order and Python's could differ. exprs are in source order; the ones
// Python evaluates after everything else (a single assignment's target)
// are left out by the caller. root, when not nil, is the statement's
// outermost call, which runs last in both languages and stays in place.
func (c *funcCtx) orderCalls(root ast.Expr, exprs ...ast.Expr) {
	for _, e := range exprs {
		c.checkCallOrder(e, false)
	}
	if !c.callOrderDiffers(exprs) {
		return
	}
	var visit func(e ast.Expr)
	visit = func(e ast.Expr) {
		ast.Inspect(e, func(n ast.Node) bool {
			x, ok := n.(ast.Expr)
			if !ok || n == e {
				return true
			}
			if _, lit := x.(*ast.FuncLit); lit {
				return false
			}
			if c.isOrdered(x) {
				if !c.isShortCircuit(x) && !c.isCollect(x) {
					visit(x)
				}
				c.hoistOrdered(x)
				return false
			}
			return true
		})
	}
	for _, e := range exprs {
		if c.isOrdered(e) && e != root {
			if !c.isShortCircuit(e) && !c.isCollect(e) {
				visit(e)
			}
			c.hoistOrdered(e)
			continue
		}
		visit(e)
	}
}

// orderAssign applies orderCalls to an assignment: an op-assignment
// reads its target first; a parallel assignment evaluates its targets'
// operands before the values; a single assignment's target is evaluated
// after its value in Python.
func (c *funcCtx) orderAssign(s *ast.AssignStmt) {
	switch {
	case s.Tok != token.ASSIGN && s.Tok != token.DEFINE:
		c.orderCalls(nil, s.Lhs[0], s.Rhs[0])
	case len(s.Rhs) == 1:
		c.orderCalls(s.Rhs[0], s.Rhs[0])
	default:
		var exprs []ast.Expr
		for _, l := range s.Lhs {
			switch x := ast.Unparen(l).(type) {
			case *ast.IndexExpr:
				exprs = append(exprs, x.X, x.Index)
			case *ast.SelectorExpr:
				exprs = append(exprs, x.X)
			}
		}
		c.orderCalls(nil, append(exprs, s.Rhs...)...)
	}
}

// checkCallOrder rejects the differences orderCalls cannot remove: inside
// either side of && and || (the right one runs only sometimes, so its calls
// cannot move), and anywhere in e when whole is set (a for condition or a
// case expression, evaluated again or only sometimes).
func (c *funcCtx) checkCallOrder(e ast.Expr, whole bool) {
	report := func(at ast.Node) {
		c.t.errorf(at, UnsupportedType, "assign the call's result to a variable first",
			"a call here may change an operand read before it: Go (gc) runs the call first")
	}
	if whole && c.callOrderDiffers([]ast.Expr{e}) {
		report(e)
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		if b, ok := n.(*ast.BinaryExpr); ok && c.isShortCircuit(b) {
			for _, side := range []ast.Expr{b.X, b.Y} {
				if c.callOrderDiffers([]ast.Expr{side}) {
					report(side)
					return false
				}
			}
		}
		return true
	})
}

// hoistOrdered evaluates e into a temporary appended to c.pre and makes
// later translations of e read the temporary.
func (c *funcCtx) hoistOrdered(e ast.Expr) {
	if tup, ok := c.info.TypeOf(e).(*types.Tuple); ok && tup.Len() == 0 {
		return // a call without results cannot be an operand
	}
	v := c.expr(e)
	n := c.scope.fresh("_c")
	c.pre = append(c.pre, &pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: v})
	if c.subst == nil {
		c.subst = map[ast.Expr]pyast.Expr{}
	}
	c.subst[e] = pyName(n)
}

// isOrdered reports whether gc evaluates e in the statement's ordered
// prefix: calls of functions and func values (not builtins or
// conversions) and && / || expressions.
func (c *funcCtx) isOrdered(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.CallExpr:
		if c.info.Types[x.Fun].IsType() || c.info.Types[x].Value != nil {
			return false
		}
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if _, ok := c.info.Uses[id].(*types.Builtin); ok {
				return false
			}
		}
		return true
	case *ast.BinaryExpr:
		return c.isShortCircuit(x) && c.info.Types[x].Value == nil
	}
	return false
}

func (c *funcCtx) isShortCircuit(e ast.Expr) bool {
	b, ok := e.(*ast.BinaryExpr)
	return ok && (b.Op == token.LAND || b.Op == token.LOR)
}

// callOrderDiffers reports whether some operand Python reads before a
// call could be changed by that call while gc reads it after.
func (c *funcCtx) callOrderDiffers(exprs []ast.Expr) bool {
	type read struct {
		end   token.Pos
		owner ast.Node // innermost enclosing ordered node, or nil
	}
	var reads []read
	var stack []ast.Node // enclosing ordered nodes
	differs := false
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		if differs {
			return false
		}
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if _, lit := x.(*ast.FuncLit); lit {
			return false
		}
		if c.isOrdered(x) {
			if c.mayWrite(x) {
				for _, r := range reads {
					if r.end <= x.Pos() && (r.owner == nil || encloses(r.owner, x)) {
						differs = true
						return false
					}
				}
			}
			if c.isShortCircuit(x) || c.isCollect(x) {
				return false // evaluated as one unit in both languages
			}
			stack = append(stack, x)
			for _, ch := range children(x) {
				ast.Inspect(ch, walk)
			}
			stack = stack[:len(stack)-1]
			return false
		}
		if c.isMutableRead(x) {
			var owner ast.Node
			if len(stack) > 0 {
				owner = stack[len(stack)-1]
			}
			reads = append(reads, read{x.End(), owner})
		}
		return true
	}
	for _, e := range exprs {
		ast.Inspect(e, walk)
	}
	return differs
}

func encloses(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End()
}

// children returns the direct operands of an ordered node.
func children(e ast.Expr) []ast.Node {
	switch x := e.(type) {
	case *ast.CallExpr:
		out := []ast.Node{x.Fun}
		for _, a := range x.Args {
			out = append(out, a)
		}
		return out
	case *ast.BinaryExpr:
		return []ast.Node{x.X, x.Y}
	}
	return nil
}

// isCollect reports a slices.Collect/Sorted call, whose iterator argument
// is translated with it.
func (c *funcCtx) isCollect(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, _ := typeutil.Callee(c.info, call).(*types.Func)
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "slices" && (fn.Name() == "Collect" || fn.Name() == "Sorted")
}

// mayWrite reports whether evaluating the ordered node e could change a
// variable, field or element of the caller: calls of func values and
// methods can; so can a function given a pointer, slice, map, func or
// interface. A function of plain values cannot (module functions cannot
// assign package-level variables).
func (c *funcCtx) mayWrite(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BinaryExpr:
		found := false
		ast.Inspect(x, func(n ast.Node) bool {
			if ex, ok := n.(ast.Expr); ok && ex != e && c.isOrdered(ex) && c.mayWrite(ex) {
				found = true
			}
			return !found
		})
		return found
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		if fn == nil {
			return true
		}
		if fn.Pkg() != nil && !c.t.inModule(fn.Pkg().Path()) {
			return c.stdMayWrite(x, fn)
		}
		if fn.Signature().Recv() != nil {
			return true
		}
		for _, a := range x.Args {
			if !plainValue(c.info.TypeOf(a)) {
				return true
			}
		}
		return false
	}
	return false
}

// stdWriters are the standard functions that write through an argument.
var stdWriters = map[string]bool{
	"sort.Strings": true, "sort.Ints": true, "sort.Float64s": true, "sort.Slice": true, "sort.SliceStable": true,
	"slices.Sort": true, "slices.SortFunc": true, "slices.SortStableFunc": true, "slices.Reverse": true,
	"encoding/json.Unmarshal": true,
}

// stdMayWrite reports whether a standard function or method could change
// the caller's state: it writes through an argument, calls a func
// argument, or (fmt) calls a String or Error method of the module.
func (c *funcCtx) stdMayWrite(call *ast.CallExpr, fn *types.Func) bool {
	if recv := fn.Signature().Recv(); recv != nil {
		_, ptr := recv.Type().(*types.Pointer)
		return ptr
	}
	if stdWriters[fn.Pkg().Path()+"."+fn.Name()] {
		return true
	}
	for _, a := range call.Args {
		t := c.info.TypeOf(a)
		if t == nil {
			continue
		}
		if _, isFunc := t.Underlying().(*types.Signature); isFunc {
			return true
		}
		if fn.Pkg().Path() == "fmt" {
			if named, ok := types.Unalias(derefType(t)).(*types.Named); ok && named.Obj().Pkg() != nil && c.t.inModule(named.Obj().Pkg().Path()) {
				return true
			}
		}
	}
	return false
}

// plainValue reports whether t holds no reference another function could
// write through.
func plainValue(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return true
	case *types.Struct:
		for i := 0; i < u.NumFields(); i++ {
			if !plainValue(u.Field(i).Type()) {
				return false
			}
		}
		return true
	case *types.Tuple:
		for i := 0; i < u.Len(); i++ {
			if !plainValue(u.At(i).Type()) {
				return false
			}
		}
		return true
	}
	return false
}

// isMutableRead reports whether e reads a location a call could change:
// a field, a slice or map element, a pointed-to struct, the length of a
// map, a struct variable (copied when read), or a variable some closure
// assigns.
func (c *funcCtx) isMutableRead(e ast.Expr) bool {
	if c.info.Types[e].Value != nil {
		return false
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		return c.closureWrites[v] || isStructValue(v.Type())
	case *ast.SelectorExpr:
		sel := c.info.Selections[x]
		return sel != nil && sel.Kind() == types.FieldVal
	case *ast.IndexExpr:
		switch c.info.TypeOf(x.X).Underlying().(type) {
		case *types.Slice, *types.Map:
			return true
		}
	case *ast.StarExpr:
		return true
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "len" {
				_, isMap := c.info.TypeOf(x.Args[0]).Underlying().(*types.Map)
				return isMap
			}
		}
	}
	return false
}

// closureAssigned returns the variables that a func literal assigns
// while they are declared outside it.
func closureAssigned(info *types.Info, body ast.Node) map[types.Object]bool {
	out := map[types.Object]bool{}
	var lits []*ast.FuncLit
	var visit func(n ast.Node) bool
	mark := func(e ast.Expr) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return
		}
		obj := info.Uses[id]
		if obj == nil {
			return
		}
		for _, l := range lits {
			if obj.Pos() < l.Pos() || obj.Pos() >= l.End() {
				out[obj] = true
				return
			}
		}
	}
	visit = func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			lits = append(lits, x)
			ast.Inspect(x.Body, visit)
			lits = lits[:len(lits)-1]
			return false
		}
		for _, l := range assignedBy(n) {
			mark(l)
		}
		return true
	}
	ast.Inspect(body, visit)
	return out
}

// assignedBy returns the expressions statement n assigns to: targets of
// = and :=, op= and ++/--, and of a range with =.
func assignedBy(n ast.Node) []ast.Expr {
	switch x := n.(type) {
	case *ast.AssignStmt:
		return x.Lhs
	case *ast.IncDecStmt:
		return []ast.Expr{x.X}
	case *ast.RangeStmt:
		if x.Tok == token.ASSIGN {
			var out []ast.Expr
			for _, e := range []ast.Expr{x.Key, x.Value} {
				if e != nil {
					out = append(out, e)
				}
			}
			return out
		}
	}
	return nil
}

// mentions reports whether t refers to the type parameter tp.
func mentions(t types.Type, tp *types.TypeParam) bool {
	switch x := t.(type) {
	case *types.TypeParam:
		return x == tp
	case *types.Slice:
		return mentions(x.Elem(), tp)
	case *types.Pointer:
		return mentions(x.Elem(), tp)
	case *types.Map:
		return mentions(x.Key(), tp) || mentions(x.Elem(), tp)
	case *types.Signature:
		for k := 0; k < x.Params().Len(); k++ {
			if mentions(x.Params().At(k).Type(), tp) {
				return true
			}
		}
		for k := 0; k < x.Results().Len(); k++ {
			if mentions(x.Results().At(k).Type(), tp) {
				return true
			}
		}
	case *types.Named:
		for k := 0; k < x.TypeArgs().Len(); k++ {
			if mentions(x.TypeArgs().At(k), tp) {
				return true
			}
		}
	}
	return false
}

// checkNilPointer rejects storing a struct pointer that may be nil in an
// interface with methods (error, the module's interfaces): Go's interface
// then holds a typed nil and is not == nil, Python's holds None, which is.
func (c *funcCtx) checkNilPointer(e ast.Expr, src, target types.Type) {
	if _, ptr := src.Underlying().(*types.Pointer); !ptr {
		return
	}
	if iface, ok := target.Underlying().(*types.Interface); !ok || iface.NumMethods() == 0 {
		return
	}
	if c.nonNilPtr(e) {
		return
	}
	c.t.errorf(e, DynamicInterface, "store &T{...} itself, and an untyped nil where the pointer would be nil",
		"%s that may be nil converted to %s: a nil pointer in an interface is not nil in Go", types.TypeString(src, qualifier), types.TypeString(target, qualifier))
}

// nonNilPtr reports whether the pointer expression e is never nil: &T{},
// &v, new(T), or a variable never reassigned that was declared with one.
func (c *funcCtx) nonNilPtr(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return x.Op == token.AND
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := c.info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "new"
			}
		}
		fn, _ := typeutil.Callee(c.info, x).(*types.Func)
		return fn != nil && c.t.returnsNonNil(fn)
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || c.assigns[v] != 0 {
			return false
		}
		var init ast.Expr
		for cc := c; cc != nil && init == nil; cc = cc.parent {
			ast.Inspect(cc.fnBody, func(n ast.Node) bool {
				if a, ok := n.(*ast.AssignStmt); ok && a.Tok == token.DEFINE && len(a.Lhs) == len(a.Rhs) {
					for i, l := range a.Lhs {
						if id, ok := l.(*ast.Ident); ok && c.info.Defs[id] == v {
							init = a.Rhs[i]
						}
					}
				}
				return init == nil
			})
		}
		return init != nil && init != e && c.nonNilPtr(init)
	}
	return false
}

// returnsNonNil reports whether every return statement of the module
// function fn (one result) returns &T{...}, &v or new(T): a constructor.
func (t *translator) returnsNonNil(fn *types.Func) bool {
	d, ok := t.decls[fn.Origin()]
	if !ok || d.decl.Body == nil || fn.Signature().Results().Len() != 1 {
		return false
	}
	nonNil, returns := true, 0
	ast.Inspect(d.decl.Body, func(n ast.Node) bool {
		switch r := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(r.Results) != 1 {
				nonNil = false
				return false
			}
			switch e := ast.Unparen(r.Results[0]).(type) {
			case *ast.UnaryExpr:
				nonNil = nonNil && e.Op == token.AND
			case *ast.CallExpr:
				id, ok := ast.Unparen(e.Fun).(*ast.Ident)
				b, isBuiltin := d.pkg.TypesInfo.Uses[id].(*types.Builtin)
				nonNil = nonNil && ok && isBuiltin && b.Name() == "new"
			default:
				nonNil = false
			}
		}
		return true
	})
	return nonNil && returns > 0
}
