package transpile

// This file builds the Python classes for Go struct types, the type
// descriptors encoding/json shims decode with, method attachment for
// interface dispatch, and module-level values (sentinel errors, gear
// parameters).

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/gogears/gogears/pyast"
	"golang.org/x/tools/go/types/typeutil"
)

// structClass returns the class of a struct type, creating it on first use.
func (t *translator) structClass(typ types.Type) (pyast.Expr, bool) {
	typ = types.Unalias(typ)
	if named, ok := typ.(*types.Named); ok && named.Obj().Pkg() != nil {
		key := named.Obj().Pkg().Path() + "." + named.Obj().Name()
		if _, ok := stdZero[key]; ok {
			switch key {
			case "time.Time":
				return pyName(t.shims.use("_GgTime")), true
			case "strings.Builder":
				return pyName(t.shims.use("_GgBuilder")), true
			}
		}
		if allowedPackages[named.Obj().Pkg().Path()] {
			return nil, false
		}
	}
	st, ok := typ.Underlying().(*types.Struct)
	if !ok {
		return nil, false
	}
	key := typeKey(typ)
	if n, ok := t.classes[key]; ok {
		return pyName(n), true
	}
	base := "Struct"
	if named, ok := typ.(*types.Named); ok {
		base = named.Obj().Name()
	}
	name := t.module.fresh(base)
	t.classes[key] = name
	var gonames, attrs, zeros, vals, jspec, jtypesK, jtypesV []pyast.Expr
	okAll := true
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() {
			if msg, hint := t.embedProblem(f); msg != "" {
				t.diags.add(Diagnostic{Pos: t.fset.Position(f.Pos()), Code: UnsupportedType, Message: msg, Hint: hint})
				okAll = false
			}
		}
		attr := attrName(f.Name())
		gonames = append(gonames, pyast.NewStr(f.Name()))
		attrs = append(attrs, pyast.NewStr(attr))
		z, ok := t.zeroValue(f.Type())
		if !ok {
			t.diags.add(Diagnostic{Pos: t.fset.Position(f.Pos()), Code: UnsupportedType, Message: "field " + f.Name() + " of type " + types.TypeString(f.Type(), qualifier), Hint: "use a supported field type"})
			z = pyNone()
			okAll = false
		}
		zeros = append(zeros, z)
		if isStructValue(f.Type()) {
			vals = append(vals, pyast.NewStr(attr))
		}
		// Type descriptors of every field: json decoding uses the exported
		// ones, fmt all of them (nil slices print as []).
		jtypesK = append(jtypesK, pyast.NewStr(attr))
		jtypesV = append(jtypesV, t.jsonDesc(f.Type()))
		if !f.Exported() {
			continue
		}
		if _, _, _, bad := jsonTag(f.Name(), st.Tag(i)); bad != "" {
			t.diags.add(Diagnostic{Pos: t.fset.Position(f.Pos()), Code: UnsupportedType, Message: "json tag option " + bad + " of field " + f.Name(), Hint: "only omitempty and \"-\" are supported: convert the field yourself"})
		}
	}
	// Fields promoted from embedded structs have dotted attribute paths.
	for _, jf := range jsonFields(typ) {
		kind := ""
		if isByteSlice(jf.typ) {
			kind = "bytes"
		}
		jspec = append(jspec, pyTuple(pyast.NewStr(jf.name), pyast.NewStr(jf.jsonAttr()), pyBool(jf.omit), pyast.NewStr(kind)))
	}
	t.classDefs = append(t.classDefs, &pyast.Assign{
		Targets: []pyast.Expr{pyName(name)},
		Value: t.shimCall("_gg_struct", pyast.NewStr(name), pyTuple(gonames...), pyTuple(attrs...),
			&pyast.Lambda{Body: pyTuple(zeros...)}, pyTuple(vals...), pyTuple(jspec...),
			&pyast.Lambda{Body: &pyast.Dict{Keys: jtypesK, Values: jtypesV}}),
	})
	t.markEmbedded(st, pyName(name))
	return pyName(name), okAll
}

