package pyast

// An Op is a Python operator. The zero Op is invalid, so a node whose Op
// was never set fails to print.
//
// Python 3.7 binds operators as follows, loosest first; [Op.Precedence]
// returns these levels:
//
//	PrecLambda   lambda
//	PrecIfExp    x if c else y
//	PrecOr       or
//	PrecAnd      and
//	PrecNot      not x
//	PrecCompare  in, not in, is, is not, <, <=, >, >=, !=, ==
//	PrecBitOr    |
//	PrecBitXor   ^
//	PrecBitAnd   &
//	PrecShift    <<, >>
//	PrecArith    +, -
//	PrecTerm     *, @, /, //, %
//	PrecUnary    +x, -x, ~x
//	PrecPower    **
//	PrecAwait    await x (the left operand of ** must bind this tightly)
//	PrecPostfix  x(...), x[...], x.attr
//	PrecAtom     names, literals, displays
//
// Binary operators are left-associative except **, which is
// right-associative: 2 ** 3 ** 2 is 2 ** (3 ** 2). ** also binds tighter
// than a unary minus on its left, so -2 ** 2 is -(2 ** 2), while a unary
// minus on its right is allowed bare: 2 ** -1. Comparisons chain (a < b < c
// is one Compare), and not binds looser than comparisons (not a == b is
// not (a == b)).
type Op int

// The operators, grouped by the node kind that takes them.
const (
	// BinOp and AugAssign.
	Add      Op = iota + 1 // +
	Sub                    // -
	Mult                   // *
	MatMult                // @
	Div                    // /
	Mod                    // %
	Pow                    // **
	LShift                 // <<
	RShift                 // >>
	BitOr                  // |
	BitXor                 // ^
	BitAnd                 // &
	FloorDiv               // //

	// BoolOp.
	And // and
	Or  // or

	// UnaryOp.
	Invert // ~
	Not    // not
	UAdd   // +
	USub   // -

	// Compare.
	Eq    // ==
	NotEq // !=
	Lt    // <
	LtE   // <=
	Gt    // >
	GtE   // >=
	Is    // is
	IsNot // is not
	In    // in
	NotIn // not in
)

// The precedence levels of Python 3.7, loosest first; see [Op].
const (
	PrecLambda = iota + 1
	PrecIfExp
	PrecOr
	PrecAnd
	PrecNot
	PrecCompare
	PrecBitOr
	PrecBitXor
	PrecBitAnd
	PrecShift
	PrecArith
	PrecTerm
	PrecUnary
	PrecPower
	PrecAwait
	PrecPostfix
	PrecAtom
)

// opInfo holds, per Op, its source text, CPython class name and level.
var opInfo = [...]struct {
	text, name string
	prec       int
}{
	Add:      {"+", "Add", PrecArith},
	Sub:      {"-", "Sub", PrecArith},
	Mult:     {"*", "Mult", PrecTerm},
	MatMult:  {"@", "MatMult", PrecTerm},
	Div:      {"/", "Div", PrecTerm},
	Mod:      {"%", "Mod", PrecTerm},
	Pow:      {"**", "Pow", PrecPower},
	LShift:   {"<<", "LShift", PrecShift},
	RShift:   {">>", "RShift", PrecShift},
	BitOr:    {"|", "BitOr", PrecBitOr},
	BitXor:   {"^", "BitXor", PrecBitXor},
	BitAnd:   {"&", "BitAnd", PrecBitAnd},
	FloorDiv: {"//", "FloorDiv", PrecTerm},
	And:      {"and", "And", PrecAnd},
	Or:       {"or", "Or", PrecOr},
	Invert:   {"~", "Invert", PrecUnary},
	Not:      {"not", "Not", PrecNot},
	UAdd:     {"+", "UAdd", PrecUnary},
	USub:     {"-", "USub", PrecUnary},
	Eq:       {"==", "Eq", PrecCompare},
	NotEq:    {"!=", "NotEq", PrecCompare},
	Lt:       {"<", "Lt", PrecCompare},
	LtE:      {"<=", "LtE", PrecCompare},
	Gt:       {">", "Gt", PrecCompare},
	GtE:      {">=", "GtE", PrecCompare},
	Is:       {"is", "Is", PrecCompare},
	IsNot:    {"is not", "IsNot", PrecCompare},
	In:       {"in", "In", PrecCompare},
	NotIn:    {"not in", "NotIn", PrecCompare},
}

func (op Op) valid() bool { return op > 0 && int(op) < len(opInfo) }

// String returns the operator's source text, e.g. "**" or "not in".
func (op Op) String() string {
	if !op.valid() {
		return "Op(?)"
	}
	return opInfo[op].text
}

// Name returns the operator's CPython class name, e.g. "Pow" or "NotIn".
func (op Op) Name() string {
	if !op.valid() {
		return "Op(?)"
	}
	return opInfo[op].name
}

// Precedence returns the level at which op binds (see [Op]), or 0 for an
// invalid Op.
func (op Op) Precedence() int {
	if !op.valid() {
		return 0
	}
	return opInfo[op].prec
}

// IsBinary reports whether op belongs in a BinOp or AugAssign.
func (op Op) IsBinary() bool { return op >= Add && op <= FloorDiv }

// IsBool reports whether op belongs in a BoolOp.
func (op Op) IsBool() bool { return op == And || op == Or }

// IsUnary reports whether op belongs in a UnaryOp.
func (op Op) IsUnary() bool { return op >= Invert && op <= USub }

// IsCompare reports whether op belongs in a Compare.
func (op Op) IsCompare() bool { return op >= Eq && op <= NotIn }
