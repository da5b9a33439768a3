package pyast

import "math/big"

// ----------------------------------------------------------------------------
// Interfaces

// A Node is any node of the tree. Only types of this package implement it.
type Node interface {
	// Tagged returns the node's Tag, which the node's creator may set.
	Tagged() *Tag
}

// An Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// A Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// A Tag holds what the creator of a node attaches to it. Every node embeds
// one. pyast copies nothing from it and never prints it.
type Tag struct {
	Origin any // opaque to pyast, e.g. the Go position a node comes from; or nil
}

// Tagged returns t; it makes every node that embeds a Tag a [Node].
func (t *Tag) Tagged() *Tag { return t }

// ----------------------------------------------------------------------------
// Expressions

type (
	// A Name node represents a variable reference. ID must be an
	// identifier ([IsIdentifier]) and not a keyword.
	Name struct {
		Tag
		ID string
	}

	// An Int node represents an integer literal of any size. A negative
	// value prints as a unary minus applied to its absolute value.
	Int struct {
		Tag
		Value *big.Int // required
	}

	// A Float node represents a float literal. Negative values (and -0.0)
	// print as a unary minus; +Inf prints as 1e999, which CPython reads as
	// inf; NaN prints as float('nan'), since Python has no NaN literal.
	Float struct {
		Tag
		Value float64
	}

	// A Str node represents a str literal. Value must be valid UTF-8; the
	// printer refuses anything else with [ErrInvalidUTF8] (use [Bytes]).
	Str struct {
		Tag
		Value string
	}

	// A Bytes node represents a bytes literal, b'...'.
	Bytes struct {
		Tag
		Value []byte
	}

	// A Bool node represents True or False.
	Bool struct {
		Tag
		Value bool
	}

	// A None node represents None.
	None struct {
		Tag
	}

	// A UnaryOp node represents a unary operation: Op is [Not], [Invert],
	// [UAdd] or [USub].
	UnaryOp struct {
		Tag
		Op      Op
		Operand Expr
	}

	// A BinOp node represents a binary arithmetic or bitwise operation.
	BinOp struct {
		Tag
		Left  Expr
		Op    Op // Add through FloorDiv
		Right Expr
	}

	// A BoolOp node represents a chain of `and` or `or` over at least two
	// values. A nested BoolOp prints in parentheses, so the tree's shape
	// survives parsing.
	BoolOp struct {
		Tag
		Op     Op // And or Or
		Values []Expr
	}

	// A Compare node represents Left Ops[0] Comparators[0] Ops[1] ... , a
	// comparison chain. A Compare operand that is itself a Compare prints
	// in parentheses, so comparisons never chain by accident.
	Compare struct {
		Tag
		Left        Expr
		Ops         []Op // Eq through NotIn; as many as Comparators
		Comparators []Expr
	}

	// An IfExp node represents a conditional expression, Body if Test else
	// Else.
	IfExp struct {
		Tag
		Test Expr
		Body Expr
		Else Expr
	}

	// A Lambda node represents a lambda expression.
	Lambda struct {
		Tag
		Args Arguments
		Body Expr
	}

	// A Call node represents a call. Args may hold [Starred] values for
	// *args; they print before the keywords, as CPython orders them.
	Call struct {
		Tag
		Func     Expr
		Args     []Expr
		Keywords []Keyword
	}

	// An Attribute node represents Value.Attr.
	Attribute struct {
		Tag
		Value Expr
		Attr  string
	}

	// A Subscript node represents Value[Index]. Index may be a [Slice], or
	// a [Tuple] whose elements may be slices (a[1:2, 3]).
	Subscript struct {
		Tag
		Value Expr
		Index Expr
	}

	// A Slice node represents Lower:Upper:Step. It is valid only as a
	// Subscript index or an element of a Tuple that is one.
	Slice struct {
		Tag
		Lower Expr // or nil
		Upper Expr // or nil
		Step  Expr // or nil
	}

	// A Starred node represents *Value: an element of a display or an
	// assignment target, or a call argument.
	Starred struct {
		Tag
		Value Expr
	}

	// A List node represents a list display, or a list of targets.
	List struct {
		Tag
		Elts []Expr
	}

	// A Tuple node represents a tuple display, or a tuple of targets. It
	// prints without parentheses where the grammar allows; a one-element
	// tuple prints as (x,), or a[x,] as an index.
	Tuple struct {
		Tag
		Elts []Expr
	}

	// A Dict node represents a dict display. A nil key means **Values[i].
	Dict struct {
		Tag
		Keys   []Expr // as many as Values; nil entries unpack a mapping
		Values []Expr
	}

	// A Set node represents a non-empty set display; Python has no literal
	// for an empty set (write set()).
	Set struct {
		Tag
		Elts []Expr
	}

	// A ListComp node represents [Elt for ... in ... if ...].
	ListComp struct {
		Tag
		Elt        Expr
		Generators []Comprehension // at least one
	}

	// A SetComp node represents {Elt for ...}.
	SetComp struct {
		Tag
		Elt        Expr
		Generators []Comprehension // at least one
	}

	// A DictComp node represents {Key: Value for ...}.
	DictComp struct {
		Tag
		Key        Expr
		Value      Expr
		Generators []Comprehension // at least one
	}

	// A GeneratorExp node represents (Elt for ...).
	GeneratorExp struct {
		Tag
		Elt        Expr
		Generators []Comprehension // at least one
	}

	// A Yield node represents a yield expression. It prints without
	// parentheses only as a whole expression statement or assigned value.
	Yield struct {
		Tag
		Value Expr // or nil
	}

	// A YieldFrom node represents yield from Value.
	YieldFrom struct {
		Tag
		Value Expr
	}
)

