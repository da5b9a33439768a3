package transpile

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/gogears/gogears/pyast"
)

// block translates a list of statements. Go blocks only scope names, which
// the renamer already made unique, so a block is inlined.
func (c *funcCtx) block(list []ast.Stmt) []pyast.Stmt {
	var out []pyast.Stmt
	for _, s := range list {
		out = append(out, c.stmt(s)...)
	}
	return out
}

// body translates a block into a non-empty Python suite.
func (c *funcCtx) body(list []ast.Stmt) []pyast.Stmt {
	out := c.block(list)
	if len(out) == 0 {
		return []pyast.Stmt{&pyast.Pass{}}
	}
	return out
}

// flush returns the statements hoisted by the expressions just translated,
// followed by ss.
func (c *funcCtx) flush(ss ...pyast.Stmt) []pyast.Stmt {
	out := append(c.pre, ss...)
	c.pre = nil
	return out
}

// stmt translates one statement.
func (c *funcCtx) stmt(s ast.Stmt) (out []pyast.Stmt) {
	defer c.t.recoverInternal(s)
	switch s := s.(type) {
	case *ast.BlockStmt:
		return c.block(s.List)
	case *ast.EmptyStmt:
		return nil
	case *ast.ExprStmt:
		c.stmtCall, _ = ast.Unparen(s.X).(*ast.CallExpr)
		c.orderCalls(s.X, s.X)
		return c.flush(&pyast.ExprStmt{Value: c.expr(s.X)})
	case *ast.AssignStmt:
		return c.assign(s)
	case *ast.IncDecStmt:
		op := token.ADD
		if s.Tok == token.DEC {
			op = token.SUB
		}
		one := &ast.BasicLit{ValuePos: s.TokPos, Kind: token.INT, Value: "1"}
		c.info.Types[one] = types.TypeAndValue{Type: c.info.TypeOf(s.X), Value: constant.MakeInt64(1)}
		return c.opAssign(s.X, op, one, s)
	case *ast.DeclStmt:
		return c.declStmt(s)
	case *ast.ReturnStmt:
		return c.returnStmt(s)
	case *ast.IfStmt:
		return c.ifStmt(s)
	case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.ForStmt, *ast.RangeStmt:
		out, _ := c.breakable(s, nil)
		return out
	case *ast.BranchStmt:
		return c.branch(s)
	case *ast.GoStmt:
		c.t.errorf(s, GoStmt, "steps run inside RedisGears; do the work synchronously", "go statement in a step")
	case *ast.DeferStmt:
		c.t.errorf(s, DeferStmt, "call the cleanup explicitly before each return", "defer is not supported")
	case *ast.SelectStmt:
		c.t.errorf(s, SelectStmt, "steps cannot block; remove the select", "select statement in a step")
	case *ast.SendStmt:
		c.t.errorf(s, Channel, "steps cannot use channels", "channel send in a step")
	case *ast.LabeledStmt:
		return c.labeled(s)
	default:
		bug(s, "unhandled statement %T", s)
	}
	return nil
}

// labeled translates a labeled statement. Only a for, range, switch or
// type switch can be the target of break or continue; any other label is
// reached by goto alone, which is reported at the goto.
func (c *funcCtx) labeled(s *ast.LabeledStmt) []pyast.Stmt {
	if out, ok := c.breakable(s.Stmt, c.info.Defs[s.Label]); ok {
		return out
	}
	return c.stmt(s.Stmt)
}

// breakable translates a statement break can target, with its label or
// nil; ok is false for other statements.
func (c *funcCtx) breakable(s ast.Stmt, label types.Object) (out []pyast.Stmt, ok bool) {
	switch s := s.(type) {
	case *ast.ForStmt:
		return c.forStmt(s, label), true
	case *ast.RangeStmt:
		return c.rangeStmt(s, label), true
	case *ast.SwitchStmt:
		return c.switchStmt(s, label), true
	case *ast.TypeSwitchStmt:
		return c.typeSwitchStmt(s, label), true
	}
	return nil, false
}

// branch translates break and continue, labeled or not. Python's break
// and continue act on the innermost Python loop: when Python loops lie
// between the statement and its target, the statement sets the target's
// flag and breaks, and each loop it crosses tests the flag after itself
// (see closeLoop).
func (c *funcCtx) branch(s *ast.BranchStmt) []pyast.Stmt {
	switch s.Tok {
	case token.GOTO:
		c.t.errorf(s, GotoStmt, "restructure the code with loops or functions", "goto statement")
		return nil
	case token.FALLTHROUGH:
		c.t.errorf(s, Fallthrough, "merge the cases or call a shared function", "fallthrough statement")
		return nil
	}
	ti := c.branchTarget(s)
	target := c.loops[ti]
	if s.Tok == token.BREAK && !target.pyLoop {
		bug(s, "break out of a switch that is not a loop")
	}
	var crossed []*loopCtx
	for _, l := range c.loops[ti+1:] {
		if l.pyLoop {
			crossed = append(crossed, l)
		}
	}
	if len(crossed) == 0 {
		if s.Tok == token.CONTINUE {
			return append(append([]pyast.Stmt(nil), target.post...), &pyast.Continue{})
		}
		return []pyast.Stmt{&pyast.Break{}}
	}
	for _, l := range crossed {
		l.addExit(target, s.Tok)
	}
	flag := c.branchFlag(target, s.Tok)
	return []pyast.Stmt{&pyast.Assign{Targets: []pyast.Expr{pyName(flag)}, Value: pyBool(true)}, &pyast.Break{}}
}

