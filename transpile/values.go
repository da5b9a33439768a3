package transpile

// This file decides how Go values are represented in Python: integers are
// Python ints wrapped to their width after every operation that can
// overflow, strings are bytes, nil slices, maps, pointers and interfaces
// are None, structs are instances of generated classes.

import (
	"go/constant"
	"go/types"
	"math"
	"math/big"

	"github.com/gogears/gogears/pyast"
)

// Small constructors keep the translator readable.

func pyName(id string) *pyast.Name { return pyast.NewName(id) }

func pyCall(fn pyast.Expr, args ...pyast.Expr) *pyast.Call {
	return &pyast.Call{Func: fn, Args: args}
}

func pyAttr(x pyast.Expr, attr string) *pyast.Attribute {
	return &pyast.Attribute{Value: x, Attr: attr}
}

func pyBin(l pyast.Expr, op pyast.Op, r pyast.Expr) *pyast.BinOp {
	return &pyast.BinOp{Left: l, Op: op, Right: r}
}

func pyCmp(l pyast.Expr, op pyast.Op, r pyast.Expr) *pyast.Compare {
	return &pyast.Compare{Left: l, Ops: []pyast.Op{op}, Comparators: []pyast.Expr{r}}
}

func pyNone() *pyast.None { return &pyast.None{} }

func pyBool(b bool) *pyast.Bool { return &pyast.Bool{Value: b} }

func pyBytes(s string) *pyast.Bytes { return &pyast.Bytes{Value: []byte(s)} }

func pyTuple(xs ...pyast.Expr) *pyast.Tuple { return &pyast.Tuple{Elts: xs} }

// shimCall calls a shim and records that the script needs it.
func (t *translator) shimCall(name string, args ...pyast.Expr) *pyast.Call {
	return pyCall(pyName(t.shims.use(name)), args...)
}

// intInfo returns the bit width and signedness of an integer type.
func intInfo(typ types.Type) (bits int, signed bool, ok bool) {
	b, isBasic := typ.Underlying().(*types.Basic)
	if !isBasic {
		return 0, false, false
	}
	switch b.Kind() {
	case types.Int, types.Int64, types.UntypedInt, types.UntypedRune:
		return 64, true, true
	case types.Int32:
		return 32, true, true
	case types.Int16:
		return 16, true, true
	case types.Int8:
		return 8, true, true
	case types.Uint, types.Uint64:
		return 64, false, true
	case types.Uint32:
		return 32, false, true
	case types.Uint16:
		return 16, false, true
	case types.Uint8:
		return 8, false, true
	}
	return 0, false, false
}

func isInteger(t types.Type) bool { _, _, ok := intInfo(t); return ok }

func isFloat(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}

func isFloat32(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Float32
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsBoolean != 0
}

func isByteSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Uint8
}

func isRuneSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	if !ok {
		return false
	}
	b, ok := s.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Int32
}

// structOf returns the struct type of a struct or pointer-to-struct type.
func structOf(t types.Type) (*types.Struct, bool) {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, ok := t.Underlying().(*types.Struct)
	return s, ok
}

