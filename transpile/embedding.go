package transpile

// This file translates struct embedding. An embedded field is an ordinary
// attribute of the class, named after its type as in Go, so value
// semantics, equality and fmt need nothing new; promoted fields and
// methods follow the path go/types records in Selection.Index; methods
// promoted into a struct's method set are attached to its class as
// forwarders for interface dispatch; and encoding/json's flattening of
// embedded fields (depth shadowing, tags, ambiguity) is resolved here at
// translation time into the class's json field list. Because promoted
// String and Error methods make fmt's rules for nested values matter, the
// preparation of the types fmt can reach (fmtReach) lives here too.

import (
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"github.com/gogears/gogears/pyast"
)

// embedProblem returns why an embedded field cannot be translated, with
// the fix, or "" when it can: only struct types of the module are embedded,
// by value or by pointer.
func (t *translator) embedProblem(f *types.Var) (msg, hint string) {
	ft := f.Type()
	ptr := false
	if p, ok := ft.(*types.Pointer); ok {
		ft, ptr = p.Elem(), true
	}
	named, _ := types.Unalias(ft).(*types.Named)
	ts := types.TypeString(f.Type(), qualifier)
	switch {
	case types.IsInterface(ft):
		return "embedded interface " + ts, "name the field (" + f.Name() + " " + ts + ") and call its methods through it"
	case named == nil || named.Obj().Pkg() == nil:
		return "embedded field " + ts, "name the field"
	case !t.inModule(named.Obj().Pkg().Path()):
		return "embedded field " + ts + " from package " + named.Obj().Pkg().Path(), "name the field (" + f.Name() + " " + ts + "): only struct types of the module can be embedded"
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return "embedded field " + ts + " of non-struct type", "name the field (" + f.Name() + " " + ts + ")"
	}
	if ptr && !named.Obj().Exported() {
		// encoding/json cannot allocate it when decoding.
		return "embedded pointer to unexported struct type " + ts, "embed the value, export the type, or name the field"
	}
	return "", ""
}

// embedPath follows embedded fields from x, of type recv, along index (a
// Selection.Index without its last element) and returns the expression of
// the innermost embedded value and its type.
func embedPath(x pyast.Expr, recv types.Type, index []int) (pyast.Expr, types.Type) {
	typ := recv
	for _, f := range embeddedFields(recv, index) {
		x = pyAttr(x, attrName(f.Name()))
		typ = f.Type()
	}
	return x, typ
}

// embeddedFields returns the fields along index from a struct or
// pointer-to-struct type recv.
func embeddedFields(recv types.Type, index []int) []*types.Var {
	var out []*types.Var
	typ := recv
	for _, i := range index {
		st, ok := structOf(typ)
		if !ok {
			bug(nil, "embedded path through %s", typ)
		}
		f := st.Field(i)
		out = append(out, f)
		typ = f.Type()
	}
	return out
}

// attachPromoted attaches to cls the methods that embedded fields promote
// into *named's method set, so interface dispatch, fmt (String, Error) and
// errors.Unwrap find them as Go does.
func (t *translator) attachPromoted(named types.Type, cls pyast.Expr) {
	valueSet := types.NewMethodSet(named)
	ms := types.NewMethodSet(types.NewPointer(named))
	for i := 0; i < ms.Len(); i++ {
		s := ms.At(i)
		if len(s.Index()) < 2 {
			continue
		}
		fn := s.Obj().(*types.Func).Origin()
		fd, ok := t.decls[fn]
		if !ok {
			continue
		}
		var path []pyast.Expr
		var owner types.Type // the embedded type that declares fn
		for _, f := range embeddedFields(named, s.Index()[:len(s.Index())-1]) {
			path = append(path, pyast.NewStr(attrName(f.Name())))
			owner = f.Type()
		}
		recvT := fn.Signature().Recv().Type()
		_, ptrRecv := recvT.(*types.Pointer)
		copyRecv := !ptrRecv && isStructValue(recvT)
		t.attach = append(t.attach, &pyast.Assign{
			Targets: []pyast.Expr{pyAttr(cls, attrName(fn.Name()))},
			Value:   t.shimCall("_gg_promote", t.methodRef(fn, owner, nil, fd.decl.Name), pyTuple(path...), pyBool(copyRecv)),
		})
		if fn.Name() == "Error" && valueSet.Lookup(fn.Pkg(), "Error") == nil {
			// Only *T is an error: errors.Is compares such errors by identity.
			t.attach = append(t.attach, &pyast.Assign{Targets: []pyast.Expr{pyAttr(cls, "_gg_ptrerr")}, Value: pyBool(true)})
		}
	}
}