// branchTarget returns the index in c.loops of the statement s breaks or
// continues: the labeled one, else the innermost statement (loop, for
// continue).
func (c *funcCtx) branchTarget(s *ast.BranchStmt) int {
	var label types.Object
	if s.Label != nil {
		label = c.info.Uses[s.Label]
	}
	for i := len(c.loops) - 1; i >= 0; i-- {
		l := c.loops[i]
		switch {
		case label != nil && l.label != label:
		case s.Tok == token.CONTINUE && l.isSwitch:
		default:
			return i
		}
	}
	bug(s, "%s outside a loop", s.Tok)
	return -1
}

// branchFlag returns the name of the flag that break or continue (tok)
// statements targeting l set, named after l's label.
func (c *funcCtx) branchFlag(l *loopCtx, tok token.Token) string {
	if n, ok := l.flags[tok]; ok {
		return n
	}
	base := "_" + tok.String()
	if l.label != nil {
		base += "_" + l.label.Name()
	}
	if l.flags == nil {
		l.flags = map[token.Token]string{}
	}
	n := c.scope.fresh(base)
	l.flags[tok] = n
	return n
}

// addExit records that a break or continue (tok) leaves l for target.
func (l *loopCtx) addExit(target *loopCtx, tok token.Token) {
	e := loopExit{target, tok}
	for _, x := range l.exits {
		if x == e {
			return
		}
	}
	l.exits = append(l.exits, e)
}

// closeLoop returns the Python loop of l followed by a test of the flag of
// each branch that leaves it: break again while another Python loop lies
// before the target; at the target, break, or run its post statement and
// continue. The outermost loop crossed clears the flag before it starts,
// so the flag is set only by the branch that just left. c.loops must no
// longer hold l.
func (c *funcCtx) closeLoop(l *loopCtx, loop pyast.Stmt) []pyast.Stmt {
	var before, after []pyast.Stmt
	for _, e := range l.exits {
		flag := pyName(e.target.flags[e.tok])
		then := []pyast.Stmt{&pyast.Break{}}
		if !c.pyLoopWithin(e.target) {
			before = append(before, &pyast.Assign{Targets: []pyast.Expr{flag}, Value: pyBool(false)})
			if e.tok == token.CONTINUE {
				then = append(append([]pyast.Stmt(nil), e.target.post...), &pyast.Continue{})
			}
		}
		after = append(after, &pyast.If{Test: flag, Body: then})
	}
	return append(append(before, loop), after...)
}

// pyLoopWithin reports whether a Python loop encloses the current
// statement inside target.
func (c *funcCtx) pyLoopWithin(target *loopCtx) bool {
	for i := len(c.loops) - 1; i >= 0 && c.loops[i] != target; i-- {
		if c.loops[i].pyLoop {
			return true
		}
	}
	return false
}

// breaksSwitch reports whether a break leaves the switch with the given
// body and label: an unlabeled break outside nested breakable statements,
// or a break naming the label. Such a switch is lowered to a one-shot
// loop, decided before its body is translated so that branches inside it
// know which Python loops they cross.
func (c *funcCtx) breaksSwitch(body *ast.BlockStmt, label types.Object) bool {
	found := false
	var visit func(root ast.Node, nested bool)
	visit = func(root ast.Node, nested bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false // labels and breaks do not cross functions
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n != root {
					visit(n, true)
					return false
				}
			case *ast.BranchStmt:
				if n.Tok != token.BREAK {
					break
				}
				if n.Label == nil && !nested || n.Label != nil && label != nil && c.info.Uses[n.Label] == label {
					found = true
				}
			}
			return true
		})
	}
	for _, cl := range body.List {
		visit(cl, false)
	}
	return found
}

// declStmt translates var declarations; constants are folded where used
// and local types need no code.
func (c *funcCtx) declStmt(s *ast.DeclStmt) []pyast.Stmt {
	g, ok := s.Decl.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return nil
	}
	var out []pyast.Stmt
	for _, sp := range g.Specs {
		vs := sp.(*ast.ValueSpec)
		switch {
		case len(vs.Values) == 0:
			for _, id := range vs.Names {
				obj := c.info.Defs[id]
				z, ok := c.t.zeroValue(obj.Type())
				if !ok {
					c.t.errorf(id, UnsupportedType, "use a supported type", "unsupported type %s", types.TypeString(obj.Type(), nil))
					z = pyNone()
				}
				out = append(out, &pyast.Assign{Targets: []pyast.Expr{c.defineTarget(id)}, Value: z})
			}
		default:
			lhs := make([]ast.Expr, len(vs.Names))
			for i, id := range vs.Names {
				lhs[i] = id
			}
			out = append(out, c.assign(&ast.AssignStmt{Lhs: lhs, TokPos: vs.Pos(), Tok: token.DEFINE, Rhs: vs.Values})...)
		}
	}
	return out
}