// jsonTag parses a field's json tag: the name, omitempty, and "-"; bad
// is the first option encoding/json follows that the shims do not
// (string, omitzero); other options encoding/json ignores too.
func jsonTag(field, tag string) (name string, omitempty, skip bool, bad string) {
	v, ok := reflect.StructTag(tag).Lookup("json")
	if !ok {
		return field, false, false, ""
	}
	if v == "-" {
		return "", false, true, ""
	}
	parts := strings.Split(v, ",")
	name = parts[0]
	if name == "" {
		name = field
	}
	for _, p := range parts[1:] {
		switch p {
		case "omitempty":
			omitempty = true
		case "string", "omitzero":
			if bad == "" {
				bad = p
			}
		}
	}
	return name, omitempty, false, bad
}

// jsonDesc returns the type descriptor the json shims decode into.
func (t *translator) jsonDesc(typ types.Type) pyast.Expr {
	s := func(xs ...pyast.Expr) pyast.Expr { return pyTuple(xs...) }
	switch u := typ.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return s(pyast.NewStr("bool"))
		case u.Info()&types.IsInteger != 0:
			bits, signed, _ := intInfo(typ)
			if isDuration(typ) {
				// fmt prints a nested Duration through String.
				return s(pyast.NewStr("int"), pyast.NewInt(int64(bits)), pyBool(signed), pyName(t.shims.use("_gg_dur_str")))
			}
			return s(pyast.NewStr("int"), pyast.NewInt(int64(bits)), pyBool(signed))
		case u.Info()&types.IsFloat != 0:
			bits := 64
			if isFloat32(typ) {
				bits = 32
			}
			return s(pyast.NewStr("float"), pyast.NewInt(int64(bits)))
		case u.Info()&types.IsString != 0:
			return s(pyast.NewStr("string"))
		}
	case *types.Slice:
		if isByteSlice(typ) {
			return s(pyast.NewStr("bytes"))
		}
		return s(pyast.NewStr("slice"), t.jsonDesc(u.Elem()))
	case *types.Map:
		return s(pyast.NewStr("map"), t.jsonDesc(u.Key()), t.jsonDesc(u.Elem()))
	case *types.Pointer:
		return s(pyast.NewStr("ptr"), t.jsonDesc(u.Elem()))
	case *types.Struct:
		if cls, ok := t.structClass(typ); ok {
			return s(pyast.NewStr("struct"), cls, pyast.NewStr(types.TypeString(typ, qualifier)))
		}
	case *types.Interface:
		return s(pyast.NewStr("any"))
	}
	return s(pyast.NewStr("unsupported"), pyast.NewStr(types.TypeString(typ, qualifier)))
}

// jsonMethodNames are the methods encoding/json calls instead of
// encoding a value's fields, for Marshal and for Unmarshal.
var jsonMethodNames = map[bool][]string{
	true:  {"MarshalJSON", "MarshalText"},
	false: {"UnmarshalJSON", "UnmarshalText"},
}

// checkJSONMethods reports, at n, a module type reachable in a value of
// type typ that encoding/json would encode (marshal) or decode through
// its own method, declared or promoted from an embedded field: the shims
// encode fields only.
func (t *translator) checkJSONMethods(n ast.Node, typ types.Type, marshal bool) {
	seen := map[types.Type]bool{}
	var walk func(typ types.Type) bool
	walk = func(typ types.Type) bool {
		if seen[typ] {
			return false
		}
		seen[typ] = true
		if named, ok := types.Unalias(derefType(typ)).(*types.Named); ok && named.Obj().Pkg() != nil && t.inModule(named.Obj().Pkg().Path()) {
			ms := types.NewMethodSet(types.NewPointer(named))
			for _, m := range jsonMethodNames[marshal] {
				if s := ms.Lookup(nil, m); s != nil {
					how := ""
					if len(s.Index()) > 1 {
						how = " (promoted from an embedded field)"
					}
					t.errorf(n, UnsupportedType, "encode a type without the method, e.g. copy the fields into a plain struct", "%s has method %s%s, which encoding/json calls and the translation does not", types.TypeString(named, qualifier), m, how)
					return true
				}
			}
		}
		switch u := typ.Underlying().(type) {
		case *types.Pointer:
			return walk(u.Elem())
		case *types.Slice:
			return walk(u.Elem())
		case *types.Map:
			return walk(u.Key()) || walk(u.Elem())
		case *types.Struct:
			for _, f := range jsonFields(typ) {
				if walk(f.typ) {
					return true
				}
			}
		}
		return false
	}
	walk(typ)
}