// ----------------------------------------------------------------------------
// Parts of expressions and statements

type (
	// An Arguments node represents the parameters of a def or lambda:
	// positional parameters, defaults for the last of them, *Vararg and
	// **Kwarg.
	Arguments struct {
		Tag
		Args     []string
		Defaults []Expr // defaults of the last len(Defaults) Args
		Vararg   string // or ""
		Kwarg    string // or ""
	}

	// A Keyword node represents a keyword argument Arg=Value, or **Value
	// when Arg is empty.
	Keyword struct {
		Tag
		Arg   string // or "" for **Value
		Value Expr
	}

	// A Comprehension node represents one `for Target in Iter if ...`
	// clause of a comprehension.
	Comprehension struct {
		Tag
		Target Expr
		Iter   Expr
		Ifs    []Expr
	}

	// An Alias node represents one name of an import: Name as AsName.
	Alias struct {
		Tag
		Name   string // dotted for Import; "*" alone for ImportFrom
		AsName string // or ""
	}

	// A WithItem node represents one Context as Vars item of a with.
	WithItem struct {
		Tag
		Context Expr
		Vars    Expr // or nil
	}

	// An ExceptHandler node represents an except clause.
	ExceptHandler struct {
		Tag
		Type Expr   // or nil for a bare except
		Name string // or ""; needs Type
		Body []Stmt
	}
)

// ----------------------------------------------------------------------------
// Statements

type (
	// A FunctionDef node represents a def. Comments print as comment lines
	// directly above the def line, after any blank lines.
	FunctionDef struct {
		Tag
		Comments []string // one line each, without "#"; see Comment
		Name     string
		Args     Arguments
		Body     []Stmt
	}

	// A Return node represents a return statement.
	Return struct {
		Tag
		Value Expr // or nil
	}

	// A Delete node represents del Targets.
	Delete struct {
		Tag
		Targets []Expr
	}

	// An Assign node represents Targets[0] = Targets[1] = ... = Value. A
	// Tuple target prints without parentheses (a, b = f()).
	Assign struct {
		Tag
		Targets []Expr
		Value   Expr
	}

	// An AugAssign node represents Target Op= Value.
	AugAssign struct {
		Tag
		Target Expr
		Op     Op // Add through FloorDiv
		Value  Expr
	}

	// A For node represents a for loop.
	For struct {
		Tag
		Target Expr
		Iter   Expr
		Body   []Stmt
		Else   []Stmt // or nil
	}

	// A While node represents a while loop.
	While struct {
		Tag
		Test Expr
		Body []Stmt
		Else []Stmt // or nil
	}

	// An If node represents an if statement. An Else holding exactly one
	// If prints as elif.
	If struct {
		Tag
		Test Expr
		Body []Stmt
		Else []Stmt // or nil
	}

	// A With node represents a with statement.
	With struct {
		Tag
		Items []WithItem // at least one
		Body  []Stmt
	}

	// A Raise node represents raise Exc from Cause.
	Raise struct {
		Tag
		Exc   Expr // or nil to re-raise
		Cause Expr // or nil; needs Exc
	}

	// A Try node represents try/except/else/finally. It needs a handler or
	// a Finally, and Else needs a handler.
	Try struct {
		Tag
		Body     []Stmt
		Handlers []ExceptHandler
		Else     []Stmt // or nil
		Finally  []Stmt // or nil
	}

	// An Assert node represents assert Test, Msg.
	Assert struct {
		Tag
		Test Expr
		Msg  Expr // or nil
	}

	// An Import node represents import a.b as c, d.
	Import struct {
		Tag
		Names []Alias
	}

	// An ImportFrom node represents from ..Module import names.
	ImportFrom struct {
		Tag
		Module string // dotted, or "" when Level > 0
		Names  []Alias
		Level  int // number of leading dots
	}

	// A Global node represents a global statement.
	Global struct {
		Tag
		Names []string
	}

	// A Nonlocal node represents a nonlocal statement.
	Nonlocal struct {
		Tag
		Names []string
	}

	// An ExprStmt node represents an expression used as a statement (CPython's
	// Expr).
	ExprStmt struct {
		Tag
		Value Expr
	}

	// A Pass node represents pass.
	Pass struct {
		Tag
	}

	// A Break node represents break.
	Break struct {
		Tag
	}

	// A Continue node represents continue.
	Continue struct {
		Tag
	}

	// A Comment node represents a comment line, # Text. It is not part of
	// CPython's tree: [Dump] leaves it out. Text must be one line of valid
	// UTF-8 without NUL; the printer refuses anything else with
	// [ErrInvalidComment] so nothing can break out of the comment (use
	// [CommentLines] to split arbitrary text). Trailing blanks are dropped.
	Comment struct {
		Tag
		Text string
	}
)