// defineTarget declares the variable id defines and returns its name.
func (c *funcCtx) defineTarget(id *ast.Ident) pyast.Expr {
	if id.Name == "_" {
		return pyName(c.scope.fresh("_"))
	}
	if obj := c.info.Defs[id]; obj != nil {
		return pyName(c.scope.declare(obj))
	}
	n, _ := c.scope.lookup(c.info.Uses[id])
	if n == "" {
		bug(id, "undeclared %s", id.Name)
	}
	return pyName(n)
}

// assign translates =, := and op= statements.
func (c *funcCtx) assign(s *ast.AssignStmt) []pyast.Stmt {
	c.stmtCall = nil
	if len(s.Rhs) == 1 {
		c.stmtCall, _ = ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
	}
	c.orderAssign(s)
	if s.Tok != token.ASSIGN && s.Tok != token.DEFINE {
		return c.opAssign(s.Lhs[0], assignOps[s.Tok], s.Rhs[0], s)
	}
	// v, ok := m[k] / x.(T) / <-ch
	if len(s.Lhs) == 2 && len(s.Rhs) == 1 {
		if value, ok := c.commaOk(s.Rhs[0], c.info.TypeOf(s.Lhs[0])); ok {
			targets := c.targets(s, s.Lhs)
			return c.flush(&pyast.Assign{Targets: []pyast.Expr{pyTuple(targets...)}, Value: value})
		}
	}
	if len(s.Lhs) > 1 && len(s.Rhs) == 1 {
		// a, b := f()
		value := c.expr(s.Rhs[0])
		targets := c.targets(s, s.Lhs)
		return c.flush(&pyast.Assign{Targets: []pyast.Expr{pyTuple(targets...)}, Value: value})
	}
	if len(s.Lhs) == 1 {
		return c.assignOne(s, s.Lhs[0], s.Rhs[0])
	}
	// Parallel assignment: Go evaluates index operands on the left and all
	// values on the right before assigning; Python assigns targets left to
	// right, so operands of non-name targets go to temporaries first.
	var out []pyast.Stmt
	assigned := map[types.Object]bool{}
	for _, l := range s.Lhs {
		if id, ok := l.(*ast.Ident); ok {
			assigned[c.info.Uses[id]] = true
		}
	}
	c.fieldWriteRoots(s.Lhs, assigned)
	lhs := make([]ast.Expr, len(s.Lhs))
	for i, l := range s.Lhs {
		lhs[i] = l
		if s.Tok == token.ASSIGN {
			lhs[i] = c.hoistOperands(l, &out, func(e ast.Expr) bool { return c.hasCall(e) || c.mentions(e, assigned) })
		}
	}
	values := make([]pyast.Expr, len(s.Rhs))
	for i, r := range s.Rhs {
		values[i] = c.valueTo(r, c.info.TypeOf(s.Lhs[i]))
	}
	for _, l := range s.Lhs {
		if _, isMap := c.mapIndex(l); isMap {
			c.t.errorf(l, UnsupportedType, "assign map entries in separate statements", "map element in a parallel assignment")
		}
	}
	targets := c.targets(s, lhs)
	out = append(out, c.flush()...)
	return append(out, &pyast.Assign{Targets: []pyast.Expr{pyTuple(targets...)}, Value: pyTuple(values...)})
}

// assignOne translates a single x = e or x := e.
func (c *funcCtx) assignOne(s *ast.AssignStmt, l, r ast.Expr) []pyast.Stmt {
	if id, ok := l.(*ast.Ident); ok && id.Name == "_" {
		return c.flush(&pyast.ExprStmt{Value: c.expr(r)})
	}
	// x = append(x, ...) on an unaliased local grows the list in place.
	if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && c.isBuiltin(call, "append") {
		if id, ok := l.(*ast.Ident); ok && s.Tok == token.ASSIGN {
			if obj := c.info.Uses[id]; obj != nil && c.inplace[obj] {
				if arg0, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && c.info.Uses[arg0] == obj {
					value := c.appendCall(call, true)
					return c.flush(&pyast.Assign{Targets: []pyast.Expr{c.target(l)}, Value: value})
				}
			}
		}
	}
	// Go evaluates calls in the target's operands before the value's;
	// Python evaluates the value first.
	var pre []pyast.Stmt
	if c.hasCall(r) {
		l = c.hoistOperands(l, &pre, c.hasCall)
	}
	ltype := c.info.TypeOf(l)
	value := c.valueTo(r, ltype)
	if len(pre) > 0 {
		c.pre = append(pre, c.pre...)
	}
	if m, ok := c.mapIndex(l); ok {
		mx := c.expr(m.X)
		k := c.mapKey(m.X, m.Index)
		return c.flush(&pyast.Assign{Targets: []pyast.Expr{&pyast.Subscript{Value: mx, Index: k}}, Value: value})
	}
	var target pyast.Expr
	if s.Tok == token.DEFINE {
		target = c.defineTarget(l.(*ast.Ident))
	} else {
		target = c.target(l)
	}
	return c.flush(&pyast.Assign{Targets: []pyast.Expr{target}, Value: value})
}