// attachMethods makes the methods of a struct type attributes of its
// class, so calls through interfaces (error, fmt.Stringer, the module's
// own interfaces) dispatch in Python.
func (t *translator) attachMethods(named *types.Named) {
	key := typeKey(named)
	if t.attached[key] {
		return
	}
	t.attached[key] = true
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return
	}
	cls, ok := t.structClass(named)
	if !ok {
		return
	}
	for i := 0; i < named.NumMethods(); i++ {
		m := named.Method(i).Origin()
		fd, ok := t.decls[m]
		if !ok || m.Signature().TypeParams().Len() > 0 {
			continue // a generic method is in no interface's method set
		}
		var fn pyast.Expr = t.methodRef(m, named, nil, fd.decl.Name)
		if _, ptr := m.Signature().Recv().Type().(*types.Pointer); !ptr && t.recvMayChange(fd) {
			// Direct calls copy a value receiver at the call site; calls
			// through an interface reach the class attribute.
			fn = t.shimCall("_gg_copyfirst", fn, pyBool(false))
		}
		t.attach = append(t.attach, &pyast.Assign{Targets: []pyast.Expr{pyAttr(cls, attrName(m.Name()))}, Value: fn})
		if _, ptr := m.Signature().Recv().Type().(*types.Pointer); ptr && m.Name() == "Error" {
			// Only *T is an error: errors.Is compares such errors by identity.
			t.attach = append(t.attach, &pyast.Assign{Targets: []pyast.Expr{pyAttr(cls, "_gg_ptrerr")}, Value: pyBool(true)})
		}
	}
	t.attachPromoted(named, cls)
	t.markPtrOnly(named, cls)
}

// recvMayChange reports whether a method with a value receiver may write
// to its receiver or let it escape (pass, return or store it, call a
// method on it), so a caller that does not copy it would see the change.
// Reading its fields is safe.
func (t *translator) recvMayChange(d funcDecl) bool {
	fd := d.decl
	if fd.Recv == nil || len(fd.Recv.List) == 0 || len(fd.Recv.List[0].Names) == 0 || fd.Body == nil {
		return false
	}
	info := d.pkg.TypesInfo
	recv := info.Defs[fd.Recv.List[0].Names[0]]
	if recv == nil {
		return false
	}
	// Field reads recv.F (chains of them) are the only safe uses; each is
	// unsafe when written (assignment, ++, &).
	safe := map[*ast.Ident]bool{}
	written := map[ast.Node]bool{}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				written[ast.Unparen(l)] = true
			}
		case *ast.IncDecStmt:
			written[ast.Unparen(n.X)] = true
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				written[ast.Unparen(n.X)] = true
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				written[ast.Unparen(n.Key)] = true
			}
			if n.Value != nil {
				written[ast.Unparen(n.Value)] = true
			}
		case *ast.SelectorExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == recv {
				if sel := info.Selections[n]; sel != nil && sel.Kind() == types.FieldVal {
					safe[id] = true
				}
			}
		}
		return true
	})
	changes := false
	var path []ast.Node
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if n == nil {
			path = path[:len(path)-1]
			return false
		}
		path = append(path, n)
		id, ok := n.(*ast.Ident)
		if !ok || info.Uses[id] != recv {
			return true
		}
		if !safe[id] {
			changes = true
			return true
		}
		// Walk up the field selectors: any of them written, or the
		// receiver of a pointer method (h.In.Bump()), is a change.
		for i := len(path) - 2; i >= 0; i-- {
			if written[path[i]] {
				changes = true
				break
			}
			if sel, ok := path[i].(*ast.SelectorExpr); ok {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					if _, ptr := s.Obj().(*types.Func).Signature().Recv().Type().(*types.Pointer); ptr {
						changes = true
					}
					break
				}
			}
			if _, ok := path[i].(*ast.SelectorExpr); !ok {
				if _, paren := path[i].(*ast.ParenExpr); !paren {
					break
				}
			}
		}
		return true
	})
	return changes
}