// isStructValue reports whether t is a struct (not a pointer to one): its
// values are copied on assignment.
func isStructValue(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// wrapInt narrows an integer result to its type's width.
func (t *translator) wrapInt(typ types.Type, e pyast.Expr) pyast.Expr {
	bits, signed, ok := intInfo(typ)
	if !ok {
		return e
	}
	name := "_gg_"
	if signed {
		name += "i"
	} else {
		name += "u"
	}
	switch bits {
	case 64:
		name += "64"
	case 32:
		name += "32"
	case 16:
		name += "16"
	default:
		name += "8"
	}
	return t.shimCall(name, e)
}

// constExpr returns the Python literal for a constant of type typ.
func (t *translator) constExpr(v constant.Value, typ types.Type) (pyast.Expr, bool) {
	switch {
	case isBool(typ) || v.Kind() == constant.Bool && !isString(typ):
		return pyBool(constant.BoolVal(v)), true
	case isString(typ):
		return pyBytes(constant.StringVal(v)), true
	case isFloat(typ):
		f, _ := constant.Float64Val(constant.ToFloat(v))
		if isFloat32(typ) {
			f = float64(float32(f))
		}
		return &pyast.Float{Value: f}, true
	case isInteger(typ):
		iv := constant.ToInt(v)
		if iv.Kind() != constant.Int {
			return nil, false
		}
		b, ok := new(big.Int).SetString(iv.ExactString(), 10)
		if !ok {
			return nil, false
		}
		return &pyast.Int{Value: b}, true
	}
	// Untyped constants in an interface context keep their default type.
	switch v.Kind() {
	case constant.String:
		return pyBytes(constant.StringVal(v)), true
	case constant.Int:
		b, _ := new(big.Int).SetString(v.ExactString(), 10)
		return &pyast.Int{Value: b}, b != nil
	case constant.Float:
		f, _ := constant.Float64Val(v)
		if math.IsInf(f, 0) {
			return nil, false
		}
		return &pyast.Float{Value: f}, true
	case constant.Bool:
		return pyBool(constant.BoolVal(v)), true
	}
	return nil, false
}

// zeroValue returns a fresh zero value of typ, or nil with ok false for a
// type the translation has no representation for.
func (t *translator) zeroValue(typ types.Type) (pyast.Expr, bool) {
	if tp, ok := types.Unalias(typ).(*types.TypeParam); ok {
		return t.typeParamZero(tp)
	}
	switch u := typ.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsBoolean != 0:
			return pyBool(false), true
		case u.Info()&types.IsInteger != 0:
			if u.Kind() == types.Uintptr {
				return nil, false
			}
			return pyast.NewInt(0), true
		case u.Info()&types.IsFloat != 0:
			return &pyast.Float{Value: 0}, true
		case u.Info()&types.IsString != 0:
			return pyBytes(""), true
		case u.Kind() == types.UntypedNil:
			return pyNone(), true
		}
		return nil, false
	case *types.Slice, *types.Map, *types.Pointer, *types.Interface, *types.Signature:
		return pyNone(), true
	case *types.Struct:
		if named, ok := types.Unalias(typ).(*types.Named); ok && named.Obj().Pkg() != nil {
			if z, ok := stdZero[named.Obj().Pkg().Path()+"."+named.Obj().Name()]; ok {
				return z(t), true
			}
		}
		cls, ok := t.structClass(typ)
		if !ok {
			return nil, false
		}
		return pyCall(cls), true
	}
	return nil, false
}

// needsCopy reports whether a value of type typ read from e must be copied
// to keep Go's value semantics: structs read from a variable, field,
// element or pointer, as opposed to fresh values from a literal or call.
func needsCopy(typ types.Type, fresh bool) bool {
	return isStructValue(typ) && !fresh
}

// typeParamZero returns the zero value of a type parameter when every type
// of its constraint has the same Python zero; any, comparable and mixed
// constraints have none. Bodies are translated per instantiation
// (generics.go), so only types outside a body reach it.
func (t *translator) typeParamZero(tp *types.TypeParam) (pyast.Expr, bool) {
	iface, ok := tp.Constraint().Underlying().(*types.Interface)
	if !ok {
		return nil, false
	}
	var zero pyast.Expr
	kind := ""
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		var terms []types.Type
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := 0; j < e.Len(); j++ {
				terms = append(terms, e.Term(j).Type())
			}
		default:
			terms = append(terms, e)
		}
		for _, term := range terms {
			var k string
			switch u := term.Underlying().(type) {
			case *types.Basic:
				switch {
				case u.Info()&types.IsBoolean != 0:
					k = "bool"
				case u.Info()&types.IsInteger != 0:
					k = "int"
				case u.Info()&types.IsFloat != 0:
					k = "float"
				case u.Info()&types.IsString != 0:
					k = "string"
				}
			case *types.Slice, *types.Map, *types.Pointer, *types.Signature:
				k = "nil"
			}
			if k == "" || kind != "" && k != kind {
				return nil, false
			}
			if kind == "" {
				kind = k
				if z, ok := t.zeroValue(term); ok {
					zero = z
				}
			}
		}
	}
	return zero, zero != nil
}