// targets translates assignment targets, declaring new names for :=.
func (c *funcCtx) targets(s *ast.AssignStmt, lhs []ast.Expr) []pyast.Expr {
	out := make([]pyast.Expr, len(lhs))
	for i, l := range lhs {
		if id, ok := l.(*ast.Ident); ok && (s.Tok == token.DEFINE || id.Name == "_") {
			out[i] = c.defineTarget(id)
			continue
		}
		if m, ok := c.mapIndex(l); ok {
			out[i] = &pyast.Subscript{Value: c.expr(m.X), Index: c.mapKey(m.X, m.Index)}
			continue
		}
		out[i] = c.target(l)
	}
	return out
}

// target translates an assignable expression.
func (c *funcCtx) target(l ast.Expr) pyast.Expr {
	switch l := ast.Unparen(l).(type) {
	case *ast.Ident:
		obj := c.info.Uses[l]
		if obj == nil {
			obj = c.info.Defs[l]
		}
		if v, ok := obj.(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			c.t.errorf(l, GlobalWrite, "keep state in Redis or in the record", "assignment to package-level variable %s", l.Name)
			return pyName("_")
		}
		n, _ := c.scope.lookup(obj)
		if n == "" {
			bug(l, "unknown variable %s", l.Name)
		}
		return pyName(n)
	case *ast.SelectorExpr:
		sel := c.info.Selections[l]
		if sel == nil || sel.Kind() != types.FieldVal {
			bug(l, "assignment to %s", l.Sel.Name)
		}
		if h, ok := c.hoisted[l]; ok {
			x, _ := embedPath(pyName(h.tmp), h.typ, h.rest)
			return pyAttr(x, attrName(l.Sel.Name))
		}
		x, _ := embedPath(c.expr(l.X), sel.Recv(), sel.Index()[:len(sel.Index())-1])
		return pyAttr(x, attrName(l.Sel.Name))
	case *ast.IndexExpr:
		x := c.expr(l.X)
		if isString(c.info.TypeOf(l.X)) {
			bug(l, "assignment to string byte")
		}
		var idx pyast.Expr
		if tv := c.info.Types[l.Index]; tv.Value != nil {
			idx = c.expr(l.Index)
		} else {
			idx = c.t.shimCall("_gg_chk", x, c.expr(l.Index))
		}
		return &pyast.Subscript{Value: x, Index: idx}
	case *ast.StarExpr:
		c.t.errorf(l, AddressOf, "assign to the struct's fields instead", "assignment through a pointer dereference")
		return pyName("_")
	}
	bug(l, "unhandled assignment target %T", l)
	return nil
}

// mapIndex returns l as a map index expression.
func (c *funcCtx) mapIndex(l ast.Expr) (*ast.IndexExpr, bool) {
	ix, ok := ast.Unparen(l).(*ast.IndexExpr)
	if !ok {
		return nil, false
	}
	_, isMap := c.info.TypeOf(ix.X).Underlying().(*types.Map)
	return ix, isMap
}

var assignOps = map[token.Token]token.Token{
	token.ADD_ASSIGN: token.ADD, token.SUB_ASSIGN: token.SUB, token.MUL_ASSIGN: token.MUL,
	token.QUO_ASSIGN: token.QUO, token.REM_ASSIGN: token.REM, token.AND_ASSIGN: token.AND,
	token.OR_ASSIGN: token.OR, token.XOR_ASSIGN: token.XOR, token.SHL_ASSIGN: token.SHL,
	token.SHR_ASSIGN: token.SHR, token.AND_NOT_ASSIGN: token.AND_NOT,
}