// attachUnnamed attaches the methods an unnamed struct type (or pointer
// to one) gets from its embedded fields, when it is converted to an
// interface or passed to fmt.
func (t *translator) attachUnnamed(typ types.Type) {
	typ = types.Unalias(derefType(types.Unalias(typ)))
	if _, ok := typ.(*types.Struct); !ok {
		return
	}
	key := typeKey(typ)
	if t.attached[key] || types.NewMethodSet(types.NewPointer(typ)).Len() == 0 {
		return
	}
	t.attached[key] = true
	if cls, ok := t.structClass(typ); ok {
		t.attachPromoted(typ, cls)
		t.markPtrOnly(typ, cls)
	}
}

// markPtrOnly records on the class of typ which of String and Error have
// pointer receivers: fmt does not call them on a struct value held in a
// field or element.
func (t *translator) markPtrOnly(typ types.Type, cls pyast.Expr) {
	var names []pyast.Expr
	for _, m := range []string{"Error", "String"} {
		if hasPtrOnlyMethod(typ, m) {
			names = append(names, pyast.NewStr(m))
		}
	}
	if len(names) > 0 {
		t.attach = append(t.attach, &pyast.Assign{Targets: []pyast.Expr{pyAttr(cls, "_gg_ptronly")}, Value: pyTuple(names...)})
	}
}

// markEmbedded records on the class of st its unexported embedded fields:
// fmt calls no method of such a field's value, but does of the exported
// fields inside it, as Go's reflection allows.
func (t *translator) markEmbedded(st *types.Struct, cls pyast.Expr) {
	var attrs []pyast.Expr
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Embedded() && !f.Exported() {
			attrs = append(attrs, pyast.NewStr(attrName(f.Name())))
		}
	}
	if len(attrs) > 0 {
		t.classDefs = append(t.classDefs, &pyast.Assign{Targets: []pyast.Expr{pyAttr(cls, "_gg_embedded")}, Value: pyTuple(attrs...)})
	}
}

// fmtReach prepares the struct types fmt can reach in a value of type typ
// (fields, elements, pointees) so it calls their String and Error methods
// as Go does: their methods are attached to their classes. When report is
// set, a named non-struct type with such a method where Go would call it
// below the top level is rejected at a: its Python value has no methods.
// raw is as for the fmt shim: 1 for an unexported embedded field, 2 below
// an unexported field.
func (c *funcCtx) fmtReach(a ast.Expr, typ types.Type, report bool) {
	seen := map[string]bool{}
	var walk func(typ types.Type, raw int, depth int)
	walk = func(typ types.Type, raw int, depth int) {
		key := types.TypeString(typ, nil) + "/" + string(rune('0'+raw))
		if seen[key] {
			return
		}
		seen[key] = true
		if named, ok := types.Unalias(typ).(*types.Named); ok && named.Obj().Pkg() != nil {
			_, isStruct := named.Underlying().(*types.Struct)
			std := allowedPackages[named.Obj().Pkg().Path()]
			switch {
			case !std && !c.t.inModule(named.Obj().Pkg().Path()):
				return
			case std && isStruct:
				return // a shim class (time.Time) has its own methods
			case isDuration(named):
				return // the fmt shim prints a Duration through String
			case isStruct:
				ms := types.NewMethodSet(types.NewPointer(named))
				if ms.Lookup(nil, "String") != nil || ms.Lookup(nil, "Error") != nil {
					c.t.attachMethods(named)
				}
			case report && depth > 0 && raw == 0:
				for _, m := range []string{"String", "Error"} {
					if types.NewMethodSet(named).Lookup(nil, m) != nil {
						c.t.errorf(a, DynamicInterface, "format the value yourself (call its "+m+" method)", "fmt would print %s inside this value through its %s method; the translation prints its underlying value", types.TypeString(named, qualifier), m)
						return
					}
				}
			}
		}
		switch u := typ.Underlying().(type) {
		case *types.Pointer:
			walk(u.Elem(), raw&2, depth+1)
		case *types.Slice:
			walk(u.Elem(), raw&2, depth+1)
		case *types.Map:
			walk(u.Key(), raw&2, depth+1)
			walk(u.Elem(), raw&2, depth+1)
		case *types.Struct:
			if _, ok := types.Unalias(typ).(*types.Named); !ok {
				c.t.attachUnnamed(typ)
			}
			for i := 0; i < u.NumFields(); i++ {
				f := u.Field(i)
				r := raw & 2
				if r == 0 && !f.Exported() {
					r = 2
					if f.Embedded() {
						r = 1
					}
				}
				walk(f.Type(), r, depth+1)
			}
		}
	}
	walk(typ, 0, 0)
}