// cmdType returns a named type of package runtime/cmd (Z, XMessage...).
func (t *translator) cmdType(name string) types.Type {
	p := t.imports[cmdPath]
	if p == nil {
		return nil
	}
	obj := p.Scope().Lookup(name)
	if obj == nil {
		return nil
	}
	return obj.Type()
}

// sentinel translates a package-level error variable initialized with
// errors.New of a constant into a module-level value, so comparisons
// with it keep their identity.
func (t *translator) sentinel(v *types.Var) (string, bool) {
	if n, ok := t.sentinels[v]; ok {
		return n, true
	}
	init, ok := t.varInits[v]
	if !ok || !isErrorType(v.Type()) || t.assignedAnywhere(v) {
		return "", false
	}
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	pkg := t.varPkgs[v]
	fn, _ := typeutil.Callee(pkg.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "errors" || fn.Name() != "New" {
		return "", false
	}
	tv := pkg.TypesInfo.Types[call.Args[0]]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	n := t.module.fresh(v.Name())
	t.sentinels[v] = n
	t.preamble = append(t.preamble, &pyast.Assign{Targets: []pyast.Expr{pyName(n)}, Value: t.shimCall("_GgError", pyBytes(constant.StringVal(tv.Value)))})
	return n, true
}

// assignedAnywhere reports whether a package-level variable is assigned
// in any loaded file.
func (t *translator) assignedAnywhere(v *types.Var) bool {
	pkg := t.varPkgs[v]
	if pkg == nil {
		return true
	}
	for _, f := range pkg.Syntax {
		if assignedIn(pkg.TypesInfo, f, v) {
			return true
		}
	}
	return false
}

// A paramInfo is a gear parameter declared with dsl.Param.
type paramInfo struct {
	name string
	def  pyast.Expr
}

// param reads the declaration var P = dsl.Param("name", default) with
// constant arguments.
func (t *translator) param(v *types.Var) (paramInfo, bool) {
	init, ok := t.varInits[v]
	if !ok {
		return paramInfo{}, false
	}
	pkg := t.varPkgs[v]
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 {
		return paramInfo{}, false
	}
	fn, _ := typeutil.Callee(pkg.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != dslPath || fn.Name() != "Param" {
		return paramInfo{}, false
	}
	nv := pkg.TypesInfo.Types[call.Args[0]].Value
	dv := pkg.TypesInfo.Types[call.Args[1]]
	if nv == nil || nv.Kind() != constant.String || dv.Value == nil {
		return paramInfo{}, false
	}
	def, ok := t.constExpr(dv.Value, dv.Type)
	if !ok {
		return paramInfo{}, false
	}
	return paramInfo{constant.StringVal(nv), def}, true
}

// typeKey identifies a type for the classes made and methods attached:
// its type string, which two types declared in different functions with
// the same name share, so a local named type adds its position.
func typeKey(typ types.Type) string {
	key := types.TypeString(typ, nil)
	if named, ok := types.Unalias(typ).(*types.Named); ok {
		if obj := named.Obj(); obj.Pkg() != nil && obj.Parent() != nil && obj.Parent() != obj.Pkg().Scope() {
			key += "@" + strconv.Itoa(int(obj.Pos()))
		}
	}
	return key
}