// opAssign translates x op= y (and ++/--) as x = x op y, evaluating the
// operands of x once.
func (c *funcCtx) opAssign(l ast.Expr, op token.Token, r ast.Expr, at ast.Node) []pyast.Stmt {
	l = ast.Unparen(l)
	if id, ok := l.(*ast.Ident); ok {
		if v, ok := c.info.Uses[id].(*types.Var); ok && v.Parent() == v.Pkg().Scope() {
			c.t.errorf(l, GlobalWrite, "keep state in Redis or in the record", "assignment to package-level variable %s", id.Name)
			return nil
		}
	}
	var pre []pyast.Stmt
	// Hoist non-trivial operands of an index or selector target so they are
	// evaluated once.
	var lx ast.Expr
	switch x := l.(type) {
	case *ast.Ident:
		lx = x
	case *ast.IndexExpr, *ast.SelectorExpr:
		lx = c.hoistOperands(x, &pre, func(e ast.Expr) bool { return !isStable(c.info, e) })
	case *ast.StarExpr:
		c.t.errorf(x, AddressOf, "assign to the struct's fields instead", "assignment through a pointer dereference")
		return nil
	default:
		bug(l, "unhandled op-assign target %T", l)
	}
	bin := &ast.BinaryExpr{X: lx, OpPos: at.Pos(), Op: op, Y: r}
	c.info.Types[bin] = types.TypeAndValue{Type: c.info.TypeOf(l)}
	value := c.binary(bin)
	if m, ok := c.mapIndex(lx); ok {
		return append(pre, c.flush(&pyast.Assign{Targets: []pyast.Expr{&pyast.Subscript{Value: c.expr(m.X), Index: c.mapKey(m.X, m.Index)}}, Value: value})...)
	}
	target := c.target(lx)
	return append(pre, c.flush(&pyast.Assign{Targets: []pyast.Expr{target}, Value: value})...)
}

// hoistTemp assigns e to a fresh temporary (appending the statements to
// pre) and returns an identifier for it, when need(e) holds; constants
// are never hoisted.
func (c *funcCtx) hoistTemp(e ast.Expr, pre *[]pyast.Stmt, need func(ast.Expr) bool) ast.Expr {
	if c.info.Types[e].Value != nil || !need(e) {
		return e
	}
	n := c.scope.fresh("_t")
	tmp := &ast.Ident{NamePos: e.Pos(), Name: n}
	obj := types.NewVar(e.Pos(), c.pkg.Types, n, c.info.TypeOf(e))
	c.info.Uses[tmp] = obj
	c.info.Types[tmp] = types.TypeAndValue{Type: obj.Type()}
	c.scope.names[obj] = n
	*pre = append(*pre, c.flush(&pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: c.expr(e)})...)
	return tmp
}

// mentions reports whether e uses one of the variables in objs.
func (c *funcCtx) mentions(e ast.Expr, objs map[types.Object]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && objs[c.info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// hasCall reports whether e calls a function (conversions do not count).
func (c *funcCtx) hasCall(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && !c.info.Types[call.Fun].IsType() {
			found = true
		}
		return !found
	})
	return found
}

// hoistOperands returns the index or selector target l with the operands
// for which need holds moved to temporaries, so they are evaluated before
// the right-hand side as Go does. The struct variable of a field selector
// is hoisted only when it is not a plain name: Go assigns to the variable
// itself.
func (c *funcCtx) hoistOperands(l ast.Expr, pre *[]pyast.Stmt, need func(ast.Expr) bool) ast.Expr {
	switch x := ast.Unparen(l).(type) {
	case *ast.IndexExpr:
		lx := &ast.IndexExpr{X: c.hoistTemp(x.X, pre, need), Index: c.hoistTemp(x.Index, pre, need), Lbrack: x.Lbrack, Rbrack: x.Rbrack}
		c.info.Types[lx] = c.info.Types[x]
		return lx
	case *ast.SelectorExpr:
		if sx, ok := c.hoistEmbeddedPtr(x, pre, need); ok {
			return sx
		}
		_, isPtr := c.info.TypeOf(x.X).Underlying().(*types.Pointer)
		_, isName := ast.Unparen(x.X).(*ast.Ident)
		nx := x.X
		if isPtr || !isName {
			nx = c.hoistTemp(x.X, pre, need)
		}
		sx := &ast.SelectorExpr{X: nx, Sel: x.Sel}
		c.info.Types[sx] = c.info.Types[x]
		if sel, ok := c.info.Selections[x]; ok {
			c.info.Selections[sx] = sel
		}
		return sx
	}
	return l
}

// isStable reports whether e can be evaluated twice with the same result
// and no side effects: names, constants, and selectors of them.
func isStable(info *types.Info, e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		if _, ok := info.Selections[x]; ok {
			return isStable(info, x.X)
		}
		return true
	}
	return info.Types[e].Value != nil
}

// returnStmt translates return, including bare returns of named results.
func (c *funcCtx) returnStmt(s *ast.ReturnStmt) []pyast.Stmt {
	res := c.sig.Results()
	if len(s.Results) == 1 {
		c.orderCalls(s.Results[0], s.Results[0])
	} else {
		c.orderCalls(nil, s.Results...)
	}
	switch {
	case len(s.Results) == 0 && len(c.results) > 0:
		vals := make([]pyast.Expr, len(c.results))
		for i, n := range c.results {
			vals[i] = pyName(n)
		}
		if len(vals) == 1 {
			return []pyast.Stmt{&pyast.Return{Value: vals[0]}}
		}
		return []pyast.Stmt{&pyast.Return{Value: pyTuple(vals...)}}
	case len(s.Results) == 0:
		return []pyast.Stmt{&pyast.Return{}}
	case len(s.Results) == 1 && res.Len() > 1:
		return c.flush(&pyast.Return{Value: c.expr(s.Results[0])})
	case len(s.Results) == 1:
		return c.flush(&pyast.Return{Value: c.valueTo(s.Results[0], res.At(0).Type())})
	}
	vals := make([]pyast.Expr, len(s.Results))
	for i, r := range s.Results {
		vals[i] = c.valueTo(r, res.At(i).Type())
	}
	return c.flush(&pyast.Return{Value: pyTuple(vals...)})
}