// A jsonField is one field encoding/json encodes for a struct type once
// embedded structs are flattened.
type jsonField struct {
	name   string   // the JSON key
	tagged bool     // the name comes from a json tag
	index  []int    // field indexes from the outer struct, as reflect's
	attrs  []string // the Python attributes along index
	omit   bool     // omitempty
	typ    types.Type
}

// jsonFields returns the fields encoding/json encodes for st, in
// encoding order, with Go's rules for embedded structs: their exported
// fields are promoted unless the embedded field has a json name; of the
// fields sharing a name the shallowest wins, a tagged one among equals;
// still-tied names are dropped.
func jsonFields(typ types.Type) []jsonField {
	type level struct {
		typ   types.Type
		st    *types.Struct
		index []int
		attrs []string
	}
	var fields []jsonField
	st, _ := typ.Underlying().(*types.Struct)
	next := []level{{typ: typ, st: st}}
	visited := map[string]bool{}
	var count, nextCount map[string]int
	for len(next) > 0 {
		cur := next
		next = nil
		count, nextCount = nextCount, map[string]int{}
		for _, l := range cur {
			key := types.TypeString(l.typ, nil)
			if visited[key] {
				continue
			}
			visited[key] = true
			for i := 0; i < l.st.NumFields(); i++ {
				f := l.st.Field(i)
				ft := f.Type()
				if p, ok := ft.(*types.Pointer); ok && f.Embedded() {
					ft = p.Elem()
				}
				inner, isStruct := ft.Underlying().(*types.Struct)
				if f.Embedded() {
					if !f.Exported() && !isStruct {
						continue
					}
				} else if !f.Exported() {
					continue
				}
				name, omit, skip, _ := jsonTag("", l.st.Tag(i))
				if skip {
					continue
				}
				index := append(append([]int(nil), l.index...), i)
				attrs := append(append([]string(nil), l.attrs...), attrName(f.Name()))
				if name != "" || !f.Embedded() || !isStruct {
					jf := jsonField{name: name, tagged: name != "", index: index, attrs: attrs, omit: omit, typ: f.Type()}
					if jf.name == "" {
						jf.name = f.Name()
					}
					fields = append(fields, jf)
					if count[key] > 1 {
						// The same struct embedded twice at this depth: a
						// second copy makes its names ambiguous below.
						fields = append(fields, jf)
					}
					continue
				}
				ikey := types.TypeString(ft, nil)
				nextCount[ikey]++
				if nextCount[ikey] == 1 {
					next = append(next, level{typ: ft, st: inner, index: index, attrs: attrs})
				}
			}
		}
	}
	sort.SliceStable(fields, func(i, j int) bool {
		a, b := fields[i], fields[j]
		if a.name != b.name {
			return a.name < b.name
		}
		if len(a.index) != len(b.index) {
			return len(a.index) < len(b.index)
		}
		if a.tagged != b.tagged {
			return a.tagged
		}
		return lessIndex(a.index, b.index)
	})
	var out []jsonField
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		group := fields[i:j]
		if len(group) == 1 || len(group[0].index) != len(group[1].index) || group[0].tagged != group[1].tagged {
			out = append(out, group[0])
		}
		i = j
	}
	sort.Slice(out, func(i, j int) bool { return lessIndex(out[i].index, out[j].index) })
	return out
}

// lessIndex orders field index sequences as reflect's byIndex does.
func lessIndex(a, b []int) bool {
	for k, x := range a {
		if k >= len(b) {
			return false
		}
		if x != b[k] {
			return x < b[k]
		}
	}
	return len(a) < len(b)
}

// jsonAttr is the attribute the json shims read a field from: a dotted
// path for a field promoted from an embedded struct.
func (f jsonField) jsonAttr() string { return strings.Join(f.attrs, ".") }