// ----------------------------------------------------------------------------
// Modules

// A Module node represents a whole source file. Comments print as the first
// lines of the file, one `# text` line each, followed by a blank line.
type Module struct {
	Tag
	Comments []string // header lines, without "#"; see Comment
	Body     []Stmt
}

// ----------------------------------------------------------------------------
// Marker methods

func (*Name) exprNode()         {}
func (*Int) exprNode()          {}
func (*Float) exprNode()        {}
func (*Str) exprNode()          {}
func (*Bytes) exprNode()        {}
func (*Bool) exprNode()         {}
func (*None) exprNode()         {}
func (*UnaryOp) exprNode()      {}
func (*BinOp) exprNode()        {}
func (*BoolOp) exprNode()       {}
func (*Compare) exprNode()      {}
func (*IfExp) exprNode()        {}
func (*Lambda) exprNode()       {}
func (*Call) exprNode()         {}
func (*Attribute) exprNode()    {}
func (*Subscript) exprNode()    {}
func (*Slice) exprNode()        {}
func (*Starred) exprNode()      {}
func (*List) exprNode()         {}
func (*Tuple) exprNode()        {}
func (*Dict) exprNode()         {}
func (*Set) exprNode()          {}
func (*ListComp) exprNode()     {}
func (*SetComp) exprNode()      {}
func (*DictComp) exprNode()     {}
func (*GeneratorExp) exprNode() {}
func (*Yield) exprNode()        {}
func (*YieldFrom) exprNode()    {}

func (*FunctionDef) stmtNode() {}
func (*Return) stmtNode()      {}
func (*Delete) stmtNode()      {}
func (*Assign) stmtNode()      {}
func (*AugAssign) stmtNode()   {}
func (*For) stmtNode()         {}
func (*While) stmtNode()       {}
func (*If) stmtNode()          {}
func (*With) stmtNode()        {}
func (*Raise) stmtNode()       {}
func (*Try) stmtNode()         {}
func (*Assert) stmtNode()      {}
func (*Import) stmtNode()      {}
func (*ImportFrom) stmtNode()  {}
func (*Global) stmtNode()      {}
func (*Nonlocal) stmtNode()    {}
func (*ExprStmt) stmtNode()    {}
func (*Pass) stmtNode()        {}
func (*Break) stmtNode()       {}
func (*Continue) stmtNode()    {}
func (*Comment) stmtNode()     {}

// ----------------------------------------------------------------------------
// Constructors

// NewInt returns an Int node holding v.
func NewInt(v int64) *Int { return &Int{Value: big.NewInt(v)} }

// NewStr returns a Str node holding s.
func NewStr(s string) *Str { return &Str{Value: s} }

// NewName returns a Name node for id.
func NewName(id string) *Name { return &Name{ID: id} }