// ifStmt translates if/else; an init statement runs first.
func (c *funcCtx) ifStmt(s *ast.IfStmt) []pyast.Stmt {
	var out []pyast.Stmt
	if s.Init != nil {
		out = append(out, c.stmt(s.Init)...)
	}
	c.orderCalls(s.Cond, s.Cond)
	test := c.expr(s.Cond)
	out = append(out, c.flush()...)
	n := &pyast.If{Test: test, Body: c.body(s.Body.List)}
	switch e := s.Else.(type) {
	case *ast.BlockStmt:
		n.Else = c.block(e.List)
	case *ast.IfStmt:
		n.Else = c.ifStmt(e)
	}
	return append(out, n)
}

// switchStmt lowers a switch to an if/elif chain over a temporary holding
// the tag. A break leaving it needs a one-shot while loop around it.
func (c *funcCtx) switchStmt(s *ast.SwitchStmt, label types.Object) []pyast.Stmt {
	var out []pyast.Stmt
	if s.Init != nil {
		out = append(out, c.stmt(s.Init)...)
	}
	var tag pyast.Expr
	var tagType types.Type
	if s.Tag != nil {
		c.orderCalls(s.Tag, s.Tag)
		tagType = c.info.TypeOf(s.Tag)
		v := c.expr(s.Tag)
		if isStable(c.info, s.Tag) {
			tag = v
		} else {
			n := c.scope.fresh("_tag")
			out = append(out, c.flush(&pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: v})...)
			tag = pyName(n)
		}
	}
	lc := &loopCtx{label: label, isSwitch: true, pyLoop: c.breaksSwitch(s.Body, label)}
	c.loops = append(c.loops, lc)
	var tests []pyast.Expr
	var bodies [][]pyast.Stmt
	var def []pyast.Stmt
	hasDefault := false
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		body := c.body(cc.Body)
		if cc.List == nil {
			def, hasDefault = body, true
			continue
		}
		var conds []pyast.Expr
		for _, e := range cc.List {
			c.checkCallOrder(e, true)
			if tag == nil {
				conds = append(conds, c.expr(e))
			} else {
				conds = append(conds, c.compare(token.EQL, tag, tagType, c.valueTo(e, tagType), c.info.TypeOf(e)))
			}
		}
		if len(c.pre) > 0 {
			c.t.errorf(cc, UnsupportedType, "move the func literal out of the case expression", "func literal in a case expression")
			c.pre = nil
		}
		var test pyast.Expr = conds[0]
		if len(conds) > 1 {
			test = &pyast.BoolOp{Op: pyast.Or, Values: conds}
		}
		tests = append(tests, test)
		bodies = append(bodies, body)
	}
	c.loops = c.loops[:len(c.loops)-1]
	var chain []pyast.Stmt
	if hasDefault {
		chain = def
	}
	for i := len(tests) - 1; i >= 0; i-- {
		chain = []pyast.Stmt{&pyast.If{Test: tests[i], Body: bodies[i], Else: chain}}
	}
	if len(chain) == 0 {
		// Cases with no code still evaluate their expressions in Go; those
		// are side-effect free here (calls would have needed a body).
		return out
	}
	return append(out, c.switchLoop(lc, chain)...)
}

// switchLoop returns the if chain of a switch, inside a one-shot loop when
// a break leaves the switch.
func (c *funcCtx) switchLoop(lc *loopCtx, chain []pyast.Stmt) []pyast.Stmt {
	if !lc.pyLoop {
		return chain
	}
	chain = append(chain, &pyast.Break{})
	return c.closeLoop(lc, &pyast.While{Test: pyBool(true), Body: chain})
}