// A hoistedPath is a promoted field target whose embedded path up to its
// last embedded pointer was evaluated into the temporary tmp, of type typ;
// rest is the remaining path.
type hoistedPath struct {
	tmp  string
	typ  types.Type
	rest []int
}

// hoistEmbeddedPtr evaluates the embedded path of a promoted field target
// x up to its last embedded pointer into a temporary, when need(x.X): Go
// evaluates that pointer indirection before assigning anything, while
// Python would follow the path when it assigns x.
func (c *funcCtx) hoistEmbeddedPtr(x *ast.SelectorExpr, pre *[]pyast.Stmt, need func(ast.Expr) bool) (*ast.SelectorExpr, bool) {
	sel := c.info.Selections[x]
	if sel == nil || sel.Kind() != types.FieldVal || len(sel.Index()) < 2 {
		return nil, false
	}
	path := sel.Index()[:len(sel.Index())-1]
	last := -1
	var ptrType types.Type
	for k, f := range embeddedFields(sel.Recv(), path) {
		if isPointer(f.Type()) {
			last, ptrType = k, f.Type()
		}
	}
	if last < 0 || !need(x.X) {
		return nil, false
	}
	prefix, _ := embedPath(c.expr(x.X), sel.Recv(), path[:last+1])
	n := c.scope.fresh("_t")
	*pre = append(*pre, c.flush(&pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: prefix})...)
	sx := &ast.SelectorExpr{X: x.X, Sel: x.Sel}
	c.info.Types[sx] = c.info.Types[x]
	c.info.Selections[sx] = sel
	if c.hoisted == nil {
		c.hoisted = map[*ast.SelectorExpr]hoistedPath{}
	}
	c.hoisted[sx] = hoistedPath{tmp: n, typ: ptrType, rest: path[last+1:]}
	return sx, true
}

// fieldWriteRoots adds to assigned the variables whose fields the targets
// of a parallel assignment write, when a target reads a pointer on its way
// (p.X with p a pointer, or a field promoted through an embedded pointer):
// such a pointer must be read before those writes.
func (c *funcCtx) fieldWriteRoots(lhs []ast.Expr, assigned map[types.Object]bool) {
	throughPtr := false
	for _, l := range lhs {
		x, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if isPointer(c.info.TypeOf(x.X)) {
			throughPtr = true
		}
		if sel := c.info.Selections[x]; sel != nil {
			for _, f := range embeddedFields(sel.Recv(), sel.Index()[:len(sel.Index())-1]) {
				throughPtr = throughPtr || isPointer(f.Type())
			}
		}
	}
	if !throughPtr {
		return
	}
	for _, l := range lhs {
		if _, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
			if o := c.rootVar(l); o != nil {
				assigned[o] = true
			}
		}
	}
}

// rootVar returns the variable a selector or index expression starts
// from, or nil.
func (c *funcCtx) rootVar(e ast.Expr) types.Object {
	for {
		switch y := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = y.X
		case *ast.IndexExpr:
			e = y.X
		case *ast.Ident:
			return c.info.Uses[y]
		default:
			return nil
		}
	}
}

// unnamedFmtArg prepares an unnamed struct (or pointer to one) for fmt:
// methods promoted from its embedded fields are attached, a pointer prints
// as &{...}, and a value whose String or Error needs a pointer is
// rejected, since the class would offer it.
func (c *funcCtx) unnamedFmtArg(a ast.Expr, t types.Type, v pyast.Expr) pyast.Expr {
	c.t.attachUnnamed(t)
	if isPointer(t) {
		return c.t.shimCall("_GgPtr", v)
	}
	c.checkUnnamedValue(a, t)
	return v
}

// checkUnnamedValue rejects an unnamed struct value converted to an
// interface whose String or Error method, promoted from an embedded
// field, has a pointer receiver: the value lacks it, its class does not.
func (c *funcCtx) checkUnnamedValue(a ast.Expr, t types.Type) {
	if _, ok := types.Unalias(t).(*types.Struct); !ok {
		return
	}
	for _, m := range []string{"String", "Error"} {
		if hasPtrOnlyMethod(t, m) {
			c.t.errorf(a, DynamicInterface, "pass a pointer (&v) or make the method's receiver a value", "struct value converted to an interface, and its promoted %s method has a pointer receiver", m)
		}
	}
}