// typeSwitchStmt lowers a type switch to isinstance tests.
func (c *funcCtx) typeSwitchStmt(s *ast.TypeSwitchStmt, label types.Object) []pyast.Stmt {
	var out []pyast.Stmt
	if s.Init != nil {
		out = append(out, c.stmt(s.Init)...)
	}
	var x ast.Expr
	var bind *ast.Ident
	switch a := s.Assign.(type) {
	case *ast.AssignStmt:
		x = a.Rhs[0].(*ast.TypeAssertExpr).X
		bind = a.Lhs[0].(*ast.Ident)
	case *ast.ExprStmt:
		x = a.X.(*ast.TypeAssertExpr).X
	}
	tmp := c.scope.fresh("_x")
	out = append(out, c.flush(&pyast.Assign{Targets: []pyast.Expr{pyName(tmp)}, Value: c.expr(x)})...)
	var caseTypes []types.Type
	var caseExprs []ast.Expr
	for _, cl := range s.Body.List {
		for _, e := range cl.(*ast.CaseClause).List {
			caseTypes = append(caseTypes, c.info.TypeOf(e))
			caseExprs = append(caseExprs, e)
		}
	}
	dyn := c.knownDynamicType(x)
	if dyn == nil {
		c.checkTypeCasesAt(caseExprs, caseTypes)
	}
	lc := &loopCtx{label: label, isSwitch: true, pyLoop: c.breaksSwitch(s.Body, label)}
	c.loops = append(c.loops, lc)
	var chain []pyast.Stmt
	type clause struct {
		test pyast.Expr
		body []pyast.Stmt
	}
	var clauses []clause
	var def []pyast.Stmt
	hasDefault := false
	for _, cl := range s.Body.List {
		cc := cl.(*ast.CaseClause)
		var body []pyast.Stmt
		if bind != nil {
			if obj := c.info.Implicits[cc]; obj != nil {
				n := c.scope.declare(obj)
				var value pyast.Expr = pyName(tmp)
				if needsCopy(obj.Type(), false) {
					// The case variable is a copy of the struct in the interface.
					value = c.t.shimCall("_gg_cp", value)
				}
				body = append(body, &pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: value})
			}
		}
		body = append(body, c.block(cc.Body)...)
		if len(body) == 0 {
			body = []pyast.Stmt{&pyast.Pass{}}
		}
		if cc.List == nil {
			def, hasDefault = body, true
			continue
		}
		var conds []pyast.Expr
		for _, e := range cc.List {
			conds = append(conds, c.typeTestKnown(e, pyName(tmp), c.info.TypeOf(e), dyn))
		}
		var test pyast.Expr = conds[0]
		if len(conds) > 1 {
			test = &pyast.BoolOp{Op: pyast.Or, Values: conds}
		}
		clauses = append(clauses, clause{test, body})
	}
	c.loops = c.loops[:len(c.loops)-1]
	if hasDefault {
		chain = def
	}
	if dyn != nil {
		// The operand's type is known: only the clause that runs is kept.
		for _, cl := range clauses {
			if isPyTrue(cl.test) {
				chain = cl.body
				break
			}
		}
		clauses = nil
	}
	for i := len(clauses) - 1; i >= 0; i-- {
		chain = []pyast.Stmt{&pyast.If{Test: clauses[i].test, Body: clauses[i].body, Else: chain}}
	}
	return append(out, c.switchLoop(lc, chain)...)
}

// forStmt lowers a three-clause loop to a while loop; continue runs the
// post statement first.
func (c *funcCtx) forStmt(s *ast.ForStmt, label types.Object) []pyast.Stmt {
	var out []pyast.Stmt
	if s.Init != nil {
		out = append(out, c.stmt(s.Init)...)
		if a, ok := s.Init.(*ast.AssignStmt); ok && a.Tok == token.DEFINE {
			for _, l := range a.Lhs {
				if obj := c.info.Defs[l.(*ast.Ident)]; obj != nil {
					c.loopVars[obj] = true
					if !assignedIn(c.info, s.Body, obj) {
						c.t.postOnly[obj] = true
					}
				}
			}
		}
	}
	var test pyast.Expr = pyBool(true)
	if s.Cond != nil {
		c.checkCallOrder(s.Cond, true)
		test = c.expr(s.Cond)
		for _, p := range c.pre {
			if _, isDef := p.(*pyast.FunctionDef); !isDef {
				c.t.errorf(s.Cond, UnsupportedType, "compute the value in the loop body", "loop condition needs a statement (json.Unmarshal)")
			}
		}
		out = append(out, c.flush()...)
	}
	var post []pyast.Stmt
	if s.Post != nil {
		post = c.stmt(s.Post)
	}
	lc := &loopCtx{label: label, post: post, pyLoop: true}
	c.loops = append(c.loops, lc)
	c.markLoopVars(s.Body)
	body := c.block(s.Body.List)
	c.loops = c.loops[:len(c.loops)-1]
	body = append(body, post...)
	if len(body) == 0 {
		body = []pyast.Stmt{&pyast.Pass{}}
	}
	return append(out, c.closeLoop(lc, &pyast.While{Test: test, Body: body})...)
}

// markLoopVars records the variables declared in a loop body.
func (c *funcCtx) markLoopVars(body ast.Node) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if obj, ok := c.info.Defs[id].(*types.Var); ok {
				c.loopVars[obj] = true
			}
		}
		return true
	})
}

// rangeStmt lowers range over ints, slices, strings and maps.
func (c *funcCtx) rangeStmt(s *ast.RangeStmt, label types.Object) []pyast.Stmt {
	c.orderCalls(s.X, s.X)
	xt := c.info.TypeOf(s.X)
	var out []pyast.Stmt
	key, val := c.rangeTargets(s)
	c.markLoopVars(s)
	lc := &loopCtx{label: label, pyLoop: true}
	mk := func(target pyast.Expr, iter pyast.Expr, pre []pyast.Stmt) []pyast.Stmt {
		out = append(out, c.flush()...)
		c.loops = append(c.loops, lc)
		body := append(pre, c.block(s.Body.List)...)
		c.loops = c.loops[:len(c.loops)-1]
		if len(body) == 0 {
			body = []pyast.Stmt{&pyast.Pass{}}
		}
		return append(out, c.closeLoop(lc, &pyast.For{Target: target, Iter: iter, Body: body})...)
	}
	orUnder := func(e pyast.Expr) pyast.Expr {
		if e == nil {
			return pyName(c.scope.fresh("_"))
		}
		return e
	}
	switch u := xt.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsInteger != 0:
			return mk(orUnder(key), pyCall(pyName("range"), c.expr(s.X)), nil)
		case u.Info()&types.IsString != 0:
			if val == nil {
				// Only byte offsets of rune starts are needed.
				it := pyName(c.scope.fresh("_r"))
				return mk(pyTuple(orUnder(key), it), c.t.shimCall("_gg_range_str", c.expr(s.X)), nil)
			}
			return mk(pyTuple(orUnder(key), val), c.t.shimCall("_gg_range_str", c.expr(s.X)), nil)
		}
	case *types.Slice:
		// Go evaluates the slice once and fixes the length; elements are
		// read at each iteration, so writes by the body are seen.
		xs := c.expr(s.X)
		sn := c.scope.fresh("_s")
		out = append(out, c.flush(&pyast.Assign{Targets: []pyast.Expr{pyName(sn)}, Value: xs})...)
		idx := key
		if idx == nil {
			idx = pyName(c.scope.fresh("_i"))
		}
		var pre []pyast.Stmt
		if val != nil {
			var elem pyast.Expr = &pyast.Subscript{Value: pyName(sn), Index: idx}
			if isStructValue(u.Elem()) {
				elem = c.t.shimCall("_gg_cp", elem)
			}
			pre = append(pre, &pyast.Assign{Targets: []pyast.Expr{val}, Value: elem})
		}
		return mk(idx, pyCall(pyName("range"), c.t.shimCall("_gg_len", pyName(sn))), pre)
	case *types.Map:
		// Iterate over a snapshot of the keys, skipping entries deleted by
		// the body before they are reached, as Go does.
		mx := c.expr(s.X)
		mn := c.scope.fresh("_m")
		out = append(out, c.flush(&pyast.Assign{Targets: []pyast.Expr{pyName(mn)}, Value: mx})...)
		k := key
		if k == nil || isStructValue(u.Key()) {
			k = pyName(c.scope.fresh("_k"))
		}
		pre := []pyast.Stmt{&pyast.If{Test: pyCmp(k, pyast.NotIn, pyName(mn)), Body: []pyast.Stmt{&pyast.Continue{}}}}
		if key != nil && k != key {
			// A struct key variable is a copy: writes to it must not
			// change the key stored in the dict.
			pre = append(pre, &pyast.Assign{Targets: []pyast.Expr{key}, Value: c.t.shimCall("_gg_cp", k)})
		}
		if val != nil {
			var elem pyast.Expr = &pyast.Subscript{Value: pyName(mn), Index: k}
			if isStructValue(u.Elem()) {
				elem = c.t.shimCall("_gg_cp", elem)
			}
			pre = append(pre, &pyast.Assign{Targets: []pyast.Expr{val}, Value: elem})
		}
		return mk(k, c.t.shimCall("_gg_keys", pyName(mn)), pre)
	case *types.Signature:
		c.t.errorf(s, RangeFunc, "collect the values into a slice first", "range over a function iterator")
		return nil
	case *types.Chan:
		c.t.errorf(s, Channel, "steps cannot use channels", "range over a channel")
		return nil
	}
	c.t.errorf(s.X, UnsupportedType, "range over a slice, map, string or int", "range over %s", types.TypeString(xt, nil))
	return nil
}

// rangeTargets returns the Python targets for the key and value, or nil
// for absent or blank ones.
func (c *funcCtx) rangeTargets(s *ast.RangeStmt) (key, val pyast.Expr) {
	one := func(e ast.Expr) pyast.Expr {
		if e == nil {
			return nil
		}
		if id, ok := e.(*ast.Ident); ok && id.Name == "_" {
			return nil
		}
		if s.Tok == token.DEFINE {
			return c.defineTarget(e.(*ast.Ident))
		}
		return c.target(e)
	}
	return one(s.Key), one(s.Value)
}

// constInt returns the value of a constant integer expression.
func (c *funcCtx) constInt(e ast.Expr) (int64, bool) {
	tv := c.info.Types[e]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(tv.Value)
}
